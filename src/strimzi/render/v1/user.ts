/*
 * The user model as a kafka.strimzi.io/v1 `KafkaUser` spec.
 */
import * as strimzi from '../../../../imports/kafka.strimzi.io';
import { AclPatternType, AclPermissionType } from '../../acl';
import type { AclEntry, UserModel } from '../../model/user';
import { inSchemaOrder, SchemaOrder } from '../schema-order';

function renderAcl(e: AclEntry): strimzi.KafkaUserSpecAuthorizationAcls {
  return {
    type: e.permission === AclPermissionType.DENY ? strimzi.KafkaUserSpecAuthorizationAclsType.DENY
      : (e.explicitPermission ? strimzi.KafkaUserSpecAuthorizationAclsType.ALLOW : undefined),
    resource: {
      type: e.resourceType as string as strimzi.KafkaUserSpecAuthorizationAclsResourceType,
      name: e.resourceName,
      patternType: e.patternType === AclPatternType.PREFIX ? strimzi.KafkaUserSpecAuthorizationAclsResourcePatternType.PREFIX : undefined,
    },
    host: e.host === '*' && !e.explicitHost ? undefined : e.host,
    operations: e.operations as string[] as strimzi.KafkaUserSpecAuthorizationAclsOperations[],
  };
}

/** The `spec` of a `KafkaUser`. */
export function renderUserSpecV1(m: UserModel): strimzi.KafkaUserSpec {
  const a = m.authentication;
  const labels = m.secretLabels;
  const annotations = m.secretAnnotations;
  return {
    authentication: {
      type: a.type as string as strimzi.KafkaUserSpecAuthenticationType,
      password: a.password && { valueFrom: { secretKeyRef: { name: a.password.secretName, key: a.password.key } } },
      validityDays: a.validityDays,
      renewalDays: a.renewalDays,
    },
    authorization: m.acls ? { type: strimzi.KafkaUserSpecAuthorizationType.SIMPLE, acls: m.acls.map(renderAcl) } : undefined,
    quotas: m.quotas,
    template: labels || annotations ? { secret: { metadata: { labels, annotations } } } : undefined,
  };
}

/**
 * The field order of `toJson_KafkaUserSpec` (imports/kafka.strimzi.io.ts), for the
 * fast path; test/strimzi/schema-order.test.ts checks it against the generated code.
 */
export const USER_SPEC_ORDER_V1: SchemaOrder = {
  authentication: {
    password: { valueFrom: { secretKeyRef: { key: 'value', name: 'value', optional: 'value' } } },
    renewalDays: 'value',
    type: 'value',
    validityDays: 'value',
  },
  authorization: {
    acls: ['list', {
      type: 'value',
      resource: { name: 'value', patternType: 'value', type: 'value' },
      host: 'value',
      operations: ['list', 'value'],
    }],
    type: 'value',
  },
  quotas: { producerByteRate: 'value', consumerByteRate: 'value', requestPercentage: 'value', controllerMutationRate: 'value' },
  template: { secret: { metadata: { labels: 'map', annotations: 'map' } } },
};

/** The resolved spec in the v1 schema's field order (what the generated `KafkaUser` class writes). */
export function orderUserSpecV1(resolved: any): any {
  // A user's many small ACL objects make the generated mapping slow; it still handles what the fast path does not know.
  return inSchemaOrder(USER_SPEC_ORDER_V1, resolved) ?? strimzi.toJson_KafkaUserSpec(resolved);
}
