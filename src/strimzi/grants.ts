/**
 * Options every grant takes.
 */
export interface AclGrantOptions {
  /**
   * For a user this app does not manage (`KafkaUser.fromUserName()`): the user's owner
   * grants these ACLs in their own KafkaUser. The library then reports the ACLs the
   * owner must add as a warning instead of a synth-time error. Ignored for users this
   * app manages (their ACLs are rendered).
   * @default false
   */
  readonly ownerGrants?: boolean;
}

/**
 * Options of a read grant (consumers).
 */
export interface GrantReadOptions extends AclGrantOptions {
  /**
   * The consumer group the reader uses: it gets Read on that group.
   * @default - no group permission (enough for consumers that assign partitions themselves)
   */
  readonly consumerGroup?: string;
  /**
   * A prefix of the consumer groups the reader uses: it gets Read on every group with this prefix.
   * @default - no group prefix permission
   */
  readonly consumerGroupPrefix?: string;
}

/**
 * Options of a write grant (producers).
 */
export interface GrantWriteOptions extends AclGrantOptions {
  /**
   * The transactional ID of a transactional producer: it gets Write and Describe on it.
   * @default - not a transactional producer
   */
  readonly transactionalId?: string;
  /**
   * A prefix of the transactional IDs the producer uses: Write and Describe on every one with this prefix.
   * @default - no transactional ID prefix permission
   */
  readonly transactionalIdPrefix?: string;
}

/**
 * Options of a read-write grant.
 */
export interface GrantReadWriteOptions extends GrantReadOptions, GrantWriteOptions {}
