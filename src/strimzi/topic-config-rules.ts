/*
 * Topic configuration checked against Kafka's own ConfigDef (the generated table
 * in ./generated/topic-config-defs.ts): names, types, ranges, enums, the 4.x
 * removals and bounds, and the cross-key rules Kafka applies when a topic is
 * created. Library-internal.
 */
import { TOPIC_CONFIG_DEFS } from './generated/topic-config-defs';
import { KafkaConfigDef } from './kafka-config-def';
import { kafkaRelease as release, parseConfigValue, validatorProblem, ValidatorFailure, withinTwoEdits } from './kafka-config-values';
import { ViolationCollector } from '../common/validation';

/** Kafka's internal topics and reserved logs: the brokers create and configure them. */
export const INTERNAL_TOPICS: readonly string[] = [
  '__consumer_offsets', '__transaction_state', '__share_group_state', '__cluster_metadata', '__remote_log_metadata',
];

const TOPIC_RULE_OF: { [kind in ValidatorFailure]: string } = {
  range: 'KAF-TOP-004', values: 'KAF-TOP-005', duplicate: 'KAF-TOP-005', throttled: 'KAF-TOP-006', empty: 'KAF-TOP-003',
};

/** Checks one parsed value against the key's validator and the bounds of the Kafka version. */
function checkValidator(c: ViolationCollector, subject: string, key: string, def: KafkaConfigDef, raw: any, value: any, kafkaVersion: string): void {
  const p = validatorProblem(def, raw, value, kafkaVersion);
  if (p) {
    c.add(subject, `config "${key}" ${p.problem}`, p.fix, TOPIC_RULE_OF[p.kind]);
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
  const near = names.filter((n) => withinTwoEdits(n, key));
  if (near.length > 0) return near.slice(0, 3);
  const stripped = key.replace(/^log\./, '');
  return names.filter((n) => n === stripped).slice(0, 1);
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
