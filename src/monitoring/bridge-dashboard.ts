import { Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { _BRIDGE_CLIENT_ID_LABEL, _BRIDGE_CLIENT_METRICS, _BridgeClientMetric, BridgeMetricNames } from './bridge-metrics';
import { BRIDGE_SCRAPE_LABEL } from './bridge-pod-monitors';
import { KafkaDashboardsOptions } from './dashboards';
import { ScrapeLabels } from './metric-names';
import { MetricsType } from './metrics-config';
import type { IKafkaBridge } from '../bridge/common';
import { HelmSafeOutput } from '../common/helm';
import { escapeRegex } from '../common/regex';
import { addRules } from '../common/validation';

/**
 * Properties of `KafkaBridgeDashboard`.
 */
export interface KafkaBridgeDashboardProps extends KafkaDashboardsOptions {
  /** The bridges the dashboard shows (a `bridge` variable picks one or more). */
  readonly bridges: IKafkaBridge[];
  /**
   * Name of the ConfigMap.
   * @default 'kafka-bridge-dashboard'
   */
  readonly name?: string;
}

interface Panel { readonly title: string; readonly type: 'stat' | 'timeseries'; readonly expr: string; readonly legend?: string; readonly unit?: string }

/**
 * A Grafana dashboard of HTTP bridges (operator-managed and sidecars), as a
 * ConfigMap for the Grafana dashboard sidecar, with the panels of Strimzi's
 * bridge dashboard: HTTP connections, requests by method, path and status class,
 * bytes, producer and consumer rates and latencies, assigned partitions, JVM memory and GC.
 */
export class KafkaBridgeDashboard extends Construct {
  /** The dashboard ConfigMap. */
  public readonly configMap: kplus.ConfigMap;
  private readonly props: KafkaBridgeDashboardProps;

  constructor(scope: Construct, id: string, props: KafkaBridgeDashboardProps) {
    super(scope, id);
    this.props = props;
    const name = props.name ?? 'kafka-bridge-dashboard';
    this.configMap = new kplus.ConfigMap(this, 'Resource', {
      metadata: {
        name,
        namespace: props.namespace ?? props.bridges[0]?.namespace,
        labels: { [props.sidecarLabel ?? 'grafana_dashboard']: props.sidecarLabelValue ?? '1' },
        annotations: props.annotations,
      },
    });
    // rendered at synth: Helm-safe output may be enabled after this construct is created
    this.configMap.addData(`${name}.json`, Lazy.any({ produce: () => HelmSafeOutput._text(this, JSON.stringify(this.dashboard(), undefined, 2)) }) as unknown as string);
    addRules(this, (c) => c.check(props.bridges.length === 0, 'bridge dashboard', 'no bridges are given', 'pass the bridges to show', 'KAF-BRG-027'));
  }

  /** The Grafana dashboard model. */
  public dashboard(): any {
    const bridges = this.props.bridges;
    const namespaces = [...new Set(bridges.map((b) => b.namespace))];
    const sel = `${ScrapeLabels.NAMESPACE}=~"${namespaces.map(escapeRegex).join('|')}",${BRIDGE_SCRAPE_LABEL}=~"$bridge"`;
    const types = new Set(bridges.map((b) => b.metrics?.type ?? MetricsType.JMX_PROMETHEUS_EXPORTER));
    const client = (m: _BridgeClientMetric, extra = '') => {
      const q = [...types].map((t) => (t === MetricsType.STRIMZI_METRICS_REPORTER ? `${m.reporter}{${sel}${extra}}` : `${m.jmx}{${sel}${extra}}`));
      return q.length === 1 ? q[0] : `(${q.join(' or ')})`;
    };
    const clientIds = [...types].map((t) => (t === MetricsType.STRIMZI_METRICS_REPORTER
      ? _BRIDGE_CLIENT_ID_LABEL.reporter : _BRIDGE_CLIENT_ID_LABEL.jmx));
    const byClient = `${BRIDGE_SCRAPE_LABEL}, ${clientIds.join(', ')}`;
    const legend = `{{${BRIDGE_SCRAPE_LABEL}}} {{${clientIds[0]}}}`;
    const M = _BRIDGE_CLIENT_METRICS;
    const H = BridgeMetricNames;
    const panels: Panel[] = [
      { title: 'Bridge pods up', type: 'stat', expr: `sum(up{${sel}})` },
      { title: 'HTTP connections', type: 'stat', expr: `sum(${H.HTTP_ACTIVE_CONNECTIONS}{${sel}})` },
      { title: 'HTTP requests in progress', type: 'stat', expr: `sum(${H.HTTP_ACTIVE_REQUESTS}{${sel}})` },
      { title: 'Consumer assigned partitions', type: 'stat', expr: `sum(${client(M.consumerAssignedPartitions)})` },
      { title: 'Requests by method', type: 'timeseries', unit: 'reqps', expr: `sum by (${BRIDGE_SCRAPE_LABEL}, method) (rate(${H.HTTP_REQUESTS}{${sel}}[5m]))`, legend: `{{${BRIDGE_SCRAPE_LABEL}}} {{method}}` },
      { title: 'Responses by status class', type: 'timeseries', unit: 'reqps', expr: `sum by (${BRIDGE_SCRAPE_LABEL}, code_class) (label_replace(rate(${H.HTTP_REQUESTS}{${sel}}[5m]), "code_class", "\${1}xx", "code", "([0-9]).."))`, legend: `{{${BRIDGE_SCRAPE_LABEL}}} {{code_class}}` },
      { title: 'Requests by path', type: 'timeseries', unit: 'reqps', expr: `sum by (${BRIDGE_SCRAPE_LABEL}, method, path) (rate(${H.HTTP_REQUESTS}{${sel},path!="/favicon.ico"}[5m]))`, legend: '{{method}} {{path}}' },
      { title: 'HTTP bytes sent / received', type: 'timeseries', unit: 'Bps', expr: `sum by (${BRIDGE_SCRAPE_LABEL}) (rate(${H.HTTP_BYTES_WRITTEN}{${sel}}[5m])) or sum by (${BRIDGE_SCRAPE_LABEL}) (-rate(${H.HTTP_BYTES_READ}{${sel}}[5m]))`, legend: `{{${BRIDGE_SCRAPE_LABEL}}}` },
      { title: 'Records sent', type: 'timeseries', unit: 'short', expr: `sum by (${byClient}) (rate(${client(M.producerRecordSendTotal)}[5m]))`, legend },
      { title: 'Records consumed', type: 'timeseries', unit: 'short', expr: `sum by (${byClient}) (rate(${client(M.consumerRecordsConsumedTotal)}[5m]))`, legend },
      { title: 'Producer request latency (avg)', type: 'timeseries', unit: 'ms', expr: `max by (${byClient}) (${client(M.producerRequestLatencyAvg)})`, legend },
      { title: 'Consumer fetch latency (avg)', type: 'timeseries', unit: 'ms', expr: `max by (${byClient}) (${client(M.consumerFetchLatencyAvg)})`, legend },
      { title: 'Consumer commit latency (avg)', type: 'timeseries', unit: 'ms', expr: `max by (${byClient}) (${client(M.consumerCommitLatencyAvg)})`, legend },
      { title: 'JVM memory used', type: 'timeseries', unit: 'bytes', expr: `sum by (${ScrapeLabels.POD}) (${H.JVM_MEMORY_USED}{${sel}})`, legend: `{{${ScrapeLabels.POD}}}` },
      { title: 'JVM GC time', type: 'timeseries', unit: 's', expr: `sum by (${ScrapeLabels.POD}) (rate(${H.JVM_GC_PAUSE_SUM}{${sel}}[5m]))`, legend: `{{${ScrapeLabels.POD}}}` },
    ];
    let x = 0;
    let y = 0;
    const out = panels.map((p, i) => {
      const w = p.type === 'stat' ? 6 : 12;
      const h = p.type === 'stat' ? 4 : 8;
      if (x + w > 24 || (i > 0 && panels[i - 1].type !== p.type)) {
        x = 0;
        y += panels[i - 1].type === 'stat' ? 4 : 8;
      }
      const gridPos = { h, w, x, y };
      x += w;
      return {
        id: i + 1,
        type: p.type,
        title: p.title,
        gridPos,
        datasource: { type: 'prometheus', uid: '${datasource}' },
        fieldConfig: { defaults: { unit: p.unit ?? 'short' }, overrides: [] },
        options: p.type === 'timeseries' ? { legend: { displayMode: 'list', placement: 'bottom' } } : { reduceOptions: { calcs: ['lastNotNull'] } },
        targets: [{ refId: 'A', expr: p.expr, legendFormat: p.legend }],
      };
    });
    return {
      uid: 'cdk8s-kafka-bridges',
      title: 'Kafka HTTP bridges',
      tags: ['kafka', 'strimzi', 'bridge', 'cdk8s-kafka'],
      timezone: 'browser',
      schemaVersion: 39,
      editable: true,
      refresh: '30s',
      time: { from: 'now-3h', to: 'now' },
      templating: {
        list: [
          { name: 'datasource', label: 'Data source', type: 'datasource', query: 'prometheus', current: {}, hide: 0 },
          {
            name: 'bridge',
            label: 'Bridge',
            type: 'custom',
            multi: true,
            includeAll: true,
            allValue: '.+',
            current: {},
            hide: 0,
            query: bridges.map((b) => b.bridgeName).join(','),
          },
        ],
      },
      panels: out,
    };
  }
}
