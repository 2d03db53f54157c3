import { ApiObject, Duration, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { KafkaMetrics } from './kafka-metrics';
import { checkMonitoringObject, checkPromDuration, promDurationOf } from './monitoring-rules';
import { _scrapeTargets, _strimziRelabelings } from './scrape-targets';
import * as prom from '../../imports/monitoring.coreos.com';
import { keepPatchedFields } from '../common/patch-passthrough';
import { registerUniqueDocuments } from '../common/unique-documents';
import { addRules } from '../common/validation';

/**
 * Which namespaces a PodMonitor looks for pods in.
 */
export class MonitoredNamespaces {
  /** Every namespace. */
  public static any(): MonitoredNamespaces {
    return new MonitoredNamespaces(true, []);
  }

  /** The named namespaces. */
  public static names(...names: string[]): MonitoredNamespaces {
    return new MonitoredNamespaces(false, names);
  }

  private constructor(
    /** Whether every namespace is selected. */
    public readonly allNamespaces: boolean,
    /** The selected namespaces, when not every namespace is. */
    public readonly namespaceNames: string[],
  ) {}

  /** Whether `namespace` is selected. */
  public includes(namespace: string): boolean {
    return this.allNamespaces || this.namespaceNames.includes(namespace);
  }
}

/**
 * Options of `KafkaPodMonitors` (everything but the metrics it scrapes).
 */
export interface KafkaPodMonitorsOptions {
  /**
   * Namespace of the PodMonitor objects.
   * @default - the cluster's namespace
   */
  readonly namespace?: string;
  /**
   * Namespaces the PodMonitors of the cluster's pods look in. Must include the
   * cluster's namespace.
   * @default MonitoredNamespaces.names(<cluster namespace>)
   */
  readonly namespaceSelector?: MonitoredNamespaces;
  /**
   * Labels of the PodMonitors, for the Prometheus resource's `podMonitorSelector`.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Namespace of the Strimzi cluster operator, to scrape its metrics (which
   * include the certificate expiry the alerts use).
   * @default - the cluster's namespace
   */
  readonly clusterOperatorNamespace?: string;
  /**
   * Scrape the cluster operator.
   * @default true
   */
  readonly scrapeClusterOperator?: boolean;
  /**
   * Scrape interval.
   * @default - the Prometheus default
   */
  readonly interval?: Duration;
}

/**
 * Properties of `KafkaPodMonitors`.
 */
export interface KafkaPodMonitorsProps extends KafkaPodMonitorsOptions {
  /** The metrics of the cluster to scrape. */
  readonly metrics: KafkaMetrics;
}

/**
 * Prometheus Operator PodMonitors for a Strimzi cluster: the Kafka nodes of
 * every node pool, the entity operator, the Kafka Exporter, Cruise Control
 * (when its metrics are on) and the cluster operator. Series get the labels
 * listed in `ScrapeLabels`.
 */
export class KafkaPodMonitors extends Construct {
  /** The PodMonitors, by target id (`kafka`, `entity-operator`, `kafka-exporter`, `cruise-control`, `cluster-operator`). */
  public readonly podMonitors: { [id: string]: ApiObject } = {};

  constructor(scope: Construct, id: string, props: KafkaPodMonitorsProps) {
    super(scope, id);
    registerUniqueDocuments(this);
    const cluster = props.metrics.cluster;
    const namespace = props.namespace ?? cluster.namespace;
    const selector = props.namespaceSelector ?? MonitoredNamespaces.names(cluster.namespace);
    const coNamespace = (props.scrapeClusterOperator ?? true) ? (props.clusterOperatorNamespace ?? cluster.namespace) : undefined;
    const relabelings = _strimziRelabelings();

    for (const target of _scrapeTargets(props.metrics, coNamespace)) {
      const namespaces = target.id === 'cluster-operator' ? MonitoredNamespaces.names(target.namespace) : selector;
      const name = target.id === 'cluster-operator' ? `${cluster.clusterName}-strimzi-cluster-operator` : `${cluster.clusterName}-${target.id}`;
      this.podMonitors[target.id] = new prom.PodMonitor(this, target.id === 'kafka' ? 'Resource' : target.id, {
        metadata: { name, namespace, labels: props.labels },
        spec: Lazy.any({
          produce: (): prom.PodMonitorSpec => ({
            selector: { matchLabels: target.matchLabels },
            namespaceSelector: namespaces.allNamespaces ? { any: true } : { matchNames: namespaces.namespaceNames },
            podMetricsEndpoints: target.ports.map((port) => ({
              port,
              path: '/metrics',
              interval: props.interval ? promDurationOf(props.interval) : undefined,
              relabelings: relabelings as any,
            })),
          }),
        }) as any,
      });
      keepPatchedFields(this.podMonitors[target.id]);
    }

    addRules(this, (c) => {
      const subject = `PodMonitors of cluster "${cluster.clusterName}"`;
      checkMonitoringObject(c, subject, 'the PodMonitors', { namespace, labels: props.labels });
      checkPromDuration(c, subject, 'interval', props.interval);
      c.check(!selector.includes(cluster.namespace), `PodMonitors of cluster "${cluster.clusterName}"`,
        `the namespace selector (${selector.namespaceNames.join(', ') || 'none'}) does not include the cluster's namespace "${cluster.namespace}", so no Kafka pod would be scraped`,
        `add "${cluster.namespace}" to namespaceSelector or use MonitoredNamespaces.any()`, 'KAF-MON-021');
    });
  }
}
