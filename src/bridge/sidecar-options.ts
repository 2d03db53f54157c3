import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { KafkaBridgeCommonOptions } from './common';
import { BridgeLogging } from './options';
import { CrossNamespaceCredentials } from '../keda/cross-namespace-credentials';
import { MetricsConfig } from '../monitoring/metrics-config';
import { JvmOptions } from '../strimzi/resources';

/**
 * Which interfaces the sidecar's HTTP servers listen on.
 */
export enum BridgeSidecarBinding {
  /**
   * Loopback only (`http.host=127.0.0.1`): the API is reachable from the pod's own
   * containers and nowhere else. The management port binds there too, so the probes
   * are exec probes inside the container and Prometheus cannot scrape `/metrics`.
   */
  LOOPBACK = '127.0.0.1',
  /**
   * Every interface (`http.host=0.0.0.0`): HTTP probes on the management port and
   * metrics scraping work; with `networkPolicy` (the default) a NetworkPolicy admits
   * traffic from outside the pod only to the app's declared ports and the management port.
   */
  ALL_INTERFACES = '0.0.0.0',
}

/**
 * Options of `KafkaBridge.addSidecar()`.
 */
export interface KafkaBridgeSidecarOptions extends KafkaBridgeCommonOptions {
  /**
   * The bridge's `bridge.id` (prefix of its Kafka client IDs; label of its metrics).
   * @default - the workload's name
   */
  readonly bridgeName?: string;
  /**
   * Name of the sidecar container.
   * @default 'kafka-bridge'
   */
  readonly containerName?: string;
  /**
   * Container image.
   * @default - the bridge image of the cluster's Strimzi target (`target.bridgeImage`)
   */
  readonly image?: string;
  /**
   * Where the HTTP servers listen.
   * @default BridgeSidecarBinding.LOOPBACK
   */
  readonly binding?: BridgeSidecarBinding;
  /**
   * With `BridgeSidecarBinding.ALL_INTERFACES`: render a NetworkPolicy for the workload's
   * pods that admits ingress to the app containers' declared ports and the management
   * port only (not the API port). NetworkPolicies add up: if the app has its own, turn
   * this off and add the management port to them.
   * @default true
   */
  readonly networkPolicy?: boolean;
  /**
   * Run the bridge as a native sidecar (an init container with `restartPolicy: Always`,
   * Kubernetes 1.29+): the app containers start once the bridge is ready. Off: an ordinary
   * container next to the app's.
   * @default true
   */
  readonly nativeSidecar?: boolean;
  /**
   * Metrics on the management port (`rest-api-mgmt`, `/metrics`). Scraped only with
   * `BridgeSidecarBinding.ALL_INTERFACES`. The JMX exporter uses the library's rules.
   * @default - no metrics
   */
  readonly metrics?: MetricsConfig;
  /**
   * log4j2 logger levels (inline only).
   * @default - INFO to the console
   */
  readonly logging?: BridgeLogging;
  /**
   * CPU and memory of the sidecar.
   * @default - requests 100m CPU and 512Mi memory, limit 512Mi memory
   */
  readonly resources?: kplus.ContainerResources;
  /**
   * JVM options. With a heap size set, `heapPercentage` is ignored.
   * @default - heap from `heapPercentage`
   */
  readonly jvm?: JvmOptions;
  /**
   * Heap as a percentage of the container memory (1-100), without `jvm` heap sizes.
   * @default 75
   */
  readonly heapPercentage?: number;
  /**
   * Names of the app containers that get the bridge URL.
   * @default - every container of the pod
   */
  readonly appContainers?: string[];
  /**
   * Name of the environment variable with the bridge URL (e.g. `http://localhost:8080`).
   * @default 'KAFKA_BRIDGE_URL'
   */
  readonly urlEnvironmentVariable?: string;
  /**
   * When the workload runs in another namespace than the cluster CA or the user Secret:
   * `CrossNamespaceCredentials.copyToWorkloadNamespace()` copies them there.
   * @default - a workload in another namespace is a synth-time error
   */
  readonly crossNamespaceCredentials?: CrossNamespaceCredentials;
}

/**
 * Properties of a `KafkaBridgeSidecar`.
 */
export interface KafkaBridgeSidecarProps extends KafkaBridgeSidecarOptions {
  /**
   * The Deployment, StatefulSet (or DaemonSet, ReplicaSet, Job, CronJob) to add the bridge
   * to, as its `ApiObject` (`ApiObject.of(deployment)` for cdk8s-plus of any version).
   */
  readonly workload: ApiObject;
}
