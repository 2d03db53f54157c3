import { ApiObject, Chart, Testing } from 'cdk8s';
import * as kplus27 from 'cdk8s-plus-27';
import * as kplus33 from 'cdk8s-plus-33';
import { clusterFixture } from './fixtures';
import {
  AclResource, BridgeHttpMethod, BridgeLogging, BridgeSidecarBinding, CrossNamespaceCredentials, KafkaBridge, KafkaBridgeSidecar,
  KafkaCluster, MetricsConfig,
} from '../../src';
import { docOf, docsOf, synth, validationErrors, warningsOf } from '../util';

function deployment(chart: Chart, name = 'app', namespace?: string): ApiObject {
  const d = new kplus27.Deployment(chart, name, {
    metadata: { name, namespace },
    containers: [{ name: 'app', image: 'registry.example.com/app:1', portNumber: 3000, envVariables: { MODE: kplus27.EnvValue.fromValue('x') } }],
  });
  return ApiObject.of(d);
}

const podSpec = (docs: any[], kind = 'Deployment', name = 'app') => docOf(docs, kind, name).spec.template.spec;

describe('KafkaBridgeSidecar', () => {
  test('TLS user: native sidecar with the target\'s image, entrypoint, mounts, probes and the URL in the app', () => {
    const { chart, cluster, tls, tlsUser } = clusterFixture();
    const sidecar = KafkaBridge.addSidecar(deployment(chart), { cluster, listener: tls, user: tlsUser });
    sidecar.grantConsume(AclResource.topic('orders'), { consumerGroup: 'app' });
    const docs = synth(chart);
    const spec = podSpec(docs);
    expect(spec.initContainers).toHaveLength(1);
    const c = spec.initContainers[0];
    expect(c.name).toBe('kafka-bridge');
    expect(c.image).toBe(cluster.target.bridgeImage);
    expect(c.image).toBe('quay.io/strimzi/kafka-bridge:1.1.0');
    expect(c.command).toEqual(['/opt/strimzi/bin/docker/kafka_bridge_run.sh']);
    expect(c.restartPolicy).toBe('Always');
    expect(c.ports).toEqual([{ name: 'rest-api', containerPort: 8080, protocol: 'TCP' }, { name: 'rest-api-mgmt', containerPort: 8081, protocol: 'TCP' }]);
    expect(c.resources).toEqual({ requests: { cpu: '100m', memory: '512Mi' }, limits: { memory: '512Mi' } });
    expect(c.env).toEqual([{ name: 'STRIMZI_DYNAMIC_HEAP_PERCENTAGE', value: '75' }]);
    expect(c.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    // Loopback binding: exec probes against 127.0.0.1:8081, a startup probe so the app starts after the bridge is ready.
    for (const probe of [c.startupProbe, c.readinessProbe]) {
      expect(probe.exec.command[2]).toContain('/dev/tcp/127.0.0.1/8081');
      expect(probe.exec.command[2]).toContain('GET /ready ');
    }
    expect(c.livenessProbe.exec.command[2]).toContain('GET /healthy ');
    expect(c.volumeMounts).toEqual([
      { name: 'kafka-bridge-config', mountPath: '/opt/strimzi/custom-config', readOnly: true },
      { name: 'kafka-bridge-tmp', mountPath: '/tmp' },
      { name: 'kafka-bridge-cluster-ca', mountPath: '/opt/strimzi/cluster-ca', readOnly: true },
      { name: 'kafka-bridge-user', mountPath: '/opt/strimzi/kafka-user', readOnly: true },
    ]);
    expect(spec.volumes).toEqual([
      { name: 'kafka-bridge-config', configMap: { name: 'app-kafka-bridge' } },
      { name: 'kafka-bridge-tmp', emptyDir: { medium: 'Memory', sizeLimit: '5Mi' } },
      { name: 'kafka-bridge-cluster-ca', secret: { secretName: 'my-cluster-cluster-ca-cert', items: [{ key: 'ca.crt', path: 'ca.crt' }], defaultMode: 0o440 } },
      { name: 'kafka-bridge-user', secret: { secretName: 'tls-user', items: [{ key: 'user.crt', path: 'user.crt' }, { key: 'user.key', path: 'user.key' }], defaultMode: 0o440 } },
    ]);
    expect(spec.containers[0].env).toEqual([{ name: 'MODE', value: 'x' }, { name: 'KAFKA_BRIDGE_URL', value: 'http://localhost:8080' }]);

    const props = docOf(docs, 'ConfigMap', 'app-kafka-bridge').data['application.properties'];
    expect(props.split('\n').filter((l: string) => !l.startsWith('#') && l)).toEqual([
      'bridge.id=app',
      'kafka.bootstrap.servers=my-cluster-kafka-bootstrap.kafka.svc:9093',
      'kafka.security.protocol=SSL',
      'kafka.config.providers=strimzidir',
      'kafka.config.providers.strimzidir.class=org.apache.kafka.common.config.provider.DirectoryConfigProvider',
      'kafka.config.providers.strimzidir.param.allowed.paths=/opt/strimzi',
      'kafka.ssl.truststore.type=PEM',
      'kafka.ssl.truststore.certificates=${strimzidir:/opt/strimzi/cluster-ca:ca.crt}',
      'kafka.ssl.keystore.type=PEM',
      'kafka.ssl.keystore.certificate.chain=${strimzidir:/opt/strimzi/kafka-user:user.crt}',
      'kafka.ssl.keystore.key=${strimzidir:/opt/strimzi/kafka-user:user.key}',
      'http.host=127.0.0.1',
      'http.port=8080',
      'http.cors.enabled=false',
      'http.consumer.enabled=true',
      'http.timeoutSeconds=-1',
      'http.producer.enabled=true',
    ]);
    expect(docOf(docs, 'ConfigMap', 'app-kafka-bridge').data['log4j2.properties']).toContain('rootLogger.level = INFO');
    expect(KafkaBridgeSidecar.isKafkaBridgeSidecar(sidecar)).toBe(true);
    expect(docsOf(docs, 'NetworkPolicy')).toEqual([]);
  });

  test('the ConfigMap holds no secret value: only provider references to mounted Secret files', () => {
    const { chart, cluster, scram, scramUser } = clusterFixture();
    KafkaBridge.addSidecar(deployment(chart), { cluster, listener: scram, user: scramUser });
    const docs = synth(chart);
    const cm = docOf(docs, 'ConfigMap', 'app-kafka-bridge');
    const text = Object.values<string>(cm.data).join('\n');
    expect(text).toContain('kafka.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="scram-user" password="${strimzidir:/opt/strimzi/kafka-user:password}";');
    expect(text).toContain('kafka.security.protocol=SASL_SSL');
    // Every value of a secret-ish key is a reference, never a literal.
    for (const line of cm.data['application.properties'].split('\n').filter((l: string) => /password|key=|jaas|certificates|chain/.test(l))) {
      expect(line).toMatch(/\$\{strimzidir:\/opt\/strimzi\/(cluster-ca|kafka-user):[^}]+\}/);
    }
    expect(text).not.toMatch(/BEGIN (CERTIFICATE|PRIVATE KEY)/);
    // No env var carries a credential; the user Secret is mounted with only the password key.
    const c = podSpec(docs).initContainers[0];
    expect(JSON.stringify(c.env)).not.toMatch(/secretKeyRef/);
    expect(podSpec(docs).volumes.find((v: any) => v.name === 'kafka-bridge-user').secret.items).toEqual([{ key: 'password', path: 'password' }]);
  });

  test('a config change changes the checksum annotation (pods roll)', () => {
    const hash = (port: number) => {
      const { chart, cluster, tls, tlsUser } = clusterFixture();
      KafkaBridge.addSidecar(deployment(chart), { cluster, listener: tls, user: tlsUser, http: { port } });
      return docOf(synth(chart), 'Deployment', 'app').spec.template.metadata.annotations['cdk8s-kafka/kafka-bridge-config-hash'];
    };
    expect(hash(8080)).toMatch(/^[0-9a-f]{64}$/);
    expect(hash(8080)).toBe(hash(8080));
    expect(hash(8090)).not.toBe(hash(8080));
  });

  test('works on a cdk8s-plus-33 StatefulSet and a plain ApiObject, and sees containers added after it', () => {
    const { chart, cluster, tls, tlsUser } = clusterFixture();
    const sts = new kplus33.StatefulSet(chart, 'store', {
      metadata: { name: 'store' },
      containers: [{ name: 'store', image: 'x', portNumber: 3000 }],
      service: new kplus33.Service(chart, 'svc', { ports: [{ port: 3000 }] }),
    });
    KafkaBridge.addSidecar(ApiObject.of(sts), { cluster, listener: tls, user: tlsUser, nativeSidecar: false });
    sts.addContainer({ name: 'late', image: 'y', portNumber: 4000 });
    const plain = new ApiObject(chart, 'raw', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'raw' },
      spec: { selector: { matchLabels: { app: 'raw' } }, template: { metadata: { labels: { app: 'raw' } }, spec: { containers: [{ name: 'raw', image: 'z' }] } } },
    });
    KafkaBridge.addSidecar(plain, { cluster, listener: tls, user: tlsUser, appContainers: ['raw'], urlEnvironmentVariable: 'BRIDGE' });
    const docs = synth(chart);
    const s = podSpec(docs, 'StatefulSet', 'store');
    expect(s.containers.map((c: any) => c.name)).toEqual(['store', 'late', 'kafka-bridge']);
    expect(s.containers[1].env).toEqual([{ name: 'KAFKA_BRIDGE_URL', value: 'http://localhost:8080' }]);
    expect(s.containers[2].restartPolicy).toBeUndefined();
    const r = podSpec(docs, 'Deployment', 'raw');
    expect(r.initContainers[0].name).toBe('kafka-bridge');
    expect(r.initContainers[0].resources).toEqual({ requests: { cpu: '100m', memory: '512Mi' }, limits: { memory: '512Mi' } });
    expect(r.containers[0].env).toEqual([{ name: 'BRIDGE', value: 'http://localhost:8080' }]);
    // A second synth gives the same manifest.
    expect(Testing.synth(chart)).toEqual(docs);
  });

  test('ALL_INTERFACES: HTTP probes, a NetworkPolicy without the API port, metrics from the ConfigMap', () => {
    const { chart, cluster, tls, tlsUser } = clusterFixture();
    KafkaBridge.addSidecar(deployment(chart), {
      cluster,
      listener: tls,
      user: tlsUser,
      binding: BridgeSidecarBinding.ALL_INTERFACES,
      http: { cors: { allowedOrigins: ['https://a\\.example', 'https://b\\.example'], allowedMethods: [BridgeHttpMethod.GET, BridgeHttpMethod.POST] } },
      metrics: MetricsConfig.jmxPrometheusExporter(),
      logging: BridgeLogging.inline({ 'logger.bridge.name': 'io.strimzi.kafka.bridge', 'logger.bridge.level': 'DEBUG' }),
    });
    const docs = synth(chart);
    const c = podSpec(docs).initContainers[0];
    expect(c.readinessProbe).toEqual({ httpGet: { path: '/ready', port: 'rest-api-mgmt' }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 });
    expect(c.livenessProbe.httpGet).toEqual({ path: '/healthy', port: 'rest-api-mgmt' });
    const np = docOf(docs, 'NetworkPolicy', 'app-kafka-bridge');
    expect(np.spec.policyTypes).toEqual(['Ingress']);
    expect(np.spec.ingress).toEqual([{ ports: [{ protocol: 'TCP', port: 3000 }, { protocol: 'TCP', port: 8081 }] }]);
    expect(np.spec.podSelector.matchLabels).toEqual(docOf(docs, 'Deployment', 'app').spec.selector.matchLabels);
    const cm = docOf(docs, 'ConfigMap', 'app-kafka-bridge').data;
    expect(cm['application.properties']).toContain('http.host=0.0.0.0\n');
    // one regular expression with the origins as alternatives (backslashes escaped for the properties file)
    expect(cm['application.properties']).toContain('http.cors.enabled=true\nhttp.cors.allowedOrigins=(?:https://a\\\\.example)|(?:https://b\\\\.example)\nhttp.cors.allowedMethods=GET,POST\n');
    expect(cm['application.properties']).toContain('bridge.metrics=jmxPrometheusExporter\nbridge.metrics.exporter.config.path=/opt/strimzi/custom-config/metrics-config.json\n');
    expect(JSON.parse(cm['metrics-config.json']).rules.length).toBeGreaterThan(3);
    expect(cm['log4j2.properties']).toContain('logger.bridge.level = DEBUG');
  });

  test('metrics on loopback are warned about; the reporter writes its allow list', () => {
    const { chart, cluster, tls, tlsUser } = clusterFixture();
    KafkaBridge.addSidecar(deployment(chart), { cluster, listener: tls, user: tlsUser, metrics: MetricsConfig.strimziMetricsReporter() });
    const docs = synth(chart);
    expect(docOf(docs, 'ConfigMap', 'app-kafka-bridge').data['application.properties']).toContain('kafka.prometheus.metrics.reporter.allowlist=kafka_consumer_consumer_metrics.*,');
    expect(warningsOf(chart)).toContain('[test/app/Resource/KafkaBridgeSidecar] KAF-BRG-036 bridge sidecar of Deployment "app": metrics are served on the loopback interface only (the management port binds where the API does), so Prometheus cannot scrape them; use binding BridgeSidecarBinding.ALL_INTERFACES to scrape them');
  });

  test('cross-namespace: copyToWorkloadNamespace renders a SecretCopy of the CA and user Secrets', () => {
    const { chart, cluster, tls, tlsUser } = clusterFixture();
    const sidecar = KafkaBridge.addSidecar(deployment(chart, 'app', 'apps'), {
      cluster, listener: tls, user: tlsUser, crossNamespaceCredentials: CrossNamespaceCredentials.copyToWorkloadNamespace(),
    });
    const docs = synth(chart);
    expect(sidecar.secretCopy?.targetNamespace).toBe('apps');
    const job = docOf(docs, 'CronJob', 'app-bridge-copy');
    expect(job.metadata.namespace).toBe('apps');
    expect(job.spec.jobTemplate.spec.template.spec.containers[0].command[2]).toContain('copy \'my-cluster-cluster-ca-cert\' \'ca.crt\'');
    expect(job.spec.jobTemplate.spec.template.spec.containers[0].command[2]).toContain('copy \'tls-user\' \'user.crt\' \'user.key\'');
    expect(docOf(docs, 'ConfigMap', 'app-kafka-bridge').metadata.namespace).toBe('apps');
  });

  test('KAF-BRG-037 crossNamespaceCredentials in the Secrets\' namespace is ignored', () => {
    const { chart, cluster, tls, tlsUser } = clusterFixture();
    KafkaBridge.addSidecar(deployment(chart), {
      cluster, listener: tls, user: tlsUser, crossNamespaceCredentials: CrossNamespaceCredentials.copyToWorkloadNamespace(),
    });
    const docs = synth(chart);
    expect(docsOf(docs, 'CronJob')).toEqual([]);
    expect(warningsOf(chart)).toContain('[test/app/Resource/KafkaBridgeSidecar] KAF-BRG-037 bridge sidecar of Deployment "app": crossNamespaceCredentials is ignored: the workload runs in namespace "kafka", where the Secrets are');
  });
});

describe('KafkaBridgeSidecar rules', () => {
  const S = '[test/app/Resource/KafkaBridgeSidecar] ';

  test('KAF-BRG-014 cross-namespace Secrets without crossNamespaceCredentials, or with a KEDA-namespace one', () => {
    const f = clusterFixture();
    KafkaBridge.addSidecar(deployment(f.chart, 'app', 'apps'), { cluster: f.cluster, listener: f.tls, user: f.tlsUser });
    expect(validationErrors(f.chart)).toContain(`${S}KAF-BRG-014 bridge sidecar of Deployment "app": the workload runs in namespace "apps", but the bridge mounts Secrets "my-cluster-cluster-ca-cert" in "kafka" and "tls-user" in "kafka", and Kubernetes Secrets are namespace-local; run the workload in the Secrets' namespace, or set crossNamespaceCredentials: CrossNamespaceCredentials.copyToWorkloadNamespace()`);
    const g = clusterFixture();
    KafkaBridge.addSidecar(deployment(g.chart, 'app', 'apps'), { cluster: g.cluster, listener: g.tls, user: g.tlsUser, crossNamespaceCredentials: CrossNamespaceCredentials.copyToKedaNamespace() });
    expect(validationErrors(g.chart)).toContain(`${S}KAF-BRG-014 bridge sidecar of Deployment "app": crossNamespaceCredentials places the Secrets in KEDA's namespace, but the bridge mounts them in the workload's; use CrossNamespaceCredentials.copyToWorkloadNamespace()`);
  });

  test('KAF-BRG-012 a container (or volume) named like the sidecar', () => {
    const f = clusterFixture();
    const d = new kplus27.Deployment(f.chart, 'app', { metadata: { name: 'app' }, containers: [{ name: 'kafka-bridge', image: 'x' }] });
    KafkaBridge.addSidecar(ApiObject.of(d), { cluster: f.cluster, listener: f.tls, user: f.tlsUser });
    expect(validationErrors(f.chart)).toContain(`${S}KAF-BRG-012 bridge sidecar of Deployment "app": the pod already has a container named "kafka-bridge"; set containerName to another name, or remove the existing container`);
    const g = clusterFixture();
    const e = new kplus27.Deployment(g.chart, 'app', { metadata: { name: 'app' }, containers: [{ name: 'kafka-bridge', image: 'x' }] });
    KafkaBridge.addSidecar(ApiObject.of(e), { cluster: g.cluster, listener: g.tls, user: g.tlsUser, containerName: 'bridge' });
    expect(podSpec(synth(g.chart)).initContainers[0].name).toBe('bridge');
  });

  test('KAF-BRG-013 a target whose bridge has no management port', () => {
    const f = clusterFixture();
    const legacy = { ...f.cluster.target, bridgeVersion: '0.31.1', displayName: 'Strimzi 0.45.0' };
    const cluster = KafkaCluster.fromClusterAttributes(f.chart, 'legacy', { clusterName: 'old', namespace: 'kafka', listeners: [f.plain], target: legacy as any });
    KafkaBridge.addSidecar(deployment(f.chart), { cluster, listener: f.plain });
    expect(validationErrors(f.chart)).toContain(`${S}KAF-BRG-013 bridge sidecar of Deployment "app": Strimzi 0.45.0 ships HTTP bridge 0.31.1, which has no management port and whose start script ignores a mounted application.properties; the sidecar needs bridge 1.0 or later; use a cluster with target StrimziTarget.V1_2_0, or run an operator-managed KafkaBridge`);
  });

  test('KAF-BRG-005 privileged port, KAF-BRG-006 a port the app uses, KAF-BRG-021 HTTP TLS, KAF-BRG-022 unknown app container', () => {
    const f = clusterFixture();
    const d = new kplus27.Deployment(f.chart, 'app', { metadata: { name: 'app' }, containers: [{ name: 'app', image: 'x', portNumber: 8081 }] });
    KafkaBridge.addSidecar(ApiObject.of(d), {
      cluster: f.cluster, listener: f.tls, user: f.tlsUser, http: { port: 1023, tls: { certificate: { secretName: 's', key: 'tls.crt' }, key: { secretName: 's', key: 'tls.key' } } }, appContainers: ['web'],
    });
    const e = validationErrors(f.chart);
    expect(e).toContain(`${S}KAF-BRG-005 bridge sidecar of Deployment "app": HTTP port 1023 is not an integer from 1024 to 65535 (the bridge runs as a non-root user, which cannot bind privileged ports below 1024); use e.g. port 8080`);
    expect(e).toContain(`${S}KAF-BRG-006 bridge sidecar of Deployment "app": container "app" declares port 8081, which the bridge binds (HTTP 1023, management 8081) in the pod's shared network namespace; move the app to another port or set http.port`);
    expect(e).toContain(`${S}KAF-BRG-021 bridge sidecar of Deployment "app": HTTP TLS is not offered for the sidecar (the app reaches it inside the pod); leave http.tls unset, or run an operator-managed KafkaBridge for HTTPS clients`);
    expect(e).toContain(`${S}KAF-BRG-022 bridge sidecar of Deployment "app": app container "web" is not a container of the pod (containers: "app"); name containers of the workload in appContainers`);
    const g = clusterFixture();
    KafkaBridge.addSidecar(deployment(g.chart), { cluster: g.cluster, listener: g.tls, user: g.tlsUser, http: { port: 1024 } });
    expect(podSpec(synth(g.chart)).initContainers[0].ports[0].containerPort).toBe(1024);
  });

  test('KAF-BRG-020 external logging or metrics ConfigMap; KAF-BRG-023 heap percentage; KAF-BRG-003 and -009 shared with KafkaBridge', () => {
    const f = clusterFixture();
    KafkaBridge.addSidecar(deployment(f.chart), {
      cluster: f.cluster,
      listener: f.tls,
      user: f.scramUser,
      heapPercentage: 0,
      logging: BridgeLogging.fromConfigMap('l', 'k'),
      metrics: MetricsConfig.jmxPrometheusExporterFromConfigMap({ configMapName: 'm', key: 'k', createdOutsideApp: true }),
      consumer: { config: { 'bootstrap.servers': 'x:1' } },
    });
    const e = validationErrors(f.chart);
    expect(e).toContain(`${S}KAF-BRG-020 bridge sidecar of Deployment "app": logging from an external ConfigMap is not offered for the sidecar (its log4j2.properties lives in the sidecar ConfigMap); use BridgeLogging.inline({...})`);
    expect(e).toContain(`${S}KAF-BRG-020 bridge sidecar of Deployment "app": a JMX exporter ConfigMap of your own is not offered for the sidecar; use MetricsConfig.jmxPrometheusExporter() (the library's rules) or MetricsConfig.strimziMetricsReporter()`);
    expect(e).toContain(`${S}KAF-BRG-023 bridge sidecar of Deployment "app": heapPercentage 0 is not a whole percentage from 1 to 100; use e.g. 75`);
    expect(e).toContain(`${S}KAF-BRG-003 bridge sidecar of Deployment "app": user "scram-user" authenticates with scram-sha-512, but listener "tls" accepts only tls; use a user with tls authentication, or a listener that accepts scram-sha-512`);
    expect(e).toContain(`${S}KAF-BRG-009 bridge sidecar of Deployment "app": consumer config sets "bootstrap.servers", which the bridge's connection settings own (ssl.*, sasl.*, security.*, bootstrap.servers and group.id are not allowed); remove them: bootstrap, TLS and authentication come from the cluster, listener and user`);
    const g = clusterFixture();
    KafkaBridge.addSidecar(deployment(g.chart), { cluster: g.cluster, listener: g.tls, user: g.tlsUser, heapPercentage: 100 });
    expect(podSpec(synth(g.chart)).initContainers[0].env).toEqual([{ name: 'STRIMZI_DYNAMIC_HEAP_PERCENTAGE', value: '100' }]);
  });

  test('a workload without a pod template is the wrong type', () => {
    const f = clusterFixture();
    const svc = new ApiObject(f.chart, 'svc', { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } });
    expect(() => KafkaBridge.addSidecar(svc, { cluster: f.cluster, listener: f.tls, user: f.tlsUser }))
      .toThrow('KafkaBridgeSidecar: workload Service "s" has no pod template; use a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob');
  });
});
