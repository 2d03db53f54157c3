import {
  AclOperation,
  AclResource,
  AclResourceType,
  KafkaAuthorization,
  KafkaCluster,
  Listener,
  NodeRole,
} from '../../src';
import { docOf, newChart, synth, validationErrors } from '../util';

function setup(name = 'my-cluster') {
  const chart = newChart();
  const cluster = new KafkaCluster(chart, name, {
    namespace: 'kafka',
    authorization: KafkaAuthorization.simple(),
    listeners: [Listener.internal({ name: 'scram', port: 9094 })],
  });
  cluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
  return { chart, cluster };
}

test('grantRead gives Read + Describe on the topic and Read on the group, and returns them', () => {
  const { chart, cluster } = setup();
  const topic = cluster.addTopic('orders');
  const user = cluster.addUser('consumer');
  const granted = topic.grantRead(user, { consumerGroup: 'billing' });
  expect(granted).toEqual([
    { resource: AclResource.topic('orders'), operations: [AclOperation.READ, AclOperation.DESCRIBE] },
    { resource: AclResource.group('billing'), operations: [AclOperation.READ] },
  ]);
  expect(user.isAllowed(AclResourceType.TOPIC, 'orders', AclOperation.READ)).toBe(true);
  expect(user.isAllowed(AclResourceType.GROUP, 'billing', AclOperation.READ)).toBe(true);
  expect(user.isAllowed(AclResourceType.TOPIC, 'orders', AclOperation.WRITE)).toBe(false);
  expect(docOf(synth(chart), 'KafkaUser').spec.authorization.acls).toEqual([
    { resource: { type: 'topic', name: 'orders' }, operations: ['Read', 'Describe'] },
    { resource: { type: 'group', name: 'billing' }, operations: ['Read'] },
  ]);
});

test('grantWrite gives Write + Describe; transactional producers also get their transactional ID', () => {
  const { chart, cluster } = setup();
  const topic = cluster.addTopic('orders');
  const user = cluster.addUser('producer');
  expect(topic.grantWrite(user)).toEqual([{ resource: AclResource.topic('orders'), operations: [AclOperation.WRITE, AclOperation.DESCRIBE] }]);
  const tx = topic.grantWrite(user, { transactionalId: 'orders-tx', transactionalIdPrefix: 'orders-tx-' });
  expect(tx).toHaveLength(3);
  expect(docOf(synth(chart), 'KafkaUser').spec.authorization.acls).toEqual([
    { resource: { type: 'topic', name: 'orders' }, operations: ['Write', 'Describe'] },
    { resource: { type: 'transactionalId', name: 'orders-tx' }, operations: ['Write', 'Describe'] },
    { resource: { type: 'transactionalId', name: 'orders-tx-', patternType: 'prefix' }, operations: ['Write', 'Describe'] },
  ]);
});

test('grantReadWrite merges into one rule per resource; repeated grants are deduplicated', () => {
  const { chart, cluster } = setup();
  const topic = cluster.addTopic('Orders_EU');
  const user = cluster.addUser('app');
  topic.grantReadWrite(user, { consumerGroup: 'app' });
  topic.grantRead(user, { consumerGroup: 'app' });
  expect(docOf(synth(chart), 'KafkaUser').spec.authorization.acls).toEqual([
    { resource: { type: 'topic', name: 'Orders_EU' }, operations: ['Read', 'Write', 'Describe'] },
    { resource: { type: 'group', name: 'app' }, operations: ['Read'] },
  ]);
});

test('prefix grants on the user', () => {
  const { chart, cluster } = setup();
  const user = cluster.addUser('etl');
  user.grantReadTopics(AclResource.topicPrefix('raw-'), { consumerGroupPrefix: 'etl-' });
  user.grantWriteTopics(AclResource.topicPrefix('clean-'));
  expect(user.isAllowed(AclResourceType.TOPIC, 'raw-clicks', AclOperation.READ)).toBe(true);
  expect(user.isAllowed(AclResourceType.GROUP, 'etl-1', AclOperation.READ)).toBe(true);
  expect(user.isAllowed(AclResourceType.TOPIC, 'clean-clicks', AclOperation.WRITE)).toBe(true);
  expect(user.isAllowed(AclResourceType.TOPIC, 'clean-clicks', AclOperation.READ)).toBe(false);
  expect(docOf(synth(chart), 'KafkaUser').spec.authorization.acls).toEqual([
    { resource: { type: 'topic', name: 'clean-', patternType: 'prefix' }, operations: ['Write', 'Describe'] },
    { resource: { type: 'topic', name: 'raw-', patternType: 'prefix' }, operations: ['Read', 'Describe'] },
    { resource: { type: 'group', name: 'etl-', patternType: 'prefix' }, operations: ['Read'] },
  ]);
});

test('topic grants take topic resources only: another resource is reported with the path, not thrown', () => {
  const { chart, cluster } = setup();
  const user = cluster.addUser('etl');
  expect(user.grantReadTopics(AclResource.group('g'))).toEqual([]);
  expect(validationErrors(chart)).toEqual([
    '[test/my-cluster/etl] KAF-APP-005 user "etl": grantReadTopics() was given group "g", which is not a topic resource, so nothing was granted; pass AclResource.topic(), topicPrefix() or allTopics(); name the consumer group in the options (consumerGroup), or use addAcl() for other resources',
  ]);
});

test('a grant on a topic of another cluster is an error', () => {
  const { chart, cluster } = setup();
  const other = new KafkaCluster(chart, 'other', { namespace: 'kafka', authorization: KafkaAuthorization.simple(), listeners: [Listener.internal({ name: 'scram', port: 9094 })] });
  other.addNodePool('other-dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
  const topic = other.addTopic('orders');
  const user = cluster.addUser('app');
  topic.grantRead(user);
  expect(validationErrors(chart)).toEqual([
    '[test/other/orders] KAF-TOP-029 user "app": is granted access to topic "orders" of cluster "other", but belongs to cluster "my-cluster"; grant topics of the user\'s own cluster, or create a user in the topic\'s cluster',
  ]);
});

test('a grant on a cluster without authorization is an error', () => {
  const chart = newChart();
  const cluster = new KafkaCluster(chart, 'open', { namespace: 'kafka', listeners: [Listener.internal({ name: 'scram', port: 9094 })] });
  cluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
  cluster.addTopic('orders').grantWrite(cluster.addUser('app'));
  expect(validationErrors(chart)).toEqual([
    '[test/open/app] KAF-USR-014 user "app": has 1 ACL rule(s), but cluster "open" has no authorization, so the User Operator cannot apply them and the KafkaUser never becomes ready; enable authorization on the cluster (authorization: KafkaAuthorization.simple()) or remove the ACLs and grants',
  ]);
});
