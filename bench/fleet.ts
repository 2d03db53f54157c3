/*
 * The benchmark fleet: many Kafka clusters with their node pools, listeners,
 * topics, users with grants, KEDA consumer scalers and monitoring, built with
 * the library's public API.
 *
 * `FleetReport.families` names the construct families in the fleet, so the
 * bench always states what it measured.
 */
import { App, Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import * as lib from '../src';

/** The shape of a fleet at scale 1x; every count is multiplied by the scale. */
export const UNIT = {
  /** Clusters at 1x (16x = 32 clusters). */
  clusters: 2,
  /** Topics per cluster (16x = 5,120 topics). */
  topicsPerCluster: 160,
  /** Users per cluster, each with read and write grants (16x = 2,048 users). */
  usersPerCluster: 64,
  /** KEDA consumer scalers per cluster (16x = 512 scalers). */
  scalersPerCluster: 16,
  /** Topics each user reads from (one consumer group per user). */
  readsPerUser: 3,
  /** Topics each user writes to. */
  writesPerUser: 2,
};

/** How the fleet's clusters are spread over charts. */
export enum Layout {
  /** One chart per cluster (one file per cluster, as GitOps repos do). */
  CHART_PER_CLUSTER = 'chart-per-cluster',
  /** Every cluster in one chart. */
  SINGLE_CHART = 'single-chart',
}

/** What a generated fleet contains. */
export interface FleetReport {
  /** Construct families included, by name. */
  readonly families: string[];
  /** The chart of each cluster, in creation order. */
  readonly charts: Chart[];
}

/** The fleet sizes at a scale. */
export function fleetCounts(scale: number) {
  const clusters = UNIT.clusters * scale;
  return {
    clusters,
    topics: clusters * UNIT.topicsPerCluster,
    users: clusters * UNIT.usersPerCluster,
    scalers: clusters * UNIT.scalersPerCluster,
  };
}

/**
 * Builds a fleet of `UNIT.clusters * scale` clusters into `app`.
 */
export function buildFleet(app: App, scale: number, layout: Layout): FleetReport {
  const families = new Set<string>(['KafkaCluster', 'KafkaNodePool', 'Listener', 'KafkaAuthorization']);
  const charts: Chart[] = [];
  const single = layout === Layout.SINGLE_CHART ? new Chart(app, 'fleet') : undefined;
  const clusters = UNIT.clusters * scale;

  for (let i = 0; i < clusters; i++) {
    const namespace = `kafka-${pad(i)}`;
    const chart = single ?? new Chart(app, `cluster-${pad(i)}`, { namespace });
    if (!single || i === 0) {
      charts.push(chart);
    }
    const scope: Construct = single ? new Construct(chart, `cluster-${pad(i)}`) : chart;
    buildCluster(scope, i, namespace, families);
  }
  return { families: [...families], charts };
}

function buildCluster(scope: Construct, index: number, namespace: string, families: Set<string>): void {
  const cluster = new lib.KafkaCluster(scope, 'Kafka', {
    name: `events-${pad(index)}`,
    namespace,
    version: lib.KafkaVersion.LATEST,
    authorization: lib.KafkaAuthorization.simple({ superUsers: ['CN=ops-admin'] }),
    config: {
      'default.replication.factor': 3,
      'min.insync.replicas': 2,
      'offsets.topic.replication.factor': 3,
      'transaction.state.log.replication.factor': 3,
      'transaction.state.log.min.isr': 2,
    },
    listeners: [
      lib.Listener.internal({ name: 'scram', port: 9093 }),
      lib.Listener.internal({ name: 'mtls', port: 9094, authentication: lib.ListenerAuthentication.tls() }),
      lib.Listener.nodePort({ name: 'nodeport', port: 9095 }),
      lib.Listener.loadBalancer({
        name: 'external',
        port: 9096,
        authentication: lib.ListenerAuthentication.tls(),
        bootstrap: { annotations: { 'external-dns.alpha.kubernetes.io/hostname': `bootstrap.events-${pad(index)}.example.com` } },
      }),
    ],
  });
  cluster.addNodePool('Controllers', { name: 'controllers', roles: [lib.NodeRole.CONTROLLER], replicas: 3 });
  cluster.addNodePool('BrokersA', { name: 'brokers-a', roles: [lib.NodeRole.BROKER], replicas: 3 });
  cluster.addNodePool('BrokersB', { name: 'brokers-b', roles: [lib.NodeRole.BROKER], replicas: 3 });

  addMonitoring(scope, cluster, families);
  const topics = addTopics(cluster, families);
  const users = addUsers(cluster, topics, families);
  addScalers(scope, cluster, topics, users, families);
}

function addMonitoring(scope: Construct, cluster: lib.KafkaCluster, families: Set<string>): void {
  // Broker and controller metrics through the JMX Prometheus exporter, the Kafka
  // Exporter, and PodMonitors for every Strimzi pod kind.
  const metrics = new lib.KafkaMetrics(scope, 'Metrics', { cluster, kafkaExporter: {} });
  new lib.KafkaPodMonitors(scope, 'PodMonitors', { metrics });
  families.add('KafkaMetrics');
  families.add('KafkaPodMonitors');
}

function addTopics(cluster: lib.KafkaCluster, families: Set<string>): lib.Topic[] {
  families.add('Topic');
  const topics: lib.Topic[] = [];
  for (let t = 0; t < UNIT.topicsPerCluster; t++) {
    topics.push(cluster.addTopic(`Topic${t}`, {
      topicName: topicName(t),
      partitions: 12,
      replicas: 3,
      minInSyncReplicas: 2,
      retention: Duration.days(7),
    }));
  }
  return topics;
}

function addUsers(cluster: lib.KafkaCluster, topics: lib.Topic[], families: Set<string>): lib.KafkaUser[] {
  families.add('KafkaUser');
  families.add('topic grants');
  const users: lib.KafkaUser[] = [];
  for (let u = 0; u < UNIT.usersPerCluster; u++) {
    const userName = `service-${pad(u, 3)}`;
    const user = cluster.addUser(`User${u}`, { userName });
    users.push(user);
    for (let r = 0; r < UNIT.readsPerUser; r++) {
      topics[(u * 2 + r) % topics.length].grantRead(user, { consumerGroup: userName });
    }
    for (let w = 0; w < UNIT.writesPerUser; w++) {
      topics[(u * 2 + 80 + w) % topics.length].grantWrite(user);
    }
  }
  return users;
}

function addScalers(scope: Construct, cluster: lib.KafkaCluster, topics: lib.Topic[], users: lib.KafkaUser[], families: Set<string>): void {
  families.add('KedaConsumerScaler');
  const listener = cluster.findListener('scram');
  for (let s = 0; s < UNIT.scalersPerCluster; s++) {
    // User s reads topics 2s, 2s+1, 2s+2 with consumer group service-<s>.
    const user = users[s];
    new lib.KedaConsumerScaler(scope, `Scaler${s}`, {
      target: lib.ScaleTarget.deployment(`consumer-${pad(s, 3)}`, cluster.namespace),
      cluster,
      consumerGroup: user.userName,
      topic: topics[(s * 2) % topics.length],
      listener,
      user,
      maxReplicaCount: 12,
    });
  }
}

function topicName(t: number): string {
  return `orders.v1.part-${pad(t, 4)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
