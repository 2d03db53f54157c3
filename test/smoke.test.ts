import { Testing } from 'cdk8s';
import { KafkaAuthorization, KafkaCluster, Listener, NodeRole } from '../src';

test('a cluster renders a Kafka and a node pool', () => {
  const chart = Testing.chart();
  const c = new KafkaCluster(chart, 'my-cluster', { namespace: 'kafka', listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
  c.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
  const out = Testing.synth(chart);
  expect(out.map((o: any) => o.kind)).toEqual(['Kafka', 'KafkaNodePool']);
  expect(out[0].spec.kafka.listeners[0]).toEqual({ name: 'tls', port: 9093, type: 'internal', tls: true });
  expect(c.bootstrapServers(c.listeners[0])).toBe('my-cluster-kafka-bootstrap.kafka.svc:9093');
});

test('simple authorization renders with super users', () => {
  const chart = Testing.chart();
  new KafkaCluster(chart, 'c', { namespace: 'kafka', authorization: KafkaAuthorization.simple({ superUsers: ['CN=admin'] }) });
  const kafka = Testing.synth(chart)[0];
  expect(kafka.spec.kafka.authorization).toEqual({ type: 'simple', superUsers: ['CN=admin'] });
});
