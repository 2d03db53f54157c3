/**
 * Metric names the Strimzi Kafka Exporter (kafka_exporter 1.9.0) serves on
 * port `tcp-prometheus` 9404. All are gauges.
 */
export class KafkaExporterMetrics {
  /**
   * Lag of a consumer group on one partition: log end offset minus committed
   * offset. Labels `consumergroup`, `topic`, `partition`. The value is -1 when
   * the group has no committed offset for the partition, so clamp it at 0
   * (`clamp_min(..., 0)`) or use `CONSUMER_GROUP_LAG_SUM`.
   */
  public static readonly CONSUMER_GROUP_LAG = 'kafka_consumergroup_lag';
  /**
   * Lag of a consumer group summed over the partitions of a topic (negative
   * partition lags are skipped). Labels `consumergroup`, `topic`.
   */
  public static readonly CONSUMER_GROUP_LAG_SUM = 'kafka_consumergroup_lag_sum';
  /** Committed offset of a group on a partition. Labels `consumergroup`, `topic`, `partition`. */
  public static readonly CONSUMER_GROUP_CURRENT_OFFSET = 'kafka_consumergroup_current_offset';
  /** Number of members of a consumer group. Label `consumergroup`. */
  public static readonly CONSUMER_GROUP_MEMBERS = 'kafka_consumergroup_members';
  /** Number of brokers in the cluster metadata. */
  public static readonly BROKERS = 'kafka_brokers';
  /** Partition count of a topic. Label `topic`. */
  public static readonly TOPIC_PARTITIONS = 'kafka_topic_partitions';
  /** Log end offset of a partition. Labels `topic`, `partition`. */
  public static readonly TOPIC_PARTITION_CURRENT_OFFSET = 'kafka_topic_partition_current_offset';
  /** 1 when a partition is under-replicated. Labels `topic`, `partition`. */
  public static readonly TOPIC_PARTITION_UNDER_REPLICATED = 'kafka_topic_partition_under_replicated_partition';

  /** Label holding the consumer group on the consumer-group series. */
  public static readonly CONSUMER_GROUP_LABEL = 'consumergroup';
  /** Label holding the topic. */
  public static readonly TOPIC_LABEL = 'topic';
  /** Label holding the partition. */
  public static readonly PARTITION_LABEL = 'partition';

  private constructor() {}
}

/**
 * Labels every scrape this library sets up (PodMonitors and the standalone
 * Prometheus) puts on the series of Strimzi pods. Alerts, dashboards and
 * autoscaling queries filter on them.
 */
export class ScrapeLabels {
  /** Namespace of the scraped pod. */
  public static readonly NAMESPACE = 'namespace';
  /** Name of the scraped pod. */
  public static readonly POD = 'kubernetes_pod_name';
  /** Node the scraped pod runs on. */
  public static readonly NODE = 'node_name';
  /** Value of the pod's `strimzi.io/cluster` label (the Kafka resource name). */
  public static readonly CLUSTER = 'strimzi_io_cluster';
  /** Value of the pod's `strimzi.io/name` label (e.g. `<cluster>-kafka`, `<cluster>-kafka-exporter`). */
  public static readonly NAME = 'strimzi_io_name';
  /** Value of the pod's `strimzi.io/kind` label. */
  public static readonly KIND = 'strimzi_io_kind';
  /** Value of the pod's `strimzi.io/pool-name` label (Kafka node pods only). */
  public static readonly POOL = 'strimzi_io_pool_name';

  private constructor() {}
}

/**
 * One Kafka metric as named by each metrics route.
 * @internal
 */
export interface _KafkaMetricName {
  /** Name under the library's JMX Prometheus exporter rules. */
  readonly jmx: string;
  /** Name under the Strimzi Metrics Reporter. */
  readonly reporter: string;
}

/**
 * The Kafka broker/controller metrics the alerts and dashboards query, under
 * both routes. The JMX names are what the library's exporter rules produce
 * (see `jmx-exporter-config.ts`); the reporter names follow the reporter's
 * naming (`PerSec`/`Percent` kept).
 * @internal
 */
export const _KAFKA_METRICS = {
  underReplicatedPartitions: same('kafka_server_replicamanager_underreplicatedpartitions'),
  underMinIsrPartitions: same('kafka_server_replicamanager_underminisrpartitioncount'),
  offlineReplicas: same('kafka_server_replicamanager_offlinereplicacount'),
  leaderCount: same('kafka_server_replicamanager_leadercount'),
  partitionCount: same('kafka_server_replicamanager_partitioncount'),
  activeControllerCount: same('kafka_controller_kafkacontroller_activecontrollercount'),
  offlinePartitions: same('kafka_controller_kafkacontroller_offlinepartitionscount'),
  globalPartitionCount: same('kafka_controller_kafkacontroller_globalpartitioncount'),
  globalTopicCount: same('kafka_controller_kafkacontroller_globaltopiccount'),
  fencedBrokerCount: same('kafka_controller_kafkacontroller_fencedbrokercount'),
  isrShrinks: { jmx: 'kafka_server_replicamanager_isrshrinks_total', reporter: 'kafka_server_replicamanager_isrshrinkspersec_total' },
  isrExpands: { jmx: 'kafka_server_replicamanager_isrexpands_total', reporter: 'kafka_server_replicamanager_isrexpandspersec_total' },
  requestHandlerIdle: {
    jmx: 'kafka_server_kafkarequesthandlerpool_requesthandleravgidle_percent',
    reporter: 'kafka_server_kafkarequesthandlerpool_requesthandleravgidlepercent_total',
  },
  networkProcessorIdle: {
    jmx: 'kafka_network_socketserver_networkprocessoravgidle_percent',
    reporter: 'kafka_network_socketserver_networkprocessoravgidlepercent',
  },
  bytesIn: { jmx: 'kafka_server_brokertopicmetrics_bytesin_total', reporter: 'kafka_server_brokertopicmetrics_bytesinpersec_total' },
  bytesOut: { jmx: 'kafka_server_brokertopicmetrics_bytesout_total', reporter: 'kafka_server_brokertopicmetrics_bytesoutpersec_total' },
  messagesIn: { jmx: 'kafka_server_brokertopicmetrics_messagesin_total', reporter: 'kafka_server_brokertopicmetrics_messagesinpersec_total' },
  requests: { jmx: 'kafka_network_requestmetrics_requests_total', reporter: 'kafka_network_requestmetrics_requestspersec_total' },
  requestTotalTime: same('kafka_network_requestmetrics_totaltimems'),
  raftCurrentLeader: { jmx: 'kafka_server_raftmetrics_current_leader', reporter: 'kafka_server_raft_metrics_current_leader' },
  raftCommitLatencyAvg: { jmx: 'kafka_server_raftmetrics_commit_latency_avg', reporter: 'kafka_server_raft_metrics_commit_latency_avg' },
  connectionCount: same('kafka_server_socket_server_metrics_connection_count'),
};

function same(name: string): _KafkaMetricName {
  return { jmx: name, reporter: name };
}

/**
 * JVM metrics of the JMX exporter agent 1.x (client_java 1.x names).
 * @internal
 */
export const _JVM_METRICS = {
  memoryUsed: 'jvm_memory_used_bytes',
  memoryMax: 'jvm_memory_max_bytes',
  gcCollectionSecondsSum: 'jvm_gc_collection_seconds_sum',
  gcCollectionSecondsCount: 'jvm_gc_collection_seconds_count',
  threadsCurrent: 'jvm_threads_current',
  openFds: 'process_open_fds',
};

/**
 * Metrics from outside Kafka the alerts use.
 * @internal
 */
export const _PLATFORM_METRICS = {
  /** Reported by the Strimzi cluster operator: CA certificate expiry, epoch milliseconds. */
  certificateExpiration: 'strimzi_certificate_expiration_timestamp_ms',
  volumeAvailable: 'kubelet_volume_stats_available_bytes',
  volumeCapacity: 'kubelet_volume_stats_capacity_bytes',
};
