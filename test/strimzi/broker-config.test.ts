import { isForbiddenBrokerKey } from '../../src/strimzi/broker-config';
import { BROKER_CONFIG_DEFS } from '../../src/strimzi/generated/broker-config-defs';
import { clusterWithBrokerConfig as withConfig, docOf, synth, validationErrors } from '../util';

test('the table is Kafka\'s whole broker ConfigDef (338 keys) plus the keys removed before it was taken', () => {
  expect(Object.keys(BROKER_CONFIG_DEFS).length).toBe(345);
  expect(BROKER_CONFIG_DEFS['num.partitions']).toMatchObject({ type: 'int', default: 1, validator: { kind: 'range', min: 1 } });
  expect(BROKER_CONFIG_DEFS['log.segment.bytes'].bounds).toEqual([{ since: '4.0', min: 1048576 }]);
  expect(BROKER_CONFIG_DEFS['auto.include.jmx.reporter']).toMatchObject({ removedIn: '4.0' });
});

test('valid settings pass through unchanged', () => {
  const config = {
    'num.partitions': 6,
    'default.replication.factor': 3,
    'min.insync.replicas': 2,
    'log.retention.hours': 168,
    'compression.type': 'zstd',
    'auto.create.topics.enable': 'false',
    'log.cleanup.policy': 'compact,delete',
    'offsets.topic.replication.factor': 3,
    'transaction.state.log.replication.factor': 3,
    'transaction.state.log.min.isr': 2,
    'ssl.cipher.suites': 'TLS_AES_256_GCM_SHA384',
    'listener.name.tls-9093.max.connections': 100,
    'my.plugin.setting': 'x',
  };
  expect(docOf(synth(withConfig(config)), 'Kafka').spec.kafka.config).toEqual(config);
});

test('forbidden prefixes are case-insensitive and honour the exceptions', () => {
  expect(isForbiddenBrokerKey('listeners')).toBe(true);
  expect(isForbiddenBrokerKey('SSL.keystore.location')).toBe(true);
  expect(isForbiddenBrokerKey('ssl.cipher.suites')).toBe(false);
  expect(isForbiddenBrokerKey('controller.quorum.voters')).toBe(true);
  expect(isForbiddenBrokerKey('controller.quorum.election.timeout.ms')).toBe(false);
  expect(isForbiddenBrokerKey('broker.session.timeout.ms')).toBe(false);
  expect(isForbiddenBrokerKey('cruise.control.metrics.topic.num.partitions')).toBe(false);
  expect(isForbiddenBrokerKey('num.partitions')).toBe(false);
});

test('keys Strimzi owns are errors naming where to configure them instead', () => {
  expect(validationErrors(withConfig({ 'Advertised.Listeners': 'x', 'authorizer.class.name': 'y', 'broker.rack': 'z', 'node.id': 1 }))).toEqual([
    '[test/c] KAF-CLU-102 broker config "Advertised.Listeners": Strimzi owns this setting and would silently drop it from spec.kafka.config; remove it; configure advertised hosts and ports on the Listener (brokers[], advertisedHostTemplate)',
    '[test/c] KAF-CLU-102 broker config "authorizer.class.name": Strimzi owns this setting and would silently drop it from spec.kafka.config; remove it; use the authorization prop (KafkaAuthorization)',
    '[test/c] KAF-CLU-102 broker config "broker.rack": Strimzi owns this setting and would silently drop it from spec.kafka.config; remove it; use the rack prop',
    '[test/c] KAF-CLU-102 broker config "node.id": Strimzi owns this setting and would silently drop it from spec.kafka.config; remove it; node IDs are assigned by Strimzi (see KafkaNodePool nodeIds)',
  ]);
});

test('keys removed in Kafka 4 are errors that say why', () => {
  expect(validationErrors(withConfig({ 'inter.broker.protocol.version': '3.6', 'log.message.format.version': '3.0', 'zookeeper.session.timeout.ms': 6000 }))).toEqual([
    '[test/c] KAF-CLU-101 broker config "inter.broker.protocol.version": the setting no longer exists in Kafka 4.3.1: Kafka 4 runs in KRaft mode only, where the cluster-wide metadata.version replaces it (set KafkaCluster metadataVersion instead); remove it',
    '[test/c] KAF-CLU-101 broker config "log.message.format.version": the setting no longer exists in Kafka 4.3.1: Kafka 4 writes only the v2 record format, so the format version cannot be chosen any more; remove it',
    '[test/c] KAF-CLU-101 broker config "zookeeper.session.timeout.ms": the setting no longer exists in Kafka 4.3.1: Kafka 4.0 removed it (ZooKeeper mode removed; KRaft only); remove it',
  ]);
});

test('wrong types and out-of-range values of well-known keys', () => {
  expect(validationErrors(withConfig({
    'num.partitions': 0,
    'auto.create.topics.enable': 'yes',
    'compression.type': 'brotli',
    'num.io.threads': 2.5,
    'log.cleanup.policy': 'delete,archive',
    'log.cleaner.min.cleanable.ratio': 1.5,
    'message.max.bytes': 3000000000,
  }))).toEqual([
    '[test/c] KAF-CLU-105 broker config "num.partitions": value 0 is out of range: Kafka accepts at least 1; use a value at least 1',
    '[test/c] KAF-CLU-104 broker config "auto.create.topics.enable": value "yes" is not a boolean (true or false); use a boolean value',
    '[test/c] KAF-CLU-106 broker config "compression.type": value "brotli": "brotli" is not among Kafka\'s values uncompressed, zstd, lz4, snappy, gzip, producer; use one of uncompressed, zstd, lz4, snappy, gzip, producer',
    '[test/c] KAF-CLU-104 broker config "num.io.threads": value 2.5 is not a whole number (Kafka type int); use an int value in [1,...]',
    '[test/c] KAF-CLU-106 broker config "log.cleanup.policy": value "delete,archive": "archive" is not among Kafka\'s values compact, delete; use a comma-separated list of compact, delete',
    '[test/c] KAF-CLU-105 broker config "log.cleaner.min.cleanable.ratio": value 1.5 is out of range: Kafka accepts 0 to 1; use a value 0 to 1',
    '[test/c] KAF-CLU-104 broker config "message.max.bytes": value 3000000000 is outside the int range -2147483648 to 2147483647; use an int value in [0,...]',
  ]);
});

test('replication factors may not exceed the brokers; min ISR may not exceed the replication factor', () => {
  expect(validationErrors(withConfig({
    'default.replication.factor': 3,
    'offsets.topic.replication.factor': 3,
    'transaction.state.log.replication.factor': 2,
    'min.insync.replicas': 3,
    'transaction.state.log.min.isr': 3,
  }, 2))).toEqual([
    '[test/c] KAF-CLU-108 broker config "default.replication.factor": replication factor 3 exceeds the 2 broker node(s) of the cluster (Strimzi rejects the Kafka resource); use at most 2, or add brokers',
    '[test/c] KAF-CLU-108 broker config "offsets.topic.replication.factor": replication factor 3 exceeds the 2 broker node(s) of the cluster (Strimzi rejects the Kafka resource); use at most 2, or add brokers',
    '[test/c] KAF-CLU-108 broker config "transaction.state.log.min.isr": minimum in-sync replicas 3 exceeds the 2 broker node(s) of the cluster (Strimzi rejects the Kafka resource); use at most 2, or add brokers',
  ]);
  // WHEN the brokers suffice but the transaction log's own replication factor does not
  expect(validationErrors(withConfig({ 'transaction.state.log.replication.factor': 2, 'transaction.state.log.min.isr': 3 }))).toEqual([
    '[test/c] KAF-CLU-109 broker config "transaction.state.log.min.isr": 3 is above transaction.state.log.replication.factor 2; Kafka caps the transaction log\'s min ISR at its replicas, so one replica down stops transactional producers; use at most 2, or raise transaction.state.log.replication.factor',
  ]);
  expect(validationErrors(withConfig({ 'min.insync.replicas': 2 }))).toEqual([
    '[test/c] KAF-CLU-109 broker config "min.insync.replicas": 2 is above default.replication.factor 1 (Kafka\'s default); Kafka caps the min ISR of topics created with the default replication factor at their replicas, so one replica down stops acks=all producers (with 1 replica it is no safer than acks=1); use at most 1, or raise default.replication.factor',
  ]);
});

test('an object value is an error whatever the key', () => {
  expect(validationErrors(withConfig({ 'my.plugin.setting': { nested: true } }))).toEqual([
    '[test/c] KAF-CLU-100 broker config "my.plugin.setting": value {"nested":true} is an object, but Kafka settings are strings, numbers or booleans; write the value as Kafka expects it, e.g. a string',
  ]);
});
