import * as YAML from 'yaml';
import { build } from '../../examples/s3-loadbalancer/main';
import { docOf, synthExample } from '../util';

describe('examples/s3-loadbalancer', () => {
  const yaml = synthExample(build);
  const docs = YAML.parseAllDocuments(yaml).map((d) => d.toJS());
  const kafka = docOf(docs, 'Kafka', 'my-cluster');

  test('a LoadBalancer per broker with external-dns names per broker and for the bootstrap', () => {
    const external = kafka.spec.kafka.listeners.find((l: any) => l.name === 'external');
    expect(external.type).toBe('loadbalancer');
    expect(external.tls).toBe(true);
    expect(external.configuration).toEqual({
      bootstrap: { alternativeNames: ['kafka.example.com'], annotations: { 'external-dns.alpha.kubernetes.io/hostname': 'kafka.example.com' } },
      perBrokerAnnotationsTemplate: { 'external-dns.alpha.kubernetes.io/hostname': 'broker-{nodeId}.kafka.example.com' },
      advertisedHostTemplate: 'broker-{nodeId}.kafka.example.com',
    });
  });

  test('preferred zone spread for the brokers', () => {
    const pod = docOf(docs, 'KafkaNodePool', 'brokers').spec.template.pod;
    expect(pod.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey).toBe('topology.kubernetes.io/zone');
  });

  test('snapshot', () => {
    expect(yaml).toMatchSnapshot();
  });
});
