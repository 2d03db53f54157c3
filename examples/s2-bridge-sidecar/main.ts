/*
 * s2-bridge-sidecar: scenario S2 completed on Strimzi 1.2.0.
 *
 * The cluster's 9093 listener authenticates clients by TLS certificate and
 * the cluster enforces ACLs; the KafkaUser `orders-app` gets a certificate and
 * ACLs on the topics it uses and the consumer group of its HTTP consumers. The
 * application Deployment runs the Strimzi HTTP bridge as a native sidecar: the
 * app speaks plain HTTP to $KAFKA_BRIDGE_URL (http://localhost:8080), the
 * bridge reaches Kafka over TLS with the user's certificate. The bridge binds
 * to loopback, so nothing outside the pod reaches its API.
 *
 *   npx ts-node examples/s2-bridge-sidecar/main.ts   # writes examples/s2-bridge-sidecar/dist/*.yaml
 */
import * as path from 'path';
import { ApiObject, App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  AclResource, KafkaAuthorization, KafkaBridge, KafkaCluster, KafkaUserAuthentication, Listener, ListenerAuthentication,
  NodeRole, Spread, Storage,
} from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 's2-bridge-sidecar', { namespace: 'kafka' });

  const tls = Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.tls() });
  const cluster = new KafkaCluster(chart, 'my-cluster', { name: 'my-cluster', listeners: [tls], authorization: KafkaAuthorization.simple() });
  for (const [name, role] of [['controllers', NodeRole.CONTROLLER], ['brokers', NodeRole.BROKER]] as const) {
    cluster.addNodePool(name, {
      name,
      roles: [role],
      replicas: 3,
      storage: Storage.persistentClaim({ size: Size.gibibytes(10), deleteClaim: true }),
      spread: [Spread.acrossHosts()],
    });
  }
  cluster.addTopic('orders', { partitions: 3, replicas: 3, minInSyncReplicas: 2 });
  cluster.addTopic('audit', { partitions: 1, replicas: 3, minInSyncReplicas: 2 });

  const user = cluster.addUser('orders-app', { authentication: KafkaUserAuthentication.tls() });

  const app1 = new kplus.Deployment(chart, 'orders-app', {
    metadata: { name: 'orders-app' },
    replicas: 2,
    containers: [{
      name: 'app',
      image: 'registry.example.com/orders-app:1.0.0',
      portNumber: 3000,
      securityContext: { user: 1000, group: 1000 },
    }],
  });

  // One call: the bridge container, its ConfigMap, the Secret mounts and KAFKA_BRIDGE_URL on the app.
  const bridge = KafkaBridge.addSidecar(ApiObject.of(app1), { cluster, listener: tls, user, bridgeName: 'orders-app' });
  bridge.grantConsume(AclResource.topic('orders'), { consumerGroup: 'orders-app' });
  bridge.grantProduce(AclResource.topic('orders'));
  bridge.grantProduce(AclResource.topic('audit'));
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
