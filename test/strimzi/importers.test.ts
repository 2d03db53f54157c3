import {
  AclOperation,
  AclResource,
  AclResourceType,
  KafkaAuthorization,
  KafkaCluster,
  KafkaUser,
  KafkaUserAuthenticationType,
  Listener,
  ListenerAuthentication,
  NodeRole,
  SecurityProtocol,
  StrimziTarget,
  Topic,
} from '../../src';
import { docsOf, newChart, synth, validationErrors, warningsOf } from '../util';

function imported(chart = newChart()) {
  const tls = Listener.internal({ name: 'tls', port: 9093 });
  const cluster = KafkaCluster.fromClusterAttributes(chart, 'shared', {
    clusterName: 'shared',
    namespace: 'kafka',
    listeners: [tls],
    authorization: KafkaAuthorization.simple(),
  });
  return { chart, cluster, tls };
}

describe('KafkaCluster.fromClusterAttributes', () => {
  test('GIVEN attributes WHEN imported THEN it answers names, defaults and addresses and renders nothing', () => {
    const { chart, cluster, tls } = imported();
    expect(cluster.clusterName).toBe('shared');
    expect(cluster.target).toBe(StrimziTarget.V1_2_0);
    expect(cluster.topicNamespace).toBe('kafka');
    expect(cluster.userNamespace).toBe('kafka');
    expect(cluster.userSecretPrefix).toBe('');
    expect(cluster.brokerCount).toBe(0);
    expect(cluster.brokerNodeIds).toBeUndefined();
    expect(cluster.findListener('tls')).toBe(tls);
    expect(cluster.bootstrapServers(tls)).toBe('shared-kafka-bootstrap.kafka.svc:9093');
    expect(cluster.clusterCaCertificate).toEqual({ secretName: 'shared-cluster-ca-cert', key: 'ca.crt' });
    expect(synth(chart)).toEqual([]);
  });

  test('topics and users of this app can live in an imported cluster', () => {
    const { chart, cluster } = imported();
    const topic = new Topic(chart, 'orders', { cluster, partitions: 3 });
    const user = new KafkaUser(chart, 'app', { cluster });
    topic.grantRead(user, { consumerGroup: 'app' });
    const docs = synth(chart);
    expect(docsOf(docs, 'KafkaTopic')[0].metadata).toEqual({ name: 'orders', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'shared' } });
    expect(docsOf(docs, 'KafkaUser')[0].spec.authorization.acls).toHaveLength(2);
  });
});

describe('cluster.connectionDetails', () => {
  test('a listener without authentication: bootstrap, protocol and broker CA, no credentials', () => {
    const chart = newChart();
    const plain = Listener.internal({ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() });
    const tls = Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.none() });
    const cluster = new KafkaCluster(chart, 'c', { namespace: 'kafka', listeners: [plain, tls] });
    cluster.addNodePool('dual', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
    expect(cluster.connectionDetails(plain)).toEqual({
      bootstrapServers: 'c-kafka-bootstrap.kafka.svc:9092',
      securityProtocol: SecurityProtocol.PLAINTEXT,
      namespace: 'kafka',
      clusterName: 'c',
      listenerName: 'plain',
      brokerCa: undefined,
    });
    expect(cluster.connectionDetails(tls)).toMatchObject({
      securityProtocol: SecurityProtocol.SSL,
      brokerCa: { secretName: 'c-cluster-ca-cert', key: 'ca.crt' },
    });
  });
});

describe('KafkaUser.fromUserName', () => {
  test('connection details name the Secrets its owner\'s User Operator writes', () => {
    const { chart, cluster, tls } = imported();
    const user = KafkaUser.fromUserName(chart, 'them', { cluster, userName: 'billing' });
    expect(user.connectionDetails(tls)).toMatchObject({
      securityProtocol: SecurityProtocol.SASL_SSL,
      username: 'billing',
      password: { secretName: 'billing', key: 'password' },
      brokerCa: { secretName: 'shared-cluster-ca-cert', key: 'ca.crt' },
    });
    expect(user.principalName).toBe('billing');
    const tlsUser = KafkaUser.fromUserName(chart, 'tls', { cluster, userName: 'reader', authenticationType: KafkaUserAuthenticationType.TLS });
    expect(tlsUser.principalName).toBe('CN=reader');
    expect(tlsUser.connectionDetails(tls)).toMatchObject({ userCertificate: { secretName: 'reader', key: 'user.crt' } });
  });

  test('a grant to an imported user is an error that lists the exact ACLs its owner must add', () => {
    const { chart, cluster } = imported();
    const user = KafkaUser.fromUserName(chart, 'them', { cluster, userName: 'billing' });
    const topic = Topic.fromTopicName(chart, 'orders', { cluster, topicName: 'orders' });
    const granted = topic.grantRead(user, { consumerGroup: 'billing' });
    expect(granted).toHaveLength(2);
    expect(user.isAllowed(AclResourceType.TOPIC, 'orders', AclOperation.READ)).toBe(true);
    expect(validationErrors(chart)).toEqual([
      '[test/them] KAF-USR-023 user "billing": is not managed by this app (imported with KafkaUser.fromUserName), so its ACLs cannot be rendered; its owner must add 2 ACL rule(s): allow Read, Describe on topic "orders" from * and allow Read on group "billing" from * to KafkaUser "billing" in namespace "kafka"; ask the owner to add them and mark the grant with ownerGrants: true, or grant to a user this app manages',
    ]);
  });

  test('with ownerGrants the same grant is a warning and synth succeeds', () => {
    const { chart, cluster } = imported();
    const user = KafkaUser.fromUserName(chart, 'them', { cluster, userName: 'billing' });
    user.grantWriteTopics(AclResource.topicPrefix('billing-'), { ownerGrants: true });
    expect(synth(chart)).toEqual([]);
    expect(warningsOf(chart)).toEqual([
      '[test/them] KAF-USR-024 user "billing" is managed elsewhere: its owner must grant 1 ACL rule(s): allow Write, Describe on topic prefix "billing-" from * in KafkaUser "billing" (namespace "kafka"); this app relies on them',
    ]);
  });

  test('an imported topic reports a grant to a user of another cluster', () => {
    const { chart, cluster } = imported();
    const other = KafkaCluster.fromClusterAttributes(chart, 'other', { clusterName: 'other', namespace: 'kafka' });
    const user = KafkaUser.fromUserName(chart, 'them', { cluster: other, userName: 'x' });
    const topic = Topic.fromTopicName(chart, 'orders', { cluster, topicName: 'orders' });
    topic.grantRead(user, { ownerGrants: true });
    expect(validationErrors(chart)).toEqual([
      '[test/orders] KAF-TOP-029 user "x": is granted access to topic "orders" of cluster "shared", but belongs to cluster "other"; grant topics of the user\'s own cluster, or create a user in the topic\'s cluster',
    ]);
  });
});
