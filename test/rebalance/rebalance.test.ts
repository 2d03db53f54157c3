import { Size } from 'cdk8s';
import * as fc from 'fast-check';
import {
  AutoRebalanceMode, CruiseControlGoal, CruiseControlOptions, JbodVolume, KafkaCluster, KafkaRebalance, KafkaRebalanceTemplate,
  Listener, NodeRole, RebalanceMode, Storage,
} from '../../src';
import { docOf, docsOf, newChart, synth, validationErrors } from '../util';

const jbod = () => Storage.jbod([
  JbodVolume.persistentClaim(0, { size: Size.gibibytes(100), kraftMetadata: true }),
  JbodVolume.persistentClaim(1, { size: Size.gibibytes(100) }),
]);

/** A cluster with brokers 0-2 (JBOD, volumes 0 and 1), controllers 10-12, and optionally Cruise Control. */
function setup(cruiseControl: CruiseControlOptions | 'none' = {}, brokerStorage: Storage = jbod()) {
  const chart = newChart('kafka');
  const cluster = new KafkaCluster(chart, 'my-cluster', {
    listeners: [Listener.internal({ name: 'tls', port: 9093 })],
    cruiseControl: cruiseControl === 'none' ? undefined : cruiseControl,
  });
  cluster.addNodePool('controllers', { roles: [NodeRole.CONTROLLER], replicas: 3, nodeIds: [10, 11, 12] });
  cluster.addNodePool('brokers', { roles: [NodeRole.BROKER], replicas: 3, nodeIds: [0, 1, 2], storage: brokerStorage });
  return { chart, cluster };
}

const P = '[test/my-cluster/';

describe('KafkaRebalance rendering', () => {
  test('add-brokers with goals, options and auto-approval', () => {
    const { chart, cluster } = setup();
    cluster.addRebalance('add-brokers', {
      mode: RebalanceMode.addBrokers([1, 2]),
      goals: [CruiseControlGoal.RACK_AWARE, CruiseControlGoal.REPLICA_CAPACITY, CruiseControlGoal.DISK_CAPACITY,
        CruiseControlGoal.NETWORK_INBOUND_CAPACITY, CruiseControlGoal.NETWORK_OUTBOUND_CAPACITY, CruiseControlGoal.CPU_CAPACITY,
        CruiseControlGoal.REPLICA_DISTRIBUTION],
      excludedTopics: '^__.*',
      concurrentPartitionMovementsPerBroker: 10,
      concurrentIntraBrokerPartitionMovements: 0,
      concurrentLeaderMovements: 500,
      replicationThrottle: Size.mebibytes(50),
      replicaMovementStrategies: ['com.linkedin.kafka.cruisecontrol.executor.strategy.PrioritizeSmallReplicaMovementStrategy'],
      autoApproval: true,
    });
    const kr = docOf(synth(chart), 'KafkaRebalance', 'add-brokers');
    expect(kr.apiVersion).toBe('kafka.strimzi.io/v1');
    expect(kr.metadata).toEqual({
      name: 'add-brokers',
      namespace: 'kafka',
      labels: { 'strimzi.io/cluster': 'my-cluster' },
      annotations: { 'strimzi.io/rebalance-auto-approval': 'true' },
    });
    expect(kr.spec).toEqual({
      mode: 'add-brokers',
      brokers: [1, 2],
      goals: ['RackAwareGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal', 'NetworkInboundCapacityGoal', 'NetworkOutboundCapacityGoal',
        'CpuCapacityGoal', 'ReplicaDistributionGoal'],
      excludedTopics: '^__.*',
      concurrentPartitionMovementsPerBroker: 10,
      concurrentIntraBrokerPartitionMovements: 0,
      concurrentLeaderMovements: 500,
      replicationThrottle: 52428800,
      replicaMovementStrategies: ['com.linkedin.kafka.cruisecontrol.executor.strategy.PrioritizeSmallReplicaMovementStrategy'],
    });
  });

  test('full mode by default, no annotation without auto-approval; construction order does not matter', () => {
    const chart = newChart('kafka');
    const cluster = new KafkaCluster(chart, 'my-cluster', { listeners: [Listener.internal({ name: 'tls', port: 9093 })], cruiseControl: {} });
    const kr = new KafkaRebalance(chart, 'Full', { cluster });
    // pools added after the rebalance still count for its rules
    cluster.addNodePool('dual', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3, nodeIds: [0, 1, 2] });
    const doc = docOf(synth(chart), 'KafkaRebalance', 'full');
    expect(doc.metadata.annotations).toBeUndefined();
    expect(doc.spec).toEqual({ mode: 'full' });
    expect(KafkaRebalance.isKafkaRebalance(kr)).toBe(true);
    expect(KafkaRebalance.isKafkaRebalance(cluster)).toBe(false);
  });

  test('remove-disks renders moveReplicasOffVolumes', () => {
    const { chart, cluster } = setup();
    cluster.addRebalance('drain-volume-1', { mode: RebalanceMode.removeDisks([{ brokerId: 0, volumeIds: [1] }, { brokerId: 2, volumeIds: [1] }]) });
    expect(docOf(synth(chart), 'KafkaRebalance').spec).toEqual({
      mode: 'remove-disks',
      moveReplicasOffVolumes: [{ brokerId: 0, volumeIds: [1] }, { brokerId: 2, volumeIds: [1] }],
    });
  });

  test('custom goals render as given, in order; CruiseControlGoal.of() maps full class names to the constants', () => {
    const custom = 'com.example.cc.MyGoal';
    const { chart, cluster } = setup({ goals: ['RackAwareGoal', custom, 'com.linkedin.kafka.cruisecontrol.analyzer.goals.ReplicaDistributionGoal'], hardGoals: ['RackAwareGoal'] });
    cluster.addRebalance('custom', { goals: [CruiseControlGoal.custom(custom), CruiseControlGoal.REPLICA_DISTRIBUTION, CruiseControlGoal.RACK_AWARE] });
    expect(docOf(synth(chart), 'KafkaRebalance').spec.goals).toEqual([custom, 'ReplicaDistributionGoal', 'RackAwareGoal']);
    expect(CruiseControlGoal.of('com.linkedin.kafka.cruisecontrol.analyzer.goals.RackAwareGoal')).toBe(CruiseControlGoal.RACK_AWARE);
    expect(CruiseControlGoal.of(custom).isCustom).toBe(true);
    expect(CruiseControlGoal.defaultGoals.length).toBe(17);
    expect(CruiseControlGoal.defaultHardGoals.map((g) => g.name)).toEqual(['RackAwareGoal', 'ReplicaCapacityGoal', 'DiskCapacityGoal',
      'NetworkInboundCapacityGoal', 'NetworkOutboundCapacityGoal', 'CpuCapacityGoal']);
  });
});

test('property: any ordered selection of known goals renders as given (with skipHardGoalCheck)', () => {
  const names = CruiseControlGoal.known.map((g) => g.name);
  fc.assert(fc.property(fc.shuffledSubarray(names, { minLength: 1 }), (picked) => {
    const { chart, cluster } = setup();
    cluster.addRebalance('r', { goals: picked.map((n) => CruiseControlGoal.of(n)), skipHardGoalCheck: true });
    expect(docOf(synth(chart), 'KafkaRebalance').spec.goals).toEqual(picked);
  }), { numRuns: 25 });
});

describe('rebalance templates and auto-rebalancing', () => {
  test('templates render with the annotation, no cluster label and spec {}; autoRebalance names them', () => {
    const chart = newChart('kafka');
    const up = new KafkaRebalanceTemplate(chart, 'scale-up-template');
    const down = new KafkaRebalanceTemplate(chart, 'scale-down-template', { replicationThrottle: Size.mebibytes(20) });
    const cluster = new KafkaCluster(chart, 'my-cluster', {
      listeners: [Listener.internal({ name: 'tls', port: 9093 })],
      cruiseControl: {
        autoRebalance: [{ mode: AutoRebalanceMode.ADD_BROKERS, template: up }, { mode: AutoRebalanceMode.REMOVE_BROKERS, template: down }],
      },
    });
    cluster.addNodePool('dual', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
    const docs = synth(chart);
    expect(docOf(docs, 'Kafka').spec.cruiseControl.autoRebalance).toEqual([
      { mode: 'add-brokers', template: { name: 'scale-up-template' } },
      { mode: 'remove-brokers', template: { name: 'scale-down-template' } },
    ]);
    const t = docOf(docs, 'KafkaRebalance', 'scale-up-template');
    expect(t.metadata).toEqual({ name: 'scale-up-template', namespace: 'kafka', annotations: { 'strimzi.io/rebalance-template': 'true' } });
    expect(t.spec).toEqual({});
    expect(docOf(docs, 'KafkaRebalance', 'scale-down-template').spec).toEqual({ replicationThrottle: 20971520 });
    expect(KafkaRebalanceTemplate.isKafkaRebalanceTemplate(up)).toBe(true);
  });

  test('templateName still renders', () => {
    const { chart } = setup({ autoRebalance: [{ mode: AutoRebalanceMode.ADD_BROKERS, templateName: 'mine' }] });
    expect(docOf(synth(chart), 'Kafka').spec.cruiseControl.autoRebalance).toEqual([{ mode: 'add-brokers', template: { name: 'mine' } }]);
  });

  test('KAF-RBL-008: a template outside the Kafka namespace', () => {
    const chart = newChart('kafka');
    const t = new KafkaRebalanceTemplate(chart, 'up', { namespace: 'other' });
    const cluster = new KafkaCluster(chart, 'my-cluster', {
      listeners: [Listener.internal({ name: 'tls', port: 9093 })],
      cruiseControl: { autoRebalance: [{ mode: AutoRebalanceMode.ADD_BROKERS, template: t }] },
    });
    cluster.addNodePool('dual', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster] KAF-RBL-008 Kafka cluster "my-cluster" cruiseControl: autoRebalance add-brokers uses template "up" in namespace "other", but the operator looks for templates in the Kafka\'s namespace "kafka" only (templates bind by namespace, not by label), so the auto-rebalance would be skipped; create the template with namespace: "kafka"',
    ]);
  });

  test('KAF-RBL-015: template and templateName together', () => {
    const chart = newChart('kafka');
    const t = new KafkaRebalanceTemplate(chart, 'up');
    const cluster = new KafkaCluster(chart, 'my-cluster', {
      listeners: [Listener.internal({ name: 'tls', port: 9093 })],
      cruiseControl: { autoRebalance: [{ mode: AutoRebalanceMode.ADD_BROKERS, template: t, templateName: 'up' }] },
    });
    cluster.addNodePool('dual', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster] KAF-RBL-015 Kafka cluster "my-cluster" cruiseControl: autoRebalance add-brokers sets both template and templateName ("up"); set one of them',
    ]);
  });

  test('KAF-RBL-007 on a template: its goals are checked against the cluster that uses it', () => {
    const chart = newChart('kafka');
    const t = new KafkaRebalanceTemplate(chart, 'up', { goals: [CruiseControlGoal.CPU_USAGE_DISTRIBUTION], skipHardGoalCheck: true });
    const cluster = new KafkaCluster(chart, 'my-cluster', {
      listeners: [Listener.internal({ name: 'tls', port: 9093 })],
      cruiseControl: { goals: ['RackAwareGoal'], autoRebalance: [{ mode: AutoRebalanceMode.ADD_BROKERS, template: t }] },
    });
    cluster.addNodePool('dual', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster] KAF-RBL-007 Kafka cluster "my-cluster" cruiseControl autoRebalance add-brokers template "up": goal CpuUsageDistributionGoal is not in the Cruise Control goals of cluster "my-cluster" (RackAwareGoal), so Cruise Control rejects the request; add CpuUsageDistributionGoal to cruiseControl.goals, or remove it from the rebalance',
    ]);
  });
});

describe('KafkaRebalance rules', () => {
  test('KAF-RBL-001: a cluster without Cruise Control', () => {
    const { chart, cluster } = setup('none');
    cluster.addRebalance('full');
    expect(validationErrors(chart)).toEqual([
      `${P}full] KAF-RBL-001 KafkaRebalance "full": cluster "my-cluster" does not run Cruise Control, so the operator never accepts the rebalance (condition cruiseControlDisabled); set cruiseControl on the cluster, or remove the KafkaRebalance`,
    ]);
  });

  test('KAF-RBL-001 edge: an imported cluster that runs Cruise Control is fine', () => {
    const chart = newChart('kafka');
    const cluster = KafkaCluster.fromClusterAttributes(chart, 'c', { clusterName: 'other', namespace: 'kafka', cruiseControlEnabled: true });
    new KafkaRebalance(chart, 'r', { cluster, mode: RebalanceMode.removeBrokers([7]) });
    expect(docOf(synth(chart), 'KafkaRebalance').spec).toEqual({ mode: 'remove-brokers', brokers: [7] });
  });

  test('KAF-RBL-002: add-brokers or remove-brokers without brokers', () => {
    const { chart, cluster } = setup();
    cluster.addRebalance('up', { mode: RebalanceMode.addBrokers([]) });
    expect(validationErrors(chart)).toEqual([
      `${P}up] KAF-RBL-002 KafkaRebalance "up": mode add-brokers lists no brokers (the operator requires the brokers list in this mode); name the node IDs, e.g. RebalanceMode.addBrokers([3, 4])`,
    ]);
  });

  test('KAF-RBL-003: broker IDs no broker pool has (controllers are not brokers)', () => {
    const { chart, cluster } = setup();
    cluster.addRebalance('down', { mode: RebalanceMode.removeBrokers([2, 5, 10]) });
    expect(validationErrors(chart)).toEqual([
      `${P}down] KAF-RBL-003 KafkaRebalance "down": mode remove-brokers names broker IDs 5, 10, which no broker pool of cluster "my-cluster" has (broker IDs: 0, 1, 2); name brokers the cluster has (remove-brokers runs before the pool is scaled down)`,
    ]);
  });

  test('KAF-RBL-003 edge: unknown node IDs skip the rule; the highest known broker ID passes', () => {
    const chart = newChart('kafka');
    const cluster = new KafkaCluster(chart, 'my-cluster', { listeners: [Listener.internal({ name: 'tls', port: 9093 })], cruiseControl: {} });
    cluster.addNodePool('dual', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
    cluster.addRebalance('up', { mode: RebalanceMode.addBrokers([42]) });
    expect(docOf(synth(chart), 'KafkaRebalance').spec.brokers).toEqual([42]);
    const known = setup();
    known.cluster.addRebalance('down', { mode: RebalanceMode.removeBrokers([2]) });
    expect(docOf(synth(known.chart), 'KafkaRebalance').spec.brokers).toEqual([2]);
  });

  test('KAF-RBL-003 on an imported cluster with brokerNodeIds', () => {
    const chart = newChart('kafka');
    const cluster = KafkaCluster.fromClusterAttributes(chart, 'c', { clusterName: 'other', namespace: 'kafka', cruiseControlEnabled: true, brokerNodeIds: [0, 1, 2] });
    new KafkaRebalance(chart, 'r', { cluster, mode: RebalanceMode.addBrokers([3]) });
    expect(validationErrors(chart)).toEqual([
      '[test/r] KAF-RBL-003 KafkaRebalance "r": mode add-brokers names broker ID 3, which no broker pool of cluster "other" has (broker IDs: 0, 1, 2); scale the broker pool up so it has these node IDs (nodeIds), or name the new brokers\' IDs',
    ]);
  });

  test('KAF-RBL-004: remove-disks without volumes, or an entry without volume IDs', () => {
    const { chart, cluster } = setup();
    cluster.addRebalance('none', { mode: RebalanceMode.removeDisks([]) });
    cluster.addRebalance('empty', { mode: RebalanceMode.removeDisks([{ brokerId: 0, volumeIds: [] }]) });
    expect(validationErrors(chart)).toEqual([
      `${P}none] KAF-RBL-004 KafkaRebalance "none": mode remove-disks lists no brokers and volume IDs (the operator requires moveReplicasOffVolumes in this mode); use RebalanceMode.removeDisks([{ brokerId: 0, volumeIds: [1] }])`,
      `${P}empty] KAF-RBL-004 KafkaRebalance "empty": moveReplicasOffVolumes for broker 0 lists no volume IDs (at least one is required); list the IDs of the volumes to empty, or drop the entry`,
    ]);
  });

  test('KAF-RBL-005: remove-disks on a broker without JBOD storage', () => {
    const { chart, cluster } = setup({}, Storage.persistentClaim({ size: Size.gibibytes(100) }));
    cluster.addRebalance('drain', { mode: RebalanceMode.removeDisks([{ brokerId: 1, volumeIds: [0] }]) });
    expect(validationErrors(chart)).toEqual([
      `${P}drain] KAF-RBL-005 KafkaRebalance "drain": mode remove-disks moves replicas off volumes of broker 1, but its node pool "brokers" has persistent-claim storage, not JBOD (there is no other volume to move them to); give the pool Storage.jbod() with at least two volumes, or use another mode`,
    ]);
  });

  test('KAF-RBL-006: volume IDs the broker\'s JBOD storage does not have, or all of them', () => {
    const { chart, cluster } = setup();
    cluster.addRebalance('bad', { mode: RebalanceMode.removeDisks([{ brokerId: 1, volumeIds: [1, 3] }]) });
    cluster.addRebalance('all', { mode: RebalanceMode.removeDisks([{ brokerId: 2, volumeIds: [0, 1] }]) });
    expect(validationErrors(chart)).toEqual([
      `${P}bad] KAF-RBL-006 KafkaRebalance "bad": volume ID 3 of broker 1 is not in the JBOD storage of node pool "brokers" (volume IDs: 0, 1); name volumes the pool has`,
      `${P}all] KAF-RBL-006 KafkaRebalance "all": mode remove-disks would empty every volume of broker 2 (0, 1), leaving its replicas nowhere to go; keep at least one volume of the broker out of volumeIds`,
    ]);
  });

  test('KAF-RBL-006 edge: volumes read from pools added after the rebalance', () => {
    const chart = newChart('kafka');
    const cluster = new KafkaCluster(chart, 'my-cluster', { listeners: [Listener.internal({ name: 'tls', port: 9093 })], cruiseControl: {} });
    cluster.addRebalance('drain', { mode: RebalanceMode.removeDisks([{ brokerId: 0, volumeIds: [1] }]) });
    cluster.addNodePool('dual', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3, nodeIds: [0, 1, 2], storage: jbod() });
    expect(docOf(synth(chart), 'KafkaRebalance').spec.moveReplicasOffVolumes).toEqual([{ brokerId: 0, volumeIds: [1] }]);
  });

  test('KAF-RBL-007: goals not in the cluster\'s Cruise Control goals', () => {
    const { chart, cluster } = setup({ goals: ['RackAwareGoal', 'ReplicaDistributionGoal'], hardGoals: ['RackAwareGoal'] });
    cluster.addRebalance('r', { goals: [CruiseControlGoal.RACK_AWARE, CruiseControlGoal.CPU_USAGE_DISTRIBUTION, CruiseControlGoal.custom('com.example.X')] });
    expect(validationErrors(chart)).toEqual([
      `${P}r] KAF-RBL-007 KafkaRebalance "r": goals CpuUsageDistributionGoal, com.example.X are not in the Cruise Control goals of cluster "my-cluster" (RackAwareGoal, ReplicaDistributionGoal), so Cruise Control rejects the request; add CpuUsageDistributionGoal, com.example.X to cruiseControl.goals, or remove them from the rebalance`,
    ]);
  });

  test('KAF-RBL-007 edge: goals the cluster lists by full class name match', () => {
    const { chart, cluster } = setup({ goals: ['com.linkedin.kafka.cruisecontrol.analyzer.goals.RackAwareGoal'], hardGoals: ['com.linkedin.kafka.cruisecontrol.analyzer.goals.RackAwareGoal'] });
    cluster.addRebalance('r', { goals: [CruiseControlGoal.RACK_AWARE] });
    expect(docOf(synth(chart), 'KafkaRebalance').spec.goals).toEqual(['RackAwareGoal']);
  });

  test('KAF-RBL-009: goals with rebalanceDisk', () => {
    const { chart, cluster } = setup();
    cluster.addRebalance('disk', { rebalanceDisk: true, goals: [CruiseControlGoal.DISK_USAGE_DISTRIBUTION] });
    expect(validationErrors(chart)).toEqual([
      `${P}disk] KAF-RBL-009 KafkaRebalance "disk": rebalanceDisk (intra-broker balancing) is set together with goals DiskUsageDistributionGoal, which the operator rejects; drop goals, or rebalanceDisk`,
    ]);
  });

  test('KAF-RBL-009 edge: rebalanceDisk alone', () => {
    const { chart, cluster } = setup();
    cluster.addRebalance('disk', { rebalanceDisk: true });
    expect(docOf(synth(chart), 'KafkaRebalance').spec).toEqual({ mode: 'full', rebalanceDisk: true });
  });

  test('KAF-RBL-010: goals without the default hard goals', () => {
    const { chart, cluster } = setup();
    cluster.addRebalance('r', { goals: [CruiseControlGoal.RACK_AWARE, CruiseControlGoal.REPLICA_DISTRIBUTION] });
    expect(validationErrors(chart)).toEqual([
      `${P}r] KAF-RBL-010 KafkaRebalance "r": goals leave out the hard goals ReplicaCapacityGoal, DiskCapacityGoal, NetworkInboundCapacityGoal, NetworkOutboundCapacityGoal, CpuCapacityGoal of cluster "my-cluster", so Cruise Control refuses the proposal; add ReplicaCapacityGoal, DiskCapacityGoal, NetworkInboundCapacityGoal, NetworkOutboundCapacityGoal, CpuCapacityGoal to goals, or set skipHardGoalCheck: true`,
    ]);
  });

  test('KAF-RBL-010 edge: skipHardGoalCheck, or the cluster\'s own hard goals', () => {
    const { chart, cluster } = setup({ hardGoals: ['RackAwareGoal'] });
    cluster.addRebalance('own', { goals: [CruiseControlGoal.RACK_AWARE, CruiseControlGoal.REPLICA_DISTRIBUTION] });
    cluster.addRebalance('skip', { goals: [CruiseControlGoal.REPLICA_DISTRIBUTION], skipHardGoalCheck: true });
    const docs = synth(chart);
    expect(docOf(docs, 'KafkaRebalance', 'skip').spec).toEqual({ mode: 'full', goals: ['ReplicaDistributionGoal'], skipHardGoalCheck: true });
    expect(docsOf(docs, 'KafkaRebalance').length).toBe(2);
  });

  test('KAF-RBL-011: negative or fractional counts and throttle', () => {
    const { chart, cluster } = setup();
    cluster.addRebalance('r', { concurrentLeaderMovements: -1, concurrentPartitionMovementsPerBroker: 1.5, replicationThrottle: Size.kibibytes(0.0001) });
    expect(validationErrors(chart)).toEqual([
      `${P}r] KAF-RBL-011 KafkaRebalance "r": concurrentPartitionMovementsPerBroker 1.5 is not an integer >= 0; set concurrentPartitionMovementsPerBroker to 0 or more, or leave it unset for Cruise Control's default`,
      `${P}r] KAF-RBL-011 KafkaRebalance "r": concurrentLeaderMovements -1 is not an integer >= 0; set concurrentLeaderMovements to 0 or more, or leave it unset for Cruise Control's default`,
      `${P}r] KAF-RBL-011 KafkaRebalance "r": replicationThrottle 0.0001Ki/s is not a whole number of bytes per second; use e.g. Size.mebibytes(50)`,
    ]);
  });

  test('KAF-RBL-012: a goal listed twice', () => {
    const { chart, cluster } = setup();
    cluster.addRebalance('r', { goals: [CruiseControlGoal.REPLICA_DISTRIBUTION, CruiseControlGoal.REPLICA_DISTRIBUTION], skipHardGoalCheck: true });
    expect(validationErrors(chart)).toEqual([
      `${P}r] KAF-RBL-012 KafkaRebalance "r": goals list ReplicaDistributionGoal more than once (the list is a priority order); list each goal once`,
    ]);
  });

  test('KAF-RBL-013 and KAF-RBL-014: invalid or reserved names', () => {
    const { chart, cluster } = setup();
    cluster.addRebalance('r', { name: 'Bad_Name' });
    cluster.addRebalance('auto', { name: 'my-cluster-auto-rebalancing-add-brokers' });
    new KafkaRebalanceTemplate(chart, 't', { name: 'Up!' });
    expect(validationErrors(chart)).toEqual([
      `${P}r] KAF-RBL-013 KafkaRebalance "Bad_Name": name "Bad_Name" is not a valid Kubernetes name (DNS-1123 subdomain: lower-case letters, digits, '-' and '.', at most 253 characters); choose a name like "add-brokers-3-4"`,
      `${P}auto] KAF-RBL-014 KafkaRebalance "my-cluster-auto-rebalancing-add-brokers": name "my-cluster-auto-rebalancing-add-brokers" is taken by the KafkaRebalance the operator creates for auto-rebalancing (<cluster>-auto-rebalancing-<mode>), and the two would overwrite each other; choose another name`,
      '[test/t] KAF-RBL-013 KafkaRebalance template "Up!": name "Up!" is not a valid Kubernetes name (DNS-1123 subdomain: lower-case letters, digits, \'-\' and \'.\', at most 253 characters); choose a name like "add-brokers-3-4"',
    ]);
  });
});
