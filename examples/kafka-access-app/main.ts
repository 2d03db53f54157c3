/*
 * An application in its own namespace, wired through a KafkaAccess.
 *
 * The cluster and its KafkaUser live in "kafka"; the application runs in
 * "orders". Kubernetes Secrets are namespace-local, so instead of copying the
 * user and CA Secrets, a KafkaAccess in "orders" asks the Strimzi Access Operator
 * for one binding Secret there ("orders-app-kafka") holding the bootstrap
 * address, security protocol, truststore and SCRAM credentials. The Deployment
 * reads it through KafkaClient.configureContainer(), and the KEDA scaler through
 * the KafkaAccess's bound user. The Access Operator (0.3.0, Strimzi 0.49+) must be
 * installed.
 */
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { KafkaAccess, KafkaAuthorization, KafkaClient, KafkaCluster, KedaConsumerScaler, Listener, NodeRole } from '../../src';

export function build(app: App): void {
  const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
  const tls = Listener.internal({ name: 'tls', port: 9093 }); // TLS + SCRAM-SHA-512
  const cluster = new KafkaCluster(kafka, 'my-cluster', { authorization: KafkaAuthorization.simple(), listeners: [tls] });
  cluster.addNodePool('dual-role', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
  const topic = cluster.addTopic('orders', { partitions: 6, replicas: 3, minInSyncReplicas: 2 });
  const user = cluster.addUser('orders-app');
  topic.grantRead(user, { consumerGroup: 'orders-app' });

  const apps = new Chart(app, 'orders', { namespace: 'orders' });
  const access = new KafkaAccess(apps, 'orders-app-kafka', { cluster, listener: tls, user });
  const deployment = new kplus.Deployment(apps, 'orders-app', {
    metadata: { name: 'orders-app' },
    containers: [{ name: 'app', image: 'registry.example.com/orders-app:1.0.0', securityContext: { user: 1000, group: 1000 } }],
  });
  KafkaClient.configureContainer(deployment, deployment.containers[0], access.connectionDetails);
  new KedaConsumerScaler(apps, 'scaler', {
    target: deployment,
    cluster,
    topic,
    consumerGroup: 'orders-app',
    listener: tls,
    user: access.boundUser,
    minReplicaCount: 0,
  });
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
