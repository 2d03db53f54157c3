import { Duration } from 'cdk8s';
import { newCluster } from './fixtures';
import { selects, strimziPods } from './strimzi-pods';
import { KafkaMetrics, KafkaPodMonitors, MetricsConfig, MonitoredNamespaces } from '../../src';
import { docOf, docsOf, newChart, synth, validationErrors } from '../util';

const POOLS = [
  { name: 'brokers-a', broker: true, controller: false, nodeIds: [0, 1, 2] },
  { name: 'ctrl', broker: false, controller: true, nodeIds: [3, 4, 5] },
];

describe('KafkaPodMonitors', () => {
  test('each PodMonitor selects exactly its Strimzi pods (any pool name) on the ports they serve metrics on', () => {
    // GIVEN a cluster whose pools are not named "kafka", with exporter and Cruise Control metrics
    const chart = newChart();
    const cluster = newCluster(chart, 'my-cluster', 'kafka', { cruiseControl: {} });
    const metrics = new KafkaMetrics(chart, 'Metrics', { cluster, kafkaExporter: {}, cruiseControlMetrics: MetricsConfig.jmxPrometheusExporter() });
    // WHEN
    new KafkaPodMonitors(chart, 'Scrape', { metrics, clusterOperatorNamespace: 'strimzi', labels: { release: 'prom' } });
    const docs = synth(chart);
    // THEN
    const pms = docsOf(docs, 'PodMonitor');
    expect(pms.map((p) => p.metadata.name).sort()).toEqual([
      'my-cluster-cruise-control', 'my-cluster-entity-operator', 'my-cluster-kafka', 'my-cluster-kafka-exporter', 'my-cluster-strimzi-cluster-operator',
    ]);
    const pods = strimziPods('my-cluster', 'kafka', POOLS, 'strimzi');
    const expected: { [pm: string]: string[] } = {
      'my-cluster-kafka': ['kafka/brokers-a', 'kafka/ctrl'],
      'my-cluster-entity-operator': ['entity-operator'],
      'my-cluster-kafka-exporter': ['kafka-exporter'],
      'my-cluster-cruise-control': ['cruise-control'],
      'my-cluster-strimzi-cluster-operator': ['cluster-operator'],
    };
    for (const pm of pms) {
      expect(pm.metadata.namespace).toBe('kafka');
      expect(pm.metadata.labels).toEqual({ release: 'prom' });
      const nsNames: string[] = pm.spec.namespaceSelector.matchNames;
      const selected = pods.filter((p) => nsNames.includes(p.namespace) && selects(pm.spec.selector.matchLabels, p.labels));
      expect([...new Set(selected.map((p) => p.component))].sort()).toEqual(expected[pm.metadata.name]);
      // every selected pod has every scraped port
      for (const pod of selected) {
        for (const ep of pm.spec.podMetricsEndpoints) {
          expect(Object.keys(pod.ports)).toContain(ep.port);
          expect(ep.path).toBe('/metrics');
        }
      }
    }
    expect(docOf(docs, 'PodMonitor', 'my-cluster-kafka').spec.selector.matchLabels).toEqual({
      'strimzi.io/cluster': 'my-cluster', 'strimzi.io/kind': 'Kafka', 'strimzi.io/name': 'my-cluster-kafka',
    });
    expect(docOf(docs, 'PodMonitor', 'my-cluster-entity-operator').spec.podMetricsEndpoints.map((e: any) => e.port)).toEqual(['healthcheck-to', 'healthcheck-uo']);
    expect(docOf(docs, 'PodMonitor', 'my-cluster-strimzi-cluster-operator').spec.namespaceSelector).toEqual({ matchNames: ['strimzi'] });
    expect(docOf(docs, 'PodMonitor', 'my-cluster-strimzi-cluster-operator').spec.podMetricsEndpoints[0].port).toBe('http');
  });

  test('the relabelings carry the Strimzi pod labels, namespace and pod name onto the series', () => {
    const chart = newChart();
    const metrics = new KafkaMetrics(chart, 'Metrics', { cluster: newCluster(chart) });
    new KafkaPodMonitors(chart, 'Scrape', { metrics, interval: Duration.seconds(30) });
    const ep = docOf(synth(chart), 'PodMonitor', 'my-cluster-kafka').spec.podMetricsEndpoints[0];
    expect(ep.interval).toBe('30s');
    expect(ep.relabelings).toEqual([
      { action: 'labelmap', regex: '__meta_kubernetes_pod_label_(strimzi_io_.+)', replacement: '$1' },
      { action: 'replace', sourceLabels: ['__meta_kubernetes_namespace'], targetLabel: 'namespace' },
      { action: 'replace', sourceLabels: ['__meta_kubernetes_pod_name'], targetLabel: 'kubernetes_pod_name' },
      { action: 'replace', sourceLabels: ['__meta_kubernetes_pod_node_name'], targetLabel: 'node_name' },
      { action: 'replace', sourceLabels: ['__meta_kubernetes_pod_host_ip'], targetLabel: 'node_ip' },
    ]);
  });

  test('without the exporter there is no exporter PodMonitor; the operator can be left out', () => {
    const chart = newChart();
    const metrics = new KafkaMetrics(chart, 'Metrics', { cluster: newCluster(chart) });
    new KafkaPodMonitors(chart, 'Scrape', { metrics, scrapeClusterOperator: false, namespace: 'monitoring', namespaceSelector: MonitoredNamespaces.any() });
    const pms = docsOf(synth(chart), 'PodMonitor');
    expect(pms.map((p) => p.metadata.name).sort()).toEqual(['my-cluster-entity-operator', 'my-cluster-kafka']);
    expect(pms[0].metadata.namespace).toBe('monitoring');
    expect(pms[0].spec.namespaceSelector).toEqual({ any: true });
  });

  test('NEGATIVE: a namespace selector that misses the cluster namespace fails', () => {
    const chart = newChart();
    const metrics = new KafkaMetrics(chart, 'Metrics', { cluster: newCluster(chart) });
    new KafkaPodMonitors(chart, 'Scrape', { metrics, namespace: 'monitoring', namespaceSelector: MonitoredNamespaces.names('monitoring', 'apps') });
    expect(validationErrors(chart)).toEqual([
      '[test/Scrape] KAF-MON-021 PodMonitors of cluster "my-cluster": the namespace selector (monitoring, apps) does not include the cluster\'s namespace "kafka", so no Kafka pod would be scraped; add "kafka" to namespaceSelector or use MonitoredNamespaces.any()',
    ]);
  });
});
