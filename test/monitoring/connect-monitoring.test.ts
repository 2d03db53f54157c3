import {
  ConnectAlerts, ConnectDashboards, ConnectPodMonitor, KafkaConnect, KafkaMirrorMaker2, MetricsConfig,
} from '../../src';
import { _connectJmxExporterConfig, _mirrorMaker2JmxExporterConfig } from '../../src/monitoring/connect-metrics';
import { clusterWithScram } from '../connect/fixtures';
import { docOf, synth, validationErrors } from '../util';
import { CONNECT_PLATFORM_METRICS, CONNECT_REFERENCE_METRICS, STRIMZI_CONNECT_ALERTS, STRIMZI_MM2_ALERTS } from './connect-reference-metrics';
import { checkRules, testRules } from './promtool';
import { applyExporterRules, metricsIn } from './reference-metrics';

function workers(metrics = MetricsConfig.jmxPrometheusExporter()) {
  const f = clusterWithScram(undefined, 'my-cluster', 'kafka');
  const user = f.cluster.addUser('connect');
  const connect = new KafkaConnect(f.chart, 'my-connect', { cluster: f.cluster, listener: f.tls, user, metrics });
  connect.grantAccess();
  const mm2 = new KafkaMirrorMaker2(f.chart, 'my-mm2', {
    target: { cluster: f.cluster, listener: f.tls, user },
    metrics,
    mirrors: [{ source: { cluster: f.cluster, listener: f.tls, user, alias: 'self' }, topicsPattern: 'orders' }],
  });
  mm2.grantAccess();
  return { ...f, connect, mm2 };
}

describe('Connect and MirrorMaker 2 exporter rules', () => {
  test.each(CONNECT_REFERENCE_METRICS.filter((m) => m.connect))('Connect: $mbean -> $connect', (m) => {
    expect(applyExporterRules(_connectJmxExporterConfig(), m.mbean)).toBe(m.connect);
  });
  test.each(CONNECT_REFERENCE_METRICS.filter((m) => m.mirrorMaker2))('MirrorMaker 2: $mbean -> $mirrorMaker2', (m) => {
    expect(applyExporterRules(_mirrorMaker2JmxExporterConfig(), m.mbean)).toBe(m.mirrorMaker2);
  });
  test('the generated ConfigMaps hold the rules of their runtime', () => {
    const { chart } = workers();
    const docs = synth(chart);
    expect(docOf(docs, 'ConfigMap', 'my-connect-connect-metrics').data['metrics-config.yml']).toContain('connector-metrics');
    expect(docOf(docs, 'ConfigMap', 'my-mm2-mirror-maker-2-metrics').data['metrics-config.yml']).toContain('MirrorSourceConnector');
  });
});

describe('ConnectPodMonitor', () => {
  test('selects exactly the worker pods on tcp-prometheus', () => {
    const { chart, connect, mm2 } = workers();
    new ConnectPodMonitor(chart, 'pm', { workers: connect });
    new ConnectPodMonitor(chart, 'pm2', { workers: mm2, labels: { release: 'prom' } });
    const docs = synth(chart);
    const pm = docOf(docs, 'PodMonitor', 'my-connect-connect-metrics');
    expect(pm.spec.selector).toEqual({ matchLabels: { 'strimzi.io/cluster': 'my-connect', 'strimzi.io/kind': 'KafkaConnect', 'strimzi.io/name': 'my-connect-connect' } });
    expect(pm.spec.namespaceSelector).toEqual({ matchNames: ['kafka'] });
    expect(pm.spec.podMetricsEndpoints[0].port).toBe('tcp-prometheus');
    const pm2 = docOf(docs, 'PodMonitor', 'my-mm2-mirrormaker2-metrics');
    expect(pm2.spec.selector.matchLabels).toEqual({ 'strimzi.io/cluster': 'my-mm2', 'strimzi.io/kind': 'KafkaMirrorMaker2', 'strimzi.io/name': 'my-mm2-mirrormaker2' });
    expect(pm2.metadata.labels).toEqual({ release: 'prom' });
  });

  test('KAF-CON-030 / KAF-MM2-030: monitoring workers without metrics', () => {
    const f = clusterWithScram();
    const user = f.cluster.addUser('connect');
    const connect = new KafkaConnect(f.chart, 'c', { cluster: f.cluster, listener: f.tls, user });
    connect.grantAccess();
    new ConnectPodMonitor(f.chart, 'pm', { workers: connect });
    const mm2 = new KafkaMirrorMaker2(f.chart, 'm', { target: { cluster: f.cluster, listener: f.tls, user }, mirrors: [{ source: { cluster: f.cluster, listener: f.tls, user, alias: 'self' } }] });
    mm2.grantAccess();
    new ConnectAlerts(f.chart, 'al', { workers: mm2 });
    expect(validationErrors(f.chart)).toEqual([
      '[test/pm] KAF-CON-030 PodMonitor of KafkaConnect "c": the workers expose no metrics (metrics is not set), so nothing would be scraped; set metrics: MetricsConfig.jmxPrometheusExporter() on the workers',
      '[test/al] KAF-MM2-030 alerts of KafkaMirrorMaker2 "m": the workers expose no metrics (metrics is not set), so nothing would be scraped; set metrics: MetricsConfig.jmxPrometheusExporter() on the workers',
    ]);
  });
});

describe('ConnectAlerts', () => {
  test('the same alerts as Strimzi 1.2.0: three for Connect, one for MirrorMaker 2, scoped to the resource; promtool accepts them', () => {
    const { chart, connect, mm2 } = workers();
    const a = new ConnectAlerts(chart, 'a', { workers: connect });
    const b = new ConnectAlerts(chart, 'b', { workers: mm2 });
    expect(a.ruleGroups()[0].rules.map((r: any) => r.alert)).toEqual(STRIMZI_CONNECT_ALERTS);
    expect(b.ruleGroups()[0].rules.map((r: any) => r.alert)).toEqual(STRIMZI_MM2_ALERTS);
    checkRules([...a.ruleGroups(), ...b.ruleGroups()]);
    const known = new Set([...CONNECT_REFERENCE_METRICS.flatMap((m) => [m.connect, m.mirrorMaker2]), ...CONNECT_PLATFORM_METRICS]);
    for (const r of [...a.ruleGroups(), ...b.ruleGroups()].flatMap((g) => g.rules)) {
      for (const m of metricsIn(r.expr)) {
        expect([r.alert, known.has(m)]).toEqual([r.alert, true]);
      }
    }
    expect(docOf(synth(chart), 'PrometheusRule', 'my-connect-connect-alerts').spec.groups[0].rules).toHaveLength(3);
  });

  test('fire and stay quiet (promtool)', () => {
    const { connect, mm2 } = workers();
    const groups = [...new ConnectAlerts(connect, 'a', { workers: connect }).ruleGroups(), ...new ConnectAlerts(mm2, 'b', { workers: mm2 }).ruleGroups()];
    const sel = 'namespace="kafka",strimzi_io_cluster="my-connect",strimzi_io_kind="KafkaConnect",kubernetes_pod_name="my-connect-connect-0"';
    const pod = { namespace: 'kafka', kubernetes_pod_name: 'my-connect-connect-0' };
    testRules(groups, [
      { alertname: 'ConnectContainersDown', series: {}, expected: [{ labels: { severity: 'critical', namespace: 'kafka', container: 'my-connect-connect' } }] },
      { alertname: 'ConnectContainersDown', series: { 'container_last_seen{namespace="kafka",container="my-connect-connect",pod="my-connect-connect-0"}': '1+0x30' }, expected: [] },
      { alertname: 'ConnectFailedConnector', series: { [`kafka_connect_connector_status{${sel},connector="a",status="failed"}`]: '1+0x30' }, expected: [{ labels: { severity: 'warning', ...pod }, value: 1 }] },
      { alertname: 'ConnectFailedConnector', series: { [`kafka_connect_connector_status{${sel},connector="a",status="running"}`]: '1+0x30' }, expected: [] },
      // another Connect cluster's failures do not fire this one's alert
      { alertname: 'ConnectFailedConnector', series: { 'kafka_connect_connector_status{namespace="kafka",strimzi_io_cluster="other",strimzi_io_kind="KafkaConnect",kubernetes_pod_name="other-connect-0",connector="a",status="failed"}': '1+0x30' }, expected: [] },
      { alertname: 'ConnectFailedTask', series: { [`kafka_connect_worker_connector_failed_task_count{${sel},connector="a"}`]: '2+0x30' }, expected: [{ labels: { severity: 'warning', ...pod }, value: 2 }] },
      { alertname: 'ConnectFailedTask', series: { [`kafka_connect_worker_connector_failed_task_count{${sel},connector="a"}`]: '0+0x30' }, expected: [] },
      // failed for less than 5 minutes: still pending
      { alertname: 'ConnectFailedTask', series: { [`kafka_connect_worker_connector_failed_task_count{${sel},connector="a"}`]: '0+0x16 1+0x3' }, expected: [] },
      { alertname: 'MirrorMaker2ContainerDown', series: {}, expected: [{ labels: { severity: 'critical', namespace: 'kafka', container: 'my-mm2-mirrormaker2' } }] },
      { alertname: 'MirrorMaker2ContainerDown', series: { 'container_last_seen{namespace="kafka",container="my-mm2-mirrormaker2",pod="my-mm2-mirrormaker2-0"}': '1+0x30' }, expected: [] },
    ]);
  });

  test('the Metrics Reporter route queries the reporter names', () => {
    const { connect } = workers(MetricsConfig.strimziMetricsReporter());
    const exprs = new ConnectAlerts(connect, 'a', { workers: connect }).ruleGroups()[0].rules.map((r: any) => r.expr);
    expect(exprs[1]).toContain('kafka_connect_connector_metrics_status_info{');
    expect(exprs[2]).toContain('kafka_connect_connect_worker_metrics_connector_failed_task_count{');
  });
});

describe('ConnectDashboards', () => {
  test('every panel queries a name the exporter rules produce, scoped to the resource', () => {
    const { chart, connect, mm2 } = workers();
    const d1 = new ConnectDashboards(chart, 'd1', { workers: connect });
    const d2 = new ConnectDashboards(chart, 'd2', { workers: mm2 });
    const known = new Set([...CONNECT_REFERENCE_METRICS.flatMap((m) => [m.connect, m.mirrorMaker2]), ...CONNECT_PLATFORM_METRICS]);
    for (const d of [d1.dashboard(), d2.dashboard()]) {
      for (const p of d.panels) {
        expect(p.targets[0].expr).toContain('strimzi_io_cluster="my-');
        for (const m of metricsIn(p.targets[0].expr)) {
          expect([p.title, m, known.has(m)]).toEqual([p.title, m, true]);
        }
      }
    }
    expect(d2.dashboard().panels.map((p: any) => p.title)).toContain('Replication latency');
    const cm = docOf(synth(chart), 'ConfigMap', 'my-connect-connect-dashboard');
    expect(cm.metadata.labels).toEqual({ grafana_dashboard: '1' });
  });
});
