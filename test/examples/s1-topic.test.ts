import { parseAllDocuments } from 'yaml';
import { build } from '../../examples/s1-topic/main';
import { docOf, synthExample } from '../util';

test('S1 topic: mytopic1 exactly as the seed configures it', () => {
  const yaml = synthExample(build);
  expect(yaml).toMatchSnapshot();

  const docs = parseAllDocuments(yaml).map((d) => d.toJSON());
  const topic = docOf(docs, 'KafkaTopic', 'mytopic1');
  expect(topic.metadata).toEqual({ name: 'mytopic1', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'my-cluster' } });
  expect(topic.spec).toEqual({
    partitions: 1,
    replicas: 3,
    config: { 'retention.ms': 7200000, 'segment.bytes': 1073741824, 'min.insync.replicas': 2 },
  });
});
