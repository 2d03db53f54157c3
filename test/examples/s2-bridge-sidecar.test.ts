import * as YAML from 'yaml';
import { build } from '../../examples/s2-bridge-sidecar/main';
import { docOf, synthExample } from '../util';

describe('examples/s2-bridge-sidecar', () => {
  const yaml = synthExample(build);
  const docs = YAML.parseAllDocuments(yaml).map((d) => d.toJS());

  test('snapshot', () => {
    expect(yaml).toMatchSnapshot();
  });

  test('the app Deployment runs the bridge as a native sidecar with the user\'s certificate', () => {
    const spec = docOf(docs, 'Deployment', 'orders-app').spec.template.spec;
    const bridge = spec.initContainers[0];
    expect(bridge).toMatchObject({ name: 'kafka-bridge', image: 'quay.io/strimzi/kafka-bridge:1.1.0', restartPolicy: 'Always', command: ['/opt/strimzi/bin/docker/kafka_bridge_run.sh'] });
    expect(spec.containers[0].env).toContainEqual({ name: 'KAFKA_BRIDGE_URL', value: 'http://localhost:8080' });
    expect(spec.volumes.find((v: any) => v.name === 'kafka-bridge-user').secret.secretName).toBe('orders-app');
    const props = docOf(docs, 'ConfigMap', 'orders-app-kafka-bridge').data['application.properties'];
    expect(props).toContain('kafka.security.protocol=SSL\n');
    expect(props).toContain('http.host=127.0.0.1\n');
  });

  test('the user may use the topics and the HTTP consumers\' group', () => {
    expect(docOf(docs, 'KafkaUser', 'orders-app').spec.authorization.acls).toEqual([
      { resource: { type: 'topic', name: 'audit' }, operations: ['Write', 'Describe'] },
      { resource: { type: 'topic', name: 'orders' }, operations: ['Read', 'Write', 'Describe'] },
      { resource: { type: 'group', name: 'orders-app' }, operations: ['Read'] },
    ]);
  });
});
