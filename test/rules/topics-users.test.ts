/*
 * Rules on topics (KAF-TOP), users and ACLs (KAF-USR) and client wiring (KAF-CLI):
 * each with a setup that breaks it and the closest valid setup.
 */
import { ApiObject, Chart, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  AclOperation,
  AclResource,
  AclRule,
  KafkaAuthorization,
  KafkaClient,
  KafkaCluster,
  KafkaClusterProps,
  KafkaConnectionDetails,
  KafkaUser,
  KafkaUserAuthentication,
  KafkaUserOptions,
  KafkaVersion,
  Listener,
  ListenerAuthentication,
  NodeRole,
  Topic,
  TopicOptions,
} from '../../src';
import { ruleCase, ruleMessages } from '../rule-cases';
import { newChart } from '../util';

/** `my-cluster` in namespace `kafka` with simple authorization, a mutual-TLS and a SCRAM listener, and `brokers` brokers. */
function setup(props: Partial<KafkaClusterProps> = {}, brokers = 3, chart: Chart = newChart('apps')) {
  const cluster = new KafkaCluster(chart, 'my-cluster', {
    namespace: 'kafka',
    authorization: KafkaAuthorization.simple(),
    listeners: [
      Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.tls() }),
      Listener.internal({ name: 'scram', port: 9094, authentication: ListenerAuthentication.scramSha512() }),
    ],
    ...props,
  });
  cluster.addNodePool('brokers', { roles: [NodeRole.BROKER], replicas: brokers });
  cluster.addNodePool('controllers', { roles: [NodeRole.CONTROLLER], replicas: 3 });
  return { chart, cluster };
}

/** A second cluster `other` in `namespace` in the same chart. */
function otherCluster(chart: Chart, namespace: string, props: Partial<KafkaClusterProps> = {}): KafkaCluster {
  const other = new KafkaCluster(chart, 'other', {
    namespace,
    authorization: KafkaAuthorization.simple(),
    listeners: [Listener.internal({ name: 'scram', port: 9094, authentication: ListenerAuthentication.scramSha512() })],
    ...props,
  });
  other.addNodePool('other-dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
  return other;
}

/** Topic `t` with `options` on a cluster of `brokers` brokers. */
function topic(options: TopicOptions, brokers = 3, props: Partial<KafkaClusterProps> = {}): Chart {
  const { chart, cluster } = setup(props, brokers);
  cluster.addTopic('t', options);
  return chart;
}

/** Topic `t` with `config` on a cluster managed elsewhere that runs Kafka `version` (the app's own clusters run 4.2+). */
function topicOfImportedCluster(config: { [key: string]: any }, version?: KafkaVersion): Chart {
  const chart = newChart('apps');
  const cluster = KafkaCluster.fromClusterAttributes(chart, 'shared', { clusterName: 'shared', namespace: 'kafka', version });
  new Topic(chart, 't', { cluster, config });
  return chart;
}

/** Two topics with Kafka names `a` and `b` on one cluster. */
function twoTopics(a: string, b: string): Chart {
  const { chart, cluster } = setup();
  cluster.addTopic('a', { topicName: a });
  cluster.addTopic('b', { topicName: b });
  return chart;
}

/** User `app` with `options` on the cluster. */
function user(options: KafkaUserOptions, props: Partial<KafkaClusterProps> = {}): Chart {
  const { chart, cluster } = setup(props);
  cluster.addUser('app', options);
  return chart;
}

/** User `app` with one ACL rule. */
function userWithAcl(rule: AclRule, props: Partial<KafkaClusterProps> = {}): Chart {
  return user({ acls: [rule] }, props);
}

/** A TLS user whose certificate lifetime is `validity` / `renewBefore`. */
function certificate(validity?: Duration, renewBefore?: Duration): Chart {
  return user({ authentication: KafkaUserAuthentication.tls({ validity, renewBefore }) });
}

/** A SCRAM user asking for connection details through `listener` (by name, or a listener object). */
function detailsThrough(listener: string | Listener, props: Partial<KafkaClusterProps> = {}): Chart {
  const { chart, cluster } = setup(props);
  const u = cluster.addUser('app');
  u.connectionDetails(typeof listener === 'string' ? cluster.findListener(listener)! : listener);
  return chart;
}

interface ClientOptions {
  /** The User Operator's watched namespace. */
  readonly users?: string;
  /** Changes the details before they are wired. */
  readonly details?: (d: KafkaConnectionDetails) => KafkaConnectionDetails;
}

/** A Deployment in `workloadNamespace` wired with the details of SCRAM user `app` through the SCRAM-over-TLS listener. */
function client(workloadNamespace: string, options: ClientOptions = {}): Chart {
  const chart = newChart(workloadNamespace);
  const { cluster } = setup({
    listeners: [Listener.internal({ name: 'scram', port: 9094, authentication: ListenerAuthentication.scramSha512() })],
    entityOperator: { userOperatorOptions: options.users === undefined ? undefined : { watchedNamespace: options.users } },
  }, 3, chart);
  const details = cluster.addUser('app').connectionDetails(cluster.findListener('scram')!);
  const deployment = new kplus.Deployment(chart, 'app', { containers: [{ image: 'app:1', name: 'app' }] });
  KafkaClient.configureContainer(deployment, deployment.containers[0], options.details ? options.details(details) : details);
  return chart;
}

describe('topics (KAF-TOP)', () => {
  ruleCase('KAF-TOP-002', 'a topic config key removed in Kafka 4.0 is an error', {
    failing: () => topicOfImportedCluster({ 'message.format.version': '3.0' }),
    // Kafka 3.9, the last release before 4.0, still knows the key
    edgeValid: () => topicOfImportedCluster({ 'message.format.version': '3.0' }, KafkaVersion.of('3.9.0')),
    message: 'was removed in Kafka 4.0',
  });

  ruleCase('KAF-TOP-007', 'min.compaction.lag.ms is at most max.compaction.lag.ms', {
    failing: () => topic({ config: { 'min.compaction.lag.ms': 6, 'max.compaction.lag.ms': 5 } }),
    edgeValid: () => topic({ config: { 'min.compaction.lag.ms': 5, 'max.compaction.lag.ms': 5 } }),
    message: '"min.compaction.lag.ms" 6 exceeds "max.compaction.lag.ms" 5',
  });

  ruleCase('KAF-TOP-008', 'a compacted topic cannot use tiered storage', {
    failing: () => topic({ config: { 'remote.storage.enable': true, 'cleanup.policy': 'compact' } }),
    edgeValid: () => topic({ config: { 'remote.storage.enable': true, 'cleanup.policy': 'delete' } }),
    message: 'cleanup.policy compact',
  });

  ruleCase('KAF-TOP-009', 'local retention is at most the total retention', {
    failing: () => topic({ config: { 'remote.storage.enable': true, 'local.retention.bytes': 101, 'retention.bytes': 100 } }),
    edgeValid: () => topic({ config: { 'remote.storage.enable': true, 'local.retention.bytes': 100, 'retention.bytes': 100 } }),
    message: '"local.retention.bytes" 101 must be at most "retention.bytes" 100',
  });

  ruleCase('KAF-TOP-010', 'a topic config key without effect since Kafka 4.0 is a warning', {
    failing: () => topicOfImportedCluster({ 'message.downconversion.enable': false }),
    // on Kafka 3.9, the last release before 4.0, the key still has an effect
    edgeValid: () => topicOfImportedCluster({ 'message.downconversion.enable': false }, KafkaVersion.of('3.9.0')),
    message: 'has no effect since Kafka 4.0',
  });

  ruleCase('KAF-TOP-011', 'Kafka\'s internal topics are not KafkaTopics', {
    failing: () => topic({ topicName: '__consumer_offsets' }),
    edgeValid: () => topic({ topicName: '__consumer_offsets_archive' }),
    message: '"__consumer_offsets" is an internal topic of Kafka',
  });

  ruleCase('KAF-TOP-013', 'a topic config key Kafka does not define is an error', {
    failing: () => topic({ config: { 'retention.msx': 1 } }),
    edgeValid: () => topic({ config: { 'retention.ms': 1 } }),
    message: 'did you mean "retention.ms"?',
  });

  ruleCase('KAF-TOP-014', 'a topic name has 1 to 249 characters', {
    failing: () => topic({ topicName: 'a'.repeat(250) }),
    edgeValid: () => topic({ topicName: 'a'.repeat(249) }),
    message: 'the name has 250 characters',
  });

  ruleCase('KAF-TOP-015', 'a topic name has only letters, digits, ".", "_" and "-"', {
    failing: () => topic({ topicName: 'orders/eu' }),
    edgeValid: () => topic({ topicName: 'Orders_EU.v-2' }),
    message: 'the name contains "/"',
  });

  ruleCase('KAF-TOP-016', 'a topic is not named "." or ".."', {
    failing: () => topic({ topicName: '..' }),
    edgeValid: () => topic({ topicName: '...' }),
    message: 'the name ".." is reserved by Kafka',
  });

  ruleCase('KAF-TOP-017', 'the KafkaTopic stays in the namespace the Topic Operator watches', {
    failing: () => {
      const { chart, cluster } = setup();
      ApiObject.of(cluster.addTopic('t')).addJsonPatch(JsonPatch.replace('/metadata/namespace', 'apps'));
      return chart;
    },
    // the Topic Operator watching "apps" makes that the topics' namespace
    edgeValid: () => topic({}, 3, { entityOperator: { topicOperatorOptions: { watchedNamespace: 'apps' } } }),
    message: 'the KafkaTopic is in namespace "apps"',
  });

  ruleCase('KAF-TOP-018', 'partitions is a whole number of at least 1', {
    failing: () => topic({ partitions: 0 }),
    edgeValid: () => topic({ partitions: 1 }),
    message: 'partitions 0',
  });

  ruleCase('KAF-TOP-019', 'replicas is a whole number from 1 to 32767', {
    failing: () => topic({ replicas: 0 }),
    edgeValid: () => topic({ replicas: 1 }),
    message: 'replicas 0 is not an integer from 1 to 32767',
  });

  ruleCase('KAF-TOP-020', 'replicas is at most the number of brokers', {
    failing: () => topic({ replicas: 4 }, 3),
    edgeValid: () => topic({ replicas: 3 }, 3),
    message: 'replicas 4 exceeds the 3 broker(s)',
  });

  ruleCase('KAF-TOP-021', 'min.insync.replicas is a whole number of at least 1', {
    failing: () => topic({ minInSyncReplicas: 0 }),
    edgeValid: () => topic({ minInSyncReplicas: 1 }),
    message: 'min.insync.replicas 0 is not an integer >= 1',
  });

  test('a bad minInSyncReplicas is reported once, by KAF-TOP-021 (not again by the config rules)', () => {
    for (const minInSyncReplicas of [0, 1.5]) {
      const found = ruleMessages(topic({ minInSyncReplicas })).filter((m) => /KAF-TOP-0(03|04|21) /.test(m));
      expect(found.map((m) => m.match(/KAF-TOP-\d+/)![0])).toEqual(['KAF-TOP-021']);
    }
  });

  ruleCase('KAF-TOP-022', 'min.insync.replicas equal to replicas is a warning (one broker down stops acks=all producers)', {
    failing: () => topic({ replicas: 2, minInSyncReplicas: 2 }),
    edgeValid: () => topic({ replicas: 3, minInSyncReplicas: 2 }),
    message: 'min.insync.replicas 2 equals replicas 2',
  });

  ruleCase('KAF-TOP-023', 'a config key may not repeat a typed property', {
    failing: () => topic({ retention: Duration.days(1), config: { 'retention.ms': 1000 } }),
    edgeValid: () => topic({ retention: Duration.days(1), config: { 'retention.bytes': 1000 } }),
    message: 'config key "retention.ms" is also set by a typed property',
  });

  ruleCase('KAF-TOP-024', 'config values are strings, numbers, booleans or lists of them', {
    failing: () => topic({ config: { 'cleanup.policy': { compact: true } } }),
    edgeValid: () => topic({ config: { 'cleanup.policy': ['compact', 'delete'] } }),
    message: 'config "cleanup.policy" has a value of a type Strimzi rejects',
  });

  ruleCase('KAF-TOP-025', 'a Kafka topic is defined once per cluster', {
    failing: () => twoTopics('orders', 'orders'),
    edgeValid: () => {
      // the same name in another cluster, in another namespace
      const { chart, cluster } = setup();
      cluster.addTopic('orders');
      otherCluster(chart, 'kafka2').addTopic('orders');
      return chart;
    },
    message: 'already has a topic named "orders"',
  });

  ruleCase('KAF-TOP-026', 'topic names differ in more than "." and "_"', {
    failing: () => twoTopics('orders.eu', 'orders_eu'),
    edgeValid: () => twoTopics('orders.eu', 'orders-eu'),
    message: 'collides with topic "orders.eu"',
  });

  ruleCase('KAF-TOP-027', 'two topics do not render KafkaTopics of one name in one namespace', {
    failing: () => {
      // cluster "other" lives in the namespace of my-cluster's topics
      const { chart, cluster } = setup();
      cluster.addTopic('orders');
      otherCluster(chart, 'kafka').addTopic('orders');
      return chart;
    },
    edgeValid: () => {
      const { chart, cluster } = setup();
      cluster.addTopic('orders');
      otherCluster(chart, 'kafka', { entityOperator: { topicOperatorOptions: { watchedNamespace: 'other-topics' } } }).addTopic('orders');
      return chart;
    },
    message: 'its KafkaTopic name "orders" is also the name of the KafkaTopic',
  });

  ruleCase('KAF-TOP-028', 'a topic needs the cluster\'s Topic Operator', {
    failing: () => topic({}, 3, { entityOperator: { topicOperator: false } }),
    edgeValid: () => topic({}, 3, { entityOperator: { topicOperator: true, userOperator: false } }),
    message: 'runs no Topic Operator',
  });

  ruleCase('KAF-TOP-029', 'a topic is granted to users of its own cluster', {
    failing: () => {
      const { chart, cluster } = setup();
      const other = otherCluster(chart, 'kafka2');
      other.addTopic('orders').grantRead(cluster.addUser('app'));
      return chart;
    },
    edgeValid: () => {
      // an imported topic of the user's cluster
      const { chart, cluster } = setup();
      Topic.fromTopicName(chart, 'orders', { cluster, topicName: 'orders' }).grantRead(cluster.addUser('app'));
      return chart;
    },
    message: 'but belongs to cluster "my-cluster"',
  });
});

describe('users and ACLs (KAF-USR)', () => {
  ruleCase('KAF-USR-001', 'a user name is a DNS-1123 subdomain', {
    failing: () => user({ userName: 'My_App' }),
    edgeValid: () => user({ userName: 'my-app.v1' }),
    message: 'user "My_App": the name is not a valid Kubernetes name',
  });

  ruleCase('KAF-USR-002', 'one KafkaUser per name and namespace', {
    failing: () => {
      const { chart, cluster } = setup();
      cluster.addUser('app');
      new KafkaUser(chart, 'again', { cluster, userName: 'app' });
      return chart;
    },
    edgeValid: () => {
      // users of the same name in two clusters whose users live in different namespaces
      const { chart, cluster } = setup();
      cluster.addUser('app');
      otherCluster(chart, 'kafka2').addUser('app');
      return chart;
    },
    message: 'already has a user named "app"',
  });

  ruleCase('KAF-USR-003', 'a user needs the cluster\'s User Operator', {
    failing: () => user({}, { entityOperator: { userOperator: false } }),
    edgeValid: () => user({}, { entityOperator: { userOperator: true, topicOperator: false } }),
    message: 'runs no User Operator',
  });

  ruleCase('KAF-USR-004', 'the KafkaUser stays in the namespace the User Operator watches', {
    failing: () => {
      const { chart, cluster } = setup();
      ApiObject.of(cluster.addUser('app')).addJsonPatch(JsonPatch.replace('/metadata/namespace', 'apps'));
      return chart;
    },
    edgeValid: () => user({}, { entityOperator: { userOperatorOptions: { watchedNamespace: 'apps' } } }),
    message: 'the KafkaUser is in namespace "apps"',
  });

  ruleCase('KAF-USR-005', 'the password Secret name is a valid Kubernetes name', {
    failing: () => user({ authentication: KafkaUserAuthentication.scramSha512({ password: { secretName: 'My Secret', key: 'password' } }) }),
    edgeValid: () => user({ authentication: KafkaUserAuthentication.scramSha512({ password: { secretName: 'my.secret-1', key: 'password' } }) }),
    message: 'the password Secret name "My Secret"',
  });

  ruleCase('KAF-USR-006', 'the password Secret key is a valid Secret key', {
    failing: () => user({ authentication: KafkaUserAuthentication.scramSha512({ password: { secretName: 'pw', key: 'pass word' } }) }),
    edgeValid: () => user({ authentication: KafkaUserAuthentication.scramSha512({ password: { secretName: 'pw', key: 'Pass_word.-1' } }) }),
    message: 'the password Secret key "pass word"',
  });

  ruleCase('KAF-USR-007', 'a tls-external certificate and key are named together', {
    failing: () => user({ authentication: KafkaUserAuthentication.tlsExternal({ certificate: { secretName: 'ext', key: 'tls.crt' } }) }),
    edgeValid: () => user({
      authentication: KafkaUserAuthentication.tlsExternal({ certificate: { secretName: 'ext', key: 'tls.crt' }, key: { secretName: 'ext', key: 'tls.key' } }),
    }),
    message: 'without its key',
  });

  ruleCase('KAF-USR-008', 'a certificate user name is at most 64 characters (the CN)', {
    failing: () => user({ userName: 'a'.repeat(65), authentication: KafkaUserAuthentication.tls() }),
    edgeValid: () => user({ userName: 'a'.repeat(64), authentication: KafkaUserAuthentication.tls() }),
    message: 'the name has 65 characters',
  });

  ruleCase('KAF-USR-009', 'certificate validity and renewBefore are set together', {
    failing: () => certificate(Duration.days(30)),
    edgeValid: () => certificate(Duration.days(30), Duration.days(29)),
    message: 'must be set together',
  });

  ruleCase('KAF-USR-010', 'certificate validity and renewBefore are whole days of at least 1', {
    failing: () => certificate(Duration.hours(36), Duration.days(1)),
    edgeValid: () => certificate(Duration.hours(48), Duration.hours(24)),
    message: 'certificate validity 1 day 12 hours is not a whole number of days',
  });

  ruleCase('KAF-USR-011', 'renewBefore is shorter than the validity', {
    failing: () => certificate(Duration.days(10), Duration.days(10)),
    edgeValid: () => certificate(Duration.days(10), Duration.days(9)),
    message: 'renewBefore (10 days) must be less than validity (10 days)',
  });

  ruleCase('KAF-USR-012', 'byte-rate quotas and requestPercentage are whole numbers of 0 or more', {
    failing: () => user({ quotas: { requestPercentage: 12.5, producerByteRate: Size.kibibytes(0.0001) } }),
    edgeValid: () => user({ quotas: { requestPercentage: 0, producerByteRate: Size.kibibytes(0), consumerByteRate: Size.kibibytes(1) } }),
    message: 'quota requestPercentage 12.5',
  });

  ruleCase('KAF-USR-013', 'controllerMutationRate is 0 or more', {
    failing: () => user({ quotas: { controllerMutationRate: -0.5 } }),
    edgeValid: () => user({ quotas: { controllerMutationRate: 0 } }),
    message: 'quota controllerMutationRate -0.5 is negative',
  });

  ruleCase('KAF-USR-014', 'ACLs need a cluster with authorization', {
    failing: () => userWithAcl({ resource: AclResource.topic('t'), operations: [AclOperation.READ] }, { authorization: undefined }),
    edgeValid: () => user({}, { authorization: undefined }),
    message: 'has 1 ACL rule(s), but cluster "my-cluster" has no authorization',
  });

  ruleCase('KAF-USR-015', 'ACLs with a custom authorizer need supportsAdminApi', {
    failing: () => userWithAcl({ resource: AclResource.topic('t'), operations: [AclOperation.READ] },
      { authorization: KafkaAuthorization.custom({ authorizerClass: 'com.example.Authz' }) }),
    edgeValid: () => userWithAcl({ resource: AclResource.topic('t'), operations: [AclOperation.READ] },
      { authorization: KafkaAuthorization.custom({ authorizerClass: 'com.example.Authz', supportsAdminApi: true }) }),
    message: 'uses a custom authorizer without supportsAdminApi',
  });

  ruleCase('KAF-USR-016', 'an ACL rule names at least one operation', {
    failing: () => userWithAcl({ resource: AclResource.topic('t'), operations: [] }),
    edgeValid: () => userWithAcl({ resource: AclResource.topic('t'), operations: [AclOperation.DESCRIBE] }),
    message: 'the ACL rule on topic "t" has no operations',
  });

  ruleCase('KAF-USR-017', 'an ACL rule on a topic, group or transactional ID names it', {
    failing: () => userWithAcl({ resource: AclResource.group(''), operations: [AclOperation.READ] }),
    edgeValid: () => userWithAcl({ resource: AclResource.group('*'), operations: [AclOperation.READ] }),
    message: 'the ACL rule on a group has an empty name',
  });

  ruleCase('KAF-USR-018', 'an operation Kafka never checks on the resource type is a warning', {
    failing: () => userWithAcl({ resource: AclResource.group('g'), operations: [AclOperation.READ, AclOperation.WRITE] }),
    // every operation Kafka checks on a group
    edgeValid: () => userWithAcl({
      resource: AclResource.group('g'),
      operations: [AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DELETE, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS],
    }),
    message: 'names Write, which Kafka never checks on a group',
  });

  ruleCase('KAF-USR-019', 'some listener of the cluster accepts the user\'s authentication', {
    failing: () => user({ authentication: KafkaUserAuthentication.tls() },
      { listeners: [Listener.internal({ name: 'scram', port: 9094, authentication: ListenerAuthentication.scramSha512() })] }),
    // a tls-external user on a mutual-TLS listener
    edgeValid: () => user({
      authentication: KafkaUserAuthentication.tlsExternal(),
    }, { listeners: [Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.tls() })] }),
    message: 'authentication "tls" is accepted by no listener',
  });

  ruleCase('KAF-USR-020', 'connection details go through a listener of the user\'s cluster', {
    failing: () => detailsThrough(Listener.internal({ name: 'scram', port: 9094, authentication: ListenerAuthentication.scramSha512() })),
    edgeValid: () => detailsThrough('scram'),
    message: 'which is not a listener of cluster "my-cluster"',
  });

  ruleCase('KAF-USR-021', 'connection details go through a listener that accepts the user', {
    failing: () => detailsThrough('tls'),
    edgeValid: () => detailsThrough('scram'),
    message: 'whose authentication "tls" does not accept this user\'s authentication "scram-sha-512"',
  });

  ruleCase('KAF-USR-022', 'connection details cannot be derived for a custom-authentication listener', {
    failing: () => detailsThrough('oauth', {
      listeners: [
        Listener.internal({ name: 'oauth', port: 9095, authentication: ListenerAuthentication.custom({ sasl: true }) }),
        Listener.internal({ name: 'scram', port: 9094, authentication: ListenerAuthentication.scramSha512() }),
      ],
    }),
    edgeValid: () => detailsThrough('scram', {
      listeners: [
        Listener.internal({ name: 'oauth', port: 9095, authentication: ListenerAuthentication.custom({ sasl: true }) }),
        Listener.internal({ name: 'scram', port: 9094, authentication: ListenerAuthentication.scramSha512() }),
      ],
    }),
    message: 'listener "oauth" with custom authentication',
  });

  ruleCase('KAF-USR-023', 'grants to an imported user need ownerGrants', {
    failing: () => {
      const { chart, cluster } = setup();
      KafkaUser.fromUserName(chart, 'them', { cluster, userName: 'billing' }).grantReadTopics(AclResource.topic('orders'));
      return chart;
    },
    edgeValid: () => {
      const { chart, cluster } = setup();
      KafkaUser.fromUserName(chart, 'them', { cluster, userName: 'billing' }).grantReadTopics(AclResource.topic('orders'), { ownerGrants: true });
      return chart;
    },
    message: 'its owner must add 1 ACL rule(s): allow Read, Describe on topic "orders"',
  });

  ruleCase('KAF-USR-024', 'grants an imported user\'s owner provides are listed as a warning', {
    failing: () => {
      const { chart, cluster } = setup();
      KafkaUser.fromUserName(chart, 'them', { cluster, userName: 'billing' }).grantReadTopics(AclResource.topic('orders'), { ownerGrants: true });
      return chart;
    },
    // an imported user this app only connects with
    edgeValid: () => {
      const { chart, cluster } = setup();
      KafkaUser.fromUserName(chart, 'them', { cluster, userName: 'billing' }).connectionDetails(cluster.findListener('scram')!);
      return chart;
    },
    message: 'its owner must grant 1 ACL rule(s): allow Read, Describe on topic "orders"',
  });
});

describe('client wiring (KAF-CLI)', () => {
  ruleCase('KAF-CLI-002', 'a client workload runs in the namespace of the Secrets it reads', {
    failing: () => client('apps'),
    edgeValid: () => client('kafka'),
    message: 'the workload is in namespace "apps"',
  });

  ruleCase('KAF-CLI-002', 'with the user Secrets in the User Operator\'s namespace, the CA Secret is copied next to them', {
    failing: () => client('users', { users: 'users' }),
    // the CA Secret copied into "users" and named there
    edgeValid: () => client('users', { users: 'users', details: (d) => ({ ...d, brokerCaNamespace: 'users' }) }),
    message: 'copy "my-cluster-cluster-ca-cert" from "kafka" into "users"',
  });
});
