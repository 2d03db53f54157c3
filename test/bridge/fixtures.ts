import { Chart } from 'cdk8s';
import { KafkaAuthorization, KafkaCluster, KafkaUserAuthentication, Listener, ListenerAuthentication, NodeRole } from '../../src';
import { newChart } from '../util';

/** A cluster in `kafka` with a TLS-auth listener `tls` (9093), a SCRAM listener `scram` (9094) and a plain one (9092). */
export function clusterFixture(chart: Chart = newChart('kafka')) {
  const tls = Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.tls() });
  const scram = Listener.internal({ name: 'scram', port: 9094 });
  const plain = Listener.internal({ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() });
  const cluster = new KafkaCluster(chart, 'my-cluster', { authorization: KafkaAuthorization.simple(), listeners: [tls, scram, plain] });
  cluster.addNodePool('dual', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
  const tlsUser = cluster.addUser('tls-user', { authentication: KafkaUserAuthentication.tls() });
  const scramUser = cluster.addUser('scram-user');
  return { chart, cluster, tls, scram, plain, tlsUser, scramUser };
}
