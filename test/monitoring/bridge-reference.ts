/*
 * What Strimzi 1.2.0's bridge monitoring examples rely on, recorded as facts
 * (read from packaging/examples/metrics/ of strimzi/strimzi-kafka-operator at
 * tag 1.2.0: the bridge PodMonitor, the bridge PrometheusRule, the bridge JMX
 * exporter ConfigMap and both bridge dashboards). Names only; no upstream text.
 */

/** The port the example PodMonitor scrapes on bridge pods, at path /metrics. */
export const UPSTREAM_BRIDGE_METRICS_PORT = 'rest-api-mgmt';

/** The upstream alert names and the library alert that watches the same condition. */
export const UPSTREAM_BRIDGE_ALERTS: { [upstream: string]: string } = {
  BridgeContainersDown: 'KafkaBridgeDown',
  AvgProducerLatency: 'KafkaBridgeProducerLatencyHigh',
  AvgConsumerFetchLatency: 'KafkaBridgeConsumerFetchLatencyHigh',
  AvgConsumerCommitLatency: 'KafkaBridgeConsumerCommitLatencyHigh',
  Http4xxErrorRate: 'KafkaBridgeHttp4xxErrors',
  Http5xxErrorRate: 'KafkaBridgeHttp5xxErrors',
};

/** Upstream thresholds: producer latency 10, fetch latency 500, commit latency 200 (ms); 4xx and 5xx: 10. */
export const UPSTREAM_BRIDGE_THRESHOLDS = { producer: 10, fetch: 500, commit: 200, http: 10 };

/**
 * Series names the upstream alerts and dashboards query. HTTP and JVM series come
 * from the bridge itself; Kafka client series depend on the metrics route:
 * the JMX exporter example rules name them strimzi_bridge_kafka_<client>_<attribute>
 * (labels type, clientId, topic), the Metrics Reporter kafka_<client>_<group>_<attribute>.
 */
export const UPSTREAM_BRIDGE_SERIES = {
  http: [
    'strimzi_bridge_http_server_requests_total',
    'strimzi_bridge_http_server_active_connections',
    'strimzi_bridge_http_server_active_requests',
    'strimzi_bridge_http_server_bytes_written_total',
    'strimzi_bridge_http_server_bytes_read_total',
  ],
  jvm: ['jvm_memory_used_bytes', 'jvm_gc_pause_seconds_sum'],
  jmx: [
    'strimzi_bridge_kafka_producer_request_latency_avg',
    'strimzi_bridge_kafka_producer_record_send_total',
    'strimzi_bridge_kafka_consumer_fetch_latency_avg',
    'strimzi_bridge_kafka_consumer_commit_latency_avg',
    'strimzi_bridge_kafka_consumer_records_consumed_total',
    'strimzi_bridge_kafka_consumer_assigned_partitions',
  ],
  reporter: [
    'kafka_consumer_consumer_fetch_manager_metrics_fetch_latency_avg',
    'kafka_consumer_consumer_coordinator_metrics_commit_latency_avg',
    'kafka_consumer_consumer_fetch_manager_metrics_records_consumed',
    'kafka_consumer_consumer_coordinator_metrics_assigned_partitions',
  ],
  /** Labels: HTTP series carry method, path and code; JMX client series clientId and type. */
  labels: { http: ['method', 'path', 'code'], jmxClient: ['clientId', 'type'], reporterClient: ['client_id'] },
};

/**
 * MBeans of the bridge's Kafka clients the JMX exporter rules match, with the
 * series the upstream rules produce from them (pattern order: per-topic, then general).
 */
export const BRIDGE_MBEANS: Array<{ mbean: string; series: string; labels: { [k: string]: string } }> = [
  { mbean: 'kafka.producer<type=producer-metrics, client-id=my-bridge-producer><>request-latency-avg', series: 'strimzi_bridge_kafka_producer_request_latency_avg', labels: { type: 'producer-metrics', clientId: 'my-bridge-producer' } },
  { mbean: 'kafka.producer<type=producer-metrics, client-id=my-bridge-producer><>record-send-total', series: 'strimzi_bridge_kafka_producer_record_send_total', labels: { type: 'producer-metrics', clientId: 'my-bridge-producer' } },
  { mbean: 'kafka.consumer<type=consumer-fetch-manager-metrics, client-id=c1><>fetch-latency-avg', series: 'strimzi_bridge_kafka_consumer_fetch_latency_avg', labels: { type: 'consumer-fetch-manager-metrics', clientId: 'c1' } },
  { mbean: 'kafka.consumer<type=consumer-coordinator-metrics, client-id=c1><>commit-latency-avg', series: 'strimzi_bridge_kafka_consumer_commit_latency_avg', labels: { type: 'consumer-coordinator-metrics', clientId: 'c1' } },
  { mbean: 'kafka.consumer<type=consumer-fetch-manager-metrics, client-id=c1, topic=orders><>records-consumed-total', series: 'strimzi_bridge_kafka_consumer_records_consumed_total', labels: { type: 'consumer-fetch-manager-metrics', clientId: 'c1', topic: 'orders' } },
  { mbean: 'kafka.consumer<type=consumer-coordinator-metrics, client-id=c1><>assigned-partitions', series: 'strimzi_bridge_kafka_consumer_assigned_partitions', labels: { type: 'consumer-coordinator-metrics', clientId: 'c1' } },
];
