/*
 * KEDA over SCRAM and TLS: the consumer `orders-consumer` runs in its own
 * namespace `orders`, the cluster `my-cluster` (ACLs enforced) in `kafka`.
 *
 * - The KafkaUser gets Read on the topic and the consumer group through a
 *   grant; the scaler checks that at synth time.
 * - KEDA authenticates as that user: SCRAM-SHA-512 over TLS, trusting the
 *   cluster CA.
 * - Strimzi writes the user's password and the cluster CA only into `kafka`,
 *   and a TriggerAuthentication reads Secrets only from its own namespace, so
 *   `copyToWorkloadNamespace()` adds a CronJob that keeps copies of exactly
 *   those keys in `orders`; the consumer's pods use the same copies.
 */
import * as path from 'path';
import { App, Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  CrossNamespaceCredentials, FallbackBehavior, KafkaAuthorization, KafkaCluster, KedaConsumerScaler, Listener,
  ListenerAuthentication, NodeRole, OffsetResetPolicy, ScalingPolicy,
} from '../../src';

export function build(app: App): void {
  const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
  const cluster = new KafkaCluster(kafka, 'my-cluster', {
    listeners: [Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.scramSha512() })],
    authorization: KafkaAuthorization.simple(),
  });
  cluster.addNodePool('controllers', { roles: [NodeRole.CONTROLLER], replicas: 3 });
  cluster.addNodePool('brokers', { roles: [NodeRole.BROKER], replicas: 3 });

  const topic = cluster.addTopic('orders', { partitions: 12, replicas: 3 });
  const user = cluster.addUser('orders-consumer');
  topic.grantRead(user, { consumerGroup: 'orders-consumer' });

  const orders = new Chart(app, 'orders', { namespace: 'orders' });
  const listener = cluster.findListener('tls')!;
  const connection = user.connectionDetails(listener);

  // The copies the scaler's CronJob keeps in `orders` carry the Strimzi names.
  const password = kplus.Secret.fromSecretName(orders, 'password', connection.password!.secretName);
  const clusterCa = kplus.Secret.fromSecretName(orders, 'cluster-ca', connection.brokerCa!.secretName);
  const consumer = new kplus.Deployment(orders, 'orders-consumer', {
    metadata: { name: 'orders-consumer' },
    containers: [{
      name: 'consumer',
      image: 'ghcr.io/example/orders-consumer:2.3.0',
      envVariables: {
        BOOTSTRAP_SERVERS: kplus.EnvValue.fromValue(connection.bootstrapServers),
        SECURITY_PROTOCOL: kplus.EnvValue.fromValue(connection.securityProtocol),
        SASL_MECHANISM: kplus.EnvValue.fromValue(connection.saslMechanism!),
        SASL_USERNAME: kplus.EnvValue.fromValue(connection.username!),
        SASL_PASSWORD: kplus.EnvValue.fromSecretValue({ secret: password, key: connection.password!.key }),
        SSL_CA_LOCATION: kplus.EnvValue.fromValue(`/etc/kafka/ca/${connection.brokerCa!.key}`),
        TOPIC: kplus.EnvValue.fromValue(topic.topicName),
        GROUP_ID: kplus.EnvValue.fromValue('orders-consumer'),
      },
      volumeMounts: [{ path: '/etc/kafka/ca', volume: kplus.Volume.fromSecret(orders, 'ca-volume', clusterCa) }],
    }],
  });

  new KedaConsumerScaler(orders, 'orders-consumer-scaler', {
    target: consumer,
    cluster,
    listener,
    user,
    topic,
    consumerGroup: 'orders-consumer',
    offsetResetPolicy: OffsetResetPolicy.EARLIEST,
    lagThreshold: 500,
    activationLagThreshold: 10,
    minReplicaCount: 0,
    maxReplicaCount: 12,
    cooldownPeriod: Duration.minutes(10),
    fallback: { failureThreshold: 5, replicas: 2, behavior: FallbackBehavior.CURRENT_REPLICAS_IF_HIGHER },
    scaleDown: { stabilizationWindow: Duration.minutes(5), policies: [ScalingPolicy.pods(2, Duration.minutes(1))] },
    crossNamespaceCredentials: CrossNamespaceCredentials.copyToWorkloadNamespace(),
  });
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
