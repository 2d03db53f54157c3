import * as YAML from 'yaml';
import { build } from '../../examples/s3-nodeport/main';
import { docOf, synthExample } from '../util';

describe('examples/s3-nodeport', () => {
  const yaml = synthExample(build);
  const docs = YAML.parseAllDocuments(yaml).map((d) => d.toJS());
  const kafka = docOf(docs, 'Kafka', 'my-cluster');

  test('each broker advertises a node address and its own node port', () => {
    const external = kafka.spec.kafka.listeners.find((l: any) => l.name === 'external');
    expect(external).toEqual({
      name: 'external',
      port: 9094,
      type: 'nodeport',
      tls: true,
      authentication: { type: 'scram-sha-512' },
      configuration: {
        bootstrap: { nodePort: 32100 },
        brokers: [
          { broker: 0, advertisedHost: '203.0.113.10', advertisedPort: 32000, nodePort: 32000 },
          { broker: 1, advertisedHost: '203.0.113.11', advertisedPort: 32001, nodePort: 32001 },
          { broker: 2, advertisedHost: '203.0.113.12', advertisedPort: 32002, nodePort: 32002 },
        ],
      },
    });
  });

  test('node IDs are pinned so the per-broker settings match real brokers', () => {
    expect(docOf(docs, 'KafkaNodePool', 'brokers').metadata.annotations).toEqual({ 'strimzi.io/next-node-ids': '[0-2]' });
    expect(docOf(docs, 'KafkaNodePool', 'controllers').metadata.annotations).toEqual({ 'strimzi.io/next-node-ids': '[100-102]' });
  });

  test('snapshot', () => {
    expect(yaml).toMatchSnapshot();
  });
});
