/*
 * bridge-metrics-reporter: a KafkaBridge whose Kafka client metrics come from
 * the Strimzi Metrics Reporter, scraped by a PodMonitor on the management port
 * (rest-api-mgmt, /metrics), with the bridge alerts and the bridge dashboard.
 * The reporter's allow list is the operator's default plus the consumer
 * fetch-manager and coordinator groups the latency alerts need.
 *
 *   npx ts-node examples/bridge-metrics-reporter/main.ts
 */
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import {
  AclResource, KafkaAuthorization, KafkaBridge, KafkaBridgeAlerts, KafkaBridgeDashboard, KafkaBridgePodMonitors, KafkaCluster,
  KafkaUserAuthentication, Listener, ListenerAuthentication, MetricsConfig, NodeRole,
} from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 'bridge-metrics-reporter', { namespace: 'kafka' });

  const tls = Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.tls() });
  const cluster = new KafkaCluster(chart, 'events', { listeners: [tls], authorization: KafkaAuthorization.simple() });
  cluster.addNodePool('dual-role', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
  cluster.addTopic('clicks', { partitions: 3, replicas: 3, minInSyncReplicas: 2 });

  const user = cluster.addUser('events-bridge', { authentication: KafkaUserAuthentication.tls() });
  const bridge = new KafkaBridge(chart, 'events-bridge', { name: 'events', cluster, listener: tls, user, metrics: MetricsConfig.strimziMetricsReporter() });
  bridge.grantProduce(AclResource.topic('clicks'));
  bridge.grantConsume(AclResource.topic('clicks'), { consumerGroup: 'clicks-http' });

  const labels = { release: 'kube-prometheus-stack' };
  new KafkaBridgePodMonitors(chart, 'bridge-pod-monitors', { bridges: [bridge], labels });
  new KafkaBridgeAlerts(chart, 'bridge-alerts', { bridges: [bridge], labels });
  new KafkaBridgeDashboard(chart, 'bridge-dashboard', { bridges: [bridge] });
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
