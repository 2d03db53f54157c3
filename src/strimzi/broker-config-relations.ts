/*
 * The cross-key rules Kafka applies to a broker configuration when a node starts
 * (kafka-config-notes.md, section 7: KafkaConfig, LogConfig, GroupCoordinatorConfig,
 * ShareGroupConfig, DynamicBrokerConfig), on the values the user set merged over
 * Kafka's defaults; and the replication rules Strimzi checks against the broker count.
 * A rule reports only when the user set at least one of its keys. Library-internal.
 */
import type { BrokerConfigWarning } from './broker-config';
import { BROKER_CONFIG_DEFS } from './generated/broker-config-defs';
import { ViolationCollector } from '../common/validation';

/** A broker setting: the user's parsed value, else Kafka's default (undefined when neither). */
type Lookup = (key: string) => any;

/** Whether the user set any of the keys. */
type AnySet = (...keys: string[]) => boolean;

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MIB = 1024 * 1024;

/** The retention Kafka uses: log.retention.ms, else .minutes, else .hours (KafkaConfig.logRetentionTimeMillis). */
function effectiveRetentionMs(value: Lookup): number {
  return value('log.retention.ms') ?? (value('log.retention.minutes') !== undefined ? value('log.retention.minutes') * MS_PER_MINUTE : value('log.retention.hours') * MS_PER_HOUR);
}

/**
 * Checks the cross-key rules on the parsed broker values (keys whose value did not parse are absent).
 * @param brokerCount broker nodes of the cluster (0 = unknown)
 */
export function checkBrokerRelations(c: ViolationCollector, parsed: { [key: string]: any }, brokerCount: number,
  warn: (w: BrokerConfigWarning) => void): void {
  const value: Lookup = (key) => {
    if (parsed[key] !== undefined) return parsed[key];
    const d = BROKER_CONFIG_DEFS[key]?.default;
    return typeof d === 'string' && /^-?\d+$/.test(d) ? Number(d) : d;
  };
  const set: AnySet = (...keys) => keys.some((k) => parsed[k] !== undefined);
  checkReplication(c, parsed, brokerCount);
  checkLog(c, value, set, warn);
  checkNetwork(c, value, set);
  checkGroups(c, value, set);
  checkTieredStorage(c, value, set);
}

/** Replication factors and min ISR against the broker count and each other (Strimzi and Kafka 3.7+). */
function checkReplication(c: ViolationCollector, parsed: { [key: string]: any }, brokerCount: number): void {
  const num = (k: string): number | undefined => (Number.isInteger(parsed[k]) ? parsed[k] : undefined);
  if (brokerCount > 0) {
    for (const k of ['default.replication.factor', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor', 'transaction.state.log.min.isr']) {
      const n = num(k);
      c.check(n !== undefined && n > brokerCount, `broker config "${k}"`,
        `${k.endsWith('min.isr') ? 'minimum in-sync replicas' : 'replication factor'} ${n} exceeds the ${brokerCount} broker node(s) of the cluster (Strimzi rejects the Kafka resource)`,
        `use at most ${brokerCount}, or add brokers`, 'KAF-CLU-108');
    }
  }
  const pairs: Array<[string, string, number, string]> = [
    // Since Kafka 3.7 (KAFKA-15583) the leader caps the effective min ISR at the replica count: the writes are not refused,
    // they silently need every replica. Both values are in the broker config, so the library reports it as an error.
    ['min.insync.replicas', 'default.replication.factor', 1, 'Kafka caps the min ISR of topics created with the default replication factor at their replicas, so one replica down stops acks=all producers (with 1 replica it is no safer than acks=1)'],
    ['transaction.state.log.min.isr', 'transaction.state.log.replication.factor', 3, 'Kafka caps the transaction log\'s min ISR at its replicas, so one replica down stops transactional producers'],
  ];
  for (const [isrKey, rfKey, kafkaDefault, why] of pairs) {
    const isr = num(isrKey);
    const rf = num(rfKey) ?? kafkaDefault;
    const rfText = num(rfKey) !== undefined ? `${rfKey} ${rf}` : `${rfKey} ${rf} (Kafka's default)`;
    // An ISR above the broker count is reported above; report the pair only when it is the sharper message.
    c.check(isr !== undefined && isr > rf && !(brokerCount > 0 && isrKey === 'transaction.state.log.min.isr' && isr > brokerCount), `broker config "${isrKey}"`,
      `${isr} is above ${rfText}; ${why}`, `use at most ${rf}, or raise ${rfKey}`, 'KAF-CLU-109');
  }
}

/** Log retention, rolling, compaction and the cleaner (KafkaConfig, LogConfig.validateValues, LogCleaner). */
function checkLog(c: ViolationCollector, value: Lookup, set: AnySet, warn: (w: BrokerConfigWarning) => void): void {
  const minLag = value('log.cleaner.min.compaction.lag.ms');
  const maxLag = value('log.cleaner.max.compaction.lag.ms');
  c.check(set('log.cleaner.min.compaction.lag.ms', 'log.cleaner.max.compaction.lag.ms') && minLag > maxLag, 'broker config "log.cleaner.min.compaction.lag.ms"',
    `${minLag} exceeds log.cleaner.max.compaction.lag.ms ${maxLag} (Kafka refuses to start)`, 'make the minimum compaction lag at most the maximum', 'KAF-CLU-115');

  // The effective retention and roll times, in the order KafkaConfig reads their synonyms.
  const retention = effectiveRetentionMs(value);
  c.check(set('log.retention.ms', 'log.retention.minutes', 'log.retention.hours') && retention === 0, 'broker config "log.retention.*"',
    'the effective retention is 0 ms, which Kafka refuses at startup (it must be at least 1 ms, or negative for unlimited)', 'use a positive retention, or -1 for unlimited', 'KAF-CLU-116');
  const roll = value('log.roll.ms') ?? value('log.roll.hours') * MS_PER_HOUR;
  c.check(set('log.roll.ms', 'log.roll.hours') && roll < 1, 'broker config "log.roll.*"',
    `the effective segment roll time is ${roll} ms; Kafka needs at least 1 ms`, 'use a positive log.roll.ms or log.roll.hours', 'KAF-CLU-116');

  const dedupe = value('log.cleaner.dedupe.buffer.size');
  const threads = value('log.cleaner.threads');
  c.check(set('log.cleaner.dedupe.buffer.size', 'log.cleaner.threads') && threads > 0 && Math.floor(dedupe / threads) <= MIB, 'broker config "log.cleaner.dedupe.buffer.size"',
    `${dedupe} bytes over ${threads} cleaner thread(s) leaves ${Math.floor(dedupe / threads)} bytes per thread; Kafka needs more than 1 MiB (1048576) per thread and refuses to start`,
    `raise log.cleaner.dedupe.buffer.size to at least ${threads * (MIB + 1)}, or use fewer log.cleaner.threads`, 'KAF-CLU-117');

  if (value('log.cleaner.enable') === false) {
    warn({
      ruleId: 'KAF-CLU-114',
      message: 'broker config "log.cleaner.enable": false stops compaction of every compacted topic, __consumer_offsets included, which then grows without bound; Kafka 4.1 deprecates the setting and asks not to set it to false; remove it',
    });
  }
}

/** Sockets, request queues and connection limits (KafkaConfig, SocketServer). */
function checkNetwork(c: ViolationCollector, value: Lookup, set: AnySet): void {
  const fetchWait = value('replica.fetch.wait.max.ms');
  for (const other of ['replica.socket.timeout.ms', 'replica.lag.time.max.ms']) {
    const o = value(other);
    c.check(set('replica.fetch.wait.max.ms', other) && fetchWait > o, 'broker config "replica.fetch.wait.max.ms"',
      `${fetchWait} exceeds ${other} ${o} (Kafka refuses to start: a follower's fetch could outlast it)`, `use at most ${o}, or raise ${other}`, 'KAF-CLU-118');
  }
  const queued = value('queued.max.request.bytes');
  const request = value('socket.request.max.bytes');
  c.check(set('queued.max.request.bytes', 'socket.request.max.bytes') && queued > 0 && queued < request, 'broker config "queued.max.request.bytes"',
    `${queued} is below socket.request.max.bytes ${request}, so one large request could never be queued (Kafka refuses to start)`,
    `use -1 (no limit) or at least ${request}`, 'KAF-CLU-119');
  const overrides = value('max.connections.per.ip.overrides');
  c.check(set('max.connections.per.ip') && value('max.connections.per.ip') === 0 && (overrides === undefined || String(overrides).trim() === ''), 'broker config "max.connections.per.ip"',
    '0 refuses every connection unless max.connections.per.ip.overrides lets some hosts in, and none is set (Kafka refuses to start)',
    'set max.connections.per.ip.overrides (host:count,...), or use a limit above 0', 'KAF-CLU-120');
  const delay = value('connection.failed.authentication.delay.ms');
  const idle = value('connections.max.idle.ms');
  c.check(set('connection.failed.authentication.delay.ms', 'connections.max.idle.ms') && idle >= 0 && delay >= idle, 'broker config "connection.failed.authentication.delay.ms"',
    `${delay} is not below connections.max.idle.ms ${idle} (Kafka refuses to start: the connection would be closed as idle first)`,
    `use less than ${idle}`, 'KAF-CLU-121');
  for (const key of ['offsets.topic.compression.codec', 'share.coordinator.state.topic.compression.codec']) {
    const codec = value(key);
    c.check(set(key) && (codec < 0 || codec > 4), `broker config "${key}"`,
      `${codec} is not a compression codec id (Kafka fails to start its coordinator)`, 'use 0 (none), 1 (gzip), 2 (snappy), 3 (lz4) or 4 (zstd)', 'KAF-CLU-127');
  }
  const segment = value('metadata.log.segment.bytes');
  const minSegment = value('metadata.log.segment.min.bytes');
  c.check(set('metadata.log.segment.bytes', 'metadata.log.segment.min.bytes') && segment < minSegment, 'broker config "metadata.log.segment.bytes"',
    `${segment} is below metadata.log.segment.min.bytes ${minSegment} (the KRaft metadata log refuses it)`, `use at least ${minSegment}`, 'KAF-CLU-126');
}

/** Consumer and share group coordinator settings (GroupCoordinatorConfig, ShareGroupConfig, ShareCoordinatorConfig). */
function checkGroups(c: ViolationCollector, value: Lookup, set: AnySet): void {
  const protocols: string[] | undefined = value('group.coordinator.rebalance.protocols');
  c.check(set('group.coordinator.rebalance.protocols') && !(protocols ?? []).includes('classic'), 'broker config "group.coordinator.rebalance.protocols"',
    `${JSON.stringify((protocols ?? []).join(','))} leaves out "classic", which Kafka does not allow (it refuses to start)`, 'include classic, e.g. "classic,consumer"', 'KAF-CLU-122');
  for (const group of ['consumer', 'share']) {
    const k = (name: string) => `group.${group}.${name}`;
    const keys = ['heartbeat.interval.ms', 'min.heartbeat.interval.ms', 'max.heartbeat.interval.ms', 'session.timeout.ms', 'min.session.timeout.ms', 'max.session.timeout.ms'].map(k);
    if (!set(...keys)) continue;
    for (const name of ['heartbeat.interval.ms', 'session.timeout.ms']) {
      const [v, lo, hi] = [value(k(name)), value(k(`min.${name}`)), value(k(`max.${name}`))];
      c.check(lo > v || v > hi, `broker config "${k(name)}"`,
        `${v} is not within ${k(`min.${name}`)} ${lo} and ${k(`max.${name}`)} ${hi} (Kafka refuses to start)`, `order them min <= ${k(name)} <= max`, 'KAF-CLU-123');
    }
    const hb = value(k('heartbeat.interval.ms'));
    const session = value(k('session.timeout.ms'));
    c.check(hb >= session, `broker config "${k('heartbeat.interval.ms')}"`,
      `${hb} is not below ${k('session.timeout.ms')} ${session}, so members would time out between heartbeats (Kafka refuses to start)`,
      `use a heartbeat interval below ${session}`, 'KAF-CLU-123');
  }
  const lock = value('group.share.record.lock.duration.ms');
  const [minLock, maxLock] = [value('group.share.min.record.lock.duration.ms'), value('group.share.max.record.lock.duration.ms')];
  c.check(set('group.share.record.lock.duration.ms', 'group.share.min.record.lock.duration.ms', 'group.share.max.record.lock.duration.ms') && (minLock > lock || lock > maxLock),
    'broker config "group.share.record.lock.duration.ms"', `${lock} is not within group.share.min.record.lock.duration.ms ${minLock} and group.share.max.record.lock.duration.ms ${maxLock} (Kafka refuses to start)`,
    'order them min <= value <= max', 'KAF-CLU-124');
  const perSnapshot = value('share.coordinator.snapshot.update.records.per.snapshot');
  c.check(set('share.coordinator.snapshot.update.records.per.snapshot') && perSnapshot > 500, 'broker config "share.coordinator.snapshot.update.records.per.snapshot"',
    `${perSnapshot} is above 500, the most the share coordinator accepts (it refuses to start)`, 'use 0 to 500', 'KAF-CLU-125');
}

/** Tiered storage (RemoteLogManager, LogConfig.validateBrokerLogConfigValues). */
function checkTieredStorage(c: ViolationCollector, value: Lookup, set: AnySet): void {
  if (value('remote.log.storage.system.enable') !== true) return;
  const rsm = value('remote.log.storage.manager.class.name');
  c.check(rsm === undefined || rsm === null || String(rsm).trim() === '', 'broker config "remote.log.storage.system.enable"',
    'tiered storage is on, but remote.log.storage.manager.class.name names no remote storage plugin (the broker fails to start the RemoteLogManager)',
    'set remote.log.storage.manager.class.name to the plugin class, or turn tiered storage off', 'KAF-CLU-128');
  const retentionMs = effectiveRetentionMs(value);
  for (const [local, total, totalValue, unlimited] of [
    ['log.local.retention.ms', 'log.retention.ms', retentionMs, (t: number) => t === -1],
    ['log.local.retention.bytes', 'log.retention.bytes', value('log.retention.bytes'), (t: number) => t <= -1],
  ] as Array<[string, string, number, (t: number) => boolean]>) {
    const l = value(local);
    if (!set(local, total, 'log.retention.minutes', 'log.retention.hours') || unlimited(totalValue) || l === -2) continue;
    c.check(l === -1 || l > totalValue, `broker config "${local}"`,
      `${l === -1 ? '-1 (keep locally forever)' : l} must be at most the total retention ${totalValue} (${total}), since local retention cannot outlast it (Kafka refuses to start with tiered storage on)`,
      `use at most ${totalValue}, or -2 to keep the total retention locally`, 'KAF-CLU-129');
  }
}
