/*
 * KafkaRebalance for kafka.strimzi.io/v1: the model as the v1 spec.
 */
import * as strimzi from '../../../../imports/kafka.strimzi.io';
import { RebalanceModel } from '../../../rebalance/model';

/** The `spec` of a KafkaRebalance (`{}` for a template without settings: v1 requires a spec). */
export function renderRebalanceSpecV1(m: RebalanceModel): any {
  const spec: strimzi.KafkaRebalanceSpec = {
    mode: m.mode as strimzi.KafkaRebalanceSpecMode | undefined,
    brokers: m.brokers && [...m.brokers],
    moveReplicasOffVolumes: m.moveReplicasOffVolumes?.map((v) => ({ brokerId: v.brokerId, volumeIds: [...v.volumeIds] })),
    goals: m.goals && [...m.goals],
    skipHardGoalCheck: m.skipHardGoalCheck,
    rebalanceDisk: m.rebalanceDisk,
    excludedTopics: m.excludedTopics,
    concurrentPartitionMovementsPerBroker: m.concurrentPartitionMovementsPerBroker,
    concurrentIntraBrokerPartitionMovements: m.concurrentIntraBrokerPartitionMovements,
    concurrentLeaderMovements: m.concurrentLeaderMovements,
    replicationThrottle: m.replicationThrottleBytesPerSecond,
    replicaMovementStrategies: m.replicaMovementStrategies && [...m.replicaMovementStrategies],
  };
  return strimzi.toJson_KafkaRebalanceSpec(spec) ?? {};
}

/** The resolved spec in the field order of the v1 schema (cdk8s sorts keys when it resolves). */
export function orderRebalanceSpecV1(resolved: any): any {
  return strimzi.toJson_KafkaRebalanceSpec(resolved) ?? {};
}
