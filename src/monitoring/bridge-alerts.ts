import { ApiObject, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { AlertOptions, AlertSeverity, ThresholdAlertOptions } from './alerts';
import { _BRIDGE_CLIENT_ID_LABEL, _BRIDGE_CLIENT_METRICS, _BridgeClientMetric, BridgeMetricNames } from './bridge-metrics';
import { BRIDGE_SCRAPE_LABEL } from './bridge-pod-monitors';
import { ScrapeLabels } from './metric-names';
import { MetricsType } from './metrics-config';
import { AlertRule, prometheusRule } from './private/prometheus-rule';
import type { IKafkaBridge } from '../bridge/common';
import { HelmSafeOutput } from '../common/helm';
import { addRules } from '../common/validation';

/**
 * Properties of `KafkaBridgeAlerts`.
 */
export interface KafkaBridgeAlertsProps {
  /** The bridges to alert on, scraped by `KafkaBridgePodMonitors` (each needs metrics on). */
  readonly bridges: IKafkaBridge[];
  /**
   * Name of the PrometheusRule.
   * @default 'kafka-bridge-alerts'
   */
  readonly name?: string;
  /**
   * Namespace of the PrometheusRule.
   * @default - the first bridge's namespace
   */
  readonly namespace?: string;
  /**
   * Labels of the PrometheusRule, for the Prometheus resource's `ruleSelector`.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Create the `PrometheusRule` object (off: load `ruleGroups()` from a rule file).
   * @default true
   */
  readonly prometheusRule?: boolean;
  /**
   * No pod of a bridge is up (scraped).
   * @default - for 3 minutes, critical
   */
  readonly bridgeDown?: AlertOptions;
  /**
   * Average producer request latency of a bridge client above `threshold` milliseconds.
   * @default - above 10 ms for 1 minute, warning
   */
  readonly producerLatency?: ThresholdAlertOptions;
  /**
   * Average consumer fetch latency above `threshold` milliseconds.
   * @default - above 500 ms for 1 minute, warning
   */
  readonly consumerFetchLatency?: ThresholdAlertOptions;
  /**
   * Average consumer commit latency above `threshold` milliseconds.
   * @default - above 200 ms for 1 minute, warning
   */
  readonly consumerCommitLatency?: ThresholdAlertOptions;
  /**
   * More than `threshold` 4xx responses on one path within 5 minutes.
   * @default - above 10 for 1 minute, warning
   */
  readonly http4xxErrors?: ThresholdAlertOptions;
  /**
   * More than `threshold` 5xx responses on one path within 5 minutes.
   * @default - above 10 for 1 minute, warning
   */
  readonly http5xxErrors?: ThresholdAlertOptions;
}

/**
 * Alerts for HTTP bridges (operator-managed and sidecars), the same conditions
 * Strimzi's example bridge rules watch: all bridge pods down, producer request,
 * consumer fetch and commit latency, and 4xx/5xx responses. Every expression
 * selects one bridge by `namespace` and `kafka_bridge`, and queries the names of
 * the bridge's metrics route (JMX exporter or Metrics Reporter).
 */
export class KafkaBridgeAlerts extends Construct {
  /** The `PrometheusRule`, unless turned off. */
  public readonly resource?: ApiObject;
  private readonly props: KafkaBridgeAlertsProps;

  constructor(scope: Construct, id: string, props: KafkaBridgeAlertsProps) {
    super(scope, id);
    this.props = props;
    this.resource = props.prometheusRule === false ? undefined : prometheusRule(this, { name: props.name ?? 'kafka-bridge-alerts', namespace: props.namespace ?? props.bridges[0]?.namespace, labels: props.labels }, this);
    addRules(this, (c) => {
      c.check(props.bridges.length === 0, 'bridge alerts', 'no bridges are given', 'pass the bridges to alert on', 'KAF-BRG-027');
      for (const b of props.bridges) {
        c.check(b.metrics === undefined, `alerts of bridge "${b.bridgeName}"`, 'the bridge has no metrics, so every alert but the down alert would stay silent',
          'set metrics on the bridge, e.g. MetricsConfig.strimziMetricsReporter()', 'KAF-BRG-025');
      }
      const thresholds = {
        producerLatency: props.producerLatency,
        consumerFetchLatency: props.consumerFetchLatency,
        consumerCommitLatency: props.consumerCommitLatency,
        http4xxErrors: props.http4xxErrors,
        http5xxErrors: props.http5xxErrors,
      };
      for (const [name, o] of Object.entries(thresholds)) {
        c.check(o?.threshold !== undefined && !(o.threshold >= 0), 'bridge alerts', `${name} threshold ${o?.threshold} is negative`, 'use a threshold of 0 or more', 'KAF-BRG-028');
      }
    });
  }

  /** The rule groups in Prometheus rule-file form, one group per bridge. */
  public ruleGroups(): any[] {
    return this.props.bridges.map((b) => ({ name: `kafka-bridge-${b.namespace}-${b.bridgeName}`, rules: this.rules(b) }));
  }

  private rules(b: IKafkaBridge): AlertRule[] {
    const p = this.props;
    const reporter = b.metrics?.type === MetricsType.STRIMZI_METRICS_REPORTER;
    const sel = `${ScrapeLabels.NAMESPACE}="${b.namespace}",${BRIDGE_SCRAPE_LABEL}="${b.bridgeName}"`;
    const by = `${ScrapeLabels.NAMESPACE}, ${BRIDGE_SCRAPE_LABEL}`;
    const clientId = reporter ? _BRIDGE_CLIENT_ID_LABEL.reporter : _BRIDGE_CLIENT_ID_LABEL.jmx;
    const name = (m: _BridgeClientMetric) => (reporter ? m.reporter : m.jmx);
    const producerSel = reporter ? sel : `${sel},type="producer-metrics"`;
    const M = _BRIDGE_CLIENT_METRICS;
    const labels = { [ScrapeLabels.NAMESPACE]: b.namespace, [BRIDGE_SCRAPE_LABEL]: b.bridgeName };
    const rules: AlertRule[] = [];
    type Defaults = { for: Duration; severity: AlertSeverity };
    const add = (alert: string, o: AlertOptions | undefined, dflt: Defaults, expr: string, summary: string, description: string) => {
      if (o?.enabled === false) return;
      rules.push({
        alert,
        expr,
        for: promDuration(o?.pendingFor ?? dflt.for),
        labels: { severity: (o?.severity ?? dflt.severity).value, ...labels },
        annotations: { summary: HelmSafeOutput._text(this, summary), description: HelmSafeOutput._text(this, description) },
      });
    };
    const warn = { for: Duration.minutes(1), severity: AlertSeverity.WARNING };
    add('KafkaBridgeDown', p.bridgeDown, { for: Duration.minutes(3), severity: AlertSeverity.CRITICAL },
      `(sum(up{${sel}}) or vector(0)) < 1`,
      `Kafka bridge ${b.bridgeName} is down`,
      `No pod of bridge ${b.bridgeName} in namespace ${b.namespace} is up: its HTTP clients cannot reach Kafka.`);
    const latency = (alert: string, o: ThresholdAlertOptions | undefined, dflt: number, m: _BridgeClientMetric, s: string, what: string) => {
      const t = o?.threshold ?? dflt;
      add(alert, o, warn, `max by (${by}, ${clientId}) (${name(m)}{${s}}) > ${t}`,
        `Kafka bridge ${b.bridgeName}: ${what} is high`,
        `The average ${what} of client {{ $labels.${clientId} }} is {{ $value }} ms (threshold ${t} ms).`);
    };
    latency('KafkaBridgeProducerLatencyHigh', p.producerLatency, 10, M.producerRequestLatencyAvg, producerSel, 'producer request latency');
    latency('KafkaBridgeConsumerFetchLatencyHigh', p.consumerFetchLatency, 500, M.consumerFetchLatencyAvg, sel, 'consumer fetch latency');
    latency('KafkaBridgeConsumerCommitLatencyHigh', p.consumerCommitLatency, 200, M.consumerCommitLatencyAvg, sel, 'consumer commit latency');
    for (const [alert, o, cls] of [['KafkaBridgeHttp4xxErrors', p.http4xxErrors, '4'], ['KafkaBridgeHttp5xxErrors', p.http5xxErrors, '5']] as const) {
      const t = o?.threshold ?? 10;
      add(alert, o, warn, `sum by (${by}, path) (increase(${BridgeMetricNames.HTTP_REQUESTS}{${sel},code=~"${cls}..",path!="/favicon.ico"}[5m])) > ${t}`,
        `Kafka bridge ${b.bridgeName} answers ${cls}xx too often`,
        `Bridge ${b.bridgeName} answered {{ $value }} requests on path {{ $labels.path }} with ${cls}xx in 5 minutes (threshold ${t}).`);
    }
    return rules;
  }
}

/** A Prometheus duration (`90s`, `5m`, `2h`). */
function promDuration(d: Duration): string {
  const s = d.toSeconds();
  if (s > 0 && s % 3600 === 0) return `${s / 3600}h`;
  if (s > 0 && s % 60 === 0) return `${s / 60}m`;
  return `${s}s`;
}
