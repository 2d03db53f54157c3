/*
 * Moving replicas off a JBOD volume before removing it.
 *
 * Each broker has three JBOD volumes (IDs 0-2). To retire volume 2, a
 * KafkaRebalance in remove-disks mode moves its replicas onto the other volumes
 * of the same broker. After it is Ready, remove volume 2 from the pool's storage.
 */
import * as path from 'path';
import { App, Chart, Size } from 'cdk8s';
import { JbodVolume, KafkaCluster, Listener, NodeRole, RebalanceMode, Storage } from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 'rebalance-remove-disks', { namespace: 'kafka' });
  const cluster = new KafkaCluster(chart, 'my-cluster', {
    listeners: [Listener.internal({ name: 'tls', port: 9093 })],
    cruiseControl: {},
  });
  cluster.addNodePool('controllers', { roles: [NodeRole.CONTROLLER], replicas: 3, nodeIds: [0, 1, 2], storage: Storage.persistentClaim({ size: Size.gibibytes(20) }) });
  cluster.addNodePool('brokers', {
    roles: [NodeRole.BROKER],
    replicas: 3,
    nodeIds: [3, 4, 5],
    storage: Storage.jbod([
      JbodVolume.persistentClaim(0, { size: Size.gibibytes(100), kraftMetadata: true }),
      JbodVolume.persistentClaim(1, { size: Size.gibibytes(100) }),
      JbodVolume.persistentClaim(2, { size: Size.gibibytes(100) }),
    ]),
  });

  cluster.addRebalance('remove-volume-2', {
    mode: RebalanceMode.removeDisks([3, 4, 5].map((brokerId) => ({ brokerId, volumeIds: [2] }))),
    concurrentIntraBrokerPartitionMovements: 4,
  });
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
