import { Chart } from 'cdk8s';
import { KafkaAuthorization, KafkaCluster, KafkaUser, KafkaUserAuthenticationType, Listener, ListenerAuthentication, NodeRole } from '../../src';
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

/**
 * A MirrorMaker 2 pair: the SCRAM fixture as target `target` (user `mm2`) and an imported
 * source cluster `eu` with a SCRAM listener `tls` and an imported user `mm2-reader`.
 */
export function mirrorMakerSetup(chart: Chart = newChart()) {
  const f = clusterWithScram(chart, 'target');
  const targetUser = f.cluster.addUser('mm2');
  const source = KafkaCluster.fromClusterAttributes(f.chart, 'source', {
    clusterName: 'eu',
    namespace: 'default',
    authorization: KafkaAuthorization.simple(),
    listeners: [Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.scramSha512() })],
  });
  const sourceUser = KafkaUser.fromUserName(f.chart, 'source-user', { cluster: source, userName: 'mm2-reader', authenticationType: KafkaUserAuthenticationType.SCRAM_SHA_512 });
  const target = { cluster: f.cluster, listener: f.tls, user: targetUser };
  const sourceSide = { cluster: source, listener: source.findListener('tls')!, user: sourceUser };
  return { ...f, targetUser, source, sourceUser, target, sourceSide };
}
