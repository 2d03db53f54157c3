/*
 * JMX exporter rules and metric names of Kafka Connect and MirrorMaker 2
 * workers (library-internal). The series names match the ones Strimzi's
 * example dashboards and rules query, so both sets work on our output.
 */
import type { _JmxExporterConfig, _JmxExporterRule } from './jmx-exporter-config';

/** The names the alerts and dashboards query, per metrics route. @internal */
export const _CONNECT_METRICS = {
  connectorStatus: { jmx: 'kafka_connect_connector_status', reporter: 'kafka_connect_connector_metrics_status_info' },
  failedTasks: { jmx: 'kafka_connect_worker_connector_failed_task_count', reporter: 'kafka_connect_connect_worker_metrics_connector_failed_task_count' },
  runningTasks: { jmx: 'kafka_connect_worker_connector_running_task_count', reporter: 'kafka_connect_connect_worker_metrics_connector_running_task_count' },
  connectorCount: { jmx: 'kafka_connect_worker_connector_count', reporter: 'kafka_connect_connect_worker_metrics_connector_count' },
  taskCount: { jmx: 'kafka_connect_worker_task_count', reporter: 'kafka_connect_connect_worker_metrics_task_count' },
  rebalancing: { jmx: 'kafka_connect_worker_rebalance_rebalancing', reporter: 'kafka_connect_connect_worker_rebalance_metrics_rebalancing' },
  assignedTasks: { jmx: 'kafka_connect_coordinator_assigned_tasks', reporter: 'kafka_connect_connect_coordinator_metrics_assigned_tasks' },
  producerOutgoingBytes: { jmx: 'kafka_producer_outgoing_byte_total', reporter: 'kafka_producer_producer_metrics_outgoing_byte_total' },
  consumerIncomingBytes: { jmx: 'kafka_consumer_incoming_byte_total', reporter: 'kafka_consumer_consumer_metrics_incoming_byte_total' },
  mirrorRecordRate: { jmx: 'kafka_connect_mirror_mirrorsourceconnector_record_rate', reporter: 'kafka_connect_mirror_mirrorsourceconnector_record_rate' },
  mirrorReplicationLatency: { jmx: 'kafka_connect_mirror_mirrorsourceconnector_replication_latency_ms', reporter: 'kafka_connect_mirror_mirrorsourceconnector_replication_latency_ms' },
  mirrorRecordAge: { jmx: 'kafka_connect_mirror_mirrorsourceconnector_record_age_ms', reporter: 'kafka_connect_mirror_mirrorsourceconnector_record_age_ms' },
  checkpointLatency: { jmx: 'kafka_connect_mirror_mirrorcheckpointconnector_checkpoint_latency_ms', reporter: 'kafka_connect_mirror_mirrorcheckpointconnector_checkpoint_latency_ms' },
  jvmMemory: { jmx: 'jvm_memory_used_bytes', reporter: 'jvm_memory_used_bytes' },
};

function rule(pattern: string, name: string, type: _JmxExporterRule['type'], labels?: { [k: string]: string }, value?: number): _JmxExporterRule {
  return { pattern, name, type, ...(labels ? { labels } : {}), ...(value !== undefined ? { value } : {}) };
}

/** Client (producer, consumer, admin) rules; `mm2` widens topic-level rules to every client type as MirrorMaker 2 needs. */
function clientRules(mm2: boolean): _JmxExporterRule[] {
  const topicPartition = mm2
    ? { p: 'kafka.(.+)<type=(.+)-metrics, client-id=(.+), topic=(.+), partition=(.+)>', name: 'kafka_$2_$6', l: { clientId: '$3', topic: '$4', partition: '$5' } }
    : { p: 'kafka.consumer<type=consumer-fetch-manager-metrics, client-id=(.+), topic=(.+), partition=(.+)>', name: 'kafka_consumer_fetch_manager_$4', l: { clientId: '$1', topic: '$2', partition: '$3' } };
  const topic = mm2
    ? { p: 'kafka.(.+)<type=(.+)-metrics, client-id=(.+), topic=(.+)>', name: 'kafka_$2_$5', l: { clientId: '$3', topic: '$4' }, gauges: 'compression-rate|.+-avg' }
    : { p: 'kafka.producer<type=producer-topic-metrics, client-id=(.+), topic=(.+)>', name: 'kafka_producer_topic_$3', l: { clientId: '$1', topic: '$2' }, gauges: 'compression-rate|.+-avg|.+rate' };
  return [
    { ...rule('kafka.(.+)<type=app-info, client-id=(.+)><>start-time-ms', 'kafka_$1_start_time_seconds', 'GAUGE', { clientId: '$2' }), valueFactor: 0.001 },
    rule('kafka.(.+)<type=app-info, client-id=(.+)><>(commit-id|version): (.+)', 'kafka_$1_$3_info', 'UNTYPED', { clientId: '$2', $3: '$4' }, 1),
    rule(`${topicPartition.p}<>(.+-total)`, topicPartition.name, 'COUNTER', topicPartition.l),
    rule(`${topicPartition.p}<>(compression-rate|.+-avg|.+-replica|.+-lag|.+-lead)`, topicPartition.name, 'GAUGE', topicPartition.l),
    rule(`${topic.p}<>(.+-total)`, topic.name, 'COUNTER', topic.l),
    rule(`${topic.p}<>(${topic.gauges})`, topic.name, 'GAUGE', topic.l),
    rule('kafka.(.+)<type=(.+)-metrics, client-id=(.+), node-id=(.+)><>(.+-total)', 'kafka_$2_$5', 'COUNTER', { clientId: '$3', nodeId: '$4' }),
    rule(`kafka.(.+)<type=(.+)-metrics, client-id=(.+), node-id=(.+)><>(${mm2 ? '.+-avg' : '.+-avg|.+-rate'})`, 'kafka_$2_$5', 'GAUGE', { clientId: '$3', nodeId: '$4' }),
    rule('kafka.(.+)<type=(.+)-metrics, client-id=(.*)><>(.+-total)', 'kafka_$2_$4', 'COUNTER', { clientId: '$3' }),
    rule('kafka.(.+)<type=(.+)-metrics, client-id=(.*)><>(.+-avg|.+-bytes|.+-count|.+-ratio|.+-age|.+-flight|.+-threads|.+-connectors|.+-tasks|.+-ago)',
      'kafka_$2_$4', 'GAUGE', { clientId: '$3' }),
  ];
}

/** Worker, connector and task rules shared by Connect and MirrorMaker 2. */
function workerRules(mm2: boolean): _JmxExporterRule[] {
  const taskGauges = mm2
    ? '.+-count|.+-ms|.+-ratio|.+-avg|.+-failures|.+-requests|.+-timestamp|.+-logged|.+-errors|.+-retries|.+-skipped'
    : '.+-count|.+-ms|.+-ratio|.+-seq-no|.+-rate|.+-max|.+-avg|.+-failures|.+-requests|.+-timestamp|.+-logged|.+-errors|.+-retries|.+-skipped';
  const out: _JmxExporterRule[] = [];
  if (!mm2) {
    out.push(rule('kafka.connect<type=connector-metrics, connector=(.+)><>(connector-class|connector-type|connector-version|status): (.+)',
      'kafka_connect_connector_$2', 'GAUGE', { connector: '$1', $2: '$3' }, 1));
  }
  out.push(
    rule('kafka.connect<type=connector-task-metrics, connector=(.+), task=(.+)><>status: ([a-z-]+)',
      mm2 ? 'kafka_connect_connector_status' : 'kafka_connect_connector_task_status', 'GAUGE', { connector: '$1', task: '$2', status: '$3' }, 1),
    rule('kafka.connect<type=(.+)-metrics, connector=(.+), task=(.+)><>(.+-total)', 'kafka_connect_$1_$4', 'COUNTER', { connector: '$2', task: '$3' }),
    rule(`kafka.connect<type=(.+)-metrics, connector=(.+), task=(.+)><>(${taskGauges})`, 'kafka_connect_$1_$4', 'GAUGE', { connector: '$2', task: '$3' }),
    rule('kafka.connect<type=connect-worker-metrics, connector=(.+)><>([a-z-]+)', 'kafka_connect_worker_$2', 'GAUGE', { connector: '$1' }),
    rule('kafka.connect<type=connect-worker-metrics><>([a-z-]+-total)', 'kafka_connect_worker_$1', 'COUNTER'),
    rule('kafka.connect<type=connect-worker-metrics><>([a-z-]+)', 'kafka_connect_worker_$1', 'GAUGE'),
  );
  if (!mm2) {
    out.push(rule('kafka.connect<type=connect-worker-rebalance-metrics><>(leader-name|connect-protocol): (.+)',
      'kafka_connect_worker_rebalance_$1', 'UNTYPED', { $1: '$2' }, 1));
  }
  out.push(
    rule('kafka.connect<type=connect-worker-rebalance-metrics><>([a-z-]+-total)', 'kafka_connect_worker_rebalance_$1', 'COUNTER'),
    rule('kafka.connect<type=connect-worker-rebalance-metrics><>([a-z-]+)', 'kafka_connect_worker_rebalance_$1', 'GAUGE'),
    rule('kafka.connect<type=connect-coordinator-metrics><>(assigned-connectors|assigned-tasks)', 'kafka_connect_coordinator_$1', 'GAUGE'),
  );
  return out;
}

/** Exporter configuration of Kafka Connect workers. @internal */
export function _connectJmxExporterConfig(): _JmxExporterConfig {
  return { lowercaseOutputName: true, lowercaseOutputLabelNames: true, rules: [...clientRules(false), ...workerRules(false)] };
}

/** Exporter configuration of MirrorMaker 2 workers: Connect's plus the mirror connectors' MBeans. @internal */
export function _mirrorMaker2JmxExporterConfig(): _JmxExporterConfig {
  return {
    lowercaseOutputName: true,
    lowercaseOutputLabelNames: true,
    rules: [
      ...clientRules(true),
      ...workerRules(true),
      rule('kafka.connect.mirror<type=MirrorSourceConnector, source=(.+), target=(.+), topic=(.+), partition=(.+)><>([a-z-_]+)',
        'kafka_connect_mirror_mirrorsourceconnector_$5', 'GAUGE', { source: '$1', target: '$2', topic: '$3', partition: '$4' }),
      rule('kafka.connect.mirror<type=MirrorCheckpointConnector, source=(.+), target=(.+), group=(.+), topic=(.+), partition=(.+)><>([a-z-_]+)',
        'kafka_connect_mirror_mirrorcheckpointconnector_$6', 'GAUGE', { source: '$1', target: '$2', group: '$3', topic: '$4', partition: '$5' }),
    ],
  };
}
