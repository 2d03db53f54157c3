/*
 * monitoring-operator: a Strimzi 1.2.0 cluster monitored through the Prometheus
 * Operator (e.g. kube-prometheus-stack in namespace `monitoring`).
 *
 * - JMX Prometheus exporter metrics with generated rules, and the Kafka Exporter;
 * - PodMonitors (in `monitoring`, labelled for the Prometheus `podMonitorSelector`) for
 *   the nodes of every pool, the entity operator, the exporter and the cluster operator
 *   (installed in `strimzi`);
 * - a PrometheusRule with the cluster's alerts, a stricter lag threshold for `payments`;
 * - Grafana dashboards as ConfigMaps for the Grafana sidecar.
 *
 *   npx ts-node examples/monitoring-operator/main.ts   # writes examples/monitoring-operator/dist/*.yaml
 */
import * as path from 'path';
import { App, Chart, Duration } from 'cdk8s';
import {
  AlertSeverity, KafkaCluster, Listener, ListenerAuthentication, MonitoredNamespaces, NodeRole, PrometheusMonitoring,
} from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 'monitoring-operator', { namespace: 'kafka' });

  const cluster = new KafkaCluster(chart, 'cluster', {
    name: 'events',
    listeners: [Listener.internal({ name: 'tls', port: 9093, tls: true, authentication: ListenerAuthentication.scramSha512() })],
  });
  cluster.addNodePool('controllers', { name: 'controllers', roles: [NodeRole.CONTROLLER], replicas: 3 });
  cluster.addNodePool('brokers-a', { name: 'brokers-a', roles: [NodeRole.BROKER], replicas: 3 });
  cluster.addNodePool('brokers-b', { name: 'brokers-b', roles: [NodeRole.BROKER], replicas: 3 });

  // One construct: metrics, PodMonitors, PrometheusRule and dashboards, all in `monitoring`;
  // PodMonitors and the rule carry the labels the Prometheus resource selects.
  new PrometheusMonitoring(chart, 'monitoring', {
    cluster,
    kafkaExporter: { groupExcludeRegex: 'console-consumer-.*' },
    monitoringNamespace: 'monitoring',
    prometheusSelectorLabels: { release: 'kube-prometheus-stack' },
    podMonitors: {
      namespaceSelector: MonitoredNamespaces.names('kafka'),
      clusterOperatorNamespace: 'strimzi',
      interval: Duration.seconds(30),
    },
    alerts: {
      diskUsage: { threshold: 80 },
      consumerGroupLag: { threshold: 10000, groupThresholds: { payments: 100 }, severity: AlertSeverity.WARNING },
      certificateExpiry: { within: Duration.days(21) },
    },
  });
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
