import * as YAML from 'yaml';
import { build } from '../../examples/s1-cluster/main';
import { docOf, synthExample } from '../util';

describe('examples/s1-cluster', () => {
  // GIVEN the S1 cluster example, WHEN synthesized as `cdk8s synth` would
  const yaml = synthExample(build);
  const docs = YAML.parseAllDocuments(yaml).map((d) => d.toJS());
  const kafka = docOf(docs, 'Kafka', 'my-cluster');

  test('one Kafka, a 3-node controller pool (the former ZooKeeper) and 3 brokers', () => {
    expect(docs.map((d) => `${d.kind} ${d.metadata.namespace}/${d.metadata.name}`)).toEqual([
      'Kafka kafka/my-cluster', 'KafkaNodePool kafka/controllers', 'KafkaNodePool kafka/brokers',
    ]);
    expect(docOf(docs, 'KafkaNodePool', 'controllers').spec).toMatchObject({ replicas: 3, roles: ['controller'], storage: { type: 'persistent-claim', size: '10Gi', deleteClaim: true } });
    expect(docOf(docs, 'KafkaNodePool', 'brokers').spec).toMatchObject({ replicas: 3, roles: ['broker'] });
  });

  test('the seed listeners: plain without TLS or auth, tls with SCRAM, external NodePort', () => {
    expect(kafka.spec.kafka.listeners).toEqual([
      { name: 'plain', port: 9092, type: 'internal', tls: false },
      { name: 'tls', port: 9093, type: 'internal', tls: true, authentication: { type: 'scram-sha-512' } },
      { name: 'external', port: 9094, type: 'nodeport', tls: false },
    ]);
  });

  test('replication settings, without inter.broker.protocol.version', () => {
    expect(kafka.spec.kafka.config).toEqual({
      'offsets.topic.replication.factor': 3,
      'transaction.state.log.replication.factor': 3,
      'transaction.state.log.min.isr': 2,
      'default.replication.factor': 3,
      'min.insync.replicas': 2,
    });
    expect(kafka.spec.kafka.version).toBe('4.3.1');
  });

  test('JBOD 10Gi deleted with the cluster; required zone spread per pool', () => {
    const brokers = docOf(docs, 'KafkaNodePool', 'brokers');
    expect(brokers.spec.storage).toEqual({ type: 'jbod', volumes: [{ id: 0, type: 'persistent-claim', size: '10Gi', deleteClaim: true }] });
    expect(brokers.spec.template.pod.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution).toEqual([{
      labelSelector: { matchLabels: { 'strimzi.io/cluster': 'my-cluster', 'strimzi.io/name': 'my-cluster-kafka', 'strimzi.io/pool-name': 'brokers' } },
      topologyKey: 'topology.ebs.csi.aws.com/zone',
    }]);
  });

  test('probes as in the seed; topic and user operators on', () => {
    expect(kafka.spec.kafka.readinessProbe).toEqual({ initialDelaySeconds: 15, timeoutSeconds: 5 });
    expect(kafka.spec.kafka.livenessProbe).toEqual({ initialDelaySeconds: 15, timeoutSeconds: 5 });
    expect(kafka.spec.entityOperator).toEqual({ topicOperator: {}, userOperator: {} });
  });

  test('snapshot', () => {
    expect(yaml).toMatchSnapshot();
  });
});
