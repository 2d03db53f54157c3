import { JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  AclOperation,
  AclResource,
  AclResourceType,
  KafkaAuthorization,
  KafkaClient,
  KafkaCluster,
  KafkaClusterProps,
  KafkaUser,
  KafkaUserAuthentication,
  Listener,
  ListenerAuthentication,
  NodeRole,
  SecurityProtocol,
} from '../../src';
import { docOf, docsOf, newChart, synth, validationErrors, warningsOf } from '../util';

const TOPIC_WARNING = '[test/my-cluster] KAF-CLU-003 the Topic Operator watches namespace "topics", not the cluster\'s namespace "kafka": Strimzi honours a different watchedNamespace only when the Cluster Operator runs with STRIMZI_ENTITY_OPERATOR_WATCHED_NAMESPACE_ENABLED=true (Strimzi 1.0.1+), otherwise it watches "kafka" and ignores the KafkaTopics of this cluster, which are rendered into "topics"; set that environment variable on the Cluster Operator, or leave watchedNamespace unset';
const USER_WARNING = '[test/my-cluster] KAF-CLU-003 the User Operator watches namespace "users", not the cluster\'s namespace "kafka": Strimzi honours a different watchedNamespace only when the Cluster Operator runs with STRIMZI_ENTITY_OPERATOR_WATCHED_NAMESPACE_ENABLED=true (Strimzi 1.0.1+), otherwise it watches "kafka" and ignores the KafkaUsers of this cluster, which are rendered into "users"; set that environment variable on the Cluster Operator, or leave watchedNamespace unset';

/** `my-cluster` in `kafka` with SCRAM-over-TLS, mutual-TLS and plain SCRAM listeners; the operators watch `topics` / `users` unless told otherwise. */
function setup(options: { chartNamespace?: string; topics?: string; users?: string; props?: KafkaClusterProps } = {}) {
  const chart = newChart(options.chartNamespace ?? 'kafka');
  const cluster = new KafkaCluster(chart, 'my-cluster', {
    namespace: 'kafka',
    authorization: KafkaAuthorization.simple({ superUsers: ['admin'] }),
    listeners: [
      Listener.internal({ name: 'scram', port: 9094 }),
      Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.tls() }),
      Listener.internal({ name: 'plain', port: 9092, tls: false }),
    ],
    entityOperator: {
      topicOperatorOptions: options.topics === undefined ? undefined : { watchedNamespace: options.topics },
      userOperatorOptions: options.users === undefined ? undefined : { watchedNamespace: options.users },
    },
    ...options.props,
  });
  cluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
  return { chart, cluster };
}

describe('the cluster contract', () => {
  test('without watchedNamespace, topics and users belong to the cluster\'s namespace and nothing is warned', () => {
    const { chart, cluster } = setup();
    expect(cluster.topicNamespace).toBe('kafka');
    expect(cluster.userNamespace).toBe('kafka');
    synth(chart);
    expect(warningsOf(chart)).toEqual([]);
  });

  test('topicNamespace and userNamespace are the operators\' watched namespaces', () => {
    // GIVEN operators watching other namespaces than the cluster's
    const { chart, cluster } = setup({ topics: 'topics', users: 'users' });
    // THEN the contract says where topics and users go, and the Kafka resource still renders them
    expect(cluster.namespace).toBe('kafka');
    expect(cluster.topicNamespace).toBe('topics');
    expect(cluster.userNamespace).toBe('users');
    const kafka = docOf(synth(chart), 'Kafka');
    expect(kafka.metadata.namespace).toBe('kafka');
    expect(kafka.spec.entityOperator).toEqual({ topicOperator: { watchedNamespace: 'topics' }, userOperator: { watchedNamespace: 'users' } });
  });

  test('a watchedNamespace other than the cluster\'s is a warning naming the Cluster Operator setting', () => {
    const { chart } = setup({ topics: 'topics', users: 'users' });
    synth(chart);
    expect(warningsOf(chart)).toEqual([TOPIC_WARNING, USER_WARNING]);
  });

  test('a watchedNamespace equal to the cluster\'s, or of a disabled operator, is no warning', () => {
    const { chart } = setup({
      topics: 'kafka',
      props: { entityOperator: { topicOperatorOptions: { watchedNamespace: 'kafka' }, userOperator: false, userOperatorOptions: { watchedNamespace: 'users' } } },
    });
    synth(chart);
    expect(warningsOf(chart)).toEqual([]);
  });

  test('a watchedNamespace that is not a namespace name is an error', () => {
    const { chart } = setup({ topics: 'Topics', users: '' });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster] KAF-K8S-001 Kafka cluster "my-cluster": the Topic Operator\'s watchedNamespace "Topics" is not a valid namespace name (DNS-1123 label: lower-case letters, digits and \'-\', at most 63 characters); name an existing namespace, or leave watchedNamespace unset to watch the cluster\'s namespace',
      '[test/my-cluster] KAF-K8S-001 Kafka cluster "my-cluster": the User Operator\'s watchedNamespace "" is not a valid namespace name (DNS-1123 label: lower-case letters, digits and \'-\', at most 63 characters); name an existing namespace, or leave watchedNamespace unset to watch the cluster\'s namespace',
    ]);
  });

  test('authorization is part of the contract, typed', () => {
    const { cluster } = setup();
    expect(cluster.authorization?.superUsers).toEqual(['admin']);
    const { cluster: open } = setup({ props: { authorization: undefined } });
    expect(open.authorization).toBeUndefined();
  });
});

describe('topics and users go where the operators watch', () => {
  test('KafkaTopics render into topicNamespace, KafkaUsers into userNamespace', () => {
    // GIVEN operators watching "topics" and "users"
    const { chart, cluster } = setup({ topics: 'topics', users: 'users' });
    // WHEN a topic and a user are added (the user once through the cluster, once directly)
    const topic = cluster.addTopic('orders', { partitions: 3 });
    const user = cluster.addUser('app');
    const other = new KafkaUser(chart, 'other', { cluster, userName: 'other' });
    topic.grantRead(user, { consumerGroup: 'app' });
    const docs = synth(chart);
    // THEN each resource is in the namespace its operator watches, labelled for the cluster
    expect(docOf(docs, 'KafkaTopic', 'orders').metadata).toEqual({ name: 'orders', namespace: 'topics', labels: { 'strimzi.io/cluster': 'my-cluster' } });
    expect(docOf(docs, 'KafkaUser', 'app').metadata).toEqual({ name: 'app', namespace: 'users', labels: { 'strimzi.io/cluster': 'my-cluster' } });
    expect(docOf(docs, 'KafkaUser', 'other').metadata.namespace).toBe('users');
    expect(topic.namespace).toBe('topics');
    expect(user.namespace).toBe('users');
    expect(other.namespace).toBe('users');
    // AND the node pools stay with the cluster
    expect(docOf(docs, 'KafkaNodePool').metadata.namespace).toBe('kafka');
  });

  test('a KafkaTopic patched out of the watched namespace is an error naming it', () => {
    const { chart, cluster } = setup({ topics: 'topics' });
    cluster.addTopic('orders').resource.addJsonPatch(JsonPatch.replace('/metadata/namespace', 'kafka'));
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/orders] KAF-TOP-017 topic "orders": the KafkaTopic is in namespace "kafka", but the Topic Operator of cluster "my-cluster" watches only namespace "topics"; keep the topic in namespace "topics", the one the Topic Operator watches (do not patch metadata.namespace)',
    ]);
  });

  test('a KafkaUser patched out of the watched namespace is an error naming it', () => {
    const { chart, cluster } = setup({ users: 'users' });
    cluster.addUser('app').resource.addJsonPatch(JsonPatch.replace('/metadata/namespace', 'kafka'));
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/app] KAF-USR-004 user "app": the KafkaUser is in namespace "kafka", but the User Operator of cluster "my-cluster" watches only namespace "users"; keep the user in namespace "users", the one the User Operator watches (do not patch metadata.namespace)',
    ]);
  });

  test('the SCRAM password Secret rule names the KafkaUser\'s namespace', () => {
    const { chart, cluster } = setup({ users: 'users' });
    cluster.addUser('app', { authentication: KafkaUserAuthentication.scramSha512({ password: { secretName: 'My Secret', key: 'pw' } }) });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/app] KAF-USR-005 user "app": the password Secret name "My Secret" is not a valid Kubernetes name; name an existing Secret in namespace "users", the KafkaUser\'s',
    ]);
  });

  test('two clusters whose topics land in one namespace cannot both have KafkaTopic "orders"', () => {
    // GIVEN cluster "a" in "shared" and cluster "my-cluster" whose Topic Operator watches "shared"
    const { chart, cluster } = setup({ topics: 'shared' });
    const a = new KafkaCluster(chart, 'a', { namespace: 'shared', listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
    a.addNodePool('a-dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    // WHEN both define topic "orders"
    a.addTopic('orders');
    cluster.addTopic('orders');
    // THEN the second KafkaTopic would overwrite the first
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/orders] KAF-TOP-027 topic "orders": its KafkaTopic name "orders" is also the name of the KafkaTopic of topic "orders" of cluster "a" (test/a/orders) in namespace "shared"; rename one of the topics, or keep the two clusters\' topics in different namespaces',
    ]);
  });

  test('topics of two clusters in different namespaces may share a name', () => {
    const { chart, cluster } = setup({ topics: 'topics' });
    const a = new KafkaCluster(chart, 'a', { namespace: 'kafka', listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
    a.addNodePool('a-dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    a.addTopic('orders');
    cluster.addTopic('orders');
    const docs = synth(chart);
    expect(docsOf(docs, 'KafkaTopic', 'orders').map((d) => d.metadata.namespace)).toEqual(['topics', 'kafka']);
  });

  test('two clusters whose users land in one namespace cannot both have KafkaUser "app"', () => {
    const { chart, cluster } = setup({ users: 'shared' });
    const a = new KafkaCluster(chart, 'a', { namespace: 'shared', listeners: [Listener.internal({ name: 'scram', port: 9094 })] });
    a.addNodePool('a-dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    a.addUser('app');
    cluster.addUser('app');
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/app] KAF-USR-002 user "app": user "app" of cluster "a" (test/a/app) also renders KafkaUser "app" in namespace "shared", so one would overwrite the other (and its Secret); rename one of the users, or keep the two clusters\' users in different namespaces',
    ]);
  });

  test('the typed authorization decides super users and custom-authorizer ACL rules', () => {
    // GIVEN a super user and a custom authorizer without Admin API support
    const { cluster } = setup();
    const admin = new KafkaUser(cluster, 'admin-user', { cluster, userName: 'admin' });
    expect(admin.isAllowed(AclResourceType.TOPIC, 'anything', AclOperation.WRITE)).toBe(true);
    const { chart, cluster: custom } = setup({ props: { authorization: KafkaAuthorization.custom({ authorizerClass: 'com.example.Authz' }) } });
    custom.addUser('app', { acls: [{ resource: AclResource.topic('t'), operations: [AclOperation.READ] }] });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/app] KAF-USR-015 user "app": has ACL rules, but cluster "my-cluster" uses a custom authorizer without supportsAdminApi, so the User Operator cannot apply them; set supportsAdminApi: true if the authorizer supports the Kafka Admin API for ACLs, or remove the ACLs and grants',
    ]);
  });
});

describe('connection details name where each Secret lives', () => {
  test('with a watched namespace, credentialsNamespace is the KafkaUser\'s; the CA stays in the cluster\'s', () => {
    const { cluster } = setup({ users: 'users' });
    const d = cluster.addUser('app').connectionDetails(cluster.findListener('scram')!);
    expect(d.namespace).toBe('kafka');
    expect(d.credentialsNamespace).toBe('users');
    expect(d.brokerCaNamespace).toBeUndefined();
    expect(d.password).toEqual({ secretName: 'app', key: 'password' });
    expect(d.brokerCa).toEqual({ secretName: 'my-cluster-cluster-ca-cert', key: 'ca.crt' });
    expect(d.bootstrapServers).toBe('my-cluster-kafka-bootstrap.kafka.svc:9094');
  });

  test('without one, credentialsNamespace is left out (it defaults to namespace)', () => {
    const { cluster } = setup({ topics: 'topics' });
    const d = cluster.addUser('app').connectionDetails(cluster.findListener('scram')!);
    expect(d.namespace).toBe('kafka');
    expect(d.credentialsNamespace).toBeUndefined();
  });
});

describe('KafkaClient.configureContainer with a watched namespace', () => {
  function client(chartNamespace: string, listener: string, authentication?: KafkaUserAuthentication) {
    const f = setup({ chartNamespace, users: 'users' });
    const user = f.cluster.addUser('app', { authentication });
    const deployment = new kplus.Deployment(f.chart, 'app', { containers: [{ image: 'app:1', name: 'app' }] });
    const details = user.connectionDetails(f.cluster.findListener(listener)!);
    return { ...f, deployment, details };
  }

  test('a TLS client next to the user Secret lacks the CA Secret: error naming both namespaces and the fix', () => {
    const { chart, deployment, details } = client('users', 'scram');
    KafkaClient.configureContainer(deployment, deployment.containers[0], details);
    expect(validationErrors(chart)).toEqual([
      '[test/app] KAF-CLI-002 Kafka client of cluster "my-cluster": the workload is in namespace "users", but it reads the user credentials ("app") from namespace "users" and the broker CA ("my-cluster-cluster-ca-cert") from namespace "kafka" (the User Operator writes user Secrets into the namespace it watches, the CA Secret stays in the cluster\'s), and Kubernetes Secrets are namespace-local; copy "my-cluster-cluster-ca-cert" from "kafka" into "users" (e.g. with SecretCopy) and pass the details with brokerCaNamespace: "users", or leave the User Operator\'s watchedNamespace unset so that every Secret is in "kafka"',
    ]);
  });

  test('a TLS client next to the cluster lacks the user Secret', () => {
    const { chart, deployment, details } = client('kafka', 'tls', KafkaUserAuthentication.tls());
    KafkaClient.configureContainer(deployment, deployment.containers[0], details);
    expect(validationErrors(chart)).toEqual([
      '[test/app] KAF-CLI-002 Kafka client of cluster "my-cluster": the workload is in namespace "kafka", but it reads the user credentials ("app") from namespace "users" and the broker CA ("my-cluster-cluster-ca-cert") from namespace "kafka" (the User Operator writes user Secrets into the namespace it watches, the CA Secret stays in the cluster\'s), and Kubernetes Secrets are namespace-local; copy "app" from "users" into "kafka" (e.g. with SecretCopy) and pass the details with credentialsNamespace: "kafka", or leave the User Operator\'s watchedNamespace unset so that every Secret is in "kafka"',
    ]);
  });

  test('after copying the CA Secret, brokerCaNamespace tells the client it is local', () => {
    const { chart, deployment, details } = client('users', 'scram');
    KafkaClient.configureContainer(deployment, deployment.containers[0], { ...details, brokerCaNamespace: 'users' });
    const pod = docOf(synth(chart), 'Deployment').spec.template.spec;
    expect(pod.volumes).toEqual([{
      name: 'kafka-ca-my-cluster-cluster-ca-cert',
      secret: { secretName: 'my-cluster-cluster-ca-cert', items: [{ key: 'ca.crt', path: 'ca.crt' }] },
    }]);
  });

  test('SCRAM without TLS reads only the user Secret: fine next to it, an error elsewhere', () => {
    const ok = client('users', 'plain');
    KafkaClient.configureContainer(ok.deployment, ok.deployment.containers[0], ok.details);
    expect(docOf(synth(ok.chart), 'Deployment').spec.template.spec.containers[0].env).toEqual(expect.arrayContaining([
      { name: 'KAFKA_SASL_PASSWORD', valueFrom: { secretKeyRef: { name: 'app', key: 'password' } } },
    ]));

    const bad = client('kafka', 'plain');
    KafkaClient.configureContainer(bad.deployment, bad.deployment.containers[0], bad.details);
    expect(validationErrors(bad.chart)).toEqual([
      '[test/app] KAF-CLI-002 Kafka client of cluster "my-cluster": the workload is in namespace "kafka", but the Secrets it reads (user credentials) are in namespace "users", and Kubernetes Secrets are namespace-local; run the workload in namespace "users", or copy the Secrets into "kafka" and wire them by hand',
    ]);
  });

  test('a client that reads no Secret may run in any namespace', () => {
    // GIVEN a plain listener without authentication and hand-made details
    const chart = newChart('apps');
    const deployment = new kplus.Deployment(chart, 'app', { containers: [{ image: 'app:1', name: 'app' }] });
    KafkaClient.configureContainer(deployment, deployment.containers[0], {
      bootstrapServers: 'my-cluster-kafka-bootstrap.kafka.svc:9092',
      securityProtocol: SecurityProtocol.PLAINTEXT,
      namespace: 'kafka',
      clusterName: 'my-cluster',
      listenerName: 'plain',
    });
    expect(docOf(synth(chart), 'Deployment').metadata.namespace).toBe('apps');
  });
});

test('a cluster whose users live in their own namespace synthesizes with only the Cluster Operator warning', () => {
  // GIVEN the usage shown in the documentation
  const chart = newChart('kafka');
  const shared = new KafkaCluster(chart, 'shared', {
    listeners: [Listener.internal({ name: 'tls', port: 9093 })],
    authorization: KafkaAuthorization.simple(),
    entityOperator: { userOperatorOptions: { watchedNamespace: 'kafka-users' } },
  });
  shared.addNodePool('dual', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
  const billing = shared.addUser('billing');
  const details = billing.connectionDetails(shared.findListener('tls')!);
  // THEN
  expect([details.namespace, details.credentialsNamespace]).toEqual(['kafka', 'kafka-users']);
  expect(docOf(synth(chart), 'KafkaUser', 'billing').metadata.namespace).toBe('kafka-users');
  expect(warningsOf(chart)).toHaveLength(1);
});
