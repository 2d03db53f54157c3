import { ApiObject } from 'cdk8s';
import {
  KafkaCluster, KafkaNodePool, KafkaVersion, Listener, NodeRole, StrimziResource, StrimziTarget, Warnings,
} from '../../src';
import { capabilitiesOf } from '../../src/strimzi/private/capabilities';
import { kafkaRenderer, nodePoolRenderer } from '../../src/strimzi/render';
import { docOf, newChart, synth, warningsOf } from '../util';

function cluster(chart = newChart('kafka')) {
  const c = new KafkaCluster(chart, 'Cluster', { name: 'my-cluster', listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
  const pool = c.addNodePool('Dual', { name: 'dual', roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3, nodeIds: [0, 1, 2] });
  return { chart, c, pool };
}

describe('model and renderers', () => {
  test('KafkaCluster and KafkaNodePool sit on StrimziResource and carry isX markers', () => {
    const { c, pool } = cluster();
    expect(c).toBeInstanceOf(StrimziResource);
    expect(pool).toBeInstanceOf(StrimziResource);
    expect(KafkaCluster.isKafkaCluster(c)).toBe(true);
    expect(KafkaCluster.isKafkaCluster(pool)).toBe(false);
    expect(KafkaNodePool.isKafkaNodePool(pool)).toBe(true);
    expect(KafkaNodePool.isKafkaNodePool({})).toBe(false);
    expect(ApiObject.of(c)).toBe(c.resource);
    expect(c.resourceName).toBe('my-cluster');
  });

  test('the model holds what was asked for; the v1 renderer writes the spec from it', () => {
    const { chart, c, pool } = cluster();
    const model = c._model();
    expect(model.version).toBe(KafkaVersion.LATEST.version);
    expect(model.listeners.map((l) => [l.name, l.type, l.tls])).toEqual([['tls', 'internal', true]]);
    expect(model.monitoring).toEqual({});
    expect(kafkaRenderer(c.target).render(model).kafka?.listeners?.[0]).toEqual({
      name: 'tls', port: 9093, type: 'internal', tls: true, authentication: { type: 'scram-sha-512' }, configuration: undefined, networkPolicyPeers: undefined,
    });
    expect(nodePoolRenderer(pool.target).render(pool._model()).replicas).toBe(3);
    const docs = synth(chart);
    expect(Object.keys(docOf(docs, 'Kafka'))).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    // The schema's field order, as the generated classes wrote it (kafka before entityOperator).
    expect(Object.keys(docOf(docs, 'Kafka').spec)).toEqual(['kafka', 'entityOperator']);
    expect(docOf(docs, 'KafkaNodePool').metadata.labels).toEqual({ 'strimzi.io/cluster': 'my-cluster' });
    expect(docOf(docs, 'KafkaNodePool').metadata.annotations).toEqual({ 'strimzi.io/next-node-ids': '[0-2]' });
  });

  test('the node pool inherits the cluster target', () => {
    const { c, pool } = cluster();
    expect(pool.target).toBe(c.target);
    expect(c.target).toBe(StrimziTarget.LATEST);
  });

  test('Kafka versions are supported as the target says', () => {
    expect(KafkaVersion.V4_3_1.supportedBy(StrimziTarget.V1_2_0)).toBe(true);
    expect(KafkaVersion.of('4.4.0').supportedBy(StrimziTarget.V1_2_0)).toBe(false);
    expect(KafkaVersion.of('4.4.0').supported).toBe(false);
    expect(KafkaVersion.supportedVersionsOf(StrimziTarget.V1_2_0).map((v) => v.version)).toEqual(StrimziTarget.V1_2_0.kafkaVersions);
    expect(KafkaVersion.of('4.2.0')).toBe(KafkaVersion.V4_2_0);
    expect(StrimziTarget.V1_2_0.oldestMetadataVersion).toBe('3.3-IV3');
  });

  test('capability tables are keyed by target', () => {
    const caps = capabilitiesOf(StrimziTarget.V1_2_0);
    expect(caps.listenerTypes).toEqual(['internal', 'cluster-ip', 'nodeport', 'loadbalancer', 'ingress', 'route', 'tlsroute']);
    expect(caps.listenerOptionTypes.parentRefs).toEqual(['tlsroute']);
    expect(caps.brokerConfigForbiddenPrefixes).toContain('listeners');
    expect(caps.cruiseControlAllowedConfig).toContain('ssl.protocol');
  });

  test('the watched-namespace warning is raised at validation, not at construction', () => {
    const chart = newChart('kafka');
    const c = new KafkaCluster(chart, 'Cluster', {
      name: 'my-cluster',
      listeners: [Listener.internal({ name: 'tls', port: 9093 })],
      entityOperator: { topicOperatorOptions: { watchedNamespace: 'topics' } },
    });
    expect(c.clusterName).toBe('my-cluster');
    expect(Warnings.collect(chart)).toEqual([]);
    expect(warningsOf(chart).join('\n')).toContain('the Topic Operator watches namespace "topics"');
  });
});
