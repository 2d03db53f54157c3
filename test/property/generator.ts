/*
 * fast-check arbitraries for plausible apps of the library: clusters with node
 * pools, listeners and broker config, topics, users with grants, a KafkaClient
 * workload, KEDA scalers and Prometheus monitoring. An app is a plain JSON spec
 * (so fast-check can shrink and print it); `buildApp()` turns it into a cdk8s App.
 *
 * `validApp()` builds apps that are valid by construction; `mutatedApp()` applies
 * exactly one deliberate mistake (from MUTATIONS) to a valid app.
 */
import { App, Chart, Duration, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import { buildExtras, buildTemplate, EXTRA_MUTATIONS, ExtrasSpec, extrasArb } from './extras';
import {
  AclOperation, AclResource, CleanupPolicy, CompressionType, KafkaAuthorization, KafkaClient, KafkaCluster, KafkaUserAuthentication,
  KafkaVersion, KedaConsumerScaler, LagTrigger, Listener, ListenerAuthentication, MonitoringMode, NodeRole, PrometheusMonitoring, Storage,
  TolerationOperator,
} from '../../src';

export interface ListenerSpec {
  readonly kind: 'internal' | 'clusterIp' | 'nodePort' | 'loadBalancer' | 'route' | 'ingress';
  readonly name: string;
  readonly port: number;
  readonly tls: boolean;
  readonly auth: 'scram' | 'tls' | 'none';
  readonly nodePorts?: number[];
  readonly sourceRanges?: string[];
  readonly bootstrapLabels?: { [k: string]: string };
}

export interface PoolSpec {
  readonly name: string;
  readonly roles: string[];
  readonly replicas: number;
  readonly storageGi?: number;
  readonly storageClass?: string;
  readonly nodeIds?: number[];
  readonly labels?: { [k: string]: string };
  readonly podLabels?: { [k: string]: string };
  readonly podAnnotations?: { [k: string]: string };
  readonly env?: { [k: string]: string };
  readonly tolerations?: Array<{ key?: string; operator?: string; value?: string }>;
  readonly priorityClassName?: string;
  readonly terminationGraceSeconds?: number;
  readonly memoryMi?: number;
}

export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  readonly replicas?: number;
  readonly minIsr?: number;
  readonly retentionMs?: number;
  readonly segmentMs?: number;
  readonly segmentBytesMi?: number;
  readonly cleanup?: 'delete' | 'compact' | 'compact,delete';
  readonly compression?: string;
  readonly config?: { [k: string]: any };
}

export interface UserSpec {
  readonly name: string;
  readonly auth: 'scram' | 'tls';
  readonly readTopics: string[];
  readonly writeTopics: string[];
  readonly group?: string;
  readonly aclHost?: string;
}

export interface ScalerSpec {
  readonly topic: string;
  readonly user?: string;
  readonly trigger: 'kafka' | 'prometheus';
  readonly lagThreshold?: number;
  readonly maxReplicas?: number;
  readonly partitionLimitation?: any;
  readonly pollingSeconds?: number;
  readonly cooldownSeconds?: number;
  readonly labelMatchers?: { [k: string]: string };
  readonly namespace: string;
}

export interface MonitoringSpec {
  readonly mode: 'operator' | 'standalone';
  readonly namespace?: string;
  readonly labels?: { [k: string]: string };
  readonly intervalSeconds?: number;
  readonly retentionHours?: number;
  readonly dashboards: boolean;
}

export interface ClusterSpec {
  readonly name: string;
  readonly namespace: string;
  readonly version: string;
  readonly listeners: ListenerSpec[];
  readonly pools: PoolSpec[];
  readonly config: { [k: string]: any };
  readonly authorization: boolean;
  readonly labels?: { [k: string]: string };
  readonly readinessPeriodSeconds?: number;
  readonly readinessFailureThreshold?: number;
  readonly secretPrefix?: string;
  readonly cruiseControl?: { goals?: string[]; config?: { [k: string]: any } };
  readonly topics: TopicSpec[];
  readonly users: UserSpec[];
  readonly client?: { namespace: string; user?: string };
  readonly scaler?: ScalerSpec;
  readonly monitoring?: MonitoringSpec;
}

export interface AppSpec {
  readonly clusters: ClusterSpec[];
  /** Bridge, Connect, MirrorMaker 2, rebalances, access, operators and client pods of the first cluster. */
  readonly extras?: ExtrasSpec;
  /** The deliberate mistake applied, if any (for the printed counterexample). */
  readonly mutation?: string;
}

const labelValue = fc.stringMatching(/^[a-z0-9]([a-z0-9._-]{0,10}[a-z0-9])?$/);
const labels = fc.option(fc.dictionary(fc.constantFrom('app', 'team', 'example.com/owner', 'tier'), labelValue, { maxKeys: 3, noNullPrototype: true }), { nil: undefined });

function uniqueBy<T>(arb: fc.Arbitrary<T[]>, key: (t: T) => string): fc.Arbitrary<T[]> {
  return arb.map((xs) => xs.filter((x, i) => xs.findIndex((y) => key(y) === key(x)) === i));
}

function listenerArb(i: number): fc.Arbitrary<ListenerSpec> {
  return fc.record({
    kind: fc.constantFrom<ListenerSpec['kind']>('internal', 'internal', 'clusterIp', 'nodePort', 'loadBalancer', 'route', 'ingress'),
    tls: fc.boolean(),
    auth: fc.constantFrom<ListenerSpec['auth']>('scram', 'tls', 'none'),
    nodePort: fc.integer({ min: 30000, max: 32000 }),
    sourceRanges: fc.option(fc.constantFrom<string[]>(['10.0.0.0/8'], ['192.168.0.0/16', '2001:db8::/32']), { nil: undefined }),
    bootstrapLabels: labels,
  }).map((r) => {
    const external = !['internal', 'clusterIp'].includes(r.kind);
    const hosted = r.kind === 'route' || r.kind === 'ingress';
    const tls = hosted || external || r.auth === 'tls' ? true : r.tls;
    const auth = external && r.auth === 'none' ? 'scram' : r.auth;
    return {
      kind: r.kind,
      name: `l${i}${r.kind.slice(0, 3).toLowerCase()}`,
      port: 9092 + i,
      tls,
      auth,
      nodePorts: r.kind === 'nodePort' ? [r.nodePort + i * 10] : undefined,
      sourceRanges: r.kind === 'loadBalancer' ? r.sourceRanges : undefined,
      bootstrapLabels: r.kind === 'internal' ? undefined : r.bootstrapLabels,
    };
  });
}

function clusterArb(index: number): fc.Arbitrary<ClusterSpec> {
  const name = `c${index}`;
  return fc.record({
    namespace: fc.constantFrom('kafka', 'kafka', 'data'),
    version: fc.constantFrom(...KafkaVersion.supportedVersions.map((v) => v.version)),
    listeners: fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => listenerArb(i)))),
    brokers: fc.integer({ min: 1, max: 4 }),
    dual: fc.boolean(),
    controllers: fc.constantFrom(1, 3),
    storageGi: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
    storageClass: fc.option(fc.constantFrom('standard', 'fast-ssd'), { nil: undefined }),
    nodeIds: fc.boolean(),
    poolLabels: labels,
    podLabels: labels,
    podAnnotations: fc.option(fc.dictionary(fc.constantFrom('example.com/note', 'prometheus.io/scrape'), fc.string({ maxLength: 20 }), { maxKeys: 2, noNullPrototype: true }), { nil: undefined }),
    env: fc.option(fc.dictionary(fc.constantFrom('FOO', 'MY_VAR', 'a.b'), fc.string({ maxLength: 8 }), { maxKeys: 2, noNullPrototype: true }), { nil: undefined }),
    tolerations: fc.option(fc.constant<PoolSpec['tolerations']>([{ key: 'dedicated', operator: 'Equal', value: 'kafka' }, { key: 'spot', operator: 'Exists' }]), { nil: undefined }),
    priorityClassName: fc.option(fc.constantFrom('high', 'kafka.critical'), { nil: undefined }),
    grace: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
    memoryMi: fc.option(fc.integer({ min: 512, max: 8192 }), { nil: undefined }),
    authorization: fc.boolean(),
    labels,
    readinessPeriodSeconds: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
    readinessFailureThreshold: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
    secretPrefix: fc.option(fc.constantFrom('kafka-', 'u.'), { nil: undefined }),
    cruiseControl: fc.option(fc.record({
      goals: fc.option(fc.constant<string[]>(['com.linkedin.kafka.cruisecontrol.analyzer.goals.RackAwareGoal']), { nil: undefined }),
    }), { nil: undefined }),
    topics: uniqueBy(fc.array(fc.record({
      name: fc.stringMatching(/^[a-z][a-z0-9.-]{0,12}[a-z0-9]$/),
      partitions: fc.integer({ min: 1, max: 12 }),
      rf: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      isrBelow: fc.boolean(),
      retentionMs: fc.option(fc.oneof(fc.constant(-1), fc.integer({ min: 1, max: 10 ** 9 })), { nil: undefined }),
      segmentMs: fc.option(fc.integer({ min: 1, max: 10 ** 9 }), { nil: undefined }),
      segmentBytesMi: fc.option(fc.integer({ min: 1, max: 1024 }), { nil: undefined }),
      cleanup: fc.option(fc.constantFrom<TopicSpec['cleanup']>('delete', 'compact', 'compact,delete'), { nil: undefined }),
      compression: fc.option(fc.constantFrom('producer', 'zstd', 'lz4'), { nil: undefined }),
      config: fc.option(fc.record({ 'max.message.bytes': fc.integer({ min: 0, max: 10 ** 7 }), 'message.timestamp.type': fc.constantFrom('CreateTime', 'LogAppendTime') }, { requiredKeys: [] }), { nil: undefined }),
    }), { minLength: 0, maxLength: 4 }), (t) => t.name.replace(/\./g, '_')),
    users: fc.array(fc.record({ auth: fc.constantFrom<UserSpec['auth']>('scram', 'tls'), read: fc.boolean(), write: fc.boolean(), group: fc.option(fc.constantFrom('g1', 'orders-app'), { nil: undefined }) }), { maxLength: 2 }),
    client: fc.option(fc.record({ otherNamespace: fc.boolean() }), { nil: undefined }),
    scaler: fc.option(fc.record({
      trigger: fc.constantFrom<ScalerSpec['trigger']>('kafka', 'prometheus'),
      lagThreshold: fc.option(fc.integer({ min: 1, max: 10 ** 6 }), { nil: undefined }),
      limit: fc.boolean(),
      pollingSeconds: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
      cooldownSeconds: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
    }), { nil: undefined }),
    monitoring: fc.option(fc.record({
      mode: fc.constantFrom<MonitoringSpec['mode']>('operator', 'standalone'),
      namespace: fc.option(fc.constantFrom('monitoring'), { nil: undefined }),
      labels,
      intervalSeconds: fc.option(fc.integer({ min: 5, max: 120 }), { nil: undefined }),
      retentionHours: fc.option(fc.integer({ min: 1, max: 720 }), { nil: undefined }),
      dashboards: fc.boolean(),
    }), { nil: undefined }),
  }).map((r): ClusterSpec => {
    const brokers = r.dual ? r.controllers : r.brokers; // a dual-role pool is also the quorum: an odd count
    const pools: PoolSpec[] = [];
    const common = {
      storageGi: r.storageGi,
      storageClass: r.storageGi ? r.storageClass : undefined,
      labels: r.poolLabels,
      podLabels: r.podLabels,
      podAnnotations: r.podAnnotations,
      env: r.env,
      tolerations: r.tolerations,
      priorityClassName: r.priorityClassName,
      terminationGraceSeconds: r.grace,
      memoryMi: r.memoryMi,
    };
    if (r.dual) {
      pools.push({ name: `${name}-dual`, roles: ['broker', 'controller'], replicas: brokers, nodeIds: r.nodeIds ? range(0, brokers) : undefined, ...common });
    } else {
      pools.push({ name: `${name}-brokers`, roles: ['broker'], replicas: brokers, nodeIds: r.nodeIds ? range(0, brokers) : undefined, ...common });
      pools.push({ name: `${name}-ctrl`, roles: ['controller'], replicas: r.controllers, nodeIds: r.nodeIds ? range(100, r.controllers) : undefined, storageGi: r.storageGi });
    }
    const rf = Math.min(3, brokers);
    const config: { [k: string]: any } = {
      'offsets.topic.replication.factor': rf,
      'transaction.state.log.replication.factor': rf,
      'transaction.state.log.min.isr': Math.max(1, rf - 1),
      'default.replication.factor': rf,
      'min.insync.replicas': Math.max(1, rf - 1),
    };
    const topics: TopicSpec[] = r.topics.map((t) => {
      const replicas = t.rf === undefined ? undefined : Math.min(t.rf, brokers);
      const minIsr = replicas !== undefined && replicas > 1 && t.isrBelow ? replicas - 1 : undefined;
      return {
        name: t.name,
        partitions: t.partitions,
        replicas,
        minIsr,
        retentionMs: t.retentionMs,
        segmentMs: t.segmentMs,
        segmentBytesMi: t.segmentBytesMi,
        cleanup: t.cleanup,
        compression: t.compression,
        config: t.config,
      };
    });
    const scramListener = r.listeners.find((l) => l.auth === 'scram' && ['internal', 'clusterIp'].includes(l.kind));
    const tlsListener = r.listeners.find((l) => l.auth === 'tls' && ['internal', 'clusterIp'].includes(l.kind));
    const users: UserSpec[] = r.users
      .filter((u) => (u.auth === 'scram' ? scramListener : tlsListener) !== undefined)
      .map((u, i) => ({
        name: `${name}-u${i}`,
        auth: u.auth,
        readTopics: u.read ? topics.slice(0, 2).map((t) => t.name) : [],
        writeTopics: u.write ? topics.slice(0, 1).map((t) => t.name) : [],
        group: u.group,
      }));
    const scalerTopic = topics[0];
    const scalerUser = users.find((u) => u.auth === 'scram' && u.readTopics.includes(scalerTopic?.name ?? '') && u.group);
    const plain = r.listeners.find((l) => l.auth === 'none' && ['internal', 'clusterIp'].includes(l.kind));
    let scaler: ScalerSpec | undefined;
    if (r.scaler && scalerTopic && (r.scaler.trigger === 'prometheus' || scalerUser || (plain && !r.authorization))) {
      scaler = {
        topic: scalerTopic.name,
        user: r.scaler.trigger === 'kafka' && !(plain && !r.authorization) ? scalerUser?.name : undefined,
        trigger: r.scaler.trigger,
        lagThreshold: r.scaler.lagThreshold,
        maxReplicas: scalerTopic.partitions,
        partitionLimitation: r.scaler.limit && r.scaler.trigger === 'kafka' ? `0-${scalerTopic.partitions - 1}` : undefined,
        pollingSeconds: r.scaler.pollingSeconds,
        cooldownSeconds: r.scaler.cooldownSeconds,
        namespace: r.namespace,
      };
      if (scaler.trigger === 'kafka' && !scaler.user && !(plain && !r.authorization)) scaler = undefined;
    }
    const clientUser = users.find((u) => u.auth === 'scram');
    return {
      name,
      namespace: r.namespace,
      version: r.version,
      listeners: r.listeners,
      pools,
      config,
      authorization: r.authorization,
      labels: r.labels,
      readinessPeriodSeconds: r.readinessPeriodSeconds,
      readinessFailureThreshold: r.readinessFailureThreshold,
      secretPrefix: r.secretPrefix,
      cruiseControl: r.cruiseControl && brokers >= 2 ? r.cruiseControl : undefined,
      topics,
      users: r.authorization ? users : users.map((u) => ({ ...u, readTopics: [], writeTopics: [] })),
      client: r.client && scramListener && clientUser ? { namespace: r.namespace, user: clientUser.name } : undefined,
      scaler: scaler && (r.authorization || !scaler.user || true) ? scaler : undefined,
      monitoring: r.monitoring,
    };
  });
}

function range(from: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => from + i);
}

/** Apps that are valid by construction: one or two clusters (in different namespaces, or with distinct names). */
export function validApp(): fc.Arbitrary<AppSpec> {
  return fc.integer({ min: 1, max: 2 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => clusterArb(i))))
    .map((clusters) => clusters.map((c, i) => (i > 0 && c.monitoring && clusters[0].monitoring ? { ...c, monitoring: undefined } : c)))
    .chain((clusters) => extrasArb(clusters[0]).map((extras) => ({ clusters, extras })));
}

type Mutator = (s: AppSpec, n: number) => AppSpec;

function onCluster(s: AppSpec, f: (c: ClusterSpec) => ClusterSpec): AppSpec {
  return { ...s, clusters: [f(s.clusters[0]), ...s.clusters.slice(1)] };
}
function onPool(s: AppSpec, f: (p: PoolSpec) => PoolSpec): AppSpec {
  return onCluster(s, (c) => ({ ...c, pools: [f(c.pools[0]), ...c.pools.slice(1)] }));
}
function onTopic(s: AppSpec, f: (t: TopicSpec) => TopicSpec): AppSpec {
  return onCluster(s, (c) => ({ ...c, topics: [f(c.topics[0] ?? { name: 'mutated', partitions: 3 }), ...c.topics.slice(1)] }));
}
function onListener(s: AppSpec, f: (l: ListenerSpec) => ListenerSpec): AppSpec {
  return onCluster(s, (c) => ({ ...c, listeners: [f(c.listeners[0]), ...c.listeners.slice(1)] }));
}
function onScaler(s: AppSpec, f: (x: ScalerSpec) => ScalerSpec): AppSpec {
  return onCluster(s, (c) => {
    const topic = c.topics[0] ?? { name: 'scaled', partitions: 3 };
    const base: ScalerSpec = c.scaler ?? { topic: topic.name, trigger: 'prometheus', namespace: c.namespace, maxReplicas: topic.partitions };
    return { ...c, topics: c.topics.length > 0 ? c.topics : [topic], scaler: f(base) };
  });
}

/** Single deliberate mistakes: each a wrong value the library must report (never crash on). */
export const MUTATIONS: { [name: string]: Mutator } = {
  'listener port above 65535': (s) => onListener(s, (l) => ({ ...l, port: 70000 })),
  'nodePort outside 30000-32767': (s) => onListener(s, (l) => ({ ...l, kind: 'nodePort', tls: true, auth: 'scram', nodePorts: [8080] })),
  'loadBalancerSourceRanges not a CIDR': (s) => onListener(s, (l) => ({ ...l, kind: 'loadBalancer', tls: true, auth: 'scram', sourceRanges: ['10.0.0.0/33', 'somewhere'] })),
  'bootstrap label value invalid': (s) => onListener(s, (l) => ({ ...l, kind: 'clusterIp', bootstrapLabels: { app: 'not ok!' } })),
  'namespace invalid': (s) => onCluster(s, (c) => ({ ...c, namespace: 'Kafka_NS' })),
  'cluster label key invalid': (s) => onCluster(s, (c) => ({ ...c, labels: { 'bad key/x/y': 'v' } })),
  'pod label value too long': (s) => onPool(s, (p) => ({ ...p, podLabels: { app: 'x'.repeat(64) } })),
  'pod annotation key invalid': (s) => onPool(s, (p) => ({ ...p, podAnnotations: { '-bad': 'v' } })),
  'env name invalid': (s) => onPool(s, (p) => ({ ...p, env: { '1BAD NAME': 'v' } })),
  'toleration Exists with a value': (s) => onPool(s, (p) => ({ ...p, tolerations: [{ key: 'k', operator: 'Exists', value: 'v' }] })),
  'priority class name invalid': (s) => onPool(s, (p) => ({ ...p, priorityClassName: 'High_Priority' })),
  'storage class name invalid': (s) => onPool(s, (p) => ({ ...p, storageGi: 10, storageClass: 'Fast SSD' })),
  'storage size fraction of a KiB': (s) => onPool(s, (p) => ({ ...p, storageGi: 1e-7 })),
  'memory NaN': (s) => onPool(s, (p) => ({ ...p, memoryMi: NaN })),
  'termination grace fractional': (s) => onPool(s, (p) => ({ ...p, terminationGraceSeconds: 1.5 })),
  'pool role outside controller/broker': (s) => onPool(s, (p) => ({ ...p, roles: [...p.roles, 'observer'] })),
  'zero-replica pool claims used node IDs': (s) => onCluster(s, (c) => ({
    ...c,
    pools: [{ ...c.pools[0], nodeIds: range(0, c.pools[0].replicas) }, ...c.pools.slice(1), { name: `${c.name}-spare`, roles: ['broker'], replicas: 0, nodeIds: [0] }],
  })),
  'same pool name in two clusters of one namespace': (s) => ({
    ...s,
    clusters: [s.clusters[0], { ...s.clusters[0], name: `${s.clusters[0].name}x`, topics: [], users: [], scaler: undefined, monitoring: undefined, client: undefined }],
  }),
  'readiness probe period 0': (s) => onCluster(s, (c) => ({ ...c, readinessPeriodSeconds: 0 })),
  'readiness probe failure threshold fractional': (s) => onCluster(s, (c) => ({ ...c, readinessFailureThreshold: 2.5 })),
  'readiness probe period fractional': (s) => onCluster(s, (c) => ({ ...c, readinessPeriodSeconds: 0.25 })),
  'secret prefix makes invalid secret names': (s) => onCluster(s, (c) => ({ ...c, secretPrefix: 'Bad_' })),
  'topic cleanup.policy misspelt': (s) => onTopic(s, (t) => ({ ...t, config: { 'cleanup.policy': 'deleet' } })),
  'topic compression brotli': (s) => onTopic(s, (t) => ({ ...t, config: { 'compression.type': 'brotli' } })),
  'topic retention.ms -5': (s) => onTopic(s, (t) => ({ ...t, config: { 'retention.ms': -5 } })),
  'topic segment time fractional ms': (s) => onTopic(s, (t) => ({ ...t, segmentMs: 0.5 })),
  'topic internal name': (s) => onTopic(s, (t) => ({ ...t, name: '__consumer_offsets' })),
  'topic min ISR above its replicas': (s) => onTopic(s, (t) => ({ ...t, replicas: 1, minIsr: 2 })),
  'ACL host not an IP': (s) => onCluster(s, (c) => ({ ...c, authorization: true, users: [{ name: `${c.name}-acl`, auth: 'scram', readTopics: ['t'], writeTopics: [], aclHost: 'my-host' }] })),
  'grant read on a group resource': (s) => onCluster(s, (c) => ({ ...c, authorization: true, users: [{ name: `${c.name}-grp`, auth: 'scram', readTopics: ['__group__'], writeTopics: [] }] })),
  'partitionLimitation blank': (s) => onScaler(s, (x) => ({ ...x, trigger: 'kafka', partitionLimitation: '  ' })),
  'partitionLimitation huge range': (s) => onScaler(s, (x) => ({ ...x, trigger: 'kafka', partitionLimitation: '0-2000000000' })),
  'partitionLimitation not a string': (s) => onScaler(s, (x) => ({ ...x, trigger: 'kafka', partitionLimitation: 5 })),
  'lagThreshold 1e21': (s) => onScaler(s, (x) => ({ ...x, lagThreshold: 1e21 })),
  'KEDA polling fractional seconds': (s) => onScaler(s, (x) => ({ ...x, pollingSeconds: 1.5 })),
  'KEDA cooldown fractional seconds': (s) => onScaler(s, (x) => ({ ...x, cooldownSeconds: 0.1 })),
  'prometheus label matcher name invalid': (s) => onScaler(s, (x) => ({ ...x, trigger: 'prometheus', labelMatchers: { 'bad-label': 'x' } })),
  'monitoring namespace invalid': (s) => onCluster(s, (c) => ({ ...c, monitoring: { mode: 'operator', dashboards: true, namespace: 'Mon' } })),
  'monitoring label invalid': (s) => onCluster(s, (c) => ({ ...c, monitoring: { mode: 'operator', dashboards: false, labels: { 'a b': 'c' } } })),
  'pod monitor interval fractional': (s) => onCluster(s, (c) => ({ ...c, monitoring: { mode: 'operator', dashboards: false, intervalSeconds: 0.5 } })),
  'standalone retention fractional': (s) => onCluster(s, (c) => ({ ...c, monitoring: { mode: 'standalone', dashboards: false, retentionHours: 1e-9 } })),
  'two monitoring constructs for one cluster': (s) => {
    const first = { ...s.clusters[0], monitoring: s.clusters[0].monitoring ?? { mode: 'operator', dashboards: false } };
    return { ...s, clusters: [first, { ...first, name: '' }] }; // the first cluster's own, and a second one
  },
};

/** A valid app with exactly one deliberate mistake. */
export function mutatedApp(): fc.Arbitrary<AppSpec> {
  const all: { [name: string]: Mutator } = { ...MUTATIONS, ...EXTRA_MUTATIONS };
  return fc.tuple(validApp(), fc.constantFrom(...Object.keys(all)), fc.nat()).map(([s, m, n]) => ({ ...all[m](s, n), mutation: m }));
}

/**
 * Builds the app of a spec. Throws only what the library throws.
 * The second cluster of the "two monitoring constructs" mutation (name '') is not a cluster:
 * it adds a second monitoring construct to the first cluster.
 */
export function buildApp(spec: AppSpec): App {
  const app = Testing.app();
  const built = new Map<string, KafkaCluster>();
  spec.clusters.forEach((cs, i) => {
    if (cs.name === '') {
      const first = built.get(spec.clusters[0].name)!;
      const chart = new Chart(app, `monitoring-extra-${i}`);
      addMonitoring(chart, first, cs.monitoring!, 'again');
      return;
    }
    const chart = new Chart(app, `chart-${cs.name}`, { namespace: cs.namespace });
    const cluster = buildCluster(chart, cs, i === 0 ? spec.extras : undefined);
    built.set(cs.name, cluster);
    if (i === 0 && spec.extras) buildExtras(app, chart, cluster, spec.extras, cs.authorization);
  });
  return app;
}

function buildListener(l: ListenerSpec): Listener {
  const authentication = l.auth === 'scram' ? ListenerAuthentication.scramSha512() : l.auth === 'tls' ? ListenerAuthentication.tls() : ListenerAuthentication.none();
  const base = { name: l.name, port: l.port, tls: l.tls, authentication };
  const bootstrap = l.bootstrapLabels ? { labels: l.bootstrapLabels } : undefined;
  switch (l.kind) {
    case 'internal': return Listener.internal(base);
    case 'clusterIp': return Listener.clusterIp({ ...base, bootstrap });
    case 'nodePort': return Listener.nodePort({ ...base, bootstrap: { ...bootstrap, nodePort: l.nodePorts?.[0] } });
    case 'loadBalancer': return Listener.loadBalancer({ ...base, bootstrap, loadBalancerSourceRanges: l.sourceRanges });
    case 'route': return Listener.route({ ...base, bootstrap });
    case 'ingress': return Listener.ingress({ ...base, bootstrap: { ...bootstrap, host: 'kafka.example.com' }, hostTemplate: 'b-{nodeId}.kafka.example.com' });
  }
}

function buildCluster(chart: Chart, cs: ClusterSpec, extras?: ExtrasSpec): KafkaCluster {
  const probe = cs.readinessPeriodSeconds !== undefined || cs.readinessFailureThreshold !== undefined
    ? {
      period: cs.readinessPeriodSeconds !== undefined ? Duration.millis(cs.readinessPeriodSeconds * 1000) : undefined,
      failureThreshold: cs.readinessFailureThreshold,
    }
    : undefined;
  const cluster = new KafkaCluster(chart, cs.name, {
    namespace: cs.namespace,
    version: KafkaVersion.of(cs.version),
    listeners: cs.listeners.map(buildListener),
    config: cs.config,
    authorization: cs.authorization ? KafkaAuthorization.simple() : undefined,
    labels: cs.labels,
    readinessProbe: probe,
    entityOperator: cs.secretPrefix ? { userOperatorOptions: { secretPrefix: cs.secretPrefix } } : undefined,
    cruiseControl: cs.cruiseControl ? { ...cs.cruiseControl, ...buildTemplate(chart, extras) } : undefined,
  });
  for (const p of cs.pools) {
    cluster.addNodePool(p.name, {
      roles: p.roles as NodeRole[],
      replicas: p.replicas,
      storage: p.storageGi !== undefined ? Storage.persistentClaim({ size: Size.gibibytes(p.storageGi), storageClass: p.storageClass }) : undefined,
      nodeIds: p.nodeIds,
      labels: p.labels,
      podTemplate: {
        labels: p.podLabels,
        annotations: p.podAnnotations,
        tolerations: p.tolerations?.map((t) => ({ key: t.key, operator: t.operator as TolerationOperator, value: t.value })),
        priorityClassName: p.priorityClassName,
        terminationGracePeriod: p.terminationGraceSeconds !== undefined ? Duration.millis(p.terminationGraceSeconds * 1000) : undefined,
      },
      containerTemplate: p.env ? { env: p.env } : undefined,
      resources: p.memoryMi !== undefined ? { memory: { limit: Size.mebibytes(p.memoryMi) } } : undefined,
    });
  }
  const topics = new Map(cs.topics.map((t) => [t.name, cluster.addTopic(t.name, {
    partitions: t.partitions,
    replicas: t.replicas,
    minInSyncReplicas: t.minIsr,
    retention: t.retentionMs !== undefined && t.retentionMs > 0 ? Duration.millis(t.retentionMs) : undefined,
    segmentTime: t.segmentMs !== undefined ? Duration.millis(t.segmentMs) : undefined,
    segmentBytes: t.segmentBytesMi !== undefined ? Size.mebibytes(t.segmentBytesMi) : undefined,
    cleanupPolicy: t.cleanup === 'delete' ? CleanupPolicy.DELETE : t.cleanup === 'compact' ? CleanupPolicy.COMPACT : t.cleanup ? CleanupPolicy.COMPACT_DELETE : undefined,
    compressionType: t.compression === 'zstd' ? CompressionType.ZSTD : t.compression === 'lz4' ? CompressionType.LZ4 : t.compression ? CompressionType.PRODUCER : undefined,
    config: t.config,
  })]));
  const users = new Map(cs.users.map((u) => {
    const user = cluster.addUser(u.name, { authentication: u.auth === 'scram' ? KafkaUserAuthentication.scramSha512() : KafkaUserAuthentication.tls() });
    for (const name of u.readTopics) {
      if (name === '__group__') {
        user.grantReadTopics(AclResource.group('g'));
        continue;
      }
      const t = topics.get(name);
      if (t) t.grantRead(user, { consumerGroup: u.group });
      else user.addAcl({ resource: AclResource.topic(name), operations: [AclOperation.READ], host: u.aclHost });
    }
    for (const name of u.writeTopics) topics.get(name)?.grantWrite(user);
    return [u.name, user];
  }));
  if (cs.client) {
    const user = cs.client.user ? users.get(cs.client.user) : undefined;
    const listener = cluster.listeners.find((l) => l.authentication.type === 'scram-sha-512' && !l.isExternal);
    if (user && listener) {
      const deployment = new kplus.Deployment(chart, `${cs.name}-client`, { metadata: { namespace: cs.client.namespace } });
      const container = deployment.addContainer({ image: 'example/app:1', name: 'app' });
      KafkaClient.configureContainer(deployment, container, user.connectionDetails(listener));
    }
  }
  if (cs.scaler) {
    const x = cs.scaler;
    const topic = topics.get(x.topic);
    const deployment = new kplus.Deployment(chart, `${cs.name}-consumer`, { metadata: { namespace: x.namespace } });
    deployment.addContainer({ image: 'example/consumer:1', name: 'consumer' });
    new KedaConsumerScaler(chart, `${cs.name}-scaler`, {
      target: deployment,
      cluster,
      topic,
      consumerGroup: (x.user ? cs.users.find((u) => u.name === x.user)?.group : undefined) ?? 'g1', // the group the user may read
      user: x.user ? users.get(x.user) : undefined,
      listener: x.trigger === 'kafka' && !x.user ? cluster.listeners.find((l) => l.authentication.type === 'none' && !l.isExternal) : undefined,
      trigger: x.trigger === 'prometheus' ? LagTrigger.prometheus({ serverAddress: 'http://prometheus.monitoring.svc:9090', labelMatchers: x.labelMatchers }) : undefined,
      lagThreshold: x.lagThreshold,
      maxReplicaCount: x.maxReplicas,
      partitionLimitation: x.partitionLimitation,
      pollingInterval: x.pollingSeconds !== undefined ? Duration.millis(x.pollingSeconds * 1000) : undefined,
      cooldownPeriod: x.cooldownSeconds !== undefined ? Duration.millis(x.cooldownSeconds * 1000) : undefined,
      minReplicaCount: x.pollingSeconds !== undefined || x.cooldownSeconds !== undefined ? 0 : undefined,
    });
  }
  if (cs.monitoring) {
    addMonitoring(chart, cluster, cs.monitoring, 'monitoring');
  }
  return cluster;
}

function addMonitoring(chart: Chart, cluster: KafkaCluster, m: MonitoringSpec, id: string): void {
  new PrometheusMonitoring(chart, `${cluster.clusterName}-${id}`, {
    cluster,
    mode: m.mode === 'standalone' ? MonitoringMode.STANDALONE : MonitoringMode.PROMETHEUS_OPERATOR,
    monitoringNamespace: m.namespace,
    prometheusSelectorLabels: m.labels,
    podMonitors: m.intervalSeconds !== undefined && m.mode === 'operator' ? { interval: Duration.millis(m.intervalSeconds * 1000) } : undefined,
    enableDashboards: m.dashboards,
    prometheus: m.retentionHours !== undefined && m.mode === 'standalone' ? { retention: Duration.hours(m.retentionHours) } : undefined,
  });
}
