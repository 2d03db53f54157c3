/*
 * The generated JMX exporter rules give every MBean attribute of the fixture
 * the metric name and labels Strimzi's example rules give it, so PromQL,
 * alerts and dashboards written for Strimzi work on this library's output.
 * The fixture (fixtures/strimzi-kafka-metrics.json) records, for each MBean,
 * what Strimzi's rules produce; the few series named differently on purpose
 * carry the name used here and the reason.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { newCluster } from './fixtures';
import { ExportedSample, exportSample, jmxStringOf } from './reference-metrics';
import { KafkaMetrics, MetricsConfig } from '../../src';
import { docOf, newChart, synth } from '../util';

interface FixtureAttribute {
  readonly value: string;
  readonly strimzi: ExportedSample | null;
  readonly ours?: ExportedSample;
  readonly because?: string;
}

interface Fixture {
  readonly strimzi: { readonly tag: string; readonly file: string };
  readonly queriedByStrimzi: { readonly names: string[] };
  readonly mbeans: { readonly group: string; readonly mbean: string; readonly attributes: { [attr: string]: FixtureAttribute } }[];
}

const fixture: Fixture = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'strimzi-kafka-metrics.json'), 'utf8'));

function generatedConfig(metrics?: MetricsConfig): any {
  const chart = newChart();
  new KafkaMetrics(chart, 'Metrics', { cluster: newCluster(chart), metrics });
  return YAML.parse(docOf(synth(chart), 'ConfigMap', 'my-cluster-kafka-metrics').data['metrics-config.yml']);
}

const cases = fixture.mbeans.flatMap((b) => Object.entries(b.attributes).map(([attr, a]) => ({ group: b.group, mbean: b.mbean, attr, ...a })));

describe('JMX exporter rules at parity with Strimzi\'s example rules', () => {
  const config = generatedConfig();

  test('the fixture covers every group Strimzi\'s rules handle', () => {
    expect(fixture.strimzi.tag).toBe('1.2.0');
    expect(cases.length).toBeGreaterThan(90);
    expect(new Set(cases.map((c) => c.group))).toEqual(new Set([
      'broker topic traffic', 'replica manager', 'replica fetchers', 'purgatory', 'request handlers', 'broker state',
      'network', 'requests', 'controller', 'partitions and logs', 'socket server', 'kraft',
    ]));
    // every deliberate difference says why
    for (const c of cases.filter((x) => x.ours !== undefined)) {
      expect(c.because).toMatch(/\w+/);
    }
  });

  test.each(cases.map((c) => [`${c.mbean} ${c.attr}`, c] as const))('%s', (_title, c) => {
    const expected = c.ours ?? c.strimzi;
    expect(exportSample(config, jmxStringOf(c.mbean, c.attr, c.value)) ?? null).toEqual(expected);
  });

  test('every broker and controller metric Strimzi\'s own dashboards and alerts query is produced from the fixture MBeans', () => {
    const produced = new Set(cases.map((c) => exportSample(config, jmxStringOf(c.mbean, c.attr, c.value))?.name).filter((n) => n !== undefined));
    expect(fixture.queriedByStrimzi.names.length).toBeGreaterThan(30);
    expect(fixture.queriedByStrimzi.names.filter((n) => !produced.has(n))).toEqual([]);
  });

  test('fetcher lag keeps the thread, topic and partition as labels, not in the name', () => {
    const s = exportSample(config, jmxStringOf('kafka.server:type=FetcherLagMetrics,name=ConsumerLag,clientId=ReplicaFetcherThread-0-2,topic=payments,partition=7', 'Value', '3'));
    expect(s).toEqual({ name: 'kafka_server_fetcherlagmetrics_consumerlag', labels: { clientId: 'ReplicaFetcherThread-0-2', topic: 'payments', partition: '7' } });
  });

  test('maxima are gauges, totals are counters', () => {
    expect(exportSample(config, jmxStringOf('kafka.server:type=raft-metrics', 'commit-latency-max', '12.0'))?.name).toBe('kafka_server_raftmetrics_commit_latency_max');
    expect(exportSample(config, jmxStringOf('kafka.server:type=socket-server-metrics,listener=REPLICATION-9091,networkProcessor=1', 'request-size-max', '1.0'))?.name)
      .toBe('kafka_server_socket_server_metrics_request_size_max');
    expect(exportSample(config, jmxStringOf('kafka.server:type=raft-channel-metrics', 'request-total', '1.0'))?.name).toBe('kafka_server_raftchannelmetrics_request_total');
    const types = config.rules.filter((r: any) => /-max/.test(r.pattern)).map((r: any) => r.type);
    expect(types).not.toContain('COUNTER');
  });

  test('the generated ConfigMap repeats no YAML node by alias (each rule is written out in full)', () => {
    const chart = newChart();
    new KafkaMetrics(chart, 'Metrics', { cluster: newCluster(chart) });
    const raw: string = docOf(synth(chart), 'ConfigMap', 'my-cluster-kafka-metrics').data['metrics-config.yml'];
    expect(raw).not.toMatch(/(^|\s)[&*][A-Za-z0-9]+\s*$/m);
  });

  test('label names keep the case of the MBean keys by default, and lower-case on request', () => {
    expect(config.lowercaseOutputLabelNames).toBe(false);
    const lower = generatedConfig(MetricsConfig.jmxPrometheusExporter({ lowercaseLabelNames: true }));
    expect(lower.lowercaseOutputLabelNames).toBe(true);
    const mixed = cases.filter((c) => c.strimzi && Object.keys(c.strimzi.labels).some((k) => k !== k.toLowerCase()));
    expect(mixed.length).toBeGreaterThan(30);
    for (const c of mixed) {
      const expected = c.ours ?? c.strimzi!;
      const got = exportSample(lower, jmxStringOf(c.mbean, c.attr, c.value));
      expect(got).toEqual({ name: expected.name, labels: Object.fromEntries(Object.entries(expected.labels).map(([k, v]) => [k.toLowerCase(), v])) });
    }
    const labelNames = new Set(cases.flatMap((c) => Object.keys((c.ours ?? c.strimzi)?.labels ?? {})));
    for (const name of ['networkProcessor', 'clientId', 'logDirectory', 'delayedOperation', 'brokerPort']) {
      expect(labelNames).toContain(name);
    }
  });
});
