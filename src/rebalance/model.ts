/*
 * The version-neutral model of a KafkaRebalance (library-internal): what the
 * user asked for, defaults resolved, before any target's renderer turns it into
 * a spec.
 */

/** A rebalance mode, as Strimzi spells it. */
export type RebalanceModeName = 'full' | 'add-brokers' | 'remove-brokers' | 'remove-disks';

/** Replicas to move off some JBOD volumes of one broker. */
export interface VolumeMoveModel {
  readonly brokerId: number;
  readonly volumeIds: number[];
}

/** A KafkaRebalance or a rebalance template. */
export interface RebalanceModel {
  /** Undefined for templates (the operator overwrites mode and brokers when it copies a template). */
  readonly mode?: RebalanceModeName;
  readonly brokers?: number[];
  readonly moveReplicasOffVolumes?: VolumeMoveModel[];
  /** Goal names in priority order, as given. */
  readonly goals?: string[];
  readonly skipHardGoalCheck?: boolean;
  readonly rebalanceDisk?: boolean;
  readonly excludedTopics?: string;
  readonly concurrentPartitionMovementsPerBroker?: number;
  readonly concurrentIntraBrokerPartitionMovements?: number;
  readonly concurrentLeaderMovements?: number;
  /** Bytes per second. */
  readonly replicationThrottleBytesPerSecond?: number;
  readonly replicaMovementStrategies?: string[];
}
