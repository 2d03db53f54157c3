import { ApiObject, Duration, JsonPatch, Size } from 'cdk8s';
import {
  AclOperation,
  AclPermissionType,
  AclResource,
  AclResourceType,
  KafkaAuthorization,
  KafkaCluster,
  KafkaUser,
  KafkaUserAuthentication,
  KafkaUserAuthenticationType,
  Listener,
  ListenerAuthentication,
  NodeRole,
  SecurityProtocol,
  StrimziResource,
  Warnings,
} from '../../src';
import { shortHash } from '../../src/common/names';
import { docOf, newChart, synth, validationErrors, warningsOf } from '../util';

function cluster(chart = newChart(), props: { authorization?: KafkaAuthorization; listeners?: Listener[] } = {}) {
  const c = new KafkaCluster(chart, 'my-cluster', {
    namespace: 'kafka',
    authorization: props.authorization ?? KafkaAuthorization.simple(),
    listeners: props.listeners ?? [
      Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.tls() }),
      Listener.internal({ name: 'scram', port: 9094, authentication: ListenerAuthentication.scramSha512() }),
    ],
  });
  c.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
  return { chart, cluster: c };
}

describe('KafkaUser rendering', () => {
  test('a SCRAM user lives in the cluster namespace with the cluster label', () => {
    // GIVEN a cluster in namespace kafka, in a chart of another namespace
    const { chart, cluster: c } = cluster(newChart('apps'));
    // WHEN
    new KafkaUser(chart, 'App', { cluster: c });
    // THEN
    const u = docOf(synth(chart), 'KafkaUser');
    expect(u.metadata).toEqual({ name: 'app', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'my-cluster' } });
    expect(u.spec).toEqual({ authentication: { type: 'scram-sha-512' } });
  });

  test('password from an existing Secret, quotas and secret template', () => {
    const { chart, cluster: c } = cluster();
    new KafkaUser(chart, 'u', {
      cluster: c,
      userName: 'billing',
      authentication: KafkaUserAuthentication.scramSha512({ password: { secretName: 'billing-pw', key: 'pw' } }),
      quotas: {
        producerByteRate: Size.mebibytes(1),
        consumerByteRate: Size.kibibytes(512),
        requestPercentage: 55,
        controllerMutationRate: 10,
      },
      secretLabels: { team: 'billing' },
      secretAnnotations: { note: 'x' },
    });
    const u = docOf(synth(chart), 'KafkaUser');
    expect(u.spec.authentication).toEqual({
      type: 'scram-sha-512',
      password: { valueFrom: { secretKeyRef: { name: 'billing-pw', key: 'pw' } } },
    });
    expect(u.spec.quotas).toEqual({ producerByteRate: 1048576, consumerByteRate: 524288, requestPercentage: 55, controllerMutationRate: 10 });
    expect(u.spec.template).toEqual({ secret: { metadata: { labels: { team: 'billing' }, annotations: { note: 'x' } } } });
  });

  test('a TLS user with certificate validity', () => {
    const { chart, cluster: c } = cluster();
    const user = new KafkaUser(chart, 'u', {
      cluster: c,
      userName: 'consumer',
      authentication: KafkaUserAuthentication.tls({ validity: Duration.days(90), renewBefore: Duration.days(10) }),
    });
    expect(user.principalName).toBe('CN=consumer');
    expect(user.authenticationType).toBe(KafkaUserAuthenticationType.TLS);
    expect(docOf(synth(chart), 'KafkaUser').spec.authentication).toEqual({ type: 'tls', validityDays: 90, renewalDays: 10 });
  });

  test('ACLs from grants are merged per resource, deduplicated and sorted', () => {
    const { chart, cluster: c } = cluster();
    const user = new KafkaUser(chart, 'u', { cluster: c });
    c.addTopic('b').grantWrite(user, { transactionalId: 'tx' });
    c.addTopic('a').grantRead(user, { consumerGroup: 'g' });
    user.grantReadTopics(AclResource.topic('a'));
    user.grantReadTopics(AclResource.topicPrefix('a'), { consumerGroup: 'g' });
    const spec = docOf(synth(chart), 'KafkaUser').spec;
    expect(spec.authorization).toEqual({
      type: 'simple',
      acls: [
        { resource: { type: 'topic', name: 'a' }, operations: ['Read', 'Describe'] },
        { resource: { type: 'topic', name: 'b' }, operations: ['Write', 'Describe'] },
        { resource: { type: 'topic', name: 'a', patternType: 'prefix' }, operations: ['Read', 'Describe'] },
        { resource: { type: 'group', name: 'g' }, operations: ['Read'] },
        { resource: { type: 'transactionalId', name: 'tx' }, operations: ['Write', 'Describe'] },
      ],
    });
  });

  test('hand-written ACL rules render as written, so Strimzi\'s example user round-trips', () => {
    // GIVEN the ACLs of the example user in Strimzi's packaging/examples/user (a
    // consumer of my-topic in group my-group, and a producer of my-topic), in its order
    const { chart, cluster: c } = cluster();
    c.addUser('my-user', {
      acls: [
        { resource: AclResource.topic('my-topic'), operations: [AclOperation.DESCRIBE, AclOperation.READ], host: '*' },
        { resource: AclResource.group('my-group'), operations: [AclOperation.READ], host: '*' },
        { resource: AclResource.topic('my-topic'), operations: [AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.WRITE], host: '*' },
      ],
    });
    // THEN order, grouping (two rules on my-topic stay two) and operation order are kept
    expect(docOf(synth(chart), 'KafkaUser').spec.authorization.acls).toEqual([
      { resource: { type: 'topic', name: 'my-topic' }, operations: ['Describe', 'Read'], host: '*' },
      { resource: { type: 'group', name: 'my-group' }, operations: ['Read'], host: '*' },
      { resource: { type: 'topic', name: 'my-topic' }, operations: ['Create', 'Describe', 'Write'], host: '*' },
    ]);
  });

  test('grantAcl() rules are merged and de-duplicated with the other grants, unlike addAcl()', () => {
    const { chart, cluster: c } = cluster();
    const user = new KafkaUser(chart, 'u', { cluster: c });
    user.grantAcl({ resource: AclResource.topic('a'), operations: [AclOperation.DESCRIBE, AclOperation.CREATE] });
    user.grantReadTopics(AclResource.topic('a'));
    user.addAcl({ resource: AclResource.topic('a'), operations: [AclOperation.DESCRIBE, AclOperation.CREATE] });
    expect(docOf(synth(chart), 'KafkaUser').spec.authorization.acls).toEqual([
      { resource: { type: 'topic', name: 'a' }, operations: ['Describe', 'Create'] },
      { resource: { type: 'topic', name: 'a' }, operations: ['Read', 'Create', 'Describe'] },
    ]);
  });

  test('written rules keep what was set (deny, allow, host) and come before the grants', () => {
    const { chart, cluster: c } = cluster();
    const user = new KafkaUser(chart, 'u', { cluster: c });
    user.grantReadTopics(AclResource.topic('a'));
    user.addAcl({ resource: AclResource.topicPrefix('a'), operations: [AclOperation.READ], permission: AclPermissionType.DENY, host: '10.0.0.1' });
    user.addAcl({ resource: AclResource.cluster(), operations: [AclOperation.DESCRIBE_CONFIGS], permission: AclPermissionType.ALLOW });
    user.addAcl({ resource: AclResource.topic('a'), operations: [AclOperation.READ] });
    user.grantReadTopics(AclResource.topic('a'));
    expect(docOf(synth(chart), 'KafkaUser').spec.authorization.acls).toEqual([
      { type: 'deny', resource: { type: 'topic', name: 'a', patternType: 'prefix' }, host: '10.0.0.1', operations: ['Read'] },
      { type: 'allow', resource: { type: 'cluster' }, operations: ['DescribeConfigs'] },
      { resource: { type: 'topic', name: 'a' }, operations: ['Read'] },
      { resource: { type: 'topic', name: 'a' }, operations: ['Read', 'Describe'] },
    ]);
  });
});

describe('KafkaUser ACL warnings', () => {
  test('an operation Kafka never checks on the resource type is a warning', () => {
    // GIVEN
    const { chart, cluster: c } = cluster();
    // WHEN a group gets Write (producers write topics, not groups) and a transactional ID gets Read
    c.addUser('app', {
      acls: [
        { resource: AclResource.group('g'), operations: [AclOperation.READ, AclOperation.WRITE] },
        { resource: AclResource.transactionalId('tx'), operations: [AclOperation.READ, AclOperation.CREATE] },
        { resource: AclResource.topic('t'), operations: [AclOperation.ALL] },
        { resource: AclResource.cluster(), operations: [AclOperation.IDEMPOTENT_WRITE] },
      ],
    });
    // raised at validation, not when the rule is added
    expect(Warnings.collect(chart)).toEqual([]);
    synth(chart);
    // THEN
    expect(warningsOf(chart)).toEqual([
      '[test/my-cluster/app] KAF-USR-018 user "app": the ACL rule on group "g" names Write, which Kafka never checks on a group (it checks Read, Describe, Delete, DescribeConfigs, AlterConfigs), so it has no effect; remove it or use the right resource type',
      '[test/my-cluster/app] KAF-USR-018 user "app": the ACL rule on transactionalId "tx" names Read, Create, which Kafka never checks on a transactionalId (it checks Describe, Write), so they have no effect; remove them or use the right resource type',
    ]);
  });
});

describe('KafkaUser.isAllowed', () => {
  test('literal, prefix, wildcard, All, implied Describe, deny wins', () => {
    const { chart, cluster: c } = cluster();
    const user = new KafkaUser(chart, 'u', { cluster: c });
    user.addAcl({ resource: AclResource.topic('orders'), operations: [AclOperation.READ] });
    user.addAcl({ resource: AclResource.topicPrefix('logs-'), operations: [AclOperation.ALL] });
    user.addAcl({ resource: AclResource.allGroups(), operations: [AclOperation.READ] });
    user.addAcl({ resource: AclResource.topic('logs-secret'), operations: [AclOperation.READ], permission: AclPermissionType.DENY });
    user.addAcl({ resource: AclResource.topic('hosted'), operations: [AclOperation.READ], host: '10.1.1.1' });
    user.addAcl({ resource: AclResource.cluster(), operations: [AclOperation.ALTER_CONFIGS] });

    expect(user.isAllowed(AclResourceType.TOPIC, 'orders', AclOperation.READ)).toBe(true);
    expect(user.isAllowed(AclResourceType.TOPIC, 'orders', AclOperation.DESCRIBE)).toBe(true);
    expect(user.isAllowed(AclResourceType.TOPIC, 'orders', AclOperation.WRITE)).toBe(false);
    expect(user.isAllowed(AclResourceType.TOPIC, 'logs-app', AclOperation.WRITE)).toBe(true);
    expect(user.isAllowed(AclResourceType.TOPIC, 'logs-secret', AclOperation.READ)).toBe(false);
    expect(user.isAllowed(AclResourceType.TOPIC, 'logs-secret', AclOperation.WRITE)).toBe(true);
    expect(user.isAllowed(AclResourceType.GROUP, 'any-group', AclOperation.READ)).toBe(true);
    expect(user.isAllowed(AclResourceType.TOPIC, 'hosted', AclOperation.READ)).toBe(false);
    expect(user.isAllowed(AclResourceType.CLUSTER, 'kafka-cluster', AclOperation.DESCRIBE_CONFIGS)).toBe(true);
    expect(user.isAllowed(AclResourceType.GROUP, 'orders', AclOperation.DELETE)).toBe(false);
  });

  test('a super user and a cluster without authorization allow everything', () => {
    const { chart, cluster: c } = cluster(newChart(), { authorization: KafkaAuthorization.simple({ superUsers: ['CN=admin'] }) });
    const admin = new KafkaUser(chart, 'admin', { cluster: c, authentication: KafkaUserAuthentication.tls() });
    expect(admin.isAllowed(AclResourceType.TOPIC, 'x', AclOperation.WRITE)).toBe(true);
    const scramAdmin = new KafkaUser(chart, 'admin2', { cluster: c, userName: 'admin' });
    expect(scramAdmin.isAllowed(AclResourceType.TOPIC, 'x', AclOperation.WRITE)).toBe(false);

    const open = new KafkaCluster(newChart(), 'open', { namespace: 'kafka', listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
    const u = new KafkaUser(open, 'u', { cluster: open });
    expect(u.isAllowed(AclResourceType.TOPIC, 'x', AclOperation.WRITE)).toBe(true);
  });
});

describe('KafkaUser.connectionDetails', () => {
  test('SCRAM over TLS names the user Secret keys and the cluster CA', () => {
    const { chart, cluster: c } = cluster();
    const user = new KafkaUser(chart, 'app', { cluster: c });
    const d = user.connectionDetails(c.findListener('scram')!);
    expect(d).toEqual({
      bootstrapServers: 'my-cluster-kafka-bootstrap.kafka.svc:9094',
      securityProtocol: SecurityProtocol.SASL_SSL,
      namespace: 'kafka',
      clusterName: 'my-cluster',
      listenerName: 'scram',
      saslMechanism: 'SCRAM-SHA-512',
      username: 'app',
      password: { secretName: 'app', key: 'password' },
      jaasConfig: { secretName: 'app', key: 'sasl.jaas.config' },
      userCertificate: undefined,
      userKey: undefined,
      brokerCa: { secretName: 'my-cluster-cluster-ca-cert', key: 'ca.crt' },
    });
    synth(chart);
  });

  test('SCRAM without TLS is SASL_PLAINTEXT with no CA', () => {
    const { chart, cluster: c } = cluster(newChart(), {
      listeners: [Listener.internal({ name: 'plain', port: 9092, tls: false })],
    });
    const d = new KafkaUser(chart, 'app', { cluster: c }).connectionDetails(c.listeners[0]);
    expect(d.securityProtocol).toBe(SecurityProtocol.SASL_PLAINTEXT);
    expect(d.brokerCa).toBeUndefined();
    synth(chart);
  });

  test('TLS user gets user.crt / user.key and the cluster CA, not the clients CA', () => {
    const { chart, cluster: c } = cluster();
    const user = new KafkaUser(chart, 'u', { cluster: c, userName: 'reader', authentication: KafkaUserAuthentication.tls() });
    const d = user.connectionDetails(c.findListener('tls')!);
    expect(d.securityProtocol).toBe(SecurityProtocol.SSL);
    expect(d.userCertificate).toEqual({ secretName: 'reader', key: 'user.crt' });
    expect(d.userKey).toEqual({ secretName: 'reader', key: 'user.key' });
    expect(d.brokerCa).toEqual({ secretName: 'my-cluster-cluster-ca-cert', key: 'ca.crt' });
    expect(d.password).toBeUndefined();
    expect(d.saslMechanism).toBeUndefined();
    synth(chart);
  });

  test('a listener with a custom certificate uses the CA named for it', () => {
    const listener = Listener.internal({
      name: 'tls',
      port: 9093,
      authentication: ListenerAuthentication.tls(),
      brokerCertificate: { secretName: 'my-cert', certificate: 'tls.crt', key: 'tls.key', caSecretName: 'corp-ca', caKey: 'root.pem' },
    });
    const { chart, cluster: c } = cluster(newChart(), { listeners: [listener] });
    const d = new KafkaUser(chart, 'u', { cluster: c, authentication: KafkaUserAuthentication.tls() }).connectionDetails(listener);
    expect(d.brokerCa).toEqual({ secretName: 'corp-ca', key: 'root.pem' });
  });

  test('with a user Secret prefix, every credential reference uses the prefixed Secret', () => {
    // GIVEN a User Operator that prefixes user Secrets
    const chart = newChart();
    const c = new KafkaCluster(chart, 'my-cluster', {
      namespace: 'kafka',
      authorization: KafkaAuthorization.simple(),
      listeners: [
        Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.tls() }),
        Listener.internal({ name: 'scram', port: 9094 }),
      ],
      entityOperator: { userOperatorOptions: { secretPrefix: 'kafka-' } },
    });
    c.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    // WHEN
    const scram = c.addUser('app').connectionDetails(c.findListener('scram')!);
    const tls = c.addUser('reader', { authentication: KafkaUserAuthentication.tls() }).connectionDetails(c.findListener('tls')!);
    // THEN the Secret names carry the prefix; the user names and the CA Secret do not
    expect(scram.username).toBe('app');
    expect(scram.password).toEqual({ secretName: 'kafka-app', key: 'password' });
    expect(scram.jaasConfig).toEqual({ secretName: 'kafka-app', key: 'sasl.jaas.config' });
    expect(tls.userCertificate).toEqual({ secretName: 'kafka-reader', key: 'user.crt' });
    expect(tls.userKey).toEqual({ secretName: 'kafka-reader', key: 'user.key' });
    expect(tls.brokerCa).toEqual({ secretName: 'my-cluster-cluster-ca-cert', key: 'ca.crt' });
    expect(docOf(synth(chart), 'KafkaUser', 'app').metadata.name).toBe('app');
  });

  test('tls-external users report the certificate Secret they were given', () => {
    const { chart, cluster: c } = cluster();
    const user = new KafkaUser(chart, 'u', {
      cluster: c,
      authentication: KafkaUserAuthentication.tlsExternal({
        certificate: { secretName: 'ext', key: 'tls.crt' },
        key: { secretName: 'ext', key: 'tls.key' },
      }),
    });
    const d = user.connectionDetails(c.findListener('tls')!);
    expect(d.userCertificate).toEqual({ secretName: 'ext', key: 'tls.crt' });
    expect(d.userKey).toEqual({ secretName: 'ext', key: 'tls.key' });
    expect(docOf(synth(chart), 'KafkaUser').spec.authentication).toEqual({ type: 'tls-external' });
  });
});

describe('KafkaUser validation', () => {
  test('connection details through a listener whose authentication differs', () => {
    const { chart, cluster: c } = cluster();
    const user = new KafkaUser(chart, 'app', { cluster: c });
    user.connectionDetails(c.findListener('tls')!);
    expect(validationErrors(chart)).toEqual([
      '[test/app] KAF-USR-021 user "app": connection details requested through listener "tls", whose authentication "tls" does not accept this user\'s authentication "scram-sha-512"; use a listener with "scram-sha-512" authentication, or change the user\'s authentication',
    ]);
  });

  test('connection details through a listener of another cluster', () => {
    const { chart, cluster: c } = cluster();
    const user = new KafkaUser(chart, 'app', { cluster: c });
    user.connectionDetails(Listener.internal({ name: 'scram', port: 9094 }));
    expect(validationErrors(chart)).toEqual([
      '[test/app] KAF-USR-020 user "app": connection details requested through listener "scram", which is not a listener of cluster "my-cluster"; pass one of the cluster\'s listeners (cluster.findListener(name))',
    ]);
  });

  test('connection details are pure: a listener added to the cluster afterwards counts, and asking twice reports once', () => {
    const { chart, cluster: c } = cluster();
    const user = new KafkaUser(chart, 'app', { cluster: c });
    const later = Listener.internal({ name: 'scram2', port: 9096, authentication: ListenerAuthentication.scramSha512() });
    const first = user.connectionDetails(later);
    expect(user.connectionDetails(later)).toEqual(first);
    expect(user.node.metadata).toEqual([]);
    c.addListener(later);
    expect(() => synth(chart)).not.toThrow();
    expect(first.bootstrapServers).toBe('my-cluster-kafka-bootstrap.kafka.svc:9096');
  });

  test('connection details through a custom-authentication listener', () => {
    const custom = Listener.internal({ name: 'oauth', port: 9095, authentication: ListenerAuthentication.custom({ sasl: true }) });
    const { chart, cluster: c } = cluster(newChart(), { listeners: [custom] });
    new KafkaUser(chart, 'app', { cluster: c }).connectionDetails(custom);
    expect(validationErrors(chart)).toEqual([
      '[test/app] KAF-USR-022 user "app": connection details requested through listener "oauth" with custom authentication, whose credentials this library cannot derive; use a listener with "scram-sha-512" authentication, or configure the client by hand',
    ]);
  });

  test('ACLs on a cluster without authorization', () => {
    const chart = newChart();
    const c = new KafkaCluster(chart, 'c', { namespace: 'kafka', listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
    c.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    new KafkaUser(chart, 'app', { cluster: c, acls: [{ resource: AclResource.topic('t'), operations: [AclOperation.READ] }] });
    expect(validationErrors(chart)).toEqual([
      '[test/app] KAF-USR-014 user "app": has 1 ACL rule(s), but cluster "c" has no authorization, so the User Operator cannot apply them and the KafkaUser never becomes ready; enable authorization on the cluster (authorization: KafkaAuthorization.simple()) or remove the ACLs and grants',
    ]);
  });

  test('ACLs with a custom authorizer without supportsAdminApi', () => {
    const { chart, cluster: c } = cluster(newChart(), { authorization: KafkaAuthorization.custom({ authorizerClass: 'com.example.Authz' }) });
    new KafkaUser(chart, 'app', { cluster: c, acls: [{ resource: AclResource.topic('t'), operations: [AclOperation.READ] }] });
    expect(validationErrors(chart)).toEqual([
      '[test/app] KAF-USR-015 user "app": has ACL rules, but cluster "my-cluster" uses a custom authorizer without supportsAdminApi, so the User Operator cannot apply them; set supportsAdminApi: true if the authorizer supports the Kafka Admin API for ACLs, or remove the ACLs and grants',
    ]);
  });

  test('an authentication no listener accepts', () => {
    const { chart, cluster: c } = cluster(newChart(), { listeners: [Listener.internal({ name: 'scram', port: 9094 })] });
    new KafkaUser(chart, 'app', { cluster: c, authentication: KafkaUserAuthentication.tls() });
    expect(validationErrors(chart)).toEqual([
      '[test/app] KAF-USR-019 user "app": authentication "tls" is accepted by no listener of cluster "my-cluster" (listeners: scram=scram-sha-512); add a listener with "tls" authentication, or change the user\'s authentication',
    ]);
  });

  test('a TLS user name longer than 64 characters', () => {
    const { chart, cluster: c } = cluster();
    const name = 'a'.repeat(65);
    new KafkaUser(chart, 'app', { cluster: c, userName: name, authentication: KafkaUserAuthentication.tls() });
    expect(validationErrors(chart)).toEqual([
      `[test/app] KAF-USR-008 user "${name}": the name has 65 characters, but a tls user name becomes the certificate CN, which allows at most 64; choose a name of at most 64 characters`,
    ]);
  });

  test('an invalid Kubernetes name', () => {
    const { chart, cluster: c } = cluster();
    new KafkaUser(chart, 'app', { cluster: c, userName: 'My_App' });
    expect(validationErrors(chart)).toEqual([
      '[test/app] KAF-USR-001 user "My_App": the name is not a valid Kubernetes name (DNS-1123 subdomain: lower-case letters, digits, "-" and ".", at most 253 characters), and it becomes the KafkaUser\'s metadata.name; choose a name such as "my-app-' + shortHash('My_App') + '"',
    ]);
  });

  test('two users with the same name in one cluster', () => {
    const { chart, cluster: c } = cluster();
    c.addUser('app');
    new KafkaUser(chart, 'other', { cluster: c, userName: 'app', authentication: KafkaUserAuthentication.tls() });
    expect(validationErrors(chart)).toEqual([
      '[test/other] KAF-USR-002 user "app": cluster "my-cluster" already has a user named "app" (test/my-cluster/app); both render KafkaUser "app" in namespace "kafka", so one would overwrite the other; define each user once and share the construct',
    ]);
  });

  test('a user on a cluster without the User Operator', () => {
    const chart = newChart();
    const c = new KafkaCluster(chart, 'c', {
      namespace: 'kafka',
      listeners: [Listener.internal({ name: 'scram', port: 9094 })],
      entityOperator: { userOperator: false },
    });
    c.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    c.addUser('app');
    expect(validationErrors(chart)).toEqual([
      '[test/c/app] KAF-USR-003 user "app": cluster "c" runs no User Operator, so no credentials, ACLs or quotas are created and the KafkaUser never becomes ready; enable the User Operator (entityOperator.userOperator: true), or manage the user another way and remove the construct',
    ]);
  });

  test('a password Secret reference that cannot exist', () => {
    const { chart, cluster: c } = cluster();
    c.addUser('app', { authentication: KafkaUserAuthentication.scramSha512({ password: { secretName: 'My Secret', key: '' } }) });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/app] KAF-USR-005 user "app": the password Secret name "My Secret" is not a valid Kubernetes name; name an existing Secret in the cluster\'s namespace',
      '[test/my-cluster/app] KAF-USR-006 user "app": the password Secret key "" is not a valid Secret key (letters, digits, "-", "_" and "."); name the key that holds the password',
    ]);
  });

  test('a tls-external certificate without its key', () => {
    const { chart, cluster: c } = cluster();
    c.addUser('app', { authentication: KafkaUserAuthentication.tlsExternal({ certificate: { secretName: 'ext', key: 'tls.crt' } }) });
    expect(validationErrors(chart)).toEqual([
      '[test/my-cluster/app] KAF-USR-007 user "app": the tls-external certificate is given (secret "ext") without its key, so clients cannot be wired with it; name both the certificate and the key, or neither',
    ]);
  });

  test('a user moved out of the cluster namespace', () => {
    const { chart, cluster: c } = cluster();
    const user = new KafkaUser(chart, 'app', { cluster: c });
    ApiObject.of(user).addJsonPatch(JsonPatch.replace('/metadata/namespace', 'apps'));
    expect(validationErrors(chart)).toEqual([
      '[test/app] KAF-USR-004 user "app": the KafkaUser is in namespace "apps", but the User Operator of cluster "my-cluster" watches only namespace "kafka"; keep the user in the cluster\'s namespace (do not patch metadata.namespace)',
    ]);
  });

  test('certificate validity rules', () => {
    const { chart, cluster: c } = cluster();
    new KafkaUser(chart, 'a', { cluster: c, authentication: KafkaUserAuthentication.tls({ validity: Duration.days(30) }) });
    new KafkaUser(chart, 'b', { cluster: c, authentication: KafkaUserAuthentication.tls({ validity: Duration.days(10), renewBefore: Duration.days(10) }) });
    new KafkaUser(chart, 'c', { cluster: c, authentication: KafkaUserAuthentication.tls({ validity: Duration.hours(36), renewBefore: Duration.days(1) }) });
    expect(validationErrors(chart)).toEqual([
      '[test/a] KAF-USR-009 user "a": certificate validity and renewBefore must be set together; set both validity and renewBefore, or neither',
      '[test/b] KAF-USR-011 user "b": certificate renewBefore (10 days) must be less than validity (10 days); renew before the certificate expires, e.g. validity 365 days and renewBefore 30 days',
      '[test/c] KAF-USR-010 user "c": certificate validity 1 day 12 hours is not a whole number of days of at least 1; use Duration.days(n) with n >= 1',
    ]);
  });

  test('quota rules', () => {
    const { chart, cluster: c } = cluster();
    new KafkaUser(chart, 'a', { cluster: c, quotas: { requestPercentage: 12.5, controllerMutationRate: -1, producerByteRate: Size.kibibytes(0.0001) } });
    expect(validationErrors(chart)).toEqual([
      '[test/a] KAF-USR-012 user "a": quota producerByteRate 0.102 bytes/s is not a whole number of bytes >= 0; use a whole, non-negative number of bytes per second',
      '[test/a] KAF-USR-012 user "a": quota requestPercentage 12.5 is not an integer >= 0; use a whole, non-negative percentage',
      '[test/a] KAF-USR-013 user "a": quota controllerMutationRate -1 is negative; use a non-negative rate',
    ]);
  });
});

describe('KafkaUser markers and base', () => {
  test('isKafkaUser tells own users from imported ones; the KafkaUser sits on StrimziResource with the cluster label', () => {
    const { chart, cluster: c } = cluster();
    const own = c.addUser('own');
    const imported = KafkaUser.fromUserName(chart, 'imported', { cluster: c, userName: 'other' });
    expect(KafkaUser.isKafkaUser(own)).toBe(true);
    expect(KafkaUser.isKafkaUser(imported)).toBe(false);
    expect(KafkaUser.isKafkaUser(undefined)).toBe(false);
    expect(own).toBeInstanceOf(StrimziResource);
    expect(ApiObject.of(own)).toBe(own.resource);
    const doc = docOf(synth(chart), 'KafkaUser', 'own');
    expect(doc.apiVersion).toBe(c.target.apiVersion);
    expect(doc.metadata.labels).toEqual({ 'strimzi.io/cluster': 'my-cluster' });
  });
});
