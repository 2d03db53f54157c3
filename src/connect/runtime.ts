import * as kplus from 'cdk8s-plus-27';
import { IConstruct } from 'constructs';
import { MetricsConfig } from '../monitoring/metrics-config';
import type { IKafkaCluster } from '../strimzi/cluster';
import { KafkaVersion } from '../strimzi/kafka-version';
import { Listener } from '../strimzi/listener';
import { Rack } from '../strimzi/rack';
import { JvmOptions } from '../strimzi/resources';
import { ContainerTemplateOptions, PodTemplateOptions, ProbeOptions } from '../strimzi/templates';
import type { IKafkaUser } from '../strimzi/user';

/**
 * Pod settings Kafka Connect and MirrorMaker 2 share.
 */
export interface ConnectRuntimeOptions {
  /**
   * Number of worker pods (0 stops the cluster, and its connectors then report NotReady).
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Kafka version of the workers (picks Strimzi's image).
   * @default - the version of the Kafka cluster the workers use
   */
  readonly version?: KafkaVersion;
  /**
   * A container image instead of Strimzi's.
   * @default - Strimzi's Kafka image for `version` (or the build output)
   */
  readonly image?: string;
  /**
   * CPU and memory of the worker container.
   * @default - none set
   */
  readonly resources?: kplus.ContainerResources;
  /**
   * JVM options.
   * @default - Strimzi's defaults
   */
  readonly jvm?: JvmOptions;
  /**
   * Rack awareness: workers' consumers fetch from replicas in their own rack (`client.rack`).
   * @default - none
   */
  readonly rack?: Rack;
  /**
   * Pod settings (`template.pod`).
   * @default - Strimzi's defaults
   */
  readonly podTemplate?: PodTemplateOptions;
  /**
   * Worker container settings (`template.connectContainer`).
   * @default - Strimzi's defaults
   */
  readonly containerTemplate?: ContainerTemplateOptions;
  /**
   * Worker pods that may be down at once in voluntary disruptions (`template.podDisruptionBudget`).
   * @default 1 (Strimzi's default)
   */
  readonly maxUnavailable?: number;
  /**
   * Liveness probe timing.
   * @default - Strimzi's defaults (60 seconds initial delay, 5 seconds timeout)
   */
  readonly livenessProbe?: ProbeOptions;
  /**
   * Readiness probe timing.
   * @default - Strimzi's defaults (60 seconds initial delay, 5 seconds timeout)
   */
  readonly readinessProbe?: ProbeOptions;
  /**
   * Log levels by logger, e.g. `{ rootLogger.level: 'INFO', 'logger.mm2.level': 'DEBUG' }` (inline logging).
   * @default - Strimzi's default logging
   */
  readonly loggers?: { [logger: string]: string };
  /**
   * Prometheus metrics (port `tcp-prometheus` 9404).
   * @default - no metrics
   */
  readonly metrics?: MetricsConfig;
}

/**
 * Connect workers that serve metrics: a `KafkaConnect` or a `KafkaMirrorMaker2`.
 */
export interface IConnectWorkers extends IConstruct {
  /** `metadata.name` of the resource. */
  readonly resourceName: string;
  /** Namespace of the worker pods. */
  readonly namespace: string;
  /** `KafkaConnect` or `KafkaMirrorMaker2` (the pods' `strimzi.io/kind`). */
  readonly workersKind: string;
  /** Prefix of the pod names and the container name (`<name>-connect`, `<name>-mirrormaker2`). */
  readonly podNamePrefix: string;
  /**
   * How the workers expose metrics.
   * @default - no metrics
   */
  readonly metrics?: MetricsConfig;
}

/**
 * How a Connect runtime reaches one Kafka cluster.
 */
export interface ConnectClusterConnection {
  /** The Kafka cluster (own or `KafkaCluster.fromClusterAttributes()`). */
  readonly cluster: IKafkaCluster;
  /** The listener to connect through. */
  readonly listener: Listener;
  /**
   * The KafkaUser to authenticate as (own or `KafkaUser.fromUserName()`); required when the listener authenticates.
   * @default - no authentication
   */
  readonly user?: IKafkaUser;
}

