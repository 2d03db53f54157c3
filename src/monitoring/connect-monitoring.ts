import { ApiObject, Duration, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { AlertOptions, AlertSeverity } from './alerts';
import { _CONNECT_METRICS } from './connect-metrics';
import { ScrapeLabels } from './metric-names';
import { MetricsType } from './metrics-config';
import { MonitoredNamespaces } from './pod-monitors';
import { AlertRule, prometheusRule } from './private/prometheus-rule';
import { _PROMETHEUS_PORT_NAME, _strimziRelabelings } from './scrape-targets';
import * as prom from '../../imports/monitoring.coreos.com';
import { HelmSafeOutput } from '../common/helm';
import { toDns1123Label } from '../common/names';
import { addRules } from '../common/validation';
import type { IConnectWorkers } from '../connect/runtime';

const MM2_KIND = 'KafkaMirrorMaker2';

function ruleIdOf(workers: IConnectWorkers): string {
  return workers.workersKind === MM2_KIND ? 'KAF-MM2-030' : 'KAF-CON-030';
}

function checkMetricsOn(scope: Construct, workers: IConnectWorkers, what: string): void {
  addRules(scope, (c) => {
    c.check(workers.metrics === undefined, `${what} of ${workers.workersKind} "${workers.resourceName}"`,
      'the workers expose no metrics (metrics is not set), so nothing would be scraped',
      'set metrics: MetricsConfig.jmxPrometheusExporter() on the workers', ruleIdOf(workers));
  });
}

/** The series selector of the workers' pods. */
function selector(w: IConnectWorkers): string {
  return `${ScrapeLabels.NAMESPACE}="${w.namespace}",${ScrapeLabels.CLUSTER}="${w.resourceName}",${ScrapeLabels.KIND}="${w.workersKind}"`;
}

function metricName(w: IConnectWorkers, m: { jmx: string; reporter: string }): string {
  return w.metrics?.type === MetricsType.STRIMZI_METRICS_REPORTER ? m.reporter : m.jmx;
}

/**
 * Properties of `ConnectPodMonitor`.
 */
export interface ConnectPodMonitorProps {
  /** The Connect or MirrorMaker 2 workers to scrape (their `metrics` must be set). */
  readonly workers: IConnectWorkers;
  /**
   * Namespace of the PodMonitor.
   * @default - the workers' namespace
   */
  readonly namespace?: string;
  /**
   * Labels of the PodMonitor, for the Prometheus resource's `podMonitorSelector`.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Scrape interval.
   * @default - the Prometheus default
   */
  readonly interval?: Duration;
}

/**
 * A Prometheus Operator PodMonitor for the worker pods of a `KafkaConnect` or
 * `KafkaMirrorMaker2` (port `tcp-prometheus`), with the Strimzi scrape labels.
 */
export class ConnectPodMonitor extends Construct {
  /** The PodMonitor. */
  public readonly resource: ApiObject;

  constructor(scope: Construct, id: string, props: ConnectPodMonitorProps) {
    super(scope, id);
    const w = props.workers;
    this.resource = new prom.PodMonitor(this, 'Resource', {
      metadata: { name: `${w.podNamePrefix}-metrics`, namespace: props.namespace ?? w.namespace, labels: props.labels },
      spec: Lazy.any({
        produce: (): prom.PodMonitorSpec => ({
          selector: { matchLabels: { 'strimzi.io/cluster': w.resourceName, 'strimzi.io/kind': w.workersKind, 'strimzi.io/name': w.podNamePrefix } },
          namespaceSelector: { matchNames: MonitoredNamespaces.names(w.namespace).namespaceNames },
          podMetricsEndpoints: [{
            port: _PROMETHEUS_PORT_NAME,
            path: '/metrics',
            interval: props.interval ? `${props.interval.toSeconds()}s` : undefined,
            relabelings: _strimziRelabelings() as any,
          }],
        }),
      }) as any,
    });
    checkMetricsOn(this, w, 'PodMonitor');
  }
}

/**
 * Properties of `ConnectAlerts`.
 */
export interface ConnectAlertsProps {
  /** The Connect or MirrorMaker 2 workers. */
  readonly workers: IConnectWorkers;
  /**
   * Namespace of the PrometheusRule.
   * @default - the workers' namespace
   */
  readonly namespace?: string;
  /**
   * Labels of the PrometheusRule, for the Prometheus resource's `ruleSelector`.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Create the `PrometheusRule` object (turn off to load `ruleGroups()` from a rule file).
   * @default true
   */
  readonly prometheusRule?: boolean;
  /**
   * No worker container has been seen (cAdvisor's `container_last_seen`): all workers are down.
   * @default - for 3 minutes, critical
   */
  readonly containersDown?: AlertOptions;
  /**
   * A connector is in the FAILED state, in Connect only (MirrorMaker 2 connectors are operator-managed).
   * @default - for 5 minutes, warning
   */
  readonly failedConnector?: AlertOptions;
  /**
   * A connector has failed tasks (Connect only).
   * @default - for 5 minutes, warning
   */
  readonly failedTask?: AlertOptions;
}

/**
 * Alerts of a Connect cluster (workers down, failed connectors, failed tasks)
 * or of MirrorMaker 2 (workers down), as a `PrometheusRule`. Every expression
 * selects only this resource's pods.
 */
export class ConnectAlerts extends Construct {
  /** The `PrometheusRule`, unless turned off. */
  public readonly resource?: ApiObject;
  private readonly props: ConnectAlertsProps;

  constructor(scope: Construct, id: string, props: ConnectAlertsProps) {
    super(scope, id);
    this.props = props;
    const w = props.workers;
    this.resource = props.prometheusRule === false ? undefined : prometheusRule(this, { name: `${w.podNamePrefix}-alerts`, namespace: props.namespace ?? w.namespace, labels: props.labels }, this);
    checkMetricsOn(this, w, 'alerts');
  }

  /** The rule groups in Prometheus rule-file form. */
  public ruleGroups(): any[] {
    const p = this.props;
    const w = p.workers;
    const mm2 = w.workersKind === MM2_KIND;
    const rules: AlertRule[] = [];
    const add = (alert: string, o: AlertOptions | undefined, d: { for: Duration; severity: AlertSeverity },
      expr: string, summary: string, description: string) => {
      if (o?.enabled === false) return;
      rules.push({
        alert,
        expr,
        for: `${(o?.pendingFor ?? d.for).toMinutes()}m`,
        labels: { severity: (o?.severity ?? d.severity).value },
        annotations: { summary: HelmSafeOutput._text(this, summary), description: HelmSafeOutput._text(this, description) },
      });
    };
    const what = mm2 ? `MirrorMaker 2 ${w.resourceName}` : `Kafka Connect ${w.resourceName}`;
    add(mm2 ? 'MirrorMaker2ContainerDown' : 'ConnectContainersDown', p.containersDown, { for: Duration.minutes(3), severity: AlertSeverity.CRITICAL },
      `absent(container_last_seen{namespace="${w.namespace}",container="${w.podNamePrefix}",pod=~"${w.podNamePrefix}-[0-9]+"})`,
      `All ${what} containers are down`,
      `No container of ${what} has been seen for 3 minutes (not running, or in CrashLoopBackOff).`);
    if (!mm2) {
      const by = `${ScrapeLabels.NAMESPACE}, ${ScrapeLabels.POD}`;
      add('ConnectFailedConnector', p.failedConnector, { for: Duration.minutes(5), severity: AlertSeverity.WARNING },
        `sum by (${by}) (${metricName(w, _CONNECT_METRICS.connectorStatus)}{${selector(w)},status="failed"}) > 0`,
        `A connector of ${what} failed`,
        `Worker {{ $labels.${ScrapeLabels.POD} }} runs {{ $value }} connector(s) in the FAILED state.`);
      add('ConnectFailedTask', p.failedTask, { for: Duration.minutes(5), severity: AlertSeverity.WARNING },
        `sum by (${by}) (${metricName(w, _CONNECT_METRICS.failedTasks)}{${selector(w)}}) > 0`,
        `A connector task of ${what} failed`,
        `Worker {{ $labels.${ScrapeLabels.POD} }} runs {{ $value }} failed task(s).`);
    }
    return [{ name: `${w.podNamePrefix}`, rules }];
  }
}

/**
 * Properties of `ConnectDashboards`.
 */
export interface ConnectDashboardsProps {
  /** The Connect or MirrorMaker 2 workers. */
  readonly workers: IConnectWorkers;
  /**
   * Namespace of the dashboard ConfigMap.
   * @default - the workers' namespace
   */
  readonly namespace?: string;
  /**
   * Label key the Grafana sidecar selects dashboards by.
   * @default 'grafana_dashboard'
   */
  readonly sidecarLabel?: string;
  /**
   * Value of the sidecar label.
   * @default '1'
   */
  readonly sidecarLabelValue?: string;
}

/**
 * A Grafana dashboard of a Connect cluster (connectors, tasks, failures,
 * rebalances, throughput, JVM) or of MirrorMaker 2 (plus record rate,
 * replication latency, record age and checkpoint latency), as a ConfigMap for
 * the Grafana sidecar.
 */
export class ConnectDashboards extends Construct {
  /** The dashboard ConfigMap. */
  public readonly configMap: kplus.ConfigMap;
  private readonly props: ConnectDashboardsProps;

  constructor(scope: Construct, id: string, props: ConnectDashboardsProps) {
    super(scope, id);
    this.props = props;
    const w = props.workers;
    this.configMap = new kplus.ConfigMap(this, 'Resource', {
      metadata: {
        name: `${w.podNamePrefix}-dashboard`,
        namespace: props.namespace ?? w.namespace,
        labels: { [props.sidecarLabel ?? 'grafana_dashboard']: props.sidecarLabelValue ?? '1' },
      },
    });
    // rendered at synth: Helm-safe output may be enabled after this construct is created
    this.configMap.addData(`${w.podNamePrefix}.json`, Lazy.any({ produce: () => HelmSafeOutput._text(this, JSON.stringify(this.dashboard(), undefined, 2)) }) as unknown as string);
    checkMetricsOn(this, w, 'dashboards');
  }

  /** The Grafana dashboard model. */
  public dashboard(): any {
    const w = this.props.workers;
    const mm2 = w.workersKind === MM2_KIND;
    const sel = selector(w);
    const n = (m: { jmx: string; reporter: string }) => metricName(w, m);
    const M = _CONNECT_METRICS;
    const pod = ScrapeLabels.POD;
    const panels: Array<{ title: string; type: string; expr: string; legend?: string; unit?: string }> = [
      { title: 'Connectors', type: 'stat', expr: `sum(${n(M.connectorCount)}{${sel}})` },
      { title: 'Tasks', type: 'stat', expr: `sum(${n(M.taskCount)}{${sel}})` },
      { title: 'Failed tasks', type: 'stat', expr: `sum(${n(M.failedTasks)}{${sel}}) or vector(0)` },
      { title: 'Rebalancing', type: 'stat', expr: `max(${n(M.rebalancing)}{${sel}})` },
      { title: 'Running tasks by connector', type: 'timeseries', expr: `sum by (connector) (${n(M.runningTasks)}{${sel}})`, legend: '{{connector}}' },
      { title: 'Assigned tasks by worker', type: 'timeseries', expr: `sum by (${pod}) (${n(M.assignedTasks)}{${sel}})`, legend: `{{${pod}}}` },
      { title: 'Outgoing bytes per second (producers)', type: 'timeseries', expr: `sum by (${pod}) (rate(${n(M.producerOutgoingBytes)}{${sel}}[5m]))`, legend: `{{${pod}}}`, unit: 'Bps' },
      { title: 'Incoming bytes per second (consumers)', type: 'timeseries', expr: `sum by (${pod}) (rate(${n(M.consumerIncomingBytes)}{${sel}}[5m]))`, legend: `{{${pod}}}`, unit: 'Bps' },
      { title: 'JVM memory used', type: 'timeseries', expr: `sum by (${pod}) (${n(M.jvmMemory)}{${sel}})`, legend: `{{${pod}}}`, unit: 'bytes' },
    ];
    if (mm2) {
      panels.push(
        { title: 'Records per second', type: 'timeseries', expr: `sum by (source, target) (${n(M.mirrorRecordRate)}{${sel}})`, legend: '{{source}} -> {{target}}' },
        { title: 'Replication latency', type: 'timeseries', expr: `max by (source, topic) (${n(M.mirrorReplicationLatency)}{${sel}})`, legend: '{{source}} {{topic}}', unit: 'ms' },
        { title: 'Record age', type: 'timeseries', expr: `max by (source, topic) (${n(M.mirrorRecordAge)}{${sel}})`, legend: '{{source}} {{topic}}', unit: 'ms' },
        { title: 'Checkpoint latency', type: 'timeseries', expr: `max by (source, group) (${n(M.checkpointLatency)}{${sel}})`, legend: '{{source}} {{group}}', unit: 'ms' },
      );
    }
    let x = 0;
    let y = 0;
    const out = panels.map((p, i) => {
      const wdt = p.type === 'stat' ? 6 : 12;
      const h = p.type === 'stat' ? 4 : 8;
      if (x + wdt > 24) {
        x = 0;
        y += 8;
      }
      const gridPos = { h, w: wdt, x, y };
      x += wdt;
      return {
        id: i + 1,
        title: p.title,
        type: p.type,
        gridPos,
        datasource: { type: 'prometheus', uid: '${datasource}' },
        targets: [{ refId: 'A', expr: p.expr, legendFormat: p.legend }],
        fieldConfig: { defaults: p.unit ? { unit: p.unit } : {}, overrides: [] },
      };
    });
    return {
      title: `${mm2 ? 'MirrorMaker 2' : 'Kafka Connect'} ${w.namespace}/${w.resourceName}`,
      uid: toDns1123Label(`${w.namespace}-${w.podNamePrefix}`, 40),
      schemaVersion: 39,
      editable: false,
      time: { from: 'now-6h', to: 'now' },
      templating: { list: [{ name: 'datasource', label: 'Data source', type: 'datasource', query: 'prometheus', current: {}, hide: 0 }] },
      panels: out,
    };
  }
}
