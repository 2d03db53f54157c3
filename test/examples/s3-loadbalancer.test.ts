import { Testing } from 'cdk8s';
import * as YAML from 'yaml';
import { build } from '../../examples/s3-loadbalancer/main';
import { KafkaCluster } from '../../src';
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

  test('clients outside Kubernetes bootstrap from the external-dns name, known at synth time', () => {
    const app = Testing.app();
    build(app);
    const cluster = app.node.findAll().find((c): c is KafkaCluster => c instanceof KafkaCluster)!;
    expect(cluster.externalBootstrapServers(cluster.findListener('external')!)).toBe('kafka.example.com:9094');
    expect(cluster.bootstrapServers(cluster.findListener('tls')!)).toBe('my-cluster-kafka-bootstrap.kafka.svc:9093');
  });

  test('snapshot', () => {
    expect(yaml).toMatchSnapshot();
  });
});
