/*
 * Every metric an alert or a dashboard panel queries must be one that really
 * exists: produced by the generated JMX exporter rules from the real MBeans,
 * by the exporter agent's JVM collectors, by the Kafka Exporter, by the
 * operator or the kubelet; or, on the Metrics Reporter route, listed as the
 * reporter's name. The truth comes from ../shared/reference/kafka-metric-names.md.
 */
import * as YAML from 'yaml';
import { newCluster } from './fixtures';
import { applyExporterRules, metricsIn, referenceMBeans, referenceNames, referenceText } from './reference-metrics';
import { KafkaAlerts, KafkaDashboards, KafkaExporterMetrics, KafkaMetrics, MetricsConfig } from '../../src';
import { docOf, docsOf, newChart, synth } from '../util';

const text = referenceText();
const reference = referenceNames(text);
const mbeans = referenceMBeans(text);

function generatedExporterConfig(): any {
  const chart = newChart();
  new KafkaMetrics(chart, 'Metrics', { cluster: newCluster(chart) });
  return YAML.parse(docOf(synth(chart), 'ConfigMap', 'my-cluster-kafka-metrics').data['metrics-config.yml']);
}

/** Metric names queried by the alerts and dashboards of a cluster with the given metrics route. */
function queried(metrics: MetricsConfig): Map<string, string[]> {
  const chart = newChart();
  const m = new KafkaMetrics(chart, 'Metrics', { cluster: newCluster(chart), metrics, kafkaExporter: {} });
  new KafkaAlerts(chart, 'Alerts', { metrics: m });
  new KafkaDashboards(chart, 'Dashboards', { metrics: m });
  const docs = synth(chart);
  const out = new Map<string, string[]>();
  const add = (where: string, expr: string) => {
    for (const name of metricsIn(expr)) {
      out.set(name, [...(out.get(name) ?? []), where]);
    }
  };
  for (const g of docOf(docs, 'PrometheusRule').spec.groups) {
    for (const r of g.rules) {
      add(`alert ${r.alert}`, r.expr);
    }
  }
  for (const cm of docsOf(docs, 'ConfigMap').filter((d) => d.metadata.labels?.grafana_dashboard)) {
    for (const json of Object.values<string>(cm.data)) {
      const d = JSON.parse(json);
      for (const p of d.panels) {
        for (const t of p.targets) {
          add(`${d.title} / ${p.title}`, t.expr);
        }
      }
    }
  }
  return out;
}

describe('metric names', () => {
  const config = generatedExporterConfig();
  const produced = new Set(mbeans.map((b) => applyExporterRules(config, b.jmxString)).filter((n): n is string => n !== undefined));

  test('the reference is read: MBeans and names of every section', () => {
    expect(mbeans.length).toBeGreaterThan(100);
    expect(reference.jmx.size).toBeGreaterThan(30);
    expect(reference.reporter.size).toBeGreaterThan(20);
    expect(reference.jvm).toContain('jvm_memory_used_bytes');
    expect(reference.jvm).not.toContain('jvm_memory_bytes_used'); // an old 0.x name the reference says is gone
    expect(reference.kafkaExporter).toContain('kafka_consumergroup_lag');
    expect(reference.platform).toContain('kubelet_volume_stats_capacity_bytes');
  });

  test('the generated rules give each MBean of the reference the JMX name the reference lists for it', () => {
    const rows = new Map<string, Set<string>>();
    for (const b of mbeans) {
      const name = applyExporterRules(config, b.jmxString);
      if (name) {
        rows.set(b.row, new Set([...(rows.get(b.row) ?? []), name]));
      }
    }
    // full names in the "JMX name" column, row by row
    const table = text.split('### 1.1 ')[1].split('### 1.2')[0];
    let checked = 0;
    for (const line of table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Meaning'))) {
      const cells = line.replace(/\\\|/g, '\u0000').split('|').slice(1, -1).map((c) => c.trim());
      const documented = [...cells[2].matchAll(/`(kafka_[a-z0-9_{},]+)`/g)].map((m) => m[1])
        .flatMap((n) => expandBraces(n));
      for (const name of documented) {
        expect({ row: cells[0], name, produced: rows.get(cells[0])?.has(name) ?? false }).toEqual({ row: cells[0], name, produced: true });
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(25);
    // the ratio names the alerts rely on
    expect(produced).toContain('kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent');
    expect(produced).toContain('kafka_network_socketserver_networkprocessoravgidle_percent');
  });

  test('JMX exporter route: every metric an alert or panel queries is really produced', () => {
    const known = new Set([...produced, ...reference.jvm, ...reference.kafkaExporter, ...reference.platform, 'up']);
    const q = queried(MetricsConfig.jmxPrometheusExporter());
    expect(q.size).toBeGreaterThan(25);
    const unknown = [...q.entries()].filter(([name]) => !known.has(name)).map(([name, where]) => `${name} (${where.join(', ')})`);
    expect(unknown).toEqual([]);
  });

  test('Metrics Reporter route: every metric an alert or panel queries is a reporter name', () => {
    const known = new Set([...reference.reporter, ...reference.kafkaExporter, ...reference.platform, 'up']);
    const q = queried(MetricsConfig.strimziMetricsReporter());
    const unknown = [...q.entries()].filter(([name]) => !known.has(name)).map(([name, where]) => `${name} (${where.join(', ')})`);
    expect(unknown).toEqual([]);
    // JVM metrics of the reporter route are unconfirmed: not queried
    expect([...q.keys()].filter((n) => n.startsWith('jvm_'))).toEqual([]);
  });

  test('the public Kafka Exporter names are real', () => {
    for (const name of [
      KafkaExporterMetrics.CONSUMER_GROUP_LAG, KafkaExporterMetrics.CONSUMER_GROUP_LAG_SUM, KafkaExporterMetrics.CONSUMER_GROUP_CURRENT_OFFSET,
      KafkaExporterMetrics.CONSUMER_GROUP_MEMBERS, KafkaExporterMetrics.BROKERS, KafkaExporterMetrics.TOPIC_PARTITIONS,
      KafkaExporterMetrics.TOPIC_PARTITION_CURRENT_OFFSET, KafkaExporterMetrics.TOPIC_PARTITION_UNDER_REPLICATED,
    ]) {
      expect(reference.kafkaExporter).toContain(name);
    }
  });
});

function expandBraces(s: string): string[] {
  const m = s.match(/\{([^{}]*)\}/);
  return m ? m[1].split(',').flatMap((alt) => expandBraces(s.replace(m[0], alt))) : [s];
}
