import * as crypto from 'crypto';
import * as YAML from 'yaml';
import { build } from '../../examples/gitops-argocd/main';
import { docOf, docsOf, synthExample } from '../util';

describe('examples/gitops-argocd', () => {
  const yaml = synthExample(build);
  const docs = YAML.parseAllDocuments(yaml).map((d) => d.toJS());

  test('documents', () => {
    expect(docs.map((d) => `${d.kind} ${d.metadata.namespace ?? ''}/${d.metadata.name}`)).toMatchSnapshot();
    void docOf; void docsOf;
  });

  test('snapshot (CRD bodies as hashes: they are the pinned files)', () => {
    const short = docs.map((d) => d.kind === 'CustomResourceDefinition'
      ? { kind: d.kind, name: d.metadata.name, sha256: crypto.createHash('sha256').update(JSON.stringify(d)).digest('hex') }
      : d);
    expect(YAML.stringify(short)).toMatchSnapshot();
  });
});
