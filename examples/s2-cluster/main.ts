/*
 * s2-cluster: scenario S2's Kafka cluster on Strimzi 1.2.0 (KRaft).
 *
 * As S1, with the intent the seed states: the 9093 listener uses TLS client
 * authentication and the cluster enforces ACLs (simple authorization). Pods are
 * spread across hosts (`kubernetes.io/hostname`) instead of zones.
 * The seed's plain `external` NodePort listener is kept with the explicit opt-in.
 * With authorization on, clients of the unauthenticated `plain` and `external`
 * listeners are the principal `ANONYMOUS`, which no ACL allows anything: only
 * users authenticated on 9093 get access, through their KafkaUser ACLs.
 *
 *   npx ts-node examples/s2-cluster/main.ts   # writes examples/s2-cluster/dist/*.yaml
 */
import * as path from 'path';
import { App, Chart, Size } from 'cdk8s';
import { JbodVolume, KafkaAuthorization, KafkaCluster, Listener, ListenerAuthentication, NodeRole, Spread, Storage } from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 's2-cluster', { namespace: 'kafka' });

  const cluster = new KafkaCluster(chart, 'my-cluster', {
    name: 'my-cluster',
    listeners: [
      Listener.internal({ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() }),
      Listener.internal({ name: 'tls', port: 9093, tls: true, authentication: ListenerAuthentication.tls() }),
      Listener.nodePort({ name: 'external', port: 9094, tls: false, authentication: ListenerAuthentication.none(), allowInsecureExternalAccess: true }),
    ],
    authorization: KafkaAuthorization.simple(),
    config: {
      'offsets.topic.replication.factor': 3,
      'transaction.state.log.replication.factor': 3,
      'transaction.state.log.min.isr': 2,
      'default.replication.factor': 3,
      'min.insync.replicas': 2,
    },
  });

  cluster.addNodePool('controllers', {
    name: 'controllers',
    roles: [NodeRole.CONTROLLER],
    replicas: 3,
    storage: Storage.persistentClaim({ size: Size.gibibytes(10), deleteClaim: true }),
    spread: [Spread.acrossHosts()],
  });

  cluster.addNodePool('brokers', {
    name: 'brokers',
    roles: [NodeRole.BROKER],
    replicas: 3,
    storage: Storage.jbod([JbodVolume.persistentClaim(0, { size: Size.gibibytes(10), deleteClaim: true })]),
    spread: [Spread.acrossHosts()],
  });
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
