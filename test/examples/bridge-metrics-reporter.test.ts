import * as YAML from 'yaml';
import { build } from '../../examples/bridge-metrics-reporter/main';
import { docOf, synthExample } from '../util';

describe('examples/bridge-metrics-reporter', () => {
  const yaml = synthExample(build);
  const docs = YAML.parseAllDocuments(yaml).map((d) => d.toJS());

  test('snapshot', () => {
    expect(yaml).toMatchSnapshot();
  });

  test('Metrics Reporter on the bridge, a PodMonitor on rest-api-mgmt, alerts and a dashboard', () => {
    expect(docOf(docs, 'KafkaBridge', 'events').spec.metricsConfig.type).toBe('strimziMetricsReporter');
    expect(docOf(docs, 'PodMonitor', 'events-kafka-bridge').spec.podMetricsEndpoints[0].port).toBe('rest-api-mgmt');
    expect(docOf(docs, 'PrometheusRule', 'kafka-bridge-alerts').spec.groups[0].rules.map((r: any) => r.alert)).toContain('KafkaBridgeConsumerFetchLatencyHigh');
    expect(docOf(docs, 'ConfigMap', 'kafka-bridge-dashboard').metadata.labels).toEqual({ grafana_dashboard: '1' });
  });
});
