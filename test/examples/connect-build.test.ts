import * as YAML from 'yaml';
import { build } from '../../examples/connect-build/main';
import { docOf, synthExample } from '../util';

describe('examples/connect-build', () => {
  const yaml = synthExample(build);
  const docs = YAML.parseAllDocuments(yaml).map((d) => d.toJS());

  test('snapshot', () => {
    expect(yaml).toMatchSnapshot();
  });

  test('a build with two plugins pushed with a Secret; the connector uses the first', () => {
    const b = docOf(docs, 'KafkaConnect', 'my-connect').spec.build;
    expect(b.output).toEqual({ type: 'docker', image: 'registry.example.com/data/my-connect:1.0.0', pushSecret: 'registry-credentials' });
    expect(b.plugins.map((p: any) => [p.name, p.artifacts.map((a: any) => a.type)])).toEqual([['camel-timer', ['tgz']], ['debezium-postgres', ['maven']]]);
    expect(b.plugins[0].artifacts[0].sha512sum).toHaveLength(128);
    expect(docOf(docs, 'KafkaConnect', 'my-connect').spec.authentication.type).toBe('tls');
    expect(docOf(docs, 'KafkaConnector', 'timer').spec.class).toBe('org.apache.camel.kafkaconnector.timersource.CamelTimersourceSourceConnector');
  });
});
