import * as YAML from 'yaml';
import { build } from '../../examples/s5-monitoring/main';
import { docOf, docsOf, synthExample } from '../util';

describe('examples/s5-monitoring', () => {
  // GIVEN the S5 monitoring example, WHEN synthesized as `cdk8s synth` would
  const yaml = synthExample(build);
  const docs = YAML.parseAllDocuments(yaml).map((d) => d.toJS());

  test('3 controllers and 3 brokers; external NodePort 9092 without TLS (opted in) and plain 9093', () => {
    expect(docsOf(docs, 'KafkaNodePool').map((p) => [p.metadata.name, p.spec.roles, p.spec.replicas])).toEqual([
      ['controllers', ['controller'], 3],
      ['brokers', ['broker'], 3],
    ]);
    expect(docOf(docs, 'Kafka', 'my-cluster').spec.kafka.listeners).toEqual([
      { name: 'external', port: 9092, type: 'nodeport', tls: false },
      { name: 'plain', port: 9093, type: 'internal', tls: false },
    ]);
  });

  test('JMX exporter with the generated ConfigMap, password-protected JMX, and the Kafka Exporter', () => {
    const kafka = docOf(docs, 'Kafka', 'my-cluster').spec;
    expect(kafka.kafka.metricsConfig.valueFrom.configMapKeyRef).toEqual({ name: 'my-cluster-kafka-metrics', key: 'metrics-config.yml' });
    expect(Object.keys(docOf(docs, 'ConfigMap', 'my-cluster-kafka-metrics').data)).toEqual(['metrics-config.yml']);
    expect(kafka.kafka.jmxOptions).toEqual({ authentication: { type: 'password' } });
    expect(kafka.kafkaExporter).toEqual({ topicRegex: '.*', groupRegex: '.*' });
  });

  test('a Service exposes the Kafka Exporter on 9404', () => {
    const svc = docOf(docs, 'Service', 'my-cluster-kafka-exporter');
    expect(svc.spec.ports).toEqual([{ name: 'tcp-prometheus', port: 9404, targetPort: 9404 }]);
    expect(svc.spec.selector['strimzi.io/name']).toBe('my-cluster-kafka-exporter');
  });

  test('a NodePort Service per broker pod exposes JMX on 9999, as the seed did', () => {
    const svcs = docsOf(docs, 'Service').filter((s) => s.metadata.name.endsWith('-jmx'));
    expect(svcs.map((s) => [s.metadata.name, s.spec.type, s.spec.ports[0].port, s.spec.selector['strimzi.io/pod-name']])).toEqual([
      ['my-cluster-brokers-0-jmx', 'NodePort', 9999, 'my-cluster-brokers-0'],
      ['my-cluster-brokers-1-jmx', 'NodePort', 9999, 'my-cluster-brokers-1'],
      ['my-cluster-brokers-2-jmx', 'NodePort', 9999, 'my-cluster-brokers-2'],
    ]);
  });

  test('an in-cluster Prometheus with a 20Gi volume, probes, rules and a Service for Grafana; no Prometheus Operator objects', () => {
    const sts = docOf(docs, 'StatefulSet', 'kafka-prometheus');
    expect(sts.spec.volumeClaimTemplates[0].spec).toEqual({
      accessModes: ['ReadWriteOnce'], storageClassName: 'rocketmq-storage', resources: { requests: { storage: '20Gi' } },
    });
    const c = sts.spec.template.spec.containers[0];
    expect(c.livenessProbe.httpGet.path).toBe('/-/healthy');
    expect(c.readinessProbe.httpGet.path).toBe('/-/ready');
    expect(docOf(docs, 'Service', 'kafka-prometheus').spec.ports[0].port).toBe(9090);
    const cm = docOf(docs, 'ConfigMap', 'kafka-prometheus');
    const config = YAML.parse(cm.data['prometheus.yml']);
    expect(config.scrape_configs.map((j: any) => j.job_name)).toEqual([
      'my-cluster-kafka', 'my-cluster-entity-operator', 'my-cluster-kafka-exporter', 'my-cluster-cluster-operator', 'kubelet',
    ]);
    const rules = YAML.parse(cm.data['kafka-alerts.yml']).groups.flatMap((g: any) => g.rules.map((r: any) => r.alert));
    expect(rules).toEqual(expect.arrayContaining(['KafkaBrokerDown', 'KafkaControllerDown', 'KafkaConsumerGroupLagHigh', 'KafkaDiskUsageHigh']));
    expect(docsOf(docs, 'PrometheusRule')).toEqual([]);
    expect(docsOf(docs, 'PodMonitor')).toEqual([]);
  });

  test('snapshot', () => {
    expect(yaml).toMatchSnapshot();
  });
});
