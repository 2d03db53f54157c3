import { Chart } from 'cdk8s';
import { KafkaAuthorization, KafkaCluster, Listener, ListenerAuthentication, NodeRole } from '../../src';
import { newChart } from '../util';

/** A 3-broker cluster with simple authorization and a SCRAM TLS listener `tls` on 9093. */
export function clusterWithScram(chart: Chart = newChart(), name = 'my-cluster', namespace?: string) {
  const cluster = new KafkaCluster(chart, name, {
    namespace,
    authorization: KafkaAuthorization.simple(),
    listeners: [Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.scramSha512() })],
  });
  cluster.addNodePool('controllers', { roles: [NodeRole.CONTROLLER], replicas: 3 });
  cluster.addNodePool('brokers', { roles: [NodeRole.BROKER], replicas: 3 });
  return { chart, cluster, tls: cluster.findListener('tls')! };
}
