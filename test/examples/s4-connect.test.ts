import * as YAML from 'yaml';
import { build } from '../../examples/s4-connect/main';
import { docOf, docsOf, synthExample } from '../util';

describe('examples/s4-connect', () => {
  const yaml = synthExample(build);
  const docs = YAML.parseAllDocuments(yaml).map((d) => d.toJS());

  test('snapshot', () => {
    expect(yaml).toMatchSnapshot();
  });

  test('Kafka, KafkaTopic, KafkaUser and KafkaConnect with a connector, all in the cluster namespace', () => {
    expect(docs.map((d) => d.kind)).toEqual(['Kafka', 'KafkaNodePool', 'KafkaNodePool', 'KafkaTopic', 'KafkaUser', 'KafkaConnect', 'ConfigMap', 'KafkaConnector']);
    expect(new Set(docs.map((d) => d.metadata.namespace))).toEqual(new Set(['kafka']));
    const connect = docOf(docs, 'KafkaConnect', 'my-connect-cluster');
    expect(connect.metadata.annotations).toEqual({ 'strimzi.io/use-connector-resources': 'true' });
    expect(connect.spec.replicas).toBe(3);
    expect(connect.spec.authentication.username).toBe('my-connect');
    const connector = docOf(docs, 'KafkaConnector', 'my-source-connector');
    expect(connector.metadata.labels).toEqual({ 'strimzi.io/cluster': 'my-connect-cluster' });
    expect(connector.spec.tasksMax).toBe(2);
  });

  test('the Connect user gets exactly the worker and connector ACLs', () => {
    expect(docsOf(docs, 'KafkaUser')[0].spec.authorization.acls).toEqual([
      { resource: { type: 'topic', name: 'my-connect-cluster-configs' }, operations: ['Read', 'Write', 'Create', 'Describe'] },
      { resource: { type: 'topic', name: 'my-connect-cluster-offsets' }, operations: ['Read', 'Write', 'Create', 'Describe'] },
      { resource: { type: 'topic', name: 'my-connect-cluster-status' }, operations: ['Read', 'Write', 'Create', 'Describe'] },
      { resource: { type: 'topic', name: 'my-topic' }, operations: ['Write', 'Create', 'Describe'] },
      { resource: { type: 'group', name: 'my-connect-cluster' }, operations: ['Read'] },
    ]);
  });
});
