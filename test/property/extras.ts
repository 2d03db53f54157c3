/*
 * Generator part for the constructs around a cluster: KafkaBridge (and its
 * sidecar on a cdk8s-plus Deployment), KafkaConnect with connectors,
 * KafkaMirrorMaker2 from an imported source cluster, KafkaRebalance and
 * rebalance templates (clusters with Cruise Control only), KafkaAccess,
 * StrimziOperator / KedaOperator and KafkaClientPod. They attach to the first
 * cluster of an app (`ExtrasSpec` in `AppSpec.extras`).
 */
import { ApiObject, App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as fc from 'fast-check';
import type { AppSpec, ClusterSpec } from './generator';
import {
  AclResource, AutoRebalanceMode, AutoRebalanceOptions, ConnectorType, IKafkaUser, KafkaAccess, KafkaAuthorization, KafkaBridge, KafkaClientPod,
  KafkaClientPodKind, KafkaCluster, KafkaConnect, KafkaMirrorMaker2, KafkaRebalance, KafkaRebalanceTemplate, KafkaUser, KafkaUserAuthentication,
  KafkaUserAuthenticationType, KedaOperator, Listener, ListenerAuthentication, OperatorDelivery, RebalanceMode, StrimziOperator, WatchedNamespaces,
} from '../../src';

export interface ExtrasSpec {
  readonly bridge?: { listener: string; replicas?: number; httpPort?: number; grant: boolean };
  readonly sidecar?: { listener: string; httpPort?: number; namespace: string };
  readonly connect?: { listener: string; replicas?: number; groupId?: string; connectors: Array<{ type: 'source' | 'sink'; tasksMax?: number; className: string }> };
  readonly mirror?: { listener: string; topicsPattern?: string; groupsPattern?: string };
  readonly rebalance?: { mode: 'full' | 'add' | 'remove'; throttleMi?: number; brokers?: number[] };
  readonly template?: { throttleMi?: number; namespace?: string };
  readonly access?: { listener: string; withUser: boolean; secretName?: string; namespace: string };
  readonly strimziOperator?: { delivery: 'flux' | 'argo'; watch?: string[]; namespace?: string };
  readonly kedaOperator?: { delivery: 'flux' | 'argo' | 'manifests'; watch?: string[] };
  readonly clientPod?: { listener: string; withUser: boolean; kind: 'deployment' | 'daemonset'; name?: string };
}

/** Internal listeners with authentication usable by a client with a user of that type. */
function clientListeners(c: ClusterSpec): Array<{ name: string; auth: 'scram' | 'tls' | 'none' }> {
  return c.listeners.filter((l) => ['internal', 'clusterIp'].includes(l.kind)).map((l) => ({ name: l.name, auth: l.auth }));
}

/** Valid extras for the first cluster of an app. */
export function extrasArb(c: ClusterSpec): fc.Arbitrary<ExtrasSpec> {
  const ls = clientListeners(c);
  const pick = ls.length > 0 ? fc.constantFrom(...ls.map((l) => l.name)) : fc.constant('');
  const authed = ls.filter((l) => l.auth !== 'none');
  const scram = ls.filter((l) => l.auth === 'scram');
  const brokerIds = c.pools.filter((p) => p.roles.includes('broker')).flatMap((p) => p.nodeIds ?? []);
  const opt = <T>(a: fc.Arbitrary<T>, when = true) => (when ? fc.option(a, { nil: undefined, freq: 2 }) : fc.constant(undefined));
  return fc.record({
    bridge: opt(fc.record({
      listener: pick, replicas: opt(fc.integer({ min: 0, max: 3 })), httpPort: opt(fc.integer({ min: 1024, max: 9000 })), grant: fc.boolean(),
    }), ls.length > 0),
    sidecar: opt(fc.record({
      listener: pick, httpPort: opt(fc.constantFrom(8080, 8088, 18080)), namespace: fc.constant(c.namespace),
    }), ls.length > 0),
    connect: opt(fc.record({
      listener: authed.length > 0 ? fc.constantFrom(...authed.map((l) => l.name)) : pick,
      replicas: opt(fc.integer({ min: 1, max: 3 })),
      groupId: opt(fc.constantFrom('connect-cluster', 'team.connect')),
      connectors: fc.array(fc.record({ type: fc.constantFrom<'source' | 'sink'>('source', 'sink'), tasksMax: opt(fc.integer({ min: 1, max: 4 })), className: fc.constantFrom('org.example.Src', 'FileStreamSink') }), { maxLength: 2 }),
    }), ls.length > 0 && !(c.authorization && authed.length === 0)),
    mirror: opt(fc.record({
      listener: fc.constantFrom(...(scram.length > 0 ? scram : [{ name: '' }]).map((l) => l.name)),
      topicsPattern: opt(fc.constantFrom('orders,payments', 'orders\\..*', '.*')),
      groupsPattern: opt(fc.constantFrom('app-.*', '.*')),
    }), scram.length > 0),
    rebalance: opt(fc.record({
      mode: fc.constantFrom<'full' | 'add' | 'remove'>(...(brokerIds.length > 0 ? ['full', 'add', 'remove'] as const : ['full'] as const)),
      throttleMi: opt(fc.integer({ min: 1, max: 100 })),
      brokers: fc.constant<number[] | undefined>(brokerIds.length > 0 ? [brokerIds[brokerIds.length - 1]] : undefined),
    }), c.cruiseControl !== undefined),
    template: opt(fc.record({ throttleMi: opt(fc.integer({ min: 1, max: 100 })) }), c.cruiseControl !== undefined),
    access: opt(fc.record({ listener: pick, withUser: fc.boolean(), secretName: opt(fc.constantFrom('orders-kafka', 'kafka.access')), namespace: fc.constantFrom(c.namespace, 'apps') }), ls.length > 0),
    strimziOperator: opt(fc.record({ delivery: fc.constantFrom<'flux' | 'argo'>('flux', 'argo'), watch: opt(fc.constant<string[]>(['apps'])) })),
    kedaOperator: opt(fc.record({ delivery: fc.constantFrom<'flux' | 'argo'>('flux', 'argo'), watch: opt(fc.constant<string[]>(['apps'])) })),
    clientPod: opt(fc.record({ listener: pick, withUser: fc.boolean(), kind: fc.constantFrom<'deployment' | 'daemonset'>('deployment', 'daemonset') }), ls.length > 0),
  }).map((e) => {
    // a user-less client of an authenticated listener cannot connect; give it a user
    const needsUser = (l: string) => ls.find((x) => x.name === l)?.auth !== 'none';
    return {
      ...e,
      access: e.access && { ...e.access, withUser: e.access.withUser || needsUser(e.access.listener) },
      clientPod: e.clientPod && { ...e.clientPod, withUser: e.clientPod.withUser || needsUser(e.clientPod.listener) },
      // the operator must watch the cluster's namespace for its resources
      strimziOperator: e.strimziOperator && { ...e.strimziOperator, namespace: c.namespace },
    };
  });
}

function onExtras(s: AppSpec, f: (e: ExtrasSpec, c: ClusterSpec) => ExtrasSpec): AppSpec {
  return { ...s, extras: f(s.extras ?? {}, s.clusters[0]) };
}
const firstListener = (c: ClusterSpec) => clientListeners(c)[0]?.name ?? c.listeners[0].name;

/** Single deliberate mistakes on the extras. */
export const EXTRA_MUTATIONS: { [name: string]: (s: AppSpec) => AppSpec } = {
  'bridge replicas negative': (s) => onExtras(s, (e, c) => ({ ...e, bridge: { listener: firstListener(c), grant: false, ...e.bridge, replicas: -1 } })),
  'bridge http port above 65535': (s) => onExtras(s, (e, c) => ({ ...e, bridge: { listener: firstListener(c), grant: false, ...e.bridge, httpPort: 70000 } })),
  'bridge sidecar http port 0': (s) => onExtras(s, (e, c) => ({ ...e, sidecar: { listener: firstListener(c), namespace: c.namespace, ...e.sidecar, httpPort: 0 } })),
  'connect group.id blank': (s) => onExtras(s, (e, c) => ({ ...e, connect: { listener: firstListener(c), connectors: [], ...e.connect, groupId: ' ' } })),
  'connector tasksMax 0': (s) => onExtras(s, (e, c) => ({ ...e, connect: { listener: firstListener(c), ...e.connect, connectors: [{ type: 'source', tasksMax: 0, className: 'S' }] } })),
  'connector class blank': (s) => onExtras(s, (e, c) => ({ ...e, connect: { listener: firstListener(c), ...e.connect, connectors: [{ type: 'sink', className: '' }] } })),
  'mirror topics pattern not a regex': (s) => onExtras(s, (e, c) => ({ ...e, mirror: { listener: firstListener(c), ...e.mirror, topicsPattern: 'orders,(' } })),
  'rebalance on a cluster without Cruise Control': (s) => ({ ...onExtras(s, (e) => ({ ...e, rebalance: { mode: 'full' } })), clusters: [{ ...s.clusters[0], cruiseControl: undefined }, ...s.clusters.slice(1)] }),
  // broker IDs are known only when every pool names its node IDs (otherwise Strimzi assigns them)
  'rebalance removes an unknown broker': (s) => ({
    ...onExtras(s, (e) => ({ ...e, rebalance: { mode: 'remove', brokers: [999] } })),
    clusters: [{
      ...s.clusters[0],
      cruiseControl: s.clusters[0].cruiseControl ?? {},
      pools: s.clusters[0].pools.map((p, i) => ({ ...p, nodeIds: Array.from({ length: p.replicas }, (_, k) => i * 100 + k) })),
    }, ...s.clusters.slice(1)],
  }),
  'rebalance template outside the Kafka namespace': (s) => ({
    ...onExtras(s, (e) => ({ ...e, template: { namespace: 'other' } })),
    clusters: [{ ...s.clusters[0], cruiseControl: s.clusters[0].cruiseControl ?? {} }, ...s.clusters.slice(1)],
  }),
  'access secret name invalid': (s) => onExtras(s, (e, c) => ({ ...e, access: { listener: firstListener(c), withUser: true, namespace: c.namespace, ...e.access, secretName: 'Bad_Secret' } })),
  'strimzi operator watches an invalid namespace': (s) => onExtras(s, (e) => ({ ...e, strimziOperator: { delivery: 'flux', ...e.strimziOperator, watch: ['Bad_NS'] } })),
  'KEDA operator as plain manifests': (s) => onExtras(s, (e) => ({ ...e, kedaOperator: { ...e.kedaOperator, delivery: 'manifests' } })),
  'client pod name invalid': (s) => onExtras(s, (e, c) => ({ ...e, clientPod: { listener: firstListener(c), withUser: true, kind: 'deployment', ...e.clientPod, name: 'Bad_Pod' } })),
};

function delivery(d: 'flux' | 'argo' | 'manifests'): OperatorDelivery {
  return d === 'flux' ? OperatorDelivery.flux() : d === 'argo' ? OperatorDelivery.argoCd() : OperatorDelivery.manifests();
}

/** A user of the cluster for a listener (undefined for an unauthenticated one). */
function userFor(cluster: KafkaCluster, l: Listener, id: string): IKafkaUser | undefined {
  const t = l.authentication.type;
  if (t === 'scram-sha-512') return cluster.addUser(id);
  if (t === 'tls') return cluster.addUser(id, { authentication: KafkaUserAuthentication.tls() });
  return undefined;
}

/** Builds the template(s) a cluster's cruiseControl options name; called before the cluster exists. */
export function buildTemplate(chart: Chart, e: ExtrasSpec | undefined): { autoRebalance?: AutoRebalanceOptions[] } {
  const t = e?.template;
  if (!t) return {};
  const template = new KafkaRebalanceTemplate(chart, 'scale-up-template', {
    namespace: t.namespace,
    replicationThrottle: t.throttleMi !== undefined ? Size.mebibytes(t.throttleMi) : undefined,
  });
  return { autoRebalance: [{ mode: AutoRebalanceMode.ADD_BROKERS, template }] };
}

/** Adds the extras to the first cluster's chart (and an `apps` / `ops` chart). */
export function buildExtras(app: App, chart: Chart, cluster: KafkaCluster, e: ExtrasSpec, authorization: boolean): void {
  const listener = (n: string) => cluster.findListener(n) ?? cluster.listeners[0];
  const apps = new Chart(app, 'extras-apps', { namespace: 'apps' });
  const chartIn = (ns: string) => (ns === 'apps' ? apps : chart);
  if (e.bridge) {
    const l = listener(e.bridge.listener);
    const bridge = new KafkaBridge(chart, `${cluster.clusterName}-bridge`, {
      cluster,
      listener: l,
      user: userFor(cluster, l, `${cluster.clusterName}-bridge-user`),
      replicas: e.bridge.replicas,
      http: e.bridge.httpPort !== undefined ? { port: e.bridge.httpPort } : undefined,
    });
    if (e.bridge.grant && bridge.user && authorization) {
      bridge.grantConsume(AclResource.topic('orders'), { consumerGroup: 'bridge-group' });
      bridge.grantProduce(AclResource.topic('orders'));
    }
  }
  if (e.sidecar) {
    const l = listener(e.sidecar.listener);
    const d = new kplus.Deployment(chartIn(e.sidecar.namespace), `${cluster.clusterName}-web`, { containers: [{ image: 'example/web:1', name: 'web', portNumber: 3000 }] });
    KafkaBridge.addSidecar(ApiObject.of(d), {
      cluster,
      listener: l,
      user: userFor(cluster, l, `${cluster.clusterName}-sidecar-user`),
      http: e.sidecar.httpPort !== undefined ? { port: e.sidecar.httpPort } : undefined,
    });
  }
  if (e.connect) {
    const l = listener(e.connect.listener);
    const connect = new KafkaConnect(chart, `${cluster.clusterName}-connect`, {
      cluster, listener: l, user: userFor(cluster, l, `${cluster.clusterName}-connect-user`), replicas: e.connect.replicas, groupId: e.connect.groupId,
    });
    e.connect.connectors.forEach((k, i) => connect.addConnector(`k${i}`, {
      className: k.className,
      type: k.type === 'source' ? ConnectorType.SOURCE : ConnectorType.SINK,
      tasksMax: k.tasksMax,
      topicNames: k.type === 'sink' ? ['orders'] : undefined,
      topicPrefixes: k.type === 'source' ? ['cdc.'] : undefined,
    }));
    if (connect.user && authorization) connect.grantAccess();
  }
  if (e.mirror) {
    const l = listener(e.mirror.listener);
    const source = KafkaCluster.fromClusterAttributes(chart, 'mm2-source', {
      clusterName: 'eu',
      namespace: 'default',
      authorization: authorization ? KafkaAuthorization.simple() : undefined,
      listeners: [Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.scramSha512() })],
    });
    const sourceUser = KafkaUser.fromUserName(chart, 'mm2-source-user', { cluster: source, userName: 'mm2-reader', authenticationType: KafkaUserAuthenticationType.SCRAM_SHA_512 });
    const mm2 = new KafkaMirrorMaker2(chart, `${cluster.clusterName}-mm2`, {
      target: { cluster, listener: l, user: userFor(cluster, l, `${cluster.clusterName}-mm2-user`) },
      mirrors: [{ source: { cluster: source, listener: source.findListener('tls')!, user: sourceUser }, topicsPattern: e.mirror.topicsPattern, groupsPattern: e.mirror.groupsPattern }],
    });
    if (authorization) mm2.grantAccess({ ownerGrants: true });
  }
  if (e.rebalance) {
    const r = e.rebalance;
    const mode = r.mode === 'add' ? RebalanceMode.addBrokers(r.brokers ?? []) : r.mode === 'remove' ? RebalanceMode.removeBrokers(r.brokers ?? []) : RebalanceMode.full();
    new KafkaRebalance(chart, `${cluster.clusterName}-rebalance`, { cluster, mode, replicationThrottle: r.throttleMi !== undefined ? Size.mebibytes(r.throttleMi) : undefined });
  }
  if (e.access) {
    const l = listener(e.access.listener);
    new KafkaAccess(chartIn(e.access.namespace), `${cluster.clusterName}-access`, {
      cluster, listener: l, user: e.access.withUser ? userFor(cluster, l, `${cluster.clusterName}-access-user`) : undefined, secretName: e.access.secretName,
    });
  }
  if (e.strimziOperator || e.kedaOperator) {
    const ops = new Chart(app, 'extras-ops');
    const s = e.strimziOperator;
    if (s) {
      new StrimziOperator(ops, 'strimzi', {
        namespace: s.namespace,
        delivery: delivery(s.delivery),
        watch: s.watch ? WatchedNamespaces.namespaces(...s.watch) : undefined,
      });
    }
    const k = e.kedaOperator;
    if (k) new KedaOperator(ops, 'keda', { delivery: delivery(k.delivery), watchNamespaces: k.watch });
  }
  if (e.clientPod) {
    const l = listener(e.clientPod.listener);
    new KafkaClientPod(chart, `${cluster.clusterName}-client-pod`, {
      cluster,
      listener: l,
      user: e.clientPod.withUser ? userFor(cluster, l, `${cluster.clusterName}-pod-user`) : undefined,
      kind: e.clientPod.kind === 'daemonset' ? KafkaClientPodKind.DAEMON_SET : KafkaClientPodKind.DEPLOYMENT,
      name: e.clientPod.name,
    });
  }
}
