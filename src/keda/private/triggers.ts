/*
 * The two lag triggers of a ScaledObject (library-internal): KEDA's `kafka`
 * trigger and the `prometheus` trigger on the Kafka Exporter's lag metric.
 */
import { ApiObject } from 'cdk8s';
import * as keda from '../../../imports/keda.sh';
import { compact } from '../../common/objects';
import { KafkaExporterMetrics, ScrapeLabels } from '../../monitoring/metric-names';
import type { IKafkaCluster } from '../../strimzi/cluster';
import { PrometheusLagTriggerOptions } from '../lag-trigger';
import { OffsetResetPolicy } from '../scaling-options';

/** The trigger's name in the ScaledObject. */
export const TRIGGER_NAME = 'consumer-lag';

/** What both triggers take from the scaler's props. */
export interface LagFacts {
  readonly cluster: IKafkaCluster;
  readonly consumerGroup: string;
  readonly topicName?: string;
  readonly lagThreshold?: number;
  readonly activationLagThreshold?: number;
}

/** The kafka trigger's own inputs. */
export interface KafkaTriggerFacts extends LagFacts {
  readonly bootstrapServers?: string;
  readonly tls?: boolean;
  readonly sasl?: string;
  readonly offsetResetPolicy?: OffsetResetPolicy;
  readonly allowIdleConsumers?: boolean;
  readonly excludePersistentLag?: boolean;
  readonly scaleToZeroOnInvalidOffset?: boolean;
  readonly limitToPartitionsWithLag?: boolean;
  readonly ensureEvenDistributionOfPartitions?: boolean;
  readonly partitionLimitation?: string;
  readonly triggerAuthentication?: ApiObject;
}

/** The trigger metadata without unset entries (KEDA reads every value as a string). */
function stringMap(m: { [k: string]: string | undefined }): { [k: string]: string } {
  return (compact(m) ?? {}) as { [k: string]: string };
}

const str = (v: unknown) => (v === undefined ? undefined : String(v));

/** KEDA's `kafka` trigger. */
export function renderKafkaTrigger(f: KafkaTriggerFacts): keda.ScaledObjectSpecTriggers {
  const auth = f.triggerAuthentication;
  return {
    type: 'kafka',
    name: TRIGGER_NAME,
    metadata: stringMap({
      bootstrapServers: f.bootstrapServers ?? '',
      consumerGroup: f.consumerGroup,
      topic: f.topicName,
      lagThreshold: String(f.lagThreshold ?? 10),
      activationLagThreshold: str(f.activationLagThreshold),
      offsetResetPolicy: f.offsetResetPolicy,
      allowIdleConsumers: str(f.allowIdleConsumers),
      excludePersistentLag: str(f.excludePersistentLag),
      scaleToZeroOnInvalidOffset: str(f.scaleToZeroOnInvalidOffset),
      limitToPartitionsWithLag: str(f.limitToPartitionsWithLag),
      ensureEvenDistributionOfPartitions: str(f.ensureEvenDistributionOfPartitions),
      partitionLimitation: f.partitionLimitation,
      version: f.cluster.version.version,
      tls: f.tls ? 'enable' : undefined,
      sasl: f.sasl,
    }),
    authenticationRef: auth && {
      name: auth.name,
      kind: auth.kind as keda.ScaledObjectSpecTriggersAuthenticationRefKind,
    },
  };
}

/** The `prometheus` trigger on the Kafka Exporter's lag metric (or the query given). */
export function renderPrometheusTrigger(f: LagFacts, o: PrometheusLagTriggerOptions): keda.ScaledObjectSpecTriggers {
  return {
    type: 'prometheus',
    name: TRIGGER_NAME,
    metadata: stringMap({
      serverAddress: o.serverAddress,
      query: o.query ?? lagQuery(f, o),
      threshold: String(f.lagThreshold ?? 10),
      activationThreshold: str(f.activationLagThreshold),
      ignoreNullValues: str(o.ignoreNullValues),
    }),
  };
}

/**
 * The default Prometheus query: the Kafka Exporter's per-partition lag of the
 * group (and topic), scoped to this cluster by the labels the library's
 * scrapes add, clamped at 0 and summed into one sample.
 */
function lagQuery(f: LagFacts, o: PrometheusLagTriggerOptions): string {
  const matchers: Array<[string, string]> = [];
  if (o.matchScrapeLabels ?? true) {
    matchers.push([ScrapeLabels.NAMESPACE, f.cluster.namespace], [ScrapeLabels.CLUSTER, f.cluster.clusterName]);
  }
  matchers.push([KafkaExporterMetrics.CONSUMER_GROUP_LABEL, f.consumerGroup]);
  if (f.topicName !== undefined) {
    matchers.push([KafkaExporterMetrics.TOPIC_LABEL, f.topicName]);
  }
  matchers.push(...Object.entries(o.labelMatchers ?? {}));
  // The exporter reports -1 for partitions without a committed offset: clamp them to 0 before summing.
  const selector = matchers.map(([k, v]) => `${k}=${promString(v)}`).join(',');
  return `sum(clamp_min(${KafkaExporterMetrics.CONSUMER_GROUP_LAG}{${selector}}, 0))`;
}

function promString(v: string): string {
  return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
