import { Duration, Size } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-27';
import {
  CertificateExpirationPolicy, JbodVolume, KafkaAuthorization, KafkaCluster, KafkaVersion, Listener, ListenerAuthentication,
  NodeRole, Rack, Spread, Storage, AutoRebalanceMode,
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

  test('spec contributions are applied after the cluster renders', () => {
    const { chart, cluster } = minimal();
    cluster._addSpecContribution((spec) => { spec.kafkaExporter = { topicRegex: '.*' }; });
    expect(docOf(synth(chart), 'Kafka').spec.kafkaExporter).toEqual({ topicRegex: '.*' });
  });

  test('an unknown Kafka version is a warning, not an error', () => {
    const { chart } = minimal(newChart('kafka'), { version: KafkaVersion.of('4.4.0') });
    const kafka = docOf(synth(chart), 'Kafka');
    expect(kafka.spec.kafka.version).toBe('4.4.0');
    expect(warningsOf(chart).join('\n')).toMatch(/Kafka version 4.4.0 is not one Strimzi 1.2.0 is known to support/);
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
      expect.stringContaining('Kafka cluster "c": node pool name(s) pool are used twice (pool names must be unique in a cluster); give every pool its own name'),
      expect.stringContaining('Kafka cluster "c": has no node pool with the broker role and replicas > 0'),
      expect.stringContaining('Kafka cluster "c": has no node pool with the controller role and replicas > 0'),
    ]));
  });

  test('an even controller quorum is an error; a single controller a warning', () => {
    const chart = newChart('kafka');
    const cluster = new KafkaCluster(chart, 'c', { listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
    cluster.addNodePool('ctrl', { roles: [NodeRole.CONTROLLER], replicas: 2 });
    cluster.addNodePool('b', { roles: [NodeRole.BROKER], replicas: 1 });
    expect(validationErrors(chart)).toEqual([
      '[test/c] Kafka cluster "c": the controller quorum has 2 nodes, an even number: it tolerates no more failures than 1 nodes would, with more nodes to lose; use an odd number of controllers (1 or 3)',
    ]);

    const chart2 = newChart('kafka');
    const single = new KafkaCluster(chart2, 'c', { listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
    single.addNodePool('dual', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 1 });
    synth(chart2);
    expect(warningsOf(chart2)).toEqual(['[test/c] the controller quorum has a single node: losing it makes the cluster unavailable; use 3 controllers for production']);
  });

  test('names Strimzi derives must fit Kubernetes limits', () => {
    const chart = newChart('kafka');
    const name = 'a'.repeat(45);
    const cluster = new KafkaCluster(chart, 'c', { name, listeners: [Listener.loadBalancer({ name: 'externallb1', port: 9094 })] });
    cluster.addNodePool('dual', { name: 'brokerpool', roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
    const errors = validationErrors(chart);
    expect(errors).toEqual(expect.arrayContaining([
      `[test/c] Kafka cluster "${name}": the Topic Operator label value "${name}-entity-topic-operator" would be 67 characters, above the Kubernetes limit of 63; shorten the cluster, node pool or listener name`,
      `[test/c] Kafka cluster "${name}": the per-broker Service name of listener "externallb1" in pool "brokerpool" "${name}-brokerpool-externallb1-2" would be 70 characters, above the Kubernetes limit of 63; shorten the cluster, node pool or listener name`,
    ]));
  });

  test('cluster and pool names must be DNS labels; strimzi.io labels are rejected', () => {
    const chart = newChart('kafka');
    const cluster = new KafkaCluster(chart, 'c', { name: '1Cluster', labels: { 'strimzi.io/kind': 'x' }, listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
    cluster.addNodePool('dual', { name: 'Pool_1', roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3, labels: { 'strimzi.io/pool-name': 'x' } });
    const errors = validationErrors(chart);
    expect(errors).toEqual(expect.arrayContaining([
      expect.stringContaining('Kafka cluster "1Cluster": name "1Cluster" is not a valid DNS-1035 label'),
      expect.stringContaining('Kafka cluster "1Cluster": label(s) strimzi.io/kind on the Kafka resource use the strimzi.io/ prefix, which Strimzi rejects on custom resources (only strimzi.io/cluster is allowed); use your own label prefix'),
      expect.stringContaining('node pool "Pool_1": name "Pool_1" is not a valid DNS-1123 label'),
      expect.stringContaining('node pool "Pool_1": label(s) strimzi.io/pool-name on the KafkaNodePool use the strimzi.io/ prefix'),
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
      '[test/c/b] node pool "b": CPU request 4 is above the CPU limit 2000m (a request may not exceed its limit); lower the request or raise the limit',
      '[test/c/b] node pool "b": memory request 8Gi is above the memory limit 4Gi (a request may not exceed its limit); lower the request or raise the limit',
      '[test/c/b] node pool "b": JVM -Xmx 4096m is not below the container memory limit 4Gi (the heap, off-heap memory and page cache must fit, or the pod is OOM-killed); keep -Xmx well below the memory limit (commonly at most half of it)',
      '[test/c/b] node pool "b": JBOD volume id 0 is used twice (ids must be unique; they name the PVCs); give every volume its own id',
      '[test/c/b] node pool "b": nodeIds lists 2 IDs for 3 replicas, so the remaining IDs are chosen by Strimzi; list at least 3 node IDs',
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
      '[test/my-cluster] Kafka cluster "my-cluster" clusterCa: renewal period 30 days is not shorter than the validity of 30 days; make renewal shorter than validity',
      '[test/my-cluster] Kafka cluster "my-cluster" clientsCa: validity of 1.5 days is not a whole number of days >= 1 (Strimzi counts CA lifetimes in days); use Duration.days(n) with n >= 1',
      '[test/my-cluster] Kafka cluster "my-cluster" clientsCa: expirationPolicy renew-certificate applies only to a CA Strimzi generates, but generateCertificateAuthority is false; remove expirationPolicy, or let Strimzi generate the CA',
    ]));
  });

  test('cruise control keys Strimzi owns are rejected', () => {
    const { chart } = minimal(newChart('kafka'), { cruiseControl: { config: { 'self.healing.enabled': true, 'bootstrap.servers': 'x' } } });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster] Kafka cluster "my-cluster" cruiseControl: config key "self.healing.enabled" is owned by Strimzi and would be silently dropped (self-healing is not supported with Strimzi); remove it',
      '[test/my-cluster] Kafka cluster "my-cluster" cruiseControl: config key "bootstrap.servers" is owned by Strimzi and would be silently dropped; remove it',
    ]);
  });

  test('a cluster without listeners is an error', () => {
    const { chart } = minimal(newChart('kafka'), { listeners: [] });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster] Kafka cluster "my-cluster": has no listeners (Strimzi requires at least one); add a listener, e.g. Listener.internal({ name: "tls", port: 9093 })',
    ]);
  });
});

test('ListenerAuthentication.none renders no authentication', () => {
  const { chart } = minimal(newChart('kafka'), { listeners: [Listener.internal({ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() })] });
  expect(docOf(synth(chart), 'Kafka').spec.kafka.listeners).toEqual([{ name: 'plain', port: 9092, type: 'internal', tls: false }]);
});
