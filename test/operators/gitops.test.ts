import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { GitOps, KafkaCluster, KedaOperator, Listener, NodeRole, OperatorDelivery, StrimziOperator, SyncWave } from '../../src';
import { docOf, synth } from '../util';

function app(ordered: 'argo' | 'flux' | undefined) {
  const a = Testing.app();
  const chart = new Chart(a, 'all', { namespace: 'kafka' });
  // construction order deliberately mixed: the ordering is added first, resources later
  if (ordered === 'argo') GitOps.argoCd(chart);
  if (ordered === 'flux') GitOps.flux(chart);
  const cluster = new KafkaCluster(chart, 'my-cluster', { listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
  cluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
  cluster.addTopic('orders');
  new kplus.Deployment(chart, 'app', { metadata: { name: 'app' }, containers: [{ image: 'example/app:1' }] });
  new StrimziOperator(chart, 'strimzi');
  return { a, chart, cluster };
}

const wave = (d: any) => d.metadata.annotations?.['argocd.argoproj.io/sync-wave'];

describe('GitOps.argoCd()', () => {
  test('sync waves: CRDs, operator, clusters, topics, workloads; SkipDryRunOnMissingResource on custom resources only', () => {
    const docs = synth(app('argo').chart);
    expect(wave(docs.find((d) => d.kind === 'CustomResourceDefinition'))).toBe(SyncWave.CRDS);
    expect(wave(docOf(docs, 'Deployment', 'strimzi-cluster-operator'))).toBe('-1');
    expect(wave(docOf(docs, 'ClusterRole', 'strimzi-kafka-broker'))).toBe('-1');
    expect(wave(docOf(docs, 'Kafka'))).toBe('0');
    expect(wave(docOf(docs, 'KafkaNodePool'))).toBe('0');
    expect(wave(docOf(docs, 'KafkaTopic'))).toBe('1');
    expect(wave(docs.find((d) => d.kind === 'Deployment' && d.metadata.name !== 'strimzi-cluster-operator'))).toBe('2');
    expect(docOf(docs, 'Kafka').metadata.annotations['argocd.argoproj.io/sync-options']).toBe('SkipDryRunOnMissingResource=true');
    expect(docOf(docs, 'KafkaTopic').metadata.annotations['argocd.argoproj.io/sync-options']).toBe('SkipDryRunOnMissingResource=true');
    expect(docOf(docs, 'Deployment', 'strimzi-cluster-operator').metadata.annotations?.['argocd.argoproj.io/sync-options']).toBeUndefined();
    expect(docs.find((d) => d.kind === 'CustomResourceDefinition').metadata.annotations['argocd.argoproj.io/sync-options']).toBeUndefined();
  });

  test('a wave set by the user is kept, existing sync options are extended; a second synth adds nothing twice', () => {
    const { chart, cluster } = app('argo');
    ApiObject.of(cluster).metadata.addAnnotation('argocd.argoproj.io/sync-wave', '5');
    ApiObject.of(cluster).metadata.addAnnotation('argocd.argoproj.io/sync-options', 'Prune=false');
    synth(chart);
    const kafka = docOf(synth(chart), 'Kafka');
    expect(kafka.metadata.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '5', 'argocd.argoproj.io/sync-options': 'Prune=false,SkipDryRunOnMissingResource=true' });
  });

  test('without it the output is unchanged (no annotations)', () => {
    const docs = synth(app(undefined).chart);
    expect(docs.filter((d) => d.metadata.annotations?.['argocd.argoproj.io/sync-wave'] !== undefined)).toEqual([]);
  });
});

describe('GitOps.flux()', () => {
  test('other HelmReleases wait for the operators\' releases; idempotent', () => {
    const a = Testing.app();
    const ops = new Chart(a, 'ops');
    new StrimziOperator(ops, 'strimzi', { delivery: OperatorDelivery.flux() });
    new KedaOperator(ops, 'keda', { delivery: OperatorDelivery.flux() });
    const apps = new Chart(a, 'apps', { namespace: 'flux-system' });
    GitOps.flux(apps);
    new ApiObject(apps, 'release', {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'orders' },
      spec: { interval: '5m', chartRef: { kind: 'OCIRepository', name: 'orders' } },
    } as any);
    synth(apps);
    const r = docOf(synth(apps), 'HelmRelease', 'orders');
    expect(r.spec.dependsOn).toEqual([{ name: 'strimzi-cluster-operator' }, { name: 'keda' }]);
    expect(docOf(synth(ops), 'HelmRelease', 'keda').spec.dependsOn).toBeUndefined();
  });
});
