import * as path from 'path';
import { KafkaCluster, Listener, NodeRole } from '../../src';
import { newChart, synth, validationErrors, warningsOf } from '../util';

function cluster(brokers = 3, config?: { [key: string]: any }) {
  const chart = newChart('apps');
  const c = new KafkaCluster(chart, 'my-cluster', { namespace: 'kafka', listeners: [Listener.internal({ name: 'tls', port: 9093 })], config });
  c.addNodePool('brokers', { roles: [NodeRole.BROKER], replicas: brokers });
  c.addNodePool('controllers', { roles: [NodeRole.CONTROLLER], replicas: 3 });
  return { chart, cluster: c };
}

describe('topic config against Kafka\'s ConfigDef (generated table)', () => {
  test('bad enum values, a negative retention and an unknown key are errors', () => {
    const { chart, cluster: c } = cluster();
    c.addTopic('t', { config: { 'cleanup.policy': 'deleet', 'compression.type': 'brotli', 'retention.ms': -5, 'retention.msx': 1 } });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/t] KAF-TOP-005 topic "t": config "cleanup.policy" "deleet": "deleet" is not among Kafka\'s values compact, delete; use a comma-separated list of compact, delete',
      '[test/my-cluster/t] KAF-TOP-005 topic "t": config "compression.type" "brotli": "brotli" is not among Kafka\'s values uncompressed, zstd, lz4, snappy, gzip, producer; use one of uncompressed, zstd, lz4, snappy, gzip, producer',
      '[test/my-cluster/t] KAF-TOP-004 topic "t": config "retention.ms" -5 ms is out of range: Kafka accepts at least -1 ms; use a value at least -1',
      '[test/my-cluster/t] KAF-TOP-013 topic "t": config "retention.msx" is not a topic configuration key of Kafka 4.3.1 (Kafka refuses the topic: "Unknown topic config name"); did you mean "retention.ms"? Broker-only keys belong in the cluster\'s config',
    ]);
  });

  test('values at the edges of their ranges, lists, booleans as strings and -1 for unlimited are valid', () => {
    const { chart, cluster: c } = cluster();
    c.addTopic('t', {
      config: {
        'cleanup.policy': 'compact, delete',
        'retention.ms': -1,
        'retention.bytes': '9223372036854775807',
        'segment.bytes': 1048576,
        'min.cleanable.dirty.ratio': '1.0',
        'compression.gzip.level': -1,
        'unclean.leader.election.enable': 'TRUE',
        'leader.replication.throttled.replicas': '0:1, 1:2',
        'follower.replication.throttled.replicas': '*',
      },
    });
    expect(() => synth(chart)).not.toThrow();
  });

  test('Kafka 4 raised the minimum of segment.bytes to 1 MiB', () => {
    const { chart, cluster: c } = cluster();
    c.addTopic('t', { config: { 'segment.bytes': 1048575 } });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/t] KAF-TOP-004 topic "t": config "segment.bytes" 1048575 bytes is out of range: Kafka 4.0+ accepts at least 1048576 bytes; use a value at least 1048576',
    ]);
  });

  test('keys removed in Kafka 4.0 are errors; no-op keys are warnings', () => {
    const { chart, cluster: c } = cluster();
    c.addTopic('t', { config: { 'message.format.version': '3.0' } });
    const u = c.addTopic('u', { config: { 'message.downconversion.enable': false } });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/t] KAF-TOP-002 topic "t": config "message.format.version" was removed in Kafka 4.0, so Kafka 4.3.1 refuses the topic; remove it',
    ]);
    expect(warningsOf(u)).toEqual([
      '[test/my-cluster/u] KAF-TOP-010 topic "u": config "message.downconversion.enable" has no effect since Kafka 4.0; remove it',
    ]);
  });

  test('wrong types: not a number, outside int, not a boolean', () => {
    const { chart, cluster: c } = cluster();
    c.addTopic('t', { config: { 'max.message.bytes': '1MB', 'segment.index.bytes': 2 ** 31, 'preallocate': 'yes' } });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/t] KAF-TOP-003 topic "t": config "max.message.bytes" "1MB" is not a whole number (Kafka type int); use a int value in [0,...]',
      '[test/my-cluster/t] KAF-TOP-003 topic "t": config "segment.index.bytes" 2147483648 is outside the int range -2147483648 to 2147483647; use a int value in [4,...]',
      '[test/my-cluster/t] KAF-TOP-003 topic "t": config "preallocate" "yes" is not a boolean (true or false); use a boolean value',
    ]);
  });

  test('cross-key rules: compaction lags, tiered storage on a compacted topic, local retention above total', () => {
    const { chart, cluster: c } = cluster();
    c.addTopic('t', { config: { 'min.compaction.lag.ms': 10, 'max.compaction.lag.ms': 5 } });
    c.addTopic('u', { config: { 'remote.storage.enable': true, 'cleanup.policy': 'compact' } });
    c.addTopic('v', { config: { 'remote.storage.enable': 'true', 'retention.bytes': 100, 'local.retention.bytes': 200 } });
    c.addTopic('w', { config: { 'min.compaction.lag.ms': 5, 'max.compaction.lag.ms': 5, 'remote.storage.enable': true, 'retention.bytes': 100, 'local.retention.bytes': 100 } });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/t] KAF-TOP-007 topic "t": config "min.compaction.lag.ms" 10 exceeds "max.compaction.lag.ms" 5 (Kafka refuses the topic); make min.compaction.lag.ms at most max.compaction.lag.ms',
      '[test/my-cluster/u] KAF-TOP-008 topic "u": config "remote.storage.enable" is true on a topic with cleanup.policy compact (Kafka does not support tiered storage for compacted topics); use cleanup.policy delete, or leave remote.storage.enable unset',
      '[test/my-cluster/v] KAF-TOP-009 topic "v": config "local.retention.bytes" 200 must be at most "retention.bytes" 100 (local retention cannot exceed the total retention; Kafka refuses the topic); set local.retention.bytes to at most 100, or -2 to use retention.bytes',
    ]);
  });

  test('KafkaTopics for Kafka\'s internal topics are errors; a name that merely starts with "__" is not', () => {
    const { chart, cluster: c } = cluster();
    c.addTopic('offsets', { topicName: '__consumer_offsets' });
    c.addTopic('mine', { topicName: '__my_topic' });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/offsets] KAF-TOP-011 topic "__consumer_offsets": "__consumer_offsets" is an internal topic of Kafka: the brokers create and configure it (a KafkaTopic would let the Topic Operator alter it, and deleting the KafkaTopic would delete it); remove the topic; tune it with the broker config offsets.topic.*',
    ]);
  });
});

describe('effective min.insync.replicas (Kafka >= 3.7 caps it at the replica count)', () => {
  test('a topic whose own min ISR exceeds its own replicas is an error worded for Kafka 4', () => {
    const { chart, cluster: c } = cluster();
    c.addTopic('t', { replicas: 2, minInSyncReplicas: 3 });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/t] KAF-TOP-012 topic "t": min.insync.replicas 3 exceeds replicas 2; Kafka 4.3.1 caps the effective min ISR at the 2 replica(s), so acks=all writes need all 2 replica(s) in sync: one replica down stops acks=all producers; lower min.insync.replicas on the topic to 1',
    ]);
  });

  test('a topic min ISR above the broker count is an error even when replicas are inherited', () => {
    const { chart, cluster: c } = cluster(2);
    c.addTopic('t', { minInSyncReplicas: 3 });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/t] KAF-TOP-012 topic "t": min.insync.replicas 3 exceeds Kafka\'s default replication factor 1; Kafka 4.3.1 caps the effective min ISR at the 1 replica(s), so acks=all writes need all 1 replica(s) in sync: no safer than acks=1; lower min.insync.replicas on the topic to 1',
    ]);
  });

  test('an inherited broker min ISR above a topic\'s replicas is a warning, not an error', () => {
    const { chart, cluster: c } = cluster(3, { 'min.insync.replicas': 2, 'default.replication.factor': 3 });
    const t = c.addTopic('scratch', { replicas: 1 });
    expect(() => synth(chart)).not.toThrow();
    expect(warningsOf(t)).toEqual([
      '[test/my-cluster/scratch] KAF-TOP-012 topic "scratch": the broker\'s min.insync.replicas 2 exceeds replicas 1; Kafka 4.3.1 caps the effective min ISR at the 1 replica(s), so acks=all writes need all 1 replica(s) in sync: no safer than acks=1; set replicas to 3 (one replica may then be down) or lower min.insync.replicas on the topic to 1',
    ]);
  });

  test('min ISR below replicas, inherited or own, is silent', () => {
    const { chart, cluster: c } = cluster(3, { 'min.insync.replicas': 2, 'default.replication.factor': 3 });
    const t = c.addTopic('t');
    const u = c.addTopic('u', { replicas: 3, minInSyncReplicas: 2 });
    synth(chart);
    expect([...warningsOf(t), ...warningsOf(u)]).toEqual([]);
  });
});

describe('the generator script', () => {
  test('the committed table is what the script generates from the reference data', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fs = require('fs');
    const ref = process.env.KAFKA_CONFIG_REFERENCE ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'reference');
    if (!fs.existsSync(path.join(ref, 'kafka-config-definitions.json'))) {
      return; // the data is not checked out here; the committed table is used as is
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const gen = require('../../scripts/gen-kafka-config.js');
    const data = JSON.parse(fs.readFileSync(path.join(ref, 'kafka-config-definitions.json'), 'utf8'));
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'strimzi', 'generated', 'topic-config-defs.ts'), 'utf8');
    expect(gen.render(data, 'topic')).toEqual(committed);
    const broker = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'strimzi', 'generated', 'broker-config-defs.ts'), 'utf8');
    expect(gen.render(data, 'broker')).toEqual(broker);
  });
});
