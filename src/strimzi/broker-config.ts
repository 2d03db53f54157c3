/*
 * Broker configuration rules (`spec.kafka.config`), checked at synth time.
 *
 * Library-internal: not exported from the package. The table records type and
 * range of the Kafka 4.x broker settings people actually set; unknown keys pass
 * (the operator treats them as plugin settings too).
 */
import { capabilitiesOf } from './private/capabilities';
import { StrimziTarget } from './target';
import { ViolationCollector } from '../common/validation';

/** Value kinds of broker settings. */
type ConfigType = 'int' | 'short' | 'long' | 'double' | 'boolean' | 'string' | 'list' | 'class';

interface ConfigKey {
  readonly type: ConfigType;
  /** Smallest allowed value (numbers). */
  readonly min?: number;
  /** Largest allowed value (numbers). */
  readonly max?: number;
  /** Allowed values (strings, list items), compared case-sensitively as Kafka does. */
  readonly values?: string[];
  /** Values allowed besides the range (e.g. -1 for "unlimited"). */
  readonly also?: number[];
}

const INT_MAX = 2147483647;
const SHORT_MAX = 32767;

/** Type and range of well-known Kafka 4.x broker settings. */
export const BROKER_CONFIG_KEYS: { [key: string]: ConfigKey } = {
  // Topic defaults
  'num.partitions': { type: 'int', min: 1 },
  'default.replication.factor': { type: 'int', min: 1 },
  'min.insync.replicas': { type: 'int', min: 1 },
  'auto.create.topics.enable': { type: 'boolean' },
  'delete.topic.enable': { type: 'boolean' },
  'unclean.leader.election.enable': { type: 'boolean' },
  'auto.leader.rebalance.enable': { type: 'boolean' },
  'leader.imbalance.per.broker.percentage': { type: 'int', min: 0, max: 100 },
  'leader.imbalance.check.interval.seconds': { type: 'long', min: 1 },
  'compression.type': { type: 'string', values: ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'] },
  'compression.gzip.level': { type: 'int', min: 1, max: 9, also: [-1] },
  'compression.lz4.level': { type: 'int', min: 1, max: 17 },
  'compression.zstd.level': { type: 'int', min: -131072, max: 22 },
  'message.max.bytes': { type: 'int', min: 0 },
  // Log retention, segments, cleaning
  'log.retention.ms': { type: 'long', min: -1 },
  'log.retention.minutes': { type: 'int', min: -1 },
  'log.retention.hours': { type: 'int', min: -1 },
  'log.retention.bytes': { type: 'long', min: -1 },
  'log.retention.check.interval.ms': { type: 'long', min: 1 },
  'log.local.retention.ms': { type: 'long', min: -2 },
  'log.local.retention.bytes': { type: 'long', min: -2 },
  'log.segment.bytes': { type: 'int', min: 1048576 },
  'log.roll.ms': { type: 'long', min: 1 },
  'log.roll.hours': { type: 'int', min: 1 },
  'log.index.size.max.bytes': { type: 'int', min: 4 },
  'log.index.interval.bytes': { type: 'int', min: 0 },
  'log.flush.interval.messages': { type: 'long', min: 1 },
  'log.flush.interval.ms': { type: 'long', min: 0 },
  'log.cleanup.policy': { type: 'list', values: ['delete', 'compact'] },
  'log.cleaner.enable': { type: 'boolean' },
  'log.cleaner.threads': { type: 'int', min: 0 },
  'log.cleaner.min.cleanable.ratio': { type: 'double', min: 0, max: 1 },
  'log.cleaner.delete.retention.ms': { type: 'long', min: 0 },
  'log.cleaner.min.compaction.lag.ms': { type: 'long', min: 0 },
  'log.message.timestamp.type': { type: 'string', values: ['CreateTime', 'LogAppendTime'] },
  'log.message.timestamp.before.max.ms': { type: 'long', min: 0 },
  'log.message.timestamp.after.max.ms': { type: 'long', min: 0 },
  'log.preallocate': { type: 'boolean' },
  // Threads, sockets, requests
  'num.network.threads': { type: 'int', min: 1 },
  'num.io.threads': { type: 'int', min: 1 },
  'background.threads': { type: 'int', min: 1 },
  'num.replica.fetchers': { type: 'int', min: 1 },
  'num.recovery.threads.per.data.dir': { type: 'int', min: 1 },
  'queued.max.requests': { type: 'int', min: 1 },
  'socket.send.buffer.bytes': { type: 'int', min: -1 },
  'socket.receive.buffer.bytes': { type: 'int', min: -1 },
  'socket.request.max.bytes': { type: 'int', min: 1 },
  'connections.max.idle.ms': { type: 'long' },
  'max.connections': { type: 'int', min: 0 },
  'max.connections.per.ip': { type: 'int', min: 0 },
  'max.connection.creation.rate': { type: 'int', min: 0 },
  'fetch.max.bytes': { type: 'int', min: 1024 },
  // Replication
  'replica.fetch.max.bytes': { type: 'int', min: 0 },
  'replica.fetch.wait.max.ms': { type: 'int' },
  'replica.lag.time.max.ms': { type: 'long' },
  'replica.selector.class': { type: 'class' },
  // Internal topics
  'offsets.topic.replication.factor': { type: 'short', min: 1 },
  'offsets.topic.num.partitions': { type: 'int', min: 1 },
  'offsets.topic.segment.bytes': { type: 'int', min: 1 },
  'offsets.retention.minutes': { type: 'int', min: 1 },
  'transaction.state.log.replication.factor': { type: 'short', min: 1 },
  'transaction.state.log.min.isr': { type: 'int', min: 1 },
  'transaction.state.log.num.partitions': { type: 'int', min: 1 },
  'transaction.state.log.segment.bytes': { type: 'int', min: 1 },
  'transactional.id.expiration.ms': { type: 'int', min: 1 },
  'transaction.max.timeout.ms': { type: 'int', min: 1 },
  'producer.id.expiration.ms': { type: 'int', min: 1 },
  // Consumer groups
  'group.initial.rebalance.delay.ms': { type: 'int', min: 0 },
  'group.min.session.timeout.ms': { type: 'int' },
  'group.max.session.timeout.ms': { type: 'int' },
  'group.coordinator.rebalance.protocols': { type: 'list', values: ['classic', 'consumer', 'streams', 'share'] },
  'max.incremental.fetch.session.cache.slots': { type: 'int', min: 0 },
};

/**
 * Settings that no longer exist in Kafka 4 (ZooKeeper and the old message formats are gone),
 * with the reason. A Kafka 4 broker ignores or rejects them.
 */
export const REMOVED_IN_KAFKA_4: { [key: string]: string } = {
  'inter.broker.protocol.version': 'Kafka 4 runs in KRaft mode only, where the cluster-wide metadata.version replaces it (set KafkaCluster metadataVersion instead)',
  'log.message.format.version': 'Kafka 4 writes only the v2 record format, so the format version cannot be chosen any more',
  'log.message.timestamp.difference.max.ms': 'Kafka 4 replaced it by log.message.timestamp.before.max.ms and log.message.timestamp.after.max.ms',
  'offsets.commit.required.acks': 'Kafka 4 always commits offsets with acks=all',
  'control.plane.listener.name': 'it only served ZooKeeper-mode controllers, and Kafka 4 has no ZooKeeper mode',
  'broker.id.generation.enable': 'it only served ZooKeeper mode; KRaft node IDs are assigned by Strimzi',
  'reserved.broker.max.id': 'it only served ZooKeeper mode; KRaft node IDs are assigned by Strimzi',
  'quota.producer.default': 'Kafka 4 removed static default quotas; use dynamic quotas (KafkaUser quotas or spec.kafka.quotas)',
  'quota.consumer.default': 'Kafka 4 removed static default quotas; use dynamic quotas (KafkaUser quotas or spec.kafka.quotas)',
  'auto.include.jmx.reporter': 'Kafka 4 removed it; the JMX reporter is controlled by metric.reporters',
  'delegation.token.master.key': 'Kafka 4 removed it in favour of delegation.token.secret.key',
  'log.message.downconversion.enable': 'Kafka 4 no longer down-converts records for old clients, so there is nothing to switch off',
};

/** What the operator sets for a forbidden prefix, to point users to the right place. */
const OWNER_HINTS: Array<[string, string]> = [
  ['listener', 'configure listeners with Listener'],
  ['advertised.', 'configure advertised hosts and ports on the Listener (brokers[], advertisedHostTemplate)'],
  ['sasl.', 'choose listener authentication with ListenerAuthentication'],
  ['ssl.', 'Strimzi manages TLS; use a listener brokerCertificate for your own certificate'],
  ['security.', 'Strimzi sets the listener security protocols from the Listener settings'],
  ['authorizer.', 'use the authorization prop (KafkaAuthorization)'],
  ['super.user', 'use KafkaAuthorization.simple({ superUsers })'],
  ['broker.rack', 'use the rack prop'],
  ['log.dir', 'use the node pool storage'],
  ['metadata.log.dir', 'use kraftMetadata on a JBOD volume'],
  ['prometheus.metrics.reporter.', 'configure metrics with the monitoring constructs'],
  ['node.id', 'node IDs are assigned by Strimzi (see KafkaNodePool nodeIds)'],
  ['process.roles', 'use the node pool roles'],
  ['controller.', 'Strimzi configures the KRaft controller quorum from the node pools'],
];

/** Whether Strimzi forbids (and silently drops) a `spec.kafka.config` key. */
export function isForbiddenBrokerKey(key: string, target: StrimziTarget = StrimziTarget.LATEST): boolean {
  const lower = key.toLowerCase();
  const { brokerConfigForbiddenPrefixes: FORBIDDEN_PREFIXES, brokerConfigForbiddenExceptions: FORBIDDEN_EXCEPTIONS } = capabilitiesOf(target);
  if (FORBIDDEN_EXCEPTIONS.includes(key)) {
    return false;
  }
  // Kafka 0.51+ accepts per-listener connection limits for defined listeners.
  if (/^listener\.name\.[a-z0-9]+-[0-9]+\.(connections\.max\.reauth\.ms|max\.connections|max\.connection\.creation\.rate)$/.test(key)) {
    return false;
  }
  return FORBIDDEN_PREFIXES.some((p) => lower.startsWith(p.toLowerCase()));
}

/** A number from a config value, or undefined when it is not one. */
function asNumber(v: any): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v))) return Number(v);
  return undefined;
}

function describe(v: any): string {
  return typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
}

/** The values a key accepts, in words, for the fix part of a message. */
function allowedValues(spec: ConfigKey): string {
  switch (spec.type) {
    case 'boolean':
      return 'use true or false';
    case 'int':
    case 'short':
    case 'long': {
      const upper = spec.type === 'short' ? SHORT_MAX : spec.type === 'int' ? INT_MAX : Number.MAX_SAFE_INTEGER;
      const range = `${spec.min ?? -upper - 1}..${Math.min(spec.max ?? upper, upper)}`;
      return `use a whole number in ${range}${spec.also ? ` or ${spec.also.join(', ')}` : ''}`;
    }
    case 'double':
      return `use a number in ${spec.min ?? '-inf'}..${spec.max ?? 'inf'}`;
    case 'list':
      return spec.values ? `use a comma-separated list of ${spec.values.join(', ')}` : 'use a non-empty comma-separated list';
    default:
      return spec.values ? `use one of ${spec.values.join(', ')}` : `use a ${spec.type === 'class' ? 'class name' : 'string'}`;
  }
}

/** Why a value does not fit its key, or undefined when it does. */
function typeProblem(spec: ConfigKey, value: any): string | undefined {
  const shown = describe(value);
  switch (spec.type) {
    case 'boolean':
      if (value === true || value === false || value === 'true' || value === 'false') return undefined;
      return `${shown} is not a boolean`;
    case 'int':
    case 'short':
    case 'long': {
      const n = asNumber(value);
      if (n === undefined || !Number.isInteger(n)) return `${shown} is not an integer (${spec.type})`;
      const upper = spec.type === 'short' ? SHORT_MAX : spec.type === 'int' ? INT_MAX : Number.MAX_SAFE_INTEGER;
      const min = spec.min ?? -upper - 1;
      const max = Math.min(spec.max ?? upper, upper);
      if (spec.also?.includes(n)) return undefined;
      return n < min || n > max ? `${shown} is outside the allowed range ${min}..${max}${spec.also ? ` (or ${spec.also.join(', ')})` : ''}` : undefined;
    }
    case 'double': {
      const n = asNumber(value);
      if (n === undefined) return `${shown} is not a number`;
      const out = (spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max);
      return out ? `${shown} is outside the allowed range ${spec.min ?? '-inf'}..${spec.max ?? 'inf'}` : undefined;
    }
    case 'list': {
      const items: any[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',').map((x) => x.trim()) : [value];
      if (items.length === 0 || items.some((i) => String(i) === '')) return `${shown} is an empty list or has an empty item`;
      const bad = spec.values ? items.filter((i) => !spec.values!.includes(String(i))) : [];
      return bad.length > 0 ? `${shown} contains ${bad.map(describe).join(', ')}, not one of ${spec.values!.join(', ')}` : undefined;
    }
    case 'string':
    case 'class':
      if (typeof value !== 'string') return `${shown} is not a string`;
      if (spec.values && !spec.values.includes(value)) return `${shown} is not one of ${spec.values.join(', ')}`;
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Checks a broker configuration against Strimzi's and Kafka 4's rules.
 * @param brokerCount broker nodes of the cluster (replication factors may not exceed it)
 */
export function checkBrokerConfig(c: ViolationCollector, config: { [key: string]: any }, brokerCount: number,
  target: StrimziTarget = StrimziTarget.LATEST): void {
  for (const [key, value] of Object.entries(config)) {
    const subject = `broker config "${key}"`;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      c.add(subject, `value ${JSON.stringify(value)} is an object, but Kafka settings are strings, numbers or booleans`, 'write the value as Kafka expects it, e.g. a string');
      continue;
    }
    const removed = REMOVED_IN_KAFKA_4[key] ?? (key.toLowerCase().startsWith('zookeeper.') ? 'Kafka 4 has no ZooKeeper; the cluster runs in KRaft mode' : undefined);
    if (removed) {
      c.add(subject, `the setting no longer exists in Kafka 4: ${removed}`, 'remove it');
      continue;
    }
    if (isForbiddenBrokerKey(key, target)) {
      const hint = OWNER_HINTS.find(([p]) => key.toLowerCase().startsWith(p.toLowerCase()))?.[1] ?? 'Strimzi sets it itself';
      c.add(subject, 'Strimzi owns this setting and would silently drop it from spec.kafka.config', `remove it; ${hint}`);
      continue;
    }
    const spec = BROKER_CONFIG_KEYS[key];
    if (spec) {
      if (value === undefined || value === null) {
        c.add(subject, 'has no value', 'set a value or remove the key');
        continue;
      }
      const problem = typeProblem(spec, value);
      if (problem) {
        c.add(subject, `value ${problem}`, allowedValues(spec));
      }
    }
  }

  const num = (k: string): number | undefined => {
    const n = asNumber(config[k]);
    return n !== undefined && Number.isInteger(n) ? n : undefined;
  };
  if (brokerCount > 0) {
    for (const k of ['default.replication.factor', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor', 'transaction.state.log.min.isr']) {
      const n = num(k);
      c.check(n !== undefined && n > brokerCount, `broker config "${k}"`,
        `${k.endsWith('min.isr') ? 'minimum in-sync replicas' : 'replication factor'} ${n} exceeds the ${brokerCount} broker node(s) of the cluster (Strimzi rejects the Kafka resource)`,
        `use at most ${brokerCount}, or add brokers`);
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
      `${isr} is above ${rfText}; ${why}`, `use at most ${rf}, or raise ${rfKey}`);
  }
}
