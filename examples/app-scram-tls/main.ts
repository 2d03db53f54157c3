/*
 * An application Deployment wired to Kafka as a SCRAM-SHA-512 user over TLS.
 *
 * One call (`KafkaClient.configureContainer`) gives the container its
 * bootstrap address, security protocol, SASL user name, the password and JAAS
 * line from the user Secret `orders-app`, and the broker CA from
 * `orders-cluster-ca-cert` mounted at /etc/kafka/certs/ca/ca.crt. The app runs
 * in the cluster's namespace because Secrets are namespace-local.
 */
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { KafkaAuthorization, KafkaClient, KafkaCluster, Listener, NodeRole } from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 'app-scram-tls', { namespace: 'kafka' });

  const tls = Listener.internal({ name: 'tls', port: 9093 }); // TLS + SCRAM-SHA-512
  const cluster = new KafkaCluster(chart, 'orders', {
    authorization: KafkaAuthorization.simple(),
    listeners: [tls],
  });
  cluster.addNodePool('dual-role', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });

  const topic = cluster.addTopic('orders', { partitions: 6, replicas: 3, minInSyncReplicas: 2 });
  const user = cluster.addUser('orders-app');
  topic.grantReadWrite(user, { consumerGroup: 'orders-app' });

  const deployment = new kplus.Deployment(chart, 'app', {
    replicas: 2,
    containers: [{
      name: 'app',
      image: 'registry.example.com/orders-app:1.0.0',
      securityContext: { user: 1000, group: 1000 },
    }],
  });
  KafkaClient.configureContainer(deployment, deployment.containers[0], user.connectionDetails(tls));
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
