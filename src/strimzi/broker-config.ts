/*
 * Broker configuration rules (`spec.kafka.config`), checked at synth time against
 * Kafka's own broker ConfigDef (the generated table in ./generated/broker-config-defs.ts):
 * removed and no-op keys, types, ranges and enums per Kafka version, the keys Strimzi
 * owns, dynamic-only keys, and the cross-key rules of broker-config-relations.ts.
 *
 * Library-internal: not exported from the package. Keys Kafka does not define pass
 * (Kafka keeps them for plugins); a near-miss of a defined key is a warning.
 */
import { checkBrokerRelations } from './broker-config-relations';
import { BROKER_CONFIG_DEFS, BROKER_DYNAMIC_ONLY_DEFS } from './generated/broker-config-defs';
import { TOPIC_CONFIG_DEFS } from './generated/topic-config-defs';
import { kafkaRelease, parseConfigValue, validatorProblem, ValidatorFailure, withinTwoEdits } from './kafka-config-values';
import { capabilitiesOf } from './private/capabilities';
import { StrimziTarget } from './target';
import { ViolationCollector } from '../common/validation';

/** A warning of the broker config rules, for the cluster to record. */
export interface BrokerConfigWarning {
  readonly ruleId: string;
  readonly message: string;
}

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

/** Why some removed keys are gone, in the library's words (the data names the replacement of every one). */
const REMOVAL_REASONS: { [key: string]: string } = {
  'inter.broker.protocol.version': 'Kafka 4 runs in KRaft mode only, where the cluster-wide metadata.version replaces it (set KafkaCluster metadataVersion instead)',
  'log.message.format.version': 'Kafka 4 writes only the v2 record format, so the format version cannot be chosen any more',
};

const RULE_OF: { [kind in ValidatorFailure]: string } = {
  range: 'KAF-CLU-105', values: 'KAF-CLU-106', duplicate: 'KAF-CLU-106', throttled: 'KAF-CLU-106', empty: 'KAF-CLU-107',
};

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

/** Why a key no longer exists on a Kafka version, or undefined. */
function removal(key: string, kafkaVersion: string): string | undefined {
  const def = BROKER_CONFIG_DEFS[key];
  if (def?.removedIn && kafkaRelease(kafkaVersion) >= kafkaRelease(def.removedIn)) {
    const instead = def.replacement && !def.replacement.startsWith('none') ? `; use ${def.replacement}` : def.replacement ? ` (${def.replacement.replace(/^none \(?|\)$/g, '')})` : '';
    return REMOVAL_REASONS[key] ?? `Kafka ${def.removedIn} removed it${instead}`;
  }
  if (key.toLowerCase().startsWith('zookeeper.') && kafkaRelease(kafkaVersion) >= kafkaRelease('4.0')) {
    return 'Kafka 4 has no ZooKeeper; the cluster runs in KRaft mode';
  }
  return undefined;
}

/**
 * Checks a broker configuration against Strimzi's rules and Kafka's ConfigDef for the
 * Kafka version, and returns the warnings for the caller to record.
 * @param brokerCount broker nodes of the cluster (replication factors may not exceed it; 0 = unknown)
 */
export function checkBrokerConfig(c: ViolationCollector, config: { [key: string]: any }, brokerCount: number,
  target: StrimziTarget = StrimziTarget.LATEST, kafkaVersion: string = target.defaultKafkaVersion): BrokerConfigWarning[] {
  const warnings: BrokerConfigWarning[] = [];
  const parsed: { [key: string]: any } = {};
  for (const [key, value] of Object.entries(config)) {
    const subject = `broker config "${key}"`;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      c.add(subject, `value ${JSON.stringify(value)} is an object, but Kafka settings are strings, numbers or booleans`, 'write the value as Kafka expects it, e.g. a string', 'KAF-CLU-100');
      continue;
    }
    const removed = removal(key, kafkaVersion);
    if (removed) {
      c.add(subject, `the setting no longer exists in Kafka ${kafkaVersion}: ${removed}`, 'remove it', 'KAF-CLU-101');
      continue;
    }
    if (isForbiddenBrokerKey(key, target)) {
      const hint = OWNER_HINTS.find(([p]) => key.toLowerCase().startsWith(p.toLowerCase()))?.[1] ?? 'Strimzi sets it itself';
      c.add(subject, 'Strimzi owns this setting and would silently drop it from spec.kafka.config', `remove it; ${hint}`, 'KAF-CLU-102');
      continue;
    }
    const dynamicOnly = BROKER_DYNAMIC_ONLY_DEFS[key];
    if (dynamicOnly) {
      warnings.push({
        ruleId: 'KAF-CLU-111',
        message: `${subject}: exists only as a dynamic broker config, and Kafka does not read it from the configuration file Strimzi writes, so it has no effect here; set it at run time (kafka-configs --entity-type brokers --alter), or for rebalances use the KafkaRebalance replication throttle`,
      });
      continue;
    }
    const def = BROKER_CONFIG_DEFS[key];
    if (!def) {
      const near = nearMiss(key);
      if (near) warnings.push({ ruleId: 'KAF-CLU-112', message: `${subject}: Kafka defines no broker setting of that name and ignores it; ${near}` });
      continue;
    }
    if (value === undefined || value === null) {
      c.add(subject, 'has no value', 'set a value or remove the key', 'KAF-CLU-103');
      continue;
    }
    const p = parseConfigValue(def, value);
    if (p.error) {
      c.add(subject, `value ${JSON.stringify(value)} ${p.error}`, `use ${def.type === 'list' ? 'a comma-separated list' : def.type === 'int' ? 'an int' : `a ${def.type}`} value${def.validatorText ? ` in ${def.validatorText}` : ''}`, 'KAF-CLU-104');
      continue;
    }
    parsed[key] = p.value;
    const problem = validatorProblem(def, value, p.value, kafkaVersion);
    if (problem) {
      c.add(subject, `value ${problem.problem}`, problem.fix, RULE_OF[problem.kind]);
    }
    if (def.noOpIn && kafkaRelease(kafkaVersion) >= kafkaRelease(def.noOpIn)) {
      warnings.push({ ruleId: 'KAF-CLU-110', message: `${subject}: has no effect since Kafka ${def.noOpIn}; remove it` });
    } else if (def.deprecated) {
      warnings.push({ ruleId: 'KAF-CLU-113', message: `${subject}: Kafka deprecates this setting and will remove it; see Kafka's documentation of the key for what replaces it` });
    }
  }
  checkBrokerRelations(c, parsed, brokerCount, (w) => warnings.push(w));
  return warnings;
}

/** A hint for a key Kafka does not define: the broker key one or two edits away, or the broker form of a topic key. */
function nearMiss(key: string): string | undefined {
  const topic = TOPIC_CONFIG_DEFS[key];
  if (topic) {
    const broker = topic.brokerSynonyms?.[0];
    return broker
      ? `"${key}" is a topic setting; its cluster-wide default is the broker setting "${broker}"`
      : `"${key}" is a topic setting without a broker default; set it on each Topic`;
  }
  if (key.length < 6 || key.includes('.name.') || /^(cruise\.control|strimzi|client\.quota\.callback)\./.test(key)) {
    return undefined;
  }
  for (const name of Object.keys(BROKER_CONFIG_DEFS)) {
    if (!BROKER_CONFIG_DEFS[name].removedIn && withinTwoEdits(name, key)) {
      return `did you mean "${name}"?`;
    }
  }
  return undefined;
}
