import { BridgeAdminClientOptions, BridgeConsumerOptions, BridgeHttpOptions, BridgeProducerOptions, BridgeTracing } from './options';
import type { MetricsConfig } from '../monitoring/metrics-config';
import type { IKafkaCluster } from '../strimzi/cluster';
import { AclGrantOptions } from '../strimzi/grants';
import { Listener } from '../strimzi/listener';
import type { IKafkaUser } from '../strimzi/user';

/**
 * What every HTTP bridge takes, operator-managed or sidecar.
 */
export interface KafkaBridgeCommonOptions {
  /** The cluster the bridge connects to (own, or `KafkaCluster.fromClusterAttributes()`). */
  readonly cluster: IKafkaCluster;
  /** The listener the bridge connects through (its bootstrap address, TLS and authentication). */
  readonly listener: Listener;
  /**
   * The KafkaUser the bridge authenticates as (SCRAM-SHA-512 or TLS, whichever the
   * listener accepts). Every HTTP client of the bridge acts as this user.
   * @default - no authentication (only for a listener without authentication)
   */
  readonly user?: IKafkaUser;
  /**
   * For a TLS listener whose custom broker certificate is signed by a public CA (no CA
   * Secret named): trust the JVM's system certificates.
   * @default false
   */
  readonly trustSystemCertificates?: boolean;
  /**
   * The HTTP server.
   * @default - port 8080, no CORS, plain HTTP
   */
  readonly http?: BridgeHttpOptions;
  /**
   * HTTP consumers.
   * @default - enabled, idle consumers never deleted
   */
  readonly consumer?: BridgeConsumerOptions;
  /**
   * HTTP producer.
   * @default - enabled
   */
  readonly producer?: BridgeProducerOptions;
  /**
   * Admin client (topic listing and creation).
   * @default - no extra configuration
   */
  readonly adminClient?: BridgeAdminClientOptions;
  /**
   * Bridge-level configuration, e.g. `{ 'bridge.executor.pool.size': 8 }`. Keys the
   * construct sets (`kafka.*`, `http.*`, `bridge.metrics*`, `bridge.id`, `bridge.tracing`)
   * are rejected.
   * @default - none
   */
  readonly config?: { [key: string]: any };
  /**
   * Distributed tracing.
   * @default - no tracing
   */
  readonly tracing?: BridgeTracing;
}

/**
 * Options of `grantConsume()`.
 */
export interface BridgeConsumeGrantOptions extends AclGrantOptions {
  /**
   * The consumer group the app's HTTP consumers join (the `{groupid}` of
   * `POST /consumers/{groupid}`).
   * @default - no group (set consumerGroup or consumerGroupPrefix)
   */
  readonly consumerGroup?: string;
  /**
   * A prefix of the consumer groups the app's HTTP consumers join.
   * @default - no group prefix
   */
  readonly consumerGroupPrefix?: string;
}

/**
 * A Strimzi HTTP bridge: the operator-managed `KafkaBridge` or a sidecar.
 */
export interface IKafkaBridge {
  /** The bridge's name (`bridge.id`, the prefix of its consumer and producer client IDs). */
  readonly bridgeName: string;
  /** The cluster the bridge connects to. */
  readonly cluster: IKafkaCluster;
  /**
   * The user the bridge authenticates as.
   * @default - none
   */
  readonly user?: IKafkaUser;
  /** The URL the bridge's HTTP API is reached at by its clients. */
  readonly url: string;
  /** The namespace of the bridge's pods. */
  readonly namespace: string;
  /**
   * How the bridge serves metrics on its management port.
   * @default - no metrics
   */
  readonly metrics?: MetricsConfig;
  /** Pod labels that select exactly the bridge's pods (for PodMonitors and NetworkPolicies). */
  readonly podSelectorLabels: { [key: string]: string };
  /** Whether the management port (`rest-api-mgmt`) is reachable from outside the pod, e.g. by Prometheus. */
  readonly managementReachable: boolean;
}
