/**
 * What a topic does with old log segments (`cleanup.policy`).
 */
export class CleanupPolicy {
  /** Delete segments older than the retention time or beyond the retention size. */
  public static readonly DELETE = new CleanupPolicy('delete');
  /** Keep the latest record per key (log compaction). */
  public static readonly COMPACT = new CleanupPolicy('compact');
  /** Compact, and also delete segments beyond the retention limits. */
  public static readonly COMPACT_DELETE = new CleanupPolicy('compact,delete');

  private constructor(
    /** The value of `cleanup.policy`. */
    public readonly value: string,
  ) {}
}

/**
 * How the broker stores record batches (`compression.type`).
 */
export class CompressionType {
  /** Keep whatever compression the producer used. */
  public static readonly PRODUCER = new CompressionType('producer');
  /** Store uncompressed. */
  public static readonly UNCOMPRESSED = new CompressionType('uncompressed');
  /** gzip. */
  public static readonly GZIP = new CompressionType('gzip');
  /** Snappy. */
  public static readonly SNAPPY = new CompressionType('snappy');
  /** LZ4. */
  public static readonly LZ4 = new CompressionType('lz4');
  /** Zstandard. */
  public static readonly ZSTD = new CompressionType('zstd');

  private constructor(
    /** The value of `compression.type`. */
    public readonly value: string,
  ) {}
}

/**
 * Which timestamp records carry (`message.timestamp.type`).
 */
export class MessageTimestampType {
  /** The time the producer created the record. */
  public static readonly CREATE_TIME = new MessageTimestampType('CreateTime');
  /** The time the broker appended the record. */
  public static readonly LOG_APPEND_TIME = new MessageTimestampType('LogAppendTime');

  private constructor(
    /** The value of `message.timestamp.type`. */
    public readonly value: string,
  ) {}
}
