/*
 * The Kafka Connect and MirrorMaker 2 MBeans our alerts and dashboards rely on,
 * and the series names Strimzi 1.2.0's example exporter configurations
 * (packaging/examples/metrics/kafka-connect-metrics.yaml and
 * kafka-mirror-maker-2-metrics.yaml) and its Connect / MirrorMaker 2 rule files
 * derive from them. Recorded by hand from those files at tag 1.2.0; each entry
 * is the string the JMX exporter matches (`domain<keys><>attribute[: value]`).
 */
export interface ConnectReferenceMetric {
  /** The exporter's match string of one MBean attribute. */
  readonly mbean: string;
  /** The series name the Strimzi example configuration gives it, per runtime. */
  readonly connect?: string;
  readonly mirrorMaker2?: string;
}

export const CONNECT_REFERENCE_METRICS: ConnectReferenceMetric[] = [
  // connector state, as a 1-valued series with the state in a label (Connect only; Strimzi's ConnectFailedConnector alert)
  { mbean: 'kafka.connect<type=connector-metrics, connector=file-source><>status: failed', connect: 'kafka_connect_connector_status' },
  { mbean: 'kafka.connect<type=connector-metrics, connector=file-source><>connector-class: org.example.Source', connect: 'kafka_connect_connector_connector_class' },
  // task state: Connect names it ..._task_status; the MirrorMaker 2 example reuses ..._connector_status for it
  { mbean: 'kafka.connect<type=connector-task-metrics, connector=file-source, task=0><>status: running', connect: 'kafka_connect_connector_task_status', mirrorMaker2: 'kafka_connect_connector_status' },
  // per-connector task counts of the worker (Strimzi's ConnectFailedTask alert)
  { mbean: 'kafka.connect<type=connect-worker-metrics, connector=file-source><>connector-failed-task-count', connect: 'kafka_connect_worker_connector_failed_task_count', mirrorMaker2: 'kafka_connect_worker_connector_failed_task_count' },
  { mbean: 'kafka.connect<type=connect-worker-metrics, connector=file-source><>connector-running-task-count', connect: 'kafka_connect_worker_connector_running_task_count', mirrorMaker2: 'kafka_connect_worker_connector_running_task_count' },
  // worker totals
  { mbean: 'kafka.connect<type=connect-worker-metrics><>connector-count', connect: 'kafka_connect_worker_connector_count', mirrorMaker2: 'kafka_connect_worker_connector_count' },
  { mbean: 'kafka.connect<type=connect-worker-metrics><>task-count', connect: 'kafka_connect_worker_task_count', mirrorMaker2: 'kafka_connect_worker_task_count' },
  { mbean: 'kafka.connect<type=connect-worker-metrics><>connector-startup-failure-total', connect: 'kafka_connect_worker_connector_startup_failure_total', mirrorMaker2: 'kafka_connect_worker_connector_startup_failure_total' },
  { mbean: 'kafka.connect<type=connect-worker-rebalance-metrics><>rebalancing', connect: 'kafka_connect_worker_rebalance_rebalancing', mirrorMaker2: 'kafka_connect_worker_rebalance_rebalancing' },
  { mbean: 'kafka.connect<type=connect-coordinator-metrics><>assigned-tasks', connect: 'kafka_connect_coordinator_assigned_tasks', mirrorMaker2: 'kafka_connect_coordinator_assigned_tasks' },
  // task-level metrics
  { mbean: 'kafka.connect<type=source-task-metrics, connector=file-source, task=0><>source-record-poll-total', connect: 'kafka_connect_source_task_source_record_poll_total', mirrorMaker2: 'kafka_connect_source_task_source_record_poll_total' },
  { mbean: 'kafka.connect<type=task-error-metrics, connector=file-source, task=0><>total-record-failures', connect: 'kafka_connect_task_error_total_record_failures', mirrorMaker2: 'kafka_connect_task_error_total_record_failures' },
  // client throughput of the workers' producers and consumers
  { mbean: 'kafka.producer<type=producer-metrics, client-id=connector-producer-file-source-0><>outgoing-byte-total', connect: 'kafka_producer_outgoing_byte_total', mirrorMaker2: 'kafka_producer_outgoing_byte_total' },
  { mbean: 'kafka.consumer<type=consumer-metrics, client-id=connector-consumer-sink-0><>incoming-byte-total', connect: 'kafka_consumer_incoming_byte_total', mirrorMaker2: 'kafka_consumer_incoming_byte_total' },
  { mbean: 'kafka.consumer<type=consumer-fetch-manager-metrics, client-id=c, topic=orders, partition=0><>records-lag', connect: 'kafka_consumer_fetch_manager_records_lag', mirrorMaker2: 'kafka_consumer_fetch_manager_records_lag' },
  // MirrorMaker 2 connectors
  { mbean: 'kafka.connect.mirror<type=MirrorSourceConnector, source=eu, target=us, topic=eu.orders, partition=0><>record-rate', mirrorMaker2: 'kafka_connect_mirror_mirrorsourceconnector_record_rate' },
  { mbean: 'kafka.connect.mirror<type=MirrorSourceConnector, source=eu, target=us, topic=eu.orders, partition=0><>replication-latency-ms', mirrorMaker2: 'kafka_connect_mirror_mirrorsourceconnector_replication_latency_ms' },
  { mbean: 'kafka.connect.mirror<type=MirrorSourceConnector, source=eu, target=us, topic=eu.orders, partition=0><>record-age-ms', mirrorMaker2: 'kafka_connect_mirror_mirrorsourceconnector_record_age_ms' },
  { mbean: 'kafka.connect.mirror<type=MirrorCheckpointConnector, source=eu, target=us, group=app, topic=eu.orders, partition=0><>checkpoint-latency-ms', mirrorMaker2: 'kafka_connect_mirror_mirrorcheckpointconnector_checkpoint_latency_ms' },
];

/** Series the alerts read that the workers' exporter does not produce: cAdvisor's container metric and the agent's JVM metrics. */
export const CONNECT_PLATFORM_METRICS = ['container_last_seen', 'jvm_memory_used_bytes'];

/** Strimzi 1.2.0's alert names: three for Connect, one for MirrorMaker 2. */
export const STRIMZI_CONNECT_ALERTS = ['ConnectContainersDown', 'ConnectFailedConnector', 'ConnectFailedTask'];
export const STRIMZI_MM2_ALERTS = ['MirrorMaker2ContainerDown'];
