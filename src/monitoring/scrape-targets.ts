import { KafkaMetrics } from './kafka-metrics';
import { ScrapeLabels } from './metric-names';
import * as names from '../strimzi/private/strimzi-names';

/**
 * One kind of Strimzi pod to scrape: the labels that select it and the
 * container ports serving `/metrics`.
 * @internal
 */
export interface _ScrapeTarget {
  /** Short id, used in object names and job names. */
  readonly id: string;
  /** Pod labels that select exactly these pods. */
  readonly matchLabels: { [key: string]: string };
  /** Container port names serving `/metrics`. */
  readonly ports: string[];
  /** Namespace of the pods. */
  readonly namespace: string;
}

/** One relabeling, in neutral form. @internal */
export interface _Relabel {
  readonly action?: string;
  readonly sourceLabels?: string[];
  readonly targetLabel?: string;
  readonly regex?: string;
  readonly replacement?: string;
}

/**
 * The relabelings every scrape applies, so series carry the pod's Strimzi
 * labels (`strimzi_io_cluster`, `strimzi_io_name`, `strimzi_io_pool_name`,
 * ...), its namespace, pod and node names (the labels Strimzi's dashboards use).
 * @internal
 */
export function _strimziRelabelings(): _Relabel[] {
  return [
    { action: 'labelmap', regex: '__meta_kubernetes_pod_label_(strimzi_io_.+)', replacement: '$1' },
    { action: 'replace', sourceLabels: ['__meta_kubernetes_namespace'], targetLabel: ScrapeLabels.NAMESPACE },
    { action: 'replace', sourceLabels: ['__meta_kubernetes_pod_name'], targetLabel: ScrapeLabels.POD },
    { action: 'replace', sourceLabels: ['__meta_kubernetes_pod_node_name'], targetLabel: ScrapeLabels.NODE },
    { action: 'replace', sourceLabels: ['__meta_kubernetes_pod_host_ip'], targetLabel: 'node_ip' },
  ];
}

/** The metrics port of Kafka nodes, the Kafka Exporter and Cruise Control. @internal */
export const _PROMETHEUS_PORT_NAME = 'tcp-prometheus';

/**
 * The Strimzi pods of a cluster that serve metrics.
 * @internal
 */
export function _scrapeTargets(metrics: KafkaMetrics, clusterOperatorNamespace?: string): _ScrapeTarget[] {
  const c = metrics.cluster.clusterName;
  const ns = metrics.cluster.namespace;
  const targets: _ScrapeTarget[] = [
    {
      // Every node of every pool: Strimzi gives all of them strimzi.io/name=<cluster>-kafka.
      id: 'kafka',
      matchLabels: names.kafkaComponentSelector(c, names.kafkaComponentName(c)),
      ports: [_PROMETHEUS_PORT_NAME],
      namespace: ns,
    },
    {
      id: 'entity-operator',
      matchLabels: names.kafkaComponentSelector(c, names.entityOperatorName(c)),
      ports: ['healthcheck-to', 'healthcheck-uo'],
      namespace: ns,
    },
  ];
  if (metrics.kafkaExporterEnabled) {
    targets.push({
      id: 'kafka-exporter',
      matchLabels: names.kafkaComponentSelector(c, names.kafkaExporterName(c)),
      ports: [_PROMETHEUS_PORT_NAME],
      namespace: ns,
    });
  }
  if (metrics.cruiseControlMetricsEnabled) {
    targets.push({
      id: 'cruise-control',
      matchLabels: names.kafkaComponentSelector(c, names.cruiseControlName(c)),
      ports: [_PROMETHEUS_PORT_NAME],
      namespace: ns,
    });
  }
  if (clusterOperatorNamespace !== undefined) {
    targets.push({
      id: 'cluster-operator',
      matchLabels: { 'strimzi.io/kind': 'cluster-operator' },
      ports: ['http'],
      namespace: clusterOperatorNamespace,
    });
  }
  return targets;
}
