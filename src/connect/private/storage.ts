/*
 * The group IDs and storage topics of every Connect runtime (KafkaConnect,
 * MirrorMaker 2 target) per app, to find two sharing one Kafka cluster
 * (library-internal).
 */
import { IConstruct } from 'constructs';
import { ViolationCollector } from '../../common/validation';
import type { IKafkaCluster } from '../../strimzi/cluster';

export interface StorageUse {
  readonly owner: IConstruct;
  readonly what: string;
  readonly cluster: IKafkaCluster;
  readonly groupId: string;
  readonly topics: string[];
}

const uses = new WeakMap<IConstruct, StorageUse[]>();

export function registerStorage(scope: IConstruct, use: StorageUse): void {
  const root = scope.node.root;
  const list = uses.get(root) ?? [];
  list.push(use);
  uses.set(root, list);
}

function sameCluster(a: IKafkaCluster, b: IKafkaCluster): boolean {
  return a === b || (a.clusterName === b.clusterName && a.namespace === b.namespace);
}

/** Reports group IDs and storage topics `owner` shares with another runtime on the same Kafka cluster. */
export function checkStorageClash(c: ViolationCollector, owner: IConstruct, subject: string, ruleId: string): void {
  const list = uses.get(owner.node.root) ?? [];
  const mine = list.find((u) => u.owner === owner);
  if (!mine) {
    return;
  }
  for (const other of list) {
    if (other === mine || !sameCluster(other.cluster, mine.cluster)) {
      continue;
    }
    c.check(other.groupId === mine.groupId, subject,
      `group ID "${mine.groupId}" is also used by ${other.what} on Kafka cluster "${mine.cluster.clusterName}", so their workers join one group and overwrite each other's connectors`,
      'give each Connect cluster its own groupId', ruleId);
    const shared = mine.topics.filter((t) => other.topics.includes(t));
    c.check(shared.length > 0, subject,
      `storage topic(s) ${shared.map((t) => `"${t}"`).join(', ')} are also used by ${other.what} on Kafka cluster "${mine.cluster.clusterName}", so they read each other's configs, offsets or status`,
      'give each Connect cluster its own storage topics', ruleId);
  }
}

/** RF rules of the three storage topics (worker config keys). */
export function checkReplicationFactors(c: ViolationCollector, subject: string, config: { [key: string]: any },
  cluster: IKafkaCluster, ruleId: string): void {
  for (const key of ['config.storage.replication.factor', 'offset.storage.replication.factor', 'status.storage.replication.factor']) {
    const v = Number(config[key]);
    if (config[key] === undefined) {
      continue;
    }
    c.check(!(Number.isInteger(v) && (v >= 1 || v === -1)), subject, `${key} ${config[key]} is not a whole number of 1 or more (or -1 for the broker default)`,
      'use e.g. 3', ruleId);
    c.check(cluster.brokerCount > 0 && v > cluster.brokerCount, subject,
      `${key} ${v} is above the ${cluster.brokerCount} broker(s) of cluster "${cluster.clusterName}", so the workers cannot create the topic and fail to start`,
      `use at most ${cluster.brokerCount}, or -1 for the broker default`, ruleId);
  }
}
