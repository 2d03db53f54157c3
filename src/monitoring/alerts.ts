import { ApiObject, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { KafkaMetrics } from './kafka-metrics';
import { _KAFKA_METRICS, _KafkaMetricName, _PLATFORM_METRICS, KafkaExporterMetrics, ScrapeLabels } from './metric-names';
import { MetricsType } from './metrics-config';
import { checkMonitoringObject, checkPromDuration } from './monitoring-rules';
import { AlertRule, prometheusRule } from './private/prometheus-rule';
import { HelmSafeOutput } from '../common/helm';
import { escapeRegex } from '../common/regex';
import { addRules } from '../common/validation';
import { Warnings } from '../common/warnings';
import { NodeRole } from '../strimzi/node-pool';

/**
 * The `severity` label of an alert.
 */
export class AlertSeverity {
  /** Needs action now: data is unavailable or about to be lost. */
  public static readonly CRITICAL = new AlertSeverity('critical');
  /** Needs attention soon. */
  public static readonly WARNING = new AlertSeverity('warning');
  /** For information. */
  public static readonly INFO = new AlertSeverity('info');

  /** Any other severity value your Alertmanager routes on. */
  public static of(value: string): AlertSeverity {
    return new AlertSeverity(value);
  }

  private constructor(
    /** The label value. */
    public readonly value: string,
  ) {}
}

/**
 * Options common to every alert.
 */
export interface AlertOptions {
  /**
   * Whether the alert is generated.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * How long the condition must hold before the alert fires (the rule's `for`).
   * @default - per alert, see `KafkaAlertsProps`
   */
  readonly pendingFor?: Duration;
  /**
   * The `severity` label.
   * @default - per alert, see `KafkaAlertsProps`
   */
  readonly severity?: AlertSeverity;
}

/**
 * Options of an alert with a numeric threshold.
 */
export interface ThresholdAlertOptions extends AlertOptions {
  /**
   * The threshold.
   * @default - per alert, see `KafkaAlertsProps`
   */
  readonly threshold?: number;
}

/**
 * Options of the consumer-group lag alert.
 */
export interface ConsumerGroupLagAlertOptions extends AlertOptions {
  /**
   * Lag (messages, summed over the partitions of a topic) above which a group alerts.
   * @default 1000
   */
  readonly threshold?: number;
  /**
   * Thresholds for particular consumer groups, overriding `threshold`.
   * @default - none
   */
  readonly groupThresholds?: { [consumerGroup: string]: number };
}

/**
 * Options of the certificate expiry alert.
 */
export interface CertificateExpiryAlertOptions extends AlertOptions {
  /**
   * Alert when a CA certificate of the cluster expires within this time.
   * @default Duration.days(30)
   */
  readonly within?: Duration;
}

/**
 * Options of `KafkaAlerts` (everything but the metrics it alerts on).
 */
export interface KafkaAlertsOptions {
  /**
   * Namespace of the PrometheusRule.
   * @default - the cluster's namespace
   */
  readonly namespace?: string;
  /**
   * Labels of the PrometheusRule, for the Prometheus resource's `ruleSelector`.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Create the `PrometheusRule` object. Turn off for a Prometheus without the
   * Prometheus Operator, which loads `ruleGroups()` from a rule file instead
   * (`StandalonePrometheus` does).
   * @default true
   */
  readonly prometheusRule?: boolean;
  /**
   * A broker reports under-replicated partitions.
   * @default - for 5 minutes, warning
   */
  readonly underReplicatedPartitions?: AlertOptions;
  /**
   * A broker reports partitions below `min.insync.replicas` (producers with `acks=all` fail).
   * @default - for 2 minutes, critical
   */
  readonly underMinIsrPartitions?: AlertOptions;
  /**
   * The controllers report partitions without a leader.
   * @default - for 1 minute, critical
   */
  readonly offlinePartitions?: AlertOptions;
  /**
   * No active KRaft controller, or more than one.
   * @default - for 1 minute, critical
   */
  readonly activeController?: AlertOptions;
  /**
   * Fewer nodes of a node pool are up (scraped) than the pool's replicas.
   * @default - for 3 minutes, critical
   */
  readonly nodeDown?: AlertOptions;
  /**
   * A data volume of a Kafka node is fuller than `threshold` percent (0-100).
   * Needs the kubelet's `kubelet_volume_stats_*` metrics.
   * @default - above 85 percent for 5 minutes, warning
   */
  readonly diskUsage?: ThresholdAlertOptions;
  /**
   * Request handler threads are idle less than `threshold` of the time (ratio 0-1).
   * @default - below 0.3 for 10 minutes, warning
   */
  readonly requestHandlerIdle?: ThresholdAlertOptions;
  /**
   * Network processor threads are idle less than `threshold` of the time (ratio 0-1).
   * @default - below 0.3 for 10 minutes, warning
   */
  readonly networkProcessorIdle?: ThresholdAlertOptions;
  /**
   * A consumer group lags behind on a topic (from the Kafka Exporter, which must be enabled).
   * @default - above 1000 messages for 10 minutes, warning (when the Kafka Exporter runs)
   */
  readonly consumerGroupLag?: ConsumerGroupLagAlertOptions;
  /**
   * A CA certificate of the cluster expires soon (reported by the cluster operator,
   * which must be scraped).
   * @default - within 30 days, for 5 minutes, warning
   */
  readonly certificateExpiry?: CertificateExpiryAlertOptions;
}

/**
 * Properties of `KafkaAlerts`.
 */
export interface KafkaAlertsProps extends KafkaAlertsOptions {
  /** The metrics of the cluster to alert on. Alerts query the names its metrics type produces. */
  readonly metrics: KafkaMetrics;
}

/**
 * The alerts operators need for a Strimzi Kafka cluster, as a Prometheus
 * Operator `PrometheusRule`. Every expression selects the cluster's series by
 * the scrape labels (`ScrapeLabels`), so it works for any node pool name.
 */
export class KafkaAlerts extends Construct {
  /** The `PrometheusRule`, unless turned off with `prometheusRule: false`. */
  public readonly resource?: ApiObject;
  private readonly props: KafkaAlertsProps;

  constructor(scope: Construct, id: string, props: KafkaAlertsProps) {
    super(scope, id);
    this.props = props;
    const cluster = props.metrics.cluster;
    this.resource = props.prometheusRule === false ? undefined : prometheusRule(this, { name: `${cluster.clusterName}-kafka-alerts`, namespace: props.namespace ?? cluster.namespace, labels: props.labels }, this);

    if (props.metrics.metrics.existingConfigMap) {
      Warnings.of(this).add('the alerts query the metric names of the library\'s JMX exporter rules, but the cluster uses your own exporter ConfigMap; make sure it produces the same names', 'KAF-MON-003');
    }

    addRules(this, (c) => {
      const subject = `alerts of cluster "${cluster.clusterName}"`;
      const disk = props.diskUsage?.threshold;
      if (disk !== undefined) {
        c.check(!(disk > 0 && disk < 100), subject, `diskUsage threshold ${disk} is not a percentage between 0 and 100 (exclusive)`, 'use e.g. 85 for "85 percent full"', 'KAF-MON-004');
      }
      for (const [name, o] of [['requestHandlerIdle', props.requestHandlerIdle], ['networkProcessorIdle', props.networkProcessorIdle]] as const) {
        const t = o?.threshold;
        if (t !== undefined) {
          c.check(!(t > 0 && t < 1), subject, `${name} threshold ${t} is not an idle ratio between 0 and 1 (exclusive)`, 'use e.g. 0.3 for "idle less than 30 percent of the time"', 'KAF-MON-005');
        }
      }
      const lag = props.consumerGroupLag;
      if (lag?.threshold !== undefined) {
        c.check(!(lag.threshold >= 0), subject, `consumerGroupLag threshold ${lag.threshold} is negative (lag is a message count, 0 or more)`, 'use a threshold of 0 or more', 'KAF-MON-006');
      }
      for (const [group, t] of Object.entries(lag?.groupThresholds ?? {})) {
        c.check(!(t >= 0), subject, `consumerGroupLag threshold ${t} of group "${group}" is negative (lag is a message count, 0 or more)`, 'use a threshold of 0 or more', 'KAF-MON-006');
      }
      if (lag !== undefined && lag.enabled !== false) {
        c.check(!props.metrics.kafkaExporterEnabled, subject, 'the consumer-group lag alert needs the Kafka Exporter, which the cluster\'s metrics do not enable',
          'pass kafkaExporter to KafkaMetrics, or set consumerGroupLag.enabled to false', 'KAF-MON-007');
      }
      checkMonitoringObject(c, subject, 'the PrometheusRule', { namespace: props.namespace, labels: props.labels });
      for (const [name, o] of Object.entries(props) as Array<[string, any]>) {
        if (o && typeof o === 'object' && o.pendingFor !== undefined) checkPromDuration(c, subject, `${name} pendingFor`, o.pendingFor);
      }
      if ((props.certificateExpiry?.within?.toSeconds({ integral: false }) ?? 1) > 0) checkPromDuration(c, subject, 'certificateExpiry within', props.certificateExpiry?.within);
      const within = props.certificateExpiry?.within;
      if (within !== undefined && Number.isInteger(within.toSeconds({ integral: false }))) {
        c.check(within.toSeconds({ integral: false }) <= 0, subject, `certificateExpiry within ${within.toSeconds({ integral: false })}s is not a positive duration`, 'use e.g. Duration.days(30)', 'KAF-MON-008');
      }
    });
  }

  /**
   * The rule groups in Prometheus rule-file form (`groups:` of a rules file),
   * e.g. for a Prometheus without the Prometheus Operator.
   */
  public ruleGroups(): any[] {
    const cluster = this.props.metrics.cluster;
    const groups = [
      { name: `${cluster.clusterName}-kafka`, rules: this.kafkaRules() },
      { name: `${cluster.clusterName}-kafka-exporter`, rules: this.exporterRules() },
      { name: `${cluster.clusterName}-certificates`, rules: this.certificateRules() },
    ];
    return groups.filter((g) => g.rules.length > 0);
  }

  private name(m: _KafkaMetricName): string {
    return this.props.metrics.metricsType === MetricsType.STRIMZI_METRICS_REPORTER ? m.reporter : m.jmx;
  }

  private get clusterLabels(): { [key: string]: string } {
    const cluster = this.props.metrics.cluster;
    return { [ScrapeLabels.NAMESPACE]: cluster.namespace, [ScrapeLabels.CLUSTER]: cluster.clusterName };
  }

  /** Selector of the Kafka nodes' series. */
  private get nodes(): string {
    const c = this.props.metrics.cluster;
    return `${ScrapeLabels.NAMESPACE}="${c.namespace}",${ScrapeLabels.CLUSTER}="${c.clusterName}",${ScrapeLabels.NAME}="${c.clusterName}-kafka"`;
  }

  private rule(alert: string, o: AlertOptions | undefined, defaults: { for: Duration; severity: AlertSeverity },
    expr: string, summary: string, description: string, labels: { [key: string]: string } = {}): AlertRule[] {
    if (o?.enabled === false) {
      return [];
    }
    return [{
      alert,
      expr,
      for: promDuration(o?.pendingFor ?? defaults.for),
      labels: { severity: (o?.severity ?? defaults.severity).value, ...labels },
      annotations: { summary: HelmSafeOutput._text(this, summary), description: HelmSafeOutput._text(this, description) },
    }];
  }

  private kafkaRules(): AlertRule[] {
    const p = this.props;
    const cluster = p.metrics.cluster;
    const C = cluster.clusterName;
    const byPod = `${ScrapeLabels.NAMESPACE}, ${ScrapeLabels.CLUSTER}, ${ScrapeLabels.POD}`;
    const byCluster = `${ScrapeLabels.NAMESPACE}, ${ScrapeLabels.CLUSTER}`;
    const pod = `{{ $labels.${ScrapeLabels.POD} }}`;
    const M = _KAFKA_METRICS;
    const rules: AlertRule[] = [];
    rules.push(...this.rule('KafkaUnderReplicatedPartitions', p.underReplicatedPartitions, { for: Duration.minutes(5), severity: AlertSeverity.WARNING },
      `sum by (${byPod}) (${this.name(M.underReplicatedPartitions)}{${this.nodes}}) > 0`,
      `Kafka cluster ${C} has under-replicated partitions`,
      `Broker ${pod} leads {{ $value }} partition(s) whose followers are not all in sync.`));
    rules.push(...this.rule('KafkaUnderMinIsrPartitions', p.underMinIsrPartitions, { for: Duration.minutes(2), severity: AlertSeverity.CRITICAL },
      `sum by (${byPod}) (${this.name(M.underMinIsrPartitions)}{${this.nodes}}) > 0`,
      `Kafka cluster ${C} has partitions below min.insync.replicas`,
      `Broker ${pod} leads {{ $value }} partition(s) with fewer in-sync replicas than min.insync.replicas; producers using acks=all are rejected.`));
    rules.push(...this.rule('KafkaOfflinePartitions', p.offlinePartitions, { for: Duration.minutes(1), severity: AlertSeverity.CRITICAL },
      `max by (${byCluster}) (${this.name(M.offlinePartitions)}{${this.nodes}}) > 0`,
      `Kafka cluster ${C} has offline partitions`,
      '{{ $value }} partition(s) have no leader and can be neither written nor read.'));
    const active = `${this.name(M.activeControllerCount)}{${this.nodes}}`;
    rules.push(...this.rule('KafkaNoActiveController', p.activeController, { for: Duration.minutes(1), severity: AlertSeverity.CRITICAL },
      `(sum(${active}) or vector(0)) < 1`,
      `Kafka cluster ${C} has no active controller`,
      'No KRaft controller reports itself active: metadata changes (topic creation, leader elections) are stuck.', this.clusterLabels));
    rules.push(...this.rule('KafkaMultipleActiveControllers', p.activeController, { for: Duration.minutes(1), severity: AlertSeverity.CRITICAL },
      `sum(${active}) > 1`,
      `Kafka cluster ${C} has more than one active controller`,
      '{{ $value }} KRaft controllers report themselves active at once.', this.clusterLabels));
    for (const pool of cluster.nodePools) {
      const isBroker = pool.roles.includes(NodeRole.BROKER);
      const what = isBroker ? 'broker' : 'controller';
      rules.push(...this.rule(isBroker ? 'KafkaBrokerDown' : 'KafkaControllerDown', p.nodeDown, { for: Duration.minutes(3), severity: AlertSeverity.CRITICAL },
        `(sum(up{${this.nodes},${ScrapeLabels.POOL}="${pool.poolName}"}) or vector(0)) < ${pool.replicas}`,
        `A Kafka ${what} of cluster ${C} is down`,
        `Only {{ $value }} of the ${pool.replicas} nodes of node pool ${pool.poolName} are up.`,
        { ...this.clusterLabels, [ScrapeLabels.POOL]: pool.poolName }));
    }
    const pvc = `${ScrapeLabels.NAMESPACE}="${cluster.namespace}",persistentvolumeclaim=~"${this.pvcRegex()}"`;
    const diskThreshold = p.diskUsage?.threshold ?? 85;
    rules.push(...this.rule('KafkaDiskUsageHigh', p.diskUsage, { for: Duration.minutes(5), severity: AlertSeverity.WARNING },
      `max by (${ScrapeLabels.NAMESPACE}, persistentvolumeclaim) (100 * (${_PLATFORM_METRICS.volumeCapacity}{${pvc}} - ${_PLATFORM_METRICS.volumeAvailable}{${pvc}}) / ${_PLATFORM_METRICS.volumeCapacity}{${pvc}}) > ${diskThreshold}`,
      `A Kafka data volume of cluster ${C} is almost full`,
      `Volume {{ $labels.persistentvolumeclaim }} is {{ $value }} percent full (threshold ${diskThreshold}).`));
    const reporter = p.metrics.metricsType === MetricsType.STRIMZI_METRICS_REPORTER;
    const rhThreshold = p.requestHandlerIdle?.threshold ?? 0.3;
    // The reporter exposes the idle meter as a counter of idle nanoseconds per thread.
    const rhIdle = reporter
      ? `avg by (${byPod}) (rate(${M.requestHandlerIdle.reporter}{${this.nodes}}[5m])) / 1e9`
      : `avg by (${byPod}) (${M.requestHandlerIdle.jmx}{${this.nodes}})`;
    rules.push(...this.rule('KafkaRequestHandlerIdleLow', p.requestHandlerIdle, { for: Duration.minutes(10), severity: AlertSeverity.WARNING },
      `${rhIdle} < ${rhThreshold}`,
      `Kafka request handlers of cluster ${C} are overloaded`,
      `Request handler threads of ${pod} are idle only {{ $value }} of the time (threshold ${rhThreshold}).`));
    const npThreshold = p.networkProcessorIdle?.threshold ?? 0.3;
    rules.push(...this.rule('KafkaNetworkProcessorIdleLow', p.networkProcessorIdle, { for: Duration.minutes(10), severity: AlertSeverity.WARNING },
      `avg by (${byPod}) (${this.name(M.networkProcessorIdle)}{${this.nodes}}) < ${npThreshold}`,
      `Kafka network processors of cluster ${C} are overloaded`,
      `Network processor threads of ${pod} are idle only {{ $value }} of the time (threshold ${npThreshold}).`));
    return rules;
  }

  private exporterRules(): AlertRule[] {
    const p = this.props;
    if (!p.metrics.kafkaExporterEnabled) {
      return [];
    }
    const c = p.metrics.cluster;
    const sel = `${ScrapeLabels.NAMESPACE}="${c.namespace}",${ScrapeLabels.CLUSTER}="${c.clusterName}",${ScrapeLabels.NAME}="${c.clusterName}-kafka-exporter"`;
    const by = `${ScrapeLabels.NAMESPACE}, ${ScrapeLabels.CLUSTER}, ${KafkaExporterMetrics.CONSUMER_GROUP_LABEL}, ${KafkaExporterMetrics.TOPIC_LABEL}`;
    const lag = (extra: string, threshold: number) =>
      `sum by (${by}) (${KafkaExporterMetrics.CONSUMER_GROUP_LAG_SUM}{${sel}${extra}}) > ${threshold}`;
    const o = p.consumerGroupLag;
    const defaults = { for: Duration.minutes(10), severity: AlertSeverity.WARNING };
    const summary = `A consumer group of Kafka cluster ${c.clusterName} lags behind`;
    const description = (t: number) => `Consumer group {{ $labels.consumergroup }} is {{ $value }} messages behind on topic {{ $labels.topic }} (threshold ${t}).`;
    const overrides = Object.entries(o?.groupThresholds ?? {});
    const threshold = o?.threshold ?? 1000;
    const others = overrides.length > 0 ? `,${KafkaExporterMetrics.CONSUMER_GROUP_LABEL}!~"${overrides.map(([g]) => promString(escapeRegex(g))).join('|')}"` : '';
    const rules = this.rule('KafkaConsumerGroupLagHigh', o, defaults, lag(others, threshold), summary, description(threshold));
    for (const [group, t] of overrides) {
      rules.push(...this.rule('KafkaConsumerGroupLagHigh', o, defaults,
        lag(`,${KafkaExporterMetrics.CONSUMER_GROUP_LABEL}="${promString(group)}"`, t), summary, description(t),
        { [KafkaExporterMetrics.CONSUMER_GROUP_LABEL]: group }));
    }
    return rules;
  }

  private certificateRules(): AlertRule[] {
    const p = this.props;
    const c = p.metrics.cluster;
    const within = p.certificateExpiry?.within ?? Duration.days(30);
    const secs = within.toSeconds({ integral: false });
    const days = secs / 86400;
    return this.rule('KafkaCertificateExpiring', p.certificateExpiry, { for: Duration.minutes(5), severity: AlertSeverity.WARNING },
      `min by (cluster, type, resource_namespace) (${_PLATFORM_METRICS.certificateExpiration}{cluster="${c.clusterName}",resource_namespace="${c.namespace}"}) / 1000 - time() < ${secs}`,
      `A CA certificate of Kafka cluster ${c.clusterName} expires soon`,
      `The {{ $labels.type }} certificate of cluster {{ $labels.cluster }} expires in less than ${Number.isInteger(days) ? `${days} days` : `${secs} seconds`}; check the cluster operator renews it (or renew a user-managed CA).`);
  }

  /** PVC names of the cluster's Kafka nodes: `data-C-P-N` and, with JBOD, `data-<id>-C-P-N`. */
  private pvcRegex(): string {
    const c = this.props.metrics.cluster;
    const pools = c.nodePools.map((p) => escapeRegex(p.poolName));
    return `data(-[0-9]+)?-${escapeRegex(c.clusterName)}-(${pools.join('|')})-[0-9]+`;
  }
}


/** Escapes a value for a double-quoted PromQL string. */
function promString(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** A Prometheus duration (`90s`, `5m`, `2h`). */
function promDuration(d: Duration): string {
  const s = d.toSeconds({ integral: false });
  if (s > 0 && s % 3600 === 0) {
    return `${s / 3600}h`;
  }
  if (s > 0 && s % 60 === 0) {
    return `${s / 60}m`;
  }
  return `${s}s`;
}
