/*
 * Rules of the KEDA constructs (KAF-KEDA): KedaConsumerScaler and SecretCopy, each with a
 * setup that breaks the rule and the closest valid setup.
 */
import { App, Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  AclOperation,
  AclResource,
  CrossNamespaceCredentials,
  IKafkaUser,
  KafkaAuthorization,
  KafkaCluster,
  KafkaUserAuthentication,
  KedaConsumerScaler,
  KedaConsumerScalerProps,
  LagTrigger,
  Listener,
  ListenerAuthentication,
  NodeRole,
  OffsetResetPolicy,
  ScaleTarget,
  ScalingPolicy,
  SecretCopy,
  SecretCopyProps,
} from '../../src';
import { ruleCase, ruleMessages } from '../rule-cases';
import { newChart } from '../util';

// the failing setups warn on purpose
process.env.CDK8S_KAFKA_SILENCE_WARNINGS = '1';

const PLAIN = () => Listener.internal({ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() });
const SCRAM = () => Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.scramSha512() });
const MTLS = () => Listener.internal({ name: 'mtls', port: 9094, authentication: ListenerAuthentication.tls() });

interface Setup {
  readonly app: App;
  readonly apps: Chart;
  readonly cluster: KafkaCluster;
  readonly consumer: kplus.Deployment;
}

interface SetupOptions {
  /** The consumer's namespace (default: the cluster's, `kafka`). */
  readonly appNamespace?: string;
  /** Whether the cluster enforces ACLs. */
  readonly authorization?: boolean;
  /** The cluster's listeners (default: plain, SCRAM over TLS, mTLS). */
  readonly listeners?: Listener[];
}

/** `my-cluster` in `kafka` and a Deployment `consumer` in `appNamespace`. */
function setup(options: SetupOptions = {}): Setup {
  const app = Testing.app();
  const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
  const cluster = new KafkaCluster(kafka, 'my-cluster', {
    listeners: options.listeners ?? [PLAIN(), SCRAM(), MTLS()],
    authorization: options.authorization ? KafkaAuthorization.simple() : undefined,
  });
  cluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
  const apps = new Chart(app, 'apps', { namespace: options.appNamespace ?? 'kafka' });
  const consumer = new kplus.Deployment(apps, 'consumer', { metadata: { name: 'consumer' }, containers: [{ image: 'example/consumer:1.0' }] });
  return { app, apps, cluster, consumer };
}

/** A scaler of group `orders-app` on the consumer of `s`. */
function scalerOf(s: Setup, props: Partial<KedaConsumerScalerProps> = {}, id = 'scaler'): KedaConsumerScaler {
  return new KedaConsumerScaler(s.apps, id, { target: s.consumer, cluster: s.cluster, consumerGroup: 'orders-app', ...props });
}

/** A scaler with `props` (default topic: `orders`, partitions unknown) in a fresh setup. */
function scaled(props: Partial<KedaConsumerScalerProps> = {}, options: SetupOptions = {}): KedaConsumerScaler {
  const s = setup(options);
  return scalerOf(s, { topicName: 'orders', ...props });
}

/** A scaler of a managed topic `orders` with `partitions` partitions. */
function scaledTopic(partitions: number, props: Partial<KedaConsumerScalerProps> = {}): KedaConsumerScaler {
  const s = setup();
  return scalerOf(s, { topic: s.cluster.addTopic('orders', { partitions }), ...props });
}

/** A scaler whose SCRAM user's connection details are changed by `change` (a user of another implementation). */
function scaledWithUserDetails(change: (details: any) => any): KedaConsumerScaler {
  const s = setup();
  const base = s.cluster.addUser('orders-app');
  const user: IKafkaUser = Object.create(base, {
    connectionDetails: { value: (l: Listener) => change(base.connectionDetails(l)) },
  });
  return scalerOf(s, { topicName: 'orders', user, listener: s.cluster.findListener('tls') });
}

/** Cluster `my-cluster` enforcing ACLs, and a scaler of topic `orders` as user `orders-app` given `grant`. */
function scaledWithGrant(grant: (user: IKafkaUser) => void): KedaConsumerScaler {
  const s = setup({ authorization: true });
  const user = s.cluster.addUser('orders-app');
  grant(user);
  return scalerOf(s, { topic: s.cluster.addTopic('orders', { partitions: 3 }), user });
}

/** Two scalers `first` (props `first`, on the consumer by default) and `second` (props `second`). */
function twoScalers(second: Partial<KedaConsumerScalerProps>, first: Partial<KedaConsumerScalerProps> = {}): KedaConsumerScaler {
  const s = setup();
  scalerOf(s, { topicName: 'a', ...first }, 'first');
  return scalerOf(s, { topicName: 'a', ...second }, 'second');
}

/** A SecretCopy `copy` from `kafka` to `keda` of one Secret, with `props`. */
function copy(props: Partial<SecretCopyProps> = {}): SecretCopy {
  return new SecretCopy(newChart('keda'), 'copy', {
    sourceNamespace: 'kafka',
    targetNamespace: 'keda',
    secrets: [{ secretName: 's', keys: ['k'] }],
    ...props,
  });
}

ruleCase('KAF-KEDA-004', 'a scaler whose maximum is 1 can never scale (a warning)', {
  failing: () => scaled({ maxReplicaCount: 1 }),
  edgeValid: () => scaled({ maxReplicaCount: 2 }),
  message: 'maxReplicaCount is 1',
});

ruleCase('KAF-KEDA-008', 'the ScaledObject name is a DNS-1123 label', {
  failing: () => scaled({ name: 'orders-consumer-' }),
  edgeValid: () => scaled({ name: '1-orders-consumer-9' }),
  message: 'name "orders-consumer-" is not a DNS-1123 label',
});

ruleCase('KAF-KEDA-009', 'the ScaledObject name and KEDA\'s HPA name keda-hpa-<name> are at most 63 characters', {
  failing: () => scaled({ name: 'c'.repeat(55) }),
  edgeValid: () => scaled({ name: 'c'.repeat(54) }),
  message: `HPA name "keda-hpa-${'c'.repeat(55)}" is 64 characters`,
});

ruleCase('KAF-KEDA-010', 'the TriggerAuthentication and user name ConfigMap names are at most 63 characters', {
  failing: () => { const s = setup(); return scalerOf(s, { topicName: 'o', user: s.cluster.addUser('u'), name: 'd'.repeat(49) }); },
  edgeValid: () => { const s = setup(); return scalerOf(s, { topicName: 'o', user: s.cluster.addUser('u'), name: 'd'.repeat(48) }); },
  message: `user name ConfigMap name "${'d'.repeat(49)}-kafka-username" is 64 characters`,
});

ruleCase('KAF-KEDA-011', 'the consumer group is not empty', {
  failing: () => scaled({ consumerGroup: ' ' }),
  edgeValid: () => scaled({ consumerGroup: 'g' }),
  message: 'consumerGroup is empty',
});

ruleCase('KAF-KEDA-012', 'topic and topicName are not both set', {
  failing: () => { const s = setup(); return scalerOf(s, { topic: s.cluster.addTopic('orders', { partitions: 3 }), topicName: 'orders' }); },
  edgeValid: () => { const s = setup(); return scalerOf(s, { topic: s.cluster.addTopic('orders', { partitions: 3 }) }); },
  message: 'both topic and topicName ("orders") are set',
});

ruleCase('KAF-KEDA-013', 'the topic belongs to the scaler\'s cluster', {
  failing: () => {
    const s = setup();
    const other = new KafkaCluster(new Chart(s.app, 'other', { namespace: 'other' }), 'other-cluster', { listeners: [PLAIN()] });
    other.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    return scalerOf(s, { topic: other.addTopic('orders', { partitions: 3 }) });
  },
  edgeValid: () => scaledTopic(3),
  message: 'belongs to cluster "other-cluster", not to "my-cluster"',
});

ruleCase('KAF-KEDA-014', 'replica counts are whole numbers of at least 0 (min, idle) and 1 (max)', {
  failing: () => scaled({ minReplicaCount: -1 }),
  edgeValid: () => scaled({ minReplicaCount: 0, maxReplicaCount: 1, idleReplicaCount: 0 }),
  message: 'minReplicaCount -1 is not a whole number of 0 or more',
});

ruleCase('KAF-KEDA-015', 'minReplicaCount is at most maxReplicaCount', {
  failing: () => scaled({ minReplicaCount: 3, maxReplicaCount: 2 }),
  edgeValid: () => scaled({ minReplicaCount: 2, maxReplicaCount: 2 }),
  message: 'minReplicaCount 3 is above maxReplicaCount 2',
});

ruleCase('KAF-KEDA-016', 'idleReplicaCount is below max(1, minReplicaCount)', {
  failing: () => scaled({ minReplicaCount: 1, idleReplicaCount: 1 }),
  edgeValid: () => scaled({ minReplicaCount: 2, idleReplicaCount: 1 }),
  message: 'idleReplicaCount 1 is not below minReplicaCount 1',
});

ruleCase('KAF-KEDA-017', 'maxReplicaCount is at most the partitions the trigger counts', {
  failing: () => scaledTopic(3, { maxReplicaCount: 4 }),
  edgeValid: () => scaledTopic(3, { maxReplicaCount: 3 }),
  message: 'maxReplicaCount 4 is above the 3 partitions of topic "orders"',
});

ruleCase('KAF-KEDA-018', 'lagThreshold is above 0', {
  failing: () => scaled({ lagThreshold: 0 }),
  edgeValid: () => scaled({ lagThreshold: 1 }),
  message: 'lagThreshold 0 must be a whole number above 0',
});

ruleCase('KAF-KEDA-019', 'activationLagThreshold is 0 or more', {
  failing: () => scaled({ activationLagThreshold: -1 }),
  edgeValid: () => scaled({ activationLagThreshold: 0 }),
  message: 'activationLagThreshold -1',
});

ruleCase('KAF-KEDA-020', 'kafka-only options are not set with the prometheus trigger', {
  failing: () => scaled({ maxReplicaCount: 3, offsetResetPolicy: OffsetResetPolicy.EARLIEST, trigger: LagTrigger.prometheus({ serverAddress: 'http://p:9090' }) }),
  edgeValid: () => scaled({ maxReplicaCount: 3, offsetResetPolicy: OffsetResetPolicy.EARLIEST }),
  message: 'offsetResetPolicy applies only to the kafka trigger',
});

ruleCase('KAF-KEDA-021', 'the Prometheus serverAddress is an http(s) URL', {
  failing: () => scaled({ maxReplicaCount: 3, trigger: LagTrigger.prometheus({ serverAddress: 'prometheus:9090' }) }),
  edgeValid: () => scaled({ maxReplicaCount: 3, trigger: LagTrigger.prometheus({ serverAddress: 'http://prometheus:9090' }) }),
  message: 'serverAddress "prometheus:9090" is not an http(s) URL',
});

ruleCase('KAF-KEDA-022', 'allowIdleConsumers and limitToPartitionsWithLag are not both set', {
  failing: () => scaled({ allowIdleConsumers: true, limitToPartitionsWithLag: true }),
  edgeValid: () => scaled({ allowIdleConsumers: false, limitToPartitionsWithLag: true }),
  message: 'allowIdleConsumers and limitToPartitionsWithLag cannot both be set',
});

ruleCase('KAF-KEDA-023', 'limitToPartitionsWithLag and ensureEvenDistributionOfPartitions are not both set', {
  failing: () => scaled({ limitToPartitionsWithLag: true, ensureEvenDistributionOfPartitions: true }),
  edgeValid: () => scaled({ limitToPartitionsWithLag: false, ensureEvenDistributionOfPartitions: true }),
  message: 'limitToPartitionsWithLag and ensureEvenDistributionOfPartitions cannot both be set',
});

ruleCase('KAF-KEDA-024', 'the partition options come with a topic', {
  failing: () => scaled({ topicName: undefined, limitToPartitionsWithLag: true }),
  edgeValid: () => scaled({ topicName: 'orders', limitToPartitionsWithLag: true }),
  message: 'limitToPartitionsWithLag needs a topic',
});

ruleCase('KAF-KEDA-025', 'partitionLimitation names only partitions the topic has', {
  failing: () => scaledTopic(3, { partitionLimitation: '1-3' }),
  edgeValid: () => scaledTopic(3, { partitionLimitation: '0-2' }),
  message: 'names partition 3, but topic "orders" has partitions 0-2',
});

ruleCase('KAF-KEDA-026', 'on a cluster enforcing ACLs, KEDA does not connect anonymously', {
  failing: () => scaled({}, { authorization: true }),
  edgeValid: () => scaled({}, { authorization: false }),
  message: 'KEDA would connect as ANONYMOUS',
});

ruleCase('KAF-KEDA-027', 'on a cluster enforcing ACLs, KEDA\'s user may Describe the topic (Describe is all its offset requests need)', {
  failing: () => scaledWithGrant((u) => u.addAcl({ resource: AclResource.group('orders-app'), operations: [AclOperation.READ] })),
  edgeValid: () => scaledWithGrant((u) => {
    u.addAcl({ resource: AclResource.group('orders-app'), operations: [AclOperation.READ] });
    u.addAcl({ resource: AclResource.topicPrefix('ord'), operations: [AclOperation.DESCRIBE] });
  }),
  message: 'may not Describe topic "orders"',
});

ruleCase('KAF-KEDA-028', 'on a cluster enforcing ACLs, KEDA\'s user may Describe the consumer group', {
  failing: () => scaledWithGrant((u) => u.grantReadTopics(AclResource.topic('orders'))),
  edgeValid: () => scaledWithGrant((u) => {
    u.grantReadTopics(AclResource.topic('orders'));
    u.addAcl({ resource: AclResource.groupPrefix('orders-'), operations: [AclOperation.DESCRIBE] });
  }),
  message: 'may not Describe consumer group "orders-app"',
});

ruleCase('KAF-KEDA-029', 'pollingInterval is at least 1 second', {
  failing: () => scaled({ minReplicaCount: 0, pollingInterval: Duration.millis(999) }),
  edgeValid: () => scaled({ minReplicaCount: 0, pollingInterval: Duration.seconds(1) }),
  message: 'pollingInterval 999ms is below 1 second',
});

ruleCase('KAF-KEDA-030', 'fallback failureThreshold and replicas are whole numbers of 0 or more', {
  failing: () => scaled({ fallback: { failureThreshold: -1, replicas: 0 } }),
  edgeValid: () => scaled({ fallback: { failureThreshold: 0, replicas: 0 } }),
  message: 'fallback failureThreshold -1 and replicas 0',
});

ruleCase('KAF-KEDA-031', 'a stabilization window is at most one hour', {
  failing: () => scaled({ scaleDown: { stabilizationWindow: Duration.seconds(3601) } }),
  edgeValid: () => scaled({ scaleDown: { stabilizationWindow: Duration.hours(1) } }),
  message: 'scaleDown stabilizationWindow 3601s is outside 0 to 3600 seconds',
});

ruleCase('KAF-KEDA-032', 'a scaling policy period is 1 to 1800 seconds', {
  failing: () => scaled({ scaleUp: { policies: [ScalingPolicy.pods(1, Duration.seconds(1801))] } }),
  edgeValid: () => scaled({ scaleUp: { policies: [ScalingPolicy.pods(1, Duration.minutes(30))] } }),
  message: 'scaleUp policy period 1801s is outside 1 to 1800 seconds',
});

ruleCase('KAF-KEDA-033', 'a scaling policy value is a whole number of 1 or more', {
  failing: () => scaled({ scaleUp: { policies: [ScalingPolicy.percent(0, Duration.minutes(1))] } }),
  edgeValid: () => scaled({ scaleUp: { policies: [ScalingPolicy.percent(1, Duration.minutes(1))] } }),
  message: 'scaleUp policy value 0 is not a whole number of 1 or more',
});

ruleCase('KAF-KEDA-034', 'one ScaledObject per workload', {
  failing: () => twoScalers({ name: 'consumer-b' }),
  edgeValid: () => twoScalers({ target: ScaleTarget.deployment('consumer', 'elsewhere') }),
  message: 'KEDA admits only one ScaledObject per workload',
});

ruleCase('KAF-KEDA-035', 'no HorizontalPodAutoscaler of the app scales the workload', {
  failing: () => { const s = setup(); new kplus.HorizontalPodAutoscaler(s.apps, 'hpa', { target: s.consumer, maxReplicas: 4 }); return scalerOf(s, { topicName: 'a' }); },
  edgeValid: () => {
    const s = setup();
    const other = new kplus.Deployment(s.apps, 'other', { metadata: { name: 'other' }, containers: [{ image: 'c:1' }] });
    new kplus.HorizontalPodAutoscaler(s.apps, 'hpa', { target: other, maxReplicas: 4 });
    return scalerOf(s, { topicName: 'a' });
  },
  message: 'KEDA rejects a ScaledObject for a workload another HPA manages',
});

ruleCase('KAF-KEDA-036', 'ScaledObject names are unique per namespace', {
  failing: () => twoScalers({ name: 'orders', target: ScaleTarget.deployment('other') }, { name: 'orders' }),
  edgeValid: () => twoScalers({ name: 'orders', target: ScaleTarget.deployment('other', 'elsewhere') }, { name: 'orders' }),
  message: 'namespace "kafka" has another ScaledObject of that name',
});

ruleCase('KAF-KEDA-037', 'TriggerAuthentication names are unique (ClusterTriggerAuthentication names cluster-wide)', {
  failing: () => {
    // consumers "b-c" in namespace "a" and "c" in namespace "a-b" both give "a-b-c-kafka"
    const s = setup({ appNamespace: 'a' });
    const user = s.cluster.addUser('orders-app');
    const keda = CrossNamespaceCredentials.syncedToKedaNamespace();
    scalerOf(s, { topicName: 'o', user, target: ScaleTarget.deployment('b-c'), crossNamespaceCredentials: keda }, 'first');
    return scalerOf(s, { topicName: 'o', user, target: ScaleTarget.deployment('c', 'a-b'), crossNamespaceCredentials: keda }, 'second');
  },
  edgeValid: () => {
    // a TriggerAuthentication "consumer-kafka" in each of two namespaces
    const s = setup({ appNamespace: 'a' });
    const user = s.cluster.addUser('orders-app');
    const copies = CrossNamespaceCredentials.copyToWorkloadNamespace();
    scalerOf(s, { topicName: 'o', user, crossNamespaceCredentials: copies }, 'first');
    return scalerOf(s, { topicName: 'o', user, target: ScaleTarget.deployment('consumer', 'b'), crossNamespaceCredentials: copies }, 'second');
  },
  message: 'ClusterTriggerAuthentication "a-b-c-kafka": is also rendered by',
});

ruleCase('KAF-KEDA-038', 'the prometheus trigger is given no Kafka user, listener or crossNamespaceCredentials (a warning)', {
  failing: () => { const s = setup(); return scalerOf(s, { topicName: 'o', maxReplicaCount: 3, user: s.cluster.addUser('u'), trigger: LagTrigger.prometheus({ serverAddress: 'http://p:9090' }) }); },
  edgeValid: () => { const s = setup(); return scalerOf(s, { topicName: 'o', maxReplicaCount: 3, user: s.cluster.addUser('u') }); },
  message: 'user "u" is not used',
});

ruleCase('KAF-KEDA-039', 'crossNamespaceCredentials is given only where it is needed (a warning)', {
  failing: () => { const s = setup(); return scalerOf(s, { topicName: 'o', user: s.cluster.addUser('u'), crossNamespaceCredentials: CrossNamespaceCredentials.copyToWorkloadNamespace() }); },
  edgeValid: () => { const s = setup({ appNamespace: 'orders' }); return scalerOf(s, { topicName: 'o', user: s.cluster.addUser('u'), crossNamespaceCredentials: CrossNamespaceCredentials.copyToWorkloadNamespace() }); },
  message: 'crossNamespaceCredentials is ignored',
});

ruleCase('KAF-KEDA-040', 'pollingInterval and cooldownPeriod only with scale to zero or idle (a warning)', {
  failing: () => scaled({ minReplicaCount: 1, cooldownPeriod: Duration.minutes(1) }),
  edgeValid: () => scaled({ minReplicaCount: 0, cooldownPeriod: Duration.minutes(1) }),
  message: 'cooldownPeriod has no effect while minReplicaCount is 1',
});

ruleCase('KAF-KEDA-041', 'the prometheus trigger without a known partition count needs maxReplicaCount (a warning)', {
  failing: () => scaled({ trigger: LagTrigger.prometheus({ serverAddress: 'http://p:9090' }) }),
  edgeValid: () => scaledTopic(3, { trigger: LagTrigger.prometheus({ serverAddress: 'http://p:9090' }) }),
  message: 'maxReplicaCount defaults to 100',
});

ruleCase('KAF-KEDA-042', 'the kafka trigger has an in-cluster listener to connect through', {
  failing: () => {
    const ext = Listener.loadBalancer({ name: 'ext', port: 9094, tls: false, authentication: ListenerAuthentication.none(), allowInsecureExternalAccess: true });
    return scaled({}, { listeners: [ext] });
  },
  edgeValid: () => {
    const ext = Listener.loadBalancer({ name: 'ext', port: 9094, tls: false, authentication: ListenerAuthentication.none(), allowInsecureExternalAccess: true });
    return scaled({ listener: ext }, { listeners: [ext] });
  },
  message: 'has no in-cluster listener for KEDA to connect through',
});

ruleCase('KAF-KEDA-043', 'the listener is one of the cluster\'s', {
  failing: () => scaled({ listener: Listener.internal({ name: 'elsewhere', port: 9095, tls: false, authentication: ListenerAuthentication.none() }) }),
  edgeValid: () => { const s = setup(); return scalerOf(s, { topicName: 'o', listener: s.cluster.findListener('plain') }); },
  message: 'listener "elsewhere": is not a listener of cluster "my-cluster"',
});

ruleCase('KAF-KEDA-044', 'the listener\'s authentication is the user\'s', {
  failing: () => { const s = setup(); return scalerOf(s, { topicName: 'o', user: s.cluster.addUser('orders-app'), listener: s.cluster.findListener('mtls') }); },
  edgeValid: () => { const s = setup(); return scalerOf(s, { topicName: 'o', user: s.cluster.addUser('orders-app'), listener: s.cluster.findListener('tls') }); },
  message: 'requires tls authentication, but user "orders-app" authenticates with scram-sha-512',
});

ruleCase('KAF-KEDA-045', 'a listener that requires authentication gets a user', {
  failing: () => { const s = setup(); return scalerOf(s, { topicName: 'o', listener: s.cluster.findListener('tls') }); },
  edgeValid: () => { const s = setup(); return scalerOf(s, { topicName: 'o', listener: s.cluster.findListener('tls'), user: s.cluster.addUser('orders-app') }); },
  message: 'requires scram-sha-512 authentication, but no user was given',
});

ruleCase('KAF-KEDA-046', 'a SCRAM user\'s connection details name a password Secret', {
  failing: () => scaledWithUserDetails((d) => ({ ...d, password: undefined })),
  edgeValid: () => scaledWithUserDetails((d) => d),
  message: 'user "orders-app": has no password Secret',
});

ruleCase('KAF-KEDA-047', 'the user\'s SASL mechanism is SCRAM', {
  failing: () => scaledWithUserDetails((d) => ({ ...d, saslMechanism: 'PLAIN' })),
  edgeValid: () => scaledWithUserDetails((d) => ({ ...d, saslMechanism: 'SCRAM-SHA-256' })),
  message: 'uses SASL mechanism PLAIN',
});

ruleCase('KAF-KEDA-048', 'a certificate user has a known certificate and key Secret', {
  failing: () => { const s = setup(); return scalerOf(s, { topicName: 'o', user: s.cluster.addUser('ext', { authentication: KafkaUserAuthentication.tlsExternal() }) }); },
  edgeValid: () => {
    const s = setup();
    const authentication = KafkaUserAuthentication.tlsExternal({ certificate: { secretName: 'ext-cert', key: 'tls.crt' }, key: { secretName: 'ext-cert', key: 'tls.key' } });
    return scalerOf(s, { topicName: 'o', user: s.cluster.addUser('ext', { authentication }) });
  },
  message: 'Strimzi writes no Secret with its certificate and key',
});

ruleCase('KAF-KEDA-049', 'a workload away from the Secrets KEDA needs sets crossNamespaceCredentials', {
  failing: () => { const s = setup({ appNamespace: 'orders' }); return scalerOf(s, { topicName: 'o', user: s.cluster.addUser('orders-app') }); },
  edgeValid: () => {
    const s = setup({ appNamespace: 'orders' });
    return scalerOf(s, { topicName: 'o', user: s.cluster.addUser('orders-app'), crossNamespaceCredentials: CrossNamespaceCredentials.copyToWorkloadNamespace() });
  },
  message: 'runs in namespace "orders", but the Secrets KEDA needs',
});

ruleCase('KAF-KEDA-050', 'the SecretCopy CronJob name is at most 52 characters', {
  failing: () => copy({ name: 'x'.repeat(53) }),
  edgeValid: () => copy({ name: 'x'.repeat(52) }),
  message: 'name is 53 characters',
});

ruleCase('KAF-KEDA-051', 'the source-side Role name <target namespace>-<name> is at most 63 characters', {
  failing: () => copy({ name: 'x'.repeat(52), targetNamespace: 't'.repeat(11) }),
  edgeValid: () => copy({ name: 'x'.repeat(52), targetNamespace: 't'.repeat(10) }),
  message: '(64 characters, but at most 63 are allowed)',
});

ruleCase('KAF-KEDA-052', 'no Secret is copied from the target namespace', {
  failing: () => copy({ secrets: [{ secretName: 'a', keys: ['k'], sourceNamespace: 'keda' }] }),
  edgeValid: () => copy({ secrets: [{ secretName: 'a', keys: ['k'], sourceNamespace: 'users' }] }),
  message: 'Secret "a" is read from namespace "keda", the target namespace',
});

ruleCase('KAF-KEDA-053', 'Secrets of one name are read from one namespace', {
  failing: () => copy({ secrets: [{ secretName: 'b', keys: ['k'] }, { secretName: 'b', keys: ['k'], sourceNamespace: 'users' }] }),
  edgeValid: () => copy({ secrets: [{ secretName: 'b', keys: ['k'] }, { secretName: 'b', keys: ['j'], sourceNamespace: 'kafka' }] }),
  message: 'Secret "b" is read from namespaces "kafka" and "users"',
});

ruleCase('KAF-KEDA-054', 'a SecretCopy names at least one Secret', {
  failing: () => copy({ secrets: [] }),
  edgeValid: () => copy({ secrets: [{ secretName: 's', keys: ['k'] }] }),
  message: 'no Secrets to copy',
});

ruleCase('KAF-KEDA-055', 'each copied Secret names at least one key', {
  failing: () => copy({ secrets: [{ secretName: 's', keys: [] }] }),
  edgeValid: () => copy({ secrets: [{ secretName: 's', keys: ['k'] }] }),
  message: 'Secret "s" names no keys',
});

test('the builders are valid: a scaler of a managed topic reports nothing of its own', () => {
  const s = scaledTopic(3);
  expect(ruleMessages(s).filter((m) => m.startsWith('[apps/'))).toEqual([]);
});
