import * as crypto from 'crypto';
import * as YAML from 'yaml';
import { build } from '../../examples/s1-complete/main';
import { docOf, docsOf, synthExample } from '../util';

describe('examples/s1-complete', () => {
  const yaml = synthExample(build);
  const docs = YAML.parseAllDocuments(yaml).map((d) => d.toJS());

  test('documents', () => {
    expect(docs.map((d) => `${d.kind} ${d.metadata.namespace ?? ''}/${d.metadata.name}`)).toMatchSnapshot();
  });

  test('operators as Flux HelmReleases into kafka and keda; myclient runs Strimzi\'s Kafka image; KEDA scales the consumer', () => {
    expect(docOf(docs, 'HelmRelease', 'strimzi-cluster-operator').spec.targetNamespace).toBe('kafka');
    expect(docOf(docs, 'HelmRelease', 'keda').spec.targetNamespace).toBe('keda');
    expect(docOf(docs, 'DaemonSet', 'myclient').spec.template.spec.containers[0].image).toBe('quay.io/strimzi/kafka:1.2.0-kafka-4.3.1');
    expect(docOf(docs, 'ScaledObject', 'consumer-service').spec.triggers[0].metadata.lagThreshold).toBe('1');
    expect(docsOf(docs, 'KafkaTopic').map((d) => d.metadata.name)).toEqual(['mytopic1', 'my-topic']);
  });

  test('snapshot (CRD bodies as hashes: they are the pinned files)', () => {
    const short = docs.map((d) => d.kind === 'CustomResourceDefinition'
      ? { kind: d.kind, name: d.metadata.name, sha256: crypto.createHash('sha256').update(JSON.stringify(d)).digest('hex') }
      : d);
    expect(YAML.stringify(short)).toMatchSnapshot();
  });
});
