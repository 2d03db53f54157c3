import { Testing } from 'cdk8s';
import * as YAML from 'yaml';
import { build } from '../../examples/mirror-maker2/main';
import { docOf, docsOf, synthAppYaml, warningsOf } from '../util';

describe('examples/mirror-maker2', () => {
  const app = Testing.app();
  build(app);
  const yaml = synthAppYaml(app);
  const docs = YAML.parseAllDocuments(yaml).map((d) => d.toJS());

  test('snapshot', () => {
    expect(yaml).toMatchSnapshot();
  });

  test('one managed cluster and one imported: only the target side is rendered', () => {
    expect(docs.map((d) => d.kind)).toEqual(['Kafka', 'KafkaNodePool', 'KafkaUser', 'KafkaMirrorMaker2', 'ConfigMap']);
    const spec = docOf(docs, 'KafkaMirrorMaker2', 'mm2').spec;
    expect(spec.target.alias).toBe('us');
    expect(spec.mirrors.map((m: any) => [m.source.alias, m.source.bootstrapServers, m.topicsPattern, m.groupsPattern]))
      .toEqual([['eu', 'eu-kafka-bootstrap.kafka.svc:9093', 'orders.*', 'app-.*']]);
  });

  test('the target user gets its ACLs; the source owner is told which to grant', () => {
    expect(docsOf(docs, 'KafkaUser')[0].spec.authorization.acls).toEqual([
      { resource: { type: 'topic', name: 'eu.checkpoints.internal' }, operations: ['Read', 'Write', 'Create', 'Describe'] },
      { resource: { type: 'topic', name: 'mm2-configs' }, operations: ['Read', 'Write', 'Create', 'Describe', 'DescribeConfigs'] },
      { resource: { type: 'topic', name: 'mm2-offset-syncs.us.internal' }, operations: ['Read', 'Write', 'Create', 'DescribeConfigs'] },
      { resource: { type: 'topic', name: 'mm2-offsets' }, operations: ['Read', 'Write', 'Create', 'Describe', 'DescribeConfigs'] },
      { resource: { type: 'topic', name: 'mm2-status' }, operations: ['Read', 'Write', 'Create', 'Describe', 'DescribeConfigs'] },
      { resource: { type: 'topic', name: 'eu.orders', patternType: 'prefix' }, operations: ['Write', 'Create', 'Alter', 'AlterConfigs'] },
      { resource: { type: 'group', name: 'mm2' }, operations: ['Read'] },
      { resource: { type: 'group', name: 'app-', patternType: 'prefix' }, operations: ['Read', 'Describe'] },
      { resource: { type: 'cluster' }, operations: ['Describe'] },
    ]);
    expect(warningsOf(app)).toEqual([
      '[mirror-maker2/eu-reader] KAF-USR-024 user "mm2-reader" is managed elsewhere: its owner must grant 3 ACL rule(s): allow DescribeConfigs, Read on topic prefix "orders" from * and allow Describe on cluster from * and allow Describe on group prefix "app-" from * in KafkaUser "mm2-reader" (namespace "kafka"); this app relies on them',
    ]);
  });
});
