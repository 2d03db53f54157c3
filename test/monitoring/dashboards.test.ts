import { newCluster } from './fixtures';
import { KafkaDashboards, KafkaMetrics, MetricsConfig } from '../../src';
import { docsOf, newChart, synth } from '../util';

interface Options {
  exporter?: boolean;
  metrics?: MetricsConfig;
  namespace?: string;
  sidecarLabel?: string;
  sidecarLabelValue?: string;
}

function dashboards(props: Options = {}) {
  const chart = newChart();
  const metrics = new KafkaMetrics(chart, 'Metrics', { cluster: newCluster(chart), metrics: props.metrics, kafkaExporter: props.exporter ? {} : undefined });
  new KafkaDashboards(chart, 'Dashboards', { metrics, namespace: props.namespace, sidecarLabel: props.sidecarLabel, sidecarLabelValue: props.sidecarLabelValue });
  return docsOf(synth(chart), 'ConfigMap').filter((d) => d.metadata.name.endsWith('-dashboard'));
}

describe('KafkaDashboards', () => {
  test('dashboards are ConfigMaps labelled for the Grafana sidecar, one per dashboard', () => {
    const cms = dashboards({ exporter: true });
    expect(cms.map((c) => c.metadata.name)).toEqual(['my-cluster-kafka-dashboard', 'my-cluster-kafka-exporter-dashboard']);
    for (const cm of cms) {
      expect(cm.metadata.namespace).toBe('kafka');
      expect(cm.metadata.labels).toEqual({ grafana_dashboard: '1' });
    }
    const kafka = JSON.parse(cms[0].data['my-cluster-kafka.json']);
    expect(kafka.title).toBe('Kafka cluster my-cluster (kafka)');
    expect(kafka.uid.length).toBeLessThanOrEqual(40);
    expect(kafka.templating.list[0]).toMatchObject({ name: 'datasource', type: 'datasource', query: 'prometheus' });
    // every panel queries the cluster's series through the chosen data source
    for (const p of kafka.panels) {
      expect(p.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(p.targets.length).toBeGreaterThan(0);
      for (const t of p.targets) {
        expect(t.expr).toMatch(/strimzi_io_cluster="my-cluster"|persistentvolumeclaim=~"data\(-\[0-9\]\+\)\?-my-cluster-/);
      }
    }
    // panels do not overlap
    const cells = new Set<string>();
    for (const p of kafka.panels) {
      for (let x = p.gridPos.x; x < p.gridPos.x + p.gridPos.w; x++) {
        for (let y = p.gridPos.y; y < p.gridPos.y + p.gridPos.h; y++) {
          expect(cells.has(`${x},${y}`)).toBe(false);
          cells.add(`${x},${y}`);
        }
      }
      expect(p.gridPos.x + p.gridPos.w).toBeLessThanOrEqual(24);
    }
    const exporter = JSON.parse(cms[1].data['my-cluster-kafka-exporter.json']);
    expect(exporter.panels.find((p: any) => p.title === 'Consumer group lag').targets[0].expr)
      .toBe('sum by (consumergroup, topic) (kafka_consumergroup_lag_sum{namespace="kafka",strimzi_io_cluster="my-cluster",strimzi_io_name="my-cluster-kafka-exporter"})');
  });

  test('namespace and sidecar label are configurable; no exporter dashboard without the exporter', () => {
    const cms = dashboards({ namespace: 'monitoring', sidecarLabel: 'dashboards', sidecarLabelValue: 'kafka' });
    expect(cms).toHaveLength(1);
    expect(cms[0].metadata.namespace).toBe('monitoring');
    expect(cms[0].metadata.labels).toEqual({ dashboards: 'kafka' });
  });

  test('the JMX route shows JVM panels; the Metrics Reporter route leaves them out and rates the idle counter', () => {
    const jmx = JSON.parse(dashboards()[0].data['my-cluster-kafka.json']);
    expect(jmx.panels.map((p: any) => p.title)).toContain('JVM heap used');
    const rep = JSON.parse(dashboards({ metrics: MetricsConfig.strimziMetricsReporter() })[0].data['my-cluster-kafka.json']);
    expect(rep.panels.map((p: any) => p.title)).not.toContain('JVM heap used');
    expect(rep.panels.find((p: any) => p.title === 'Request handler idle').targets[0].expr)
      .toContain('rate(kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent_total{');
  });
});
