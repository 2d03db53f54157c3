import { ApiObject } from 'cdk8s';
import { KafkaCluster, Listener, NodeRole, PrometheusMonitoring } from '../../src';
import { newChart, synth, validationErrors } from '../util';

function cluster(chart: any, name: string, poolName?: string) {
  const c = new KafkaCluster(chart, name, { namespace: 'kafka', listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
  c.addNodePool(`${name}-brokers`, { name: poolName ?? `${name}-brokers`, roles: [NodeRole.BROKER], replicas: 3 });
  c.addNodePool(`${name}-controllers`, { name: `${name}-controllers`, roles: [NodeRole.CONTROLLER], replicas: 3 });
  return c;
}

describe('KAF-APP-001: no two documents of the same kind, namespace and name', () => {
  test('two clusters in one namespace with a node pool named "brokers" each', () => {
    const chart = newChart();
    cluster(chart, 'a', 'brokers');
    cluster(chart, 'b', 'brokers');
    expect(validationErrors(chart)).toEqual([
      '[test/b/b-brokers] KAF-APP-001 KafkaNodePool "brokers" in namespace "kafka": is rendered twice, by test/a/a-brokers/Resource and by test/b/b-brokers/Resource; applying both keeps only one (the later silently replaces the other); node pool names are unique per namespace, not per cluster: name the pools of each cluster apart, e.g. addNodePool(\'brokers\', { name: \'<cluster>-brokers\', ... }), or put the clusters in different namespaces',
    ]);
  });

  test('pools named apart, or the same pool name in different namespaces, are fine', () => {
    const chart = newChart();
    cluster(chart, 'a');
    cluster(chart, 'b');
    const c = new KafkaCluster(chart, 'c', { namespace: 'other', listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
    c.addNodePool('a-brokers', { roles: [NodeRole.BROKER], replicas: 3 });
    c.addNodePool('a-controllers', { roles: [NodeRole.CONTROLLER], replicas: 3 });
    expect(() => synth(chart)).not.toThrow();
  });

  test('two monitoring constructs for one cluster render the same ConfigMap, Services and PodMonitors', () => {
    const chart = newChart();
    const c = cluster(chart, 'a');
    new PrometheusMonitoring(chart, 'm1', { cluster: c });
    new PrometheusMonitoring(chart, 'm2', { cluster: c });
    const errors = validationErrors(chart).filter((e) => e.includes('KAF-APP-001'));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^\[test\/m2\/[^\]]+\] KAF-APP-001 \w+ "[^"]+" in namespace "kafka": is rendered twice, by test\/m1\/.* and by test\/m2\/.*; create one monitoring construct per cluster and namespace, or give the second object another name$/);
  });

  test('a plain ApiObject of the user that clashes with a library document is reported too', () => {
    const chart = newChart();
    cluster(chart, 'a');
    new ApiObject(chart, 'mine', { apiVersion: 'kafka.strimzi.io/v1', kind: 'KafkaNodePool', metadata: { name: 'a-brokers', namespace: 'kafka' } });
    expect(validationErrors(chart)).toEqual([
      '[] KAF-APP-001 KafkaNodePool "a-brokers" in namespace "kafka": is rendered twice, by test/a/a-brokers/Resource and by test/mine; applying both keeps only one (the later silently replaces the other); node pool names are unique per namespace, not per cluster: name the pools of each cluster apart, e.g. addNodePool(\'brokers\', { name: \'<cluster>-brokers\', ... }), or put the clusters in different namespaces',
    ]);
  });
});
