import { Duration } from 'cdk8s';
import { newCluster } from './fixtures';
import { AlertCase, checkRules, testRules } from './promtool';
import { AlertSeverity, KafkaAlerts, KafkaMetrics, MetricsConfig } from '../../src';
import { docOf, newChart, synth, validationErrors } from '../util';

// The fixture cluster: "my-cluster" in "kafka", pools "brokers-a" (3 brokers) and "ctrl" (3 controllers):
// no pool is named "kafka", so the expressions are proven to work for any pool name.
const NS = 'namespace="kafka",strimzi_io_cluster="my-cluster"';
const node = (pool: string, id: number) =>
  `${NS},strimzi_io_name="my-cluster-kafka",strimzi_io_pool_name="${pool}",kubernetes_pod_name="my-cluster-${pool}-${id}",strimzi_io_kind="Kafka"`;
const exporter = `${NS},strimzi_io_name="my-cluster-kafka-exporter",kubernetes_pod_name="my-cluster-kafka-exporter-7d9f8c6b5-abcde"`;
const CLUSTER = { namespace: 'kafka', strimzi_io_cluster: 'my-cluster' };
const pod = (pool: string, id: number) => ({ ...CLUSTER, kubernetes_pod_name: `my-cluster-${pool}-${id}` });
const flat = (v: number) => `${v}+0x30`;

function alertGroups(props: Partial<ConstructorParameters<typeof KafkaAlerts>[2]> = {}, metricsType = MetricsConfig.jmxPrometheusExporter()) {
  const chart = newChart();
  const cluster = newCluster(chart);
  const metrics = new KafkaMetrics(chart, 'Metrics', { cluster, metrics: metricsType, kafkaExporter: {} });
  new KafkaAlerts(chart, 'Alerts', { metrics, labels: { role: 'alert-rules' }, ...props });
  const rule = docOf(synth(chart), 'PrometheusRule');
  return { rule, groups: rule.spec.groups };
}

/** For each alert: one case in which it fires and one in which it stays quiet. */
const CASES: { [alert: string]: { fires: AlertCase; quiet: AlertCase } } = {
  KafkaUnderReplicatedPartitions: {
    fires: {
      alertname: 'KafkaUnderReplicatedPartitions',
      series: {
        [`kafka_server_replicamanager_underreplicatedpartitions{${node('brokers-a', 0)}}`]: flat(2),
        [`kafka_server_replicamanager_underreplicatedpartitions{${node('brokers-a', 1)}}`]: flat(0),
      },
      expected: [{ labels: { severity: 'warning', ...pod('brokers-a', 0) }, value: 2 }],
    },
    quiet: {
      alertname: 'KafkaUnderReplicatedPartitions',
      series: {
        [`kafka_server_replicamanager_underreplicatedpartitions{${node('brokers-a', 0)}}`]: flat(0),
        // a condition shorter than the 5m "for" stays quiet
        [`kafka_server_replicamanager_underreplicatedpartitions{${node('brokers-a', 1)}}`]: '0+0x17 3 3 0+0x10',
      },
      expected: [],
    },
  },
  KafkaUnderMinIsrPartitions: {
    fires: {
      alertname: 'KafkaUnderMinIsrPartitions',
      series: { [`kafka_server_replicamanager_underminisrpartitioncount{${node('brokers-a', 2)}}`]: flat(1) },
      expected: [{ labels: { severity: 'critical', ...pod('brokers-a', 2) }, value: 1 }],
    },
    quiet: {
      alertname: 'KafkaUnderMinIsrPartitions',
      series: { [`kafka_server_replicamanager_underminisrpartitioncount{${node('brokers-a', 2)}}`]: flat(0) },
      expected: [],
    },
  },
  KafkaOfflinePartitions: {
    fires: {
      alertname: 'KafkaOfflinePartitions',
      series: {
        [`kafka_controller_kafkacontroller_offlinepartitionscount{${node('ctrl', 3)}}`]: flat(4),
        [`kafka_controller_kafkacontroller_offlinepartitionscount{${node('ctrl', 4)}}`]: flat(0),
      },
      expected: [{ labels: { severity: 'critical', ...CLUSTER }, value: 4 }],
    },
    quiet: {
      alertname: 'KafkaOfflinePartitions',
      series: { [`kafka_controller_kafkacontroller_offlinepartitionscount{${node('ctrl', 3)}}`]: flat(0) },
      expected: [],
    },
  },
  KafkaNoActiveController: {
    fires: {
      alertname: 'KafkaNoActiveController',
      series: {
        [`kafka_controller_kafkacontroller_activecontrollercount{${node('ctrl', 3)}}`]: flat(0),
        [`kafka_controller_kafkacontroller_activecontrollercount{${node('ctrl', 4)}}`]: flat(0),
        // another cluster's active controller does not count
        ['kafka_controller_kafkacontroller_activecontrollercount{namespace="kafka",strimzi_io_cluster="other",strimzi_io_name="other-kafka"}']: flat(1),
      },
      expected: [{ labels: { severity: 'critical', ...CLUSTER } }],
    },
    quiet: {
      alertname: 'KafkaNoActiveController',
      series: {
        [`kafka_controller_kafkacontroller_activecontrollercount{${node('ctrl', 3)}}`]: flat(1),
        [`kafka_controller_kafkacontroller_activecontrollercount{${node('ctrl', 4)}}`]: flat(0),
      },
      expected: [],
    },
  },
  KafkaMultipleActiveControllers: {
    fires: {
      alertname: 'KafkaMultipleActiveControllers',
      series: {
        [`kafka_controller_kafkacontroller_activecontrollercount{${node('ctrl', 3)}}`]: flat(1),
        [`kafka_controller_kafkacontroller_activecontrollercount{${node('ctrl', 5)}}`]: flat(1),
      },
      expected: [{ labels: { severity: 'critical', ...CLUSTER }, value: 2 }],
    },
    quiet: {
      alertname: 'KafkaMultipleActiveControllers',
      series: {
        [`kafka_controller_kafkacontroller_activecontrollercount{${node('ctrl', 3)}}`]: flat(1),
        [`kafka_controller_kafkacontroller_activecontrollercount{${node('ctrl', 5)}}`]: flat(0),
      },
      expected: [],
    },
  },
  KafkaBrokerDown: {
    fires: {
      alertname: 'KafkaBrokerDown',
      series: {
        [`up{${node('brokers-a', 0)}}`]: flat(1),
        [`up{${node('brokers-a', 1)}}`]: flat(1),
        [`up{${node('brokers-a', 2)}}`]: flat(0),
        [`up{${node('ctrl', 3)}}`]: flat(1),
        [`up{${node('ctrl', 4)}}`]: flat(1),
        [`up{${node('ctrl', 5)}}`]: flat(1),
      },
      expected: [{ labels: { severity: 'critical', ...CLUSTER, strimzi_io_pool_name: 'brokers-a' }, value: 2 }],
    },
    quiet: {
      alertname: 'KafkaBrokerDown',
      series: {
        [`up{${node('brokers-a', 0)}}`]: flat(1),
        [`up{${node('brokers-a', 1)}}`]: flat(1),
        [`up{${node('brokers-a', 2)}}`]: flat(1),
      },
      expected: [],
    },
  },
  KafkaControllerDown: {
    fires: {
      // the controller pool is not scraped at all (pods gone): the alert still fires
      alertname: 'KafkaControllerDown',
      series: { [`up{${node('brokers-a', 0)}}`]: flat(1) },
      expected: [{ labels: { severity: 'critical', ...CLUSTER, strimzi_io_pool_name: 'ctrl' }, value: 0 }],
    },
    quiet: {
      alertname: 'KafkaControllerDown',
      series: {
        [`up{${node('ctrl', 3)}}`]: flat(1),
        [`up{${node('ctrl', 4)}}`]: flat(1),
        [`up{${node('ctrl', 5)}}`]: flat(1),
      },
      expected: [],
    },
  },
  KafkaDiskUsageHigh: {
    fires: {
      alertname: 'KafkaDiskUsageHigh',
      series: {
        'kubelet_volume_stats_capacity_bytes{namespace="kafka",persistentvolumeclaim="data-0-my-cluster-brokers-a-1",node="n1"}': flat(1000),
        'kubelet_volume_stats_available_bytes{namespace="kafka",persistentvolumeclaim="data-0-my-cluster-brokers-a-1",node="n1"}': flat(100),
      },
      expected: [{ labels: { severity: 'warning', namespace: 'kafka', persistentvolumeclaim: 'data-0-my-cluster-brokers-a-1' }, value: 90 }],
    },
    quiet: {
      alertname: 'KafkaDiskUsageHigh',
      series: {
        'kubelet_volume_stats_capacity_bytes{namespace="kafka",persistentvolumeclaim="data-my-cluster-ctrl-3"}': flat(1000),
        'kubelet_volume_stats_available_bytes{namespace="kafka",persistentvolumeclaim="data-my-cluster-ctrl-3"}': flat(500),
        // a full volume of another cluster is not ours
        'kubelet_volume_stats_capacity_bytes{namespace="kafka",persistentvolumeclaim="data-other-brokers-a-0"}': flat(1000),
        'kubelet_volume_stats_available_bytes{namespace="kafka",persistentvolumeclaim="data-other-brokers-a-0"}': flat(1),
      },
      expected: [],
    },
  },
  KafkaRequestHandlerIdleLow: {
    fires: {
      alertname: 'KafkaRequestHandlerIdleLow',
      series: { [`kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent{${node('brokers-a', 1)}}`]: flat(0.1) },
      expected: [{ labels: { severity: 'warning', ...pod('brokers-a', 1) }, value: 0.1 }],
    },
    quiet: {
      alertname: 'KafkaRequestHandlerIdleLow',
      series: { [`kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent{${node('brokers-a', 1)}}`]: flat(0.8) },
      expected: [],
    },
  },
  KafkaNetworkProcessorIdleLow: {
    fires: {
      alertname: 'KafkaNetworkProcessorIdleLow',
      series: { [`kafka_network_socketserver_networkprocessoravgidle_percent{${node('brokers-a', 0)}}`]: flat(0.2) },
      expected: [{ labels: { severity: 'warning', ...pod('brokers-a', 0) }, value: 0.2 }],
    },
    quiet: {
      alertname: 'KafkaNetworkProcessorIdleLow',
      series: { [`kafka_network_socketserver_networkprocessoravgidle_percent{${node('brokers-a', 0)}}`]: flat(0.9) },
      expected: [],
    },
  },
  KafkaConsumerGroupLagHigh: {
    fires: {
      alertname: 'KafkaConsumerGroupLagHigh',
      series: {
        [`kafka_consumergroup_lag_sum{${exporter},consumergroup="orders-app",topic="orders"}`]: flat(5000),
        // payments has its own, lower threshold (10)
        [`kafka_consumergroup_lag_sum{${exporter},consumergroup="payments",topic="payments"}`]: flat(50),
      },
      expected: [
        { labels: { severity: 'warning', ...CLUSTER, consumergroup: 'orders-app', topic: 'orders' }, value: 5000 },
        { labels: { severity: 'warning', ...CLUSTER, consumergroup: 'payments', topic: 'payments' }, value: 50 },
      ],
    },
    quiet: {
      alertname: 'KafkaConsumerGroupLagHigh',
      series: {
        [`kafka_consumergroup_lag_sum{${exporter},consumergroup="orders-app",topic="orders"}`]: flat(500),
        [`kafka_consumergroup_lag_sum{${exporter},consumergroup="payments",topic="payments"}`]: flat(5),
      },
      expected: [],
    },
  },
  KafkaCertificateExpiring: {
    fires: {
      alertname: 'KafkaCertificateExpiring',
      series: {
        // expiry 10 days after the epoch the test runs at
        'strimzi_certificate_expiration_timestamp_ms{kind="Kafka",namespace="strimzi",cluster="my-cluster",type="cluster-ca",resource_namespace="kafka"}': flat(864000000),
        'strimzi_certificate_expiration_timestamp_ms{kind="Kafka",namespace="strimzi",cluster="my-cluster",type="client-ca",resource_namespace="kafka"}': flat(31536000000),
      },
      expected: [{ labels: { severity: 'warning', cluster: 'my-cluster', type: 'cluster-ca', resource_namespace: 'kafka' } }],
    },
    quiet: {
      alertname: 'KafkaCertificateExpiring',
      series: {
        'strimzi_certificate_expiration_timestamp_ms{kind="Kafka",namespace="strimzi",cluster="my-cluster",type="cluster-ca",resource_namespace="kafka"}': flat(5184000000),
        // another cluster's expiring CA is not ours
        'strimzi_certificate_expiration_timestamp_ms{kind="Kafka",namespace="strimzi",cluster="other",type="cluster-ca",resource_namespace="kafka"}': flat(1000),
      },
      expected: [],
    },
  },
};

describe('KafkaAlerts', () => {
  test('the PrometheusRule passes promtool check rules, under both metrics routes', () => {
    const jmx = alertGroups({ consumerGroupLag: { groupThresholds: { payments: 10 } } });
    expect(checkRules(jmx.groups)).toMatch(/SUCCESS/);
    const reporter = alertGroups({}, MetricsConfig.strimziMetricsReporter());
    expect(checkRules(reporter.groups)).toMatch(/SUCCESS/);
  });

  test('every alert is covered by a firing and a quiet promtool unit test', () => {
    // GIVEN the default alerts with a per-group lag threshold
    const { rule, groups } = alertGroups({ consumerGroupLag: { groupThresholds: { payments: 10 } } });
    expect(rule.metadata).toEqual({ name: 'my-cluster-kafka-alerts', namespace: 'kafka', labels: { role: 'alert-rules' } });
    const alerts = [...new Set(groups.flatMap((g: any) => g.rules.map((r: any) => r.alert)))].sort();
    expect(alerts).toEqual(Object.keys(CASES).sort());
    // WHEN promtool evaluates the cases THEN every expectation holds
    const cases = Object.values(CASES).flatMap((c) => [c.fires, c.quiet]);
    expect(testRules(groups, cases)).toMatch(/SUCCESS/);
  });

  test('the Metrics Reporter route alerts on the request-handler idle counter rate', () => {
    const { groups } = alertGroups({}, MetricsConfig.strimziMetricsReporter());
    const rh = groups.flatMap((g: any) => g.rules).find((r: any) => r.alert === 'KafkaRequestHandlerIdleLow');
    expect(rh.expr).toContain('rate(kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent_total{');
    const base = `kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent_total{${node('brokers-a', 0)}}`;
    expect(testRules(groups, [
      // idle 10% of the time: 0.1e9 idle nanoseconds per second
      { alertname: 'KafkaRequestHandlerIdleLow', series: { [base]: '0+6000000000x30' }, expected: [{ labels: { severity: 'warning', ...pod('brokers-a', 0) }, value: 0.1 }] },
      { alertname: 'KafkaRequestHandlerIdleLow', series: { [base]: '0+48000000000x30' }, expected: [] },
    ])).toMatch(/SUCCESS/);
  });

  test('thresholds, for durations and severities are configurable; alerts can be turned off', () => {
    const { groups } = alertGroups({
      diskUsage: { threshold: 70, pendingFor: Duration.minutes(15), severity: AlertSeverity.CRITICAL },
      underReplicatedPartitions: { enabled: false },
      certificateExpiry: { within: Duration.days(14), severity: AlertSeverity.of('page') },
      requestHandlerIdle: { threshold: 0.2, pendingFor: Duration.seconds(90) },
    });
    const rules = groups.flatMap((g: any) => g.rules);
    expect(rules.find((r: any) => r.alert === 'KafkaUnderReplicatedPartitions')).toBeUndefined();
    const disk = rules.find((r: any) => r.alert === 'KafkaDiskUsageHigh');
    expect(disk.for).toBe('15m');
    expect(disk.labels).toEqual({ severity: 'critical' });
    expect(disk.expr).toMatch(/ > 70$/);
    expect(disk.expr).toContain('persistentvolumeclaim=~"data(-[0-9]+)?-my-cluster-(brokers-a|ctrl)-[0-9]+"');
    const cert = rules.find((r: any) => r.alert === 'KafkaCertificateExpiring');
    expect(cert.expr).toMatch(/ < 1209600$/);
    expect(cert.labels.severity).toBe('page');
    expect(cert.annotations.description).toContain('less than 14 days');
    const rh = rules.find((r: any) => r.alert === 'KafkaRequestHandlerIdleLow');
    expect(rh.for).toBe('90s');
    expect(rh.expr).toMatch(/ < 0.2$/);
    for (const r of rules) {
      expect(Object.keys(r.annotations).sort()).toEqual(['description', 'summary']);
      expect(r.labels.severity).toBeDefined();
    }
  });

  test('without the Kafka Exporter there is no lag alert', () => {
    const chart = newChart();
    const metrics = new KafkaMetrics(chart, 'Metrics', { cluster: newCluster(chart) });
    new KafkaAlerts(chart, 'Alerts', { metrics });
    const rules = docOf(synth(chart), 'PrometheusRule').spec.groups.flatMap((g: any) => g.rules);
    expect(rules.map((r: any) => r.alert)).not.toContain('KafkaConsumerGroupLagHigh');
  });

  test('NEGATIVE: thresholds out of range fail, all reported together', () => {
    const chart = newChart();
    const metrics = new KafkaMetrics(chart, 'Metrics', { cluster: newCluster(chart), kafkaExporter: {} });
    new KafkaAlerts(chart, 'Alerts', {
      metrics,
      diskUsage: { threshold: 120 },
      requestHandlerIdle: { threshold: 30 },
      networkProcessorIdle: { threshold: 0 },
      consumerGroupLag: { threshold: -1, groupThresholds: { payments: -5 } },
      certificateExpiry: { within: Duration.seconds(0) },
    });
    expect(validationErrors(chart)).toEqual([
      '[test/Alerts] KAF-MON-004 alerts of cluster "my-cluster": diskUsage threshold 120 is not a percentage between 0 and 100 (exclusive); use e.g. 85 for "85 percent full"',
      '[test/Alerts] KAF-MON-005 alerts of cluster "my-cluster": requestHandlerIdle threshold 30 is not an idle ratio between 0 and 1 (exclusive); use e.g. 0.3 for "idle less than 30 percent of the time"',
      '[test/Alerts] KAF-MON-005 alerts of cluster "my-cluster": networkProcessorIdle threshold 0 is not an idle ratio between 0 and 1 (exclusive); use e.g. 0.3 for "idle less than 30 percent of the time"',
      '[test/Alerts] KAF-MON-006 alerts of cluster "my-cluster": consumerGroupLag threshold -1 is negative (lag is a message count, 0 or more); use a threshold of 0 or more',
      '[test/Alerts] KAF-MON-006 alerts of cluster "my-cluster": consumerGroupLag threshold -5 of group "payments" is negative (lag is a message count, 0 or more); use a threshold of 0 or more',
      '[test/Alerts] KAF-MON-008 alerts of cluster "my-cluster": certificateExpiry within 0s is not a positive duration; use e.g. Duration.days(30)',
    ]);
  });

  test('NEGATIVE: a lag alert asked for without the Kafka Exporter fails', () => {
    const chart = newChart();
    const metrics = new KafkaMetrics(chart, 'Metrics', { cluster: newCluster(chart) });
    new KafkaAlerts(chart, 'Alerts', { metrics, consumerGroupLag: { threshold: 100 } });
    expect(validationErrors(chart)).toEqual([
      '[test/Alerts] KAF-MON-007 alerts of cluster "my-cluster": the consumer-group lag alert needs the Kafka Exporter, which the cluster\'s metrics do not enable; pass kafkaExporter to KafkaMetrics, or set consumerGroupLag.enabled to false',
    ]);
  });
});

test('prometheusRule: false renders no PrometheusRule but still offers the rule groups', () => {
  const chart = newChart();
  const metrics = new KafkaMetrics(chart, 'Metrics', { cluster: newCluster(chart) });
  const alerts = new KafkaAlerts(chart, 'Alerts', { metrics, prometheusRule: false });
  expect(synth(chart).filter((d) => d.kind === 'PrometheusRule')).toEqual([]);
  expect(alerts.resource).toBeUndefined();
  expect(alerts.ruleGroups().map((g) => g.name)).toEqual(['my-cluster-kafka', 'my-cluster-certificates']);
});
