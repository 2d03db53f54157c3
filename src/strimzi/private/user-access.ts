/*
 * What a user may do and how it connects, shared by owned and imported users
 * (library-internal).
 */
import { AclOperation, AclPermissionType, AclResource, AclResourceType, AclRule, KafkaUserAuthenticationType } from '../acl';
import type { IKafkaCluster } from '../cluster';
import { KafkaConnectionDetails, SecretKeyReference, SecurityProtocol } from '../connection';
import { GrantReadOptions, GrantWriteOptions } from '../grants';
import { Listener, ListenerAuthenticationType } from '../listener';
import { brokerCaFor } from './connection';

/** Operations that imply Describe (Kafka's authorizer rule). */
const IMPLIES_DESCRIBE = [AclOperation.READ, AclOperation.WRITE, AclOperation.DELETE, AclOperation.ALTER];

/**
 * Whether `rules` let `principalName` perform `operation` on the named resource, as Kafka's
 * authorizer decides it (see `KafkaUser.isAllowed`).
 */
export function aclAllows(cluster: IKafkaCluster, principalName: string, rules: AclRule[],
  resourceType: AclResourceType, resourceName: string, operation: AclOperation): boolean {
  if (!cluster.authorizationEnabled) {
    return true;
  }
  const superUsers = cluster.authorization?.superUsers ?? [];
  if (superUsers.includes(principalName)) {
    return true;
  }
  const matching = rules.filter((r) => r.resource.matches(resourceType, resourceName));
  const denied = matching.some((r) => (r.permission ?? AclPermissionType.ALLOW) === AclPermissionType.DENY
    && (r.operations.includes(operation) || r.operations.includes(AclOperation.ALL)));
  if (denied) {
    return false;
  }
  const implying = [operation, AclOperation.ALL];
  if (operation === AclOperation.DESCRIBE) {
    implying.push(...IMPLIES_DESCRIBE);
  }
  if (operation === AclOperation.DESCRIBE_CONFIGS) {
    implying.push(AclOperation.ALTER_CONFIGS);
  }
  return matching.some((r) => (r.permission ?? AclPermissionType.ALLOW) === AclPermissionType.ALLOW
    && (r.host ?? '*') === '*'
    && r.operations.some((op) => implying.includes(op)));
}

/** Whether a listener accepts a user authentication: true, false, or undefined when it cannot be told (custom). */
export function listenerAccepts(listener: Listener, authType: KafkaUserAuthenticationType): boolean | undefined {
  switch (listener.authentication.type) {
    case ListenerAuthenticationType.SCRAM_SHA_512:
      return authType === KafkaUserAuthenticationType.SCRAM_SHA_512;
    case ListenerAuthenticationType.TLS:
      return authType === KafkaUserAuthenticationType.TLS || authType === KafkaUserAuthenticationType.TLS_EXTERNAL;
    case ListenerAuthenticationType.CUSTOM:
      return undefined;
    default:
      return false;
  }
}

/** The user-specific inputs of connection details. */
export interface UserCredentialFacts {
  readonly userName: string;
  readonly secretName: string;
  readonly authType: KafkaUserAuthenticationType;
  /** tls-external: the user's own certificate and key. */
  readonly certificate?: SecretKeyReference;
  readonly key?: SecretKeyReference;
}

/** Connection details of a user through a listener: the cluster's plus the user's credentials. */
export function userConnectionDetails(cluster: IKafkaCluster, listener: Listener, user: UserCredentialFacts): KafkaConnectionDetails {
  const sasl = user.authType === KafkaUserAuthenticationType.SCRAM_SHA_512;
  const protocol = sasl
    ? (listener.tls ? SecurityProtocol.SASL_SSL : SecurityProtocol.SASL_PLAINTEXT)
    : (listener.tls ? SecurityProtocol.SSL : SecurityProtocol.PLAINTEXT);
  const secret = user.secretName;
  let userCertificate: SecretKeyReference | undefined;
  let userKey: SecretKeyReference | undefined;
  if (listener.tls && user.authType === KafkaUserAuthenticationType.TLS) {
    userCertificate = { secretName: secret, key: 'user.crt' };
    userKey = { secretName: secret, key: 'user.key' };
  } else if (listener.tls && user.authType === KafkaUserAuthenticationType.TLS_EXTERNAL) {
    userCertificate = user.certificate;
    userKey = user.key;
  }
  return {
    bootstrapServers: cluster.bootstrapServers(listener),
    securityProtocol: protocol,
    namespace: cluster.namespace,
    credentialsNamespace: cluster.userNamespace !== cluster.namespace ? cluster.userNamespace : undefined,
    clusterName: cluster.clusterName,
    listenerName: listener.name,
    saslMechanism: sasl ? 'SCRAM-SHA-512' : undefined,
    username: sasl ? user.userName : undefined,
    password: sasl ? { secretName: secret, key: 'password' } : undefined,
    jaasConfig: sasl ? { secretName: secret, key: 'sasl.jaas.config' } : undefined,
    userCertificate,
    userKey,
    brokerCa: brokerCaFor(cluster, listener),
  };
}

/** Throws when a topic grant is given another resource type (a wrong-type argument). */
export function assertTopicResource(resource: AclResource, method: string): void {
  const p = topicResourceProblem(resource, method);
  if (p) {
    throw new Error(`${p.problem}; ${p.fix}`);
  }
}

/** Why `resource` cannot be granted by a topic grant (reported at synth time), or undefined. */
export function topicResourceProblem(resource: AclResource, method: string): { problem: string; fix: string } | undefined {
  return resource.type === AclResourceType.TOPIC ? undefined : {
    problem: `${method}() was given ${resource}, which is not a topic resource, so nothing was granted`,
    fix: 'pass AclResource.topic(), topicPrefix() or allTopics(); name the consumer group in the options (consumerGroup), or use addAcl() for other resources',
  };
}

/** The rules a consumer of `topics` needs. */
export function readRules(topics: AclResource, options: GrantReadOptions): AclRule[] {
  const rules: AclRule[] = [{ resource: topics, operations: [AclOperation.READ, AclOperation.DESCRIBE] }];
  if (options.consumerGroup !== undefined) {
    rules.push({ resource: AclResource.group(options.consumerGroup), operations: [AclOperation.READ] });
  }
  if (options.consumerGroupPrefix !== undefined) {
    rules.push({ resource: AclResource.groupPrefix(options.consumerGroupPrefix), operations: [AclOperation.READ] });
  }
  return rules;
}

/** The rules a producer to `topics` needs. */
export function writeRules(topics: AclResource, options: GrantWriteOptions): AclRule[] {
  const rules: AclRule[] = [{ resource: topics, operations: [AclOperation.WRITE, AclOperation.DESCRIBE] }];
  if (options.transactionalId !== undefined) {
    rules.push({ resource: AclResource.transactionalId(options.transactionalId), operations: [AclOperation.WRITE, AclOperation.DESCRIBE] });
  }
  if (options.transactionalIdPrefix !== undefined) {
    const resource = AclResource.transactionalIdPrefix(options.transactionalIdPrefix);
    rules.push({ resource, operations: [AclOperation.WRITE, AclOperation.DESCRIBE] });
  }
  return rules;
}

/** One rule as its owner would write it, e.g. `allow Read, Describe on topic orders (literal) from *`. */
export function describeAcl(rule: AclRule): string {
  const permission = (rule.permission ?? AclPermissionType.ALLOW).toLowerCase();
  return `${permission} ${rule.operations.join(', ')} on ${rule.resource} from ${rule.host ?? '*'}`;
}

/** The listener authentication a user of `authType` needs, quoted for messages. */
export function expectedListenerAuth(authType: KafkaUserAuthenticationType): string {
  return authType === KafkaUserAuthenticationType.SCRAM_SHA_512 ? '"scram-sha-512"' : '"tls"';
}

/** The listener authentication a user of `authType` connects through. */
export function listenerAuthFor(authType: KafkaUserAuthenticationType): ListenerAuthenticationType {
  return authType === KafkaUserAuthenticationType.SCRAM_SHA_512 ? ListenerAuthenticationType.SCRAM_SHA_512 : ListenerAuthenticationType.TLS;
}

/** Why a user of `authType` cannot get connection details through `listener`, or undefined when it can. */
export function listenerProblem(cluster: IKafkaCluster, listener: Listener,
  authType: KafkaUserAuthenticationType): { problem: string; fix: string; ruleId: string } | undefined {
  if (cluster.findListener(listener.name) !== listener) {
    return {
      problem: `connection details requested through listener "${listener.name}", which is not a listener of cluster "${cluster.clusterName}"`,
      fix: 'pass one of the cluster\'s listeners (cluster.findListener(name))',
      ruleId: 'KAF-USR-020',
    };
  }
  if (listenerAccepts(listener, authType) === false) {
    return {
      problem: `connection details requested through listener "${listener.name}", whose authentication "${listener.authentication.type}" does not accept this user's authentication "${authType}"`,
      fix: `use a listener with ${expectedListenerAuth(authType)} authentication, or change the user's authentication`,
      ruleId: 'KAF-USR-021',
    };
  }
  if (listener.authentication.type === ListenerAuthenticationType.CUSTOM) {
    return {
      problem: `connection details requested through listener "${listener.name}" with custom authentication, whose credentials this library cannot derive`,
      fix: `use a listener with ${expectedListenerAuth(authType)} authentication, or configure the client by hand`,
      ruleId: 'KAF-USR-022',
    };
  }
  return undefined;
}
