/**
 * Options of the Prometheus lag trigger.
 */
export interface PrometheusLagTriggerOptions {
  /** The Prometheus (or Thanos Querier) base URL, e.g. `http://prometheus-operated.monitoring.svc:9090`. */
  readonly serverAddress: string;
  /**
   * Extra label matchers for the lag series, e.g. `{ kubernetes_namespace: 'kafka' }`
   * with a scrape configuration of your own (see `matchScrapeLabels`).
   * @default - only the scrape labels (see `matchScrapeLabels`), `consumergroup` and `topic`
   */
  readonly labelMatchers?: { [label: string]: string };
  /**
   * Whether the default query selects the cluster's series by the labels the
   * library's scrapes (its PodMonitors and its standalone Prometheus) put on
   * them: `namespace="<cluster namespace>"` and `strimzi_io_cluster="<cluster>"`,
   * as the library's alerts and dashboards do. Without them, the lag of
   * same-named groups and topics of every cluster Prometheus scrapes is summed.
   * Set `false` when the exporter is scraped by a configuration of yours that
   * does not add these labels (the query would then match nothing, and an
   * empty result counts as lag 0), and select the cluster with `labelMatchers`.
   * @default true
   */
  readonly matchScrapeLabels?: boolean;
  /**
   * A PromQL query of your own, which must return exactly one sample.
   * @default - `sum(clamp_min(kafka_consumergroup_lag{namespace="<ns>",strimzi_io_cluster="<cluster>",consumergroup="<group>",topic="<topic>"}, 0))`
   */
  readonly query?: string;
  /**
   * Whether an empty query result counts as lag 0 (true) or as a trigger error (false).
   * @default true
   */
  readonly ignoreNullValues?: boolean;
}

/**
 * The kind of trigger that measures consumer lag.
 */
export enum LagTriggerType {
  /** KEDA's `kafka` scaler: reads offsets from the brokers. */
  KAFKA = 'kafka',
  /** KEDA's `prometheus` scaler: reads the Kafka Exporter's lag metric. */
  PROMETHEUS = 'prometheus',
}

/**
 * Where KEDA reads the consumer lag from.
 */
export class LagTrigger {
  /**
   * KEDA's `kafka` scaler: it connects to the brokers through the listener
   * (with the user's credentials) and reads committed and end offsets itself.
   * Never scales beyond the partition count unless `allowIdleConsumers`.
   */
  public static kafka(): LagTrigger {
    return new LagTrigger(LagTriggerType.KAFKA, undefined);
  }

  /**
   * KEDA's `prometheus` scaler on the Kafka Exporter's `kafka_consumergroup_lag`
   * metric, for clusters whose exporter Prometheus already scrapes. KEDA needs
   * no Kafka credentials; the value is as fresh as the last scrape, and there is
   * no partition cap (keep `maxReplicaCount` at or below the partition count).
   */
  public static prometheus(options: PrometheusLagTriggerOptions): LagTrigger {
    return new LagTrigger(LagTriggerType.PROMETHEUS, options);
  }

  private constructor(
    /** The trigger kind. */
    public readonly type: LagTriggerType,
    /** Options of the Prometheus trigger. */
    public readonly prometheusOptions: PrometheusLagTriggerOptions | undefined,
  ) {}
}
