import { Size } from 'cdk8s';

/**
 * Quotas of a KafkaUser, enforced per broker.
 */
export interface KafkaUserQuotas {
  /**
   * Bytes per second the user may produce to each broker (whole bytes).
   * @default - unlimited
   */
  readonly producerByteRate?: Size;
  /**
   * Bytes per second the user may fetch from each broker (whole bytes).
   * @default - unlimited
   */
  readonly consumerByteRate?: Size;
  /**
   * Share of the brokers' network and I/O threads the user may use, in percent (integer).
   * @default - unlimited
   */
  readonly requestPercentage?: number;
  /**
   * Partition mutations per second (create topics, create partitions, delete topics).
   * @default - unlimited
   */
  readonly controllerMutationRate?: number;
}
