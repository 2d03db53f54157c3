/*
 * Auto-rebalancing on scaling, with its templates.
 *
 * When a broker pool's replicas change, the operator rebalances by itself: after
 * a scale-up (add-brokers) and before a scale-down (remove-brokers). It copies
 * the settings of the template each mode names; the templates are KafkaRebalances
 * annotated strimzi.io/rebalance-template, which the operator never runs itself.
 * The rebalances it creates are named my-cluster-auto-rebalancing-<mode>; keep your
 * GitOps tool from pruning them.
 */
import * as path from 'path';
import { App, Chart, Size } from 'cdk8s';
import { AutoRebalanceMode, CruiseControlGoal, KafkaCluster, KafkaRebalanceTemplate, Listener, NodeRole, Storage } from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 'auto-rebalance', { namespace: 'kafka' });
  const scaleUp = new KafkaRebalanceTemplate(chart, 'scale-up', {
    replicationThrottle: Size.mebibytes(100),
  });
  const scaleDown = new KafkaRebalanceTemplate(chart, 'scale-down', {
    goals: [...CruiseControlGoal.defaultHardGoals, CruiseControlGoal.REPLICA_DISTRIBUTION],
    concurrentPartitionMovementsPerBroker: 2,
  });
  const cluster = new KafkaCluster(chart, 'my-cluster', {
    listeners: [Listener.internal({ name: 'tls', port: 9093 })],
    cruiseControl: {
      autoRebalance: [
        { mode: AutoRebalanceMode.ADD_BROKERS, template: scaleUp },
        { mode: AutoRebalanceMode.REMOVE_BROKERS, template: scaleDown },
      ],
    },
  });
  cluster.addNodePool('controllers', { roles: [NodeRole.CONTROLLER], replicas: 3, storage: Storage.persistentClaim({ size: Size.gibibytes(20) }) });
  cluster.addNodePool('brokers', { roles: [NodeRole.BROKER], replicas: 3, storage: Storage.persistentClaim({ size: Size.gibibytes(100) }) });
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
