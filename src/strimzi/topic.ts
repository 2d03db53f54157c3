import { IConstruct } from 'constructs';
import type { IKafkaCluster } from './cluster';

/**
 * A Kafka topic managed by the Topic Operator.
 */
export interface ITopic extends IConstruct {
  /** The topic's name in Kafka (may differ from the Kubernetes name). */
  readonly topicName: string;
  /** The cluster the topic lives in. */
  readonly cluster: IKafkaCluster;
  /**
   * Number of partitions, when known at synth time.
   * @default - the broker default (`num.partitions`)
   */
  readonly partitions?: number;
}
