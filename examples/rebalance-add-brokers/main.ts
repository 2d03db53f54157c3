/*
 * Spreading partitions onto brokers just added.
 *
 * The broker pool was scaled from 3 to 5 nodes (node IDs 6 and 7 are new). New
 * brokers get no existing partitions by themselves, so a KafkaRebalance in
 * add-brokers mode asks Cruise Control for a proposal that moves replicas onto
 * 6 and 7 only, throttled to 50 MiB/s. Once the proposal is ready, approve it:
 *
 *   kubectl -n kafka annotate kafkarebalance add-brokers-6-7 strimzi.io/rebalance=approve
 *
 * (The approval annotation stays out of the committed YAML: the operator removes
 * it after acting, and a GitOps tool would put it back.)
 */
import * as path from 'path';
import { App, Chart, Size } from 'cdk8s';
import { KafkaCluster, Listener, NodeRole, RebalanceMode, Storage } from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 'rebalance-add-brokers', { namespace: 'kafka' });
  const cluster = new KafkaCluster(chart, 'my-cluster', {
    listeners: [Listener.internal({ name: 'tls', port: 9093 })],
    cruiseControl: {},
  });
  cluster.addNodePool('controllers', { roles: [NodeRole.CONTROLLER], replicas: 3, nodeIds: [0, 1, 2], storage: Storage.persistentClaim({ size: Size.gibibytes(20) }) });
  cluster.addNodePool('brokers', { roles: [NodeRole.BROKER], replicas: 5, nodeIds: [3, 4, 5, 6, 7], storage: Storage.persistentClaim({ size: Size.gibibytes(100) }) });

  cluster.addRebalance('add-brokers-6-7', {
    mode: RebalanceMode.addBrokers([6, 7]),
    replicationThrottle: Size.mebibytes(50),
  });
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
