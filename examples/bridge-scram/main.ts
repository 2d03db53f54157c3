/*
 * bridge-scram: an operator-managed HTTP bridge (KafkaBridge) that reaches the
 * cluster over TLS as a SCRAM-SHA-512 user. The operator mounts nothing by
 * value: the bridge's password comes from the user Secret `orders-bridge`, the
 * broker CA from `orders-cluster-ca-cert`. Browsers on https://shop.example.com
 * may call it (CORS). In-cluster clients use
 * http://orders-bridge-service.kafka.svc:8080.
 *
 *   npx ts-node examples/bridge-scram/main.ts   # writes examples/bridge-scram/dist/*.yaml
 */
import * as path from 'path';
import { App, Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { AclResource, BridgeHttpMethod, KafkaAuthorization, KafkaBridge, KafkaCluster, Listener, NodeRole } from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 'bridge-scram', { namespace: 'kafka' });

  const tls = Listener.internal({ name: 'tls', port: 9093 }); // TLS + SCRAM-SHA-512
  const cluster = new KafkaCluster(chart, 'orders', { listeners: [tls], authorization: KafkaAuthorization.simple() });
  cluster.addNodePool('dual-role', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
  cluster.addTopic('orders', { partitions: 6, replicas: 3, minInSyncReplicas: 2 });

  const user = cluster.addUser('orders-bridge');
  const bridge = new KafkaBridge(chart, 'orders-bridge', {
    name: 'orders',
    cluster,
    listener: tls,
    user,
    replicas: 1,
    http: {
      port: 8080,
      cors: { allowedOrigins: ['https://shop\\.example\\.com'], allowedMethods: [BridgeHttpMethod.GET, BridgeHttpMethod.POST] },
    },
    consumer: { idleTimeout: Duration.minutes(10), config: { 'auto.offset.reset': 'earliest' } },
    producer: { config: { acks: 'all' } },
    resources: {
      cpu: { request: kplus.Cpu.millis(200), limit: kplus.Cpu.millis(1000) },
      memory: { request: Size.mebibytes(512), limit: Size.mebibytes(512) },
    },
  });
  bridge.grantConsume(AclResource.topic('orders'), { consumerGroupPrefix: 'shop-' });
  bridge.grantProduce(AclResource.topic('orders'));
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
