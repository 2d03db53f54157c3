/**
 * The library's own Prometheus JMX exporter configuration.
 *
 * The exporter (agent 1.x) matches each MBean attribute as the string
 * `domain<key1=value1, key2=value2><>attribute: value` against the rules in
 * order; the first match names the series, unmatched attributes are dropped.
 * Metric names are lower-cased; characters outside `[a-zA-Z0-9:_]` become
 * `_`; a COUNTER is exposed with a `_total` suffix. Label names keep the case
 * of the MBean keys (`clientId`, `networkProcessor`, ...) unless the
 * lower-case option is set.
 *
 * The names and labels are those of Strimzi's example rules
 * (`packaging/examples/metrics/kafka-metrics.yaml`), so PromQL and dashboards
 * written for Strimzi work unchanged: `kafka_<domain suffix>_<type>_<name>`;
 * Yammer meters (`...PerSec`) drop `PerSec` and become counters `..._total`;
 * `...Percent` meters/gauges become `..._percent` gauges (meters: mean rate,
 * 0-1); histogram/timer percentiles become a gauge with label `quantile`,
 * their count `..._count_total`; up to two further MBean keys become labels;
 * replica fetcher metrics keep thread, topic and partition as labels;
 * socket-server metrics are labelled by listener and network processor.
 *
 * Two deliberate differences from Strimzi's example, both on series no
 * Strimzi dashboard or alert queries: KRaft `...-max` attributes are gauges
 * (a maximum over a window goes down again, so it is no counter and gets no
 * `_total`), and the fetcher-statistics meters, which carry three MBean keys,
 * get the labels `clientId`, `brokerHost` and `brokerPort` (Strimzi's generic
 * two-key rule folds the first two keys into one label name per thread).
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

/**
 * Rules for a Kafka-metrics group (`kafka.server<type=<group>>`), exposed as
 * `kafka_server_<compact group>_<attribute>`. With `counters`, attributes
 * ending in `-total` are counters; everything else (rates, averages, maxima,
 * current values) is a gauge.
 */
function kafkaMetricsGroup(group: string, counters: boolean): _JmxExporterRule[] {
  const compact = group.replace(/-/g, '');
  const rules: _JmxExporterRule[] = [];
  if (counters) {
    rules.push({ pattern: `kafka\\.server<type=${group}><>(.+-total):`, name: `kafka_server_${compact}_$1`, type: 'COUNTER' });
  }
  rules.push({ pattern: `kafka\\.server<type=${group}><>(.+):`, name: `kafka_server_${compact}_$1`, type: 'GAUGE' });
  return rules;
}

/** Options of the generated Kafka exporter configuration. @internal */
export interface _KafkaJmxExporterOptions {
  /** Lower-case every label name (`networkprocessor` instead of `networkProcessor`). */
  readonly lowercaseLabelNames?: boolean;
}

/**
 * The exporter configuration for Kafka brokers and KRaft controllers:
 * broker, controller, network, request, log, replica, socket-server, KRaft
 * and (built into the agent) JVM metrics.
 * @internal
 */
export function _kafkaJmxExporterConfig(options: _KafkaJmxExporterOptions = {}): _JmxExporterConfig {
  const byProcessor = { listener: '$2', networkProcessor: '$3' };
  return {
    lowercaseOutputName: true,
    lowercaseOutputLabelNames: options.lowercaseLabelNames ?? false,
    rules: pruned([
      // Replica fetchers: thread, topic and partition (or the leader fetched from) as labels, never in the name.
      {
        pattern: 'kafka\\.server<type=(.+), name=(.+), clientId=(.+), topic=(.+), partition=(.*)><>Value',
        name: 'kafka_server_$1_$2',
        type: 'GAUGE',
        labels: { clientId: '$3', topic: '$4', partition: '$5' },
      },
      {
        pattern: 'kafka\\.server<type=(.+), name=(.+), clientId=(.+), brokerHost=(.+), brokerPort=(.+)><>Value',
        name: 'kafka_server_$1_$2',
        type: 'GAUGE',
        labels: { clientId: '$3', broker: '$4:$5' },
      },
      {
        pattern: 'kafka\\.server<type=(.+), name=(.+)PerSec\\w*, clientId=(.+), brokerHost=(.+), brokerPort=(.+)><>Count',
        name: 'kafka_server_$1_$2_total',
        type: 'COUNTER',
        labels: { clientId: '$3', brokerHost: '$4', brokerPort: '$5' },
      },
      // Socket server, per listener and network processor: TLS and client-software connection
      // info, then every other attribute (`-total` counters, the rest gauges).
      {
        pattern: 'kafka\\.server<type=(.+), cipher=(.+), protocol=(.+), listener=(.+), networkProcessor=(.+)><>connections',
        name: 'kafka_server_$1_connections_tls_info',
        type: 'GAUGE',
        labels: { cipher: '$2', protocol: '$3', listener: '$4', networkProcessor: '$5' },
      },
      {
        pattern: 'kafka\\.server<type=(.+), clientSoftwareName=(.+), clientSoftwareVersion=(.+), listener=(.+), networkProcessor=(.+)><>connections',
        name: 'kafka_server_$1_connections_software',
        type: 'GAUGE',
        labels: { clientSoftwareName: '$2', clientSoftwareVersion: '$3', listener: '$4', networkProcessor: '$5' },
      },
      {
        pattern: 'kafka\\.server<type=(.+), listener=(.+), networkProcessor=(.+)><>(.+-total):',
        name: 'kafka_server_$1_$4',
        type: 'COUNTER',
        labels: { ...byProcessor }, // a copy each: the same object twice would be written as a YAML alias
      },
      {
        pattern: 'kafka\\.server<type=(.+), listener=(.+), networkProcessor=(.+)><>(.+):',
        name: 'kafka_server_$1_$4',
        type: 'GAUGE',
        labels: { ...byProcessor }, // a copy each: the same object twice would be written as a YAML alias
      },
      // KRaft state: a string attribute, exported as 1 with the state as a label.
      {
        pattern: 'kafka\\.server<type=raft-metrics><>current-state: (.+)',
        name: 'kafka_server_raftmetrics_current_state',
        type: 'GAUGE',
        value: 1,
        labels: { current_state: '$1' },
      },
      ...kafkaMetricsGroup('raft-metrics', true),
      ...kafkaMetricsGroup('raft-channel-metrics', true),
      ...kafkaMetricsGroup('broker-metadata-metrics', false),
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
