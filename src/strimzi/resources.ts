import { Size } from 'cdk8s';

/**
 * JVM options of a Kafka node (`jvmOptions`).
 */
export interface JvmOptions {
  /**
   * Initial heap size (`-Xms`), whole mebibytes.
   * @default - chosen by Strimzi from the memory limit
   */
  readonly heapInitial?: Size;
  /**
   * Maximum heap size (`-Xmx`) in whole mebibytes, below the container memory limit.
   * @default - chosen by Strimzi from the memory limit
   */
  readonly heapMax?: Size;
  /**
   * `-XX` options, e.g. `{ UseG1GC: 'true', MaxGCPauseMillis: '20' }`.
   * @default - none
   */
  readonly xx?: { [key: string]: string };
  /**
   * Whether garbage collection logging is enabled.
   * @default false
   */
  readonly gcLogging?: boolean;
  /**
   * Java system properties (`-D`).
   * @default - none
   */
  readonly systemProperties?: { [key: string]: string };
}
