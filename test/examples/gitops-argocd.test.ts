import * as crypto from 'crypto';
import * as YAML from 'yaml';
import { build } from '../../examples/gitops-argocd/main';
import { docOf, docsOf, synthExample } from '../util';

describe('examples/gitops-argocd', () => {
  const yaml = synthExample(build);
  const docs = YAML.parseAllDocuments(yaml).map((d) => d.toJS());

  test('documents', () => {
    expect(docs.map((d) => `${d.kind} ${d.metadata.namespace ?? ''}/${d.metadata.name}`)).toMatchSnapshot();
  });

  test('waves: operator Applications, then the cluster, then topics and users, then the client', () => {
    const wave = (kind: string, name?: string) => docOf(docs, kind, name).metadata.annotations['argocd.argoproj.io/sync-wave'];
    expect([wave('Application', 'strimzi-cluster-operator'), wave('Kafka'), wave('KafkaTopic'), wave('KafkaUser'), wave('Deployment')]).toEqual(['-1', '0', '1', '1', '2']);
    expect(docsOf(docs, 'Application').every((d) => d.metadata.annotations['argocd.argoproj.io/sync-options'] === undefined)).toBe(true);
    expect(docOf(docs, 'KafkaTopic').metadata.annotations['argocd.argoproj.io/sync-options']).toBe('SkipDryRunOnMissingResource=true');
  });

  test('snapshot (CRD bodies as hashes: they are the pinned files)', () => {
    const short = docs.map((d) => d.kind === 'CustomResourceDefinition'
      ? { kind: d.kind, name: d.metadata.name, sha256: crypto.createHash('sha256').update(JSON.stringify(d)).digest('hex') }
      : d);
    expect(YAML.stringify(short)).toMatchSnapshot();
  });
});
