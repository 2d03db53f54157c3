import { Duration, Size } from 'cdk8s';
import {
  KafkaCluster, Listener, NodeRole, Spread, SpreadMethod, SpreadScope, Storage, TaintEffect, TolerationOperator,
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
    '[test/c/b] node pool "b": lists a role twice (broker, broker); list each role once',
    '[test/c/b] node pool "b": nodeIds 1, 1, 2 contain duplicates; list each node ID once',
    '[test/c/b] node pool "b": JBOD storage has no volumes; add at least one JbodVolume',
    '[test/c/b] node pool "b": JVM -Xmx 1500Ki is not a positive whole number of mebibytes (Strimzi accepts only m/g heap sizes); use Size.mebibytes() or Size.gibibytes()',
    '[test/c/b] node pool "b": JVM -Xms 2048m is above -Xmx 1m; make heapInitial at most heapMax',
    '[test/c/empty] node pool "empty": replicas -1 is not an integer >= 0; set replicas to 0 or more',
    '[test/c/empty] node pool "empty": has no roles (each pool needs broker, controller or both); set roles, e.g. [NodeRole.BROKER]',
  ]));
});
