/**
 * Which namespaces the Strimzi cluster operator watches for Kafka, KafkaNodePool,
 * KafkaConnect, KafkaBridge, … resources. The operator's own namespace is always
 * watched (as the Helm chart does), so every delivery form behaves alike.
 */
export class WatchedNamespaces {
  /** Only the operator's own namespace (Strimzi's default). */
  public static own(): WatchedNamespaces {
    return new WatchedNamespaces(false, []);
  }

  /**
   * The operator's namespace and these: `STRIMZI_NAMESPACE` lists them, and the
   * operator gets its RoleBindings in each (the namespaces must exist).
   */
  public static namespaces(...namespaces: string[]): WatchedNamespaces {
    return new WatchedNamespaces(false, namespaces);
  }

  /** Every namespace (`STRIMZI_NAMESPACE="*"`, cluster-wide bindings). */
  public static all(): WatchedNamespaces {
    return new WatchedNamespaces(true, []);
  }

  private constructor(
    /** Whether every namespace is watched. */
    public readonly allNamespaces: boolean,
    /** The namespaces watched besides the operator's own. */
    public readonly additionalNamespaces: string[],
  ) {}
}

/**
 * A Strimzi feature gate switched on or off (`STRIMZI_FEATURE_GATES`, e.g. `+UseBackgroundPodDeletion`).
 * Which gates exist depends on the Strimzi release; see its feature-gate documentation.
 */
export class StrimziFeatureGate {
  /** Switch a gate on. */
  public static enable(name: string): StrimziFeatureGate {
    return new StrimziFeatureGate(name, true);
  }

  /** Switch a gate off. */
  public static disable(name: string): StrimziFeatureGate {
    return new StrimziFeatureGate(name, false);
  }

  private constructor(
    /** The gate's name, e.g. `UseBackgroundPodDeletion`. */
    public readonly name: string,
    /** Whether it is switched on. */
    public readonly enabled: boolean,
  ) {}

  /** The gate as written in `STRIMZI_FEATURE_GATES`, e.g. `+UseBackgroundPodDeletion`. */
  public toString(): string {
    return `${this.enabled ? '+' : '-'}${this.name}`;
  }
}

/** The root log level of the cluster operator (`STRIMZI_LOG_LEVEL`, read by its log4j2 configuration). */
export enum OperatorLogLevel {
  /** Errors only. */
  ERROR = 'ERROR',
  /** Warnings and errors. */
  WARN = 'WARN',
  /** The default. */
  INFO = 'INFO',
  /** Debugging output. */
  DEBUG = 'DEBUG',
  /** Everything. */
  TRACE = 'TRACE',
}

/** How a node label is matched in a node affinity term. */
export enum NodeLabelOperator {
  /** The label's value is one of `values`. */
  IN = 'In',
  /** The label's value is none of `values`. */
  NOT_IN = 'NotIn',
  /** The label exists. */
  EXISTS = 'Exists',
  /** The label does not exist. */
  DOES_NOT_EXIST = 'DoesNotExist',
}

/** One node label requirement of a node affinity term. */
export interface NodeLabelRequirement {
  /** The node label, e.g. `node-role.kubernetes.io/control-plane`. */
  readonly key: string;
  /** How the label is matched. */
  readonly operator: NodeLabelOperator;
  /** The values for `IN` and `NOT_IN`. @default - none */
  readonly values?: string[];
}

/**
 * Where the operator's images come from: a registry mirror or another organisation
 * (`defaultImageRegistry`, `defaultImageRepository`, `defaultImageTag` in the chart).
 * Applies to the operator image and every default image it hands to the pods it
 * creates (Kafka, Cruise Control, Kafka Exporter, topic/user operators, init, builders);
 * the HTTP bridge keeps its own version tag.
 */
export interface StrimziImageOverrides {
  /** The registry host, e.g. `registry.example.com`. @default 'quay.io' */
  readonly registry?: string;
  /** The organisation / repository path, e.g. `mirror/strimzi`. @default 'strimzi' */
  readonly repository?: string;
  /** The tag in place of the operator version (Kafka images become `<tag>-kafka-<version>`). @default - the operator version */
  readonly tag?: string;
}
