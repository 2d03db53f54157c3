/*
 * The version-neutral model of the Kafka and KafkaNodePool resources
 * (library-internal): what the user asked for, with the library's defaults
 * resolved, in the library's own types. The constructs build it; a renderer per
 * Strimzi API version (src/strimzi/render/<version>/) turns it into that
 * version's resource. Nothing here imports the generated Strimzi classes.
 */
import type { Duration } from 'cdk8s';
import type * as kplus from 'cdk8s-plus-27';
import type { CertificateAuthorityOptions } from '../ca';
import type { CruiseControlOptions } from '../cruise-control';
import type { ListenerType } from '../listener';
import type { NodeRole } from '../node-pool';
import type { JvmOptions } from '../resources';
import type { Spread } from '../scheduling';
import type { ContainerTemplateOptions, PodTemplateOptions, ProbeOptions } from '../templates';

/** A listener. */
export interface ListenerModel {
  readonly name: string;
  readonly port: number;
  readonly type: ListenerType;
  readonly tls: boolean;
  /** Undefined for no authentication. */
  readonly authentication?: { readonly type: string; readonly sasl?: boolean; readonly listenerConfig?: { [key: string]: any } };
  /** The options set (undefined ones left out), named as in Strimzi's listener `configuration`. */
  readonly configuration: ListenerConfigurationModel;
  readonly networkPolicyPeers?: NetworkPeerModel[];
}

/** A peer of a listener's network policy. */
export interface NetworkPeerModel {
  readonly podLabels?: { [key: string]: string };
  readonly namespaceLabels?: { [key: string]: string };
  readonly ipBlock?: string;
}

/** Bootstrap or per-broker overrides of a listener. */
export interface ListenerAddressModel {
  readonly broker?: number;
  readonly alternativeNames?: string[];
  readonly advertisedHost?: string;
  readonly advertisedPort?: number;
  readonly host?: string;
  readonly nodePort?: number;
  readonly loadBalancerIp?: string;
  readonly externalIPs?: string[];
  readonly labels?: { [key: string]: string };
  readonly annotations?: { [key: string]: string };
}

/** A Gateway API parent reference, defaults resolved. */
export interface GatewayParentRefModel {
  readonly name: string;
  readonly namespace?: string;
  readonly sectionName?: string;
  readonly port?: number;
  readonly group: string;
  readonly kind: string;
}

/** A listener's type-specific options. */
export interface ListenerConfigurationModel {
  readonly brokerCertChainAndKey?: { readonly secretName: string; readonly certificate: string; readonly key: string };
  readonly class?: string;
  readonly externalTrafficPolicy?: string;
  readonly loadBalancerSourceRanges?: string[];
  readonly bootstrap?: ListenerAddressModel;
  readonly brokers?: ListenerAddressModel[];
  readonly createBootstrapService?: boolean;
  readonly finalizers?: string[];
  readonly useServiceDnsDomain?: boolean;
  readonly maxConnections?: number;
  readonly maxConnectionCreationRate?: number;
  readonly preferredNodePortAddressType?: string;
  readonly publishNotReadyAddresses?: boolean;
  readonly perBrokerAnnotationsTemplate?: { [key: string]: string };
  readonly perBrokerLabelsTemplate?: { [key: string]: string };
  readonly hostTemplate?: string;
  readonly advertisedHostTemplate?: string;
  readonly advertisedPortTemplate?: string;
  readonly allocateLoadBalancerNodePorts?: boolean;
  readonly parentRefs?: GatewayParentRefModel[];
}

/** The Topic or User Operator. */
export interface EntityOperatorComponentModel {
  readonly watchedNamespace?: string;
  readonly reconciliationInterval?: Duration;
  readonly resources?: kplus.ContainerResources;
  readonly secretPrefix?: string;
}

/** The Entity Operator. A component is undefined when it does not run. */
export interface EntityOperatorModel {
  readonly topicOperator?: EntityOperatorComponentModel;
  readonly userOperator?: EntityOperatorComponentModel;
  readonly podTemplate?: PodTemplateOptions;
}

/** The Kafka Exporter. */
export interface KafkaExporterModel {
  readonly topicRegex?: string;
  readonly groupRegex?: string;
  readonly topicExcludeRegex?: string;
  readonly groupExcludeRegex?: string;
  readonly showAllOffsets?: boolean;
  readonly resources?: kplus.ContainerResources;
}

/**
 * What monitoring (`KafkaMetrics`) binds to the cluster: the typed hook the model
 * carries, so every renderer renders it.
 */
export interface KafkaMonitoringModel {
  /** The metrics configuration of the Kafka nodes, as the metrics config binds it (JSON). */
  readonly metricsConfig?: { [key: string]: any };
  /** The metrics configuration of Cruise Control (rendered only when Cruise Control runs). */
  readonly cruiseControlMetricsConfig?: { [key: string]: any };
  /** Remote JMX. `authenticationType` undefined for none. */
  readonly jmx?: { readonly authenticationType?: string };
  /** The Kafka Exporter. */
  readonly kafkaExporter?: KafkaExporterModel;
}

/** Authorization. */
export interface AuthorizationModel {
  readonly type: string;
  readonly superUsers: string[];
  readonly authorizerClass?: string;
  /** Only for custom authorization. */
  readonly supportsAdminApi?: boolean;
}

/** The `Kafka` resource's spec. */
export interface KafkaModel {
  readonly version: string;
  readonly metadataVersion?: string;
  readonly image?: string;
  readonly listeners: ListenerModel[];
  /** Broker config. Undefined when empty. */
  readonly config?: { [key: string]: any };
  readonly authorization?: AuthorizationModel;
  readonly rack?: { readonly type: string; readonly topologyKey?: string; readonly envVarName?: string };
  readonly readinessProbe?: ProbeOptions;
  readonly livenessProbe?: ProbeOptions;
  readonly jvm?: JvmOptions;
  readonly podTemplate?: PodTemplateOptions;
  readonly containerTemplate?: ContainerTemplateOptions;
  readonly maxUnavailable?: number;
  /** Undefined when neither operator runs. */
  readonly entityOperator?: EntityOperatorModel;
  readonly clusterCa?: CertificateAuthorityOptions;
  readonly clientsCa?: CertificateAuthorityOptions;
  readonly cruiseControl?: CruiseControlOptions;
  readonly monitoring: KafkaMonitoringModel;
}

/** One volume of a node's storage. */
export interface VolumeModel {
  readonly id?: number;
  readonly type: string;
  readonly size?: string;
  readonly sizeLimit?: string;
  readonly class?: string;
  readonly deleteClaim?: boolean;
  readonly selector?: { [key: string]: string };
  readonly volumeAttributesClass?: string;
  readonly kraftMetadata?: string;
}

/** A node's storage: one volume, or JBOD volumes. */
export interface StorageModel extends VolumeModel {
  readonly volumes?: VolumeModel[];
}

/** The `KafkaNodePool` resource's spec. */
export interface KafkaNodePoolModel {
  readonly clusterName: string;
  readonly poolName: string;
  readonly replicas: number;
  readonly roles: NodeRole[];
  readonly storage: StorageModel;
  readonly resources?: kplus.ContainerResources;
  readonly jvm?: JvmOptions;
  readonly podTemplate?: PodTemplateOptions;
  readonly spreads: Spread[];
  readonly containerTemplate?: ContainerTemplateOptions;
}
