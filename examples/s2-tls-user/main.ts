/*
 * S2 user: a cluster whose 9093 listener authenticates clients with TLS
 * certificates and enforces ACLs, and a KafkaUser with a certificate and ACLs
 * on exactly the topics it uses (the identity the HTTP bridge sidecar of the
 * scenario connects with).
 *
 * The user's certificate and key land in Secret `my-bridge` (user.crt,
 * user.key); clients trust the brokers through `my-cluster-cluster-ca-cert`
 * (ca.crt), not through the clients CA that the user Secret also carries.
 */
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { KafkaAuthorization, KafkaCluster, KafkaUserAuthentication, Listener, ListenerAuthentication, NodeRole } from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 's2-tls-user', { namespace: 'kafka' });

  const cluster = new KafkaCluster(chart, 'my-cluster', {
    authorization: KafkaAuthorization.simple(),
    listeners: [Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.tls() })],
  });
  cluster.addNodePool('controllers', { roles: [NodeRole.CONTROLLER], replicas: 3 });
  cluster.addNodePool('brokers', { roles: [NodeRole.BROKER], replicas: 3 });

  const orders = cluster.addTopic('orders', { partitions: 3, replicas: 3, minInSyncReplicas: 2 });
  const audit = cluster.addTopic('audit', { partitions: 1, replicas: 3, minInSyncReplicas: 2 });

  const user = cluster.addUser('my-bridge', { authentication: KafkaUserAuthentication.tls() });
  orders.grantReadWrite(user, { consumerGroup: 'my-bridge' });
  audit.grantWrite(user);
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
