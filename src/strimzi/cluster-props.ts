/*
 * What other constructs see of a Kafka cluster (IKafkaCluster), what an imported
 * cluster is described by, and the properties of KafkaCluster. cluster.ts
 * re-exports them.
 */
import { IConstruct } from 'constructs';
import type { KafkaAuthorization } from './authorization';
import type { CertificateAuthorityOptions } from './ca';
import type { KafkaConnectionDetails, SecretKeyReference } from './connection';
import type { CruiseControlOptions } from './cruise-control';
import type { EntityOperatorOptions } from './entity-operator';
import type { KafkaVersion } from './kafka-version';
import type { Listener } from './listener';
import type { Rack } from './rack';
import type { JvmOptions } from './resources';
import type { StrimziTarget } from './target';
import type { ContainerTemplateOptions, PodTemplateOptions, ProbeOptions } from './templates';

/**
 * What other constructs need to know about a Kafka cluster.
 */
export interface IKafkaCluster extends IConstruct {
  /** The Kafka resource's name (Strimzi's `<cluster>`). */
  readonly clusterName: string;
  /** The namespace of the cluster and of everything Strimzi creates for it. */
  readonly namespace: string;
  /** The Kafka version. */
  readonly version: KafkaVersion;
  /** The Strimzi release the cluster's resources are written for. Every resource that names the cluster inherits it. */
  readonly target: StrimziTarget;
  /** The listeners. */
  readonly listeners: Listener[];
  /**
   * Number of broker nodes, summed over the broker-role node pools. It is 0 when it is not
   * known (an imported cluster without `brokerCount`): rules that need it are skipped.
   */
  readonly brokerCount: number;
  /**
   * Node IDs of the brokers, when known at synth time (every broker pool sets `nodeIds`).
   * @default - not known
   */
  readonly brokerNodeIds?: number[];
  /** Whether the cluster enables authorization (ACLs are enforced). */
  readonly authorizationEnabled: boolean;
  /**
   * The broker configuration (`spec.kafka.config`), when known: topics derive their effective defaults from it.
   * @default - not known
   */
  readonly brokerConfig?: { [key: string]: any };
  /**
   * How the brokers authorize requests.
   * @default - no authorization
   */
  readonly authorization?: KafkaAuthorization;
  /** The Secret and key holding the CA that signs the brokers' certificates. */
  readonly clusterCaCertificate: SecretKeyReference;
  /** The Secret and key holding the CA that signs the users' certificates. */
  readonly clientsCaCertificate: SecretKeyReference;
  /** Prefix of the Secrets the User Operator writes for KafkaUsers (`<prefix><user>`), often empty. */
  readonly userSecretPrefix: string;
  /**
   * The namespace the Topic Operator watches for KafkaTopics: its `watchedNamespace`,
   * else the cluster's namespace. KafkaTopics of this cluster belong there.
   */
  readonly topicNamespace: string;
  /**
   * The namespace the User Operator watches for KafkaUsers: its `watchedNamespace`,
   * else the cluster's namespace. KafkaUsers of this cluster belong there, and the
   * User Operator writes the user Secrets there too (the CA Secrets stay in `namespace`).
   */
  readonly userNamespace: string;
  /** Whether the Topic Operator runs (KafkaTopics are only handled when it does). */
  readonly topicOperatorEnabled: boolean;
  /** Whether the User Operator runs (KafkaUsers are only handled when it does). */
  readonly userOperatorEnabled: boolean;
  /** Whether Cruise Control runs (needed to change a topic's replication factor). */
  readonly cruiseControlEnabled: boolean;
  /** A listener by name, or undefined. */
  findListener(name: string): Listener | undefined;
  /**
   * The bootstrap address of a listener (`host:port`): the in-cluster bootstrap Service,
   * or for route/ingress/TLSRoute listeners with a bootstrap host `host:443`.
   */
  bootstrapServers(listener: Listener): string;
  /**
   * How a client without a KafkaUser reaches the cluster through `listener`: bootstrap
   * address, security protocol and the broker CA (for a client pod or a tool on a listener
   * without authentication). Users get their credentials from `KafkaUser.connectionDetails()`.
   */
  connectionDetails(listener: Listener): KafkaConnectionDetails;
}

/**
 * A Kafka cluster managed elsewhere (another chart, team or repository), as
 * `KafkaCluster.fromClusterAttributes()` takes it.
 */
export interface KafkaClusterAttributes {
  /** The Kafka resource's name. */
  readonly clusterName: string;
  /** The cluster's namespace. */
  readonly namespace: string;
  /**
   * The listeners clients of this app use (name, port, type, TLS and authentication as the owner configured them).
   * @default - none
   */
  readonly listeners?: Listener[];
  /**
   * The Kafka version.
   * @default KafkaVersion.LATEST
   */
  readonly version?: KafkaVersion;
  /**
   * The Strimzi release that runs the cluster.
   * @default StrimziTarget.LATEST
   */
  readonly target?: StrimziTarget;
  /**
   * How the brokers authorize requests.
   * @default - no authorization
   */
  readonly authorization?: KafkaAuthorization;
  /**
   * The namespace the Topic Operator watches.
   * @default - `namespace`
   */
  readonly topicNamespace?: string;
  /**
   * The namespace the User Operator watches (and writes user Secrets into).
   * @default - `namespace`
   */
  readonly userNamespace?: string;
  /**
   * Prefix of the user Secrets.
   * @default ''
   */
  readonly userSecretPrefix?: string;
  /**
   * Number of brokers, when known. Rules that need it are skipped without it.
   * @default - not known
   */
  readonly brokerCount?: number;
  /**
   * Node IDs of the brokers, when known.
   * @default - not known
   */
  readonly brokerNodeIds?: number[];
  /**
   * Whether the Topic Operator runs.
   * @default true
   */
  readonly topicOperatorEnabled?: boolean;
  /**
   * Whether the User Operator runs.
   * @default true
   */
  readonly userOperatorEnabled?: boolean;
  /**
   * Whether Cruise Control runs.
   * @default false
   */
  readonly cruiseControlEnabled?: boolean;
}

/**
 * Properties of a `KafkaCluster`.
 */
export interface KafkaClusterProps {
  /**
   * The Kafka resource's name.
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * Namespace of the cluster.
   * @default - the chart's namespace, or `default`
   */
  readonly namespace?: string;
  /**
   * Kafka version.
   * @default KafkaVersion.LATEST
   */
  readonly version?: KafkaVersion;
  /**
   * The Strimzi operator release the output is written for. Every resource that
   * names this cluster (node pools, topics, users, ...) inherits it.
   * @default StrimziTarget.LATEST
   */
  readonly target?: StrimziTarget;
  /**
   * KRaft metadata version, e.g. `4.3-IV0` (at least `3.3-IV3`).
   * @default - the operator's default for the Kafka version
   */
  readonly metadataVersion?: string;
  /**
   * Listeners. More can be added with `addListener()`.
   * @default - none
   */
  readonly listeners?: Listener[];
  /**
   * How the brokers authorize requests. Without it every authenticated client may do anything.
   * @default - no authorization
   */
  readonly authorization?: KafkaAuthorization;
  /**
   * Broker configuration (`spec.kafka.config`). Keys Strimzi owns, keys removed in
   * Kafka 4 and bad values of well-known keys are synth-time errors.
   * @default - none
   */
  readonly config?: { [key: string]: any };
  /**
   * Container image of the Kafka nodes (a custom build of Strimzi's Kafka image).
   * @default - Strimzi's image for the Kafka version
   */
  readonly image?: string;
  /**
   * Rack awareness (`broker.rack` from a node label or an environment variable).
   * @default - no rack awareness
   */
  readonly rack?: Rack;
  /**
   * Settings of the cluster CA (signs the brokers' certificates).
   * @default - generated by Strimzi, 365 days validity, 30 days renewal
   */
  readonly clusterCa?: CertificateAuthorityOptions;
  /**
   * Settings of the clients CA (signs the users' certificates).
   * @default - generated by Strimzi, 365 days validity, 30 days renewal
   */
  readonly clientsCa?: CertificateAuthorityOptions;
  /**
   * Entity Operator (Topic and User Operators).
   * @default - both operators run
   */
  readonly entityOperator?: EntityOperatorOptions;
  /**
   * Cruise Control. Its presence enables it.
   * @default - not deployed
   */
  readonly cruiseControl?: CruiseControlOptions;
  /**
   * JVM options of every node (a node pool's `jvm` takes precedence).
   * @default - Strimzi's defaults
   */
  readonly jvm?: JvmOptions;
  /**
   * Readiness probe timing of the Kafka nodes.
   * @default - Strimzi's defaults
   */
  readonly readinessProbe?: ProbeOptions;
  /**
   * Liveness probe timing of the Kafka nodes.
   * @default - Strimzi's defaults
   */
  readonly livenessProbe?: ProbeOptions;
  /**
   * Pod settings of every Kafka node (node pool templates take precedence).
   * @default - none
   */
  readonly podTemplate?: PodTemplateOptions;
  /**
   * Kafka container settings of every node.
   * @default - none
   */
  readonly containerTemplate?: ContainerTemplateOptions;
  /**
   * Maximum Kafka pods the PodDisruptionBudget lets be evicted at once (0 blocks voluntary evictions).
   * @default 1
   */
  readonly maxUnavailable?: number;
  /**
   * Labels on the Kafka resource (Strimzi copies them to cluster-wide objects).
   * Only `strimzi.io/cluster` may use the `strimzi.io/` prefix.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
}
