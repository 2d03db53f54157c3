/*
 * s3-nodeport: scenario S3, clients outside Kubernetes through a NodePort per broker.
 *
 * Each broker advertises the external address of a Kubernetes node and a fixed node
 * port, so `kcat -L -b <node>:32100` lists addresses clients can reach (not pod IPs).
 * The node IDs are pinned (`nodeIds`) so the per-broker settings are known at synth time.
 * The listener keeps TLS and SCRAM-SHA-512: clients trust `my-cluster-cluster-ca-cert`.
 *
 *   npx ts-node examples/s3-nodeport/main.ts   # writes examples/s3-nodeport/dist/*.yaml
 */
import * as path from 'path';
import { App, Chart, Size } from 'cdk8s';
import { KafkaCluster, Listener, NodeRole, Spread, Storage } from '../../src';

/** External addresses of three Kubernetes nodes, one per broker. */
const NODE_ADDRESSES = ['203.0.113.10', '203.0.113.11', '203.0.113.12'];

export function build(app: App): void {
  const chart = new Chart(app, 's3-nodeport', { namespace: 'kafka' });

  const brokerIds = [0, 1, 2];
  const cluster = new KafkaCluster(chart, 'my-cluster', {
    name: 'my-cluster',
    listeners: [
      Listener.internal({ name: 'tls', port: 9093 }),
      Listener.nodePort({
        name: 'external',
        port: 9094,
        bootstrap: { nodePort: 32100 },
        brokers: brokerIds.map((id, i) => ({ broker: id, advertisedHost: NODE_ADDRESSES[i], advertisedPort: 32000 + id, nodePort: 32000 + id })),
      }),
    ],
  });

  cluster.addNodePool('controllers', {
    name: 'controllers',
    roles: [NodeRole.CONTROLLER],
    replicas: 3,
    nodeIds: [100, 101, 102],
    storage: Storage.persistentClaim({ size: Size.gibibytes(10) }),
  });
  cluster.addNodePool('brokers', {
    name: 'brokers',
    roles: [NodeRole.BROKER],
    replicas: 3,
    nodeIds: brokerIds,
    storage: Storage.persistentClaim({ size: Size.gibibytes(100) }),
    spread: [Spread.acrossHosts()],
  });
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
