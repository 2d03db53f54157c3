import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as YAML from 'yaml';
import {
  FluxChartSourceType, NodeLabelOperator, OperatorDelivery, OperatorLogLevel, StrimziFeatureGate, StrimziOperator, StrimziTarget,
  TaintEffect, TolerationOperator, WatchedNamespaces,
} from '../../src';
import { docOf, docsOf, newChart, synth, validationErrors } from '../util';

const DATA = path.join(__dirname, '..', '..', 'operators-data', 'strimzi', '1.2.0');
const index = JSON.parse(fs.readFileSync(path.join(DATA, 'index.json'), 'utf8'));
const pinned = (file: string) => YAML.parse(fs.readFileSync(path.join(DATA, file), 'utf8'));

function manifests(props: ConstructorParameters<typeof StrimziOperator>[2] = {}, namespace = 'kafka') {
  const chart = newChart(namespace);
  const op = new StrimziOperator(chart, 'strimzi', props);
  return { chart, op, docs: synth(chart) };
}

describe('shipped install files', () => {
  test('every file matches the hash in index.json, tag and commit are recorded, the attribution names Strimzi and carries the Apache-2.0 text', () => {
    expect(index).toMatchObject({ tag: '1.2.0', commit: '6c7b43c4af0db547c10463ba09d1dfa6f5e156a0' });
    expect(index.files).toHaveLength(27);
    for (const f of index.files) {
      expect(crypto.createHash('sha256').update(fs.readFileSync(path.join(DATA, f.file))).digest('hex')).toBe(f.sha256);
    }
    const notice = fs.readFileSync(path.join(DATA, '..', 'NOTICE.md'), 'utf8');
    expect(notice).toContain('strimzi/strimzi-kafka-operator');
    expect(notice).toContain('| `1.2.0/` | `1.2.0` | `6c7b43c4af0db547c10463ba09d1dfa6f5e156a0` | 27 |');
    expect(fs.readFileSync(path.join(DATA, '..', 'LICENSE'), 'utf8')).toContain('Apache License\n                           Version 2.0, January 2004');
  });

  test('the package ships them: .npmignore excludes nothing under operators-data/', () => {
    const ignore = fs.readFileSync(path.join(__dirname, '..', '..', '.npmignore'), 'utf8').split('\n').map((l) => l.trim());
    expect(ignore.filter((l) => l.length > 0 && !l.startsWith('#') && !l.startsWith('!') && /operators-data|^\*$|^\/\*$|\*\.ya?ml$|\*\.json$/.test(l))).toEqual([]);
  });

  test('they are byte-for-byte the shared copies (when ../shared is present)', () => {
    const shared = path.resolve(process.env.OPERATORS_DIR ?? path.join(__dirname, '..', '..', '..', 'shared', 'operators'));
    const crds = path.resolve(process.env.CRDS_DIR ?? path.join(__dirname, '..', '..', '..', 'shared', 'crds'));
    if (!fs.existsSync(shared) || !fs.existsSync(crds)) return;
    for (const f of index.files) {
      const from = f.kind === 'CustomResourceDefinition' ? path.join(crds, 'strimzi', '1.2.0', f.file) : path.join(shared, 'strimzi', '1.2.0', f.file);
      expect(fs.readFileSync(path.join(DATA, f.file)).equals(fs.readFileSync(from))).toBe(true);
    }
  });
});

describe('plain manifests', () => {
  test('equal the pinned install files except for the documented changes', () => {
    const { docs } = manifests();
    // Documented change 1: a Namespace for the operator comes first.
    expect(docs[0]).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kafka' } });
    const rest = docs.slice(1);
    expect(rest).toHaveLength(index.files.length);
    for (const [i, f] of index.files.entries()) {
      const expected = pinned(f.file);
      const clusterScoped = ['CustomResourceDefinition', 'ClusterRole', 'ClusterRoleBinding'].includes(f.kind);
      // Documented change 2: namespaced objects go into the operator's namespace.
      if (!clusterScoped) expected.metadata.namespace = 'kafka';
      // Documented change 3: binding subjects name the operator's namespace instead of "myproject".
      for (const s of expected.subjects ?? []) {
        expect(s.namespace).toBe('myproject');
        s.namespace = 'kafka';
      }
      expect(rest[i]).toEqual(expected);
    }
  });

  test('watching a list: STRIMZI_NAMESPACE lists them (own included, sorted) and RoleBindings 020, 023, 031 are copied into each; 022 stays', () => {
    const { docs, op } = manifests({ watch: WatchedNamespaces.namespaces('apps', 'team-b') });
    op.watchNamespace('later');
    const all = synth(op.node.scope as Chart);
    const env = docOf(all, 'Deployment').spec.template.spec.containers[0].env;
    expect(env[0]).toEqual({ name: 'STRIMZI_NAMESPACE', value: 'apps,kafka,later,team-b' });
    for (const ns of ['apps', 'team-b', 'later']) {
      expect(docsOf(all, 'RoleBinding').filter((d) => d.metadata.namespace === ns).map((d) => d.metadata.name).sort())
        .toEqual(['strimzi-cluster-operator', 'strimzi-cluster-operator-entity-operator-delegation', 'strimzi-cluster-operator-watched']);
    }
    expect(docsOf(all, 'RoleBinding', 'strimzi-cluster-operator-leader-election').map((d) => d.metadata.namespace)).toEqual(['kafka']);
    expect(docsOf(docs, 'RoleBinding').every((d) => d.subjects[0].namespace === 'kafka')).toBe(true);
    expect(op.watchedNamespaces).toEqual(['apps', 'kafka', 'later', 'team-b']);
  });

  test('watching all: STRIMZI_NAMESPACE="*" and cluster-wide bindings replace the per-namespace ones', () => {
    const { docs } = manifests({ watch: WatchedNamespaces.all() });
    expect(docOf(docs, 'Deployment').spec.template.spec.containers[0].env[0]).toEqual({ name: 'STRIMZI_NAMESPACE', value: '*' });
    expect(docsOf(docs, 'RoleBinding').map((d) => d.metadata.name)).toEqual(['strimzi-cluster-operator-leader-election']);
    expect(docsOf(docs, 'ClusterRoleBinding').map((d) => `${d.metadata.name}->${d.roleRef.name}`).sort()).toEqual([
      'strimzi-cluster-operator->strimzi-cluster-operator-global',
      'strimzi-cluster-operator-entity-operator-delegation->strimzi-entity-operator',
      'strimzi-cluster-operator-kafka-broker-delegation->strimzi-kafka-broker',
      'strimzi-cluster-operator-kafka-client-delegation->strimzi-kafka-client',
      'strimzi-cluster-operator-namespaced->strimzi-cluster-operator-namespaced',
      'strimzi-cluster-operator-watched->strimzi-cluster-operator-watched',
    ]);
  });

  test('S2: pinned to the control plane; images from a mirror; resources, gates, log level and environment', () => {
    const { docs } = manifests({
      nodeSelector: { 'kubernetes.io/hostname': 'master-1' },
      tolerations: [{ key: 'node-role.kubernetes.io/master', operator: TolerationOperator.EXISTS, effect: TaintEffect.NO_SCHEDULE }],
      requiredNodeAffinity: [{ key: 'node-role.kubernetes.io/control-plane', operator: NodeLabelOperator.EXISTS }],
      images: { registry: 'registry.example.com', repository: 'mirror/strimzi' },
      imagePullSecrets: ['mirror-pull'],
      imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
      resources: { cpu: { request: kplus.Cpu.millis(500), limit: kplus.Cpu.units(2) } },
      featureGates: [StrimziFeatureGate.enable('UseBackgroundPodDeletion'), StrimziFeatureGate.disable('UseConnectBuildWithBuildah')],
      logLevel: OperatorLogLevel.DEBUG,
      fullReconciliationInterval: Duration.minutes(5),
      operatorNamespaceLabels: { 'kubernetes.io/metadata.name': 'kafka' },
      entityOperatorWatchedNamespaceEnabled: true,
      env: { MY_FLAG: 'x' },
    });
    const pod = docOf(docs, 'Deployment').spec.template.spec;
    expect(pod.nodeSelector).toEqual({ 'kubernetes.io/hostname': 'master-1' });
    expect(pod.tolerations).toEqual([{ key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(pod.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([{ matchExpressions: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }] }]);
    expect(pod.imagePullSecrets).toEqual([{ name: 'mirror-pull' }]);
    const c = pod.containers[0];
    expect(c.image).toBe('registry.example.com/mirror/strimzi/operator:1.2.0');
    expect(c.resources).toEqual({ requests: { cpu: '500m' }, limits: { cpu: '2' } });
    const env = Object.fromEntries(c.env.map((e: any) => [e.name, e.value ?? e.valueFrom]));
    expect(env.STRIMZI_NAMESPACE).toEqual({ fieldRef: { fieldPath: 'metadata.namespace' } });
    expect(env.STRIMZI_KAFKA_IMAGES).toBe(['4.2.0', '4.2.1', '4.3.0', '4.3.1'].map((v) => `${v}=registry.example.com/mirror/strimzi/kafka:1.2.0-kafka-${v}`).join('\n') + '\n');
    expect(env.STRIMZI_DEFAULT_KAFKA_BRIDGE_IMAGE).toBe('registry.example.com/mirror/strimzi/kafka-bridge:1.1.0');
    expect(env).toMatchObject({
      STRIMZI_FEATURE_GATES: '+UseBackgroundPodDeletion,-UseConnectBuildWithBuildah',
      STRIMZI_LOG_LEVEL: 'DEBUG',
      STRIMZI_FULL_RECONCILIATION_INTERVAL_MS: '300000',
      STRIMZI_IMAGE_PULL_POLICY: 'IfNotPresent',
      STRIMZI_IMAGE_PULL_SECRETS: 'mirror-pull',
      STRIMZI_OPERATOR_NAMESPACE_LABELS: 'kubernetes.io/metadata.name=kafka',
      STRIMZI_ENTITY_OPERATOR_WATCHED_NAMESPACE_ENABLED: 'true',
      MY_FLAG: 'x',
    });
  });

  test('a tag override renames the operator and Kafka images, not the bridge', () => {
    const { docs } = manifests({ images: { tag: '1.2.0-patched' } });
    const c = docOf(docs, 'Deployment').spec.template.spec.containers[0];
    expect(c.image).toBe('quay.io/strimzi/operator:1.2.0-patched');
    const env = Object.fromEntries(c.env.map((e: any) => [e.name, e.value]));
    expect(env.STRIMZI_DEFAULT_CRUISE_CONTROL_IMAGE).toBe('quay.io/strimzi/kafka:1.2.0-patched-kafka-4.3.1');
    expect(env.STRIMZI_DEFAULT_KAFKA_BRIDGE_IMAGE).toBe('quay.io/strimzi/kafka-bridge:1.1.0');
  });

  test('outside a namespaced chart, the default namespace is "kafka" and cluster-scoped objects have none', () => {
    const chart = new Chart(Testing.app(), 'plain');
    new StrimziOperator(chart, 'strimzi', { createNamespace: false });
    const docs = synth(chart);
    expect(docsOf(docs, 'Namespace')).toEqual([]);
    expect(docOf(docs, 'Deployment').metadata.namespace).toBe('kafka');
    expect(docsOf(docs, 'ClusterRole').every((d) => d.metadata.namespace === undefined)).toBe(true);
  });
});

describe('rules', () => {
  test('KAF-OPS-001: a target whose install files are not shipped', () => {
    const legacy = Object.create(StrimziTarget.V1_2_0, { operatorVersion: { value: '0.45.0' } });
    const chart = newChart('kafka');
    new StrimziOperator(chart, 'strimzi', { target: legacy });
    expect(validationErrors(chart)).toEqual([
      '[test/strimzi] KAF-OPS-001 Strimzi operator in namespace "kafka": the library ships no plain manifests for Strimzi 0.45.0 (shipped: 1.2.0); use OperatorDelivery.flux() or OperatorDelivery.argoCd() (the Helm chart of that release), or a target whose install files are shipped',
    ]);
    // the Helm forms work for it
    const ok = newChart('kafka');
    new StrimziOperator(ok, 'strimzi', { target: legacy, delivery: OperatorDelivery.flux() });
    expect(docOf(synth(ok), 'OCIRepository').spec.ref).toEqual({ tag: '0.45.0' });
  });

  test('KAF-OPS-002/003/004/005: namespaces, all plus a list, gate names, env set by typed options', () => {
    const chart = newChart('kafka');
    const op = new StrimziOperator(chart, 'strimzi', {
      watch: WatchedNamespaces.all(),
      featureGates: [StrimziFeatureGate.enable('+Bad'), StrimziFeatureGate.enable('A'), StrimziFeatureGate.disable('A')],
      logLevel: OperatorLogLevel.WARN,
      env: { STRIMZI_LOG_LEVEL: 'INFO' },
    });
    op.watchNamespace('Apps');
    expect(validationErrors(chart)).toEqual([
      '[test/strimzi] KAF-OPS-002 Strimzi operator in namespace "kafka": namespace "Apps" is not a valid namespace name (DNS-1123 label: lower-case letters, digits and \'-\', at most 63 characters); name an existing namespace',
      '[test/strimzi] KAF-OPS-003 Strimzi operator in namespace "kafka": watches every namespace but also lists "Apps"; use WatchedNamespaces.all() without watchNamespace() calls, or list the namespaces',
      '[test/strimzi] KAF-OPS-004 Strimzi operator in namespace "kafka": feature gate "+Bad" is not a gate name (letters and digits, starting upper-case, e.g. UseBackgroundPodDeletion); use the gate\'s name without + or -',
      '[test/strimzi] KAF-OPS-004 Strimzi operator in namespace "kafka": feature gate "A" is set more than once; set each gate once',
      '[test/strimzi] KAF-OPS-005 Strimzi operator in namespace "kafka": env STRIMZI_LOG_LEVEL is also set by a typed option; remove it from env and use the typed option (see StrimziOperatorProps)',
    ]);
  });
});

describe('Helm delivery forms', () => {
  const typed = {
    watch: WatchedNamespaces.namespaces('apps', 'kafka'),
    images: { registry: 'registry.example.com' },
    tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: TolerationOperator.EXISTS }],
    featureGates: [StrimziFeatureGate.enable('UseBackgroundPodDeletion')],
    logLevel: OperatorLogLevel.DEBUG,
    entityOperatorWatchedNamespaceEnabled: true,
  };
  const values = {
    watchNamespaces: ['apps'],
    defaultImageRegistry: 'registry.example.com',
    tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }],
    featureGates: '+UseBackgroundPodDeletion',
    logLevel: 'DEBUG',
    extraEnvs: [{ name: 'STRIMZI_ENTITY_OPERATOR_WATCHED_NAMESPACE_ENABLED', value: 'true' }],
  };

  test('Flux: OCIRepository with the Helm layer, HelmRelease with chartRef, CRDs CreateReplace, typed values', () => {
    const { docs } = manifests({ ...typed, delivery: OperatorDelivery.flux({ interval: Duration.minutes(30), dependsOn: ['infra/cert-manager'] }) });
    expect(docs.map((d) => d.kind)).toEqual(['OCIRepository', 'HelmRelease']);
    expect(docOf(docs, 'OCIRepository')).toMatchObject({ metadata: { namespace: 'flux-system' }, spec: { interval: '30m', url: 'oci://quay.io/strimzi-helm/strimzi-kafka-operator', ref: { tag: '1.2.0' } } });
    expect(docOf(docs, 'HelmRelease').spec).toEqual({
      interval: '30m',
      chartRef: { kind: 'OCIRepository', name: 'strimzi-kafka-operator' },
      releaseName: 'strimzi-cluster-operator',
      targetNamespace: 'kafka',
      install: { createNamespace: true, crds: 'CreateReplace' },
      upgrade: { crds: 'CreateReplace' },
      dependsOn: [{ namespace: 'infra', name: 'cert-manager' }],
      values,
    });
  });

  test('Flux with a HelmRepository (type oci) and chart.spec', () => {
    const { docs } = manifests({ delivery: OperatorDelivery.flux({ sourceType: FluxChartSourceType.HELM_REPOSITORY }) });
    expect(docOf(docs, 'HelmRepository').spec).toEqual({ type: 'oci', url: 'oci://quay.io/strimzi-helm' });
    expect(docOf(docs, 'HelmRelease').spec.chart).toEqual({ spec: { chart: 'strimzi-kafka-operator', version: '1.2.0', sourceRef: { kind: 'HelmRepository', name: 'strimzi-kafka-operator' } } });
  });

  test('Argo CD: Helm source, valuesObject, CreateNamespace and ServerSideApply', () => {
    const { docs } = manifests({ ...typed, delivery: OperatorDelivery.argoCd({ cascadeDelete: true }) });
    const a = docOf(docs, 'Application');
    expect(a.metadata).toEqual({ name: 'strimzi-cluster-operator', namespace: 'argocd', finalizers: ['resources-finalizer.argocd.argoproj.io'] });
    expect(a.spec).toEqual({
      project: 'default',
      source: { repoURL: 'quay.io/strimzi-helm', chart: 'strimzi-kafka-operator', targetRevision: '1.2.0', helm: { releaseName: 'strimzi-cluster-operator', valuesObject: values } },
      destination: { server: 'https://kubernetes.default.svc', namespace: 'kafka' },
      syncPolicy: { automated: { prune: false, selfHeal: false }, syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'] },
    });
  });
});
