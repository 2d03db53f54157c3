/*
 * Topic configuration checked against Kafka's own ConfigDef (the generated table
 * in ./generated/topic-config-defs.ts): names, types, ranges, enums, the 4.x
 * removals and bounds, and the cross-key rules Kafka applies when a topic is
 * created. Library-internal.
 */
import { TOPIC_CONFIG_DEFS } from './generated/topic-config-defs';
import { KafkaConfigDef } from './kafka-config-def';
import { ViolationCollector } from '../common/validation';

/** Kafka's internal topics and reserved logs: the brokers create and configure them. */
export const INTERNAL_TOPICS: readonly string[] = [
  '__consumer_offsets', '__transaction_state', '__share_group_state', '__cluster_metadata', '__remote_log_metadata',
];

const INT_RANGE: { [type: string]: [bigint, bigint] } = {
  short: [-(2n ** 15n), 2n ** 15n - 1n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
};

/** `major.minor` of a Kafka version as a comparable number (4.3.1 -> 4003). */
function release(version: string): number {
  const m = /^(\d+)\.(\d+)/.exec(version);
  return m ? Number(m[1]) * 1000 + Number(m[2]) : Number.MAX_SAFE_INTEGER;
}

/** The value as Kafka parses it, or an error text. */
export function parseConfigValue(def: KafkaConfigDef, raw: any): { value?: any; error?: string } {
  const text = typeof raw === 'string' ? raw.trim() : raw;
  switch (def.type) {
    case 'boolean': {
      if (typeof text === 'boolean') return { value: text };
      if (typeof text === 'string' && /^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true' };
      return { error: 'is not a boolean (true or false)' };
    }
    case 'short':
    case 'int':
    case 'long': {
      const s = typeof text === 'number' ? (Number.isInteger(text) ? BigInt(text).toString() : String(text)) : typeof text === 'string' ? text : undefined;
      if (s === undefined || !/^[+-]?\d+$/.test(s)) return { error: `is not a whole number (Kafka type ${def.type})` };
      const n = BigInt(s);
      const [lo, hi] = INT_RANGE[def.type];
      if (n < lo || n > hi) return { error: `is outside the ${def.type} range ${lo} to ${hi}` };
      return { value: Number(n) };
    }
    case 'double': {
      const n = typeof text === 'number' ? text : typeof text === 'string' && text !== '' ? Number(text) : NaN;
      if (!Number.isFinite(n)) return { error: 'is not a finite number' };
      return { value: n };
    }
    case 'list': {
      if (Array.isArray(raw)) return { value: raw.map((x) => String(x).trim()) };
      const s = String(text);
      return { value: s === '' ? [] : s.split(/\s*,\s*/) };
    }
    default:
      return { value: typeof text === 'string' ? text : String(text) };
  }
}

/** Checks one parsed value against the key's validator and the bounds of the Kafka version. */
function checkValidator(c: ViolationCollector, subject: string, key: string, def: KafkaConfigDef, raw: any, value: any, kafkaVersion: string): void {
  const v = def.validator;
  const shown = JSON.stringify(raw);
  const unit = def.unit && def.unit !== 'replicas' ? ` ${def.unit}` : '';
  if (v?.kind === 'range' || (def.bounds ?? []).length > 0) {
    let min = v?.min;
    let since: string | undefined;
    for (const b of def.bounds ?? []) {
      if (b.min !== undefined && release(kafkaVersion) >= release(b.since)) {
        min = b.min;
        since = b.since;
      }
    }
    const max = v?.max;
    const allowed = v?.alsoAllowed ?? [];
    const n = Number(value);
    const out = (min !== undefined && n < min) || (max !== undefined && n > max);
    if (out && !allowed.includes(n)) {
      const range = min !== undefined && max !== undefined ? `${min} to ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
      const extra = allowed.length > 0 ? ` (or ${allowed.join(', ')})` : '';
      c.add(subject, `config "${key}" ${shown}${unit} is out of range: Kafka ${since ? `${since}+ ` : ''}accepts ${range}${unit}${extra}`,
        `use a value ${range}${extra}`, 'KAF-TOP-004');
    }
  }
  if (v?.kind === 'in' || v?.kind === 'list') {
    const values = v.values ?? [];
    const items: string[] = v.kind === 'list' ? value : [value];
    const norm = (x: string) => (v.caseInsensitive ? x.toLowerCase() : x);
    const bad = items.filter((x) => !values.map(norm).includes(norm(x)));
    if (bad.length > 0) {
      c.add(subject, `config "${key}" ${shown}: ${bad.map((x) => JSON.stringify(x)).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not among Kafka's values ${values.join(', ')}`,
        `use ${v.kind === 'list' ? 'a comma-separated list of ' : 'one of '}${values.join(', ')}`, 'KAF-TOP-005');
    } else if (v.kind === 'list' && new Set(items).size !== items.length) {
      c.add(subject, `config "${key}" ${shown} lists a value twice`, 'list each value once', 'KAF-TOP-005');
    }
  }
  if (v?.kind === 'throttledReplicas') {
    const items: string[] = value;
    const ok = (items.length === 1 && items[0] === v.wildcard) || items.every((x) => /^([0-9]+:[0-9]+)?$/.test(x));
    c.check(!ok, subject, `config "${key}" ${shown} is neither "*" nor a list of partitionId:brokerId entries`,
      'use e.g. "0:1,1:2", or "*" for all replicas', 'KAF-TOP-006');
  }
}

/**
 * Checks a topic's `spec.config` against Kafka's topic ConfigDef for the Kafka
 * version. Returns warnings (keys that have no effect) for the caller to record.
 * Type errors of `checkedElsewhere` keys (set from typed properties with rules of their own) are left to those rules.
 */
export function checkTopicConfig(c: ViolationCollector, subject: string, config: { [key: string]: any }, kafkaVersion: string,
  checkedElsewhere: string[] = []): string[] {
  const warnings: string[] = [];
  const parsed: { [key: string]: any } = {};
  for (const [key, raw] of Object.entries(config)) {
    if (raw === null || raw === undefined || (typeof raw === 'object' && !Array.isArray(raw))) {
      continue; // reported by the topic's own value-type rule
    }
    const def = TOPIC_CONFIG_DEFS[key];
    if (!def) {
      const hint = closestKeys(key);
      c.add(subject, `config "${key}" is not a topic configuration key of Kafka ${kafkaVersion} (Kafka refuses the topic: "Unknown topic config name")`,
        hint.length > 0 ? `did you mean ${hint.map((h) => `"${h}"`).join(' or ')}? Broker-only keys belong in the cluster's config` : 'remove it; broker-only keys belong in the cluster\'s config', 'KAF-TOP-013');
      continue;
    }
    if (def.removedIn && release(kafkaVersion) >= release(def.removedIn)) {
      c.add(subject, `config "${key}" was removed in Kafka ${def.removedIn}, so Kafka ${kafkaVersion} refuses the topic`,
        'remove it', 'KAF-TOP-002');
      continue;
    }
    const p = parseConfigValue(def, raw);
    if (p.error && checkedElsewhere.includes(key)) {
      continue; // the typed property's own rule reports it
    }
    if (p.error) {
      c.add(subject, `config "${key}" ${JSON.stringify(raw)} ${p.error}`, `use a ${def.type === 'list' ? 'comma-separated list' : def.type} value${def.validatorText ? ` in ${def.validatorText}` : ''}`, 'KAF-TOP-003');
      continue;
    }
    parsed[key] = p.value;
    checkValidator(c, subject, key, def, raw, p.value, kafkaVersion);
    if (def.noOpIn && release(kafkaVersion) >= release(def.noOpIn)) {
      warnings.push(`KAF-TOP-010 ${subject}: config "${key}" has no effect since Kafka ${def.noOpIn}; remove it`);
    }
  }
  checkRelations(c, subject, parsed);
  return warnings;
}

/** The cross-key rules Kafka checks when a topic is created (LogConfig.validate), on the topic's own values. */
function checkRelations(c: ViolationCollector, subject: string, p: { [key: string]: any }): void {
  const minLag = p['min.compaction.lag.ms'];
  const maxLag = p['max.compaction.lag.ms'];
  c.check(minLag !== undefined && maxLag !== undefined && minLag > maxLag, subject,
    `config "min.compaction.lag.ms" ${minLag} exceeds "max.compaction.lag.ms" ${maxLag} (Kafka refuses the topic)`,
    'make min.compaction.lag.ms at most max.compaction.lag.ms', 'KAF-TOP-007');
  const remote = p['remote.storage.enable'] === true;
  const policy: string[] = p['cleanup.policy'] ?? [];
  c.check(remote && policy.includes('compact'), subject,
    `config "remote.storage.enable" is true on a topic with cleanup.policy ${policy.join(',')} (Kafka does not support tiered storage for compacted topics)`,
    'use cleanup.policy delete, or leave remote.storage.enable unset', 'KAF-TOP-008');
  if (remote) {
    for (const [local, total, unlimited] of [['local.retention.bytes', 'retention.bytes', -1], ['local.retention.ms', 'retention.ms', -1]] as Array<[string, string, number]>) {
      const l = p[local];
      const t = p[total];
      if (l === undefined || t === undefined || t === unlimited || l === -2) continue;
      c.check(l === -1 || l > t, subject,
        `config "${local}" ${l} must be at most "${total}" ${t} (local retention cannot exceed the total retention; Kafka refuses the topic)`,
        `set ${local} to at most ${t}, or -2 to use ${total}`, 'KAF-TOP-009');
    }
  }
}

/** Topic keys one edit away, or keys the name is part of (suggestions for a misspelt key). */
function closestKeys(key: string): string[] {
  const names = Object.keys(TOPIC_CONFIG_DEFS);
  const near = names.filter((n) => editDistance(n, key) <= 2);
  if (near.length > 0) return near.slice(0, 3);
  const stripped = key.replace(/^log\./, '');
  return names.filter((n) => n === stripped).slice(0, 1);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length][b.length];
}

/**
 * The effective `min.insync.replicas` and replication factor of a topic (its own
 * values, else the broker's `min.insync.replicas` / `default.replication.factor`,
 * else Kafka's defaults of 1), and what Kafka does with them.
 *
 * Since Kafka 3.7 (KAFKA-15583) the partition leader caps the min ISR at the number
 * of replicas, so a min ISR above the replication factor is accepted and silently
 * becomes min ISR = RF. The library's policy: when the topic sets both values
 * itself, or sets a min ISR above the cluster's broker count, the contradiction is an
 * error (the durability it asks for can never be had, and the fix is on the same
 * construct); when a value is inherited from the
 * broker config it is a warning (a cluster-wide min ISR with a deliberately
 * smaller topic is a legitimate choice). Returns the warning, if any.
 */
export function checkEffectiveMinIsr(c: ViolationCollector, subject: string, topic: { minIsr?: number; replicas?: number },
  brokerConfig: { [key: string]: any }, kafkaVersion: string, brokerCount: number): string | undefined {
  const num = (v: any) => (v === undefined || v === null || v === '' ? undefined : Number(v));
  const ownIsr = topic.minIsr;
  const ownRf = topic.replicas;
  const isr = ownIsr ?? num(brokerConfig['min.insync.replicas']) ?? 1;
  const rf = ownRf ?? num(brokerConfig['default.replication.factor']) ?? 1;
  if (!Number.isInteger(isr) || !Number.isInteger(rf) || isr <= rf || rf < 1) {
    return undefined;
  }
  const capped = release(kafkaVersion) >= release('3.7');
  const effect = capped
    ? `Kafka ${kafkaVersion} caps the effective min ISR at the ${rf} replica(s), so acks=all writes need all ${rf} replica(s) in sync: ${rf === 1 ? 'no safer than acks=1' : 'one replica down stops acks=all producers'}`
    : `every acks=all write fails with NotEnoughReplicas on Kafka ${kafkaVersion}`;
  const isrFrom = ownIsr !== undefined ? 'min.insync.replicas' : 'the broker\'s min.insync.replicas';
  const rfFrom = ownRf !== undefined ? 'replicas' : brokerConfig['default.replication.factor'] !== undefined ? 'the broker\'s default.replication.factor' : 'Kafka\'s default replication factor';
  const problem = `${isrFrom} ${isr} exceeds ${rfFrom} ${rf}; ${effect}`;
  const lower = `lower min.insync.replicas on the topic to ${rf > 1 ? rf - 1 : 1}`;
  const raise = brokerCount === 0 || isr < brokerCount ? `set replicas to ${isr + 1} (one replica may then be down) or ` : '';
  const fix = `${raise}${lower}`;
  if (ownIsr !== undefined && (ownRf !== undefined || (brokerCount > 0 && ownIsr > brokerCount))) {
    c.add(subject, problem, fix, 'KAF-TOP-012');
    return undefined;
  }
  return `KAF-TOP-012 ${subject}: ${problem}; ${fix}`;
}

/** Whether a Kafka topic name is one of Kafka's internal topics (created and configured by the brokers). */
export function checkNotInternalTopic(c: ViolationCollector, subject: string, topicName: string): void {
  c.check(INTERNAL_TOPICS.includes(topicName), subject,
    `"${topicName}" is an internal topic of Kafka: the brokers create and configure it (a KafkaTopic would let the Topic Operator alter it, and deleting the KafkaTopic would delete it)`,
    topicName === '__consumer_offsets' ? 'remove the topic; tune it with the broker config offsets.topic.*'
      : topicName === '__transaction_state' ? 'remove the topic; tune it with the broker config transaction.state.log.*' : 'remove the topic',
    'KAF-TOP-011');
}
