import { parseAllDocuments } from 'yaml';
import { build } from '../../examples/rebalance-add-brokers/main';
import { docOf, synthExample } from '../util';

test('add-brokers after scaling the broker pool to node IDs 3-7', () => {
  const yaml = synthExample(build);
  expect(yaml).toMatchSnapshot();
  const docs = parseAllDocuments(yaml).map((d) => d.toJSON());
  expect(docOf(docs, 'KafkaNodePool', 'brokers').metadata.annotations).toEqual({ 'strimzi.io/next-node-ids': '[3-7]' });
  const kr = docOf(docs, 'KafkaRebalance', 'add-brokers-6-7');
  expect(kr.metadata.labels).toEqual({ 'strimzi.io/cluster': 'my-cluster' });
  expect(kr.metadata.annotations).toBeUndefined();
  expect(kr.spec).toEqual({ mode: 'add-brokers', brokers: [6, 7], replicationThrottle: 52428800 });
  expect(docOf(docs, 'Kafka').spec.cruiseControl).toEqual({});
});
