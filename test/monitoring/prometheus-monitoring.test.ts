import { Duration, Size } from 'cdk8s';
import { parse } from 'yaml';
import { newCluster } from './fixtures';
import { MetricsConfig, MonitoredNamespaces, MonitoringMode, PrometheusMonitoring } from '../../src';
import { docOf, docsOf, newChart, synth, validationErrors } from '../util';

const kinds = (docs: any[]) => docs.map((d) => `${d.kind}/${d.metadata.name}`).sort();

describe('PrometheusMonitoring', () => {
  test('defaults: Prometheus Operator mode with JMX exporter metrics, Kafka Exporter, PodMonitors, PrometheusRule and dashboards', () => {
    // GIVEN a cluster whose pools are not named "kafka"
    const chart = newChart();
    const cluster = newCluster(chart);
    // WHEN monitoring is turned on in one line
    const monitoring = new PrometheusMonitoring(chart, 'Monitoring', { cluster });
    const docs = synth(chart);
    // THEN every part exists, is exposed, and renders next to the cluster
    expect(monitoring.mode).toBe(MonitoringMode.PROMETHEUS_OPERATOR);
    expect(monitoring.metrics.kafkaExporterEnabled).toBe(true);
    expect(monitoring.podMonitors).toBeDefined();
    expect(monitoring.dashboards).toBeDefined();
    expect(monitoring.prometheus).toBeUndefined();
    expect(monitoring.alerts.resource).toBeDefined();
    const kafka = docOf(docs, 'Kafka', 'my-cluster');
    expect(kafka.spec.kafka.metricsConfig).toEqual({
      type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: 'my-cluster-kafka-metrics', key: 'metrics-config.yml' } },
    });
    expect(kafka.spec.kafkaExporter).toEqual({});
    expect(docsOf(docs, 'PodMonitor').map((p) => p.metadata.name).sort()).toEqual([
      'my-cluster-entity-operator', 'my-cluster-kafka', 'my-cluster-kafka-exporter', 'my-cluster-strimzi-cluster-operator',
    ]);
    const rules = docOf(docs, 'PrometheusRule', 'my-cluster-kafka-alerts').spec.groups.flatMap((g: any) => g.rules.map((r: any) => r.alert));
    expect(rules).toContain('KafkaConsumerGroupLagHigh');
    expect(rules).toContain('KafkaBrokerDown');
    expect(docsOf(docs, 'ConfigMap').map((c) => c.metadata.name).sort()).toEqual([
      'my-cluster-kafka-dashboard', 'my-cluster-kafka-exporter-dashboard', 'my-cluster-kafka-metrics',
    ]);
    expect(docsOf(docs, 'StatefulSet')).toHaveLength(0);
  });

  test('namespace and selector labels go to every monitoring object; part options win and pass through', () => {
    const chart = newChart();
    const cluster = newCluster(chart);
    new PrometheusMonitoring(chart, 'Monitoring', {
      cluster,
      metrics: MetricsConfig.strimziMetricsReporter(),
      kafkaExporter: { groupRegex: 'orders-.*' },
      monitoringNamespace: 'monitoring',
      prometheusSelectorLabels: { release: 'kube-prometheus-stack' },
      podMonitors: { clusterOperatorNamespace: 'strimzi', interval: Duration.seconds(15) },
      alerts: { consumerGroupLag: { threshold: 50 }, labels: { role: 'alert-rules' } },
      dashboards: { sidecarLabelValue: 'kafka' },
    });
    const docs = synth(chart);
    expect(docOf(docs, 'Kafka', 'my-cluster').spec.kafka.metricsConfig).toEqual({ type: 'strimziMetricsReporter' });
    expect(docOf(docs, 'Kafka', 'my-cluster').spec.kafkaExporter).toEqual({ groupRegex: 'orders-.*' });
    for (const pm of docsOf(docs, 'PodMonitor')) {
      expect(pm.metadata.namespace).toBe('monitoring');
      expect(pm.metadata.labels).toEqual({ release: 'kube-prometheus-stack' });
      expect(pm.spec.podMetricsEndpoints[0].interval).toBe('15s');
    }
    expect(docOf(docs, 'PodMonitor', 'my-cluster-kafka').spec.namespaceSelector).toEqual({ matchNames: ['kafka'] });
    expect(docOf(docs, 'PodMonitor', 'my-cluster-strimzi-cluster-operator').spec.namespaceSelector).toEqual({ matchNames: ['strimzi'] });
    const rule = docOf(docs, 'PrometheusRule', 'my-cluster-kafka-alerts');
    expect(rule.metadata.namespace).toBe('monitoring');
    expect(rule.metadata.labels).toEqual({ role: 'alert-rules' });
    const lag = rule.spec.groups.flatMap((g: any) => g.rules).find((r: any) => r.alert === 'KafkaConsumerGroupLagHigh');
    expect(lag.expr).toMatch(/ > 50$/);
    for (const cm of docsOf(docs, 'ConfigMap').filter((c) => c.metadata.name.endsWith('-dashboard'))) {
      expect(cm.metadata.namespace).toBe('monitoring');
      expect(cm.metadata.labels).toEqual({ grafana_dashboard: 'kafka' });
    }
  });

  test('standalone mode: a Prometheus that loads the alerts, no Prometheus Operator objects, no dashboards by default', () => {
    const chart = newChart();
    const cluster = newCluster(chart);
    const monitoring = new PrometheusMonitoring(chart, 'Monitoring', {
      cluster,
      mode: MonitoringMode.STANDALONE,
      prometheus: { storageSize: Size.gibibytes(50), scrapeKubelets: true },
    });
    const docs = synth(chart);
    expect(monitoring.prometheus).toBeDefined();
    expect(monitoring.podMonitors).toBeUndefined();
    expect(monitoring.dashboards).toBeUndefined();
    expect(monitoring.alerts.resource).toBeUndefined();
    expect(docsOf(docs, 'PodMonitor')).toHaveLength(0);
    expect(docsOf(docs, 'PrometheusRule')).toHaveLength(0);
    expect(docsOf(docs, 'ConfigMap').filter((c) => c.metadata.name.endsWith('-dashboard'))).toHaveLength(0);
    const sts = docOf(docs, 'StatefulSet', 'my-cluster-prometheus');
    expect(sts.spec.volumeClaimTemplates[0].spec.resources.requests.storage).toBe('50Gi');
    const config = docOf(docs, 'ConfigMap', 'my-cluster-prometheus').data;
    expect(parse(config['prometheus.yml']).rule_files).toEqual(['/etc/prometheus/kafka-alerts.yml']);
    const alerts = parse(config['kafka-alerts.yml']).groups.flatMap((g: any) => g.rules.map((r: any) => r.alert));
    expect(alerts).toContain('KafkaConsumerGroupLagHigh');
    expect(parse(config['prometheus.yml']).scrape_configs.map((j: any) => j.job_name)).toContain('kubelet');
  });

  test('the Kafka Exporter and dashboards can be turned off', () => {
    const chart = newChart();
    const cluster = newCluster(chart);
    new PrometheusMonitoring(chart, 'Monitoring', { cluster, enableKafkaExporter: false, enableDashboards: false });
    const docs = synth(chart);
    expect(docOf(docs, 'Kafka', 'my-cluster').spec.kafkaExporter).toBeUndefined();
    expect(docsOf(docs, 'PodMonitor').map((p) => p.metadata.name)).not.toContain('my-cluster-kafka-exporter');
    expect(docsOf(docs, 'ConfigMap').map((c) => c.metadata.name)).toEqual(['my-cluster-kafka-metrics']);
    const alerts = docOf(docs, 'PrometheusRule').spec.groups.flatMap((g: any) => g.rules.map((r: any) => r.alert));
    expect(alerts).not.toContain('KafkaConsumerGroupLagHigh');
  });

  test('snapshot of the default Prometheus Operator mode', () => {
    const chart = newChart();
    const cluster = newCluster(chart);
    new PrometheusMonitoring(chart, 'Monitoring', { cluster, monitoringNamespace: 'monitoring', prometheusSelectorLabels: { release: 'prom' } });
    const docs = synth(chart);
    expect(kinds(docs)).toEqual([
      'ConfigMap/my-cluster-kafka-dashboard', 'ConfigMap/my-cluster-kafka-exporter-dashboard', 'ConfigMap/my-cluster-kafka-metrics',
      'Kafka/my-cluster', 'KafkaNodePool/brokers-a', 'KafkaNodePool/ctrl',
      'PodMonitor/my-cluster-entity-operator', 'PodMonitor/my-cluster-kafka', 'PodMonitor/my-cluster-kafka-exporter', 'PodMonitor/my-cluster-strimzi-cluster-operator',
      'PrometheusRule/my-cluster-kafka-alerts',
    ]);
    // The dashboards and exporter rules are large and covered by their own tests: keep the snapshot to what this construct wires.
    expect(docs.filter((d) => d.kind !== 'ConfigMap').map((d) => (d.kind === 'PrometheusRule'
      ? { ...d, spec: { groups: d.spec.groups.map((g: any) => ({ name: g.name, alerts: g.rules.map((r: any) => r.alert) })) } }
      : d))).toMatchSnapshot();
  });

  describe('NEGATIVE', () => {
    test('options of the other mode fail, all reported together', () => {
      const chart = newChart();
      const cluster = newCluster(chart);
      new PrometheusMonitoring(chart, 'Monitoring', {
        cluster,
        mode: MonitoringMode.STANDALONE,
        podMonitors: { namespaceSelector: MonitoredNamespaces.any() },
        alerts: { prometheusRule: true },
      });
      expect(validationErrors(chart)).toEqual([
        expect.stringContaining('KAF-MON-022 monitoring of cluster "my-cluster": podMonitors options are set in standalone mode, where no Prometheus Operator reads PodMonitors'),
        expect.stringContaining('KAF-MON-022 monitoring of cluster "my-cluster": alerts.prometheusRule is true in standalone mode'),
      ]);
    });

    test('standalone Prometheus options in Prometheus Operator mode fail', () => {
      const chart = newChart();
      new PrometheusMonitoring(chart, 'Monitoring', { cluster: newCluster(chart), prometheus: { storageSize: Size.gibibytes(5) } });
      expect(validationErrors(chart)).toEqual([
        expect.stringContaining('KAF-MON-022 monitoring of cluster "my-cluster": prometheus options are set in Prometheus Operator mode, where no standalone Prometheus is created; drop prometheus or use MonitoringMode.STANDALONE'),
      ]);
    });

    test('options of a part that is turned off fail', () => {
      const chart = newChart();
      new PrometheusMonitoring(chart, 'Monitoring', {
        cluster: newCluster(chart), enableKafkaExporter: false, kafkaExporter: { groupRegex: 'a' }, enableDashboards: false, dashboards: { namespace: 'grafana' },
      });
      expect(validationErrors(chart)).toEqual([
        expect.stringContaining('KAF-MON-023 monitoring of cluster "my-cluster": kafkaExporter options are set but enableKafkaExporter is false'),
        expect.stringContaining('KAF-MON-023 monitoring of cluster "my-cluster": dashboards options are set but enableDashboards is false'),
      ]);
    });

    test('the rules of the parts still apply (thresholds out of range)', () => {
      const chart = newChart();
      new PrometheusMonitoring(chart, 'Monitoring', { cluster: newCluster(chart), alerts: { diskUsage: { threshold: 120 } } });
      expect(validationErrors(chart)).toEqual([expect.stringContaining('diskUsage threshold 120 is not a percentage between 0 and 100')]);
    });
  });
});
