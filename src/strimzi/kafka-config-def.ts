/*
 * The shape of the generated Kafka configuration tables (src/strimzi/generated/),
 * library-internal: not exported from the package.
 */

/** A Kafka ConfigDef validator (see kafka-config-notes.md, section 4). */
export interface KafkaConfigValidator {
  readonly kind: string;
  readonly min?: number;
  readonly max?: number;
  readonly alsoAllowed?: number[];
  readonly values?: string[];
  readonly caseInsensitive?: boolean;
  readonly allowEmpty?: boolean;
  readonly pattern?: string;
  readonly wildcard?: string;
  readonly nullAllowed?: boolean;
  readonly format?: string;
}

/** A bound that changed in a later Kafka release. */
export interface KafkaConfigBound {
  /** The release (major.minor) from which the bound applies. */
  readonly since: string;
  /** The new minimum. */
  readonly min?: number;
}

/** One configuration key as Kafka defines it. */
export interface KafkaConfigDef {
  /** ConfigDef type: boolean, string, int, short, long, double, list, class, password. */
  readonly type: string;
  readonly validator?: KafkaConfigValidator;
  /** Kafka's own rendering of the valid values. */
  readonly validatorText?: string;
  /** Unit from the name or docs (ms, bytes, ...). */
  readonly unit?: string;
  readonly default?: any;
  /** Bounds raised by later releases. */
  readonly bounds?: KafkaConfigBound[];
  /** The release that removed the key. */
  readonly removedIn?: string;
  /** What replaces a removed key. */
  readonly replacement?: string;
  /** The release from which the key has no effect. */
  readonly noOpIn?: string;
  readonly deprecated?: boolean;
  /** Broker keys that give the default (topic keys) or alternative broker keys (broker keys). */
  readonly brokerSynonyms?: string[];
  /** Broker keys: read-only, per-broker or cluster-wide. */
  readonly dynamic?: string;
  readonly internal?: boolean;
  /** Validator values added by a later release, with the release (e.g. `{ streams: '4.1' }`). */
  readonly valuesSince?: { readonly [value: string]: string };
}

/** A cross-key rule, for reference. */
export interface KafkaConfigRelation {
  readonly id: string;
  readonly keys: string[];
  readonly when: string;
}
