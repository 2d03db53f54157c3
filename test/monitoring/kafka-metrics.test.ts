import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as YAML from 'yaml';
import { newCluster } from './fixtures';
import { JmxAuthentication, KafkaCluster, KafkaMetrics, Listener, MetricsConfig, NodeRole } from '../../src';
import { docOf, docsOf, newChart, synth, validationErrors, warningsOf } from '../util';

describe('KafkaMetrics', () => {
  test('defaults to the JMX exporter with a generated ConfigMap next to the cluster', () => {
    // GIVEN
    const chart = newChart();
    const cluster = newCluster(chart);
    // WHEN
    new KafkaMetrics(chart, 'Metrics', { cluster });
    const docs = synth(chart);
    // THEN
    const kafka = docOf(docs, 'Kafka');
    expect(kafka.spec.kafka.metricsConfig).toEqual({
      type: 'jmxPrometheusExporter',
      valueFrom: { configMapKeyRef: { name: 'my-cluster-kafka-metrics', key: 'metrics-config.yml' } },
    });
    expect(kafka.spec.kafkaExporter).toBeUndefined();
    const cm = docOf(docs, 'ConfigMap', 'my-cluster-kafka-metrics');
    expect(cm.metadata.namespace).toBe('kafka');
    const config = YAML.parse(cm.data['metrics-config.yml']);
    expect(config.lowercaseOutputName).toBe(true);
    expect(config.rules.length).toBeGreaterThan(10);
    // the exporter rejects rules with null fields (e.g. `labels: null`)
    for (const rule of config.rules) {
      expect(Object.values(rule).filter((v) => v === null || v === undefined)).toEqual([]);
      expect(['GAUGE', 'COUNTER']).toContain(rule.type);
    }
  });

  test('the Strimzi Metrics Reporter needs no ConfigMap and passes the allow list', () => {
    const chart = newChart();
    const cluster = newCluster(chart);
    new KafkaMetrics(chart, 'Metrics', {
      cluster,
      metrics: MetricsConfig.strimziMetricsReporter({ allowList: ['kafka_server_replicamanager.*', 'kafka_controller_kafkacontroller.*'] }),
    });
    const docs = synth(chart);
    expect(docOf(docs, 'Kafka').spec.kafka.metricsConfig).toEqual({
      type: 'strimziMetricsReporter',
      values: { allowList: ['kafka_server_replicamanager.*', 'kafka_controller_kafkacontroller.*'] },
    });
    expect(docs.filter((d) => d.kind === 'ConfigMap')).toHaveLength(0);
  });

  test('the Kafka Exporter renders its filters and resources, and the optional Service selects the exporter pod on 9404', () => {
    const chart = newChart();
    const cluster = newCluster(chart);
    new KafkaMetrics(chart, 'Metrics', {
      cluster,
      kafkaExporter: {
        topicRegex: 'orders-.*',
        groupRegex: '.*',
        groupExcludeRegex: 'console-consumer-.*',
        showAllOffsets: false,
        resources: {
          cpu: { request: kplus.Cpu.millis(100), limit: kplus.Cpu.millis(500) },
          memory: { request: Size.mebibytes(128), limit: Size.mebibytes(256) },
        },
        service: true,
      },
    });
    const docs = synth(chart);
    expect(docOf(docs, 'Kafka').spec.kafkaExporter).toEqual({
      topicRegex: 'orders-.*',
      groupRegex: '.*',
      groupExcludeRegex: 'console-consumer-.*',
      showAllOffsets: false,
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
    });
    const svc = docOf(docs, 'Service', 'my-cluster-kafka-exporter');
    expect(svc.metadata.namespace).toBe('kafka');
    expect(svc.spec.ports).toEqual([{ name: 'tcp-prometheus', port: 9404, targetPort: 9404 }]);
    // the labels Strimzi puts on the exporter pod
    expect(svc.spec.selector).toEqual({
      'strimzi.io/cluster': 'my-cluster',
      'strimzi.io/kind': 'Kafka',
      'strimzi.io/name': 'my-cluster-kafka-exporter',
    });
  });

  test('JMX with password authentication renders jmxOptions without a warning', () => {
    const chart = newChart();
    const cluster = newCluster(chart);
    new KafkaMetrics(chart, 'Metrics', { cluster, jmx: {} });
    const docs = synth(chart);
    expect(docOf(docs, 'Kafka').spec.kafka.jmxOptions).toEqual({ authentication: { type: 'password' } });
    expect(warningsOf(chart)).toEqual([]);
  });

  test('JMX without authentication renders empty jmxOptions and warns', () => {
    const chart = newChart();
    const cluster = newCluster(chart);
    new KafkaMetrics(chart, 'Metrics', { cluster, jmx: { authentication: JmxAuthentication.none() } });
    const docs = synth(chart);
    expect(docOf(docs, 'Kafka').spec.kafka.jmxOptions).toEqual({});
    const warnings = warningsOf(chart);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^\[test\/Metrics\] KAF-MON-011 JMX on port 9999 of every Kafka node has no authentication/);
    expect(warnings[0]).toContain('use JmxAuthentication.password()');
  });

  describe('JMX NodePort Services per broker (seed S5)', () => {
    const jmxCluster = (chart: any) => {
      const cluster = new KafkaCluster(chart, 'Cluster', { name: 'my-cluster', listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
      cluster.addNodePool('Brokers', { name: 'pool-b', roles: [NodeRole.BROKER], replicas: 3, nodeIds: [10, 11, 12] });
      cluster.addNodePool('Controllers', { name: 'ctrl', roles: [NodeRole.CONTROLLER], replicas: 3, nodeIds: [0, 1, 2] });
      return cluster;
    };

    test('one NodePort Service per broker pod, selecting it by strimzi.io/pod-name; warns that JMX crosses the network without TLS', () => {
      // GIVEN a broker pool with known node IDs (and a controller pool, which gets none)
      const chart = newChart();
      // WHEN JMX is exposed through NodePorts with password authentication
      new KafkaMetrics(chart, 'Metrics', { cluster: jmxCluster(chart), jmx: { nodePortServices: true } });
      const docs = synth(chart);
      // THEN
      const svcs = docsOf(docs, 'Service');
      expect(svcs.map((s) => s.metadata.name)).toEqual(['my-cluster-pool-b-10-jmx', 'my-cluster-pool-b-11-jmx', 'my-cluster-pool-b-12-jmx']);
      expect(svcs[0].spec.type).toBe('NodePort');
      expect(svcs[0].spec.ports).toEqual([{ name: 'jmx', port: 9999, targetPort: 9999 }]);
      expect(svcs[0].spec.selector).toEqual({
        'strimzi.io/cluster': 'my-cluster', 'strimzi.io/kind': 'Kafka', 'strimzi.io/name': 'my-cluster-kafka', 'strimzi.io/pod-name': 'my-cluster-pool-b-10',
      });
      const warnings = warningsOf(chart);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('reachable from outside the Kubernetes cluster through NodePort Services; JMX has no TLS');
      expect(warnings[0]).toContain('Secret "my-cluster-kafka-jmx"');
    });

    test('without authentication the warning says anyone can invoke MBeans', () => {
      const chart = newChart();
      new KafkaMetrics(chart, 'Metrics', { cluster: jmxCluster(chart), jmx: { nodePortServices: true, authentication: JmxAuthentication.none() } });
      synth(chart);
      const warnings = warningsOf(chart);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('through NodePort Services without authentication: anyone who reaches a node can read and invoke MBeans');
    });

    test('NEGATIVE: a broker pool without nodeIds fails', () => {
      const chart = newChart();
      const cluster = newCluster(chart); // pool brokers-a without nodeIds
      new KafkaMetrics(chart, 'Metrics', { cluster, jmx: { nodePortServices: true } });
      cluster.addNodePool('Late', { name: 'late', roles: [NodeRole.BROKER], replicas: 1, nodeIds: [7] });
      expect(validationErrors(chart)).toEqual([
        expect.stringContaining('cluster "my-cluster" JMX: broker node pool "brokers-a" sets no nodeIds, so its pod names (and the JMX NodePort Service of each pod) are not known at synth time; set nodeIds on the pool (at least 3), or drop jmx.nodePortServices'),
      ]);
    });

    test('a broker pool added after KafkaMetrics gets its JMX NodePort Services too (construction order does not matter)', () => {
      const chart = newChart();
      const cluster = new KafkaCluster(chart, 'Cluster', { name: 'my-cluster', namespace: 'kafka', listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
      const metrics = new KafkaMetrics(chart, 'Metrics', { cluster, jmx: { nodePortServices: true } });
      cluster.addNodePool('Ctrl', { name: 'ctrl', roles: [NodeRole.CONTROLLER], replicas: 3 });
      cluster.addNodePool('Late', { name: 'late', roles: [NodeRole.BROKER], replicas: 2, nodeIds: [7, 8] });
      const docs = synth(chart);
      expect(docs.filter((d) => d.kind === 'Service').map((d) => d.metadata.name)).toEqual(['my-cluster-late-7-jmx', 'my-cluster-late-8-jmx']);
      expect(metrics.jmxServices.map((s) => s.name)).toEqual(['my-cluster-late-7-jmx', 'my-cluster-late-8-jmx']);
    });
  });

  describe('bring your own exporter ConfigMap', () => {
    test('a ConfigMap defined in the app with the key is accepted', () => {
      const chart = newChart();
      const cluster = newCluster(chart);
      new kplus.ConfigMap(chart, 'Own', { metadata: { name: 'kafka-metrics', namespace: 'kafka' }, data: { 'kafka-metrics-config.yml': 'rules: []' } });
      new KafkaMetrics(chart, 'Metrics', {
        cluster,
        metrics: MetricsConfig.jmxPrometheusExporterFromConfigMap({ configMapName: 'kafka-metrics', key: 'kafka-metrics-config.yml' }),
      });
      const docs = synth(chart);
      expect(docOf(docs, 'Kafka').spec.kafka.metricsConfig.valueFrom.configMapKeyRef).toEqual({ name: 'kafka-metrics', key: 'kafka-metrics-config.yml' });
    });

    test('a ConfigMap managed elsewhere is accepted when declared so', () => {
      const chart = newChart();
      const cluster = newCluster(chart);
      new KafkaMetrics(chart, 'Metrics', {
        cluster,
        metrics: MetricsConfig.jmxPrometheusExporterFromConfigMap({ configMapName: 'kafka-metrics', key: 'k', createdOutsideApp: true }),
      });
      expect(() => synth(chart)).not.toThrow();
    });

    test('NEGATIVE: a referenced ConfigMap that the app does not create fails', () => {
      const chart = newChart();
      const cluster = newCluster(chart);
      // same name in another namespace does not count
      new kplus.ConfigMap(chart, 'Elsewhere', { metadata: { name: 'kafka-metrics', namespace: 'other' }, data: { k: 'x' } });
      new KafkaMetrics(chart, 'Metrics', {
        cluster,
        metrics: MetricsConfig.jmxPrometheusExporterFromConfigMap({ configMapName: 'kafka-metrics', key: 'k' }),
      });
      expect(validationErrors(chart)).toEqual([
        '[test/Metrics] KAF-MON-019 cluster "my-cluster" metrics: metrics ConfigMap "kafka-metrics" (key "k") is referenced but no ConfigMap of that name is defined in namespace "kafka" in this app, so Strimzi cannot reconcile the Kafka pods; define the ConfigMap in the app, use MetricsConfig.jmxPrometheusExporter() to generate one, or set createdOutsideApp: true if it is managed elsewhere',
      ]);
    });

    test('NEGATIVE: a referenced key missing from the ConfigMap fails', () => {
      const chart = newChart();
      const cluster = newCluster(chart);
      new kplus.ConfigMap(chart, 'Own', { metadata: { name: 'kafka-metrics', namespace: 'kafka' }, data: { 'other.yml': 'rules: []' } });
      new KafkaMetrics(chart, 'Metrics', {
        cluster,
        metrics: MetricsConfig.jmxPrometheusExporterFromConfigMap({ configMapName: 'kafka-metrics', key: 'kafka-metrics-config.yml' }),
      });
      expect(validationErrors(chart)).toEqual([
        '[test/Metrics] KAF-MON-020 cluster "my-cluster" metrics: metrics ConfigMap "kafka-metrics" has no key "kafka-metrics-config.yml" (keys: other.yml); reference one of its keys or add the exporter configuration under that key',
      ]);
    });
  });

  test('NEGATIVE: the Strimzi Metrics Reporter is rejected for Cruise Control', () => {
    const chart = newChart();
    const cluster = newCluster(chart, 'my-cluster', 'kafka', { cruiseControl: {} });
    new KafkaMetrics(chart, 'Metrics', { cluster, cruiseControlMetrics: MetricsConfig.strimziMetricsReporter() });
    expect(validationErrors(chart)).toEqual([
      '[test/Metrics] KAF-MON-016 cluster "my-cluster" Cruise Control metrics: Cruise Control does not support metrics type "strimziMetricsReporter" (Strimzi 1.2.0 accepts only "jmxPrometheusExporter" there); use MetricsConfig.jmxPrometheusExporter() for it',
    ]);
  });

  test('Cruise Control gets its own generated exporter ConfigMap', () => {
    const chart = newChart();
    const cluster = newCluster(chart, 'my-cluster', 'kafka', { cruiseControl: {} });
    new KafkaMetrics(chart, 'Metrics', { cluster, cruiseControlMetrics: MetricsConfig.jmxPrometheusExporter() });
    const docs = synth(chart);
    expect(docOf(docs, 'Kafka').spec.cruiseControl.metricsConfig.valueFrom.configMapKeyRef).toEqual({ name: 'my-cluster-cruise-control-metrics', key: 'metrics-config.yml' });
    expect(docOf(docs, 'ConfigMap', 'my-cluster-cruise-control-metrics')).toBeDefined();
  });

  test('NEGATIVE: Cruise Control metrics on a cluster without Cruise Control fail', () => {
    const chart = newChart();
    const cluster = newCluster(chart);
    new KafkaMetrics(chart, 'Metrics', { cluster, cruiseControlMetrics: MetricsConfig.jmxPrometheusExporter() });
    expect(validationErrors(chart)).toEqual([
      '[test/Metrics] KAF-MON-014 cluster "my-cluster" Cruise Control metrics: Cruise Control metrics are configured but the cluster does not run Cruise Control (no spec.cruiseControl); enable Cruise Control on the cluster or drop cruiseControlMetrics',
    ]);
  });

  test('NEGATIVE: an empty or invalid reporter allow list and an invalid exporter regex fail together', () => {
    const chart = newChart();
    const cluster = newCluster(chart);
    new KafkaMetrics(chart, 'Metrics', {
      cluster,
      metrics: MetricsConfig.strimziMetricsReporter({ allowList: ['kafka_(server'] }),
      kafkaExporter: { topicRegex: '[a-' },
    });
    expect(validationErrors(chart)).toEqual([
      '[test/Metrics] KAF-MON-018 cluster "my-cluster" metrics: allow list entry "kafka_(server" is not a valid Java regular expression (Unterminated group); fix or remove the entry',
      '[test/Metrics] KAF-MON-015 cluster "my-cluster" Kafka Exporter: topicRegex "[a-" is not a valid Go (RE2) regular expression, which the Kafka Exporter needs; fix the expression (RE2 has no lookaround or backreferences)',
    ]);
    const chart2 = newChart();
    new KafkaMetrics(chart2, 'Metrics', { cluster: newCluster(chart2), metrics: MetricsConfig.strimziMetricsReporter({ allowList: [] }) });
    expect(validationErrors(chart2)).toEqual([
      '[test/Metrics] KAF-MON-017 cluster "my-cluster" metrics: the Strimzi Metrics Reporter allow list is empty (it must contain at least one regular expression); omit allowList to use the operator defaults, or list the metrics to keep',
    ]);
  });
});
