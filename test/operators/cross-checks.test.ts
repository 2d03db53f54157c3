import { ApiObject, App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  CrossNamespaceCredentials, FluxChartSourceType, KafkaCluster, KedaConsumerScaler, KedaOperator, Listener, ListenerAuthentication, NodeRole,
  OperatorDelivery, StrimziOperator, StrimziTarget, TolerationOperator, WatchedNamespaces,
} from '../../src';
import { docOf, synth, synthAppYaml, validationErrors, warningsOf } from '../util';

interface Fixture {
  app: App;
  kafka: Chart;
  apps: Chart;
  cluster: KafkaCluster;
  consumer: kplus.Deployment;
}

function fixture(appNamespace = 'kafka'): Fixture {
  const app = Testing.app();
  const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
  const cluster = new KafkaCluster(kafka, 'my-cluster', {
    listeners: [
      Listener.internal({ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() }),
      Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.scramSha512() }),
    ],
  });
  cluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
  const apps = new Chart(app, 'apps', { namespace: appNamespace });
  const consumer = new kplus.Deployment(apps, 'consumer', { metadata: { name: 'consumer' }, containers: [{ image: 'example/consumer:1.0' }] });
  return { app, kafka, apps, cluster, consumer };
}

const flux = () => OperatorDelivery.flux();

describe('Strimzi cross-checks', () => {
  test('KAF-OPS-010: a KafkaTopic in a namespace no operator watches; edge: watched, or no operator at all', () => {
    const f = fixture();
    const ops = new Chart(f.app, 'ops');
    new StrimziOperator(ops, 'strimzi', { namespace: 'kafka', delivery: flux() });
    new ApiObject(f.kafka, 'stray', { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaTopic', metadata: { name: 'stray', namespace: 'elsewhere' }, spec: { partitions: 1 } } as any);
    synthAppYaml(f.app);
    const w = warningsOf(f.app).filter((x) => x.includes('KAF-OPS-010'));
    expect(w).toEqual([
      '[kafka] KAF-OPS-010 KafkaTopic "elsewhere/stray": no Strimzi operator of this app watches namespace "elsewhere" (ops/strimzi watches "kafka"), so nothing reconciles it; add the namespace with watchNamespace("elsewhere") or WatchedNamespaces.namespaces(), or move the resource',
    ]);
    // edge: watching the namespace clears it
    const g = fixture();
    new StrimziOperator(new Chart(g.app, 'ops'), 'strimzi', { namespace: 'kafka', watch: WatchedNamespaces.namespaces('elsewhere'), delivery: flux() });
    new ApiObject(g.kafka, 'stray', { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaTopic', metadata: { name: 'stray', namespace: 'elsewhere' }, spec: { partitions: 1 } } as any);
    synthAppYaml(g.app);
    expect(warningsOf(g.app).filter((x) => x.includes('KAF-OPS'))).toEqual([]);
    // edge: no StrimziOperator in the app, no warning (operators installed elsewhere)
    const h = fixture();
    synthAppYaml(h.app);
    expect(warningsOf(h.app).filter((x) => x.includes('KAF-OPS'))).toEqual([]);
  });

  test('KAF-OPS-011: two operators watching the same namespace', () => {
    const f = fixture();
    const ops = new Chart(f.app, 'ops');
    new StrimziOperator(ops, 'a', { namespace: 'kafka', delivery: flux() });
    new StrimziOperator(ops, 'b', { namespace: 'strimzi-b', watch: WatchedNamespaces.namespaces('kafka'), delivery: OperatorDelivery.flux({ name: 'strimzi-b' }) });
    synthAppYaml(f.app);
    expect(warningsOf(ops)).toEqual([
      '[ops/b] KAF-OPS-011 Strimzi operator in namespace "strimzi-b": watches "kafka" like the operator at ops/a, and both would reconcile the same resources; let each namespace be watched by one operator',
    ]);
  });

  test('KAF-OPS-012: the operator installs another release than the cluster\'s target', () => {
    const f = fixture();
    const legacy = Object.create(StrimziTarget.V1_2_0, { operatorVersion: { value: '0.45.0' } });
    new StrimziOperator(new Chart(f.app, 'ops'), 'strimzi', { namespace: 'kafka', target: legacy, delivery: flux() });
    synthAppYaml(f.app);
    expect(warningsOf(f.kafka).filter((x) => x.includes('KAF-OPS-012'))).toEqual([
      '[kafka/my-cluster] KAF-OPS-012 Kafka "kafka/my-cluster": written for Strimzi 1.2.0, but the operator watching namespace "kafka" (ops/strimzi) installs Strimzi 0.45.0; give the operator the cluster\'s target (target: cluster.target)',
      '[kafka/my-cluster/dual] KAF-OPS-012 KafkaNodePool "kafka/dual": written for Strimzi 1.2.0, but the operator watching namespace "kafka" (ops/strimzi) installs Strimzi 0.45.0; give the operator the cluster\'s target (target: cluster.target)',
    ]);
  });

  test('the entity operator\'s watchedNamespace warning is checked against the StrimziOperator: silenced when it allows other namespaces', () => {
    const make = (allowed: boolean) => {
      const app = Testing.app();
      const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
      const cluster = new KafkaCluster(kafka, 'my-cluster', {
        listeners: [Listener.internal({ name: 'tls', port: 9093 })],
        entityOperator: { topicOperatorOptions: { watchedNamespace: 'topics' } },
      });
      cluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
      new StrimziOperator(new Chart(app, 'ops'), 'strimzi', {
        namespace: 'kafka', watch: WatchedNamespaces.namespaces('topics'), delivery: flux(), entityOperatorWatchedNamespaceEnabled: allowed,
      });
      synthAppYaml(app);
      return warningsOf(kafka);
    };
    expect(make(true)).toEqual([]);
    expect(make(false).join('\n')).toMatch(/the Topic Operator watches namespace "topics", not the cluster's namespace "kafka"/);
  });
});

describe('KEDA cross-checks and KedaOperator', () => {
  test('KedaOperator via Flux: HelmRepository + chart.spec, typed values', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'keda');
    new KedaOperator(chart, 'keda', {
      delivery: flux(),
      watchNamespaces: ['apps'],
      tolerations: [{ key: 'dedicated', operator: TolerationOperator.EXISTS }],
      resources: { cpu: { request: kplus.Cpu.millis(200) } },
    });
    const docs = synth(chart);
    expect(docOf(docs, 'HelmRepository').spec).toEqual({ interval: '10m', url: 'https://kedacore.github.io/charts' });
    expect(docOf(docs, 'HelmRelease').spec).toEqual({
      interval: '10m',
      chart: { spec: { chart: 'keda', version: '2.20.2', sourceRef: { kind: 'HelmRepository', name: 'keda' } } },
      releaseName: 'keda',
      targetNamespace: 'keda',
      install: { createNamespace: true },
      values: { watchNamespace: 'apps', resources: { operator: { requests: { cpu: '200m' } } }, tolerations: [{ key: 'dedicated', operator: 'Exists' }] },
    });
  });

  test('KedaOperator via Argo CD ignores the CA bundles the operator rewrites', () => {
    const chart = new Chart(Testing.app(), 'keda');
    new KedaOperator(chart, 'keda', { delivery: OperatorDelivery.argoCd() });
    const a = docOf(synth(chart), 'Application');
    expect(a.spec.source).toEqual({ repoURL: 'https://kedacore.github.io/charts', chart: 'keda', targetRevision: '2.20.2', helm: { releaseName: 'keda', valuesObject: {} } });
    expect(a.spec.syncPolicy.syncOptions).toEqual(['CreateNamespace=true', 'ServerSideApply=true', 'RespectIgnoreDifferences=true']);
    expect(a.spec.ignoreDifferences).toEqual([
      { group: 'apiregistration.k8s.io', kind: 'APIService', jsonPointers: ['/spec/caBundle'] },
      { group: 'admissionregistration.k8s.io', kind: 'ValidatingWebhookConfiguration', jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'] },
    ]);
  });

  test('KAF-OPS-006/007: plain manifests and an OCIRepository are not offered for KEDA', () => {
    const chart = new Chart(Testing.app(), 'keda');
    new KedaOperator(chart, 'a', { delivery: OperatorDelivery.manifests() });
    new KedaOperator(chart, 'b', { delivery: OperatorDelivery.flux({ sourceType: FluxChartSourceType.OCI_REPOSITORY }) });
    expect(validationErrors(chart)).toEqual([
      '[keda/a] KAF-OPS-006 KEDA in namespace "keda": is delivered as plain manifests, but KEDA is installed from its Helm chart (no plain manifests are shipped); use OperatorDelivery.flux() or OperatorDelivery.argoCd()',
      '[keda/b] KAF-OPS-007 KEDA in namespace "keda": takes its chart from an OCIRepository, but KEDA\'s chart is published in the Helm repository https://kedacore.github.io/charts; use FluxChartSourceType.HELM_REPOSITORY, or give the chartUrl of your OCI mirror',
    ]);
  });

  test('KAF-OPS-013: a ScaledObject in an app without a KedaOperator; edge: with one', () => {
    const f = fixture();
    new KedaConsumerScaler(f.apps, 'scaler', { target: f.consumer, cluster: f.cluster, consumerGroup: 'g', topicName: 't', listener: f.cluster.findListener('plain') });
    synthAppYaml(f.app);
    expect(warningsOf(f.app).filter((x) => x.includes('KAF-OPS'))).toEqual([
      '[app] KAF-OPS-013 ScaledObject "kafka/consumer": the app has no KedaOperator, so nothing here installs KEDA; add one (KedaOperator with OperatorDelivery.flux() or argoCd()) or make sure KEDA is installed in the cluster',
    ]);
    const g = fixture();
    new KedaOperator(new Chart(g.app, 'keda'), 'keda', { delivery: flux() });
    new KedaConsumerScaler(g.apps, 'scaler', { target: g.consumer, cluster: g.cluster, consumerGroup: 'g', topicName: 't', listener: g.cluster.findListener('plain') });
    synthAppYaml(g.app);
    expect(warningsOf(g.app).filter((x) => x.includes('KAF-OPS'))).toEqual([]);
  });

  test('KAF-OPS-014: KEDA does not watch the ScaledObject\'s namespace', () => {
    const f = fixture('apps');
    new KedaOperator(new Chart(f.app, 'keda'), 'keda', { delivery: flux(), watchNamespaces: ['other'] });
    new KedaConsumerScaler(f.apps, 'scaler', { target: f.consumer, cluster: f.cluster, consumerGroup: 'g', topicName: 't', listener: f.cluster.findListener('plain') });
    synthAppYaml(f.app);
    expect(warningsOf(f.apps).filter((x) => x.includes('KAF-OPS'))).toEqual([
      '[apps/scaler] KAF-OPS-014 ScaledObject "apps/consumer": the KedaOperator at keda/keda watches only "other", so KEDA ignores namespace "apps"; add "apps" to its watchNamespaces, or watch every namespace',
    ]);
  });

  test('copyToKedaNamespace() reads KEDA\'s namespace from the KedaOperator', () => {
    const f = fixture('apps');
    new KedaOperator(new Chart(f.app, 'keda'), 'keda', { delivery: flux(), namespace: 'autoscaling' });
    new KedaConsumerScaler(f.apps, 'scaler', {
      target: f.consumer,
      cluster: f.cluster,
      consumerGroup: 'g',
      topicName: 't',
      user: f.cluster.addUser('app'),
      crossNamespaceCredentials: CrossNamespaceCredentials.copyToKedaNamespace(),
    });
    const docs = synth(f.apps);
    expect(docOf(docs, 'CronJob').metadata.namespace).toBe('autoscaling');
    expect(docOf(docs, 'ClusterTriggerAuthentication').metadata.namespace).toBeUndefined();
  });

  test('KAF-OPS-015/016: kedaNamespace differs from the KedaOperator, or the KedaOperator came after the scaler', () => {
    const f = fixture('apps');
    new KedaOperator(new Chart(f.app, 'keda'), 'keda', { delivery: flux(), namespace: 'autoscaling' });
    new KedaConsumerScaler(f.apps, 'scaler', {
      target: f.consumer,
      cluster: f.cluster,
      consumerGroup: 'g',
      topicName: 't',
      user: f.cluster.addUser('app'),
      crossNamespaceCredentials: CrossNamespaceCredentials.copyToKedaNamespace({ kedaNamespace: 'keda' }),
    });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/scaler] KAF-OPS-015 crossNamespaceCredentials: kedaNamespace is "keda", but the app\'s KedaOperator (keda/keda) installs KEDA into "autoscaling"; leave kedaNamespace unset to use the KedaOperator\'s namespace, or set it to "autoscaling"',
    ]);
    const g = fixture('apps');
    new KedaConsumerScaler(g.apps, 'scaler', {
      target: g.consumer,
      cluster: g.cluster,
      consumerGroup: 'g',
      topicName: 't',
      user: g.cluster.addUser('app'),
      crossNamespaceCredentials: CrossNamespaceCredentials.copyToKedaNamespace(),
    });
    new KedaOperator(new Chart(g.app, 'keda'), 'keda', { delivery: flux(), namespace: 'autoscaling' });
    expect(validationErrors(g.apps)).toEqual([
      '[apps/scaler] KAF-OPS-016 crossNamespaceCredentials: the credentials were placed in "keda" because the KedaOperator (keda/keda, namespace "autoscaling") was created after this scaler; create the KedaOperator before the scaler, or set kedaNamespace: "autoscaling"',
    ]);
  });
});
