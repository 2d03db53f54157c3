import { ApiObject, App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  AclOperation, AclResourceType, KafkaAccess, KafkaAuthorization, KafkaClient, KafkaCluster, KafkaUser, KafkaUserAuthentication,
  KafkaBridge, KafkaUserAuthenticationType, KedaConsumerScaler,
  Listener, ListenerAuthentication, NodeRole, SecurityProtocol, StrimziTarget,
} from '../../src';
import { docOf, docsOf, synth, validationErrors, warningsOf } from '../util';

const PLAIN = () => Listener.internal({ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() });
const SCRAM = () => Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.scramSha512() });
const MTLS = () => Listener.internal({ name: 'mtls', port: 9094, authentication: ListenerAuthentication.tls() });

/** `my-cluster` in `kafka` with plain, SCRAM-over-TLS and mTLS listeners; an app chart in `orders`. */
function fixture(authorization = false) {
  const app = Testing.app();
  const kafka = new Chart(app, 'kafka', { namespace: 'kafka' });
  const cluster = new KafkaCluster(kafka, 'my-cluster', { listeners: [PLAIN(), SCRAM(), MTLS()], authorization: authorization ? KafkaAuthorization.simple() : undefined });
  cluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
  const apps = new Chart(app, 'apps', { namespace: 'orders' });
  return { app, kafka, apps, cluster, listener: (n: string) => cluster.findListener(n)! };
}

describe('KafkaAccess rendering', () => {
  test('a SCRAM user through the TLS listener, Secret template metadata', () => {
    const f = fixture();
    const user = f.cluster.addUser('orders-app');
    new KafkaAccess(f.apps, 'orders-kafka', {
      cluster: f.cluster,
      listener: f.listener('tls'),
      user,
      secretLabels: { team: 'orders' },
      secretAnnotations: { 'example.com/owner': 'orders' },
    });
    const ka = docOf(synth(f.apps), 'KafkaAccess');
    expect(ka.apiVersion).toBe('access.strimzi.io/v1alpha1');
    expect(ka.metadata).toEqual({ name: 'orders-kafka', namespace: 'orders' });
    expect(ka.spec).toEqual({
      kafka: { name: 'my-cluster', namespace: 'kafka', listener: 'tls' },
      user: { kind: 'KafkaUser', apiGroup: 'kafka.strimzi.io', name: 'orders-app', namespace: 'kafka' },
      secretName: 'orders-kafka',
      template: { secret: { metadata: { labels: { team: 'orders' }, annotations: { 'example.com/owner': 'orders' } } } },
    });
    // KAF-ACC-007/008/009 edge: a SCRAM user on a cluster-CA listener raises no warning
    expect(warningsOf(f.apps)).toEqual([]);
  });

  test('no user, own Secret name', () => {
    const f = fixture();
    const a = new KafkaAccess(f.apps, 'plain', { cluster: f.cluster, listener: f.listener('plain'), secretName: 'plain-kafka' });
    expect(docOf(synth(f.apps), 'KafkaAccess').spec).toEqual({ kafka: { name: 'my-cluster', namespace: 'kafka', listener: 'plain' }, secretName: 'plain-kafka' });
    expect(a.boundUser).toBeUndefined();
    expect(KafkaAccess.isKafkaAccess(a)).toBe(true);
  });
});

describe('connection details read from the binding Secret, key by key', () => {
  test('SCRAM-SHA-512 over TLS', () => {
    const f = fixture();
    const a = new KafkaAccess(f.apps, 'orders-kafka', { cluster: f.cluster, listener: f.listener('tls'), user: f.cluster.addUser('orders-app') });
    expect(a.connectionDetails).toEqual({
      bootstrapServers: 'my-cluster-kafka-bootstrap.kafka.svc:9093',
      securityProtocol: SecurityProtocol.SASL_SSL,
      namespace: 'kafka',
      credentialsNamespace: 'orders',
      brokerCaNamespace: 'orders',
      clusterName: 'my-cluster',
      listenerName: 'tls',
      brokerCa: { secretName: 'orders-kafka', key: 'ssl.truststore.crt' },
      saslMechanism: 'SCRAM-SHA-512',
      username: 'orders-app',
      password: { secretName: 'orders-kafka', key: 'password' },
      jaasConfig: { secretName: 'orders-kafka', key: 'sasl.jaas.config' },
      userCertificate: undefined,
      userKey: undefined,
    });
    expect(a.secretKey('bootstrap.servers')).toEqual({ secretName: 'orders-kafka', key: 'bootstrap.servers' });
  });

  test('mTLS user', () => {
    const f = fixture();
    const user = f.cluster.addUser('orders-app', { authentication: KafkaUserAuthentication.tls() });
    const d = new KafkaAccess(f.apps, 'mtls-access', { cluster: f.cluster, listener: f.listener('mtls'), user }).connectionDetails;
    expect(d.securityProtocol).toBe(SecurityProtocol.SSL);
    expect(d.brokerCa).toEqual({ secretName: 'mtls-access', key: 'ssl.truststore.crt' });
    expect(d.userCertificate).toEqual({ secretName: 'mtls-access', key: 'ssl.keystore.crt' });
    expect(d.userKey).toEqual({ secretName: 'mtls-access', key: 'ssl.keystore.key' });
    expect([d.saslMechanism, d.username, d.password, d.jaasConfig]).toEqual([undefined, undefined, undefined, undefined]);
  });

  test('plain listener without a user: PLAINTEXT, no truststore', () => {
    const f = fixture();
    const d = new KafkaAccess(f.apps, 'plain', { cluster: f.cluster, listener: f.listener('plain') }).connectionDetails;
    expect(d.bootstrapServers).toBe('my-cluster-kafka-bootstrap.kafka.svc:9092');
    expect(d.securityProtocol).toBe(SecurityProtocol.PLAINTEXT);
    expect(d.brokerCa).toBeUndefined();
  });

  test('KafkaClient.configureContainer wires an app in the KafkaAccess namespace from the binding Secret only', () => {
    const f = fixture();
    const a = new KafkaAccess(f.apps, 'orders-kafka', { cluster: f.cluster, listener: f.listener('tls'), user: f.cluster.addUser('orders-app') });
    const deployment = new kplus.Deployment(f.apps, 'app', { containers: [{ image: 'example/app:1.0' }] });
    KafkaClient.configureContainer(deployment, deployment.containers[0], a.connectionDetails);
    const pod = docOf(synth(f.apps), 'Deployment').spec.template.spec;
    expect(pod.containers[0].env).toEqual([
      { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'my-cluster-kafka-bootstrap.kafka.svc:9093' },
      { name: 'KAFKA_SECURITY_PROTOCOL', value: 'SASL_SSL' },
      { name: 'KAFKA_SASL_MECHANISM', value: 'SCRAM-SHA-512' },
      { name: 'KAFKA_SASL_USERNAME', value: 'orders-app' },
      { name: 'KAFKA_SASL_PASSWORD', valueFrom: { secretKeyRef: { key: 'password', name: 'orders-kafka' } } },
      { name: 'KAFKA_SASL_JAAS_CONFIG', valueFrom: { secretKeyRef: { key: 'sasl.jaas.config', name: 'orders-kafka' } } },
      { name: 'KAFKA_SSL_CA_LOCATION', value: '/etc/kafka/certs/ca/ca.crt' },
    ]);
    expect(pod.volumes).toEqual([
      { name: 'kafka-ca-orders-kafka', secret: { secretName: 'orders-kafka', items: [{ key: 'ssl.truststore.crt', path: 'ca.crt' }] } },
    ]);
  });

  test('KafkaClient in another namespace than the KafkaAccess is still an error', () => {
    const f = fixture();
    const a = new KafkaAccess(f.apps, 'orders-kafka', { cluster: f.cluster, listener: f.listener('tls'), user: f.cluster.addUser('orders-app') });
    const other = new Chart(f.app, 'other', { namespace: 'billing' });
    const deployment = new kplus.Deployment(other, 'app', { containers: [{ image: 'example/app:1.0' }] });
    KafkaClient.configureContainer(deployment, deployment.containers[0], a.connectionDetails);
    expect(validationErrors(other)[0]).toContain('the workload is in namespace "billing", but the Secrets it reads (user credentials, broker CA) are in namespace "orders"');
  });

  test('the KEDA scaler takes boundUser: its TriggerAuthentication reads the binding Secret, no copies needed', () => {
    const f = fixture();
    const user = f.cluster.addUser('orders-app');
    const a = new KafkaAccess(f.apps, 'orders-kafka', { cluster: f.cluster, listener: f.listener('tls'), user });
    const consumer = new kplus.Deployment(f.apps, 'consumer', { metadata: { name: 'consumer' }, containers: [{ image: 'example/consumer:1.0' }] });
    new KedaConsumerScaler(f.apps, 'scaler', { target: consumer, cluster: f.cluster, consumerGroup: 'orders-app', topicName: 'orders', listener: a.listener, user: a.boundUser });
    const docs = synth(f.apps);
    const auth = docOf(docs, 'TriggerAuthentication');
    expect(auth.metadata.namespace).toBe('orders');
    expect(auth.spec.secretTargetRef).toEqual([
      { parameter: 'ca', name: 'orders-kafka', key: 'ssl.truststore.crt' },
      { parameter: 'password', name: 'orders-kafka', key: 'password' },
    ]);
    // grants through the bound user land on the KafkaUser
    expect(a.boundUser!.userName).toBe('orders-app');
    expect(a.boundUser!.authenticationType).toBe(KafkaUserAuthenticationType.SCRAM_SHA_512);
  });
});

describe('boundUser', () => {
  test('grants through it land in the KafkaUser; another listener is refused', () => {
    const f = fixture(true);
    const user = f.cluster.addUser('orders-app');
    const a = new KafkaAccess(f.apps, 'orders-kafka', { cluster: f.cluster, listener: f.listener('tls'), user });
    f.cluster.addTopic('orders').grantRead(a.boundUser!, { consumerGroup: 'orders-app' });
    const acls = docOf(synth(f.kafka), 'KafkaUser').spec.authorization.acls;
    expect(acls.map((r: any) => [r.resource.type, r.resource.name])).toEqual([['topic', 'orders'], ['group', 'orders-app']]);
    expect(a.boundUser!.isAllowed(AclResourceType.TOPIC, 'orders', AclOperation.READ)).toBe(true);
    expect(() => a.boundUser!.connectionDetails(f.listener('mtls'))).toThrow('KafkaAccess "orders-kafka" binds listener "tls", not "mtls"');
    expect(a.boundUser!.connectionDetails(f.listener('tls'))).toEqual(a.connectionDetails);
  });
});

test('the HTTP bridge sidecar takes boundUser: it mounts the binding Secret, in the app namespace', () => {
  const f = fixture();
  const user = f.cluster.addUser('orders-app');
  const a = new KafkaAccess(f.apps, 'orders-kafka', { cluster: f.cluster, listener: f.listener('tls'), user });
  const app = ApiObject.of(new kplus.Deployment(f.apps, 'app', { metadata: { name: 'app' }, containers: [{ name: 'app', image: 'example/app:1', portNumber: 3000 }] }));
  KafkaBridge.addSidecar(app, { cluster: f.cluster, listener: a.listener, user: a.boundUser });
  const docs = synth(f.apps);
  const volumes = docOf(docs, 'Deployment').spec.template.spec.volumes.filter((v: any) => v.secret);
  expect(volumes.map((v: any) => v.secret.secretName)).toEqual(['orders-kafka', 'orders-kafka']);
  expect(volumes.flatMap((v: any) => v.secret.items.map((i: any) => i.key)).sort()).toEqual(['password', 'ssl.truststore.crt']);
  expect(docsOf(docs, 'Secret')).toEqual([]);
});

describe('KafkaAccess rules', () => {
  test('KAF-ACC-001: a user the listener does not accept', () => {
    const f = fixture();
    const scram = f.cluster.addUser('scram-app');
    const tls = f.cluster.addUser('tls-app', { authentication: KafkaUserAuthentication.tls() });
    new KafkaAccess(f.apps, 'a', { cluster: f.cluster, listener: f.listener('plain'), user: scram, secretName: 'a-kafka' });
    new KafkaAccess(f.apps, 'b', { cluster: f.cluster, listener: f.listener('tls'), user: tls });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/a] KAF-ACC-001 KafkaAccess "a": user "scram-app" authenticates with scram-sha-512, which listener "plain" (no authentication) does not accept, so the Access Operator reports that they "do not have compatible authentication configurations"; drop user (a listener without authentication takes no user), or pick a listener with the user\'s authentication',
      '[apps/b] KAF-ACC-001 KafkaAccess "b": user "tls-app" authenticates with tls, which listener "tls" (scram-sha-512 authentication) does not accept, so the Access Operator reports that they "do not have compatible authentication configurations"; pick a listener with tls authentication, or a user of the listener\'s kind',
    ]);
  });

  test('KAF-ACC-007: a tls-external user (no user Secret, so no binding Secret)', () => {
    const f = fixture();
    const user = f.cluster.addUser('ext-app', { authentication: KafkaUserAuthentication.tlsExternal() });
    new KafkaAccess(f.apps, 'ext', { cluster: f.cluster, listener: f.listener('mtls'), user });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/ext] KAF-ACC-007 KafkaAccess "ext": user "ext-app" authenticates with tls-external, for which the User Operator writes no Secret (and no status.secret), so the Access Operator fails with "Secret in KafkaUser status ... missing" and never writes the binding Secret; use a tls or scram-sha-512 user, or wire the client with the user\'s own certificate (user.connectionDetails(listener))',
    ]);
  });

  test('KAF-ACC-001 and KAF-ACC-007 edge: a tls user on the mTLS listener', () => {
    const f = fixture();
    const user = f.cluster.addUser('tls-app', { authentication: KafkaUserAuthentication.tls() });
    new KafkaAccess(f.apps, 'tls-access', { cluster: f.cluster, listener: f.listener('mtls'), user });
    expect(docOf(synth(f.apps), 'KafkaAccess').spec.user.name).toBe('tls-app');
  });

  test('KAF-ACC-002: a Strimzi target older than 0.49', () => {
    const f = fixture();
    const legacy = new (StrimziTarget as any)({
      operatorVersion: '0.45.0', apiVersion: 'kafka.strimzi.io/v1beta2', kafkaVersions: ['3.9.0'], defaultKafkaVersion: '3.9.0', bridgeVersion: '0.31.1', kraftOnly: false,
    }) as StrimziTarget;
    const old = KafkaCluster.fromClusterAttributes(f.apps, 'old', { clusterName: 'old', namespace: 'kafka', target: legacy, listeners: [PLAIN()] });
    new KafkaAccess(f.apps, 'a', { cluster: old, listener: old.listeners[0] });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/a] KAF-ACC-002 KafkaAccess "a": cluster "old" is written for Strimzi 0.45.0, but Access Operator 0.3.0 (access.strimzi.io/v1alpha1 as rendered here) works with Strimzi 0.49.0 and later only; run Strimzi 0.49.0 or later, or wire the client from the Strimzi Secrets (user.connectionDetails(listener))',
    ]);
  });

  test('KAF-ACC-002 edge: Strimzi 1.2.0 and an imported cluster', () => {
    const f = fixture();
    const other = KafkaCluster.fromClusterAttributes(f.apps, 'other', { clusterName: 'other', namespace: 'kafka', listeners: [PLAIN()] });
    new KafkaAccess(f.apps, 'a', { cluster: other, listener: other.listeners[0] });
    expect(docOf(synth(f.apps), 'KafkaAccess').spec.kafka).toEqual({ name: 'other', namespace: 'kafka', listener: 'plain' });
  });

  test('KAF-ACC-003: a user of another cluster', () => {
    const f = fixture();
    const other = KafkaCluster.fromClusterAttributes(f.apps, 'other', { clusterName: 'other', namespace: 'kafka', listeners: [SCRAM()] });
    const user = KafkaUser.fromUserName(f.apps, 'u', { cluster: other, userName: 'orders-app' });
    new KafkaAccess(f.apps, 'a', { cluster: f.cluster, listener: f.listener('tls'), user });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/a] KAF-ACC-003 KafkaAccess "a": user "orders-app" belongs to cluster "other" in namespace "kafka", not to cluster "my-cluster" in "kafka", so its credentials do not work there; use a user of cluster "my-cluster" (cluster.addUser())',
    ]);
  });

  test('KAF-ACC-003 edge: an imported user of the same cluster', () => {
    const f = fixture();
    const user = KafkaUser.fromUserName(f.apps, 'u', { cluster: f.cluster, userName: 'orders-app' });
    new KafkaAccess(f.apps, 'a', { cluster: f.cluster, listener: f.listener('tls'), user });
    expect(docOf(synth(f.apps), 'KafkaAccess').spec.user.name).toBe('orders-app');
  });

  test('KAF-ACC-004: a listener the cluster does not have', () => {
    const f = fixture();
    new KafkaAccess(f.apps, 'a', { cluster: f.cluster, listener: Listener.internal({ name: 'nope', port: 9099 }), user: f.cluster.addUser('orders-app') });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/a] KAF-ACC-004 KafkaAccess "a": listener "nope" is not a listener of cluster "my-cluster" ("plain", "tls", "mtls"), so the Access Operator fails with "The specified listener nope is missing from the Kafka resource"; pass one of the cluster\'s listeners',
    ]);
  });

  test('KAF-ACC-005: invalid names', () => {
    const f = fixture();
    new KafkaAccess(f.apps, 'a', { cluster: f.cluster, listener: f.listener('plain'), secretName: 'Bad_Secret' });
    expect(validationErrors(f.apps)).toEqual([
      '[apps/a] KAF-ACC-005 KafkaAccess "a": secretName "Bad_Secret" is not a valid Kubernetes name (DNS-1123 subdomain: lower-case letters, digits, \'-\' and \'.\', at most 253 characters); choose a name like "orders-app-kafka"',
    ]);
  });

  test('KAF-ACC-006: the binding Secret would be the user Secret', () => {
    const app = new App();
    const chart = new Chart(app, 'kafka', { namespace: 'kafka' });
    const cluster = new KafkaCluster(chart, 'my-cluster', { listeners: [SCRAM()] });
    cluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    const user = cluster.addUser('orders-app');
    new KafkaAccess(chart, 'orders-app', { cluster, listener: cluster.listeners[0], user });
    new KafkaAccess(chart, 'edge', { name: 'orders-app-kafka', cluster, listener: cluster.listeners[0], user });
    expect(validationErrors(chart)).toEqual([
      '[kafka/orders-app] KAF-ACC-006 KafkaAccess "orders-app": the binding Secret "orders-app" has the name of the Secret the User Operator writes for user "orders-app" in namespace "kafka", so both operators would overwrite the same Secret; set secretName (e.g. "<user>-access") or give the KafkaAccess another name',
    ]);
  });

  test('KAF-ACC-008, KAF-ACC-009 (warnings): a custom broker certificate, a custom-authentication listener', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'kafka', { namespace: 'kafka' });
    const custom = Listener.internal({ name: 'custom', port: 9095, authentication: ListenerAuthentication.custom({ sasl: true }), brokerCertificate: { secretName: 'my-cert', certificate: 'tls.crt', key: 'tls.key' } });
    const cluster = new KafkaCluster(chart, 'my-cluster', { listeners: [custom] });
    cluster.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    const a = new KafkaAccess(chart, 'a', { cluster, listener: custom });
    synth(chart);
    expect(a.connectionDetails.securityProtocol).toBe(SecurityProtocol.PLAINTEXT);
    expect(warningsOf(a)).toEqual([
      '[kafka/a] KAF-ACC-008 KafkaAccess "a": listener "custom" uses its own broker certificate, but the Access Operator puts the cluster CA (my-cluster-cluster-ca-cert) into ssl.truststore.crt; give the client the CA of that certificate instead',
      '[kafka/a] KAF-ACC-009 KafkaAccess "a": listener "custom" uses custom authentication, for which the Access Operator writes security.protocol PLAINTEXT and no credentials; configure the client\'s authentication yourself',
    ]);
  });
});
