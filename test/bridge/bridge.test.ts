import { Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { clusterFixture } from './fixtures';
import {
  AclResource, BridgeHttpMethod, BridgeLogging, BridgeTracing, KafkaBridge, KafkaCluster, KafkaUser,
  KafkaUserAuthenticationType, Listener, ListenerAuthentication, MetricsConfig, NodeRole, Rack,
} from '../../src';
import { docOf, newChart, synth, validationErrors, warningsOf } from '../util';

const P = '[test/bridge]';

describe('KafkaBridge', () => {
  test('a TLS user on a TLS listener: bootstrap, trusted cluster CA, certificate and key, http always rendered', () => {
    const { chart, cluster, tls, tlsUser } = clusterFixture();
    const bridge = new KafkaBridge(chart, 'bridge', { cluster, listener: tls, user: tlsUser });
    bridge.grantProduce(AclResource.topic('orders'));
    const docs = synth(chart);
    const cr = docOf(docs, 'KafkaBridge', 'bridge');
    expect(cr.apiVersion).toBe('kafka.strimzi.io/v1');
    expect(cr.metadata).toEqual({ name: 'bridge', namespace: 'kafka' });
    expect(cr.spec).toEqual({
      replicas: 1,
      bootstrapServers: 'my-cluster-kafka-bootstrap.kafka.svc:9093',
      tls: { trustedCertificates: [{ secretName: 'my-cluster-cluster-ca-cert', certificate: 'ca.crt' }] },
      authentication: { type: 'tls', certificateAndKey: { secretName: 'tls-user', certificate: 'user.crt', key: 'user.key' } },
      http: { port: 8080 },
    });
    expect(bridge.url).toBe('http://bridge-bridge-service.kafka.svc:8080');
    expect(KafkaBridge.isKafkaBridge(bridge)).toBe(true);
    expect(KafkaBridge.isKafkaBridge(cluster)).toBe(false);
  });

  test('a SCRAM user: username and password Secret; every option rendered', () => {
    const { chart, cluster, scram, scramUser } = clusterFixture();
    new KafkaBridge(chart, 'bridge', {
      cluster,
      listener: scram,
      user: scramUser,
      name: 'http',
      replicas: 0,
      http: {
        port: 8443,
        cors: { allowedOrigins: ['https://app\\.example\\.com'], allowedMethods: [BridgeHttpMethod.GET, BridgeHttpMethod.POST] },
        tls: { certificate: { secretName: 'bridge-cert', key: 'tls.crt' }, key: { secretName: 'bridge-cert', key: 'tls.key' }, enabledProtocols: ['TLSv1.3'] },
      },
      consumer: { enabled: true, idleTimeout: Duration.minutes(5), config: { 'auto.offset.reset': 'earliest', 'ssl.endpoint.identification.algorithm': '' } },
      producer: { enabled: false, config: { acks: 'all' } },
      adminClient: { config: { 'request.timeout.ms': 30000 } },
      config: { 'bridge.executor.pool.size': 8 },
      logging: BridgeLogging.inline({ 'rootLogger.level': 'WARN' }),
      resources: { cpu: { request: kplus.Cpu.millis(200) }, memory: { request: Size.mebibytes(512), limit: Size.mebibytes(512) } },
      jvm: { heapMax: Size.mebibytes(256) },
      rack: Rack.topologyLabel(),
      tracing: BridgeTracing.OPENTELEMETRY,
      podTemplate: { labels: { team: 'orders' } },
      containerTemplate: { env: { OTEL_SERVICE_NAME: 'bridge' } },
      readinessProbe: { initialDelay: Duration.seconds(5) },
      livenessProbe: { failureThreshold: 5 },
    });
    const cr = docOf(synth(chart), 'KafkaBridge', 'http');
    expect(cr.spec).toEqual({
      replicas: 0,
      bootstrapServers: 'my-cluster-kafka-bootstrap.kafka.svc:9094',
      tls: { trustedCertificates: [{ secretName: 'my-cluster-cluster-ca-cert', certificate: 'ca.crt' }] },
      authentication: { type: 'scram-sha-512', username: 'scram-user', passwordSecret: { secretName: 'scram-user', password: 'password' } },
      http: {
        port: 8443,
        cors: { allowedOrigins: ['https://app\\.example\\.com'], allowedMethods: ['GET', 'POST'] },
        tls: { certificateAndKey: { secretName: 'bridge-cert', certificate: 'tls.crt', key: 'tls.key' }, config: { 'ssl.enabled.protocols': 'TLSv1.3' } },
      },
      consumer: { timeoutSeconds: 300, config: { 'auto.offset.reset': 'earliest', 'ssl.endpoint.identification.algorithm': '' } },
      producer: { enabled: false, config: { acks: 'all' } },
      adminClient: { config: { 'request.timeout.ms': 30000 } },
      config: { 'bridge.executor.pool.size': 8 },
      logging: { type: 'inline', loggers: { 'rootLogger.level': 'WARN' } },
      resources: { requests: { cpu: '200m', memory: '512Mi' }, limits: { memory: '512Mi' } },
      jvmOptions: { '-Xmx': '256m' },
      rack: { type: 'topology-label', topologyKey: 'topology.kubernetes.io/zone' },
      tracing: { type: 'opentelemetry' },
      template: { pod: { metadata: { labels: { team: 'orders' } } }, bridgeContainer: { env: [{ name: 'OTEL_SERVICE_NAME', value: 'bridge' }] } },
      readinessProbe: { initialDelaySeconds: 5 },
      livenessProbe: { failureThreshold: 5 },
    });
  });

  test('a plain listener without authentication needs no user and renders no tls', () => {
    const { chart, cluster, plain } = clusterFixture();
    new KafkaBridge(chart, 'bridge', { cluster, listener: plain, logging: BridgeLogging.fromConfigMap('bridge-logging', 'log4j2.properties') });
    const cr = docOf(synth(chart), 'KafkaBridge', 'bridge');
    expect(cr.spec).toEqual({
      replicas: 1,
      bootstrapServers: 'my-cluster-kafka-bootstrap.kafka.svc:9092',
      http: { port: 8080 },
      logging: { type: 'external', valueFrom: { configMapKeyRef: { name: 'bridge-logging', key: 'log4j2.properties' } } },
    });
  });

  test('an imported cluster and user work', () => {
    const chart = newChart('apps');
    const tls = Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.tls() });
    const cluster = KafkaCluster.fromClusterAttributes(chart, 'c', { clusterName: 'shared', namespace: 'apps', listeners: [tls] });
    const user = KafkaUser.fromUserName(chart, 'u', { cluster, userName: 'orders', authenticationType: KafkaUserAuthenticationType.TLS });
    new KafkaBridge(chart, 'bridge', { cluster, listener: tls, user });
    const cr = docOf(synth(chart), 'KafkaBridge', 'bridge');
    expect(cr.spec.bootstrapServers).toBe('shared-kafka-bootstrap.apps.svc:9093');
    expect(cr.spec.authentication.certificateAndKey.secretName).toBe('orders');
  });

  test('JMX exporter metrics: a ConfigMap with the library\'s bridge rules', () => {
    const { chart, cluster, tls, tlsUser } = clusterFixture();
    new KafkaBridge(chart, 'bridge', { cluster, listener: tls, user: tlsUser, metrics: MetricsConfig.jmxPrometheusExporter() });
    const docs = synth(chart);
    const cr = docOf(docs, 'KafkaBridge', 'bridge');
    expect(cr.spec.metricsConfig).toEqual({ type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: 'bridge-bridge-metrics', key: 'metrics-config.yml' } } });
    const cm = docOf(docs, 'ConfigMap', 'bridge-bridge-metrics');
    expect(cm.data['metrics-config.yml']).toContain('strimzi_bridge_kafka_$1_$4_total');
    expect(cm.data['metrics-config.yml']).not.toContain('kafka_server');
  });

  test('Metrics Reporter without an allow list: the operator defaults plus what the alerts need', () => {
    const { chart, cluster, tls, tlsUser } = clusterFixture();
    new KafkaBridge(chart, 'bridge', { cluster, listener: tls, user: tlsUser, metrics: MetricsConfig.strimziMetricsReporter() });
    const cr = docOf(synth(chart), 'KafkaBridge', 'bridge');
    expect(cr.spec.metricsConfig.type).toBe('strimziMetricsReporter');
    expect(cr.spec.metricsConfig.values.allowList).toEqual(expect.arrayContaining(['kafka_consumer_consumer_fetch_manager_metrics.*', 'kafka_producer_producer_metrics.*']));
  });

  test('grantConsume grants topic Read/Describe and the group; a user without topic ACLs is warned about', () => {
    const { chart, cluster, tls, tlsUser, scram, scramUser } = clusterFixture();
    const b = new KafkaBridge(chart, 'bridge', { cluster, listener: tls, user: tlsUser });
    const rules = b.grantConsume(AclResource.topic('orders'), { consumerGroup: 'orders-http' });
    expect(rules.map((r) => `${r.resource}`)).toEqual([`${AclResource.topic('orders')}`, `${AclResource.group('orders-http')}`]);
    new KafkaBridge(chart, 'idle', { cluster, listener: scram, user: scramUser });
    synth(chart);
    expect(warningsOf(chart)).toContain('[test/idle] KAF-BRG-032 user "scram-user" has no ACL on any topic in this app, so every bridge request that touches Kafka is denied; grant it topics (e.g. grantConsume()/grantProduce()), or ignore this when its owner grants them');
    expect(warningsOf(chart).filter((w) => w.startsWith('[test/bridge]'))).toEqual([]);
  });

  test('a user with topic Read but no group is warned about when consumers are on', () => {
    const { chart, cluster, tls, tlsUser } = clusterFixture();
    tlsUser.grantReadTopics(AclResource.topic('orders'));
    new KafkaBridge(chart, 'bridge', { cluster, listener: tls, user: tlsUser });
    synth(chart);
    expect(warningsOf(chart)).toContain('[test/bridge] KAF-BRG-033 user "tls-user" may read topics but no consumer group, so creating an HTTP consumer (POST /consumers/<group>) and polling fails; grant the group with grantConsume(topics, { consumerGroup })');
  });
});

describe('KafkaBridge warnings', () => {
  test('KAF-BRG-034 both endpoint groups off; KAF-BRG-035 custom listener authentication', () => {
    const f = clusterFixture();
    const custom = f.cluster.addListener(Listener.internal({ name: 'custom', port: 9096, authentication: ListenerAuthentication.custom({ sasl: true }) }));
    f.tlsUser.grantWriteTopics(AclResource.topic('orders'));
    new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: custom, user: f.tlsUser, consumer: { enabled: false }, producer: { enabled: false } });
    synth(f.chart);
    expect(warningsOf(f.chart)).toEqual([
      '[test/bridge] KAF-BRG-035 listener "custom" uses custom authentication; the library cannot tell whether it accepts the tls credentials of user "tls-user"',
      '[test/bridge] KAF-BRG-034 both the consumer and the producer endpoints are disabled: the bridge can only list topics',
    ]);
    // edge: one of them on, and a listener whose authentication is known
    const g = clusterFixture();
    g.tlsUser.grantWriteTopics(AclResource.topic('orders'));
    new KafkaBridge(g.chart, 'bridge', { cluster: g.cluster, listener: g.tls, user: g.tlsUser, consumer: { enabled: false } });
    synth(g.chart);
    expect(warningsOf(g.chart)).toEqual([]);
  });
});

describe('KafkaBridge rules', () => {
  const errors = (build: (f: ReturnType<typeof clusterFixture>) => void): string[] => {
    const f = clusterFixture();
    build(f);
    return validationErrors(f.chart);
  };

  test('KAF-BRG-001 replicas', () => {
    expect(errors((f) => new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: f.plain, replicas: -1 })))
      .toContain(`${P} KAF-BRG-001 KafkaBridge "bridge": replicas -1 is not a whole number of 0 or more; use e.g. replicas: 1`);
    const f = clusterFixture();
    new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: f.plain, replicas: 3 });
    synth(f.chart);
    expect(warningsOf(f.chart)).toEqual(['[test/bridge] KAF-BRG-030 3 replicas with HTTP consumers: a consumer lives in one bridge pod, so every request of a consumer must reach that pod (the Service balances requests across pods)']);
    // edge: more replicas without HTTP consumers is fine
    const g = clusterFixture();
    new KafkaBridge(g.chart, 'bridge', { cluster: g.cluster, listener: g.plain, replicas: 3, consumer: { enabled: false } });
    synth(g.chart);
    expect(warningsOf(g.chart)).toEqual([]);
  });

  test('KAF-BRG-002 user of another cluster', () => {
    expect(errors((f) => {
      const other = new KafkaCluster(f.chart, 'other', { listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
      other.addNodePool('dual', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 1 });
      new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: f.scram, user: other.addUser('stranger') });
    })).toContain(`${P} KAF-BRG-002 KafkaBridge "bridge": user "stranger" belongs to cluster "other" in namespace "kafka", not to cluster "my-cluster" in "kafka" (its credentials are unknown there); use a KafkaUser of cluster "my-cluster"`);
  });

  test('KAF-BRG-003 authentication the listener does not accept, or missing', () => {
    expect(errors((f) => new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: f.tls, user: f.scramUser })))
      .toContain(`${P} KAF-BRG-003 KafkaBridge "bridge": user "scram-user" authenticates with scram-sha-512, but listener "tls" accepts only tls; use a user with tls authentication, or a listener that accepts scram-sha-512`);
    expect(errors((f) => new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: f.scram })))
      .toContain(`${P} KAF-BRG-003 KafkaBridge "bridge": listener "scram" requires scram-sha-512 authentication, but no user is given; pass a KafkaUser with scram-sha-512 authentication as user`);
    expect(errors((f) => new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: f.plain, user: f.tlsUser })))
      .toContain(`${P} KAF-BRG-003 KafkaBridge "bridge": listener "plain" authenticates no one, so the tls credentials of user "tls-user" would be ignored (Kafka sees every client as ANONYMOUS); use a listener with authentication, or leave user unset`);
  });

  test('KAF-BRG-004 TLS listener without trust', () => {
    const custom = () => Listener.internal({ name: 'custom', port: 9095, authentication: ListenerAuthentication.tls(), brokerCertificate: { secretName: 'brokers', certificate: 'tls.crt', key: 'tls.key' } });
    expect(errors((f) => {
      const l = f.cluster.addListener(custom());
      new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: l, user: f.tlsUser });
    })).toContain(`${P} KAF-BRG-004 KafkaBridge "bridge": listener "custom" uses TLS with a custom broker certificate whose CA Secret is not named, so the bridge would have nothing to trust the brokers with; name the CA Secret in the listener's brokerCertificate (caSecretName), or set trustSystemCertificates: true when a public CA signed it`);
    const f = clusterFixture();
    const l = f.cluster.addListener(custom());
    new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: l, user: f.tlsUser, trustSystemCertificates: true });
    expect(docOf(synth(f.chart), 'KafkaBridge', 'bridge').spec.tls).toEqual({ trustedCertificates: [] });
  });

  test('KAF-BRG-005 and -006 ports', () => {
    expect(errors((f) => new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: f.plain, http: { port: 80 } })))
      .toContain(`${P} KAF-BRG-005 KafkaBridge "bridge": HTTP port 80 is not an integer from 1023 to 65535 (Strimzi's minimum is 1023); use e.g. port 8080`);
    expect(errors((f) => new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: f.plain, http: { port: 8081 } })))
      .toContain(`${P} KAF-BRG-006 KafkaBridge "bridge": HTTP port 8081 is the bridge's management port (8081: /healthy, /ready, /metrics), so the bridge cannot start; use another port, e.g. 8080`);
    const f = clusterFixture();
    new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: f.plain, http: { port: 1023 } });
    expect(docOf(synth(f.chart), 'KafkaBridge', 'bridge').spec.http).toEqual({ port: 1023 });
  });

  test('KAF-BRG-007 and -008 CORS', () => {
    expect(errors((f) => new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: f.plain, http: { cors: { allowedOrigins: ['https://a\\.example'], allowedMethods: [] } } })))
      .toContain(`${P} KAF-BRG-007 KafkaBridge "bridge": CORS needs both allowedOrigins and allowedMethods, but allowedMethods is empty; list at least one origin and one method, or leave cors unset`);
    expect(errors((f) => new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: f.plain, http: { cors: { allowedOrigins: ['https://(a|b\\.example'], allowedMethods: [BridgeHttpMethod.GET] } } })))
      .toContain(`${P} KAF-BRG-008 KafkaBridge "bridge": CORS origin "https://(a|b\\.example" does not compile as a Java regular expression (the bridge matches origins as regular expressions); escape special characters, e.g. "https://app\\\\.example\\\\.com"`);
    expect(errors((f) => new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: f.plain, http: { cors: { allowedOrigins: ['https://a', 'https://b'], allowedMethods: [BridgeHttpMethod.GET] } } })))
      .toContain(`${P} KAF-BRG-038 KafkaBridge "bridge": CORS lists 2 origins, but the operator joins them with commas and HTTP bridge 1.1.0 compiles that whole value as one regular expression, so no origin would match; give one pattern that matches every origin, e.g. "https://(app|admin)\\.example\\.com"`);
    const f = clusterFixture();
    new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: f.plain, http: { cors: { allowedOrigins: ['.*'], allowedMethods: [BridgeHttpMethod.GET] } } });
    new KafkaBridge(f.chart, 'subset', { cluster: f.cluster, listener: f.plain, http: { cors: { allowedOrigins: ['(?i)https://[a-z]{1,20}+\\.example\\.com'], allowedMethods: [BridgeHttpMethod.GET] } } });
    synth(f.chart);
    expect(warningsOf(f.chart)).toEqual(['[test/bridge] KAF-BRG-031 CORS origin ".*" matches any origin: every web page a user visits can call the bridge from their browser']);
  });

  test('KAF-BRG-009 and -010 keys Strimzi owns', () => {
    const e = errors((f) => new KafkaBridge(f.chart, 'bridge', {
      cluster: f.cluster,
      listener: f.plain,
      consumer: { config: { 'group.id': 'x', 'ssl.protocol': 'TLSv1.3' } },
      producer: { config: { 'sasl.mechanism': 'PLAIN', 'group.id': 'ok' } },
      config: { 'http.port': 1, 'bridge.executor.queue.size': 10 },
    }));
    expect(e).toContain(`${P} KAF-BRG-009 KafkaBridge "bridge": consumer config sets "group.id", which the bridge's connection settings own (ssl.*, sasl.*, security.*, bootstrap.servers and group.id are not allowed); remove them: bootstrap, TLS and authentication come from the cluster, listener and user`);
    expect(e).toContain(`${P} KAF-BRG-009 KafkaBridge "bridge": producer config sets "sasl.mechanism", which the bridge's connection settings own (ssl.*, sasl.*, security.* and bootstrap.servers are not allowed); remove them: bootstrap, TLS and authentication come from the cluster, listener and user`);
    expect(e).toContain(`${P} KAF-BRG-010 KafkaBridge "bridge": bridge config sets "http.port" (kafka.*, http.*, bridge.metrics.*, bridge.id, bridge.tracing and bridge.metrics are set from the construct's properties); use the producer/consumer/adminClient config, http, metrics and tracing properties instead`);
    expect(e.filter((m) => m.includes('KAF-BRG-009') || m.includes('KAF-BRG-010'))).toHaveLength(3);
  });

  test('KAF-BRG-011 spec.http removed by a patch', () => {
    expect(errors((f) => new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: f.plain }).resource.addJsonPatch(JsonPatch.remove('/spec/http'))))
      .toContain(`${P} KAF-BRG-011 KafkaBridge "bridge": spec.http is missing (the operator rejects a KafkaBridge without it, although the schema does not require it); do not remove /spec/http with a JSON patch; set http options instead`);
  });

  test('KAF-BRG-015 bridge outside the Secrets\' namespace; KAF-BRG-016 listener of another cluster', () => {
    expect(errors((f) => new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: f.tls, user: f.tlsUser, namespace: 'apps' })))
      .toContain(`${P} KAF-BRG-015 KafkaBridge "bridge": the bridge is in namespace "apps", but the cluster CA is in "kafka", and the operator reads the bridge's Secrets from the bridge's namespace; create the bridge in namespace "kafka"`);
    expect(errors((f) => new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: Listener.internal({ name: 'nope', port: 9099, tls: false, authentication: ListenerAuthentication.none() }) })))
      .toContain(`${P} KAF-BRG-016 KafkaBridge "bridge": listener "nope" is not a listener of cluster "my-cluster" (its listeners: "tls", "scram", "plain"); pass one of the cluster's listeners, e.g. cluster.findListener("tls")`);
  });

  test('KAF-BRG-017 HTTP TLS across Secrets; KAF-BRG-018 grant without user; KAF-BRG-019 empty inline logging', () => {
    const e = errors((f) => {
      const b = new KafkaBridge(f.chart, 'bridge', {
        cluster: f.cluster,
        listener: f.plain,
        logging: BridgeLogging.inline({}),
        http: { tls: { certificate: { secretName: 'a', key: 'tls.crt' }, key: { secretName: 'b', key: 'tls.key' } } },
      });
      b.grantProduce(AclResource.topic('x'));
    });
    expect(e).toContain(`${P} KAF-BRG-017 KafkaBridge "bridge": HTTP TLS certificate and key are in different Secrets ("a", "b"), but the bridge mounts one Secret for both; keep the certificate and key in one Secret`);
    expect(e).toContain('[test/bridge] KAF-BRG-018 bridge "bridge": grantProduce() grants ACLs to the bridge\'s user, but the bridge has none; pass a KafkaUser as user, or leave out the grant on a listener without authorization');
    expect(e).toContain(`${P} KAF-BRG-019 KafkaBridge "bridge": inline logging lists no loggers; list at least one logger, e.g. { "rootLogger.level": "INFO" }, or leave logging unset`);
  });
});
