import * as YAML from 'yaml';
import { build } from '../../examples/s2-cluster/main';
import { docOf, synthExample } from '../util';

describe('examples/s2-cluster', () => {
  const yaml = synthExample(build);
  const docs = YAML.parseAllDocuments(yaml).map((d) => d.toJS());
  const kafka = docOf(docs, 'Kafka', 'my-cluster');

  test('TLS client authentication on 9093 and simple authorization', () => {
    expect(kafka.spec.kafka.listeners[1]).toEqual({ name: 'tls', port: 9093, type: 'internal', tls: true, authentication: { type: 'tls' } });
    expect(kafka.spec.kafka.authorization).toEqual({ type: 'simple' });
  });

  test('pods spread across hosts, required', () => {
    for (const pool of ['controllers', 'brokers']) {
      const terms = docOf(docs, 'KafkaNodePool', pool).spec.template.pod.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution;
      expect(terms).toEqual([{
        labelSelector: { matchLabels: { 'strimzi.io/cluster': 'my-cluster', 'strimzi.io/name': 'my-cluster-kafka', 'strimzi.io/pool-name': pool } },
        topologyKey: 'kubernetes.io/hostname',
      }]);
    }
  });

  test('snapshot', () => {
    expect(yaml).toMatchSnapshot();
  });
});
