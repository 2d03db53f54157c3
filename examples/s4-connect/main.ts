/*
 * S4: the Strimzi resource model in its modern flavour (Strimzi 1.2.0, KRaft):
 * a Kafka cluster with node pools, a KafkaTopic, a KafkaUser, and a KafkaConnect
 * that runs a file source connector writing that topic.
 *
 * The Connect workers trust the cluster CA and authenticate as the KafkaUser
 * over the SCRAM TLS listener; `grantAccess()` gives the user exactly the ACLs
 * the workers and the connector need. Everything lives in the cluster's
 * namespace, because the User Operator only handles KafkaUsers there.
 *
 *   npx ts-node examples/s4-connect/main.ts   # writes examples/s4-connect/dist/*.yaml
 */
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import {
  ConnectorType, KafkaAuthorization, KafkaCluster, KafkaConnect, Listener, ListenerAuthentication, MetricsConfig, NodeRole,
} from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 's4-connect', { namespace: 'kafka' });

  const cluster = new KafkaCluster(chart, 'my-cluster', {
    authorization: KafkaAuthorization.simple(),
    listeners: [Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.scramSha512() })],
  });
  cluster.addNodePool('controllers', { roles: [NodeRole.CONTROLLER], replicas: 3 });
  cluster.addNodePool('brokers', { roles: [NodeRole.BROKER], replicas: 3 });

  const topic = cluster.addTopic('my-topic', { partitions: 3, replicas: 3, minInSyncReplicas: 2 });
  const user = cluster.addUser('my-connect');

  const connect = new KafkaConnect(chart, 'my-connect-cluster', {
    cluster,
    listener: cluster.findListener('tls')!,
    user,
    replicas: 3,
    metrics: MetricsConfig.jmxPrometheusExporter(),
  });
  connect.addConnector('my-source-connector', {
    className: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
    type: ConnectorType.SOURCE,
    tasksMax: 2,
    topics: [topic],
    config: { file: '/opt/kafka/LICENSE', topic: topic.topicName },
  });
  connect.grantAccess();
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
