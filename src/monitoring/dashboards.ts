import { Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { KafkaMetrics } from './kafka-metrics';
import { _JVM_METRICS, _KAFKA_METRICS, _KafkaMetricName, _PLATFORM_METRICS, KafkaExporterMetrics, ScrapeLabels } from './metric-names';
import { MetricsType } from './metrics-config';
import { checkMonitoringObject } from './monitoring-rules';
import { HelmSafeOutput } from '../common/helm';
import { toDns1123Label } from '../common/names';
import { registerUniqueDocuments } from '../common/unique-documents';
import { addRules } from '../common/validation';

/**
 * Options of `KafkaDashboards` (everything but the metrics it shows).
 */
export interface KafkaDashboardsOptions {
  /**
   * Namespace of the dashboard ConfigMaps (where the Grafana sidecar looks).
   * @default - the cluster's namespace
   */
  readonly namespace?: string;
  /**
   * Label key the Grafana sidecar selects dashboard ConfigMaps by
   * (`sidecar.dashboards.label` of the Grafana Helm chart).
   * @default 'grafana_dashboard'
   */
  readonly sidecarLabel?: string;
  /**
   * Value of the sidecar label (`sidecar.dashboards.labelValue`; kube-prometheus-stack uses "1").
   * @default '1'
   */
  readonly sidecarLabelValue?: string;
  /**
   * Annotations of the ConfigMaps, e.g. the sidecar's folder annotation.
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
}

/**
 * Properties of `KafkaDashboards`.
 */
export interface KafkaDashboardsProps extends KafkaDashboardsOptions {
  /** The metrics of the cluster. Panels query the names its metrics type produces. */
  readonly metrics: KafkaMetrics;
}

/** One panel, before layout. */
interface PanelSpec {
  readonly title: string;
  readonly type: 'stat' | 'timeseries';
  readonly exprs: { expr: string; legend?: string }[];
  readonly unit?: string;
  readonly description?: string;
}

/**
 * Grafana dashboards of a Strimzi cluster, as ConfigMaps for the Grafana
 * dashboard sidecar: the cluster (brokers, controllers, requests, JVM, disks)
 * and, when the Kafka Exporter runs, topics and consumer groups.
 */
export class KafkaDashboards extends Construct {
  /** The dashboard ConfigMaps. */
  public readonly configMaps: kplus.ConfigMap[] = [];
  private readonly props: KafkaDashboardsProps;

  constructor(scope: Construct, id: string, props: KafkaDashboardsProps) {
    super(scope, id);
    registerUniqueDocuments(this);
    this.props = props;
    const cluster = props.metrics.cluster;
    const labels = { [props.sidecarLabel ?? 'grafana_dashboard']: props.sidecarLabelValue ?? '1' };
    addRules(this, (c) => checkMonitoringObject(c, `dashboards of cluster "${cluster.clusterName}"`, 'the dashboard ConfigMaps',
      { namespace: props.namespace, labels, annotations: props.annotations }));
    const dashboards = this.dashboards();
    for (const [key, dashboard] of Object.entries(dashboards)) {
      const configMap = new kplus.ConfigMap(this, key, {
        metadata: { name: `${cluster.clusterName}-${key}-dashboard`, namespace: props.namespace ?? cluster.namespace, labels, annotations: props.annotations },
      });
      // rendered at synth: Helm-safe output may be enabled after this construct is created
      configMap.addData(`${cluster.clusterName}-${key}.json`, Lazy.any({ produce: () => HelmSafeOutput._text(this, JSON.stringify(dashboard, undefined, 2)) }) as any);
      this.configMaps.push(configMap);
    }
  }

  /**
   * The Grafana dashboard models, by short name (`kafka`, `kafka-exporter`).
   */
  public dashboards(): { [name: string]: any } {
    const out: { [name: string]: any } = { kafka: this.clusterDashboard() };
    if (this.props.metrics.kafkaExporterEnabled) {
      out['kafka-exporter'] = this.exporterDashboard();
    }
    return out;
  }

  private name(m: _KafkaMetricName): string {
    return this.props.metrics.metricsType === MetricsType.STRIMZI_METRICS_REPORTER ? m.reporter : m.jmx;
  }

  private get nodes(): string {
    const c = this.props.metrics.cluster;
    return `${ScrapeLabels.NAMESPACE}="${c.namespace}",${ScrapeLabels.CLUSTER}="${c.clusterName}",${ScrapeLabels.NAME}="${c.clusterName}-kafka"`;
  }

  private clusterDashboard(): any {
    const c = this.props.metrics.cluster;
    const M = _KAFKA_METRICS;
    const n = this.nodes;
    const pod = ScrapeLabels.POD;
    const podLegend = `{{${pod}}}`;
    const reporter = this.props.metrics.metricsType === MetricsType.STRIMZI_METRICS_REPORTER;
    const pvc = `${ScrapeLabels.NAMESPACE}="${c.namespace}",persistentvolumeclaim=~"data(-[0-9]+)?-${c.clusterName}-.+-[0-9]+"`;
    const panels: PanelSpec[] = [
      { title: 'Brokers up', type: 'stat', exprs: [{ expr: `sum(up{${n},strimzi_io_broker_role="true"})` }] },
      { title: 'Controllers up', type: 'stat', exprs: [{ expr: `sum(up{${n},strimzi_io_controller_role="true"})` }] },
      { title: 'Active controllers', type: 'stat', exprs: [{ expr: `sum(${this.name(M.activeControllerCount)}{${n}})` }], description: 'Must be exactly 1.' },
      { title: 'Partitions', type: 'stat', exprs: [{ expr: `max(${this.name(M.globalPartitionCount)}{${n}})` }] },
      { title: 'Under-replicated partitions', type: 'stat', exprs: [{ expr: `sum(${this.name(M.underReplicatedPartitions)}{${n}})` }] },
      { title: 'Under min ISR partitions', type: 'stat', exprs: [{ expr: `sum(${this.name(M.underMinIsrPartitions)}{${n}})` }] },
      { title: 'Offline partitions', type: 'stat', exprs: [{ expr: `max(${this.name(M.offlinePartitions)}{${n}})` }] },
      { title: 'Fenced brokers', type: 'stat', exprs: [{ expr: `max(${this.name(M.fencedBrokerCount)}{${n}})` }] },
      { title: 'Bytes in', type: 'timeseries', unit: 'Bps', exprs: [{ expr: `sum by (${pod}) (rate(${this.name(M.bytesIn)}{${n},topic=""}[5m]))`, legend: podLegend }] },
      { title: 'Bytes out', type: 'timeseries', unit: 'Bps', exprs: [{ expr: `sum by (${pod}) (rate(${this.name(M.bytesOut)}{${n},topic=""}[5m]))`, legend: podLegend }] },
      { title: 'Messages in', type: 'timeseries', unit: 'short', exprs: [{ expr: `sum by (${pod}) (rate(${this.name(M.messagesIn)}{${n},topic=""}[5m]))`, legend: podLegend }] },
      { title: 'Requests by type', type: 'timeseries', unit: 'reqps', exprs: [{ expr: `sum by (request) (rate(${this.name(M.requests)}{${n}}[5m]))`, legend: '{{request}}' }] },
      { title: 'Request latency p99', type: 'timeseries', unit: 'ms', exprs: [{ expr: `max by (request) (${this.name(M.requestTotalTime)}{${n},quantile="0.99"})`, legend: '{{request}}' }] },
      {
        title: 'Request handler idle',
        type: 'timeseries',
        unit: 'percentunit',
        exprs: [{
          expr: reporter
            ? `avg by (${pod}) (rate(${M.requestHandlerIdle.reporter}{${n}}[5m])) / 1e9`
            : `avg by (${pod}) (${M.requestHandlerIdle.jmx}{${n}})`,
          legend: podLegend,
        }],
      },
      { title: 'Network processor idle', type: 'timeseries', unit: 'percentunit', exprs: [{ expr: `avg by (${pod}) (${this.name(M.networkProcessorIdle)}{${n}})`, legend: podLegend }] },
      { title: 'Leaders per broker', type: 'timeseries', unit: 'short', exprs: [{ expr: `sum by (${pod}) (${this.name(M.leaderCount)}{${n}})`, legend: podLegend }] },
      { title: 'Partitions per broker', type: 'timeseries', unit: 'short', exprs: [{ expr: `sum by (${pod}) (${this.name(M.partitionCount)}{${n}})`, legend: podLegend }] },
      {
        title: 'ISR shrinks / expands',
        type: 'timeseries',
        unit: 'short',
        exprs: [
          { expr: `sum by (${pod}) (rate(${this.name(M.isrShrinks)}{${n}}[5m]))`, legend: `shrinks ${podLegend}` },
          { expr: `sum by (${pod}) (rate(${this.name(M.isrExpands)}{${n}}[5m]))`, legend: `expands ${podLegend}` },
        ],
      },
      { title: 'Connections', type: 'timeseries', unit: 'short', exprs: [{ expr: `sum by (${pod}) (${this.name(M.connectionCount)}{${n}})`, legend: podLegend }] },
      { title: 'KRaft commit latency (avg)', type: 'timeseries', unit: 'ms', exprs: [{ expr: `max by (${pod}) (${this.name(M.raftCommitLatencyAvg)}{${n}})`, legend: podLegend }] },
      {
        title: 'Data volume usage',
        type: 'timeseries',
        unit: 'percent',
        exprs: [{
          expr: `max by (persistentvolumeclaim) (100 * (${_PLATFORM_METRICS.volumeCapacity}{${pvc}} - ${_PLATFORM_METRICS.volumeAvailable}{${pvc}}) / ${_PLATFORM_METRICS.volumeCapacity}{${pvc}})`,
          legend: '{{persistentvolumeclaim}}',
        }],
      },
    ];
    if (!reporter) {
      // JVM metrics come with the JMX exporter agent.
      panels.push(
        { title: 'JVM heap used', type: 'timeseries', unit: 'bytes', exprs: [{ expr: `sum by (${pod}) (${_JVM_METRICS.memoryUsed}{${n},area="heap"})`, legend: podLegend }] },
        { title: 'JVM GC time', type: 'timeseries', unit: 's', exprs: [{ expr: `sum by (${pod}) (rate(${_JVM_METRICS.gcCollectionSecondsSum}{${n}}[5m]))`, legend: podLegend }] },
        { title: 'JVM threads', type: 'timeseries', unit: 'short', exprs: [{ expr: `sum by (${pod}) (${_JVM_METRICS.threadsCurrent}{${n}})`, legend: podLegend }] },
        { title: 'Open file descriptors', type: 'timeseries', unit: 'short', exprs: [{ expr: `sum by (${pod}) (${_JVM_METRICS.openFds}{${n}})`, legend: podLegend }] },
      );
    }
    return this.dashboard('kafka', `Kafka cluster ${c.clusterName} (${c.namespace})`, panels);
  }

  private exporterDashboard(): any {
    const c = this.props.metrics.cluster;
    const E = KafkaExporterMetrics;
    const sel = `${ScrapeLabels.NAMESPACE}="${c.namespace}",${ScrapeLabels.CLUSTER}="${c.clusterName}",${ScrapeLabels.NAME}="${c.clusterName}-kafka-exporter"`;
    const panels: PanelSpec[] = [
      { title: 'Brokers', type: 'stat', exprs: [{ expr: `max(${E.BROKERS}{${sel}})` }] },
      { title: 'Topics', type: 'stat', exprs: [{ expr: `count(${E.TOPIC_PARTITIONS}{${sel}})` }] },
      { title: 'Under-replicated partitions', type: 'stat', exprs: [{ expr: `sum(${E.TOPIC_PARTITION_UNDER_REPLICATED}{${sel}})` }] },
      { title: 'Consumer group lag', type: 'timeseries', unit: 'short', exprs: [{ expr: `sum by (consumergroup, topic) (${E.CONSUMER_GROUP_LAG_SUM}{${sel}})`, legend: '{{consumergroup}} / {{topic}}' }] },
      { title: 'Consumer group members', type: 'timeseries', unit: 'short', exprs: [{ expr: `sum by (consumergroup) (${E.CONSUMER_GROUP_MEMBERS}{${sel}})`, legend: '{{consumergroup}}' }] },
      { title: 'Messages produced per topic', type: 'timeseries', unit: 'short', exprs: [{ expr: `sum by (topic) (rate(${E.TOPIC_PARTITION_CURRENT_OFFSET}{${sel}}[5m]))`, legend: '{{topic}}' }] },
      { title: 'Messages consumed per group', type: 'timeseries', unit: 'short', exprs: [{ expr: `sum by (consumergroup) (rate(${E.CONSUMER_GROUP_CURRENT_OFFSET}{${sel}}[5m]))`, legend: '{{consumergroup}}' }] },
    ];
    return this.dashboard('kafka-exporter', `Kafka cluster ${c.clusterName} (${c.namespace}): topics and consumer groups`, panels);
  }

  private dashboard(key: string, title: string, specs: PanelSpec[]): any {
    const c = this.props.metrics.cluster;
    let x = 0;
    let y = 0;
    let rowHeight = 0;
    const panels = specs.map((p, i) => {
      const w = p.type === 'stat' ? 6 : 12;
      const h = p.type === 'stat' ? 4 : 8;
      if (x + w > 24 || (i > 0 && specs[i - 1].type !== p.type)) {
        x = 0;
        y += rowHeight;
        rowHeight = 0;
      }
      const gridPos = { h, w, x, y };
      x += w;
      rowHeight = Math.max(rowHeight, h);
      return {
        id: i + 1,
        type: p.type,
        title: p.title,
        description: p.description,
        gridPos,
        datasource: { type: 'prometheus', uid: '${datasource}' },
        fieldConfig: { defaults: { unit: p.unit ?? 'short' }, overrides: [] },
        options: p.type === 'timeseries' ? { legend: { displayMode: 'list', placement: 'bottom' } } : { reduceOptions: { calcs: ['lastNotNull'] } },
        targets: p.exprs.map((e, j) => ({ refId: String.fromCharCode(65 + j), expr: e.expr, legendFormat: e.legend })),
      };
    });
    return {
      uid: toDns1123Label(`${c.namespace}-${c.clusterName}-${key}`, 40),
      title,
      tags: ['kafka', 'strimzi', 'cdk8s-kafka'],
      timezone: 'browser',
      schemaVersion: 39,
      editable: true,
      refresh: '30s',
      time: { from: 'now-3h', to: 'now' },
      templating: {
        list: [{ name: 'datasource', label: 'Data source', type: 'datasource', query: 'prometheus', current: {}, hide: 0 }],
      },
      panels,
    };
  }
}
