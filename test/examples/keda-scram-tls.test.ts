import { parseAllDocuments } from 'yaml';
import { build } from '../../examples/keda-scram-tls/main';
import { docOf, docsOf, synthExample } from '../util';

test('KEDA over SCRAM and TLS with ACLs and credentials copied into the consumer namespace', () => {
  const yaml = synthExample(build);
  expect(yaml).toMatchSnapshot();
  const docs = parseAllDocuments(yaml).map((d) => d.toJSON());

  // The user may read the topic and the group.
  const user = docOf(docs, 'KafkaUser', 'orders-consumer');
  expect(user.spec.authorization.acls).toEqual(expect.arrayContaining([
    expect.objectContaining({ resource: expect.objectContaining({ type: 'topic', name: 'orders' }), operations: expect.arrayContaining(['Read']) }),
    expect.objectContaining({ resource: expect.objectContaining({ type: 'group', name: 'orders-consumer' }), operations: ['Read'] }),
  ]));

  const so = docOf(docs, 'ScaledObject', 'orders-consumer');
  expect(so.metadata.namespace).toBe('orders');
  expect(so.spec).toMatchObject({
    minReplicaCount: 0,
    maxReplicaCount: 12,
    cooldownPeriod: 600,
    fallback: { failureThreshold: 5, replicas: 2, behavior: 'currentReplicasIfHigher' },
    advanced: { horizontalPodAutoscalerConfig: { behavior: { scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }] } } } },
  });
  expect(so.spec.triggers[0]).toEqual({
    type: 'kafka',
    name: 'consumer-lag',
    metadata: {
      bootstrapServers: 'my-cluster-kafka-bootstrap.kafka.svc:9093',
      consumerGroup: 'orders-consumer',
      topic: 'orders',
      lagThreshold: '500',
      activationLagThreshold: '10',
      offsetResetPolicy: 'earliest',
      version: '4.3.1',
      tls: 'enable',
      sasl: 'scram_sha512',
    },
    authenticationRef: { name: 'orders-consumer-kafka', kind: 'TriggerAuthentication' },
  });

  const auth = docOf(docs, 'TriggerAuthentication', 'orders-consumer-kafka');
  expect(auth.metadata.namespace).toBe('orders');
  expect(auth.spec).toEqual({
    secretTargetRef: [
      { parameter: 'ca', name: 'my-cluster-cluster-ca-cert', key: 'ca.crt' },
      { parameter: 'password', name: 'orders-consumer', key: 'password' },
    ],
    configMapTargetRef: [{ parameter: 'username', name: 'orders-consumer-kafka-username', key: 'username' }],
  });
  expect(docOf(docs, 'ConfigMap', 'orders-consumer-kafka-username').data).toEqual({ username: 'orders-consumer' });

  // The copy job reads exactly those Secrets in kafka and writes them in orders.
  const cron = docOf(docs, 'CronJob', 'orders-consumer-kafka-copy');
  expect(cron.metadata.namespace).toBe('orders');
  const reader = docsOf(docs, 'Role').find((r) => r.metadata.namespace === 'kafka');
  expect(reader.rules.flatMap((r: any) => r.resourceNames)).toEqual(['my-cluster-cluster-ca-cert', 'orders-consumer']);

  // The consumer uses the same copies, and leaves its replica count to KEDA.
  const deployment = docOf(docs, 'Deployment', 'orders-consumer');
  expect(deployment.spec.replicas).toBeUndefined();
  const container = deployment.spec.template.spec.containers[0];
  expect(container.env).toEqual(expect.arrayContaining([
    { name: 'SASL_PASSWORD', valueFrom: { secretKeyRef: { name: 'orders-consumer', key: 'password' } } },
    { name: 'SECURITY_PROTOCOL', value: 'SASL_SSL' },
  ]));
});
