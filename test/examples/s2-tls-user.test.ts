import { parseAllDocuments } from 'yaml';
import { build } from '../../examples/s2-tls-user/main';
import { docOf, synthExample } from '../util';

test('S2: a TLS user with ACLs on the topics it uses', () => {
  const yaml = synthExample(build);
  expect(yaml).toMatchSnapshot();

  const docs = parseAllDocuments(yaml).map((d) => d.toJSON());
  const kafka = docOf(docs, 'Kafka', 'my-cluster');
  expect(kafka.spec.kafka.authorization).toEqual({ type: 'simple' });
  const user = docOf(docs, 'KafkaUser', 'my-bridge');
  expect(user.metadata).toEqual({ name: 'my-bridge', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'my-cluster' } });
  expect(user.spec).toEqual({
    authentication: { type: 'tls' },
    authorization: {
      type: 'simple',
      acls: [
        { resource: { type: 'topic', name: 'audit' }, operations: ['Write', 'Describe'] },
        { resource: { type: 'topic', name: 'orders' }, operations: ['Read', 'Write', 'Describe'] },
        { resource: { type: 'group', name: 'my-bridge' }, operations: ['Read'] },
      ],
    },
  });
  expect(docOf(docs, 'KafkaTopic', 'orders').spec).toEqual({ partitions: 3, replicas: 3, config: { 'min.insync.replicas': 2 } });
});
