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
  /** SCRAM-SHA-512; Strimzi writes the password into the user Secret. */
  SCRAM_SHA_512 = 'scram-sha-512',
  /** Mutual TLS; Strimzi issues the certificate into the user Secret. */
  TLS = 'tls',
  /** Mutual TLS with a certificate issued outside Strimzi; no Secret is written. */
  TLS_EXTERNAL = 'tls-external',
}
