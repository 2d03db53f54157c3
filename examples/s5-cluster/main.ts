/*
 * s5-cluster: scenario S5's production cluster on Strimzi 1.2.0 (KRaft).
 *
 * A custom Kafka image from an internal registry; 3 brokers with requests = limits
 * of 16Gi memory and 4 CPUs and a 3072m heap; persistent claims of 100Gi in storage
 * class `rocketmq-storage`, kept when the cluster is deleted; replication factors 2;
 * pods spread across hosts (required). The seed's ZooKeeper (3 nodes, 3Gi / 1 CPU,
 * heap 2048m) becomes a controller pool with the same sizing.
 * The seed's plain `external` NodePort listener on 9092 keeps the explicit opt-in.
 * (Metrics for this scenario are configured with the monitoring constructs.)
 *
 * The image must be built from Strimzi's Kafka image for the chosen Kafka version
 * (here `quay.io/strimzi/kafka:1.2.0-kafka-4.3.1`), or the operator's scripts are missing.
 *
 *   npx ts-node examples/s5-cluster/main.ts   # writes examples/s5-cluster/dist/*.yaml
 */
import * as path from 'path';
import { App, Chart, Size } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-27';
import { KafkaCluster, KafkaVersion, Listener, ListenerAuthentication, NodeRole, Spread, Storage } from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 's5-cluster', { namespace: 'kafka' });

  const cluster = new KafkaCluster(chart, 'my-cluster', {
    name: 'my-cluster',
    version: KafkaVersion.V4_3_1,
    image: 'repository.example.com/kafka-operator/kafka:1.2.0-kafka-4.3.1',
    listeners: [
      Listener.nodePort({ name: 'external', port: 9092, tls: false, authentication: ListenerAuthentication.none(), allowInsecureExternalAccess: true }),
      Listener.internal({ name: 'plain', port: 9093, tls: false, authentication: ListenerAuthentication.none() }),
    ],
    config: {
      'offsets.topic.replication.factor': 2,
      'transaction.state.log.replication.factor': 2,
      'transaction.state.log.min.isr': 1,
      'default.replication.factor': 2,
    },
  });

  const storage = Storage.persistentClaim({ size: Size.gibibytes(100), storageClass: 'rocketmq-storage', deleteClaim: false });

  cluster.addNodePool('controllers', {
    name: 'controllers',
    roles: [NodeRole.CONTROLLER],
    replicas: 3,
    storage: Storage.persistentClaim({ size: Size.gibibytes(50), storageClass: 'rocketmq-storage', deleteClaim: false }),
    resources: {
      cpu: { request: Cpu.units(1), limit: Cpu.units(1) },
      memory: { request: Size.gibibytes(3), limit: Size.gibibytes(3) },
    },
    jvm: { heapInitial: Size.mebibytes(2048), heapMax: Size.mebibytes(2048) },
    spread: [Spread.acrossHosts()],
  });

  cluster.addNodePool('brokers', {
    name: 'brokers',
    roles: [NodeRole.BROKER],
    replicas: 3,
    storage,
    resources: {
      cpu: { request: Cpu.units(4), limit: Cpu.units(4) },
      memory: { request: Size.gibibytes(16), limit: Size.gibibytes(16) },
    },
    jvm: { heapInitial: Size.mebibytes(3072), heapMax: Size.mebibytes(3072) },
    spread: [Spread.acrossHosts()],
  });
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
