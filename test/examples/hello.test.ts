import * as YAML from 'yaml';
import { build } from '../../examples/hello/main';
import { docOf, synthExample } from '../util';

describe('examples/hello', () => {
  // GIVEN the hello example, WHEN synthesized as `cdk8s synth` would
  const yaml = synthExample(build);
  const docs = YAML.parseAllDocuments(yaml).map((d) => d.toJS());

  test('renders one Kafka and one dual-role node pool', () => {
    expect(docs.map((d) => `${d.apiVersion} ${d.kind} ${d.metadata.namespace}/${d.metadata.name}`)).toEqual([
      'kafka.strimzi.io/v1 Kafka kafka/hello',
      'kafka.strimzi.io/v1 KafkaNodePool kafka/dual-role',
    ]);
  });

  test('the pool has three nodes that are controllers and brokers, bound to the cluster', () => {
    const pool = docOf(docs, 'KafkaNodePool', 'dual-role');
    expect(pool.spec.replicas).toBe(3);
    expect([...pool.spec.roles].sort()).toEqual(['broker', 'controller']);
    expect(pool.metadata.labels['strimzi.io/cluster']).toBe('hello');
  });

  test('the only listener is internal, TLS, SCRAM-SHA-512', () => {
    const kafka = docOf(docs, 'Kafka', 'hello');
    expect(kafka.spec.kafka.listeners).toEqual([
      { name: 'tls', port: 9093, type: 'internal', tls: true, authentication: { type: 'scram-sha-512' } },
    ]);
  });

  test('snapshot', () => {
    expect(yaml).toMatchSnapshot();
  });
});
