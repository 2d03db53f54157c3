/*
 * S1 topic: the KafkaTopic `mytopic1` of the first seed scenario, on a modern
 * (KRaft, node pools) version of its three-broker cluster `my-cluster`.
 *
 * The seed's topic: 1 partition, 3 replicas, retention.ms=7200000 (2 hours),
 * segment.bytes=1073741824 (1 GiB), min.insync.replicas=2 (one below the
 * replication factor, so one broker may be down without stopping producers).
 */
import * as path from 'path';
import { App, Chart, Duration, Size } from 'cdk8s';
import { KafkaCluster, Listener, NodeRole } from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 's1-topic', { namespace: 'kafka' });

  const cluster = new KafkaCluster(chart, 'my-cluster', {
    config: {
      'offsets.topic.replication.factor': 3,
      'transaction.state.log.replication.factor': 3,
      'transaction.state.log.min.isr': 2,
      'default.replication.factor': 3,
      'min.insync.replicas': 2,
    },
    // TLS + SCRAM-SHA-512 (the library's default authentication).
    listeners: [Listener.internal({ name: 'tls', port: 9093 })],
  });
  cluster.addNodePool('controllers', { roles: [NodeRole.CONTROLLER], replicas: 3 });
  cluster.addNodePool('brokers', { roles: [NodeRole.BROKER], replicas: 3 });

  cluster.addTopic('mytopic1', {
    partitions: 1,
    replicas: 3,
    retention: Duration.hours(2),
    segmentBytes: Size.gibibytes(1),
    minInSyncReplicas: 2,
  });
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
