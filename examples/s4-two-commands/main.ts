/*
 * s4-two-commands: seed S4's "two commands deploy a self-running cluster", modern flavour.
 *
 *   kubectl apply -f examples/s4-two-commands/dist/strimzi-operator.k8s.yaml   # CRDs, RBAC, operator
 *   kubectl apply -f examples/s4-two-commands/dist/kafka.k8s.yaml              # cluster, topic, user
 *
 * The first file is Strimzi 1.2.0's own install/cluster-operator files (shipped with the
 * library, unmodified apart from the namespace `kafka` and the bindings' subjects), preceded by
 * the Namespace. The second is the cluster with a topic and a SCRAM user: the user lives in the
 * cluster's namespace, the one the user operator (and the cluster operator) watches — a KafkaUser
 * anywhere else would not be handled, and the synth would warn (KAF-OPS-010).
 */
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { KafkaCluster, Listener, NodeRole, StrimziOperator } from '../../src';

export function build(app: App): void {
  const operator = new Chart(app, 'strimzi-operator', { namespace: 'kafka' });
  const strimzi = new StrimziOperator(operator, 'strimzi');

  const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
  const cluster = new KafkaCluster(kafka, 'my-cluster', {
    target: strimzi.target,
    listeners: [Listener.internal({ name: 'tls', port: 9093 })],
  });
  cluster.addNodePool('dual-role', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
  cluster.addTopic('my-topic', { partitions: 3, replicas: 3 });
  cluster.addUser('my-user');
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
