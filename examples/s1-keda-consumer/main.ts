/*
 * S1 KEDA consumer: the seed's `consumer-service` (namespace `keda`, consumer
 * group `keda-consumer`, topic `my-topic`) scaled by KEDA on consumer lag with
 * a lag threshold of 1: more pods while producers outpace it, back to one
 * when it has caught up. Modern flavour: the cluster `my-cluster` runs in
 * KRaft mode with node pools in namespace `kafka`.
 *
 * As in the seed, the consumer and KEDA reach the brokers through the plain
 * listener on 9092 (no TLS, no authentication: an explicit opt-out, in-cluster
 * only), so no credentials have to cross from `kafka` to `keda`. The
 * keda-scram-tls example shows the authenticated variant.
 */
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { KafkaCluster, KedaConsumerScaler, Listener, ListenerAuthentication, NodeRole } from '../../src';

/** Options to replay the seed's own topic. */
export interface S1KedaConsumerOptions {
  /**
   * Partitions of `my-topic`.
   * @default 6 (the scaler's maximum replica count)
   */
  readonly partitions?: number;
}

export function build(app: App, options: S1KedaConsumerOptions = {}): void {
  const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
  const cluster = new KafkaCluster(kafka, 'my-cluster', {
    listeners: [
      Listener.internal({ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() }),
      Listener.internal({ name: 'tls', port: 9093 }),
    ],
    config: {
      'offsets.topic.replication.factor': 3,
      'transaction.state.log.replication.factor': 3,
      'transaction.state.log.min.isr': 2,
      'default.replication.factor': 3,
      'min.insync.replicas': 2,
    },
  });
  cluster.addNodePool('controllers', { roles: [NodeRole.CONTROLLER], replicas: 3 });
  cluster.addNodePool('brokers', { roles: [NodeRole.BROKER], replicas: 3 });

  // In the seed the consumer auto-created `my-topic` with the broker default
  // of one partition, so KEDA could never have run more than one consumer.
  // Declaring the topic with as many partitions as the scaler's maximum fixes
  // that; with fewer, the scaler's partition check fails the synth and says why.
  const topic = cluster.addTopic('my-topic', { partitions: options.partitions ?? 6, replicas: 3 });

  const keda = new Chart(app, 'keda', { namespace: 'keda' });
  const plain = cluster.findListener('plain')!;
  const consumer = new kplus.Deployment(keda, 'consumer-service', {
    metadata: { name: 'consumer-service', labels: { app: 'consumer-service' } },
    podMetadata: { labels: { app: 'consumer-service' } },
    // No replica count: the scaler marks the Deployment as autoscaled, so its
    // manifest leaves spec.replicas to KEDA.
    containers: [{
      name: 'consumer',
      image: 'ghcr.io/example/kafka-consumer:1.0.0',
      envVariables: {
        BOOTSTRAP_SERVERS: kplus.EnvValue.fromValue(cluster.bootstrapServers(plain)),
        TOPIC: kplus.EnvValue.fromValue(topic.topicName),
        GROUP_ID: kplus.EnvValue.fromValue('keda-consumer'),
      },
    }],
  });

  new KedaConsumerScaler(keda, 'consumer-service-scaler', {
    target: consumer,
    cluster,
    listener: plain,
    topic,
    consumerGroup: 'keda-consumer',
    lagThreshold: 1,
    minReplicaCount: 1,
    maxReplicaCount: 6,
  });
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
