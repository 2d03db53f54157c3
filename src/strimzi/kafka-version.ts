/**
 * A Kafka version, as Strimzi's `spec.kafka.version`.
 *
 * The constants are the versions the target operator (Strimzi 1.2.0) supports.
 * `KafkaVersion.of()` accepts any other version: the cluster then records a
 * warning, because an operator that does not know the version rejects the
 * Kafka resource.
 */
export class KafkaVersion {
  /** Kafka 4.2.0 */
  public static readonly V4_2_0 = new KafkaVersion('4.2.0', true);
  /** Kafka 4.2.1 */
  public static readonly V4_2_1 = new KafkaVersion('4.2.1', true);
  /** Kafka 4.3.0 */
  public static readonly V4_3_0 = new KafkaVersion('4.3.0', true);
  /** Kafka 4.3.1 (Strimzi 1.2.0's default, metadata version `4.3-IV0`) */
  public static readonly V4_3_1 = new KafkaVersion('4.3.1', true);
  /** The newest version the library knows the operator supports. */
  public static readonly LATEST = KafkaVersion.V4_3_1;

  /**
   * A version the library does not list. Using it yields a warning, not an error.
   * @param version the version, e.g. `4.3.2`
   */
  public static of(version: string): KafkaVersion {
    const known = KafkaVersion.SUPPORTED.find((v) => v.version === version);
    return known ?? new KafkaVersion(version, false);
  }

  /** All versions the target operator supports, oldest first. */
  public static get supportedVersions(): KafkaVersion[] {
    return [...KafkaVersion.SUPPORTED];
  }

  private static get SUPPORTED(): KafkaVersion[] {
    return [KafkaVersion.V4_2_0, KafkaVersion.V4_2_1, KafkaVersion.V4_3_0, KafkaVersion.V4_3_1];
  }

  /**
   * @param version the full version, e.g. `4.3.1`
   * @param supported whether the target operator is known to support it
   */
  private constructor(public readonly version: string, public readonly supported: boolean) {}

  /** `major.minor`, e.g. `4.3`. */
  public get minor(): string {
    return this.version.split('.').slice(0, 2).join('.');
  }

  /** The version string. */
  public toString(): string {
    return this.version;
  }
}
