/*
 * s1-cluster: scenario S1's Kafka cluster, modernised for Strimzi 1.2.0 (KRaft).
 *
 * The seed ran 3 brokers and a 3-node ZooKeeper ensemble on Kafka 3.6. Here:
 * - the ZooKeeper ensemble becomes a 3-node controller pool (same 10Gi claims,
 *   same required zone spread);
 * - the brokers keep the seed's listeners, broker config, JBOD storage and zone spread;
 * - `inter.broker.protocol.version: "3.6"` is dropped: Kafka 4 runs in KRaft mode only,
 *   where the cluster-wide metadata version (Strimzi sets it from the Kafka version)
 *   replaces the inter-broker protocol version. The library rejects the old key.
 * - the seed's listener named `tls` (9093) actually had `tls: false`; here it gets the
 *   library's secure defaults, TLS and SCRAM-SHA-512, so it is what its name says.
 * - the seed's `external` NodePort listener has neither TLS nor authentication; it
 *   needs the explicit `allowInsecureExternalAccess` opt-in. Do not copy that to production.
 *
 *   npx ts-node examples/s1-cluster/main.ts   # writes examples/s1-cluster/dist/*.yaml
 */
import * as path from 'path';
import { App, Chart, Duration, Size } from 'cdk8s';
import { JbodVolume, KafkaCluster, Listener, ListenerAuthentication, NodeRole, Spread, Storage } from '../../src';

/** The seed's zone label (EBS CSI driver). */
const ZONE_LABEL = 'topology.ebs.csi.aws.com/zone';

export function build(app: App): void {
  const chart = new Chart(app, 's1-cluster', { namespace: 'kafka' });

  const probe = { initialDelay: Duration.seconds(15), timeout: Duration.seconds(5) };
  const cluster = new KafkaCluster(chart, 'my-cluster', {
    name: 'my-cluster',
    listeners: [
      Listener.internal({ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() }),
      Listener.internal({ name: 'tls', port: 9093 }),
      Listener.nodePort({
        name: 'external',
        port: 9094,
        tls: false,
        authentication: ListenerAuthentication.none(),
        // The seed's choice: plain text from outside the cluster. An explicit, visible opt-in.
        allowInsecureExternalAccess: true,
      }),
    ],
    readinessProbe: probe,
    livenessProbe: probe,
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
    spread: [Spread.across(ZONE_LABEL, { required: true })],
  });

  cluster.addNodePool('brokers', {
    name: 'brokers',
    roles: [NodeRole.BROKER],
    replicas: 3,
    storage: Storage.jbod([JbodVolume.persistentClaim(0, { size: Size.gibibytes(10), deleteClaim: true })]),
    spread: [Spread.across(ZONE_LABEL, { required: true })],
  });
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
