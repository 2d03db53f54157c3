import { parseAllDocuments } from 'yaml';
import { build } from '../../examples/app-scram-tls/main';
import { docOf, synthExample } from '../util';

test('an app Deployment wired to a SCRAM-over-TLS user', () => {
  const yaml = synthExample(build);
  expect(yaml).toMatchSnapshot();

  const docs = parseAllDocuments(yaml).map((d) => d.toJSON());
  const deployment = docOf(docs, 'Deployment');
  expect(deployment.metadata.namespace).toBe('kafka');
  const pod = deployment.spec.template.spec;
  expect(pod.containers[0].env).toEqual([
    { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'orders-kafka-bootstrap.kafka.svc:9093' },
    { name: 'KAFKA_SECURITY_PROTOCOL', value: 'SASL_SSL' },
    { name: 'KAFKA_SASL_MECHANISM', value: 'SCRAM-SHA-512' },
    { name: 'KAFKA_SASL_USERNAME', value: 'orders-app' },
    { name: 'KAFKA_SASL_PASSWORD', valueFrom: { secretKeyRef: { key: 'password', name: 'orders-app' } } },
    { name: 'KAFKA_SASL_JAAS_CONFIG', valueFrom: { secretKeyRef: { key: 'sasl.jaas.config', name: 'orders-app' } } },
    { name: 'KAFKA_SSL_CA_LOCATION', value: '/etc/kafka/certs/ca/ca.crt' },
  ]);
  expect(pod.volumes).toEqual([
    { name: 'kafka-ca-orders-cluster-ca-cert', secret: { secretName: 'orders-cluster-ca-cert', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
  ]);
  expect(pod.containers[0].volumeMounts).toEqual([{ name: 'kafka-ca-orders-cluster-ca-cert', mountPath: '/etc/kafka/certs/ca', readOnly: true }]);

  const user = docOf(docs, 'KafkaUser', 'orders-app');
  expect(user.spec.authentication).toEqual({ type: 'scram-sha-512' });
  expect(user.spec.authorization.acls).toEqual([
    { resource: { type: 'topic', name: 'orders' }, operations: ['Read', 'Write', 'Describe'] },
    { resource: { type: 'group', name: 'orders-app' }, operations: ['Read'] },
  ]);
});
