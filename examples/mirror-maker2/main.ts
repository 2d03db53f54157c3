/*
 * mirror-maker2: MirrorMaker 2 copies the `orders` topics and the `app-`
 * consumer groups of another team's cluster (`eu`, managed elsewhere and only
 * imported here) into this app's cluster (`us`).
 *
 * The target side is fully managed: its KafkaUser gets exactly the ACLs the
 * workers, remote topics, checkpoints and offset syncs need. The source user
 * belongs to the other team (`KafkaUser.fromUserName()`): the grant says its
 * owner provides the ACLs, so synthesis lists them as a warning to pass on.
 * Secrets of the source (CA and password) must be copied into this namespace.
 *
 *   npx ts-node examples/mirror-maker2/main.ts
 */
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import {
  KafkaAuthorization, KafkaCluster, KafkaMirrorMaker2, KafkaUser, KafkaUserAuthenticationType, Listener, ListenerAuthentication,
  MetricsConfig, NodeRole,
} from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 'mirror-maker2', { namespace: 'kafka' });

  const us = new KafkaCluster(chart, 'us', {
    authorization: KafkaAuthorization.simple(),
    listeners: [Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.scramSha512() })],
  });
  us.addNodePool('nodes', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
  const mm2User = us.addUser('mm2');

  const eu = KafkaCluster.fromClusterAttributes(chart, 'eu', {
    clusterName: 'eu',
    namespace: 'kafka',
    authorization: KafkaAuthorization.simple(),
    listeners: [Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.scramSha512() })],
  });
  const euUser = KafkaUser.fromUserName(chart, 'eu-reader', { cluster: eu, userName: 'mm2-reader', authenticationType: KafkaUserAuthenticationType.SCRAM_SHA_512 });

  const mm2 = new KafkaMirrorMaker2(chart, 'mm2', {
    target: { cluster: us, listener: us.findListener('tls')!, user: mm2User },
    replicas: 2,
    metrics: MetricsConfig.jmxPrometheusExporter(),
    mirrors: [{
      source: { cluster: eu, listener: eu.findListener('tls')!, user: euUser },
      topicsPattern: 'orders.*',
      groupsPattern: 'app-.*',
      checkpointConnector: { config: { 'sync.group.offsets.enabled': 'true' } },
    }],
  });
  mm2.grantAccess({ ownerGrants: true });
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
