import * as crypto from 'crypto';
import * as YAML from 'yaml';
import { build } from '../../examples/s4-two-commands/main';
import { docOf, docsOf, synthExample } from '../util';

describe('examples/s4-two-commands', () => {
  const yaml = synthExample(build);
  const docs = YAML.parseAllDocuments(yaml).map((d) => d.toJS());

  test('documents', () => {
    expect(docs.map((d) => `${d.kind} ${d.metadata.namespace ?? ''}/${d.metadata.name}`)).toMatchSnapshot();
  });

  test('the first file is the operator (Namespace, CRDs, RBAC, Deployment), the second the cluster in the watched namespace', () => {
    const kinds = docs.map((d) => d.kind);
    expect(kinds[0]).toBe('Namespace');
    expect(kinds.lastIndexOf('CustomResourceDefinition')).toBeLessThan(kinds.indexOf('Kafka'));
    expect(docsOf(docs, 'CustomResourceDefinition')).toHaveLength(10);
    expect(docOf(docs, 'Deployment', 'strimzi-cluster-operator').metadata.namespace).toBe('kafka');
    expect(docOf(docs, 'KafkaUser', 'my-user').metadata.namespace).toBe('kafka');
  });

  test('snapshot (CRD bodies as hashes: they are the pinned files)', () => {
    const short = docs.map((d) => d.kind === 'CustomResourceDefinition'
      ? { kind: d.kind, name: d.metadata.name, sha256: crypto.createHash('sha256').update(JSON.stringify(d)).digest('hex') }
      : d);
    expect(YAML.stringify(short)).toMatchSnapshot();
  });
});
