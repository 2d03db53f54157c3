/*
 * The benchmark fleet: many Kafka clusters with their node pools, listeners,
 * topics, users with grants, KEDA consumer scalers and monitoring, built with
 * the library's public API.
 *
 * Every construct family is an optional section: a family the library does not
 * offer yet is skipped and reported in `FleetReport.families`, so the bench
 * always states what it measured.
 */
import { App, Chart } from 'cdk8s';
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
  /** Construct families skipped because the library does not offer them yet. */
  readonly skipped: string[];
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
  const skipped = new Set<string>();
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
    buildCluster(scope, i, namespace, families, skipped);
  }
  return { families: [...families], skipped: [...skipped], charts };
}

function buildCluster(scope: Construct, index: number, namespace: string, families: Set<string>, skipped: Set<string>): void {
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

  addMonitoring(scope, cluster, families, skipped);
  const topics = addTopics(cluster, families, skipped);
  const users = addUsers(scope, cluster, topics, families, skipped);
  addScalers(scope, cluster, topics, users, families, skipped);
}

// The sections below use the library's newer constructs when they exist. They are
// looked up dynamically so the bench keeps running while those families land.

function addMonitoring(scope: Construct, cluster: lib.KafkaCluster, families: Set<string>, skipped: Set<string>): void {
  const l: any = lib;
  if (typeof l.KafkaMonitoring === 'function') {
    new l.KafkaMonitoring(scope, 'Monitoring', { cluster });
    families.add('KafkaMonitoring');
  } else {
    skipped.add('monitoring');
  }
}

function addTopics(cluster: lib.KafkaCluster, families: Set<string>, skipped: Set<string>): any[] {
  const c: any = cluster;
  if (typeof c.addTopic !== 'function') {
    skipped.add('KafkaTopic');
    return [];
  }
  families.add('KafkaTopic');
  const topics: any[] = [];
  for (let t = 0; t < UNIT.topicsPerCluster; t++) {
    topics.push(c.addTopic(`Topic${t}`, {
      topicName: topicName(t),
      partitions: 12,
      replicas: 3,
    }));
  }
  return topics;
}

function addUsers(scope: Construct, cluster: lib.KafkaCluster, topics: any[], families: Set<string>, skipped: Set<string>): any[] {
  const c: any = cluster;
  const grants = topics.length > 0 && typeof topics[0].grantRead === 'function' && typeof topics[0].grantWrite === 'function';
  families.add('KafkaUser');
  families.add(grants ? 'topic grants' : 'KafkaUser ACLs (addAcl)');
  if (!grants) {
    skipped.add('topic grants');
  }
  const users: any[] = [];
  for (let u = 0; u < UNIT.usersPerCluster; u++) {
    const userName = `service-${pad(u, 3)}`;
    const user: lib.KafkaUser = typeof c.addUser === 'function'
      ? c.addUser(`User${u}`, { userName })
      : new lib.KafkaUser(scope, `User${u}`, { cluster, userName });
    users.push(user);
    for (let r = 0; r < UNIT.readsPerUser; r++) {
      const t = (u * 2 + r) % UNIT.topicsPerCluster;
      if (grants) {
        topics[t].grantRead(user, { consumerGroup: userName });
      } else {
        user.addAcl({ resource: lib.AclResource.topic(topicName(t)), operations: [lib.AclOperation.READ, lib.AclOperation.DESCRIBE] });
        user.addAcl({ resource: lib.AclResource.group(userName), operations: [lib.AclOperation.READ] });
      }
    }
    for (let w = 0; w < UNIT.writesPerUser; w++) {
      const t = (u * 2 + 80 + w) % UNIT.topicsPerCluster;
      if (grants) {
        topics[t].grantWrite(user);
      } else {
        user.addAcl({ resource: lib.AclResource.topic(topicName(t)), operations: [lib.AclOperation.WRITE, lib.AclOperation.DESCRIBE] });
      }
    }
  }
  return users;
}

function addScalers(scope: Construct, cluster: lib.KafkaCluster, topics: any[], users: any[], families: Set<string>, skipped: Set<string>): void {
  const l: any = lib;
  if (typeof l.KedaConsumerScaler !== 'function' || topics.length === 0 || users.length === 0) {
    skipped.add('KedaConsumerScaler');
    return;
  }
  families.add('KedaConsumerScaler');
  for (let s = 0; s < UNIT.scalersPerCluster; s++) {
    const user = users[s % users.length];
    new l.KedaConsumerScaler(scope, `Scaler${s}`, {
      cluster,
      topic: topics[(s * 2) % topics.length],
      consumerGroup: `service-${pad(s % users.length, 3)}`,
      user,
      workload: { kind: 'Deployment', apiVersion: 'apps/v1', name: `consumer-${pad(s, 3)}` },
      minReplicas: 1,
      maxReplicas: 12,
    });
  }
}

function topicName(t: number): string {
  return `orders.v1.part-${pad(t, 4)}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
