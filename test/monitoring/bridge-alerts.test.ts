import { ApiObject, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { BRIDGE_MBEANS, UPSTREAM_BRIDGE_ALERTS, UPSTREAM_BRIDGE_METRICS_PORT, UPSTREAM_BRIDGE_SERIES, UPSTREAM_BRIDGE_THRESHOLDS } from './bridge-reference';
import { AlertCase, checkRules, testRules } from './promtool';
import { applyExporterRules, metricsIn } from './reference-metrics';
import {
  BridgeSidecarBinding, KafkaBridge, KafkaBridgeAlerts, KafkaBridgeDashboard, KafkaBridgePodMonitors, MetricsConfig,
} from '../../src';
import { _bridgeJmxExporterConfig } from '../../src/monitoring/bridge-metrics';
import { clusterFixture } from '../bridge/fixtures';
import { docOf, docsOf, synth, validationErrors } from '../util';

function bridges(metrics = MetricsConfig.jmxPrometheusExporter()) {
  const f = clusterFixture();
  const bridge = new KafkaBridge(f.chart, 'http', { cluster: f.cluster, listener: f.tls, user: f.tlsUser, metrics });
  const d = new kplus.Deployment(f.chart, 'app', { metadata: { name: 'app' }, containers: [{ name: 'app', image: 'x', portNumber: 3000 }] });
  const sidecar = KafkaBridge.addSidecar(ApiObject.of(d), {
    cluster: f.cluster, listener: f.tls, user: f.tlsUser, metrics, binding: BridgeSidecarBinding.ALL_INTERFACES,
  });
  return { ...f, bridge, sidecar };
}

const SEL = 'namespace="kafka",kafka_bridge="http"';
const L = { namespace: 'kafka', kafka_bridge: 'http' };
const flat = (v: number) => `${v}+0x30`;

function groups(metrics = MetricsConfig.jmxPrometheusExporter(), props: any = {}) {
  const f = bridges(metrics);
  new KafkaBridgeAlerts(f.chart, 'Alerts', { bridges: [f.bridge, f.sidecar], ...props });
  const rule = docOf(synth(f.chart), 'PrometheusRule', 'kafka-bridge-alerts');
  return rule.spec.groups;
}

const JMX_CASES: { [alert: string]: { fires: AlertCase; quiet: AlertCase } } = {
  KafkaBridgeDown: {
    fires: { alertname: 'KafkaBridgeDown', series: { [`up{${SEL},kubernetes_pod_name="http-bridge-1"}`]: flat(0) }, expected: [{ labels: { severity: 'critical', ...L } }] },
    quiet: { alertname: 'KafkaBridgeDown', series: { [`up{${SEL},kubernetes_pod_name="http-bridge-1"}`]: '0+0x18 1+0x20' }, expected: [] },
  },
  KafkaBridgeProducerLatencyHigh: {
    fires: {
      alertname: 'KafkaBridgeProducerLatencyHigh',
      series: { [`strimzi_bridge_kafka_producer_request_latency_avg{${SEL},type="producer-metrics",clientId="http-producer"}`]: flat(25) },
      expected: [{ labels: { severity: 'warning', ...L, clientId: 'http-producer' }, value: 25 }],
    },
    quiet: {
      alertname: 'KafkaBridgeProducerLatencyHigh',
      series: {
        [`strimzi_bridge_kafka_producer_request_latency_avg{${SEL},type="producer-metrics",clientId="http-producer"}`]: flat(4),
        // per-broker node metrics carry the same name and are not the client's average
        [`strimzi_bridge_kafka_producer_request_latency_avg{${SEL},type="producer-node-metrics",clientId="http-producer"}`]: flat(90),
      },
      expected: [],
    },
  },
  KafkaBridgeConsumerFetchLatencyHigh: {
    fires: {
      alertname: 'KafkaBridgeConsumerFetchLatencyHigh',
      series: { [`strimzi_bridge_kafka_consumer_fetch_latency_avg{${SEL},type="consumer-fetch-manager-metrics",clientId="c1"}`]: flat(700) },
      expected: [{ labels: { severity: 'warning', ...L, clientId: 'c1' }, value: 700 }],
    },
    quiet: {
      alertname: 'KafkaBridgeConsumerFetchLatencyHigh',
      series: { [`strimzi_bridge_kafka_consumer_fetch_latency_avg{${SEL},type="consumer-fetch-manager-metrics",clientId="c1"}`]: flat(499) },
      expected: [],
    },
  },
  KafkaBridgeConsumerCommitLatencyHigh: {
    fires: {
      alertname: 'KafkaBridgeConsumerCommitLatencyHigh',
      series: { [`strimzi_bridge_kafka_consumer_commit_latency_avg{${SEL},type="consumer-coordinator-metrics",clientId="c1"}`]: flat(250) },
      expected: [{ labels: { severity: 'warning', ...L, clientId: 'c1' }, value: 250 }],
    },
    quiet: {
      alertname: 'KafkaBridgeConsumerCommitLatencyHigh',
      // another bridge's slow commits do not alert for this one
      series: { ['strimzi_bridge_kafka_consumer_commit_latency_avg{namespace="kafka",kafka_bridge="other",clientId="c1"}']: flat(900) },
      expected: [],
    },
  },
  KafkaBridgeHttp4xxErrors: {
    fires: {
      alertname: 'KafkaBridgeHttp4xxErrors',
      series: { [`strimzi_bridge_http_server_requests_total{${SEL},method="GET",path="/consumers/g/instances/i/records",code="404"}`]: '0+4x30' },
      expected: [{ labels: { severity: 'warning', ...L, path: '/consumers/g/instances/i/records' }, value: 20 }],
    },
    quiet: {
      alertname: 'KafkaBridgeHttp4xxErrors',
      series: {
        [`strimzi_bridge_http_server_requests_total{${SEL},method="GET",path="/favicon.ico",code="404"}`]: '0+50x30',
        [`strimzi_bridge_http_server_requests_total{${SEL},method="GET",path="/topics",code="200"}`]: '0+50x30',
        [`strimzi_bridge_http_server_requests_total{${SEL},method="POST",path="/topics/orders",code="400"}`]: '0+1x30',
      },
      expected: [],
    },
  },
  KafkaBridgeHttp5xxErrors: {
    fires: {
      alertname: 'KafkaBridgeHttp5xxErrors',
      series: { [`strimzi_bridge_http_server_requests_total{${SEL},method="POST",path="/topics/orders",code="500"}`]: '0+3x30' },
      expected: [{ labels: { severity: 'warning', ...L, path: '/topics/orders' }, value: 15 }],
    },
    quiet: {
      alertname: 'KafkaBridgeHttp5xxErrors',
      series: { [`strimzi_bridge_http_server_requests_total{${SEL},method="POST",path="/topics/orders",code="503"}`]: '0+1x30' },
      expected: [],
    },
  },
};

describe('KafkaBridgeAlerts', () => {
  test('one library alert per upstream bridge alert, at the upstream thresholds', () => {
    const g = groups();
    const names = g[0].rules.map((r: any) => r.alert);
    expect(names).toEqual(Object.values(UPSTREAM_BRIDGE_ALERTS));
    expect(g.map((x: any) => x.name)).toEqual(['kafka-bridge-kafka-http', 'kafka-bridge-kafka-app']);
    const expr = (a: string) => g[0].rules.find((r: any) => r.alert === a).expr as string;
    expect(expr('KafkaBridgeProducerLatencyHigh')).toMatch(new RegExp(`> ${UPSTREAM_BRIDGE_THRESHOLDS.producer}$`));
    expect(expr('KafkaBridgeConsumerFetchLatencyHigh')).toMatch(new RegExp(`> ${UPSTREAM_BRIDGE_THRESHOLDS.fetch}$`));
    expect(expr('KafkaBridgeConsumerCommitLatencyHigh')).toMatch(new RegExp(`> ${UPSTREAM_BRIDGE_THRESHOLDS.commit}$`));
    expect(expr('KafkaBridgeHttp5xxErrors')).toMatch(new RegExp(`> ${UPSTREAM_BRIDGE_THRESHOLDS.http}$`));
    checkRules(g);
  });

  test('every alert fires and stays quiet (promtool), JMX exporter names', () => {
    const g = groups();
    testRules([g[0]], Object.values(JMX_CASES).flatMap((c) => [c.fires, c.quiet]));
  });

  test('Metrics Reporter names fire too', () => {
    const g = groups(MetricsConfig.strimziMetricsReporter());
    checkRules(g);
    testRules([g[0]], [
      {
        alertname: 'KafkaBridgeConsumerFetchLatencyHigh',
        series: { [`kafka_consumer_consumer_fetch_manager_metrics_fetch_latency_avg{${SEL},client_id="c1"}`]: flat(800) },
        expected: [{ labels: { severity: 'warning', ...L, client_id: 'c1' }, value: 800 }],
      },
      {
        alertname: 'KafkaBridgeProducerLatencyHigh',
        series: { [`kafka_producer_producer_metrics_request_latency_avg{${SEL},client_id="p"}`]: flat(11) },
        expected: [{ labels: { severity: 'warning', ...L, client_id: 'p' }, value: 11 }],
      },
      {
        alertname: 'KafkaBridgeConsumerCommitLatencyHigh',
        series: { [`strimzi_bridge_kafka_consumer_commit_latency_avg{${SEL},clientId="c1"}`]: flat(900) },
        expected: [],
      },
    ]);
  });

  test('options: thresholds, severity, pendingFor, disabling', () => {
    const g = groups(undefined, { producerLatency: { threshold: 50, pendingFor: Duration.minutes(5) }, http4xxErrors: { enabled: false } });
    const r = g[0].rules.find((x: any) => x.alert === 'KafkaBridgeProducerLatencyHigh');
    expect(r.expr).toMatch(/> 50$/);
    expect(r.for).toBe('5m');
    expect(g[0].rules.map((x: any) => x.alert)).not.toContain('KafkaBridgeHttp4xxErrors');
  });

  test('the queried names are upstream names, and the library rules produce the client names from the MBeans', () => {
    const all = groups().flatMap((x: any) => x.rules.map((r: any) => r.expr));
    const known = new Set(['up', ...UPSTREAM_BRIDGE_SERIES.http, ...UPSTREAM_BRIDGE_SERIES.jmx, ...UPSTREAM_BRIDGE_SERIES.jvm]);
    for (const e of all) {
      for (const m of metricsIn(e)) expect(known).toContain(m);
    }
    const config = _bridgeJmxExporterConfig();
    for (const b of BRIDGE_MBEANS) {
      expect(applyExporterRules(config, b.mbean)).toBe(b.series);
    }
  });

  test('KAF-BRG-025 a bridge without metrics; KAF-BRG-028 negative threshold', () => {
    const f = clusterFixture();
    const b = new KafkaBridge(f.chart, 'plain', { cluster: f.cluster, listener: f.plain });
    new KafkaBridgeAlerts(f.chart, 'Alerts', { bridges: [b], consumerFetchLatency: { threshold: -1 } });
    const e = validationErrors(f.chart);
    expect(e).toContain('[test/Alerts] KAF-BRG-025 alerts of bridge "plain": the bridge has no metrics, so every alert but the down alert would stay silent; set metrics on the bridge, e.g. MetricsConfig.strimziMetricsReporter()');
    expect(e).toContain('[test/Alerts] KAF-BRG-028 bridge alerts: consumerFetchLatency threshold -1 is negative; use a threshold of 0 or more');
    // edge: threshold 0 is valid
    const g = groups(undefined, { consumerFetchLatency: { threshold: 0 } });
    expect(g[0].rules.find((x: any) => x.alert === 'KafkaBridgeConsumerFetchLatencyHigh').expr).toMatch(/> 0$/);
  });
});

describe('KafkaBridgePodMonitors', () => {
  test('one PodMonitor per bridge on rest-api-mgmt, with the kafka_bridge label', () => {
    const f = bridges();
    new KafkaBridgePodMonitors(f.chart, 'PM', { bridges: [f.bridge, f.sidecar], labels: { release: 'prom' } });
    const docs = synth(f.chart);
    const pms = docsOf(docs, 'PodMonitor');
    expect(pms.map((p) => p.metadata.name)).toEqual(['http-kafka-bridge', 'app-kafka-bridge']);
    expect(pms[0].spec.selector.matchLabels).toEqual({ 'strimzi.io/kind': 'KafkaBridge', 'strimzi.io/name': 'http-bridge' });
    expect(pms[1].spec.selector.matchLabels).toEqual({ 'cdk8s-kafka/kafka-bridge': 'app' });
    expect(docOf(docs, 'Deployment', 'app').spec.template.metadata.labels['cdk8s-kafka/kafka-bridge']).toBe('app');
    for (const pm of pms) {
      expect(pm.spec.podMetricsEndpoints[0].port).toBe(UPSTREAM_BRIDGE_METRICS_PORT);
      expect(pm.spec.podMetricsEndpoints[0].relabelings).toContainEqual({ action: 'replace', targetLabel: 'kafka_bridge', replacement: pm.metadata.name.replace(/-kafka-bridge$/, '') });
    }
  });

  test('KAF-BRG-026 a loopback sidecar cannot be scraped; KAF-BRG-025 no metrics', () => {
    const f = clusterFixture();
    const d = new kplus.Deployment(f.chart, 'app', { metadata: { name: 'app' }, containers: [{ name: 'app', image: 'x' }] });
    const s = KafkaBridge.addSidecar(ApiObject.of(d), { cluster: f.cluster, listener: f.tls, user: f.tlsUser });
    new KafkaBridgePodMonitors(f.chart, 'PM', { bridges: [s] });
    const e = validationErrors(f.chart);
    expect(e).toContain('[test/PM] KAF-BRG-026 PodMonitor of bridge "app": the sidecar binds the management port to loopback, so Prometheus cannot reach /metrics; use binding BridgeSidecarBinding.ALL_INTERFACES for this sidecar, or leave it out of the PodMonitors');
    expect(e).toContain('[test/PM] KAF-BRG-025 PodMonitor of bridge "app": the bridge has no metrics, so /metrics answers 404; set metrics on the bridge, e.g. MetricsConfig.strimziMetricsReporter()');
  });
});

describe('bridge monitoring rules', () => {
  test('KAF-BRG-024 two bridges of one name; KAF-BRG-027 no bridges', () => {
    const f = bridges();
    const d = new kplus.Deployment(f.chart, 'other', { metadata: { name: 'other' }, containers: [{ name: 'o', image: 'x' }] });
    const clash = KafkaBridge.addSidecar(ApiObject.of(d), {
      cluster: f.cluster, listener: f.tls, user: f.tlsUser, bridgeName: 'http', metrics: MetricsConfig.jmxPrometheusExporter(), binding: BridgeSidecarBinding.ALL_INTERFACES,
    });
    new KafkaBridgePodMonitors(f.chart, 'PM', { bridges: [f.bridge, clash] });
    new KafkaBridgeAlerts(f.chart, 'Alerts', { bridges: [] });
    new KafkaBridgeDashboard(f.chart, 'Dash', { bridges: [], namespace: 'kafka' });
    const e = validationErrors(f.chart);
    expect(e).toContain('[test/PM] KAF-BRG-024 PodMonitors of bridge "kafka/http": two bridges share the name (their series would mix); give each bridge its own name (bridgeName of a sidecar)');
    expect(e).toContain('[test/Alerts] KAF-BRG-027 bridge alerts: no bridges are given; pass the bridges to alert on');
    expect(e).toContain('[test/Dash] KAF-BRG-027 bridge dashboard: no bridges are given; pass the bridges to show');
    // edge: distinct names in one namespace are fine
    const g = bridges();
    new KafkaBridgePodMonitors(g.chart, 'PM', { bridges: [g.bridge, g.sidecar] });
    expect(docsOf(synth(g.chart), 'PodMonitor')).toHaveLength(2);
  });
});

describe('KafkaBridgeDashboard', () => {
  test('panels at parity with the upstream bridge dashboard, querying upstream names', () => {
    const f = bridges();
    const dash = new KafkaBridgeDashboard(f.chart, 'Dash', { bridges: [f.bridge, f.sidecar] });
    const cm = docOf(synth(f.chart), 'ConfigMap', 'kafka-bridge-dashboard');
    expect(cm.metadata.labels).toEqual({ grafana_dashboard: '1' });
    const model = JSON.parse(cm.data['kafka-bridge-dashboard.json']);
    expect(model).toEqual(dash.dashboard());
    const titles = model.panels.map((p: any) => p.title);
    for (const t of ['HTTP connections', 'Requests by method', 'Responses by status class', 'Producer request latency (avg)', 'Consumer fetch latency (avg)', 'Consumer commit latency (avg)', 'JVM memory used']) {
      expect(titles).toContain(t);
    }
    const known = new Set(['up', ...UPSTREAM_BRIDGE_SERIES.http, ...UPSTREAM_BRIDGE_SERIES.jmx, ...UPSTREAM_BRIDGE_SERIES.jvm]);
    for (const p of model.panels) {
      for (const m of metricsIn(p.targets[0].expr).filter((x) => x !== 'label_replace')) expect(known).toContain(m);
    }
    expect(model.templating.list[1]).toMatchObject({ name: 'bridge', query: 'http,app' });
  });
});
