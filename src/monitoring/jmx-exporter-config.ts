/**
 * The library's own Prometheus JMX exporter configuration.
 *
 * The exporter (agent 1.x) matches each MBean attribute as the string
 * `domain<key1=value1, key2=value2><>attribute: value` against the rules in
 * order; the first match names the series, unmatched attributes are dropped.
 * Names are lower-cased; characters outside `[a-zA-Z0-9:_]` become `_`; a
 * COUNTER is exposed with a `_total` suffix.
 *
 * Naming scheme (stable, and the same Strimzi's dashboards use):
 * `kafka_<domain suffix>_<type>_<name>`; Yammer meters (`...PerSec`) drop
 * `PerSec` and become counters `..._total`; `...Percent` meters/gauges become
 * `..._percent` gauges (meters: mean rate, 0-1); histogram/timer percentiles
 * become a gauge with label `quantile`, their count `..._count_total`; up to
 * two further MBean keys become labels.
 */

/** One exporter rule. @internal */
export interface _JmxExporterRule {
  readonly pattern: string;
  readonly name: string;
  readonly type: 'GAUGE' | 'COUNTER' | 'UNTYPED';
  readonly labels?: { [key: string]: string };
  readonly value?: number;
  readonly valueFactor?: number;
  readonly help?: string;
}

/** An exporter configuration. @internal */
export interface _JmxExporterConfig {
  readonly lowercaseOutputName: boolean;
  readonly lowercaseOutputLabelNames: boolean;
  readonly rules: _JmxExporterRule[];
}

/** `(k)=(v)` pairs as a pattern fragment, capture groups from `first`. */
function keys(n: number): string {
  return Array.from({ length: n }, () => ', (.+)=(.+)').join('');
}

function keyLabels(n: number, first: number): { [key: string]: string } | undefined {
  if (n === 0) {
    return undefined;
  }
  const out: { [key: string]: string } = {};
  for (let i = 0; i < n; i++) {
    out[`$${first + 2 * i}`] = `$${first + 2 * i + 1}`;
  }
  return out;
}

/** Rules for a Yammer-metrics domain prefix (e.g. `kafka`), with 2, 1 and 0 extra keys. */
function yammerRules(domain: string, prefix: string): _JmxExporterRule[] {
  const rules: _JmxExporterRule[] = [];
  const d = domain.replace(/\./g, '\\.');
  // Meters: `...PerSec` → counter `..._total` from Count.
  for (const n of [2, 1, 0]) {
    rules.push({
      pattern: `${d}\\.(\\w+)<type=(.+), name=(.+)PerSec\\w*${keys(n)}><>Count`,
      name: `${prefix}_$1_$2_$3_total`,
      type: 'COUNTER',
      labels: keyLabels(n, 4),
    });
  }
  // Ratios: `...Percent` meters (mean rate) and gauges (value).
  for (const n of [2, 1, 0]) {
    rules.push({
      pattern: `${d}\\.(\\w+)<type=(.+), name=(.+)Percent\\w*${keys(n)}><>(?:MeanRate|Value)`,
      name: `${prefix}_$1_$2_$3_percent`,
      type: 'GAUGE',
      labels: keyLabels(n, 4),
    });
  }
  // Histograms and timers: percentiles as a quantile label, count as a counter.
  for (const n of [2, 1, 0]) {
    rules.push({
      pattern: `${d}\\.(\\w+)<type=(.+), name=(.+)${keys(n)}><>(\\d+)thPercentile`,
      name: `${prefix}_$1_$2_$3`,
      type: 'GAUGE',
      labels: { ...keyLabels(n, 4), quantile: `0.$${4 + 2 * n}` },
    });
  }
  for (const n of [2, 1, 0]) {
    rules.push({
      pattern: `${d}\\.(\\w+)<type=(.+), name=(.+)${keys(n)}><>Count`,
      name: `${prefix}_$1_$2_$3_count`,
      type: 'COUNTER',
      labels: keyLabels(n, 4),
    });
  }
  // Gauges.
  for (const n of [2, 1, 0]) {
    rules.push({
      pattern: `${d}\\.(\\w+)<type=(.+), name=(.+)${keys(n)}><>Value`,
      name: `${prefix}_$1_$2_$3`,
      type: 'GAUGE',
      labels: keyLabels(n, 4),
    });
  }
  return rules;
}

/** Rules for a Kafka-metrics group (`kafka.server<type=<group>>`), exposed as `kafka_server_<compact group>_<attribute>`. */
function kafkaMetricsGroup(group: string, extraKeys: string[] = []): _JmxExporterRule[] {
  const compact = group.replace(/-/g, '');
  const keyPattern = extraKeys.map((k) => `, ${k}=(.+)`).join('');
  const labels: { [key: string]: string } = {};
  extraKeys.forEach((k, i) => {
    labels[k] = `$${i + 1}`;
  });
  const attr = extraKeys.length + 1;
  const withLabels = (extra: { [key: string]: string } = {}) => {
    const all = { ...labels, ...extra };
    return Object.keys(all).length > 0 ? all : undefined;
  };
  return [
    {
      pattern: `kafka\\.server<type=${group}${keyPattern}><>(.+-total|.+-max):`,
      name: `kafka_server_${compact}_$${attr}`,
      type: 'COUNTER',
      labels: withLabels(),
    },
    {
      pattern: `kafka\\.server<type=${group}${keyPattern}><>(.+):`,
      name: `kafka_server_${compact}_$${attr}`,
      type: 'GAUGE',
      labels: withLabels(),
    },
  ];
}

/**
 * The exporter configuration for Kafka brokers and KRaft controllers:
 * broker, controller, network, request, log, replica, KRaft and (built into
 * the agent) JVM metrics.
 * @internal
 */
export function _kafkaJmxExporterConfig(): _JmxExporterConfig {
  return {
    lowercaseOutputName: true,
    lowercaseOutputLabelNames: true,
    rules: pruned([
      // KRaft state: a string attribute, exported as 1 with the state as a label.
      {
        pattern: 'kafka\\.server<type=raft-metrics><>current-state: (.+)',
        name: 'kafka_server_raftmetrics_current_state',
        type: 'GAUGE',
        value: 1,
        labels: { current_state: '$1' },
      },
      ...kafkaMetricsGroup('raft-metrics'),
      ...kafkaMetricsGroup('raft-channel-metrics'),
      ...kafkaMetricsGroup('broker-metadata-metrics'),
      // Socket server: per listener and network processor (connection counts, rates).
      {
        pattern: 'kafka\\.server<type=socket-server-metrics, listener=(.+), networkProcessor=(.+)><>(.+-total):',
        name: 'kafka_server_socket_server_metrics_$3',
        type: 'COUNTER',
        labels: { listener: '$1', networkProcessor: '$2' },
      },
      {
        pattern: 'kafka\\.server<type=socket-server-metrics, listener=(.+), networkProcessor=(.+)><>(connection-count|connection-creation-rate|connection-close-rate|io-ratio|network-io-rate):',
        name: 'kafka_server_socket_server_metrics_$3',
        type: 'GAUGE',
        labels: { listener: '$1', networkProcessor: '$2' },
      },
      // Per-partition state and log size: topic and partition labels.
      {
        pattern: 'kafka\\.cluster<type=Partition, name=(\\w+), topic=(.+), partition=(.*)><>Value',
        name: 'kafka_cluster_partition_$1',
        type: 'GAUGE',
        labels: { topic: '$2', partition: '$3' },
      },
      {
        pattern: 'kafka\\.log<type=Log, name=(\\w+), topic=(.+), partition=(.*)><>Value',
        name: 'kafka_log_log_$1',
        type: 'GAUGE',
        labels: { topic: '$2', partition: '$3' },
      },
      // Broker, controller, network, log, replica and coordinator metrics.
      ...yammerRules('kafka', 'kafka'),
    ]),
  };
}

/** Drops unset fields: the exporter rejects `labels: null`. */
function pruned(rules: _JmxExporterRule[]): _JmxExporterRule[] {
  return rules.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as _JmxExporterRule);
}

/**
 * The exporter configuration for Cruise Control.
 * @internal
 */
export function _cruiseControlJmxExporterConfig(): _JmxExporterConfig {
  return {
    lowercaseOutputName: true,
    lowercaseOutputLabelNames: true,
    rules: [
      {
        pattern: 'kafka\\.cruisecontrol<name=(.+)><>(\\w+)',
        name: 'kafka_cruisecontrol_$1_$2',
        type: 'GAUGE',
      },
    ],
  };
}
