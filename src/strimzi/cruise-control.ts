import { Size, SizeRoundingBehavior } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { capabilitiesOf } from './private/capabilities';
import type { StrimziTarget } from './target';
import { PodTemplateOptions } from './templates';
import { ViolationCollector } from '../common/validation';
import { KafkaRebalanceTemplate } from '../rebalance/rebalance';

/** When Cruise Control rebalances automatically. */
export enum AutoRebalanceMode {
  /** After brokers are added (scale up). */
  ADD_BROKERS = 'add-brokers',
  /** Before brokers are removed (scale down). */
  REMOVE_BROKERS = 'remove-brokers',
}

/**
 * Capacity of one or more brokers, for Cruise Control's balancing model.
 */
export interface BrokerCapacityOptions {
  /** CPU capacity. @default - the broker's CPU request or limit */
  readonly cpu?: kplus.Cpu;
  /** Inbound network capacity per second. @default - Cruise Control's default */
  readonly inboundNetworkPerSecond?: Size;
  /** Outbound network capacity per second. @default - Cruise Control's default */
  readonly outboundNetworkPerSecond?: Size;
}

/**
 * Capacity of particular brokers.
 */
export interface BrokerCapacityOverride extends BrokerCapacityOptions {
  /** Node IDs of the brokers. */
  readonly brokers: number[];
}

/**
 * An automatic rebalance on scaling.
 */
export interface AutoRebalanceOptions {
  /** When it runs. */
  readonly mode: AutoRebalanceMode;
  /**
   * Name of a KafkaRebalance annotated `strimzi.io/rebalance-template: "true"` holding its settings.
   * @default - Cruise Control's default goals
   */
  readonly templateName?: string;
  /**
   * A `KafkaRebalanceTemplate` holding its settings (in the cluster's namespace),
   * rendered as its name. Use this or `templateName`.
   * @default - Cruise Control's default goals
   */
  readonly template?: KafkaRebalanceTemplate;
}

/**
 * Cruise Control (`spec.cruiseControl`): balances partitions across brokers and
 * lets topics change their replication factor.
 */
export interface CruiseControlOptions {
  /** Goals Cruise Control may use (`goals`). @default - Cruise Control's defaults */
  readonly goals?: string[];
  /** Goals used when a rebalance names none (`default.goals`). @default - Cruise Control's defaults */
  readonly defaultGoals?: string[];
  /** Goals every proposal must satisfy (`hard.goals`). @default - Cruise Control's defaults */
  readonly hardGoals?: string[];
  /** Broker capacity. @default - derived from the broker resources */
  readonly brokerCapacity?: BrokerCapacityOptions;
  /** Per-broker capacity overrides. @default - none */
  readonly brokerCapacityOverrides?: BrokerCapacityOverride[];
  /** Automatic rebalances when brokers are added or removed. @default - none */
  readonly autoRebalance?: AutoRebalanceOptions[];
  /** Further Cruise Control settings (keys Strimzi owns are rejected). @default - none */
  readonly config?: { [key: string]: any };
  /** Container resources. @default - none */
  readonly resources?: kplus.ContainerResources;
  /** Pod template of the Cruise Control Deployment. @default - none */
  readonly podTemplate?: PodTemplateOptions;
}

/**
 * Cruise Control's own rules, and Strimzi's checks of its metrics reporter topic
 * against the cluster's brokers and broker config.
 * @internal
 */
export function _checkCruiseControl(c: ViolationCollector, clusterName: string, cc: CruiseControlOptions, brokerCount: number,
  brokerConfig: { [key: string]: any }, target: StrimziTarget): void {
  const subject = `Kafka cluster "${clusterName}" cruiseControl`;
  const { cruiseControlForbiddenConfigPrefixes: forbidden, cruiseControlAllowedConfig: allowed } = capabilitiesOf(target);
  for (const key of Object.keys(cc.config ?? {})) {
    const lower = key.toLowerCase();
    const bad = !allowed.includes(key) && forbidden.some((f) => lower.startsWith(f.toLowerCase()));
    c.check(bad, subject, `config key "${key}" is owned by Strimzi and would be silently dropped${lower.startsWith('self.healing.') ? ' (self-healing is not supported with Strimzi)' : ''}`, 'remove it', 'KAF-CLU-056');
  }
  const capacities = [cc.brokerCapacity, ...(cc.brokerCapacityOverrides ?? [])];
  for (const cap of capacities) {
    for (const s of [cap?.inboundNetworkPerSecond, cap?.outboundNetworkPerSecond]) {
      if (s) {
        const kib = s.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
        c.check(!Number.isInteger(kib) || kib <= 0, subject, `network capacity ${s.asString()}/s is not a positive whole number of KiB per second`, 'use Size.kibibytes(), Size.mebibytes() or Size.gibibytes()', 'KAF-CLU-057');
      }
    }
  }
  for (const o of cc.brokerCapacityOverrides ?? []) {
    c.check(o.brokers.length === 0, subject, 'a broker capacity override names no brokers', 'list the node IDs it applies to', 'KAF-CLU-058');
  }
  const modes = (cc.autoRebalance ?? []).map((a) => a.mode);
  for (const mode of new Set(modes.filter((m, i) => modes.indexOf(m) !== i))) {
    c.add(subject, `autoRebalance lists mode ${mode} more than once (one rebalance per mode)`, 'list each mode once', 'KAF-CLU-059');
  }
  for (const [list, name] of [[cc.defaultGoals, 'defaultGoals'], [cc.hardGoals, 'hardGoals']] as Array<[string[] | undefined, string]>) {
    const missing = cc.goals && list ? list.filter((g) => !cc.goals!.includes(g)) : [];
    c.check(missing.length > 0, subject, `${name} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in goals (Cruise Control only uses goals listed in goals)`, `add ${missing.join(', ')} to goals, or remove ${missing.length === 1 ? 'it' : 'them'} from ${name}`, 'KAF-CLU-060');
  }

  // Strimzi's checks of the metrics reporter topic (CruiseControlMetricsReporter).
  const brokers = brokerCount;
  const bc = brokerConfig;
  c.check(brokers > 0 && brokers < 2, subject, `needs at least 2 brokers, but the cluster has ${brokers} (Strimzi refuses Cruise Control on a single-broker cluster)`,
    'add a broker, or remove cruiseControl', 'KAF-CLU-061');
  // Without its own setting the topic takes default.replication.factor, which checkBrokerConfig already bounds.
  const ownRf = bc['cruise.control.metrics.topic.replication.factor'];
  const rf = Number(ownRf ?? bc['default.replication.factor'] ?? 1);
  c.check(ownRf !== undefined && brokers >= 2 && Number.isInteger(rf) && rf > brokers, subject,
    `broker config cruise.control.metrics.topic.replication.factor ${rf} exceeds the ${brokers} brokers (Strimzi rejects the Kafka resource)`,
    `use at most ${brokers}`, 'KAF-CLU-062');
  const isr = Number(bc['cruise.control.metrics.topic.min.insync.replicas'] ?? 1);
  c.check(Number.isInteger(rf) && Number.isInteger(isr) && isr > rf, subject,
    `its metrics topic would get min.insync.replicas ${isr}, above its replication factor ${rf} (Strimzi rejects the Kafka resource)`,
    `set broker config cruise.control.metrics.topic.min.insync.replicas to at most ${rf}`, 'KAF-CLU-063');
}
