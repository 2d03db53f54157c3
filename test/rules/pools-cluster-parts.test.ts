/*
 * Rules of node pools, their storage, scheduling, rack and resources (KAF-POOL) and of the
 * cluster-level parts (KAF-CLU-050+: Kafka version, Cruise Control, CAs, authorization,
 * Strimzi labels), each with a setup that breaks the rule and the closest valid setup.
 */
import { Duration, Size } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-27';
import { cluster, Pool, STORAGE } from './fixtures';
import {
  AutoRebalanceMode,
  CertificateExpirationPolicy,
  CertificateAuthorityOptions,
  CruiseControlOptions,
  JbodVolume,
  JvmOptions,
  KafkaAuthorization,
  KafkaCluster,
  KafkaClusterProps,
  KafkaVersion,
  Listener,
  NodeRole,
  Rack,
  Spread,
  SpreadMethod,
  Storage,
} from '../../src';
import { ruleCase } from '../rule-cases';
import { newChart } from '../util';

// the failing setups warn on purpose
process.env.CDK8S_KAFKA_SILENCE_WARNINGS = '1';

/** The cluster above with one more pool `b` (three brokers with storage unless overridden). */
function withPool(pool: Partial<Pool>, props: KafkaClusterProps = {}): KafkaCluster {
  const c = cluster(props);
  c.addNodePool('b', { roles: [NodeRole.BROKER], replicas: 3, storage: STORAGE, ...pool });
  return c;
}

const jbod = (...volumes: JbodVolume[]) => withPool({ storage: Storage.jbod(volumes) });
const disk = (id: number, kraftMetadata?: boolean) => JbodVolume.persistentClaim(id, { size: Size.gibibytes(1), kraftMetadata });
const spread = (s: Spread) => withPool({ spread: [s] });
const jvm = (j: JvmOptions, memoryLimit?: Size) => withPool({ jvm: j, resources: memoryLimit ? { memory: { limit: memoryLimit } } : undefined });
const cruiseControl = (cc: CruiseControlOptions, config?: { [key: string]: any }) => cluster({ cruiseControl: cc, config });
/** Cruise Control on a cluster of three controllers and `n` brokers, internal topics sized to fit. */
function withBrokers(n: number): KafkaCluster {
  const rf = Math.min(n, 3);
  const c = new KafkaCluster(newChart('kafka'), 'c', {
    listeners: [Listener.internal({ name: 'tls', port: 9093 })],
    cruiseControl: {},
    config: { 'offsets.topic.replication.factor': rf, 'transaction.state.log.replication.factor': rf, 'transaction.state.log.min.isr': 1 },
  });
  c.addNodePool('ctrl', { roles: [NodeRole.CONTROLLER], replicas: 3, storage: STORAGE });
  c.addNodePool('brokers', { roles: [NodeRole.BROKER], replicas: n, storage: STORAGE });
  return c;
}
const clientsCa = (ca: CertificateAuthorityOptions) => cluster({ clientsCa: ca });

// ---- node pools ------------------------------------------------------------------------------

ruleCase('KAF-POOL-001', 'a node pool name is a DNS-1123 label (ends with a letter or digit)', {
  failing: () => withPool({ name: 'pool-' }),
  edgeValid: () => withPool({ name: 'pool-1' }),
  message: 'name "pool-" is not a valid DNS-1123 label',
});

ruleCase('KAF-POOL-002', 'node pool replicas is a whole number, 0 or more', {
  failing: () => withPool({ replicas: -1 }),
  edgeValid: () => withPool({ replicas: 0 }),
  message: 'replicas -1',
});

ruleCase('KAF-POOL-003', 'a node pool has at least one role', {
  failing: () => withPool({ roles: [] }),
  edgeValid: () => withPool({ roles: [NodeRole.BROKER] }),
  message: 'has no roles',
});

ruleCase('KAF-POOL-004', 'a node pool lists each role once', {
  failing: () => withPool({ roles: [NodeRole.BROKER, NodeRole.BROKER] }),
  // two dual-role nodes keep the controller quorum odd (3 + 2)
  edgeValid: () => withPool({ roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 2 }),
  message: 'lists a role twice (broker, broker)',
});

ruleCase('KAF-POOL-005', 'node IDs are whole numbers, 0 or more', {
  failing: () => withPool({ nodeIds: [-1, 1, 2] }),
  edgeValid: () => withPool({ nodeIds: [0, 1, 2] }),
  message: 'nodeIds -1, 1, 2',
});

ruleCase('KAF-POOL-006', 'a node pool lists each node ID once', {
  failing: () => withPool({ nodeIds: [1, 1, 2] }),
  edgeValid: () => withPool({ nodeIds: [1, 2, 3] }),
  message: 'contain duplicates',
});

ruleCase('KAF-POOL-007', 'a node pool that lists node IDs lists one for every replica', {
  failing: () => withPool({ replicas: 3, nodeIds: [0, 1] }),
  edgeValid: () => withPool({ replicas: 3, nodeIds: [0, 1, 2] }),
  message: 'nodeIds lists 2 IDs for 3 replicas',
});

// ---- storage ---------------------------------------------------------------------------------

ruleCase('KAF-POOL-008', 'a persistent claim has a size above zero', {
  failing: () => withPool({ storage: Storage.persistentClaim({ size: Size.gibibytes(0) }) }),
  edgeValid: () => withPool({ storage: Storage.persistentClaim({ size: Size.kibibytes(1) }) }),
  message: 'storage has size 0Gi',
});

ruleCase('KAF-POOL-009', 'JBOD storage has at least one volume', {
  failing: () => jbod(),
  edgeValid: () => jbod(disk(0)),
  message: 'JBOD storage has no volumes',
});

ruleCase('KAF-POOL-010', 'JBOD volume ids are whole numbers, 0 or more', {
  failing: () => jbod(disk(-1)),
  edgeValid: () => jbod(disk(0)),
  message: 'JBOD volume id -1',
});

ruleCase('KAF-POOL-011', 'JBOD volume ids are unique', {
  failing: () => jbod(disk(0), disk(0)),
  edgeValid: () => jbod(disk(0), disk(1)),
  message: 'JBOD volume id 0 is used twice',
});

ruleCase('KAF-POOL-012', 'at most one JBOD volume holds the KRaft metadata log', {
  failing: () => jbod(disk(0, true), disk(1, true)),
  edgeValid: () => jbod(disk(0, true), disk(1)),
  message: 'JBOD volumes 0, 1 all claim the KRaft metadata log',
});

// ---- scheduling ------------------------------------------------------------------------------

ruleCase('KAF-POOL-013', 'a spread rule names a topology key', {
  failing: () => spread(Spread.across('')),
  edgeValid: () => spread(Spread.across('r')),
  message: 'has an empty topology key',
});

ruleCase('KAF-POOL-014', 'maxSkew is set only on a topology spread constraint', {
  failing: () => spread(Spread.across('rack', { maxSkew: 2 })),
  edgeValid: () => spread(Spread.across('rack', { maxSkew: 2, method: SpreadMethod.TOPOLOGY_SPREAD })),
  message: 'sets maxSkew 2',
});

ruleCase('KAF-POOL-015', 'maxSkew is a whole number, 1 or more', {
  failing: () => spread(Spread.acrossZones({ method: SpreadMethod.TOPOLOGY_SPREAD, maxSkew: 0 })),
  edgeValid: () => spread(Spread.acrossZones({ method: SpreadMethod.TOPOLOGY_SPREAD, maxSkew: 1 })),
  message: 'has maxSkew 0',
});

ruleCase('KAF-POOL-016', 'weight is set only on a preferred anti-affinity rule', {
  failing: () => spread(Spread.acrossHosts({ weight: 50 })),
  edgeValid: () => spread(Spread.acrossHosts({ weight: 50, required: false })),
  message: 'sets weight 50',
});

ruleCase('KAF-POOL-017', 'weight is a whole number from 1 to 100', {
  failing: () => spread(Spread.acrossHosts({ required: false, weight: 101 })),
  edgeValid: () => spread(Spread.acrossHosts({ required: false, weight: 100 })),
  message: 'has weight 101',
});

ruleCase('KAF-POOL-018', 'rack awareness from a node label names the label', {
  failing: () => cluster({ rack: Rack.topologyLabel('') }),
  edgeValid: () => cluster({ rack: Rack.topologyLabel('r') }),
  message: 'rack awareness from a node label has an empty topology key',
});

ruleCase('KAF-POOL-018', 'rack awareness from an environment variable names the variable', {
  failing: () => cluster({ rack: Rack.environmentVariable('') }),
  edgeValid: () => {
    const c = new KafkaCluster(newChart('kafka'), 'c', { listeners: [Listener.internal({ name: 'tls', port: 9093 })], rack: Rack.environmentVariable('R') });
    c.addNodePool('ctrl', { roles: [NodeRole.CONTROLLER], replicas: 3, storage: STORAGE });
    c.addNodePool('brokers', { roles: [NodeRole.BROKER], replicas: 3, storage: STORAGE, containerTemplate: { env: { R: 'zone-a' } } });
    return c;
  },
  message: 'has an empty variable name',
});

// ---- resources and JVM -----------------------------------------------------------------------

ruleCase('KAF-POOL-019', 'JVM heap sizes are whole mebibytes', {
  failing: () => jvm({ heapMax: Size.kibibytes(1500) }),
  edgeValid: () => jvm({ heapMax: Size.mebibytes(1) }),
  message: 'JVM -Xmx 1500Ki',
});

ruleCase('KAF-POOL-020', 'the initial heap is at most the maximum heap', {
  failing: () => jvm({ heapInitial: Size.mebibytes(1025), heapMax: Size.gibibytes(1) }),
  edgeValid: () => jvm({ heapInitial: Size.gibibytes(1), heapMax: Size.gibibytes(1) }),
  message: 'JVM -Xms 1025m is above -Xmx 1024m',
});

ruleCase('KAF-POOL-021', 'the maximum heap is below the container memory', {
  failing: () => jvm({ heapMax: Size.gibibytes(4) }, Size.gibibytes(4)),
  edgeValid: () => jvm({ heapMax: Size.mebibytes(4095) }, Size.gibibytes(4)),
  message: 'JVM -Xmx 4096m is not below the container memory limit 4Gi',
});

ruleCase('KAF-POOL-022', 'a resource request is at most its limit (CPU, memory, ephemeral storage)', {
  failing: () => withPool({
    resources: {
      cpu: { request: Cpu.millis(2001), limit: Cpu.units(2) },
      memory: { request: Size.mebibytes(4097), limit: Size.gibibytes(4) },
      ephemeralStorage: { request: Size.gibibytes(2), limit: Size.gibibytes(1) },
    },
  }),
  edgeValid: () => withPool({
    resources: {
      cpu: { request: Cpu.units(2), limit: Cpu.units(2) },
      memory: { request: Size.gibibytes(4), limit: Size.gibibytes(4) },
      ephemeralStorage: { request: Size.gibibytes(1), limit: Size.gibibytes(1) },
    },
  }),
  message: 'CPU request 2001m is above the CPU limit 2',
});

// ---- Kafka version ---------------------------------------------------------------------------

ruleCase('KAF-CLU-050', 'the Kafka version is major.minor.patch', {
  failing: () => cluster({ version: KafkaVersion.of('4.3') }),
  edgeValid: () => cluster({ version: KafkaVersion.of('4.3.1') }),
  message: 'Kafka version "4.3"',
});

ruleCase('KAF-CLU-051', 'the Kafka version is not older than every version the operator runs', {
  failing: () => cluster({ version: KafkaVersion.of('4.1.1') }),
  edgeValid: () => cluster({ version: KafkaVersion.V4_2_0 }),
  message: 'Kafka 4.1.1 is older than every version Strimzi 1.2.0 runs',
});

ruleCase('KAF-CLU-052', 'a Kafka version the operator is not known to support is a warning', {
  failing: () => cluster({ version: KafkaVersion.of('4.3.2') }),
  edgeValid: () => cluster({ version: KafkaVersion.LATEST }),
  message: 'Kafka version 4.3.2 is not one Strimzi 1.2.0 is known to support',
});

ruleCase('KAF-CLU-053', 'metadataVersion is <major>.<minor> or <major>.<minor>-IV<n>', {
  failing: () => cluster({ metadataVersion: '4.3.1' }),
  edgeValid: () => cluster({ metadataVersion: '4.3' }),
  message: 'metadataVersion "4.3.1"',
});

ruleCase('KAF-CLU-054', 'metadataVersion is not older than the oldest the operator accepts', {
  failing: () => cluster({ metadataVersion: '3.3-IV2' }),
  edgeValid: () => cluster({ metadataVersion: '3.3-IV3' }),
  message: 'metadataVersion "3.3-IV2" is older than 3.3-IV3',
});

ruleCase('KAF-CLU-055', 'metadataVersion is not newer than the Kafka version', {
  failing: () => cluster({ version: KafkaVersion.V4_2_1, metadataVersion: '4.3-IV0' }),
  edgeValid: () => cluster({ version: KafkaVersion.V4_2_1, metadataVersion: '4.2-IV3' }),
  message: 'metadataVersion "4.3-IV0" is newer than Kafka 4.2.1',
});

// ---- Cruise Control --------------------------------------------------------------------------

ruleCase('KAF-CLU-056', 'Cruise Control config keys Strimzi owns are rejected', {
  failing: () => cruiseControl({ config: { 'webserver.http.port': 9091 } }),
  // webserver.http. is owned by Strimzi, but the CORS keys under it are allowed
  edgeValid: () => cruiseControl({ config: { 'webserver.http.cors.enabled': true } }),
  message: 'config key "webserver.http.port"',
});

ruleCase('KAF-CLU-057', 'Cruise Control network capacity is a positive whole number of KiB per second', {
  failing: () => cruiseControl({ brokerCapacity: { inboundNetworkPerSecond: Size.kibibytes(1.5) } }),
  edgeValid: () => cruiseControl({ brokerCapacity: { inboundNetworkPerSecond: Size.kibibytes(1) } }),
  message: 'network capacity 1.5Ki/s',
});

ruleCase('KAF-CLU-058', 'a broker capacity override names at least one broker', {
  failing: () => cruiseControl({ brokerCapacityOverrides: [{ brokers: [] }] }),
  edgeValid: () => cruiseControl({ brokerCapacityOverrides: [{ brokers: [0] }] }),
  message: 'names no brokers',
});

ruleCase('KAF-CLU-059', 'autoRebalance lists each mode once', {
  failing: () => cruiseControl({ autoRebalance: [{ mode: AutoRebalanceMode.ADD_BROKERS }, { mode: AutoRebalanceMode.ADD_BROKERS }] }),
  edgeValid: () => cruiseControl({ autoRebalance: [{ mode: AutoRebalanceMode.ADD_BROKERS }, { mode: AutoRebalanceMode.REMOVE_BROKERS }] }),
  message: 'autoRebalance lists mode add-brokers more than once',
});

ruleCase('KAF-CLU-060', 'defaultGoals and hardGoals are listed in goals', {
  failing: () => cruiseControl({ goals: ['RackAwareGoal'], hardGoals: ['RackAwareGoal', 'CpuCapacityGoal'] }),
  edgeValid: () => cruiseControl({ goals: ['RackAwareGoal', 'CpuCapacityGoal'], defaultGoals: ['RackAwareGoal', 'CpuCapacityGoal'], hardGoals: ['RackAwareGoal', 'CpuCapacityGoal'] }),
  message: 'hardGoals CpuCapacityGoal is not in goals',
});

ruleCase('KAF-CLU-061', 'Cruise Control needs at least 2 brokers', {
  failing: () => withBrokers(1),
  edgeValid: () => withBrokers(2),
  message: 'needs at least 2 brokers, but the cluster has 1',
});

ruleCase('KAF-CLU-062', 'the Cruise Control metrics topic replication factor is at most the broker count', {
  failing: () => cruiseControl({}, { 'cruise.control.metrics.topic.replication.factor': 4 }),
  edgeValid: () => cruiseControl({}, { 'cruise.control.metrics.topic.replication.factor': 3 }),
  message: 'replication.factor 4 exceeds the 3 brokers',
});

ruleCase('KAF-CLU-063', 'the Cruise Control metrics topic min.insync.replicas is at most its replication factor', {
  failing: () => cruiseControl({}, { 'cruise.control.metrics.topic.replication.factor': 3, 'cruise.control.metrics.topic.min.insync.replicas': 4 }),
  edgeValid: () => cruiseControl({}, { 'cruise.control.metrics.topic.replication.factor': 3, 'cruise.control.metrics.topic.min.insync.replicas': 3 }),
  message: 'min.insync.replicas 4, above its replication factor 3',
});

// ---- CAs, authorization, labels --------------------------------------------------------------

ruleCase('KAF-CLU-064', 'CA validity and renewal are whole days, 1 or more', {
  failing: () => clientsCa({ renewal: Duration.hours(12) }),
  edgeValid: () => clientsCa({ renewal: Duration.days(1) }),
  message: 'renewal of 0.5 days',
});

ruleCase('KAF-CLU-065', 'the CA renewal period is shorter than its validity', {
  failing: () => clientsCa({ validity: Duration.days(30), renewal: Duration.days(30) }),
  edgeValid: () => clientsCa({ validity: Duration.days(30), renewal: Duration.days(29) }),
  message: 'renewal period 30 days is not shorter than the validity of 30 days',
});

ruleCase('KAF-CLU-066', 'a CA expiration policy applies only to a CA Strimzi generates', {
  failing: () => clientsCa({ generateCertificateAuthority: false, expirationPolicy: CertificateExpirationPolicy.REPLACE_KEY }),
  edgeValid: () => clientsCa({ generateCertificateAuthority: true, expirationPolicy: CertificateExpirationPolicy.REPLACE_KEY }),
  message: 'expirationPolicy replace-key',
});

ruleCase('KAF-CLU-067', 'custom authorization names its authorizer class', {
  failing: () => cluster({ authorization: KafkaAuthorization.custom({ authorizerClass: ' ' }) }),
  edgeValid: () => cluster({ authorization: KafkaAuthorization.custom({ authorizerClass: 'com.example.Authorizer' }) }),
  message: 'empty authorizerClass',
});

ruleCase('KAF-CLU-068', 'labels with the strimzi.io/ prefix other than strimzi.io/cluster are rejected', {
  failing: () => withPool({ labels: { 'strimzi.io/pool-name': 'x' } }, { podTemplate: { labels: { 'strimzi.io/kind': 'x' } } }),
  edgeValid: () => withPool({ labels: { 'strimzi.io/cluster': 'c' } }, { podTemplate: { labels: { 'example.com/strimzi.io': 'x' } } }),
  message: 'label(s) strimzi.io/pool-name on the KafkaNodePool',
});
