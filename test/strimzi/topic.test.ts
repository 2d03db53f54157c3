import { ApiObject, Duration, JsonPatch, Size } from 'cdk8s';
import { Node } from 'constructs';
import {
  CleanupPolicy,
  CompressionType,
  KafkaCluster,
  Listener,
  MessageTimestampType,
  NodeRole,
  Topic,
  Warnings,
} from '../../src';
import { docOf, docsOf, newChart, synth, validationErrors, warningsOf } from '../util';

function cluster(brokers = 3) {
  const chart = newChart('apps');
  const c = new KafkaCluster(chart, 'my-cluster', { namespace: 'kafka', listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
  c.addNodePool('brokers', { roles: [NodeRole.BROKER], replicas: brokers });
  c.addNodePool('controllers', { roles: [NodeRole.CONTROLLER], replicas: 3 });
  return { chart, cluster: c };
}

describe('Topic rendering', () => {
  test('a topic lives in the cluster namespace with the cluster label; names valid in Kubernetes are kept', () => {
    const { chart, cluster: c } = cluster();
    const t = c.addTopic('orders', { partitions: 6, replicas: 3 });
    const doc = docOf(synth(chart), 'KafkaTopic');
    expect(doc.apiVersion).toBe('kafka.strimzi.io/v1');
    expect(doc.metadata).toEqual({ name: 'orders', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'my-cluster' } });
    expect(doc.spec).toEqual({ partitions: 6, replicas: 3 });
    expect(t.topicName).toBe('orders');
    expect(t.resourceName).toBe('orders');
  });

  test('a Kafka name that is not a Kubernetes name gets a derived metadata.name and spec.topicName', () => {
    const { chart, cluster: c } = cluster();
    const a = c.addTopic('a', { topicName: 'Orders_V2' });
    const b = c.addTopic('b', { topicName: 'orders-v2' });
    const d = c.addTopic('d', { topicName: 'orders_v2' });
    expect(a.resourceName).toMatch(/^orders-v2-[0-9a-f]{8}$/);
    expect(d.resourceName).toMatch(/^orders-v2-[0-9a-f]{8}$/);
    expect(a.resourceName).not.toBe(d.resourceName);
    expect(b.resourceName).toBe('orders-v2');
    const docs = synth(chart);
    expect(docOf(docs, 'KafkaTopic', a.resourceName).spec).toEqual({ topicName: 'Orders_V2' });
    expect(docOf(docs, 'KafkaTopic', 'orders-v2').spec).toEqual({});
    // stable across synths
    expect(new Topic(newChart(), 'x', { cluster: c, topicName: 'Orders_V2' }).resourceName).toBe(a.resourceName);
  });

  test('a long Kafka name is shortened to a valid Kubernetes name', () => {
    const { chart, cluster: c } = cluster();
    const name = 'x'.repeat(240) + '_tail';
    const t = c.addTopic('long', { topicName: name });
    expect(t.resourceName.length).toBeLessThanOrEqual(63);
    expect(docOf(synth(chart), 'KafkaTopic').spec.topicName).toBe(name);
  });

  test('typed settings render as Kafka topic config next to the free-form map', () => {
    const { chart, cluster: c } = cluster();
    c.addTopic('events', {
      retention: Duration.hours(2),
      retentionBytes: Size.gibibytes(10),
      segmentBytes: Size.gibibytes(1),
      segmentTime: Duration.hours(1),
      cleanupPolicy: CleanupPolicy.COMPACT_DELETE,
      minInSyncReplicas: 2,
      replicas: 3,
      maxMessageBytes: Size.mebibytes(2),
      compressionType: CompressionType.ZSTD,
      messageTimestampType: MessageTimestampType.LOG_APPEND_TIME,
      deleteRetention: Duration.days(1),
      minCompactionLag: Duration.minutes(5),
      config: { 'unclean.leader.election.enable': false, 'follower.replication.throttled.replicas': ['0:1', '1:2'] },
    });
    expect(docOf(synth(chart), 'KafkaTopic').spec.config).toEqual({
      'retention.ms': 7200000,
      'retention.bytes': 10737418240,
      'segment.bytes': 1073741824,
      'segment.ms': 3600000,
      'cleanup.policy': 'compact,delete',
      'min.insync.replicas': 2,
      'max.message.bytes': 2097152,
      'compression.type': 'zstd',
      'message.timestamp.type': 'LogAppendTime',
      'delete.retention.ms': 86400000,
      'min.compaction.lag.ms': 300000,
      'unclean.leader.election.enable': false,
      'follower.replication.throttled.replicas': ['0:1', '1:2'],
    });
  });

  test('min.insync.replicas equal to replicas is a warning, not an error', () => {
    const { chart, cluster: c } = cluster();
    c.addTopic('t', { replicas: 2, config: { 'min.insync.replicas': 2 } });
    synth(chart);
    expect(warningsOf(chart)).toEqual([
      '[test/my-cluster/t] KAF-TOP-022 topic "t": min.insync.replicas 2 equals replicas 2, so one broker down stops every acks=all producer; raise replicas to 3 or lower min.insync.replicas to 1',
    ]);
  });

  test('the warning suggests only fixes the cluster can take', () => {
    // GIVEN three brokers, so replicas cannot grow beyond 3
    const { chart, cluster: c } = cluster(3);
    c.addTopic('t', { replicas: 3, minInSyncReplicas: 3 });
    synth(chart);
    expect(warningsOf(chart)).toEqual([
      '[test/my-cluster/t] KAF-TOP-022 topic "t": min.insync.replicas 3 equals replicas 3, so one broker down stops every acks=all producer; lower min.insync.replicas to 2',
    ]);
  });

  test('the warning counts brokers at validation: a pool added after the topic counts, and nothing is raised before', () => {
    // GIVEN three brokers when the topic is created
    const { chart, cluster: c } = cluster(3);
    const t = c.addTopic('t', { replicas: 3, minInSyncReplicas: 3 });
    expect(Warnings.collect(t)).toEqual([]);
    // WHEN a second broker pool is added afterwards
    c.addNodePool('more', { roles: [NodeRole.BROKER], replicas: 2 });
    synth(chart);
    // THEN the fix may raise replicas, since 5 brokers exist at synth
    expect(warningsOf(chart)).toEqual([
      '[test/my-cluster/t] KAF-TOP-022 topic "t": min.insync.replicas 3 equals replicas 3, so one broker down stops every acks=all producer; raise replicas to 4 or lower min.insync.replicas to 2',
    ]);
  });

  test('min.insync.replicas below replicas gives no warning', () => {
    const { chart, cluster: c } = cluster();
    c.addTopic('t', { replicas: 3, minInSyncReplicas: 2 });
    synth(chart);
    expect(warningsOf(chart)).toEqual([]);
  });
});

describe('Topic validation', () => {
  test('KAF-TOP-001: a size that is not a whole number of bytes is an error (no silent rounding)', () => {
    const { chart, cluster: c } = cluster();
    c.addTopic('t', { segmentBytes: Size.kibibytes(1.0001), maxMessageBytes: Size.kibibytes(0.5) });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/t] KAF-TOP-001 topic "t": segmentBytes 1024.102 bytes is not a whole number of bytes (Kafka\'s size settings are whole bytes); use a size that is a whole number of bytes, e.g. Size.kibibytes(n) or Size.mebibytes(n) with an integer n',
    ]);
  });

  test('KAF-TOP-001 edge: fractional units that come to whole bytes are valid', () => {
    const { chart, cluster: c } = cluster();
    // Kafka 4 refuses segment.bytes below 1 MiB (KIP-1030), so the edge is checked at 1.5 MiB.
    c.addTopic('t', { segmentBytes: Size.mebibytes(1.5), retentionBytes: Size.mebibytes(0.25) });
    expect(docOf(synth(chart), 'KafkaTopic').spec.config).toEqual({ 'retention.bytes': 262144, 'segment.bytes': 1572864 });
  });

  test('topic name rules', () => {
    const { chart, cluster: c } = cluster();
    c.addTopic('long', { topicName: 'a'.repeat(250) });
    c.addTopic('chars', { topicName: 'orders/eu' });
    c.addTopic('dot', { topicName: '.' });
    c.addTopic('dotdot', { topicName: '..' });
    expect(validationErrors(chart)).toEqual([
      `[test/my-cluster/long] KAF-TOP-014 topic "${'a'.repeat(250)}": the name has 250 characters; Kafka topic names have 1 to 249; choose a shorter name`,
      '[test/my-cluster/chars] KAF-TOP-015 topic "orders/eu": the name contains "/", which Kafka does not allow in topic names (only letters, digits, ".", "_" and "-"); remove or replace those characters',
      '[test/my-cluster/dot] KAF-TOP-016 topic ".": the name "." is reserved by Kafka; choose another name',
      '[test/my-cluster/dotdot] KAF-TOP-016 topic "..": the name ".." is reserved by Kafka; choose another name',
    ]);
  });

  test('replicas above the broker count', () => {
    const { chart, cluster: c } = cluster(2);
    c.addTopic('t', { replicas: 3 });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/t] KAF-TOP-020 topic "t": replicas 3 exceeds the 2 broker(s) of cluster "my-cluster"; a partition cannot have more replicas than there are brokers; use replicas <= 2, or add brokers',
    ]);
  });

  test('replicas and partitions out of range', () => {
    const { chart, cluster: c } = cluster();
    c.addTopic('t', { replicas: 0, partitions: 0 });
    c.addTopic('u', { partitions: 1.5 });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/t] KAF-TOP-018 topic "t": partitions 0 is not an integer >= 1; use at least 1 partition',
      '[test/my-cluster/t] KAF-TOP-019 topic "t": replicas 0 is not an integer from 1 to 32767; use a replication factor of at least 1',
      '[test/my-cluster/u] KAF-TOP-018 topic "u": partitions 1.5 is not an integer >= 1; use at least 1 partition',
    ]);
  });

  test('min.insync.replicas above replicas', () => {
    const { chart, cluster: c } = cluster();
    c.addTopic('t', { replicas: 2, minInSyncReplicas: 3 });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/t] KAF-TOP-012 topic "t": min.insync.replicas 3 exceeds replicas 2; Kafka 4.3.1 caps the effective min ISR at the 2 replica(s), so acks=all writes need all 2 replica(s) in sync: one replica down stops acks=all producers; lower min.insync.replicas on the topic to 1',
    ]);
  });

  test('a config key repeating a typed property, and a config value Strimzi rejects', () => {
    const { chart, cluster: c } = cluster();
    c.addTopic('t', { retention: Duration.hours(1), config: { 'retention.ms': 1000, 'x.y': { nested: true } } });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/t] KAF-TOP-023 topic "t": config key "retention.ms" is also set by a typed property; remove "retention.ms" from config, or the typed property',
      '[test/my-cluster/t] KAF-TOP-024 topic "t": config "x.y" has a value of a type Strimzi rejects ({"nested":true}); use a string, number, boolean or a list of them',
    ]);
  });

  test('two topics with the same Kafka name in one cluster', () => {
    const { chart, cluster: c } = cluster();
    c.addTopic('first', { topicName: 'orders' });
    new Topic(chart, 'second', { cluster: c, topicName: 'orders' });
    expect(validationErrors(chart)).toEqual([
      '[test/second] KAF-TOP-025 topic "orders": cluster "my-cluster" already has a topic named "orders" (test/my-cluster/first); the Topic Operator would mark the newer KafkaTopic as conflicting; define each Kafka topic once and share the construct',
    ]);
  });

  test('topic names that differ only in "." and "_" collide in Kafka', () => {
    const { chart, cluster: c } = cluster();
    c.addTopic('a', { topicName: 'orders.eu' });
    c.addTopic('b', { topicName: 'orders_eu' });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/b] KAF-TOP-026 topic "orders_eu": the name collides with topic "orders.eu" (test/my-cluster/a): names that differ only in "." and "_" share metric names, so Kafka refuses to create the second; rename one of the topics so they differ in more than "." and "_"',
    ]);
  });

  test('two Kafka names that end up with the same KafkaTopic name', () => {
    // GIVEN a topic whose Kafka name needs a derived Kubernetes name
    const { chart, cluster: c } = cluster();
    const derived = c.addTopic('a', { topicName: 'Orders' }).resourceName;
    // WHEN another topic uses exactly that derived name as its Kafka name
    c.addTopic('b', { topicName: derived });
    // THEN
    expect(validationErrors(chart)).toEqual([
      `[test/my-cluster/b] KAF-TOP-027 topic "${derived}": its KafkaTopic name "${derived}" is also the name of the KafkaTopic of topic "Orders" (test/my-cluster/a) in namespace "kafka"; rename one of the topics`,
    ]);
  });

  test('a topic on a cluster without the Topic Operator', () => {
    const chart = newChart();
    const c = new KafkaCluster(chart, 'c', {
      namespace: 'kafka',
      listeners: [Listener.internal({ name: 'tls', port: 9093 })],
      entityOperator: { topicOperator: false },
    });
    c.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    c.addTopic('orders');
    expect(validationErrors(chart)).toEqual([
      '[test/c/orders] KAF-TOP-028 topic "orders": cluster "c" runs no Topic Operator, so nothing creates this topic and the KafkaTopic never becomes ready; enable the Topic Operator (entityOperator.topicOperator: true), or create the topic another way and remove the construct',
    ]);
  });

  test('min.insync.replicas above the broker count when replicas is left to the broker default', () => {
    const { chart, cluster: c } = cluster(2);
    c.addTopic('t', { minInSyncReplicas: 3 });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/t] KAF-TOP-012 topic "t": min.insync.replicas 3 exceeds Kafka\'s default replication factor 1; Kafka 4.3.1 caps the effective min ISR at the 1 replica(s), so acks=all writes need all 1 replica(s) in sync: no safer than acks=1; lower min.insync.replicas on the topic to 1',
    ]);
  });

  test('duplicate checks stay linear: thousands of topics do not walk the construct tree per topic', () => {
    // GIVEN a fleet-sized cluster
    const { chart, cluster: c } = cluster();
    for (let i = 0; i < 2000; i++) {
      c.addTopic(`topic-${i}`, { partitions: 3, replicas: 3 });
    }
    c.addTopic('dup', { topicName: 'topic-1999' });
    // WHEN synthesis validates every topic
    const findAll = jest.spyOn(Node.prototype, 'findAll');
    const errors = validationErrors(chart);
    // THEN the duplicate is found, and whole-tree walks do not grow with the number of topics
    expect(errors).toEqual([expect.stringContaining('topic "topic-1999": cluster "my-cluster" already has a topic named "topic-1999" (test/my-cluster/topic-1999)')]);
    expect(findAll.mock.calls.length).toBeLessThan(50);
    findAll.mockRestore();
  });

  test('validation reads the namespace without rendering each KafkaTopic an extra time', () => {
    // GIVEN
    const { chart, cluster: c } = cluster();
    for (let i = 0; i < 50; i++) {
      c.addTopic(`topic-${i}`, { partitions: 3 });
    }
    // WHEN
    const toJson = jest.spyOn(ApiObject.prototype, 'toJson');
    synth(chart);
    // THEN each KafkaTopic is rendered once, for the output
    const topicRenders = toJson.mock.contexts.filter((o: any) => o.kind === 'KafkaTopic').length;
    toJson.mockRestore();
    expect(topicRenders).toBe(50);
  });

  test('the same topic name in two clusters is fine', () => {
    const { chart, cluster: c } = cluster();
    const other = new KafkaCluster(chart, 'other', { namespace: 'kafka2', listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
    other.addNodePool('p', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    c.addTopic('orders');
    other.addTopic('orders');
    expect(docsOf(synth(chart), 'KafkaTopic').map((d) => d.metadata.namespace)).toEqual(['kafka', 'kafka2']);
  });

  test('a topic moved out of the cluster namespace', () => {
    const { chart, cluster: c } = cluster();
    const t = c.addTopic('orders');
    ApiObject.of(t).addJsonPatch(JsonPatch.replace('/metadata/namespace', 'apps'));
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/orders] KAF-TOP-017 topic "orders": the KafkaTopic is in namespace "apps", but the Topic Operator of cluster "my-cluster" watches only namespace "kafka"; keep the topic in the cluster\'s namespace (do not patch metadata.namespace)',
    ]);
  });
});
