/*
 * connect-build: a Kafka Connect image built by the operator with two plugins
 * (Camel's timer source from a checksummed archive, and a Debezium connector
 * from Maven), pushed to a registry with the credentials in a docker-config
 * Secret, and a connector of the first plugin.
 *
 *   npx ts-node examples/connect-build/main.ts
 */
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import {
  ConnectBuildOutput, ConnectorType, KafkaAuthorization, KafkaCluster, KafkaConnect, KafkaUserAuthentication, Listener,
  ListenerAuthentication, NodeRole, PluginArtifact,
} from '../../src';

export function build(app: App): void {
  const chart = new Chart(app, 'connect-build', { namespace: 'kafka' });

  const cluster = new KafkaCluster(chart, 'my-cluster', {
    authorization: KafkaAuthorization.simple(),
    listeners: [Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.tls() })],
  });
  cluster.addNodePool('nodes', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
  const ticks = cluster.addTopic('ticks', { partitions: 1, replicas: 3 });
  const user = cluster.addUser('connect', { authentication: KafkaUserAuthentication.tls() });

  const connect = new KafkaConnect(chart, 'my-connect', {
    cluster,
    listener: cluster.findListener('tls')!,
    user,
    build: {
      output: ConnectBuildOutput.docker('registry.example.com/data/my-connect:1.0.0', { pushSecret: 'registry-credentials' }),
      plugins: [
        {
          name: 'camel-timer',
          artifacts: [PluginArtifact.tgz(
            'https://repo.maven.apache.org/maven2/org/apache/camel/kafkaconnector/camel-timer-source-kafka-connector/4.8.0/camel-timer-source-kafka-connector-4.8.0-package.tar.gz',
            // the archive's sha512sum (a placeholder here: put the value you verified)
            { sha512sum: 'f7d2f9a1b5c6e0d4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8' },
          )],
        },
        {
          name: 'debezium-postgres',
          artifacts: [PluginArtifact.maven({ group: 'io.debezium', artifact: 'debezium-connector-postgres', version: '3.0.0.Final' })],
        },
      ],
    },
  });
  connect.addConnector('timer', {
    className: 'org.apache.camel.kafkaconnector.timersource.CamelTimersourceSourceConnector',
    type: ConnectorType.SOURCE,
    topics: [ticks],
    config: { 'topics': ticks.topicName, 'camel.kamelet.timer-source.message': 'tick', 'camel.kamelet.timer-source.period': 10000 },
  });
  connect.grantAccess();
}

if (require.main === module) {
  const app = new App({ outdir: path.join(__dirname, 'dist') });
  build(app);
  app.synth();
}
