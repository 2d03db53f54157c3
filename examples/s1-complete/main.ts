/*
 * s1-complete: seed S1 end to end, modern flavour (Strimzi 1.2.0, KRaft), delivered with Flux.
 *
 * The seed ran `helm install` for Strimzi (namespace `kafka`) and KEDA (namespace `keda`) by
 * hand, then applied the cluster, the topic, a client DaemonSet `myclient` and the consumer.
 * Here every step is one cdk8s app, and the two Helm installs become Flux HelmReleases
 * (a declarative `helm install`), so a Flux Kustomization pointing at dist/ installs it all:
 *
 * - operators: Strimzi's chart from its OCI registry into `kafka`, KEDA's chart into `keda`;
 * - kafka: `my-cluster` (3 controllers, 3 brokers, the seed's listeners and broker config),
 *   KafkaTopics `mytopic1` (as in the seed) and `my-topic` (6 partitions, so KEDA can scale
 *   past one pod), and `myclient`: a DaemonSet with Strimzi's Kafka image and a ready
 *   client.properties for the plain listener, e.g.
 *     kubectl -n kafka exec ds/myclient -- bin/kafka-console-consumer.sh \
 *       --bootstrap-server "$BOOTSTRAP" --consumer.config /etc/kafka/client/client.properties --topic mytopic1
 *   (run it through `sh -c '...'` so $BOOTSTRAP expands inside the pod);
 * - keda: `consumer-service` scaled by KEDA on consumer lag (threshold 1).
 *
 * Flux applies the plain manifests of the kafka and keda charts through a Kustomization; give
 * that Kustomization `dependsOn` on the operators' HelmReleases (see docs/operators.md), since
 * its CRDs come with the Strimzi chart.
 */
import * as path from 'path';
import { App, Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  KafkaClientPod, KafkaClientPodKind, KafkaCluster, KedaConsumerScaler, KedaOperator, Listener, ListenerAuthentication, NodeRole,
  OperatorDelivery, StrimziOperator,
} from '../../src';

export function build(app: App): void {
  const operators = new Chart(app, 'operators');
  const strimzi = new StrimziOperator(operators, 'strimzi', { namespace: 'kafka', delivery: OperatorDelivery.flux() });
  new KedaOperator(operators, 'keda', { namespace: 'keda', delivery: OperatorDelivery.flux() });

  const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
  const cluster = new KafkaCluster(kafka, 'my-cluster', {
    target: strimzi.target,
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
  cluster.addTopic('mytopic1', { partitions: 1, replicas: 3, retention: Duration.hours(2), segmentBytes: Size.gibibytes(1), minInSyncReplicas: 2 });
  const topic = cluster.addTopic('my-topic', { partitions: 6, replicas: 3 });
  const plain = cluster.findListener('plain')!;
  new KafkaClientPod(kafka, 'myclient', { name: 'myclient', cluster, listener: plain, kind: KafkaClientPodKind.DAEMON_SET });

  const keda = new Chart(app, 'keda', { namespace: 'keda' });
  const consumer = new kplus.Deployment(keda, 'consumer-service', {
    metadata: { name: 'consumer-service', labels: { app: 'consumer-service' } },
    podMetadata: { labels: { app: 'consumer-service' } },
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
    target: consumer, cluster, listener: plain, topic, consumerGroup: 'keda-consumer', lagThreshold: 1, minReplicaCount: 1, maxReplicaCount: 6,
  });
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
