/*
 * With Helm-safe output, every `{{` the library writes (alert annotations,
 * dashboard legends, the Secret copy script) reaches Helm as a template
 * action that prints a literal `{{`, so `cdk8s synth --format helm` output
 * installs with the same text as plain output.
 */
import { App, Chart, Testing } from 'cdk8s';
import { newCluster } from './fixtures';
import { build as buildBridge } from '../../examples/bridge-metrics-reporter/main';
import { ConnectAlerts, ConnectDashboards, HelmSafeOutput, KafkaConnect, MetricsConfig, MonitoringMode, PrometheusMonitoring } from '../../src';
import { SecretCopy } from '../../src/keda/secret-copy';
import { clusterWithScram } from '../connect/fixtures';
import { synth, synthAppYaml } from '../util';

const ESCAPED = '{{`{{`}}';

function build(app: App): void {
  const operator = new Chart(app, 'operator', { namespace: 'kafka' });
  new PrometheusMonitoring(operator, 'Monitoring', {
    cluster: newCluster(operator),
    monitoringNamespace: 'monitoring',
    alerts: { consumerGroupLag: { threshold: 1000 } },
    enableKafkaExporter: true,
  });
  const standalone = new Chart(app, 'standalone', { namespace: 'kafka' });
  new PrometheusMonitoring(standalone, 'Monitoring', { cluster: newCluster(standalone, 'other', 'kafka-other'), mode: MonitoringMode.STANDALONE });
  const keda = new Chart(app, 'keda', { namespace: 'keda' });
  new SecretCopy(keda, 'Copy', { sourceNamespace: 'kafka', targetNamespace: 'keda', secrets: [{ secretName: 'orders', keys: ['password'] }] });
}

/** Renders the literal-`{{` actions the way Helm does. */
function helmRender(text: string): string {
  return text.split(ESCAPED).join('{{');
}

describe('HelmSafeOutput', () => {
  test('plain output keeps Prometheus and Grafana templating as it is', () => {
    const app = Testing.app();
    build(app);
    const yaml = synthAppYaml(app);
    expect(yaml).toContain('{{ $labels.kubernetes_pod_name }}');
    expect(yaml).toContain('{{kubernetes_pod_name}}');
    expect(yaml).toContain('go-template={{index');
    expect(yaml).not.toContain(ESCAPED);
  });

  test('enabled on the app (after its charts exist), every {{ in the output is escaped the way Helm expects, and Helm renders back the plain text', () => {
    const plainApp = Testing.app();
    build(plainApp);
    const plain = synthAppYaml(plainApp);

    const app = Testing.app();
    build(app);
    HelmSafeOutput.enable(app);
    const yaml = synthAppYaml(app);

    const opens = yaml.split('{{').length - 1;
    expect(opens).toBeGreaterThan(20);
    // every {{ belongs to an escape, which itself holds two
    expect(yaml.split(ESCAPED).join('')).not.toContain('{{');
    expect(helmRender(yaml)).toBe(plain);
    expect(HelmSafeOutput.isEnabled(app.node.findAll().find((c) => c.node.id === 'Alerts')!)).toBe(true);
  });

  test('enabled on one chart, only that chart is escaped', () => {
    const app = Testing.app();
    build(app);
    HelmSafeOutput.enable(app.node.findChild('operator'));
    const byChart = Object.fromEntries(app.charts.map((c) => [c.node.id, JSON.stringify(c.toJson())]));
    expect(byChart.operator.split(ESCAPED).join('')).not.toContain('{{');
    expect(byChart.operator).toContain(ESCAPED);
    expect(byChart.keda).toContain('go-template={{index');
    expect(byChart.standalone).not.toContain(ESCAPED);
  });

  test('escape() writes each {{ as a Helm action printing {{', () => {
    expect(HelmSafeOutput.escape('Broker {{ $labels.pod }} is down ({{ $value }})')).toBe('Broker {{`{{`}} $labels.pod }} is down ({{`{{`}} $value }})');
    expect(HelmSafeOutput.escape('no templating }}')).toBe('no templating }}');
  });
});

describe('HelmSafeOutput for bridge and Connect monitoring', () => {
  test('bridge alerts and dashboard: every {{ is escaped once Helm-safe output is enabled, plain otherwise', () => {
    const plain = Testing.app();
    buildBridge(plain);
    const plainYaml = synthAppYaml(plain);
    expect(plainYaml).toContain('{{ $value }}');
    const safe = Testing.app();
    buildBridge(safe);
    HelmSafeOutput.enable(safe);
    const yaml = synthAppYaml(safe);
    expect(yaml.split(ESCAPED).join('')).not.toContain('{{');
    expect(helmRender(yaml)).toBe(plainYaml);
  });

  test('Connect and MirrorMaker 2 alerts and dashboards: every {{ is escaped', () => {
    const f = clusterWithScram(undefined, 'my-cluster', 'kafka');
    const user = f.cluster.addUser('connect');
    const connect = new KafkaConnect(f.chart, 'my-connect', { cluster: f.cluster, listener: f.tls, user, metrics: MetricsConfig.jmxPrometheusExporter() });
    connect.grantAccess();
    new ConnectAlerts(f.chart, 'alerts', { workers: connect });
    new ConnectDashboards(f.chart, 'dashboards', { workers: connect });
    HelmSafeOutput.enable(f.chart);
    const text = JSON.stringify(synth(f.chart));
    expect(text).toContain(ESCAPED);
    expect(text.split(ESCAPED).join('')).not.toContain('{{');
  });
});
