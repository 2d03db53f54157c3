import * as YAML from 'yaml';
import { build } from '../../examples/s5-cluster/main';
import { docOf, synthExample } from '../util';

describe('examples/s5-cluster', () => {
  const yaml = synthExample(build);
  const docs = YAML.parseAllDocuments(yaml).map((d) => d.toJS());
  const kafka = docOf(docs, 'Kafka', 'my-cluster');
  const brokers = docOf(docs, 'KafkaNodePool', 'brokers');

  test('custom image and replication factors 2', () => {
    expect(kafka.spec.kafka.image).toBe('repository.example.com/kafka-operator/kafka:1.2.0-kafka-4.3.1');
    expect(kafka.spec.kafka.config).toEqual({
      'offsets.topic.replication.factor': 2,
      'transaction.state.log.replication.factor': 2,
      'transaction.state.log.min.isr': 1,
      'default.replication.factor': 2,
    });
  });

  test('requests = limits of 16Gi and 4 CPUs, heap 3072m', () => {
    expect(brokers.spec.resources).toEqual({ requests: { cpu: '4', memory: '16Gi' }, limits: { cpu: '4', memory: '16Gi' } });
    expect(brokers.spec.jvmOptions).toEqual({ '-Xms': '3072m', '-Xmx': '3072m' });
  });

  test('100Gi of rocketmq-storage kept on delete; required host spread', () => {
    expect(brokers.spec.storage).toEqual({ type: 'persistent-claim', size: '100Gi', class: 'rocketmq-storage', deleteClaim: false });
    expect(brokers.spec.template.pod.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey).toBe('kubernetes.io/hostname');
  });

  test('listeners: external NodePort 9092 (explicit opt-in), plain internal 9093', () => {
    expect(kafka.spec.kafka.listeners).toEqual([
      { name: 'external', port: 9092, type: 'nodeport', tls: false },
      { name: 'plain', port: 9093, type: 'internal', tls: false },
    ]);
  });

  test('snapshot', () => {
    expect(yaml).toMatchSnapshot();
  });
});
