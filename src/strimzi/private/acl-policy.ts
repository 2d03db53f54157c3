/*
 * ACL policy of a KafkaUser (library-internal): which operations Kafka checks on
 * each resource type, and the de-duplicated, stably ordered rules a user renders.
 */
import { ViolationCollector } from '../../common/validation';
import { AclOperation, AclPatternType, AclPermissionType, AclResourceType, AclRule } from '../acl';
import { KafkaAuthorizationType } from '../authorization';
import type { IKafkaCluster } from '../cluster';
import type { AclEntry } from '../model/user';

const RESOURCE_ORDER = [AclResourceType.TOPIC, AclResourceType.GROUP, AclResourceType.CLUSTER, AclResourceType.TRANSACTIONAL_ID];
const OPERATION_ORDER = Object.values(AclOperation) as AclOperation[];

/** The operations Kafka's authorizer checks on each resource type (`All` covers them all). */
const OPERATIONS_OF: { [type: string]: AclOperation[] } = {
  [AclResourceType.TOPIC]: [AclOperation.READ, AclOperation.WRITE, AclOperation.CREATE, AclOperation.DELETE, AclOperation.ALTER,
    AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS],
  [AclResourceType.GROUP]: [AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DELETE, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS],
  [AclResourceType.CLUSTER]: [AclOperation.CREATE, AclOperation.CLUSTER_ACTION, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS,
    AclOperation.IDEMPOTENT_WRITE, AclOperation.ALTER, AclOperation.DESCRIBE],
  [AclResourceType.TRANSACTIONAL_ID]: [AclOperation.DESCRIBE, AclOperation.WRITE],
};

/**
 * The warning for operations Kafka never checks on the rule's resource type, or
 * undefined when every operation applies.
 */
export function uselessOperationsWarning(userName: string, rule: AclRule): string | undefined {
  const supported = OPERATIONS_OF[rule.resource.type] ?? [];
  const useless = rule.operations.filter((op) => op !== AclOperation.ALL && !supported.includes(op));
  if (useless.length === 0) {
    return undefined;
  }
  const one = useless.length === 1;
  return `KAF-USR-018 user "${userName}": the ACL rule on ${rule.resource} names ${useless.join(', ')}, which Kafka never checks on a ${rule.resource.type} (it checks ${supported.join(', ')}), so ${one ? 'it has' : 'they have'} no effect; remove ${one ? 'it' : 'them'} or use the right resource type`;
}

/**
 * The rules merged per (permission, resource, host) and sorted: allow before deny,
 * topics, groups, the cluster, transactional IDs; literal before prefix; by name and host.
 */
export function groupAcls(rules: AclRule[]): AclEntry[] {
  type Group = { key: Array<string | number>; rule: AclRule; host: string; permission: AclPermissionType; ops: Set<AclOperation> };
  const groups = new Map<string, Group>();
  for (const rule of rules) {
    const host = rule.host ?? '*';
    const permission = rule.permission ?? AclPermissionType.ALLOW;
    const key = [
      permission === AclPermissionType.ALLOW ? 0 : 1,
      RESOURCE_ORDER.indexOf(rule.resource.type),
      rule.resource.patternType === AclPatternType.LITERAL ? 0 : 1,
      rule.resource.name ?? '',
      host,
    ];
    const k = groupKey(key);
    const g = groups.get(k) ?? { key, rule, host, permission, ops: new Set<AclOperation>() };
    rule.operations.forEach((op) => g.ops.add(op));
    groups.set(k, g);
  }
  const sorted = [...groups.values()].sort((a, b) => compareKeys(a.key, b.key));
  return sorted.map(({ rule, host, permission, ops }) => ({
    permission,
    resourceType: rule.resource.type,
    resourceName: rule.resource.type === AclResourceType.CLUSTER ? undefined : rule.resource.name,
    patternType: rule.resource.patternType,
    host,
    operations: OPERATION_ORDER.filter((op) => ops.has(op)),
  }));
}

/** A hand-written rule as one entry, as written: its operations in the order given, host and permission as set. */
export function writtenAcl(rule: AclRule): AclEntry {
  return {
    permission: rule.permission ?? AclPermissionType.ALLOW,
    explicitPermission: rule.permission !== undefined,
    resourceType: rule.resource.type,
    resourceName: rule.resource.type === AclResourceType.CLUSTER ? undefined : rule.resource.name,
    patternType: rule.resource.patternType,
    host: rule.host ?? '*',
    explicitHost: rule.host !== undefined,
    operations: [...rule.operations],
  };
}

/** The rules on a user's ACLs: the cluster must apply them, and each rule must be complete. */
export function checkAcls(c: ViolationCollector, subject: string, cluster: IKafkaCluster, rules: AclRule[]): void {
  if (rules.length > 0) {
    const authz = cluster.authorization;
    if (!cluster.authorizationEnabled) {
      c.add(subject,
        `has ${rules.length} ACL rule(s), but cluster "${cluster.clusterName}" has no authorization, so the User Operator cannot apply them and the KafkaUser never becomes ready`,
        'enable authorization on the cluster (authorization: KafkaAuthorization.simple()) or remove the ACLs and grants', 'KAF-USR-014');
    }
    if (authz?.type === KafkaAuthorizationType.CUSTOM && !authz.supportsAdminApi) {
      c.add(subject,
        `has ACL rules, but cluster "${cluster.clusterName}" uses a custom authorizer without supportsAdminApi, so the User Operator cannot apply them`,
        'set supportsAdminApi: true if the authorizer supports the Kafka Admin API for ACLs, or remove the ACLs and grants', 'KAF-USR-015');
    }
  }
  for (const rule of rules) {
    if (rule.operations.length === 0) {
      c.add(subject,
        `the ACL rule on ${rule.resource} has no operations`,
        'name at least one operation', 'KAF-USR-016');
    }
    if (rule.resource.type !== AclResourceType.CLUSTER && !rule.resource.name) {
      c.add(subject,
        `the ACL rule on a ${rule.resource.type} has an empty name`,
        'name the resource, or use "*" for all of them', 'KAF-USR-017');
    }
  }
}

/**
 * A string that identifies a group key: numbers and a length-prefixed name before
 * the host, so no two keys share it (JSON, which starts with "[", for other values).
 */
function groupKey(key: Array<string | number>): string {
  const [permission, type, pattern, name, host] = key;
  if (typeof name !== 'string' || typeof host !== 'string') return JSON.stringify(key);
  return `${permission}|${type}|${pattern}|${name.length}|${name}|${host}`;
}

function compareKeys(a: Array<string | number>, b: Array<string | number>): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] < b[i]) return -1;
    if (a[i] > b[i]) return 1;
  }
  return 0;
}
