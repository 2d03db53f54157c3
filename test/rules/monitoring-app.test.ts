/*
 * Rules of the monitoring constructs (KAF-MON) and app-wide rules (KAF-APP), and the
 * Kubernetes-value (KAF-K8S) and operator (KAF-OPS) rules that had a single test:
 * each with a setup that breaks it and the closest valid setup.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import {
  AclResource,
  CrossNamespaceCredentials,
  FluxChartSourceType,
  JmxAuthentication,
  KafkaAlerts,
  KafkaAlertsOptions,
  KafkaAuthorization,
  KafkaCluster,
  KafkaClusterProps,
  KafkaDashboards,
  KafkaMetrics,
  KafkaMetricsProps,
  KafkaPodMonitors,
  KedaConsumerScaler,
  KedaOperator,
  Listener,
  ListenerAuthentication,
  MetricsConfig,
  MonitoredNamespaces,
  MonitoringMode,
  NodeRole,
  OperatorDelivery,
  OperatorLogLevel,
  PrometheusMonitoring,
  PrometheusMonitoringProps,
  StrimziOperator,
  TolerationOperator,
  Warnings,
  WatchedNamespaces,
} from '../../src';
import { ruleCase } from '../rule-cases';
import { newChart } from '../util';

// the failing setups warn on purpose; the report is read from the JSON file where it matters
process.env.CDK8S_KAFKA_SILENCE_WARNINGS = '1';

/** `my-cluster` in `kafka`: brokers `brokers-a` (3, node IDs `brokerIds` if given) and controllers `ctrl` (3). */
function cluster(chart: Chart, props: Partial<KafkaClusterProps> = {}, brokerIds?: number[], name = 'my-cluster'): KafkaCluster {
  const c = new KafkaCluster(chart, 'Cluster', { name, namespace: 'kafka', listeners: [Listener.internal({ name: 'tls', port: 9093 })], ...props });
  c.addNodePool('Brokers', { name: 'brokers-a', roles: [NodeRole.BROKER], replicas: 3, nodeIds: brokerIds });
  c.addNodePool('Controllers', { name: 'ctrl', roles: [NodeRole.CONTROLLER], replicas: 3, nodeIds: [10, 11, 12] });
  return c;
}

/** KafkaMetrics `Metrics` on `my-cluster` with `props`. */
function metrics(props: Partial<KafkaMetricsProps> = {}, clusterProps: Partial<KafkaClusterProps> = {}, brokerIds?: number[]): KafkaMetrics {
  const chart = newChart();
  return new KafkaMetrics(chart, 'Metrics', { cluster: cluster(chart, clusterProps, brokerIds), ...props });
}

/** KafkaAlerts with `options`, on metrics with the Kafka Exporter unless `exporter` is false. */
function alerts(options: KafkaAlertsOptions, exporter = true): KafkaAlerts {
  const m = metrics(exporter ? { kafkaExporter: {} } : {});
  return new KafkaAlerts(m.node.scope as Chart, 'Alerts', { metrics: m, ...options });
}

/** PrometheusMonitoring of `my-cluster` with `props`. */
function monitoring(props: Partial<PrometheusMonitoringProps>): PrometheusMonitoring {
  const chart = newChart();
  return new PrometheusMonitoring(chart, 'Monitoring', { cluster: cluster(chart), ...props });
}

/** A cluster chart whose metrics reference the exporter ConfigMap `own`/`key`, beside a ConfigMap `own` in `namespace` with `keys`. */
function ownConfigMap(namespace: string, keys: string[]): KafkaMetrics {
  const chart = newChart();
  const c = cluster(chart);
  new kplus.ConfigMap(chart, 'Own', { metadata: { name: 'own', namespace }, data: Object.fromEntries(keys.map((k) => [k, 'rules: []'])) });
  return new KafkaMetrics(chart, 'Metrics', { cluster: c, metrics: MetricsConfig.jmxPrometheusExporterFromConfigMap({ configMapName: 'own', key: 'key' }) });
}

/** A cluster with JMX without authentication (KAF-MON-011), and an acknowledgement of `ruleId` with `reason` on `ackOn`. */
function acknowledged(ruleId: string, reason: string, ackOn: 'metrics' | 'chart' = 'metrics'): Chart {
  const m = metrics({ jmx: { authentication: JmxAuthentication.none() } });
  const chart = m.node.scope as Chart;
  Warnings.acknowledge(ackOn === 'metrics' ? m : chart, ruleId, reason);
  return chart;
}

describe('alerts (KAF-MON)', () => {
  ruleCase('KAF-MON-003', 'alerts on your own exporter ConfigMap may query names it does not produce', {
    failing: () => {
      const m = ownConfigMap('kafka', ['key']);
      return new KafkaAlerts(m.node.scope as Chart, 'Alerts', { metrics: m });
    },
    edgeValid: () => {
      const m = metrics({ metrics: MetricsConfig.jmxPrometheusExporter() });
      return new KafkaAlerts(m.node.scope as Chart, 'Alerts', { metrics: m });
    },
    message: 'your own exporter ConfigMap',
  });

  ruleCase('KAF-MON-004', 'the diskUsage threshold is a percentage strictly between 0 and 100', {
    failing: () => alerts({ diskUsage: { threshold: 100 } }),
    edgeValid: () => alerts({ diskUsage: { threshold: 99.9 } }),
    message: 'diskUsage threshold 100',
  });

  ruleCase('KAF-MON-005', 'idle thresholds are ratios strictly between 0 and 1', {
    failing: () => alerts({ requestHandlerIdle: { threshold: 1 }, networkProcessorIdle: { threshold: 0 } }),
    edgeValid: () => alerts({ requestHandlerIdle: { threshold: 0.99 }, networkProcessorIdle: { threshold: 0.01 } }),
    message: 'networkProcessorIdle threshold 0',
  });

  ruleCase('KAF-MON-006', 'consumer-group lag thresholds are 0 or more', {
    failing: () => alerts({ consumerGroupLag: { groupThresholds: { payments: -1 } } }),
    edgeValid: () => alerts({ consumerGroupLag: { threshold: 0, groupThresholds: { payments: 0 } } }),
    message: 'threshold -1 of group "payments"',
  });

  ruleCase('KAF-MON-007', 'the consumer-group lag alert needs the Kafka Exporter', {
    failing: () => alerts({ consumerGroupLag: { threshold: 100 } }, false),
    edgeValid: () => alerts({ consumerGroupLag: { enabled: false, threshold: 100 } }, false),
  });

  ruleCase('KAF-MON-008', 'the certificate expiry window is a positive duration', {
    failing: () => alerts({ certificateExpiry: { within: Duration.seconds(0) } }),
    edgeValid: () => alerts({ certificateExpiry: { within: Duration.seconds(1) } }),
    message: 'within 0s',
  });
});

describe('JMX, Cruise Control and Kafka Exporter metrics (KAF-MON)', () => {
  ruleCase('KAF-MON-009', 'password-protected JMX through NodePort Services crosses the network in clear text', {
    failing: () => metrics({ jmx: { nodePortServices: true } }, {}, [0, 1, 2]),
    edgeValid: () => metrics({ jmx: {} }, {}, [0, 1, 2]),
    message: 'clear text',
  });

  ruleCase('KAF-MON-010', 'JMX without authentication through NodePort Services', {
    failing: () => metrics({ jmx: { nodePortServices: true, authentication: JmxAuthentication.none() } }, {}, [0, 1, 2]),
    edgeValid: () => metrics({ jmx: { nodePortServices: true, authentication: JmxAuthentication.password() } }, {}, [0, 1, 2]),
    message: 'without authentication',
  });

  ruleCase('KAF-MON-011', 'JMX without authentication inside the cluster', {
    failing: () => metrics({ jmx: { authentication: JmxAuthentication.none() } }),
    edgeValid: () => metrics({ jmx: { authentication: JmxAuthentication.password() } }),
    message: 'has no authentication',
  });

  ruleCase('KAF-MON-012', 'JMX NodePort Services need the node IDs of every broker pod', {
    failing: () => metrics({ jmx: { nodePortServices: true } }, {}, [0, 1]),
    edgeValid: () => metrics({ jmx: { nodePortServices: true } }, {}, [0, 1, 2]),
    message: 'broker node pool "brokers-a" sets no nodeIds',
  });

  // `<cluster>-brokers-a-0-jmx` is 16 characters longer than the cluster name: 48 + 16 = 64, 47 + 16 = 63
  ruleCase('KAF-MON-013', 'a JMX NodePort Service name is at most 63 characters', {
    failing: () => {
      const chart = newChart();
      return new KafkaMetrics(chart, 'Metrics', { cluster: cluster(chart, {}, [0, 1, 2], 'c'.repeat(48)), jmx: { nodePortServices: true } });
    },
    edgeValid: () => {
      const chart = newChart();
      return new KafkaMetrics(chart, 'Metrics', { cluster: cluster(chart, {}, [0, 1, 2], 'c'.repeat(47)), jmx: { nodePortServices: true } });
    },
    message: 'is longer than 63 characters',
  });

  ruleCase('KAF-MON-014', 'Cruise Control metrics need Cruise Control', {
    failing: () => metrics({ cruiseControlMetrics: MetricsConfig.jmxPrometheusExporter() }),
    edgeValid: () => metrics({ cruiseControlMetrics: MetricsConfig.jmxPrometheusExporter() }, { cruiseControl: {} }),
  });

  ruleCase('KAF-MON-015', 'Kafka Exporter filters are regular expressions', {
    failing: () => metrics({ kafkaExporter: { topicRegex: 'orders', groupExcludeRegex: '[a-' } }),
    edgeValid: () => metrics({ kafkaExporter: { topicRegex: 'orders', groupExcludeRegex: '[a-]' } }),
    message: 'groupExcludeRegex "[a-"',
  });

  ruleCase('KAF-MON-015', 'the Kafka Exporter reads Go (RE2) expressions: flags are fine, lookaround is not', {
    failing: () => metrics({ kafkaExporter: { topicRegex: 'orders(?!-internal)' } }),
    edgeValid: () => metrics({ kafkaExporter: { topicRegex: '(?i)orders', groupRegex: '(?i:orders)-.*' } }),
    message: 'Go (RE2)',
  });
});

describe('metrics configuration (KAF-MON)', () => {
  ruleCase('KAF-MON-016', 'Cruise Control takes only the JMX exporter', {
    failing: () => metrics({ cruiseControlMetrics: MetricsConfig.strimziMetricsReporter() }, { cruiseControl: {} }),
    // the reporter where it is accepted (the brokers), the exporter for Cruise Control
    edgeValid: () => metrics(
      { metrics: MetricsConfig.strimziMetricsReporter(), cruiseControlMetrics: MetricsConfig.jmxPrometheusExporter() }, { cruiseControl: {} }),
  });

  ruleCase('KAF-MON-017', 'a Strimzi Metrics Reporter allow list has at least one entry', {
    failing: () => metrics({ metrics: MetricsConfig.strimziMetricsReporter({ allowList: [] }) }),
    edgeValid: () => metrics({ metrics: MetricsConfig.strimziMetricsReporter({ allowList: ['kafka_server_.*'] }) }),
  });

  ruleCase('KAF-MON-018', 'allow list entries are regular expressions', {
    failing: () => metrics({ metrics: MetricsConfig.strimziMetricsReporter({ allowList: ['kafka_server_.*', 'kafka_(network'] }) }),
    edgeValid: () => metrics({ metrics: MetricsConfig.strimziMetricsReporter({ allowList: ['kafka_server_.*', 'kafka_(network)'] }) }),
    message: '"kafka_(network"',
  });

  ruleCase('KAF-MON-018', 'the reporter reads Java expressions: inline flags and possessive quantifiers are fine', {
    failing: () => metrics({ metrics: MetricsConfig.strimziMetricsReporter({ allowList: ['kafka_server_[a-'] }) }),
    edgeValid: () => metrics({ metrics: MetricsConfig.strimziMetricsReporter({ allowList: ['(?i)kafka_server_.*', 'kafka_network_.*+'] }) }),
    message: 'Java regular expression',
  });

  ruleCase('KAF-MON-019', 'a referenced exporter ConfigMap is defined in the cluster namespace', {
    failing: () => ownConfigMap('monitoring', ['key']),
    edgeValid: () => ownConfigMap('kafka', ['key']),
    message: 'no ConfigMap of that name is defined in namespace "kafka"',
  });

  ruleCase('KAF-MON-020', 'a referenced exporter ConfigMap has the referenced key', {
    failing: () => ownConfigMap('kafka', ['other']),
    edgeValid: () => ownConfigMap('kafka', ['other', 'key']),
    message: 'has no key "key" (keys: other)',
  });
});

describe('scraping and the monitoring bundle (KAF-MON)', () => {
  const podMonitors = (namespaces: string[]) => {
    const m = metrics();
    return new KafkaPodMonitors(m.node.scope as Chart, 'Scrape', { metrics: m, namespace: 'monitoring', namespaceSelector: MonitoredNamespaces.names(...namespaces) });
  };
  ruleCase('KAF-MON-021', 'the PodMonitors\' namespace selector includes the cluster namespace', {
    failing: () => podMonitors(['monitoring']),
    edgeValid: () => podMonitors(['monitoring', 'kafka']),
    message: 'does not include the cluster\'s namespace "kafka"',
  });

  ruleCase('KAF-MON-022', 'no options of the monitoring mode not chosen', {
    failing: () => monitoring({ mode: MonitoringMode.STANDALONE, alerts: { prometheusRule: true } }),
    edgeValid: () => monitoring({ mode: MonitoringMode.STANDALONE, alerts: { prometheusRule: false }, prometheus: { retention: Duration.days(7) } }),
    message: 'alerts.prometheusRule is true in standalone mode',
  });

  ruleCase('KAF-MON-023', 'no options of a part that is turned off', {
    failing: () => monitoring({ enableDashboards: false, dashboards: { namespace: 'grafana' } }),
    edgeValid: () => monitoring({ enableDashboards: true, dashboards: { namespace: 'grafana' }, enableKafkaExporter: false }),
    message: 'dashboards options are set but enableDashboards is false',
  });
});

describe('acknowledgements (KAF-APP)', () => {
  ruleCase('KAF-APP-008', 'an acknowledgement names a rule ID', {
    failing: () => acknowledged('KAF-MON-11', 'JMX is reachable from the monitoring namespace only'),
    edgeValid: () => acknowledged('KAF-MON-011', 'JMX is reachable from the monitoring namespace only'),
    message: '"KAF-MON-11": not a rule ID',
  });

  ruleCase('KAF-APP-009', 'an acknowledgement gives a reason', {
    failing: () => acknowledged('KAF-MON-011', ' \t'),
    edgeValid: () => acknowledged('KAF-MON-011', 'x'),
    message: 'the reason is empty',
  });

  // Reported in the synth report (stderr and CDK8S_KAFKA_WARNINGS_FILE) only, not by Warnings.collect().
  function reportedWarnings(chart: Chart): string[] {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ack-')), 'report.json');
    const silenced = process.env.CDK8S_KAFKA_SILENCE_WARNINGS;
    process.env.CDK8S_KAFKA_SILENCE_WARNINGS = '1';
    process.env.CDK8S_KAFKA_WARNINGS_FILE = file;
    try {
      Testing.synth(chart);
    } finally {
      delete process.env.CDK8S_KAFKA_WARNINGS_FILE;
      if (silenced === undefined) delete process.env.CDK8S_KAFKA_SILENCE_WARNINGS;
      else process.env.CDK8S_KAFKA_SILENCE_WARNINGS = silenced;
    }
    return JSON.parse(fs.readFileSync(file, 'utf-8')).warnings;
  }

  test('KAF-APP-010: an acknowledgement that matches no warning below it is reported', () => {
    // the JMX warning is on test/Metrics; acknowledged on a sibling, it matches nothing
    const chart = acknowledged('KAF-MON-011', 'JMX is firewalled', 'chart');
    const sibling = new Construct(chart, 'sibling');
    Warnings.acknowledge(sibling, 'KAF-MON-011', 'JMX is firewalled');
    expect(reportedWarnings(chart).filter((w) => w.includes('KAF-APP-010'))).toEqual([
      '[test/sibling] KAF-APP-010 acknowledgement of KAF-MON-011 matches no warning; remove it',
    ]);
  });

  test('KAF-APP-010 edge: the same acknowledgement on the construct that warns (or above it) is used', () => {
    const chart = acknowledged('KAF-MON-011', 'JMX is firewalled', 'chart');
    const warnings = reportedWarnings(chart);
    expect(warnings.filter((w) => w.includes('KAF-APP-010'))).toEqual([]);
    expect(warnings.filter((w) => w.includes('KAF-MON-011'))).toEqual([]);
  });
});

describe('Kubernetes values (KAF-K8S)', () => {
  ruleCase('KAF-K8S-002', 'a label key has a name part of at most 63 characters', {
    failing: () => {
      const m = metrics();
      return new KafkaPodMonitors(m.node.scope as Chart, 'Scrape', { metrics: m, labels: { [`example.com/${'n'.repeat(64)}`]: 'x' } });
    },
    edgeValid: () => {
      const m = metrics();
      return new KafkaPodMonitors(m.node.scope as Chart, 'Scrape', { metrics: m, labels: { [`example.com/${'n'.repeat(63)}`]: 'x' } });
    },
    message: 'has a name part of 64 characters',
  });

  // key `example.com/big` is 15 bytes; the API server allows 262144 bytes of keys and values
  const dashboards = (bytes: number) => {
    const m = metrics();
    return new KafkaDashboards(m.node.scope as Chart, 'Dashboards', { metrics: m, annotations: { 'example.com/big': 'x'.repeat(bytes - 15) } });
  };
  ruleCase('KAF-K8S-004', 'the annotations of an object take at most 256 KiB', {
    failing: () => dashboards(256 * 1024 + 1),
    edgeValid: () => dashboards(256 * 1024),
    message: 'take 262145 bytes',
  });

  const pool = (podTemplate: any, containerTemplate: any) => {
    const chart = newChart();
    const c = cluster(chart);
    c.addNodePool('Extra', { name: 'extra', roles: [NodeRole.BROKER], replicas: 1, podTemplate, containerTemplate });
    return c;
  };
  ruleCase('KAF-K8S-006', 'an environment variable name does not start with a digit', {
    failing: () => pool(undefined, { env: { '1_SETTING': 'x' } }),
    edgeValid: () => pool(undefined, { env: { _1_SETTING: 'x' } }),
    message: '"1_SETTING"',
  });

  ruleCase('KAF-K8S-009', 'a toleration with operator Exists has no value', {
    failing: () => pool({ tolerations: [{ key: 'spot', operator: TolerationOperator.EXISTS, value: 'true' }] }, undefined),
    edgeValid: () => pool({ tolerations: [{ key: 'spot', operator: TolerationOperator.EXISTS, value: '' }] }, undefined),
  });
});

describe('grants (KAF-APP) and operators (KAF-OPS)', () => {
  const user = () => {
    const chart = newChart();
    const c = new KafkaCluster(chart, 'my-cluster', { namespace: 'kafka', authorization: KafkaAuthorization.simple(), listeners: [Listener.internal({ name: 'scram', port: 9094 })] });
    c.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    return c.addUser('etl');
  };
  ruleCase('KAF-APP-005', 'topic grants take topic resources', {
    failing: () => {
      const u = user();
      u.grantReadTopics(AclResource.group('g'));
      return u;
    },
    // the group goes into the options
    edgeValid: () => {
      const u = user();
      u.grantReadTopics(AclResource.topic('g'), { consumerGroup: 'g' });
      return u;
    },
    message: 'grantReadTopics() was given group "g"',
  });

  const strimzi = (props: ConstructorParameters<typeof StrimziOperator>[2], extra?: string) => {
    const op = new StrimziOperator(newChart('kafka'), 'strimzi', props);
    if (extra) op.watchNamespace(extra);
    return op;
  };
  ruleCase('KAF-OPS-003', 'a Strimzi operator watches every namespace or a list, not both', {
    failing: () => strimzi({ watch: WatchedNamespaces.all() }, 'apps'),
    edgeValid: () => strimzi({ watch: WatchedNamespaces.namespaces('kafka') }, 'apps'),
    message: 'also lists "apps"',
  });

  ruleCase('KAF-OPS-005', 'env does not set what a typed option of StrimziOperator sets', {
    failing: () => strimzi({ logLevel: OperatorLogLevel.WARN, env: { STRIMZI_LOG_LEVEL: 'INFO' } }),
    edgeValid: () => strimzi({ env: { STRIMZI_LOG_LEVEL: 'INFO' } }),
    message: 'env STRIMZI_LOG_LEVEL',
  });

  ruleCase('KAF-OPS-007', 'KEDA from a Flux OCIRepository needs the URL of a mirror', {
    failing: () => new KedaOperator(new Chart(Testing.app(), 'keda'), 'keda', { delivery: OperatorDelivery.flux({ sourceType: FluxChartSourceType.OCI_REPOSITORY }) }),
    edgeValid: () => new KedaOperator(new Chart(Testing.app(), 'keda'), 'keda', {
      delivery: OperatorDelivery.flux({ sourceType: FluxChartSourceType.OCI_REPOSITORY, chartUrl: 'oci://registry.example.com/charts/keda' }),
    }),
  });

  /** A scaler with copied credentials, then a KedaOperator in `kedaNamespace`. */
  const lateKeda = (kedaNamespace: string) => {
    const app = Testing.app();
    const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
    const c = new KafkaCluster(kafka, 'my-cluster', { listeners: [Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.scramSha512() })] });
    c.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    const apps = new Chart(app, 'apps', { namespace: 'apps' });
    const target = new kplus.Deployment(apps, 'consumer', { metadata: { name: 'consumer' }, containers: [{ image: 'example/consumer:1.0' }] });
    const scaler = new KedaConsumerScaler(apps, 'scaler', {
      target,
      cluster: c,
      consumerGroup: 'g',
      topicName: 't',
      user: c.addUser('app'),
      crossNamespaceCredentials: CrossNamespaceCredentials.copyToKedaNamespace(),
    });
    new KedaOperator(new Chart(app, 'keda'), 'keda', { delivery: OperatorDelivery.flux(), namespace: kedaNamespace });
    return scaler;
  };
  ruleCase('KAF-OPS-016', 'a KedaOperator created after a scaler installs KEDA where the credentials went', {
    failing: () => lateKeda('autoscaling'),
    // created after the scaler too, but in "keda", where the scaler placed the credentials
    edgeValid: () => lateKeda('keda'),
    message: 'placed in "keda"',
  });
});
