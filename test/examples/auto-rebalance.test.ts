import { parseAllDocuments } from 'yaml';
import { build } from '../../examples/auto-rebalance/main';
import { docOf, docsOf, synthExample } from '../util';

test('auto-rebalancing names its two templates, which carry the template annotation and no cluster label', () => {
  const yaml = synthExample(build);
  expect(yaml).toMatchSnapshot();
  const docs = parseAllDocuments(yaml).map((d) => d.toJSON());
  expect(docOf(docs, 'Kafka').spec.cruiseControl.autoRebalance).toEqual([
    { mode: 'add-brokers', template: { name: 'scale-up' } },
    { mode: 'remove-brokers', template: { name: 'scale-down' } },
  ]);
  const templates = docsOf(docs, 'KafkaRebalance');
  expect(templates.map((t) => t.metadata)).toEqual([
    { name: 'scale-up', namespace: 'kafka', annotations: { 'strimzi.io/rebalance-template': 'true' } },
    { name: 'scale-down', namespace: 'kafka', annotations: { 'strimzi.io/rebalance-template': 'true' } },
  ]);
  expect(templates[0].spec).toEqual({ replicationThrottle: 104857600 });
  expect(templates[1].spec.concurrentPartitionMovementsPerBroker).toBe(2);
});
