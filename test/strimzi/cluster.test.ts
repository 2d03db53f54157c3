import { ApiObject, Duration, JsonPatch, Size } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-27';
import {
  CertificateExpirationPolicy, JbodVolume, KafkaAuthorization, KafkaCluster, KafkaNodePool, KafkaVersion, Listener, ListenerAuthentication,
  NodeRole, Rack, RackType, Spread, Storage, AutoRebalanceMode,
} from '../../src';
import { docOf, docsOf, newChart, synth, validationErrors, warningsOf } from '../util';

function minimal(chart = newChart('kafka'), props: any = {}) {
  const cluster = new KafkaCluster(chart, 'my-cluster', { listeners: [Listener.internal({ name: 'tls', port: 9093 })], ...props });
  cluster.addNodePool('controllers', { roles: [NodeRole.CONTROLLER], replicas: 3, storage: Storage.persistentClaim({ size: Size.gibibytes(10) }) });
  cluster.addNodePool('brokers', { roles: [NodeRole.BROKER], replicas: 3, storage: Storage.persistentClaim({ size: Size.gibibytes(100) }) });
  return { chart, cluster };
}

describe('KafkaCluster rendering', () => {
  test('a minimal cluster renders a Kafka and its node pools with secure defaults', () => {
    // GIVEN a cluster with one internal listener, 3 controllers and 3 brokers
    const { chart, cluster } = minimal();
    // WHEN synthesized
    const docs = synth(chart);
    // THEN
    expect(docs.map((d) => d.kind)).toEqual(['Kafka', 'KafkaNodePool', 'KafkaNodePool']);
    const kafka = docOf(docs, 'Kafka', 'my-cluster');
    expect(kafka.apiVersion).toBe('kafka.strimzi.io/v1');
    expect(kafka.metadata.namespace).toBe('kafka');
    expect(kafka.spec.kafka.version).toBe('4.3.1');
    expect(kafka.spec.kafka.listeners).toEqual([{ name: 'tls', port: 9093, type: 'internal', tls: true, authentication: { type: 'scram-sha-512' } }]);
    expect(kafka.spec.entityOperator).toEqual({ topicOperator: {}, userOperator: {} });
    const brokers = docOf(docs, 'KafkaNodePool', 'brokers');
    expect(brokers.metadata.labels).toEqual({ 'strimzi.io/cluster': 'my-cluster' });
    expect(brokers.spec).toEqual({ replicas: 3, roles: ['broker'], storage: { type: 'persistent-claim', size: '100Gi', deleteClaim: false } });
    expect(cluster.brokerCount).toBe(3);
    expect(cluster.controllerCount).toBe(3);
    expect(cluster.brokerNodeIds).toBeUndefined();
    expect(warningsOf(chart)).toEqual([]);
  });

  test('bootstrap addresses per listener type', () => {
    const chart = newChart('kafka');
    const internal = Listener.internal({ name: 'plain', port: 9092, tls: false });
    const cip = Listener.clusterIp({ name: 'cip', port: 9095 });
    const np = Listener.nodePort({ name: 'external', port: 9094 });
    const ing = Listener.ingress({ name: 'ing', port: 9096, bootstrap: { host: 'kafka.example.com' }, hostTemplate: 'b-{nodeId}.example.com' });
    const { cluster } = minimal(chart, { listeners: [internal, cip, np, ing] });
    expect(cluster.bootstrapServers(internal)).toBe('my-cluster-kafka-bootstrap.kafka.svc:9092');
    expect(cluster.bootstrapServers(cip)).toBe('my-cluster-kafka-cip-bootstrap.kafka.svc:9095');
    expect(cluster.bootstrapServers(np)).toBe('my-cluster-kafka-external-bootstrap.kafka.svc:9094');
    expect(cluster.bootstrapServers(ing)).toBe('kafka.example.com:443');
    expect(cluster.findListener('cip')).toBe(cip);
    expect(cluster.clusterCaCertificate).toEqual({ secretName: 'my-cluster-cluster-ca-cert', key: 'ca.crt' });
    expect(cluster.clientsCaCertificate).toEqual({ secretName: 'my-cluster-clients-ca-cert', key: 'ca.crt' });
  });

  test('simple authorization renders with super users', () => {
    const { chart } = minimal(newChart('kafka'), { authorization: KafkaAuthorization.simple({ superUsers: ['CN=admin'] }) });
    const kafka = docOf(synth(chart), 'Kafka');
    expect(kafka.spec.kafka.authorization).toEqual({ type: 'simple', superUsers: ['CN=admin'] });
  });

  test('rack, CAs, entity operator, cruise control, image, probes and templates', () => {
    const { chart, cluster } = minimal(newChart('kafka'), {
      image: 'registry.example.com/kafka:4.3.1',
      metadataVersion: '4.3-IV0',
      rack: Rack.topologyLabel(),
      clusterCa: { validity: Duration.days(730), renewal: Duration.days(60), expirationPolicy: CertificateExpirationPolicy.REPLACE_KEY },
      clientsCa: { generateCertificateAuthority: false, keepSecretsOnDelete: true },
      entityOperator: { userOperatorOptions: { secretPrefix: 'kafka-' } },
      cruiseControl: {
        goals: ['RackAwareGoal', 'ReplicaCapacityGoal'],
        brokerCapacity: { cpu: Cpu.units(2), inboundNetworkPerSecond: Size.mebibytes(100) },
        brokerCapacityOverrides: [{ brokers: [0], outboundNetworkPerSecond: Size.kibibytes(5000) }],
        autoRebalance: [{ mode: AutoRebalanceMode.ADD_BROKERS }, { mode: AutoRebalanceMode.REMOVE_BROKERS, templateName: 'rebalance-template' }],
      },
      readinessProbe: { initialDelay: Duration.seconds(15), timeout: Duration.seconds(5) },
      podTemplate: { priorityClassName: 'kafka', annotations: { a: 'b' } },
      maxUnavailable: 0,
    });
    const kafka = docOf(synth(chart), 'Kafka');
    expect(kafka.spec.kafka.image).toBe('registry.example.com/kafka:4.3.1');
    expect(kafka.spec.kafka.metadataVersion).toBe('4.3-IV0');
    expect(kafka.spec.kafka.rack).toEqual({ type: 'topology-label', topologyKey: 'topology.kubernetes.io/zone' });
    expect(kafka.spec.clusterCa).toEqual({ validityDays: 730, renewalDays: 60, certificateExpirationPolicy: 'replace-key' });
    expect(kafka.spec.clientsCa).toEqual({ generateCertificateAuthority: false, generateSecretOwnerReference: false });
    expect(kafka.spec.entityOperator.userOperator).toEqual({ secretPrefix: 'kafka-' });
    expect(cluster.userSecretPrefix).toBe('kafka-');
    expect(kafka.spec.cruiseControl).toEqual({
      config: { goals: 'RackAwareGoal,ReplicaCapacityGoal' },
      brokerCapacity: { cpu: '2', inboundNetwork: '102400KiB/s', overrides: [{ brokers: [0], outboundNetwork: '5000KiB/s' }] },
      autoRebalance: [{ mode: 'add-brokers' }, { mode: 'remove-brokers', template: { name: 'rebalance-template' } }],
    });
    expect(kafka.spec.kafka.readinessProbe).toEqual({ initialDelaySeconds: 15, timeoutSeconds: 5 });
    expect(kafka.spec.kafka.template).toEqual({ pod: { metadata: { annotations: { a: 'b' } }, priorityClassName: 'kafka' }, podDisruptionBudget: { maxUnavailable: 0 } });
    expect(cluster.cruiseControlEnabled).toBe(true);
  });

  test('the entity operator can be turned off per operator', () => {
    const { chart, cluster } = minimal(newChart('kafka'), { entityOperator: { topicOperator: false } });
    expect(docOf(synth(chart), 'Kafka').spec.entityOperator).toEqual({ userOperator: {} });
    expect(cluster.topicOperatorEnabled).toBe(false);
    const both = minimal(newChart('kafka'), { entityOperator: { topicOperator: false, userOperator: false } });
    expect(docOf(synth(both.chart), 'Kafka').spec.entityOperator).toBeUndefined();
  });

  test('the monitoring bound to the model is rendered (Kafka Exporter; Cruise Control metrics only with Cruise Control)', () => {
    const { chart, cluster } = minimal();
    cluster._bindMonitoring({ kafkaExporter: { topicRegex: '.*' }, cruiseControlMetricsConfig: { type: 'jmxPrometheusExporter' } });
    const spec = docOf(synth(chart), 'Kafka').spec;
    expect(spec.kafkaExporter).toEqual({ topicRegex: '.*' });
    expect(spec.cruiseControl).toBeUndefined();
  });

  test('an unknown Kafka version is a warning, not an error', () => {
    const { chart } = minimal(newChart('kafka'), { version: KafkaVersion.of('4.4.0') });
    const kafka = docOf(synth(chart), 'Kafka');
    expect(kafka.spec.kafka.version).toBe('4.4.0');
    expect(warningsOf(chart).join('\n')).toMatch(/KAF-CLU-052 Kafka version 4.4.0 is not one Strimzi 1.2.0 is known to support/);
  });

  test('jbod storage and node pool details', () => {
    const chart = newChart('kafka');
    const cluster = new KafkaCluster(chart, 'c', { listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
    cluster.addNodePool('dual', {
      roles: [NodeRole.BROKER, NodeRole.CONTROLLER],
      replicas: 3,
      nodeIds: [0, 1, 2],
      storage: Storage.jbod([
        JbodVolume.persistentClaim(0, { size: Size.gibibytes(10), deleteClaim: true, storageClass: 'gp3', kraftMetadata: true }),
        JbodVolume.ephemeral(1, { sizeLimit: Size.gibibytes(1) }),
      ]),
      resources: { cpu: { request: Cpu.millis(500), limit: Cpu.units(2) }, memory: { request: Size.gibibytes(4), limit: Size.gibibytes(4) } },
      jvm: { heapInitial: Size.mebibytes(2048), heapMax: Size.gibibytes(2), xx: { UseG1GC: 'true' } },
      spread: [Spread.acrossZones()],
    });
    const pool = docOf(synth(chart), 'KafkaNodePool', 'dual');
    expect(pool.metadata.annotations).toEqual({ 'strimzi.io/next-node-ids': '[0-2]' });
    expect(pool.spec.storage).toEqual({
      type: 'jbod',
      volumes: [
        { id: 0, type: 'persistent-claim', size: '10Gi', class: 'gp3', deleteClaim: true, kraftMetadata: 'shared' },
        { id: 1, type: 'ephemeral', sizeLimit: '1Gi' },
      ],
    });
    expect(pool.spec.resources).toEqual({ requests: { cpu: '500m', memory: '4Gi' }, limits: { cpu: '2', memory: '4Gi' } });
    expect(pool.spec.jvmOptions).toEqual({ '-Xms': '2048m', '-Xmx': '2048m', '-XX': { UseG1GC: 'true' } });
    expect(pool.spec.template.pod.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution).toEqual([{
      labelSelector: { matchLabels: { 'strimzi.io/cluster': 'c', 'strimzi.io/name': 'c-kafka', 'strimzi.io/pool-name': 'dual' } },
      topologyKey: 'topology.kubernetes.io/zone',
    }]);
    expect(cluster.brokerNodeIds).toEqual([0, 1, 2]);
    expect(docsOf(synth(chart), 'KafkaNodePool')).toHaveLength(1);
  });
});

describe('KafkaCluster validation', () => {
  test('KRaft needs brokers and controllers; pools must be unique', () => {
    const chart = newChart('kafka');
    const cluster = new KafkaCluster(chart, 'c', { listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
    cluster.addNodePool('a', { name: 'pool', roles: [NodeRole.BROKER], replicas: 0 });
    cluster.addNodePool('b', { name: 'pool', roles: [NodeRole.CONTROLLER], replicas: 0 });
    const errors = validationErrors(chart);
    expect(errors).toEqual(expect.arrayContaining([
      expect.stringContaining('KAF-CLU-004 Kafka cluster "c": node pool name(s) pool are used twice (pool names must be unique in a cluster); give every pool its own name'),
      expect.stringContaining('KAF-CLU-005 Kafka cluster "c": has no node pool with the broker role and replicas > 0'),
      expect.stringContaining('KAF-CLU-006 Kafka cluster "c": has no node pool with the controller role and replicas > 0'),
    ]));
  });

  test('an even controller quorum is an error; a single controller a warning', () => {
    const chart = newChart('kafka');
    const cluster = new KafkaCluster(chart, 'c', { listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
    cluster.addNodePool('ctrl', { roles: [NodeRole.CONTROLLER], replicas: 2 });
    cluster.addNodePool('b', { roles: [NodeRole.BROKER], replicas: 1 });
    expect(validationErrors(chart)).toEqual([
      '[test/c] KAF-CLU-007 Kafka cluster "c": the controller quorum has 2 nodes, an even number: a majority of 2 is 2, so it survives 0 failure(s), no more than 1 nodes would; use an odd number of controllers (1 or 3)',
    ]);

    const chart2 = newChart('kafka');
    const single = new KafkaCluster(chart2, 'c', {
      listeners: [Listener.internal({ name: 'tls', port: 9093 })],
      config: { 'offsets.topic.replication.factor': 1, 'transaction.state.log.replication.factor': 1, 'transaction.state.log.min.isr': 1 },
    });
    single.addNodePool('dual', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 1 });
    synth(chart2);
    expect(warningsOf(chart2)).toEqual(['[test/c] KAF-CLU-008 the controller quorum has a single node: losing it makes the cluster unavailable; use 3 controllers for production']);
  });

  test('names Strimzi derives must fit Kubernetes limits', () => {
    const chart = newChart('kafka');
    const name = 'a'.repeat(45);
    const cluster = new KafkaCluster(chart, 'c', { name, listeners: [Listener.loadBalancer({ name: 'externallb1', port: 9094 })] });
    cluster.addNodePool('dual', { name: 'brokerpool', roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
    const errors = validationErrors(chart);
    expect(errors).toEqual(expect.arrayContaining([
      `[test/c] KAF-CLU-002 Kafka cluster "${name}": the Topic Operator label value "${name}-entity-topic-operator" would be 67 characters, above the Kubernetes limit of 63; shorten the cluster, node pool or listener name`,
      `[test/c] KAF-CLU-002 Kafka cluster "${name}": the per-broker Service name of listener "externallb1" in pool "brokerpool" "${name}-brokerpool-externallb1-2" would be 70 characters, above the Kubernetes limit of 63; shorten the cluster, node pool or listener name`,
    ]));
  });

  test('cluster and pool names must be DNS labels; strimzi.io labels are rejected', () => {
    const chart = newChart('kafka');
    const cluster = new KafkaCluster(chart, 'c', { name: '1Cluster', labels: { 'strimzi.io/kind': 'x' }, listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
    cluster.addNodePool('dual', { name: 'Pool_1', roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3, labels: { 'strimzi.io/pool-name': 'x' } });
    const errors = validationErrors(chart);
    expect(errors).toEqual(expect.arrayContaining([
      expect.stringContaining('KAF-CLU-001 Kafka cluster "1Cluster": name "1Cluster" is not a valid DNS-1035 label'),
      expect.stringContaining('KAF-CLU-068 Kafka cluster "1Cluster": label(s) strimzi.io/kind on the Kafka resource use the strimzi.io/ prefix, which Strimzi rejects on custom resources (only strimzi.io/cluster is allowed); use your own label prefix'),
      expect.stringContaining('KAF-POOL-001 node pool "Pool_1": name "Pool_1" is not a valid DNS-1123 label'),
      expect.stringContaining('KAF-CLU-068 node pool "Pool_1": label(s) strimzi.io/pool-name on the KafkaNodePool use the strimzi.io/ prefix'),
    ]));
  });

  test('resources: requests above limits, heap not below the memory limit, duplicate JBOD ids, node IDs', () => {
    const chart = newChart('kafka');
    const cluster = new KafkaCluster(chart, 'c', { listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
    cluster.addNodePool('ctrl', { roles: [NodeRole.CONTROLLER], replicas: 3, nodeIds: [0, 1, 2] });
    cluster.addNodePool('b', {
      roles: [NodeRole.BROKER],
      replicas: 3,
      nodeIds: [2, 3],
      resources: { cpu: { request: Cpu.units(4), limit: Cpu.millis(2000) }, memory: { request: Size.gibibytes(8), limit: Size.gibibytes(4) } },
      jvm: { heapMax: Size.gibibytes(4) },
      storage: Storage.jbod([JbodVolume.persistentClaim(0, { size: Size.gibibytes(1) }), JbodVolume.persistentClaim(0, { size: Size.gibibytes(1) })]),
    });
    const errors = validationErrors(chart);
    expect(errors).toEqual(expect.arrayContaining([
      '[test/c/b] KAF-POOL-022 node pool "b": CPU request 4 is above the CPU limit 2000m (a request may not exceed its limit); lower the request or raise the limit',
      '[test/c/b] KAF-POOL-022 node pool "b": memory request 8Gi is above the memory limit 4Gi (a request may not exceed its limit); lower the request or raise the limit',
      '[test/c/b] KAF-POOL-021 node pool "b": JVM -Xmx 4096m is not below the container memory limit 4Gi (the heap, off-heap memory and page cache must fit, or the pod is OOM-killed); keep -Xmx well below the memory limit (commonly at most half of it)',
      '[test/c/b] KAF-POOL-011 node pool "b": JBOD volume id 0 is used twice (ids must be unique; they name the PVCs); give every volume its own id',
      '[test/c/b] KAF-POOL-007 node pool "b": nodeIds lists 2 IDs for 3 replicas, so the remaining IDs are chosen by Strimzi; list at least 3 node IDs',
    ]));
  });

  test('CA settings', () => {
    const { chart } = minimal(newChart('kafka'), {
      clusterCa: { validity: Duration.days(30), renewal: Duration.days(30) },
      clientsCa: {
        generateCertificateAuthority: false,
        expirationPolicy: CertificateExpirationPolicy.RENEW_CERTIFICATE,
        validity: Duration.hours(36),
      },
    });
    expect(validationErrors(chart)).toEqual(expect.arrayContaining([
      '[test/my-cluster] KAF-CLU-065 Kafka cluster "my-cluster" clusterCa: renewal period 30 days is not shorter than the validity of 30 days; make renewal shorter than validity',
      '[test/my-cluster] KAF-CLU-064 Kafka cluster "my-cluster" clientsCa: validity of 1.5 days is not a whole number of days >= 1 (Strimzi counts CA lifetimes in days); use Duration.days(n) with n >= 1',
      '[test/my-cluster] KAF-CLU-066 Kafka cluster "my-cluster" clientsCa: expirationPolicy renew-certificate applies only to a CA Strimzi generates, but generateCertificateAuthority is false; remove expirationPolicy, or let Strimzi generate the CA',
    ]));
  });

  test('cruise control keys Strimzi owns are rejected', () => {
    const { chart } = minimal(newChart('kafka'), { cruiseControl: { config: { 'self.healing.enabled': true, 'bootstrap.servers': 'x' } } });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster] KAF-CLU-056 Kafka cluster "my-cluster" cruiseControl: config key "self.healing.enabled" is owned by Strimzi and would be silently dropped (self-healing is not supported with Strimzi); remove it',
      '[test/my-cluster] KAF-CLU-056 Kafka cluster "my-cluster" cruiseControl: config key "bootstrap.servers" is owned by Strimzi and would be silently dropped; remove it',
    ]);
  });

  test('a cluster without listeners is an error', () => {
    const { chart } = minimal(newChart('kafka'), { listeners: [] });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster] KAF-LIS-028 Kafka cluster "my-cluster": has no listeners (Strimzi requires at least one); add a listener, e.g. Listener.internal({ name: "tls", port: 9093 })',
    ]);
  });
});

test('ListenerAuthentication.none renders no authentication', () => {
  const { chart } = minimal(newChart('kafka'), { listeners: [Listener.internal({ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() })] });
  expect(docOf(synth(chart), 'Kafka').spec.kafka.listeners).toEqual([{ name: 'plain', port: 9092, type: 'internal', tls: false }]);
});

describe('KafkaCluster audit fixes', () => {
  test('a node pool created directly (not through addNodePool) still counts for the cluster', () => {
    // GIVEN a cluster with only controllers, and a broker pool constructed on its own
    const chart = newChart('kafka');
    const cluster = new KafkaCluster(chart, 'c', { listeners: [Listener.internal({ name: 'tls', port: 9093 })], config: { 'default.replication.factor': 3 } });
    cluster.addNodePool('ctrl', { roles: [NodeRole.CONTROLLER], replicas: 3 });
    const pool = new KafkaNodePool(chart, 'standalone', { cluster, name: 'brokers', roles: [NodeRole.BROKER], replicas: 2 });
    // THEN the cluster sees it: broker count, and the replication factor rule against it
    expect(cluster.nodePools).toContain(pool);
    expect(cluster.brokerCount).toBe(2);
    expect(validationErrors(chart)).toEqual([
      '[test/c] KAF-CLU-108 broker config "default.replication.factor": replication factor 3 exceeds the 2 broker node(s) of the cluster (Strimzi rejects the Kafka resource); use at most 2, or add brokers',
    ]);
  });

  test('the cluster-wide heap is checked against each pool\'s memory limit when the pool sets no JVM options', () => {
    const chart = newChart('kafka');
    const cluster = new KafkaCluster(chart, 'c', { listeners: [Listener.internal({ name: 'tls', port: 9093 })], jvm: { heapMax: Size.gibibytes(8) } });
    cluster.addNodePool('ctrl', { roles: [NodeRole.CONTROLLER], replicas: 3, jvm: { heapMax: Size.gibibytes(1) }, resources: { memory: { limit: Size.gibibytes(2) } } });
    cluster.addNodePool('b', { roles: [NodeRole.BROKER], replicas: 3, resources: { memory: { limit: Size.gibibytes(8) } } });
    expect(validationErrors(chart)).toEqual([
      '[test/c/b] KAF-POOL-021 node pool "b": JVM -Xmx 8192m is not below the container memory limit 8Gi (the heap, off-heap memory and page cache must fit, or the pod is OOM-killed); keep -Xmx well below the memory limit (commonly at most half of it)',
    ]);
  });

  test('Kafka version and metadata version rules', () => {
    const errors = (props: any) => validationErrors(minimal(newChart('kafka'), props).chart);
    expect(errors({ version: KafkaVersion.of('latest') })).toEqual([
      '[test/my-cluster] KAF-CLU-050 Kafka cluster "my-cluster": Kafka version "latest" is not a version number major.minor.patch; use a KafkaVersion constant, e.g. KafkaVersion.V4_3_1',
    ]);
    expect(errors({ metadataVersion: '4.3.1' })).toEqual([
      '[test/my-cluster] KAF-CLU-053 Kafka cluster "my-cluster": metadataVersion "4.3.1" is not a KRaft metadata version like "4.3-IV0" or "4.3"; use <major>.<minor>-IV<n>, or leave it unset to use the default of the Kafka version',
    ]);
    expect(errors({ metadataVersion: '3.3-IV2' })).toEqual([
      '[test/my-cluster] KAF-CLU-054 Kafka cluster "my-cluster": metadataVersion "3.3-IV2" is older than 3.3-IV3, the oldest KRaft metadata version Strimzi 1.2.0 accepts; use 3.3-IV3 or newer (the Kafka version\'s own, e.g. 4.3-IV0, unless you are mid-upgrade)',
    ]);
    expect(errors({ version: KafkaVersion.V4_2_1, metadataVersion: '4.3-IV0' })).toEqual([
      '[test/my-cluster] KAF-CLU-055 Kafka cluster "my-cluster": metadataVersion "4.3-IV0" is newer than Kafka 4.2.1 (a metadata version cannot be ahead of the brokers\' software); use 4.2-IV0 or older, or raise the Kafka version',
    ]);
    // an older metadata version during an upgrade is fine
    const ok = minimal(newChart('kafka'), { version: KafkaVersion.V4_3_1, metadataVersion: '4.2-IV1' });
    expect(docOf(synth(ok.chart), 'Kafka').spec.kafka.metadataVersion).toBe('4.2-IV1');
    expect(KafkaVersion.of('4.3.1')).toBe(KafkaVersion.V4_3_1);
    // a version older than every supported one is an error, not a warning
    expect(errors({ version: KafkaVersion.of('3.9.0') })).toEqual([
      '[test/my-cluster] KAF-CLU-051 Kafka cluster "my-cluster": Kafka 3.9.0 is older than every version Strimzi 1.2.0 runs (4.2.0, 4.2.1, 4.3.0, 4.3.1), so the operator rejects the Kafka resource; use 4.2.0 or newer (KafkaVersion.LATEST is 4.3.1), upgrading through the versions Kafka requires',
    ]);
  });

  test('Cruise Control needs two brokers and a metrics topic that fits them', () => {
    // GIVEN Cruise Control on a single-broker cluster
    const chart = newChart('kafka');
    const cluster = new KafkaCluster(chart, 'c', {
      listeners: [Listener.internal({ name: 'tls', port: 9093 })],
      cruiseControl: {},
      config: { 'offsets.topic.replication.factor': 1, 'transaction.state.log.replication.factor': 1, 'transaction.state.log.min.isr': 1 },
    });
    cluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 1 });
    expect(validationErrors(chart)).toEqual([
      '[test/c] KAF-CLU-061 Kafka cluster "c" cruiseControl: needs at least 2 brokers, but the cluster has 1 (Strimzi refuses Cruise Control on a single-broker cluster); add a broker, or remove cruiseControl',
    ]);
    // GIVEN metrics topic settings that do not fit 3 brokers, and goals that are not listed
    const { chart: chart2 } = minimal(newChart('kafka'), {
      cruiseControl: { goals: ['RackAwareGoal'], defaultGoals: ['RackAwareGoal', 'DiskCapacityGoal'], hardGoals: ['CpuCapacityGoal'] },
      config: { 'cruise.control.metrics.topic.replication.factor': 4, 'cruise.control.metrics.topic.min.insync.replicas': 5 },
    });
    expect(validationErrors(chart2)).toEqual([
      '[test/my-cluster] KAF-CLU-060 Kafka cluster "my-cluster" cruiseControl: defaultGoals DiskCapacityGoal is not in goals (Cruise Control only uses goals listed in goals); add DiskCapacityGoal to goals, or remove it from defaultGoals',
      '[test/my-cluster] KAF-CLU-060 Kafka cluster "my-cluster" cruiseControl: hardGoals CpuCapacityGoal is not in goals (Cruise Control only uses goals listed in goals); add CpuCapacityGoal to goals, or remove it from hardGoals',
      '[test/my-cluster] KAF-CLU-062 Kafka cluster "my-cluster" cruiseControl: broker config cruise.control.metrics.topic.replication.factor 4 exceeds the 3 brokers (Strimzi rejects the Kafka resource); use at most 3',
      '[test/my-cluster] KAF-CLU-063 Kafka cluster "my-cluster" cruiseControl: its metrics topic would get min.insync.replicas 5, above its replication factor 4 (Strimzi rejects the Kafka resource); set broker config cruise.control.metrics.topic.min.insync.replicas to at most 4',
    ]);
  });

  test('Cruise Control capacity rules', () => {
    const { chart } = minimal(newChart('kafka'), {
      cruiseControl: {
        brokerCapacity: { inboundNetworkPerSecond: Size.kibibytes(1.5) },
        brokerCapacityOverrides: [{ brokers: [] }],
        autoRebalance: [{ mode: AutoRebalanceMode.ADD_BROKERS }, { mode: AutoRebalanceMode.ADD_BROKERS }],
      },
    });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster] KAF-CLU-057 Kafka cluster "my-cluster" cruiseControl: network capacity 1.5Ki/s is not a positive whole number of KiB per second; use Size.kibibytes(), Size.mebibytes() or Size.gibibytes()',
      '[test/my-cluster] KAF-CLU-058 Kafka cluster "my-cluster" cruiseControl: a broker capacity override names no brokers; list the node IDs it applies to',
      '[test/my-cluster] KAF-CLU-059 Kafka cluster "my-cluster" cruiseControl: autoRebalance lists mode add-brokers more than once (one rebalance per mode); list each mode once',
    ]);
  });

  test('custom authorization renders its class; an empty class is an error', () => {
    const auth = KafkaAuthorization.custom({ authorizerClass: 'com.example.Authorizer', superUsers: ['CN=admin'], supportsAdminApi: true });
    const { chart, cluster } = minimal(newChart('kafka'), { authorization: auth });
    expect(docOf(synth(chart), 'Kafka').spec.kafka.authorization).toEqual({
      type: 'custom', authorizerClass: 'com.example.Authorizer', superUsers: ['CN=admin'], supportsAdminApi: true,
    });
    expect(cluster.authorizationEnabled).toBe(true);
    const bad = minimal(newChart('kafka'), { authorization: KafkaAuthorization.custom({ authorizerClass: ' ' }) });
    expect(validationErrors(bad.chart)).toEqual([
      '[test/my-cluster] KAF-CLU-067 Kafka cluster "my-cluster": custom authorization has an empty authorizerClass (Strimzi needs the authorizer\'s class name); set authorizerClass to the fully qualified class name, or use KafkaAuthorization.simple()',
    ]);
  });

  test('rack from an environment variable: rendered, and a warning when a broker pool does not set it', () => {
    // GIVEN one broker pool per zone, one of which forgets the variable
    const chart = newChart('kafka');
    const cluster = new KafkaCluster(chart, 'c', { listeners: [Listener.internal({ name: 'tls', port: 9093 })], rack: Rack.environmentVariable('ZONE') });
    cluster.addNodePool('ctrl', { roles: [NodeRole.CONTROLLER], replicas: 3 });
    cluster.addNodePool('a', { roles: [NodeRole.BROKER], replicas: 2, containerTemplate: { env: { ZONE: 'zone-a' } } });
    cluster.addNodePool('b', { roles: [NodeRole.BROKER], replicas: 2 });
    const docs = synth(chart);
    expect(docOf(docs, 'Kafka').spec.kafka.rack).toEqual({ type: 'environment-variable', envVarName: 'ZONE' });
    expect(docOf(docs, 'KafkaNodePool', 'a').spec.template.kafkaContainer).toEqual({ env: [{ name: 'ZONE', value: 'zone-a' }] });
    expect(Rack.environmentVariable('ZONE').type).toBe(RackType.ENVIRONMENT_VARIABLE);
    expect(warningsOf(chart)).toEqual([
      '[test/c] KAF-CLU-010 rack awareness reads environment variable ZONE, but broker pool(s) b do not set it in containerTemplate.env; set it there (one value per pool, e.g. one pool per zone) or add it with a JSON patch',
    ]);
    // an empty topology key is an error
    const bad = minimal(newChart('kafka'), { rack: Rack.topologyLabel('') });
    expect(validationErrors(bad.chart)).toEqual([
      '[test/my-cluster] KAF-POOL-018 Kafka cluster "my-cluster": rack awareness from a node label has an empty topology key; use Rack.topologyLabel("topology.kubernetes.io/zone")',
    ]);
  });

  test('entity operator settings: watched namespace, reconciliation interval, resources, pod template', () => {
    const { chart } = minimal(newChart('kafka'), {
      entityOperator: {
        topicOperatorOptions: {
          reconciliationInterval: Duration.minutes(5),
          resources: { cpu: { request: Cpu.millis(100) }, memory: { request: Size.mebibytes(256), limit: Size.mebibytes(512) } },
        },
        userOperatorOptions: { watchedNamespace: 'users' },
        podTemplate: { priorityClassName: 'ops' },
      },
    });
    expect(docOf(synth(chart), 'Kafka').spec.entityOperator).toEqual({
      topicOperator: { reconciliationIntervalMs: 300000, resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } } },
      userOperator: { watchedNamespace: 'users' },
      template: { pod: { priorityClassName: 'ops' } },
    });
  });

  test('fewer than 3 brokers with Kafka\'s internal topic defaults is a warning naming the settings', () => {
    const chart = newChart('kafka');
    const cluster = new KafkaCluster(chart, 'c', { listeners: [Listener.internal({ name: 'tls', port: 9093 })], config: { 'offsets.topic.replication.factor': 2 } });
    cluster.addNodePool('ctrl', { roles: [NodeRole.CONTROLLER], replicas: 3 });
    cluster.addNodePool('b', { roles: [NodeRole.BROKER], replicas: 2 });
    synth(chart);
    expect(warningsOf(chart)).toEqual([
      '[test/c] KAF-CLU-011 the cluster has 2 broker(s), fewer than Kafka\'s defaults for its internal topics need (replication factor 3, transaction log min ISR 2): consumer groups or transactions will fail; set transaction.state.log.replication.factor: 2 in config',
    ]);
  });

  test('escape hatches: the Kafka and KafkaNodePool resources are the Resource children', () => {
    const { chart, cluster } = minimal();
    const pool = cluster.nodePools[0];
    expect(ApiObject.of(cluster)).toBe(cluster.resource);
    expect(ApiObject.of(pool)).toBe(pool.resource);
    // WHEN patched through the escape hatch
    cluster.resource.addJsonPatch(JsonPatch.add('/spec/kafka/brokerRackInitImage', 'registry.example.com/operator:1.2.0'));
    expect(docOf(synth(chart), 'Kafka').spec.kafka.brokerRackInitImage).toBe('registry.example.com/operator:1.2.0');
  });

  test('external bootstrap addresses known at synth time', () => {
    const chart = newChart('kafka');
    const np = Listener.nodePort({ name: 'np', port: 9094, bootstrap: { externalIps: ['203.0.113.5'] } });
    const npUnknown = Listener.nodePort({ name: 'np2', port: 9095 });
    const lbDns = Listener.loadBalancer({ name: 'lb', port: 9096, bootstrap: { annotations: { 'external-dns.alpha.kubernetes.io/hostname': 'kafka.example.com,alt.example.com' } } });
    const lbIp = Listener.loadBalancer({ name: 'lb2', port: 9097, bootstrap: { loadBalancerIp: '198.51.100.7' } });
    const route = Listener.route({ name: 'rt', port: 9098, bootstrap: { host: 'kafka.apps.example.com' } });
    const internal = Listener.internal({ name: 'tls', port: 9093 });
    const { cluster } = minimal(chart, { listeners: [internal, np, npUnknown, lbDns, lbIp, route] });
    expect(cluster.externalBootstrapServers(np)).toBe('203.0.113.5:9094');
    expect(cluster.externalBootstrapServers(npUnknown)).toBeUndefined();
    expect(cluster.externalBootstrapServers(lbDns)).toBe('kafka.example.com:9096');
    expect(cluster.externalBootstrapServers(lbIp)).toBe('198.51.100.7:9097');
    expect(cluster.externalBootstrapServers(route)).toBe('kafka.apps.example.com:443');
    expect(cluster.externalBootstrapServers(internal)).toBeUndefined();
    expect(cluster.bootstrapServers(lbDns)).toBe('my-cluster-kafka-lb-bootstrap.kafka.svc:9096');
  });

  test('maxUnavailable must be a whole number >= 0', () => {
    const { chart } = minimal(newChart('kafka'), { maxUnavailable: -1 });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster] KAF-CLU-009 Kafka cluster "my-cluster": maxUnavailable -1 is not an integer >= 0; use 0 (no voluntary evictions) or more',
    ]);
  });
});
