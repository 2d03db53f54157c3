import { Duration, Size } from 'cdk8s';
import {
  JbodVolume, KafkaCluster, Listener, NodeRole, Spread, SpreadMethod, SpreadScope, Storage, TaintEffect, TolerationOperator,
} from '../../src';
import { docOf, newChart, synth, validationErrors } from '../util';

function cluster() {
  const chart = newChart('kafka');
  const c = new KafkaCluster(chart, 'c', { listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
  c.addNodePool('ctrl', { roles: [NodeRole.CONTROLLER], replicas: 3 });
  return { chart, c };
}

test('topology spread constraints, preferred anti-affinity by role, and pod template settings', () => {
  // GIVEN a broker pool with two spread rules and a pod template
  const { chart, c } = cluster();
  const pool = c.addNodePool('b', {
    roles: [NodeRole.BROKER],
    replicas: 3,
    spread: [Spread.acrossZones({ method: SpreadMethod.TOPOLOGY_SPREAD, required: false, maxSkew: 2 })],
    podTemplate: {
      labels: { team: 'data' },
      tolerations: [{ key: 'dedicated', operator: TolerationOperator.EQUAL, value: 'kafka', effect: TaintEffect.NO_SCHEDULE, tolerationPeriod: Duration.seconds(60) }],
      securityContext: { user: 1001, fsGroup: 1001, ensureNonRoot: true },
      priorityClassName: 'kafka-critical',
      terminationGracePeriod: Duration.seconds(120),
    },
    containerTemplate: { securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false }, env: { TZ: 'UTC' } },
  });
  pool.addSpread(Spread.acrossHosts({ required: false, scope: SpreadScope.BROKERS, weight: 50 }));
  // WHEN
  const template = docOf(synth(chart), 'KafkaNodePool', 'b').spec.template;
  // THEN
  expect(template.pod).toEqual({
    metadata: { labels: { team: 'data' } },
    securityContext: { runAsUser: 1001, runAsNonRoot: true, fsGroup: 1001 },
    terminationGracePeriodSeconds: 120,
    affinity: {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [{
          weight: 50,
          podAffinityTerm: {
            labelSelector: { matchLabels: { 'strimzi.io/cluster': 'c', 'strimzi.io/name': 'c-kafka', 'strimzi.io/broker-role': 'true' } },
            topologyKey: 'kubernetes.io/hostname',
          },
        }],
      },
    },
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'kafka', effect: 'NoSchedule', tolerationSeconds: 60 }],
    topologySpreadConstraints: [{
      maxSkew: 2,
      topologyKey: 'topology.kubernetes.io/zone',
      whenUnsatisfiable: 'ScheduleAnyway',
      labelSelector: { matchLabels: { 'strimzi.io/cluster': 'c', 'strimzi.io/name': 'c-kafka', 'strimzi.io/pool-name': 'b' } },
    }],
    priorityClassName: 'kafka-critical',
  });
  expect(template.kafkaContainer).toEqual({ env: [{ name: 'TZ', value: 'UTC' }], securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false } });
  expect(pool.isBroker).toBe(true);
  expect(pool.isController).toBe(false);
});

test('pod names are known when node IDs are pinned', () => {
  const { c } = cluster();
  const pool = c.addNodePool('b', { roles: [NodeRole.BROKER], replicas: 2, nodeIds: [5, 6, 7] });
  expect(pool.nodeIds).toEqual([5, 6]);
  expect(pool.podNames).toEqual(['c-b-5', 'c-b-6']);
});

test('pool rules: replicas, roles, node IDs, heap sizes, JBOD', () => {
  const { chart, c } = cluster();
  c.addNodePool('b', {
    roles: [NodeRole.BROKER, NodeRole.BROKER],
    replicas: 3,
    nodeIds: [1, 1, 2],
    jvm: { heapInitial: Size.gibibytes(2), heapMax: Size.kibibytes(1500) },
    storage: Storage.jbod([]),
  });
  c.addNodePool('empty', { roles: [], replicas: -1 });
  expect(validationErrors(chart)).toEqual(expect.arrayContaining([
    '[test/c/b] KAF-POOL-004 node pool "b": lists a role twice (broker, broker); list each role once',
    '[test/c/b] KAF-POOL-006 node pool "b": nodeIds 1, 1, 2 contain duplicates; list each node ID once',
    '[test/c/b] KAF-POOL-009 node pool "b": JBOD storage has no volumes; add at least one JbodVolume',
    '[test/c/b] KAF-POOL-019 node pool "b": JVM -Xmx 1500Ki is not a positive whole number of mebibytes (Strimzi accepts only m/g heap sizes); use Size.mebibytes() or Size.gibibytes()',
    '[test/c/b] KAF-POOL-020 node pool "b": JVM -Xms 2048m is above -Xmx 1m; make heapInitial at most heapMax',
    '[test/c/empty] KAF-POOL-002 node pool "empty": replicas -1 is not an integer >= 0; set replicas to 0 or more',
    '[test/c/empty] KAF-POOL-003 node pool "empty": has no roles (each pool needs broker, controller or both); set roles, e.g. [NodeRole.BROKER]',
  ]));
});

test('spread rules: maxSkew and weight within Kubernetes limits and on the method they belong to', () => {
  const { chart, c } = cluster();
  c.addNodePool('b', {
    roles: [NodeRole.BROKER],
    replicas: 3,
    spread: [
      Spread.acrossZones({ method: SpreadMethod.TOPOLOGY_SPREAD, maxSkew: 0 }),
      Spread.acrossHosts({ required: false, weight: 101 }),
      Spread.acrossHosts({ weight: 50 }),
      Spread.across('rack', { maxSkew: 2 }),
    ],
  });
  expect(validationErrors(chart)).toEqual([
    '[test/c/b] KAF-POOL-015 node pool "b": spread across "topology.kubernetes.io/zone" has maxSkew 0; Kubernetes needs an integer >= 1; use maxSkew 1 (even spread) or more',
    '[test/c/b] KAF-POOL-017 node pool "b": spread across "kubernetes.io/hostname" has weight 101; Kubernetes accepts integers 1-100; use a weight between 1 and 100',
    '[test/c/b] KAF-POOL-016 node pool "b": spread across "kubernetes.io/hostname" sets weight 50, which only applies to a preferred (required: false) anti-affinity rule; remove weight or set required: false',
    '[test/c/b] KAF-POOL-014 node pool "b": spread across "rack" sets maxSkew 2, which only applies to SpreadMethod.TOPOLOGY_SPREAD; remove maxSkew or use method: SpreadMethod.TOPOLOGY_SPREAD',
  ]);
});

test('JBOD: only one volume may hold the KRaft metadata log; persistent claims need a size', () => {
  const { chart, c } = cluster();
  c.addNodePool('b', {
    roles: [NodeRole.BROKER],
    replicas: 3,
    storage: Storage.jbod([
      JbodVolume.persistentClaim(0, { size: Size.gibibytes(10), kraftMetadata: true }),
      JbodVolume.persistentClaim(1, { size: Size.gibibytes(0), kraftMetadata: true }),
    ]),
  });
  expect(validationErrors(chart)).toEqual([
    '[test/c/b] KAF-POOL-008 node pool "b": JBOD volume 1 has size 0Gi; a persistent claim needs a size above zero; set size, e.g. Size.gibibytes(100)',
    '[test/c/b] KAF-POOL-012 node pool "b": JBOD volumes 0, 1 all claim the KRaft metadata log (kraftMetadata); only one volume can hold it; set kraftMetadata on one volume only',
  ]);
});

test('storage renders selector, volume attributes class and ephemeral size limits', () => {
  const { chart, c } = cluster();
  c.addNodePool('b', {
    roles: [NodeRole.BROKER],
    replicas: 3,
    storage: Storage.persistentClaim({ size: Size.gibibytes(20), selector: { tier: 'fast' }, volumeAttributesClass: 'gold' }),
  });
  c.addNodePool('e', { roles: [NodeRole.BROKER], replicas: 1, storage: Storage.ephemeral({ sizeLimit: Size.gibibytes(2) }) });
  const docs = synth(chart);
  expect(docOf(docs, 'KafkaNodePool', 'b').spec.storage).toEqual({ type: 'persistent-claim', size: '20Gi', deleteClaim: false, selector: { tier: 'fast' }, volumeAttributesClass: 'gold' });
  expect(docOf(docs, 'KafkaNodePool', 'e').spec.storage).toEqual({ type: 'ephemeral', sizeLimit: '2Gi' });
});
