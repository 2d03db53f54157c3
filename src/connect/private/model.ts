/*
 * Version-neutral models of Connect, connectors and MirrorMaker 2: what the user
 * asked for, defaults resolved (library-internal). The renderers in
 * src/strimzi/render/<version>/ turn them into specs.
 */

/** Trusted certificates of a client. */
export interface ClientTlsModel {
  readonly trustedCertificates: Array<{ readonly secretName: string; readonly certificate: string }>;
}

/** Client authentication. */
export interface ClientAuthModel {
  readonly type: 'scram-sha-512' | 'tls';
  readonly username?: string;
  readonly passwordSecret?: { readonly secretName: string; readonly password: string };
  readonly certificateAndKey?: { readonly secretName: string; readonly certificate: string; readonly key: string };
}

/** The pod-level settings Connect and MirrorMaker 2 share. */
export interface RuntimeModel {
  readonly replicas: number;
  readonly version?: string;
  readonly image?: string;
  /** Quantities, e.g. `{ requests: { cpu: '1' } }`. */
  readonly resources?: { requests?: { [k: string]: string }; limits?: { [k: string]: string } };
  /** Strimzi `jvmOptions` JSON. */
  readonly jvmOptions?: any;
  readonly rack?: { type: string; topologyKey?: string; envVarName?: string };
  readonly livenessProbe?: any;
  readonly readinessProbe?: any;
  readonly loggers?: { [logger: string]: string };
  /** Strimzi `metricsConfig` JSON. */
  readonly metricsConfig?: any;
  /** Strimzi `template.pod` JSON. */
  readonly podTemplate?: any;
  /** Strimzi `template.connectContainer` JSON. */
  readonly containerTemplate?: any;
  /** Strimzi `template.podDisruptionBudget` JSON. */
  readonly podDisruptionBudget?: { readonly maxUnavailable: number };
  /** Strimzi `template.buildPod` JSON (Connect builds). */
  readonly buildPodTemplate?: any;
  /** Strimzi `template.buildContainer` JSON (Connect builds). */
  readonly buildContainerTemplate?: any;
}

/** A plugin artifact. */
export interface ArtifactModel {
  readonly type: string;
  readonly url?: string;
  readonly sha512sum?: string;
  readonly insecure?: boolean;
  readonly fileName?: string;
  readonly group?: string;
  readonly artifact?: string;
  readonly version?: string;
  readonly repository?: string;
  readonly includeScope?: string;
  readonly mirrors?: string[];
}

/** `spec.build`. */
export interface BuildModel {
  readonly output: {
    readonly type: string;
    readonly image: string;
    readonly pushSecret?: string;
    readonly additionalBuildOptions?: string[];
    readonly additionalPushOptions?: string[];
  };
  readonly plugins: Array<{ readonly name: string; readonly artifacts: ArtifactModel[] }>;
  readonly resources?: { requests?: { [k: string]: string }; limits?: { [k: string]: string } };
}

/** A KafkaConnect. */
export interface ConnectModel extends RuntimeModel {
  readonly bootstrapServers: string;
  readonly groupId: string;
  readonly configStorageTopic: string;
  readonly statusStorageTopic: string;
  readonly offsetStorageTopic: string;
  readonly tls?: ClientTlsModel;
  readonly authentication?: ClientAuthModel;
  readonly config: { [key: string]: any };
  readonly build?: BuildModel;
}

/** Connector settings shared by KafkaConnector and the MirrorMaker 2 connectors. */
export interface ConnectorSettingsModel {
  readonly tasksMax?: number;
  readonly version?: string;
  readonly config: { [key: string]: any };
  readonly state?: string;
  readonly autoRestart?: { readonly enabled: boolean; readonly maxRestarts?: number };
}

/** A KafkaConnector. */
export interface ConnectorModel extends ConnectorSettingsModel {
  readonly className: string;
}

/** One side of MirrorMaker 2. */
export interface MirrorClusterModel {
  readonly alias: string;
  readonly bootstrapServers: string;
  readonly tls?: ClientTlsModel;
  readonly authentication?: ClientAuthModel;
  readonly config: { [key: string]: any };
}

/** One mirror. */
export interface MirrorModel {
  readonly source: MirrorClusterModel;
  readonly sourceConnector?: ConnectorSettingsModel;
  readonly checkpointConnector?: ConnectorSettingsModel;
  readonly topicsPattern?: string;
  readonly topicsExcludePattern?: string;
  readonly groupsPattern?: string;
  readonly groupsExcludePattern?: string;
}

/** A KafkaMirrorMaker2. */
export interface MirrorMaker2Model extends RuntimeModel {
  readonly target: MirrorClusterModel & {
    readonly groupId: string;
    readonly configStorageTopic: string;
    readonly statusStorageTopic: string;
    readonly offsetStorageTopic: string;
  };
  readonly mirrors: MirrorModel[];
}
