/*
 * gitops-argocd: operators and a cluster for one Argo CD Application of this app's output.
 *
 * - operators: Argo CD Applications for Strimzi's chart (namespace `kafka`, watching `kafka` and
 *   `apps`) and KEDA's chart (namespace `keda`, watching `apps`), with CreateNamespace and
 *   ServerSideApply (the CRDs are too large for client-side apply), KEDA's CA bundles ignored;
 * - kafka: `my-cluster`, a topic and a SCRAM user; apps: a client pod with a ready
 *   client.properties for that user.
 *
 * `GitOps.argoCd(app)` orders the sync: the operator Applications in wave -1, the Kafka cluster
 * and node pools in 0, topics and users in 1, the client in 2; the custom resources carry
 * `SkipDryRunOnMissingResource=true` because their CRDs arrive with the operator's chart, which
 * is not part of the same sync. (Argo CD 1.8+ does not wait for a child Application's health
 * unless the Application health check is enabled in argocd-cm; see docs/operators.md.)
 */
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import {
  GitOps, KafkaClientPod, KafkaCluster, KedaOperator, Listener, NodeRole, OperatorDelivery, StrimziOperator, WatchedNamespaces,
} from '../../src';

export function build(app: App): void {
  GitOps.argoCd(app);

  const operators = new Chart(app, 'operators');
  const strimzi = new StrimziOperator(operators, 'strimzi', {
    namespace: 'kafka',
    watch: WatchedNamespaces.namespaces('apps'),
    delivery: OperatorDelivery.argoCd({ selfHeal: true }),
  });
  new KedaOperator(operators, 'keda', { delivery: OperatorDelivery.argoCd({ selfHeal: true }), watchNamespaces: ['apps'] });

  const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
  const cluster = new KafkaCluster(kafka, 'my-cluster', {
    target: strimzi.target,
    listeners: [Listener.internal({ name: 'tls', port: 9093 })],
  });
  cluster.addNodePool('dual-role', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
  cluster.addTopic('orders', { partitions: 6, replicas: 3 });
  const user = cluster.addUser('orders-cli');

  // The client reads the user's Secret, so it runs where the User Operator writes it (the cluster's namespace).
  new KafkaClientPod(kafka, 'client', { cluster, listener: cluster.findListener('tls')!, user });
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
