import { Construct } from 'constructs';
import { KafkaAlerts, KafkaAlertsOptions } from './alerts';
import { KafkaDashboards, KafkaDashboardsOptions } from './dashboards';
import { KafkaMetrics, KafkaMetricsProps } from './kafka-metrics';
import { KafkaPodMonitors, KafkaPodMonitorsOptions } from './pod-monitors';
import { StandalonePrometheus, StandalonePrometheusOptions } from './standalone-prometheus';
import { addRules } from '../common/validation';

/**
 * Which Prometheus collects the cluster's metrics and evaluates its alerts.
 */
export class MonitoringMode {
  /**
   * A Prometheus run by the Prometheus Operator (e.g. kube-prometheus-stack):
   * PodMonitors, a PrometheusRule and Grafana dashboard ConfigMaps.
   */
  public static readonly PROMETHEUS_OPERATOR = new MonitoringMode('prometheus-operator');
  /**
   * No Prometheus Operator: a `StandalonePrometheus` in the app scrapes the
   * cluster and loads the alerts from its own rule file.
   */
  public static readonly STANDALONE = new MonitoringMode('standalone');

  private constructor(
    /** Short name, used in messages. */
    public readonly name: string,
  ) {}
}

/**
 * Properties of `PrometheusMonitoring`: the metrics of the cluster (as for
 * `KafkaMetrics`) plus options passed on to each part.
 */
export interface PrometheusMonitoringProps extends KafkaMetricsProps {
  /**
   * Which Prometheus monitors the cluster.
   * @default MonitoringMode.PROMETHEUS_OPERATOR
   */
  readonly mode?: MonitoringMode;
  /**
   * Run the Kafka Exporter (consumer-group lag, topic offsets) with the
   * options of `kafkaExporter`, or its defaults when that is not set. The
   * consumer-group lag alert and the topic dashboard need it.
   * @default true
   */
  readonly enableKafkaExporter?: boolean;
  /**
   * Namespace of the monitoring objects (PodMonitors, PrometheusRule,
   * dashboards, standalone Prometheus). An option of a part wins.
   * @default - the cluster's namespace
   */
  readonly monitoringNamespace?: string;
  /**
   * Labels of the PodMonitors and the PrometheusRule, for the
   * `podMonitorSelector` and `ruleSelector` of the Prometheus resource. An
   * option of a part wins.
   * @default - none
   */
  readonly prometheusSelectorLabels?: { [key: string]: string };
  /**
   * Options of the alerts.
   * @default - every alert with its default threshold
   */
  readonly alerts?: KafkaAlertsOptions;
  /**
   * Options of the PodMonitors (Prometheus Operator mode only).
   * @default - PodMonitors for every Strimzi pod kind of the cluster
   */
  readonly podMonitors?: KafkaPodMonitorsOptions;
  /**
   * Generate the Grafana dashboard ConfigMaps.
   * @default - true with the Prometheus Operator, false in standalone mode
   */
  readonly enableDashboards?: boolean;
  /**
   * Options of the Grafana dashboards.
   * @default - labelled `grafana_dashboard: "1"`
   */
  readonly dashboards?: KafkaDashboardsOptions;
  /**
   * Options of the standalone Prometheus (standalone mode only).
   * @default - the `StandalonePrometheus` defaults
   */
  readonly prometheus?: StandalonePrometheusOptions;
}

/**
 * Prometheus monitoring of a Strimzi Kafka cluster in one construct: metrics
 * (`KafkaMetrics`), alerts (`KafkaAlerts`) and, with the Prometheus Operator,
 * PodMonitors (`KafkaPodMonitors`) and Grafana dashboards (`KafkaDashboards`),
 * or, without it, a `StandalonePrometheus` that scrapes the cluster and loads
 * the alerts. Each part is exposed for further configuration.
 */
export class PrometheusMonitoring extends Construct {
  /** The monitoring mode. */
  public readonly mode: MonitoringMode;
  /** The cluster's metrics configuration. */
  public readonly metrics: KafkaMetrics;
  /** The alerts (a PrometheusRule with the Prometheus Operator, a rule file of `prometheus` otherwise). */
  public readonly alerts: KafkaAlerts;
  /** The PodMonitors (Prometheus Operator mode only). */
  public readonly podMonitors?: KafkaPodMonitors;
  /** The Grafana dashboards, if generated. */
  public readonly dashboards?: KafkaDashboards;
  /** The standalone Prometheus (standalone mode only). */
  public readonly prometheus?: StandalonePrometheus;

  constructor(scope: Construct, id: string, props: PrometheusMonitoringProps) {
    super(scope, id);
    const mode = props.mode ?? MonitoringMode.PROMETHEUS_OPERATOR;
    this.mode = mode;
    const standalone = mode === MonitoringMode.STANDALONE;
    const namespace = props.monitoringNamespace;
    const labels = props.prometheusSelectorLabels;

    this.metrics = new KafkaMetrics(this, 'Metrics', {
      cluster: props.cluster,
      metrics: props.metrics,
      cruiseControlMetrics: props.cruiseControlMetrics,
      kafkaExporter: (props.enableKafkaExporter ?? true) ? (props.kafkaExporter ?? {}) : undefined,
      jmx: props.jmx,
    });
    const metrics = this.metrics;

    this.alerts = new KafkaAlerts(this, 'Alerts', {
      namespace,
      labels,
      ...props.alerts,
      prometheusRule: standalone ? false : props.alerts?.prometheusRule,
      metrics,
    });

    if (!standalone) {
      this.podMonitors = new KafkaPodMonitors(this, 'PodMonitors', { namespace, labels, ...props.podMonitors, metrics });
    } else {
      this.prometheus = new StandalonePrometheus(this, 'Prometheus', { namespace, ...props.prometheus, metrics, alerts: this.alerts });
    }

    if (props.enableDashboards ?? !standalone) {
      this.dashboards = new KafkaDashboards(this, 'Dashboards', { namespace, ...props.dashboards, metrics });
    }

    addRules(this, (c) => {
      const subject = `monitoring of cluster "${props.cluster.clusterName}"`;
      if (standalone) {
        c.check(props.podMonitors !== undefined, subject,
          'podMonitors options are set in standalone mode, where no Prometheus Operator reads PodMonitors (the standalone Prometheus scrapes the same pods itself)',
          'drop podMonitors or use MonitoringMode.PROMETHEUS_OPERATOR', 'KAF-MON-022');
        c.check(props.alerts?.prometheusRule === true, subject,
          'alerts.prometheusRule is true in standalone mode, where no Prometheus Operator loads a PrometheusRule (the alerts go into the standalone Prometheus rule file)',
          'drop alerts.prometheusRule or use MonitoringMode.PROMETHEUS_OPERATOR', 'KAF-MON-022');
      } else {
        c.check(props.prometheus !== undefined, subject,
          'prometheus options are set in Prometheus Operator mode, where no standalone Prometheus is created',
          'drop prometheus or use MonitoringMode.STANDALONE', 'KAF-MON-022');
      }
      c.check(props.enableKafkaExporter === false && props.kafkaExporter !== undefined, subject,
        'kafkaExporter options are set but enableKafkaExporter is false',
        'drop kafkaExporter or enableKafkaExporter: false', 'KAF-MON-023');
      c.check(props.enableDashboards === false && props.dashboards !== undefined, subject,
        'dashboards options are set but enableDashboards is false',
        'drop dashboards or enableDashboards: false', 'KAF-MON-023');
    });
  }
}
