import type { _JmxExporterConfig, _JmxExporterRule } from './jmx-exporter-config';

/**
 * Metric names of the Strimzi HTTP bridge that the library's bridge alerts and
 * dashboard query, by metrics route.
 *
 * The HTTP server series (`strimzi_bridge_http_server_*`) and JVM series come
 * from the bridge's own Micrometer registry under either route; the Kafka client
 * series are named by the JMX exporter rules (`strimzi_bridge_kafka_<client>_<attribute>`,
 * labels `clientId`, `type`, `topic`) or by the Strimzi Metrics Reporter
 * (`kafka_<client>_<group>_<attribute>`, label `client_id`).
 */
export class BridgeMetricNames {
  /** HTTP requests served, by `method`, `path` and `code` (counter). */
  public static readonly HTTP_REQUESTS = 'strimzi_bridge_http_server_requests_total';
  /** Open HTTP connections (gauge). */
  public static readonly HTTP_ACTIVE_CONNECTIONS = 'strimzi_bridge_http_server_active_connections';
  /** HTTP requests in progress (gauge). */
  public static readonly HTTP_ACTIVE_REQUESTS = 'strimzi_bridge_http_server_active_requests';
  /** Bytes written to HTTP clients (counter). */
  public static readonly HTTP_BYTES_WRITTEN = 'strimzi_bridge_http_server_bytes_written_total';
  /** Bytes read from HTTP clients (counter). */
  public static readonly HTTP_BYTES_READ = 'strimzi_bridge_http_server_bytes_read_total';
  /** JVM memory in use (gauge). */
  public static readonly JVM_MEMORY_USED = 'jvm_memory_used_bytes';
  /** Total GC pause time (counter, seconds). */
  public static readonly JVM_GC_PAUSE_SUM = 'jvm_gc_pause_seconds_sum';

  private constructor() {}
}

/** One Kafka client metric of the bridge under each route. @internal */
export interface _BridgeClientMetric {
  readonly jmx: string;
  readonly reporter: string;
}

/** The Kafka client metrics the bridge alerts and dashboard use. @internal */
export const _BRIDGE_CLIENT_METRICS = {
  producerRequestLatencyAvg: { jmx: 'strimzi_bridge_kafka_producer_request_latency_avg', reporter: 'kafka_producer_producer_metrics_request_latency_avg' },
  producerRecordSendTotal: { jmx: 'strimzi_bridge_kafka_producer_record_send_total', reporter: 'kafka_producer_producer_metrics_record_send_total' },
  consumerFetchLatencyAvg: { jmx: 'strimzi_bridge_kafka_consumer_fetch_latency_avg', reporter: 'kafka_consumer_consumer_fetch_manager_metrics_fetch_latency_avg' },
  consumerCommitLatencyAvg: { jmx: 'strimzi_bridge_kafka_consumer_commit_latency_avg', reporter: 'kafka_consumer_consumer_coordinator_metrics_commit_latency_avg' },
  consumerRecordsConsumedTotal: { jmx: 'strimzi_bridge_kafka_consumer_records_consumed_total', reporter: 'kafka_consumer_consumer_fetch_manager_metrics_records_consumed_total' },
  consumerAssignedPartitions: { jmx: 'strimzi_bridge_kafka_consumer_assigned_partitions', reporter: 'kafka_consumer_consumer_coordinator_metrics_assigned_partitions' },
};

/** The client-id label under each route. @internal */
export const _BRIDGE_CLIENT_ID_LABEL = { jmx: 'clientId', reporter: 'client_id' };

/**
 * The Metrics Reporter allow list the library renders for a bridge when none is
 * given: the operator's default list plus the consumer fetch-manager and
 * coordinator groups, which the fetch and commit latency alerts need.
 * @internal
 */
export const _BRIDGE_REPORTER_ALLOW_LIST = [
  'kafka_consumer_consumer_metrics.*',
  'kafka_consumer_consumer_fetch_manager_metrics.*',
  'kafka_consumer_consumer_coordinator_metrics.*',
  'kafka_producer_kafka_metrics_count_count',
  'kafka_producer_producer_metrics.*',
];

/**
 * JMX exporter rules for the bridge's Kafka clients (MBeans
 * `kafka.<producer|consumer|admin>:type=<group>,client-id=<id>[,topic=<t>]`):
 * `strimzi_bridge_kafka_<client>_<attribute>` gauges, `..._total` counters for
 * attributes ending `-total`, labels `type`, `clientId` and (per topic) `topic`.
 * @internal
 */
export function _bridgeJmxExporterConfig(): _JmxExporterConfig {
  const rules: _JmxExporterRule[] = [];
  for (const client of ['producer', 'consumer']) {
    rules.push(
      { pattern: `kafka\\.${client}<type=(.+), client-id=(.+), topic=(.+)><>([a-z-]+)-total`, name: `strimzi_bridge_kafka_${client}_$4_total`, type: 'COUNTER', labels: { type: '$1', clientId: '$2', topic: '$3' } },
      { pattern: `kafka\\.${client}<type=(.+), client-id=(.+), topic=(.+)><>([a-z-]+)`, name: `strimzi_bridge_kafka_${client}_$4`, type: 'GAUGE', labels: { type: '$1', clientId: '$2', topic: '$3' } },
    );
  }
  rules.push(
    // attributes with "total" inside the name (e.g. io-wait-time-ns-total is a counter, but incoming-byte-total-... is not)
    { pattern: 'kafka\\.(\\w+)<type=(.+), client-id=(.+)><>([a-z-]+-total-[a-z-]+)', name: 'strimzi_bridge_kafka_$1_$4', type: 'GAUGE', labels: { type: '$2', clientId: '$3' } },
    { pattern: 'kafka\\.(\\w+)<type=(.+), client-id=(.+)><>([a-z-]+)-total', name: 'strimzi_bridge_kafka_$1_$4_total', type: 'COUNTER', labels: { type: '$2', clientId: '$3' } },
    { pattern: 'kafka\\.(\\w+)<type=(.+), client-id=(.+)><>([a-z-]+)', name: 'strimzi_bridge_kafka_$1_$4', type: 'GAUGE', labels: { type: '$2', clientId: '$3' } },
  );
  return { lowercaseOutputName: true, lowercaseOutputLabelNames: false, rules };
}
