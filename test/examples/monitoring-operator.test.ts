import * as YAML from 'yaml';
import { build } from '../../examples/monitoring-operator/main';
import { docOf, docsOf, synthExample } from '../util';

describe('examples/monitoring-operator', () => {
  // GIVEN the Prometheus Operator example, WHEN synthesized as `cdk8s synth` would
  const yaml = synthExample(build);
  const docs = YAML.parseAllDocuments(yaml).map((d) => d.toJS());

  test('PodMonitors in the monitoring namespace for nodes, entity operator, exporter and cluster operator', () => {
    const pms = docsOf(docs, 'PodMonitor');
    expect(pms.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual([
      'monitoring/events-kafka', 'monitoring/events-entity-operator', 'monitoring/events-kafka-exporter', 'monitoring/events-strimzi-cluster-operator',
    ]);
    for (const pm of pms) {
      expect(pm.metadata.labels).toEqual({ release: 'kube-prometheus-stack' });
    }
    expect(docOf(docs, 'PodMonitor', 'events-kafka').spec.namespaceSelector).toEqual({ matchNames: ['kafka'] });
    expect(docOf(docs, 'PodMonitor', 'events-strimzi-cluster-operator').spec.namespaceSelector).toEqual({ matchNames: ['strimzi'] });
  });

  test('alerts cover both broker pools and the controller pool, with the configured thresholds', () => {
    const rule = docOf(docs, 'PrometheusRule', 'events-kafka-alerts');
    const rules = rule.spec.groups.flatMap((g: any) => g.rules);
    const down = rules.filter((r: any) => /Down$/.test(r.alert)).map((r: any) => [r.alert, r.labels.strimzi_io_pool_name]);
    expect(down).toEqual([['KafkaControllerDown', 'controllers'], ['KafkaBrokerDown', 'brokers-a'], ['KafkaBrokerDown', 'brokers-b']]);
    expect(rules.find((r: any) => r.alert === 'KafkaDiskUsageHigh').expr).toMatch(/-events-\(controllers\|brokers-a\|brokers-b\)-\[0-9\]\+"\}\) > 80$/);
    const lag = rules.filter((r: any) => r.alert === 'KafkaConsumerGroupLagHigh').map((r: any) => r.expr.split(' > ')[1]);
    expect(lag).toEqual(['10000', '100']);
    expect(rules.find((r: any) => r.alert === 'KafkaCertificateExpiring').expr).toMatch(/< 1814400$/);
  });

  test('dashboards for the Grafana sidecar in the monitoring namespace', () => {
    const cms = docsOf(docs, 'ConfigMap').filter((c) => c.metadata.labels?.grafana_dashboard === '1');
    expect(cms.map((c) => `${c.metadata.namespace}/${c.metadata.name}`)).toEqual(['monitoring/events-kafka-dashboard', 'monitoring/events-kafka-exporter-dashboard']);
    const dashboard = JSON.parse(cms[0].data['events-kafka.json']);
    expect(dashboard.panels.length).toBeGreaterThan(20);
  });

  test('snapshot', () => {
    expect(yaml).toMatchSnapshot();
  });
});
