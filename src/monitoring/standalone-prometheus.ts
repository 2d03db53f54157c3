import { ApiObject, Duration, JsonPatch, Lazy, Size, Yaml } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { KafkaAlerts } from './alerts';
import { KafkaMetrics } from './kafka-metrics';
import { checkMonitoringObject, checkPromDuration, checkStorageSize } from './monitoring-rules';
import { _Relabel, _scrapeTargets, _strimziRelabelings } from './scrape-targets';
import { checkObjectName } from '../common/k8s-values';
import { escapeRegex } from '../common/regex';
import { quantityOf } from '../common/safe-units';
import { registerUniqueDocuments } from '../common/unique-documents';
import { addRules } from '../common/validation';

/**
 * Options of `StandalonePrometheus` (everything but the metrics it scrapes
 * and the alerts it loads).
 */
export interface StandalonePrometheusOptions {
  /**
   * Name of the StatefulSet, Service, ServiceAccount and ConfigMap.
   * @default '<cluster>-prometheus'
   */
  readonly name?: string;
  /**
   * Namespace of Prometheus.
   * @default - the cluster's namespace
   */
  readonly namespace?: string;
  /**
   * Prometheus image.
   * @default 'quay.io/prometheus/prometheus:v3.5.0'
   */
  readonly image?: string;
  /**
   * Size of the data volume (one PersistentVolumeClaim from a claim template).
   * @default Size.gibibytes(20)
   */
  readonly storageSize?: Size;
  /**
   * Storage class of the data volume.
   * @default - the cluster's default storage class
   */
  readonly storageClassName?: string;
  /**
   * How long samples are kept.
   * @default Duration.days(15)
   */
  readonly retention?: Duration;
  /**
   * Scrape and rule evaluation interval.
   * @default Duration.seconds(30)
   */
  readonly scrapeInterval?: Duration;
  /**
   * Namespace of the Strimzi cluster operator, to scrape its metrics.
   * @default - the cluster's namespace
   */
  readonly clusterOperatorNamespace?: string;
  /**
   * Scrape the cluster operator.
   * @default true
   */
  readonly scrapeClusterOperator?: boolean;
  /**
   * Scrape the kubelets (through the API server) for `kubelet_volume_stats_*`,
   * which the disk usage alert and panel need. Adds a ClusterRole for
   * `nodes`, `nodes/metrics` and `nodes/proxy`.
   * @default false
   */
  readonly scrapeKubelets?: boolean;
  /**
   * CPU and memory of the Prometheus container.
   * @default - 200m/512Mi requested, 1 CPU/2Gi limit
   */
  readonly resources?: kplus.ContainerResources;
}

/**
 * Properties of `StandalonePrometheus`.
 */
export interface StandalonePrometheusProps extends StandalonePrometheusOptions {
  /** The metrics of the cluster to scrape. */
  readonly metrics: KafkaMetrics;
  /**
   * Alerts to load as a rule file, shown in the Prometheus UI (no Alertmanager is set up).
   * @default - no rules
   */
  readonly alerts?: KafkaAlerts;
}

/**
 * A single Prometheus server for clusters without the Prometheus Operator:
 * a StatefulSet with a persistent data volume, its configuration ConfigMap
 * (Kubernetes service discovery of the cluster's Strimzi pods, relabelled
 * like the PodMonitors), a ServiceAccount with read access to pods,
 * endpoints and services, and a Service on port 9090 for Grafana.
 */
export class StandalonePrometheus extends Construct {
  /** The Prometheus web port. */
  public static readonly PORT = 9090;

  /** The StatefulSet. */
  public readonly statefulSet: kplus.StatefulSet;
  /** The Service (port 9090), e.g. for a Grafana data source. */
  public readonly service: kplus.Service;
  /** The configuration ConfigMap. */
  public readonly configMap: kplus.ConfigMap;
  /** The ServiceAccount Prometheus runs as. */
  public readonly serviceAccount: kplus.ServiceAccount;
  /** The in-cluster URL of Prometheus. */
  public readonly url: string;

  constructor(scope: Construct, id: string, props: StandalonePrometheusProps) {
    super(scope, id);
    registerUniqueDocuments(this);
    const cluster = props.metrics.cluster;
    const name = props.name ?? `${cluster.clusterName}-prometheus`;
    const namespace = props.namespace ?? cluster.namespace;
    const labels = { 'app.kubernetes.io/name': 'prometheus', 'app.kubernetes.io/instance': name };
    const interval = `${(props.scrapeInterval ?? Duration.seconds(30)).toSeconds({ integral: false })}s`;
    addRules(this, (c) => {
      const subject = `standalone Prometheus "${name}"`;
      checkMonitoringObject(c, subject, 'the standalone Prometheus', { namespace });
      checkPromDuration(c, subject, 'scrapeInterval', props.scrapeInterval);
      checkPromDuration(c, subject, 'retention', props.retention);
      checkStorageSize(c, subject, 'storageSize', props.storageSize);
      checkObjectName(c, subject, 'storageClassName', props.storageClassName);
    });
    const coNamespace = (props.scrapeClusterOperator ?? true) ? (props.clusterOperatorNamespace ?? cluster.namespace) : undefined;
    const targets = _scrapeTargets(props.metrics, coNamespace);
    this.url = `http://${name}.${namespace}.svc:${StandalonePrometheus.PORT}`;

    this.serviceAccount = new kplus.ServiceAccount(this, 'ServiceAccount', {
      metadata: { name, namespace, labels },
      automountToken: true,
    });
    for (const ns of [...new Set(targets.map((t) => t.namespace))]) {
      const role = new kplus.Role(this, `Role-${ns}`, { metadata: { name: `${name}-discovery`, namespace: ns, labels } });
      role.allow(['get', 'list', 'watch'], kplus.ApiResource.PODS, kplus.ApiResource.ENDPOINTS, kplus.ApiResource.SERVICES);
      role.bind(this.serviceAccount);
    }
    if (props.scrapeKubelets) {
      const clusterRole = new kplus.ClusterRole(this, 'KubeletClusterRole', { metadata: { name: `${namespace}-${name}-kubelet`, labels } });
      clusterRole.allow(['get', 'list', 'watch'], kplus.ApiResource.NODES, kplus.ApiResource.custom({ apiGroup: '', resourceType: 'nodes/metrics' }),
        kplus.ApiResource.custom({ apiGroup: '', resourceType: 'nodes/proxy' }));
      clusterRole.bind(this.serviceAccount);
    }

    const scrapeConfigs: any[] = targets.map((t) => ({
      job_name: `${cluster.clusterName}-${t.id}`,
      scrape_interval: interval,
      metrics_path: '/metrics',
      kubernetes_sd_configs: [{ role: 'pod', namespaces: { names: [t.namespace] } }],
      relabel_configs: [
        ...Object.entries(t.matchLabels).map(([k, v]) => ({
          source_labels: [`__meta_kubernetes_pod_label_${k.replace(/[^a-zA-Z0-9_]/g, '_')}`],
          action: 'keep',
          regex: escapeRegex(v),
        })),
        { source_labels: ['__meta_kubernetes_pod_container_port_name'], action: 'keep', regex: t.ports.map(escapeRegex).join('|') },
        ...toPrometheusRelabel(_strimziRelabelings()),
      ],
    }));
    if (props.scrapeKubelets) {
      scrapeConfigs.push({
        job_name: 'kubelet',
        scrape_interval: interval,
        scheme: 'https',
        tls_config: { ca_file: '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt' },
        authorization: { credentials_file: '/var/run/secrets/kubernetes.io/serviceaccount/token' },
        kubernetes_sd_configs: [{ role: 'node' }],
        relabel_configs: [
          { target_label: '__address__', replacement: 'kubernetes.default.svc:443' },
          { source_labels: ['__meta_kubernetes_node_name'], regex: '(.+)', target_label: '__metrics_path__', replacement: '/api/v1/nodes/$1/proxy/metrics' },
          { source_labels: ['__meta_kubernetes_node_name'], target_label: 'node' },
        ],
        metric_relabel_configs: [{ source_labels: ['__name__'], action: 'keep', regex: 'kubelet_volume_stats_.+' }],
      });
    }
    const alerts = props.alerts;
    this.configMap = new kplus.ConfigMap(this, 'Config', { metadata: { name, namespace, labels } });
    this.configMap.addData('prometheus.yml', Lazy.any({
      produce: () => Yaml.stringify({
        global: { scrape_interval: interval, evaluation_interval: interval, external_labels: { kafka_cluster: cluster.clusterName } },
        ...(alerts ? { rule_files: ['/etc/prometheus/kafka-alerts.yml'] } : {}),
        scrape_configs: scrapeConfigs,
      }),
    }) as any);
    if (alerts) {
      this.configMap.addData('kafka-alerts.yml', Lazy.any({ produce: () => Yaml.stringify({ groups: alerts.ruleGroups() }) }) as any);
    }

    this.service = new kplus.Service(this, 'Service', {
      metadata: { name, namespace, labels },
      ports: [{ name: 'web', port: StandalonePrometheus.PORT, targetPort: StandalonePrometheus.PORT }],
    });
    this.statefulSet = new kplus.StatefulSet(this, 'StatefulSet', {
      metadata: { name, namespace, labels },
      service: this.service,
      replicas: 1,
      serviceAccount: this.serviceAccount,
      automountServiceAccountToken: true,
      securityContext: { user: 65534, group: 65534, fsGroup: 65534, ensureNonRoot: true },
      podMetadata: { labels },
      containers: [{
        name: 'prometheus',
        image: props.image ?? 'quay.io/prometheus/prometheus:v3.5.0',
        args: [
          '--config.file=/etc/prometheus/prometheus.yml',
          '--storage.tsdb.path=/prometheus',
          `--storage.tsdb.retention.time=${retentionFlag(props.retention ?? Duration.days(15))}`,
          `--web.listen-address=:${StandalonePrometheus.PORT}`,
        ],
        ports: [{ name: 'web', number: StandalonePrometheus.PORT }],
        securityContext: { user: 65534, group: 65534, ensureNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false },
        resources: props.resources ?? {
          cpu: { request: kplus.Cpu.millis(200), limit: kplus.Cpu.units(1) },
          memory: { request: Size.mebibytes(512), limit: Size.gibibytes(2) },
        },
        liveness: kplus.Probe.fromHttpGet('/-/healthy', { port: StandalonePrometheus.PORT, initialDelaySeconds: Duration.seconds(30), periodSeconds: Duration.seconds(15), failureThreshold: 4, timeoutSeconds: Duration.seconds(5) }),
        readiness: kplus.Probe.fromHttpGet('/-/ready', { port: StandalonePrometheus.PORT, periodSeconds: Duration.seconds(10), failureThreshold: 3, timeoutSeconds: Duration.seconds(5) }),
        volumeMounts: [{ path: '/etc/prometheus', volume: kplus.Volume.fromConfigMap(this, 'ConfigVolume', this.configMap, { name: 'config' }), readOnly: true }],
      }],
    });

    // The data volume comes from a claim template, which cdk8s-plus does not model.
    const sts = ApiObject.of(this.statefulSet);
    sts.addJsonPatch(JsonPatch.add('/spec/template/spec/containers/0/volumeMounts/-', { name: 'data', mountPath: '/prometheus' }));
    sts.addJsonPatch(JsonPatch.add('/spec/volumeClaimTemplates', [{
      metadata: { name: 'data', labels },
      spec: {
        accessModes: ['ReadWriteOnce'],
        ...(props.storageClassName ? { storageClassName: props.storageClassName } : {}),
        // The StatefulSet's toJson maps the patched object through its typed Quantity fields: pass a Quantity-shaped value.
        resources: { requests: { storage: { value: quantityOf(props.storageSize ?? Size.gibibytes(20)) } } },
      },
    }]));
  }
}

function toPrometheusRelabel(rs: _Relabel[]): any[] {
  return rs.map((r) => prune({
    source_labels: r.sourceLabels,
    action: r.action,
    regex: r.regex,
    target_label: r.targetLabel,
    replacement: r.replacement,
  }));
}

function prune(o: { [key: string]: any }): { [key: string]: any } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** Prometheus' retention flag: whole hours as `<n>h` (as before), anything else in seconds (fractions are reported). */
function retentionFlag(d: Duration): string {
  const h = d.toHours({ integral: false });
  return Number.isInteger(h) ? `${h}h` : `${d.toSeconds({ integral: false })}s`;
}
