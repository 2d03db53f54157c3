/**
 * Kafka resource types an ACL rule can name.
 */
export enum AclResourceType {
  /** A topic. */
  TOPIC = 'topic',
  /** A consumer group. */
  GROUP = 'group',
  /** The cluster itself. */
  CLUSTER = 'cluster',
  /** A transactional ID. */
  TRANSACTIONAL_ID = 'transactionalId',
}

/**
 * How an ACL rule's resource name is matched.
 */
export enum AclPatternType {
  /** The name must match exactly (`*` matches every name). */
  LITERAL = 'literal',
  /** The name is a prefix. */
  PREFIX = 'prefix',
}

/**
 * Operations an ACL rule allows or denies.
 */
export enum AclOperation {
  /** Read */
  READ = 'Read',
  /** Write */
  WRITE = 'Write',
  /** Create */
  CREATE = 'Create',
  /** Delete */
  DELETE = 'Delete',
  /** Alter */
  ALTER = 'Alter',
  /** Describe */
  DESCRIBE = 'Describe',
  /** ClusterAction */
  CLUSTER_ACTION = 'ClusterAction',
  /** AlterConfigs */
  ALTER_CONFIGS = 'AlterConfigs',
  /** DescribeConfigs */
  DESCRIBE_CONFIGS = 'DescribeConfigs',
  /** IdempotentWrite */
  IDEMPOTENT_WRITE = 'IdempotentWrite',
  /** All */
  ALL = 'All',
}

/**
 * How a KafkaUser authenticates.
 */
export enum KafkaUserAuthenticationType {
  /** SCRAM-SHA-512, with the password Strimzi writes into the user Secret. */
  SCRAM_SHA_512 = 'scram-sha-512',
  /** Mutual TLS, with the certificate Strimzi issues into the user Secret. */
  TLS = 'tls',
  /** Mutual TLS with a certificate issued outside Strimzi (no Secret is written). */
  TLS_EXTERNAL = 'tls-external',
}

/**
 * Whether an ACL rule allows or denies its operations.
 */
export enum AclPermissionType {
  /** The operations are allowed. */
  ALLOW = 'allow',
  /** The operations are denied. Deny rules win over allow rules. */
  DENY = 'deny',
}

/**
 * The resource an ACL rule applies to: a type, a name and how the name matches.
 */
export class AclResource {
  /** One topic (`*` means every topic). */
  public static topic(name: string): AclResource {
    return new AclResource(AclResourceType.TOPIC, name, AclPatternType.LITERAL);
  }

  /** Every topic whose name starts with `prefix`. */
  public static topicPrefix(prefix: string): AclResource {
    return new AclResource(AclResourceType.TOPIC, prefix, AclPatternType.PREFIX);
  }

  /** Every topic. */
  public static allTopics(): AclResource {
    return new AclResource(AclResourceType.TOPIC, '*', AclPatternType.LITERAL);
  }

  /** One consumer group (`*` means every group). */
  public static group(name: string): AclResource {
    return new AclResource(AclResourceType.GROUP, name, AclPatternType.LITERAL);
  }

  /** Every consumer group whose name starts with `prefix`. */
  public static groupPrefix(prefix: string): AclResource {
    return new AclResource(AclResourceType.GROUP, prefix, AclPatternType.PREFIX);
  }

  /** Every consumer group. */
  public static allGroups(): AclResource {
    return new AclResource(AclResourceType.GROUP, '*', AclPatternType.LITERAL);
  }

  /** One transactional ID (`*` means every transactional ID). */
  public static transactionalId(name: string): AclResource {
    return new AclResource(AclResourceType.TRANSACTIONAL_ID, name, AclPatternType.LITERAL);
  }

  /** Every transactional ID that starts with `prefix`. */
  public static transactionalIdPrefix(prefix: string): AclResource {
    return new AclResource(AclResourceType.TRANSACTIONAL_ID, prefix, AclPatternType.PREFIX);
  }

  /** The cluster (for cluster-level operations such as `DescribeConfigs` or `IdempotentWrite`). */
  public static cluster(): AclResource {
    return new AclResource(AclResourceType.CLUSTER, undefined, AclPatternType.LITERAL);
  }

  private constructor(
    /** The resource type. */
    public readonly type: AclResourceType,
    /** The resource name or prefix; undefined for the cluster. */
    public readonly name: string | undefined,
    /** How `name` matches. */
    public readonly patternType: AclPatternType,
  ) {}

  /**
   * Whether this resource covers the named resource of type `type`
   * (literal names, `*`, and prefixes).
   */
  public matches(type: AclResourceType, name: string): boolean {
    if (type !== this.type) {
      return false;
    }
    if (this.type === AclResourceType.CLUSTER) {
      return true;
    }
    if (this.patternType === AclPatternType.PREFIX) {
      return name.startsWith(this.name ?? '');
    }
    return this.name === '*' || this.name === name;
  }

  /** A readable form, e.g. `topic "orders"` or `group prefix "app-"`. */
  public toString(): string {
    if (this.type === AclResourceType.CLUSTER) {
      return 'cluster';
    }
    return `${this.type}${this.patternType === AclPatternType.PREFIX ? ' prefix' : ''} "${this.name}"`;
  }
}

/**
 * One ACL rule of a KafkaUser.
 */
export interface AclRule {
  /** What the rule applies to. */
  readonly resource: AclResource;
  /** The operations allowed or denied. */
  readonly operations: AclOperation[];
  /**
   * The host the rule applies to.
   * @default '*' (any host)
   */
  readonly host?: string;
  /**
   * Allow or deny.
   * @default AclPermissionType.ALLOW
   */
  readonly permission?: AclPermissionType;
}
