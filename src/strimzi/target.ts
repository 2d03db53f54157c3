/**
 * Facts that describe one Strimzi operator release as a target of this library.
 */
export interface StrimziTargetFacts {
  /** The operator release, e.g. `1.2.0`. */
  readonly operatorVersion: string;
  /** The `apiVersion` of the `kafka.strimzi.io` resources, e.g. `kafka.strimzi.io/v1`. */
  readonly apiVersion: string;
  /** The Kafka versions the operator runs, oldest first. */
  readonly kafkaVersions: string[];
  /** The Kafka version the operator uses when none is set. */
  readonly defaultKafkaVersion: string;
  /** The HTTP bridge version the operator deploys by default. */
  readonly bridgeVersion: string;
  /** Whether the operator only runs KRaft clusters (no ZooKeeper). */
  readonly kraftOnly: boolean;
  /**
   * The oldest KRaft metadata version the operator accepts, e.g. `3.3-IV3`.
   * @default '3.3-IV3'
   */
  readonly oldestMetadataVersion?: string;
  /**
   * The image registry and organisation of the operator's default images.
   * @default 'quay.io/strimzi'
   */
  readonly imageRepository?: string;
}

/**
 * The Strimzi operator release the output is written for.
 *
 * The target is chosen once, on the cluster (`KafkaClusterProps.target`, or the
 * `target` attribute of `KafkaCluster.fromClusterAttributes()`); every resource
 * that names the cluster inherits it. What differs between releases (API
 * version, Kafka versions, images, accepted fields) is read from the target,
 * never hard-coded in a construct.
 */
export class StrimziTarget {
  /** Strimzi 1.2.0: `kafka.strimzi.io/v1`, KRaft and node pools only, Kafka 4.2.0–4.3.1, HTTP bridge 1.1.0. */
  public static readonly V1_2_0 = new StrimziTarget({
    operatorVersion: '1.2.0',
    apiVersion: 'kafka.strimzi.io/v1',
    kafkaVersions: ['4.2.0', '4.2.1', '4.3.0', '4.3.1'],
    defaultKafkaVersion: '4.3.1',
    bridgeVersion: '1.1.0',
    kraftOnly: true,
    oldestMetadataVersion: '3.3-IV3',
  });

  /** The newest target the library supports (the default). */
  public static readonly LATEST = StrimziTarget.V1_2_0;

  /** Every target the library supports, oldest first. */
  public static get all(): StrimziTarget[] {
    return [StrimziTarget.V1_2_0];
  }

  /** The operator release, e.g. `1.2.0`. */
  public readonly operatorVersion: string;
  /** The `apiVersion` of the `kafka.strimzi.io` resources. */
  public readonly apiVersion: string;
  /** The Kafka versions the operator runs, oldest first. */
  public readonly kafkaVersions: string[];
  /** The Kafka version the operator uses when none is set. */
  public readonly defaultKafkaVersion: string;
  /** The HTTP bridge version the operator deploys by default. */
  public readonly bridgeVersion: string;
  /** Whether the operator only runs KRaft clusters. */
  public readonly kraftOnly: boolean;
  /** The oldest KRaft metadata version the operator accepts. */
  public readonly oldestMetadataVersion: string;
  /** The registry and organisation of the operator's default images. */
  public readonly imageRepository: string;

  private constructor(facts: StrimziTargetFacts) {
    this.operatorVersion = facts.operatorVersion;
    this.apiVersion = facts.apiVersion;
    this.kafkaVersions = [...facts.kafkaVersions];
    this.defaultKafkaVersion = facts.defaultKafkaVersion;
    this.bridgeVersion = facts.bridgeVersion;
    this.kraftOnly = facts.kraftOnly;
    this.oldestMetadataVersion = facts.oldestMetadataVersion ?? '3.3-IV3';
    this.imageRepository = facts.imageRepository ?? 'quay.io/strimzi';
  }

  /** A short name for messages, e.g. `Strimzi 1.2.0`. */
  public get displayName(): string {
    return `Strimzi ${this.operatorVersion}`;
  }

  /** Whether the operator runs this Kafka version. */
  public supportsKafkaVersion(version: string): boolean {
    return this.kafkaVersions.includes(version);
  }

  /**
   * Strimzi's Kafka image for a Kafka version, e.g. `quay.io/strimzi/kafka:1.2.0-kafka-4.3.1`
   * (used by brokers, Connect, MirrorMaker 2, Cruise Control and the Kafka Exporter).
   * @param kafkaVersion e.g. `4.3.1`
   * @default - the target's default Kafka version
   */
  public kafkaImage(kafkaVersion?: string): string {
    return `${this.imageRepository}/kafka:${this.operatorVersion}-kafka-${kafkaVersion ?? this.defaultKafkaVersion}`;
  }

  /** The cluster operator image, e.g. `quay.io/strimzi/operator:1.2.0`. */
  public get operatorImage(): string {
    return `${this.imageRepository}/operator:${this.operatorVersion}`;
  }

  /** The HTTP bridge image the operator deploys by default, e.g. `quay.io/strimzi/kafka-bridge:1.1.0`. */
  public get bridgeImage(): string {
    return `${this.imageRepository}/kafka-bridge:${this.bridgeVersion}`;
  }

  /** The display name. */
  public toString(): string {
    return this.displayName;
  }
}
