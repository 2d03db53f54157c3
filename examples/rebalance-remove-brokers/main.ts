/*
 * Emptying brokers before a scale-down.
 *
 * The broker pool runs 5 nodes (IDs 3-7) and should shrink to 3. Strimzi refuses
 * to remove a broker that still holds replicas, so first a KafkaRebalance in
 * remove-brokers mode moves every replica off brokers 6 and 7. It is
 * auto-approved: Cruise Control executes the proposal as soon as it is ready.
 * When the KafkaRebalance is Ready, change the pool's replicas to 3 (and delete
 * the KafkaRebalance) in the next commit.
 */
import * as path from 'path';
import { App, Chart, Size } from 'cdk8s';
import { CruiseControlGoal, KafkaCluster, Listener, NodeRole, RebalanceMode, Storage } from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 'rebalance-remove-brokers', { namespace: 'kafka' });
  const cluster = new KafkaCluster(chart, 'my-cluster', {
    listeners: [Listener.internal({ name: 'tls', port: 9093 })],
    cruiseControl: {},
  });
  cluster.addNodePool('controllers', { roles: [NodeRole.CONTROLLER], replicas: 3, nodeIds: [0, 1, 2], storage: Storage.persistentClaim({ size: Size.gibibytes(20) }) });
  cluster.addNodePool('brokers', { roles: [NodeRole.BROKER], replicas: 5, nodeIds: [3, 4, 5, 6, 7], storage: Storage.persistentClaim({ size: Size.gibibytes(100) }) });

  cluster.addRebalance('remove-brokers-6-7', {
    mode: RebalanceMode.removeBrokers([6, 7]),
    autoApproval: true,
    // the default hard goals first, then an even spread of replicas and leaders
    goals: [...CruiseControlGoal.defaultHardGoals, CruiseControlGoal.REPLICA_DISTRIBUTION, CruiseControlGoal.LEADER_REPLICA_DISTRIBUTION],
    concurrentPartitionMovementsPerBroker: 3,
  });
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
