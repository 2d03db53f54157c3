/*
 * The broker configuration rules (KAF-CLU-100 to KAF-CLU-129): each with a setup that
 * breaks it and the closest valid setup.
 */
import { ruleCase } from '../rule-cases';
import { clusterWithBrokerConfig as withConfig } from '../util';

/** A rule on one config: the failing and the edge-valid config. */
function configCase(id: string, what: string, failing: { [key: string]: any }, edgeValid: { [key: string]: any }, message?: string, brokers = 3) {
  ruleCase(id, what, { failing: () => withConfig(failing, brokers), edgeValid: () => withConfig(edgeValid, brokers), message });
}

configCase('KAF-CLU-100', 'a value is not an object', { 'my.plugin.setting': { a: 1 } }, { 'my.plugin.setting': '{"a":1}' }, '{"a":1}');
configCase('KAF-CLU-101', 'a key Kafka 4 removed', { 'log.message.timestamp.difference.max.ms': 1000 },
  { 'log.message.timestamp.before.max.ms': 1000 }, 'log.message.timestamp.before.max.ms and log.message.timestamp.after.max.ms');
configCase('KAF-CLU-101', 'ZooKeeper keys are gone', { 'zookeeper.connect': 'zk:2181' }, { 'zookeeper-like.custom': 'x' }, 'zookeeper.connect');
configCase('KAF-CLU-101', 'a key the data lists as removed before the dump', { 'quota.producer.default': 1000 }, { 'quota.window.num': 11 }, 'quota.producer.default');
configCase('KAF-CLU-102', 'a key Strimzi owns', { listeners: 'PLAIN://:9092' }, { 'listener.name.tls-9093.max.connections': 100 }, 'Strimzi owns');
configCase('KAF-CLU-103', 'a known key without a value', { 'num.partitions': null }, { 'num.partitions': 1 }, 'has no value');
configCase('KAF-CLU-104', 'a value of the wrong type', { 'num.io.threads': '8 threads' }, { 'num.io.threads': ' 8 ' }, '"8 threads"');
configCase('KAF-CLU-104', 'an int beyond 32 bits', { 'message.max.bytes': 2147483648 }, { 'message.max.bytes': 2147483647 }, 'int range');
configCase('KAF-CLU-105', 'a value below its minimum', { 'num.partitions': 0 }, { 'num.partitions': 1 }, 'at least 1');
configCase('KAF-CLU-105', 'a minimum a later Kafka release raised', { 'log.segment.bytes': 1048575 }, { 'log.segment.bytes': 1048576 }, 'Kafka 4.0+');
configCase('KAF-CLU-105', 'a value above its maximum', { 'log.cleaner.min.cleanable.ratio': 1.01 }, { 'log.cleaner.min.cleanable.ratio': 1 }, '0 to 1');
configCase('KAF-CLU-106', 'a value outside the key\'s values', { 'compression.type': 'brotli' }, { 'compression.type': 'zstd' }, '"brotli"');
configCase('KAF-CLU-106', 'a list value twice', { 'log.cleanup.policy': 'compact,compact' }, { 'log.cleanup.policy': 'compact,delete' }, 'twice');
configCase('KAF-CLU-106', 'a value added by a later Kafka release is accepted on it', { 'group.coordinator.rebalance.protocols': 'classic,streamz' },
  { 'group.coordinator.rebalance.protocols': 'classic,consumer,streams' }, '"streamz"');
configCase('KAF-CLU-107', 'an empty plugin class name', { 'remote.log.metadata.manager.class.name': '' },
  { 'remote.log.metadata.manager.class.name': 'org.example.Rlmm' }, 'is empty');
configCase('KAF-CLU-108', 'a replication factor above the brokers', { 'default.replication.factor': 4 }, { 'default.replication.factor': 3 }, '4 exceeds the 3 broker');
configCase('KAF-CLU-109', 'a min ISR above the default replication factor', { 'default.replication.factor': 2, 'min.insync.replicas': 3 },
  { 'default.replication.factor': 3, 'min.insync.replicas': 3 }, '3 is above default.replication.factor 2');
configCase('KAF-CLU-110', 'a key that has no effect since Kafka 4', { 'log.message.downconversion.enable': false }, { 'log.message.timestamp.type': 'CreateTime' }, 'no effect');
configCase('KAF-CLU-111', 'a dynamic-only key in the static config', { 'leader.replication.throttled.rate': 1000000 },
  { 'replica.alter.log.dirs.io.max.bytes.per.second.custom': 1 }, 'dynamic broker config');
configCase('KAF-CLU-112', 'a misspelt broker key', { 'num.partition': 3 }, { 'my.partitions.plugin': 3 }, 'did you mean "num.partitions"?');
configCase('KAF-CLU-112', 'a topic key at broker level', { 'retention.ms': 1000 }, { 'log.retention.ms': 1000 }, '"log.retention.ms"');
configCase('KAF-CLU-113', 'a deprecated key', { 'remote.log.manager.thread.pool.size': 4 }, { 'remote.log.manager.copier.thread.pool.size': 4 }, 'deprecates');
configCase('KAF-CLU-114', 'the log cleaner switched off', { 'log.cleaner.enable': 'false' }, { 'log.cleaner.enable': 'true' }, '__consumer_offsets');
configCase('KAF-CLU-115', 'minimum compaction lag above the maximum', { 'log.cleaner.min.compaction.lag.ms': 1001, 'log.cleaner.max.compaction.lag.ms': 1000 },
  { 'log.cleaner.min.compaction.lag.ms': 1000, 'log.cleaner.max.compaction.lag.ms': 1000 }, '1001 exceeds');
configCase('KAF-CLU-116', 'a zero retention', { 'log.retention.minutes': 0 }, { 'log.retention.minutes': -1 }, 'effective retention is 0 ms');
configCase('KAF-CLU-116', 'a zero roll time', { 'log.roll.ms': 0 }, { 'log.roll.ms': 1 }, 'roll time is 0 ms');
configCase('KAF-CLU-117', 'too little dedupe buffer per cleaner thread', { 'log.cleaner.dedupe.buffer.size': 4194304, 'log.cleaner.threads': 4 },
  { 'log.cleaner.dedupe.buffer.size': 4194308, 'log.cleaner.threads': 4 }, 'at least 4194308');
configCase('KAF-CLU-118', 'replica fetch wait above the socket timeout', { 'replica.fetch.wait.max.ms': 30001 }, { 'replica.fetch.wait.max.ms': 30000 }, 'replica.socket.timeout.ms 30000');
configCase('KAF-CLU-119', 'a request queue smaller than one request', { 'queued.max.request.bytes': 104857599 }, { 'queued.max.request.bytes': 104857600 }, '104857599');
configCase('KAF-CLU-120', 'no connections per IP without overrides', { 'max.connections.per.ip': 0 },
  { 'max.connections.per.ip': 0, 'max.connections.per.ip.overrides': '10.0.0.1:100' }, 'max.connections.per.ip.overrides');
configCase('KAF-CLU-121', 'an authentication delay not below the idle timeout', { 'connection.failed.authentication.delay.ms': 600000 },
  { 'connection.failed.authentication.delay.ms': 599999 }, 'connections.max.idle.ms 600000');
configCase('KAF-CLU-122', 'rebalance protocols without classic', { 'group.coordinator.rebalance.protocols': 'consumer' },
  { 'group.coordinator.rebalance.protocols': 'classic' }, 'leaves out "classic"');
configCase('KAF-CLU-123', 'a consumer-group heartbeat not below the session timeout', { 'group.consumer.heartbeat.interval.ms': 10000, 'group.consumer.session.timeout.ms': 10000, 'group.consumer.min.session.timeout.ms': 10000 },
  { 'group.consumer.heartbeat.interval.ms': 9999, 'group.consumer.session.timeout.ms': 10000, 'group.consumer.min.session.timeout.ms': 10000 }, 'not below');
configCase('KAF-CLU-123', 'a share-group session timeout outside its bounds', { 'group.share.session.timeout.ms': 60001 },
  { 'group.share.session.timeout.ms': 60000 }, 'group.share.max.session.timeout.ms 60000');
configCase('KAF-CLU-124', 'a share record lock outside its bounds', { 'group.share.record.lock.duration.ms': 14999 },
  { 'group.share.record.lock.duration.ms': 15000 }, 'group.share.min.record.lock.duration.ms 15000');
configCase('KAF-CLU-125', 'more share-coordinator records per snapshot than allowed', { 'share.coordinator.snapshot.update.records.per.snapshot': 501 },
  { 'share.coordinator.snapshot.update.records.per.snapshot': 500 }, '501');
configCase('KAF-CLU-126', 'a metadata log segment below the minimum', { 'metadata.log.segment.bytes': 8388607 }, { 'metadata.log.segment.bytes': 8388608 }, '8388607');
configCase('KAF-CLU-127', 'a compression codec id out of range', { 'offsets.topic.compression.codec': 5 }, { 'offsets.topic.compression.codec': 4 }, 'codec id');
configCase('KAF-CLU-128', 'tiered storage without a storage plugin', { 'remote.log.storage.system.enable': true },
  { 'remote.log.storage.system.enable': true, 'remote.log.storage.manager.class.name': 'org.example.Rsm' }, 'remote.log.storage.manager.class.name');
configCase('KAF-CLU-129', 'local retention above the total retention with tiered storage',
  { 'remote.log.storage.system.enable': true, 'remote.log.storage.manager.class.name': 'org.example.Rsm', 'log.retention.bytes': 1000, 'log.local.retention.bytes': 1001 },
  { 'remote.log.storage.system.enable': true, 'remote.log.storage.manager.class.name': 'org.example.Rsm', 'log.retention.bytes': 1000, 'log.local.retention.bytes': 1000 }, '1001');
configCase('KAF-CLU-129', 'local retention kept forever while the total retention is limited',
  { 'remote.log.storage.system.enable': true, 'remote.log.storage.manager.class.name': 'org.example.Rsm', 'log.retention.hours': 24, 'log.local.retention.ms': -1 },
  { 'remote.log.storage.system.enable': true, 'remote.log.storage.manager.class.name': 'org.example.Rsm', 'log.retention.hours': 24, 'log.local.retention.ms': -2 }, 'keep locally forever');
