/*
 * The topic model as a kafka.strimzi.io/v1 `KafkaTopic` spec.
 */
import * as strimzi from '../../../../imports/kafka.strimzi.io';
import type { TopicModel } from '../../model/topic';

/** The `spec` of a `KafkaTopic`. */
export function renderTopicSpecV1(m: TopicModel): strimzi.KafkaTopicSpec {
  return {
    topicName: m.topicName,
    partitions: m.partitions,
    replicas: m.replicas,
    config: Object.keys(m.config).length > 0 ? { ...m.config } : undefined,
  };
}

/** The resolved spec in the v1 schema's field order (what the generated `KafkaTopic` class writes). */
export function orderTopicSpecV1(resolved: any): any {
  return strimzi.toJson_KafkaTopicSpec(resolved);
}
