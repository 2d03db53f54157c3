import { App, Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { build } from '../../examples/s1-keda-consumer/main';
import { docOf, docsOf, synthExample } from '../util';

test('S1 KEDA consumer: consumer-service in keda scaled on the lag of keda-consumer on my-topic', () => {
  const yaml = synthExample(build);
  expect(yaml).toMatchSnapshot();
  const docs = parseAllDocuments(yaml).map((d) => d.toJSON());

  // The topic has as many partitions as the scaler may run consumers.
  expect(docOf(docs, 'KafkaTopic', 'my-topic').spec.partitions).toBe(6);

  const so = docOf(docs, 'ScaledObject', 'consumer-service');
  expect(so.metadata.namespace).toBe('keda');
  expect(so.spec).toEqual({
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'consumer-service' },
    minReplicaCount: 1,
    maxReplicaCount: 6,
    triggers: [{
      type: 'kafka',
      name: 'consumer-lag',
      metadata: {
        bootstrapServers: 'my-cluster-kafka-bootstrap.kafka.svc:9092',
        consumerGroup: 'keda-consumer',
        topic: 'my-topic',
        lagThreshold: '1',
        version: '4.3.1',
      },
    }],
  });

  // The plain listener needs no credentials: nothing has to cross namespaces.
  expect(docsOf(docs, 'TriggerAuthentication')).toEqual([]);
  expect(docsOf(docs, 'CronJob')).toEqual([]);
  const deployment = docOf(docs, 'Deployment', 'consumer-service');
  expect(deployment.metadata.namespace).toBe('keda');
  expect(deployment.spec.template.metadata.labels.app).toBe('consumer-service');
  // KEDA owns the replica count: applying the manifest again does not reset it.
  expect(deployment.spec.replicas).toBeUndefined();
});

test('S1 KEDA consumer with the seed\'s one-partition topic fails the synth and says why', () => {
  // GIVEN the topic as the seed's consumer auto-created it
  const app: App = Testing.app();
  build(app, { partitions: 1 });
  // WHEN / THEN
  expect(() => app.synthYaml()).toThrow(
    '[keda/consumer-service-scaler] KAF-KEDA-017 ScaledObject "consumer-service": maxReplicaCount 6 is above the 1 partitions of topic "my-topic": '
    + 'a consumer group assigns each partition to one consumer, so 5 pods would sit idle, and the kafka trigger caps its metric at the partition count, '
    + 'so KEDA would never run them anyway; lower maxReplicaCount to 1, give the topic at least 6 partitions, or set allowIdleConsumers: true',
  );
});
