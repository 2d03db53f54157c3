import { parseAllDocuments } from 'yaml';
import { build } from '../../examples/kafka-access-app/main';
import { docOf, docsOf, synthExample } from '../util';

test('an app in its own namespace reads everything from the KafkaAccess binding Secret', () => {
  const yaml = synthExample(build);
  expect(yaml).toMatchSnapshot();
  const docs = parseAllDocuments(yaml).map((d) => d.toJSON());
  const access = docOf(docs, 'KafkaAccess');
  expect(access.metadata.namespace).toBe('orders');
  expect(access.spec).toEqual({
    kafka: { name: 'my-cluster', namespace: 'kafka', listener: 'tls' },
    user: { kind: 'KafkaUser', apiGroup: 'kafka.strimzi.io', name: 'orders-app', namespace: 'kafka' },
    secretName: 'orders-app-kafka',
  });
  const pod = docOf(docs, 'Deployment').spec.template.spec;
  const secretsRead = pod.containers[0].env.filter((e: any) => e.valueFrom).map((e: any) => e.valueFrom.secretKeyRef.name);
  expect(new Set(secretsRead)).toEqual(new Set(['orders-app-kafka']));
  expect(pod.volumes.map((v: any) => v.secret.secretName)).toEqual(['orders-app-kafka']);
  const auth = docOf(docs, 'TriggerAuthentication');
  expect(auth.metadata.namespace).toBe('orders');
  expect(auth.spec.secretTargetRef.map((r: any) => [r.parameter, r.name, r.key])).toEqual([
    ['ca', 'orders-app-kafka', 'ssl.truststore.crt'],
    ['password', 'orders-app-kafka', 'password'],
  ]);
  // no Secret copies: the Access Operator writes the only Secret the app reads
  expect(docsOf(docs, 'Secret')).toEqual([]);
});
