import { IConstruct } from 'constructs';
import { StrimziTarget } from './target';
import { ViolationCollector } from '../common/validation';
import { Warnings } from '../common/warnings';

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
  public static readonly V4_2_0 = new KafkaVersion('4.2.0');
  /** Kafka 4.2.1 */
  public static readonly V4_2_1 = new KafkaVersion('4.2.1');
  /** Kafka 4.3.0 */
  public static readonly V4_3_0 = new KafkaVersion('4.3.0');
  /** Kafka 4.3.1 (Strimzi 1.2.0's default, metadata version `4.3-IV0`) */
  public static readonly V4_3_1 = new KafkaVersion('4.3.1');
  /** The newest version the library knows the operator supports. */
  public static readonly LATEST = KafkaVersion.V4_3_1;

  /**
   * A version the library does not list. Using it yields a warning, not an error.
   * @param version the version, e.g. `4.3.2`
   */
  public static of(version: string): KafkaVersion {
    const known = KafkaVersion.KNOWN.find((v) => v.version === version);
    return known ?? new KafkaVersion(version);
  }

  /** All versions the default target operator (`StrimziTarget.LATEST`) supports, oldest first. */
  public static get supportedVersions(): KafkaVersion[] {
    return KafkaVersion.supportedVersionsOf(StrimziTarget.LATEST);
  }

  /** The versions a target operator runs, oldest first (from the target's capability table). */
  public static supportedVersionsOf(target: StrimziTarget): KafkaVersion[] {
    return target.kafkaVersions.map((v) => KafkaVersion.of(v));
  }

  private static get KNOWN(): KafkaVersion[] {
    return [KafkaVersion.V4_2_0, KafkaVersion.V4_2_1, KafkaVersion.V4_3_0, KafkaVersion.V4_3_1];
  }

  /**
   * @param version the full version, e.g. `4.3.1`
   */
  private constructor(public readonly version: string) {}

  /** Whether the default target operator (`StrimziTarget.LATEST`) is known to support this version. */
  public get supported(): boolean {
    return this.supportedBy(StrimziTarget.LATEST);
  }

  /** Whether a target operator is known to support this version. */
  public supportedBy(target: StrimziTarget): boolean {
    return target.supportsKafkaVersion(this.version);
  }

  /** `major.minor`, e.g. `4.3`. */
  public get minor(): string {
    return this.version.split('.').slice(0, 2).join('.');
  }

  /** The version string. */
  public toString(): string {
    return this.version;
  }
}

/**
 * The Kafka version's and the KRaft metadata version's rules against the target
 * operator: format, support, and the metadata version's bounds.
 * @internal
 */
export function _checkKafkaVersion(c: ViolationCollector, scope: IConstruct, subject: string, version: KafkaVersion,
  metadataVersion: string | undefined, target: StrimziTarget): void {
  const v = version.version;
  const parsed = /^(\d+)\.(\d+)\.(\d+)$/.exec(v);
  c.check(!parsed, subject, `Kafka version "${v}" is not a version number major.minor.patch`, `use a KafkaVersion constant, e.g. KafkaVersion.${KafkaVersion.LATEST.version.replace(/\./g, '_').replace(/^/, 'V')}`, 'KAF-CLU-050');
  if (parsed && !version.supportedBy(target)) {
    const supported = KafkaVersion.supportedVersionsOf(target);
    const num = (x: string) => x.split('.').map(Number).reduce((acc, n) => acc * 1000 + n, 0);
    if (num(v) < num(supported[0].version)) {
      c.add(subject, `Kafka ${v} is older than every version ${target.displayName} runs (${supported.map((x) => x.version).join(', ')}), so the operator rejects the Kafka resource`,
        `use ${supported[0].version} or newer (KafkaVersion.LATEST is ${KafkaVersion.LATEST.version}), upgrading through the versions Kafka requires`, 'KAF-CLU-051');
    } else {
      Warnings.of(scope).add(`Kafka version ${v} is not one ${target.displayName} is known to support (${supported.map((x) => x.version).join(', ')}); make sure your operator supports it`, 'KAF-CLU-052');
    }
  }
  const mv = metadataVersion;
  if (mv === undefined) {
    return;
  }
  const m = /^(\d+)\.(\d+)(?:-IV(\d+))?$/.exec(mv);
  if (!m) {
    c.add(subject, `metadataVersion "${mv}" is not a KRaft metadata version like "4.3-IV0" or "4.3"`, 'use <major>.<minor>-IV<n>, or leave it unset to use the default of the Kafka version', 'KAF-CLU-053');
    return;
  }
  const [major, minor, iv] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
  const cmp = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  const oldest = target.oldestMetadataVersion;
  const o = /^(\d+)\.(\d+)-IV(\d+)$/.exec(oldest)!;
  c.check(cmp([major, minor, iv ?? Number.MAX_SAFE_INTEGER], [Number(o[1]), Number(o[2]), Number(o[3])]) < 0, subject,
    `metadataVersion "${mv}" is older than ${oldest}, the oldest KRaft metadata version ${target.displayName} accepts`, `use ${oldest} or newer (the Kafka version's own, e.g. 4.3-IV0, unless you are mid-upgrade)`, 'KAF-CLU-054');
  if (parsed) {
    c.check(cmp([major, minor, 0], [Number(parsed[1]), Number(parsed[2]), 0]) > 0, subject,
      `metadataVersion "${mv}" is newer than Kafka ${v} (a metadata version cannot be ahead of the brokers' software)`,
      `use ${parsed[1]}.${parsed[2]}-IV0 or older, or raise the Kafka version`, 'KAF-CLU-055');
  }
}
