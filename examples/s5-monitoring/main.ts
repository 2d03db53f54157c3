/*
 * s5-monitoring: scenario S5's monitoring on Strimzi 1.2.0 (KRaft), for a
 * Kubernetes cluster without the Prometheus Operator.
 *
 * A small cluster (3 controllers, 3 brokers; `external` NodePort 9092 without TLS,
 * explicitly opted in as in the seed; `plain` 9093 internal) with:
 * - the JMX Prometheus exporter on every node, its rules generated into a ConfigMap
 *   (the seed hand-wrote that ConfigMap);
 * - the Kafka Exporter, plus a Service on 9404 as the seed added by hand;
 * - JMX on port 9999 of every node, with password authentication (the seed left it open);
 *   a NodePort Service per broker exposes it outside the cluster, as in the seed (synth warns: JMX has no TLS);
 * - an in-cluster Prometheus: StatefulSet with a 20Gi volume, probes, its configuration
 *   ConfigMap scraping the brokers, controllers, entity operator, exporter and cluster
 *   operator, the library's alert rules, and a Service on 9090 for Grafana.
 *
 *   npx ts-node examples/s5-monitoring/main.ts   # writes examples/s5-monitoring/dist/*.yaml
 */
import * as path from 'path';
import { App, Chart, Size } from 'cdk8s';
import {
  JmxAuthentication, KafkaAlerts, KafkaCluster, KafkaMetrics, Listener, ListenerAuthentication, NodeRole, StandalonePrometheus,
} from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 's5-monitoring', { namespace: 'kafka' });

  const cluster = new KafkaCluster(chart, 'my-cluster', {
    name: 'my-cluster',
    listeners: [
      Listener.nodePort({ name: 'external', port: 9092, tls: false, authentication: ListenerAuthentication.none(), allowInsecureExternalAccess: true }),
      Listener.internal({ name: 'plain', port: 9093, tls: false, authentication: ListenerAuthentication.none() }),
    ],
    config: {
      'offsets.topic.replication.factor': 2,
      'transaction.state.log.replication.factor': 2,
      'transaction.state.log.min.isr': 1,
      'default.replication.factor': 2,
    },
  });
  cluster.addNodePool('controllers', { name: 'controllers', roles: [NodeRole.CONTROLLER], replicas: 3 });
  // Node IDs known at synth time name the broker pods, so each gets its JMX NodePort Service.
  cluster.addNodePool('brokers', { name: 'brokers', roles: [NodeRole.BROKER], replicas: 3, nodeIds: [0, 1, 2] });

  const metrics = new KafkaMetrics(chart, 'metrics', {
    cluster,
    kafkaExporter: { topicRegex: '.*', groupRegex: '.*', service: true },
    jmx: { authentication: JmxAuthentication.password(), nodePortServices: true },
  });

  // No Prometheus Operator here: the rules go into Prometheus' own rule file, not a PrometheusRule.
  const alerts = new KafkaAlerts(chart, 'alerts', { metrics, prometheusRule: false });

  new StandalonePrometheus(chart, 'prometheus', {
    metrics,
    alerts,
    name: 'kafka-prometheus',
    storageSize: Size.gibibytes(20),
    storageClassName: 'rocketmq-storage',
    scrapeKubelets: true,
  });
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
