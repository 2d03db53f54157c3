/**
 * The labels and metrics ports Strimzi 1.2.0 puts on the pods of a cluster
 * `C` (table "Pod labels per component" and "Container ports" of
 * ../shared/reference/strimzi-runtime-names.md), used to prove that the
 * generated scrape selectors match real pods, whatever the pool names.
 */
export interface StrimziPod {
  readonly name: string;
  readonly component: string;
  readonly namespace: string;
  readonly labels: { [key: string]: string };
  readonly ports: { [name: string]: number };
}

const common = (c: string) => ({
  'app.kubernetes.io/instance': c,
  'app.kubernetes.io/part-of': `strimzi-${c}`,
  'app.kubernetes.io/managed-by': 'strimzi-cluster-operator',
});

export interface PoolSpec {
  readonly name: string;
  readonly broker: boolean;
  readonly controller: boolean;
  readonly nodeIds: number[];
}

export function strimziPods(c: string, ns: string, pools: PoolSpec[], coNamespace = ns): StrimziPod[] {
  const pods: StrimziPod[] = [];
  for (const p of pools) {
    for (const n of p.nodeIds) {
      pods.push({
        name: `${c}-${p.name}-${n}`,
        component: `kafka/${p.name}`,
        namespace: ns,
        labels: {
          ...common(c),
          'strimzi.io/cluster': c,
          'strimzi.io/kind': 'Kafka',
          'strimzi.io/name': `${c}-kafka`,
          'strimzi.io/component-type': 'kafka',
          'app.kubernetes.io/name': 'kafka',
          'strimzi.io/pool-name': p.name,
          'strimzi.io/broker-role': String(p.broker),
          'strimzi.io/controller-role': String(p.controller),
          'strimzi.io/pod-name': `${c}-${p.name}-${n}`,
          'strimzi.io/controller': 'strimzipodset',
          'strimzi.io/controller-name': `${c}-${p.name}`,
        },
        ports: {
          'tcp-kafkaagent': 8443,
          ...(p.controller ? { 'tcp-ctrlplane': 9090 } : {}),
          ...(p.broker ? { 'tcp-replication': 9091 } : {}),
          'tcp-prometheus': 9404,
        },
      });
    }
  }
  const deployment = (component: string, ports: { [name: string]: number }): StrimziPod => ({
    name: `${c}-${component}-7d9f8c6b5-abcde`,
    component,
    namespace: ns,
    labels: {
      ...common(c),
      'strimzi.io/cluster': c,
      'strimzi.io/kind': 'Kafka',
      'strimzi.io/name': `${c}-${component}`,
      'strimzi.io/component-type': component,
      'app.kubernetes.io/name': component,
    },
    ports,
  });
  pods.push(deployment('entity-operator', { 'healthcheck-to': 8080, 'healthcheck-uo': 8081 }));
  pods.push(deployment('kafka-exporter', { 'tcp-prometheus': 9404 }));
  pods.push(deployment('cruise-control', { 'rest-api': 9090, 'tcp-prometheus': 9404 }));
  pods.push({
    name: 'strimzi-cluster-operator-6c8d7b9f4-xyz12',
    component: 'cluster-operator',
    namespace: coNamespace,
    labels: { 'strimzi.io/kind': 'cluster-operator', 'name': 'strimzi-cluster-operator' },
    ports: { http: 8080 },
  });
  return pods;
}

/** Whether a `matchLabels` selector selects the labels. */
export function selects(matchLabels: { [key: string]: string }, labels: { [key: string]: string }): boolean {
  return Object.entries(matchLabels).every(([k, v]) => labels[k] === v);
}
