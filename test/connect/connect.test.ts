import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { clusterWithScram } from './fixtures';
import {
  ConnectBuildOutput, ConnectorType, KafkaConnect, KafkaUserAuthentication, Listener, ListenerAuthentication, MavenIncludeScope,
  KafkaVersion, MetricsConfig, NodeRole, PluginArtifact, Rack, KafkaCluster,
} from '../../src';
import { docOf, newChart, synth, validationErrors, warningsOf } from '../util';

const SHA = 'a'.repeat(128);

describe('KafkaConnect', () => {
  test('defaults: v1 required fields derived from the name, connector resources on, TLS trust and SCRAM from the user', () => {
    const { chart, cluster, tls } = clusterWithScram();
    const user = cluster.addUser('connect');
    const connect = new KafkaConnect(chart, 'my-connect', { cluster, listener: tls, user });
    connect.grantAccess();
    const doc = docOf(synth(chart), 'KafkaConnect', 'my-connect');
    expect(doc.apiVersion).toBe('kafka.strimzi.io/v1');
    expect(doc.metadata).toEqual({ name: 'my-connect', namespace: 'default', annotations: { 'strimzi.io/use-connector-resources': 'true' } });
    expect(doc.spec).toEqual({
      version: '4.3.1',
      replicas: 1,
      bootstrapServers: 'my-cluster-kafka-bootstrap.default.svc:9093',
      groupId: 'my-connect',
      configStorageTopic: 'my-connect-configs',
      offsetStorageTopic: 'my-connect-offsets',
      statusStorageTopic: 'my-connect-status',
      tls: { trustedCertificates: [{ secretName: 'my-cluster-cluster-ca-cert', certificate: 'ca.crt' }] },
      authentication: { type: 'scram-sha-512', username: 'connect', passwordSecret: { secretName: 'connect', password: 'password' } },
      config: { 'config.storage.replication.factor': 3, 'offset.storage.replication.factor': 3, 'status.storage.replication.factor': 3 },
    });
    expect(connect.restApiUrl).toBe('http://my-connect-connect-api.default.svc:8083');
    expect(KafkaConnect.isKafkaConnect(connect)).toBe(true);
    expect(KafkaConnect.isKafkaConnect(cluster)).toBe(false);
  });

  test('a TLS user gives certificateAndKey; pod settings, logging, rack and metrics are rendered', () => {
    const chart = newChart();
    const cluster = new KafkaCluster(chart, 'c', { listeners: [Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.tls() })] });
    cluster.addNodePool('nodes', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    const user = cluster.addUser('connect', { authentication: KafkaUserAuthentication.tls() });
    new KafkaConnect(chart, 'c2', {
      cluster,
      listener: cluster.findListener('tls')!,
      user,
      replicas: 3,
      storageReplicationFactor: -1,
      resources: { memory: { request: Size.gibibytes(2), limit: Size.gibibytes(2) }, cpu: { request: kplus.Cpu.units(1) } },
      jvm: { heapMax: Size.mebibytes(1024) },
      rack: Rack.topologyLabel(),
      loggers: { 'rootLogger.level': 'INFO' },
      podTemplate: { labels: { team: 'data' } },
      maxUnavailable: 0,
      metrics: MetricsConfig.jmxPrometheusExporter(),
      useConnectorResources: false,
    });
    const docs = synth(chart);
    const spec = docOf(docs, 'KafkaConnect', 'c2').spec;
    expect(docOf(docs, 'KafkaConnect', 'c2').metadata.annotations).toBeUndefined();
    expect(spec.authentication).toEqual({ type: 'tls', certificateAndKey: { secretName: 'connect', certificate: 'user.crt', key: 'user.key' } });
    expect(spec.replicas).toBe(3);
    expect(spec.config['config.storage.replication.factor']).toBe(-1);
    expect(spec.resources).toEqual({ requests: { cpu: '1', memory: '2Gi' }, limits: { memory: '2Gi' } });
    expect(spec.jvmOptions).toEqual({ '-Xmx': '1024m' });
    expect(spec.rack).toEqual({ type: 'topology-label', topologyKey: 'topology.kubernetes.io/zone' });
    expect(spec.logging).toEqual({ type: 'inline', loggers: { 'rootLogger.level': 'INFO' } });
    expect(spec.template).toEqual({ pod: { metadata: { labels: { team: 'data' } } }, podDisruptionBudget: { maxUnavailable: 0 } });
    expect(spec.metricsConfig).toEqual({ type: 'jmxPrometheusExporter', valueFrom: { configMapKeyRef: { name: 'c2-connect-metrics', key: 'metrics-config.yml' } } });
    const cm = docOf(docs, 'ConfigMap', 'c2-connect-metrics');
    expect(cm.data['metrics-config.yml']).toContain('kafka_connect_connector_$2');
  });

  test('build: typed artifacts (jar, tgz, zip, other, maven) and the push Secret', () => {
    const { chart, cluster, tls } = clusterWithScram();
    const user = cluster.addUser('connect');
    const connect = new KafkaConnect(chart, 'b', {
      cluster,
      listener: tls,
      user,
      build: {
        output: ConnectBuildOutput.docker('registry.example.com/team/connect:1', { pushSecret: 'registry-push', additionalPushOptions: ['--retry=3'] }),
        plugins: [
          { name: 'files', artifacts: [PluginArtifact.jar('https://example.com/a.jar', { sha512sum: SHA }), PluginArtifact.tgz('https://example.com/b.tgz', { sha512sum: SHA })] },
          { name: 'more_1', artifacts: [PluginArtifact.zip('https://example.com/c.zip', { sha512sum: SHA }), PluginArtifact.other('ftp://example.com/d.bin', { sha512sum: SHA, fileName: 'd.bin' })] },
          { name: 'pg', artifacts: [PluginArtifact.maven({ group: 'io.debezium', artifact: 'debezium-connector-postgres', version: '3.0.0.Final', includeScope: MavenIncludeScope.RUNTIME, mirrors: ['https://mirror.example.com/maven2'] })] },
        ],
      },
    });
    connect.grantAccess();
    expect(docOf(synth(chart), 'KafkaConnect', 'b').spec.build).toEqual({
      output: { type: 'docker', image: 'registry.example.com/team/connect:1', pushSecret: 'registry-push', additionalPushOptions: ['--retry=3'] },
      plugins: [
        { name: 'files', artifacts: [{ type: 'jar', url: 'https://example.com/a.jar', sha512sum: SHA }, { type: 'tgz', url: 'https://example.com/b.tgz', sha512sum: SHA }] },
        { name: 'more_1', artifacts: [{ type: 'zip', url: 'https://example.com/c.zip', sha512sum: SHA }, { type: 'other', url: 'ftp://example.com/d.bin', sha512sum: SHA, fileName: 'd.bin' }] },
        { name: 'pg', artifacts: [{ type: 'maven', group: 'io.debezium', artifact: 'debezium-connector-postgres', version: '3.0.0.Final', includeScope: 'runtime', mirrors: [{ url: 'https://mirror.example.com/maven2' }] }] },
      ],
    });
  });

  test('an artifact without a checksum is a warning', () => {
    const { chart, cluster, tls } = clusterWithScram();
    const user = cluster.addUser('connect');
    const connect = new KafkaConnect(chart, 'b', { cluster, listener: tls, user, build: { output: ConnectBuildOutput.imageStream('b:latest'), plugins: [{ name: 'p1', artifacts: [PluginArtifact.jar('https://example.com/a.jar')] }] } });
    connect.grantAccess();
    synth(chart);
    expect(warningsOf(chart)).toEqual(['[test/b] KAF-CON-026 KafkaConnect "b" plugin "p1" artifact 1 (jar): no sha512sum, so the build does not verify the download from https://example.com/a.jar; add the checksum']);
  });
});

describe('KafkaConnect rules', () => {
  function base() {
    const f = clusterWithScram();
    const user = f.cluster.addUser('connect');
    return { ...f, user };
  }
  const errorsOf = (chart: any) => validationErrors(chart).filter((e) => !e.includes('lacks'));

  test('KAF-CON-001: two Connect clusters on one Kafka share a group ID and storage topics; distinct names are valid', () => {
    const { chart, cluster, tls, user } = base();
    new KafkaConnect(chart, 'a', { cluster, listener: tls, user, groupId: 'shared', configStorageTopic: 'cfg' });
    new KafkaConnect(chart, 'b', { cluster, listener: tls, user, groupId: 'shared', configStorageTopic: 'cfg' });
    const errors = errorsOf(chart).filter((e) => e.includes('KAF-CON-001'));
    expect(errors).toContain('[test/a] KAF-CON-001 KafkaConnect "a": group ID "shared" is also used by KafkaConnect "b" on Kafka cluster "my-cluster", so their workers join one group and overwrite each other\'s connectors; give each Connect cluster its own groupId');
    expect(errors).toContain('[test/b] KAF-CON-001 KafkaConnect "b": storage topic(s) "cfg" are also used by KafkaConnect "a" on Kafka cluster "my-cluster", so they read each other\'s configs, offsets or status; give each Connect cluster its own storage topics');
    const ok = base();
    new KafkaConnect(ok.chart, 'a', { cluster: ok.cluster, listener: ok.tls, user: ok.user }).grantAccess();
    new KafkaConnect(ok.chart, 'b', { cluster: ok.cluster, listener: ok.tls, user: ok.user }).grantAccess();
    expect(() => synth(ok.chart)).not.toThrow();
  });

  test('KAF-CON-002: an empty group ID', () => {
    const { chart, cluster, tls, user } = base();
    new KafkaConnect(chart, 'a', { cluster, listener: tls, user, groupId: ' ' }).grantAccess();
    expect(errorsOf(chart)).toEqual(['[test/a] KAF-CON-002 KafkaConnect "a": groupId is empty (the operator requires it in kafka.strimzi.io/v1); omit groupId to use the default derived from the name, or set a non-empty value']);
  });

  test('KAF-CON-003: storage RF above the brokers; equal to the brokers is valid; skipped when the broker count is unknown', () => {
    const { chart, cluster, tls, user } = base();
    new KafkaConnect(chart, 'a', { cluster, listener: tls, user, storageReplicationFactor: 4 }).grantAccess();
    expect(errorsOf(chart)).toContain('[test/a] KAF-CON-003 KafkaConnect "a": config.storage.replication.factor 4 is above the 3 broker(s) of cluster "my-cluster", so the workers cannot create the topic and fail to start; use at most 3, or -1 for the broker default');
    const ok = base();
    new KafkaConnect(ok.chart, 'a', { cluster: ok.cluster, listener: ok.tls, user: ok.user, storageReplicationFactor: 3 }).grantAccess();
    expect(() => synth(ok.chart)).not.toThrow();
    const chart2 = newChart();
    const imported = KafkaCluster.fromClusterAttributes(chart2, 'x', { clusterName: 'x', namespace: 'default', listeners: [Listener.internal({ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() })] });
    const c2 = new KafkaConnect(chart2, 'a', { cluster: imported, listener: imported.findListener('plain')!, config: { 'offset.storage.replication.factor': 5 } });
    expect(c2.storageReplicationFactor).toBe(-1);
    expect(() => synth(chart2)).not.toThrow();
  });

  test('KAF-CON-004: worker config keys Strimzi owns; the allowed ssl. keys pass', () => {
    const { chart, cluster, tls, user } = base();
    new KafkaConnect(chart, 'a', { cluster, listener: tls, user, config: { 'group.id': 'x', 'sasl.mechanism': 'PLAIN', 'ssl.protocol': 'TLSv1.3' } }).grantAccess();
    expect(errorsOf(chart)).toEqual(['[test/a] KAF-CON-004 KafkaConnect "a": worker config sets "group.id", "sasl.mechanism", which Strimzi sets itself (the operator rejects them); remove them: use groupId and the storage-topic props, and the cluster, listener and user for bootstrap, TLS and authentication']);
  });

  test('KAF-CON-007: connectors on a Connect that does not use connector resources', () => {
    const { chart, cluster, tls, user } = base();
    const topic = cluster.addTopic('t');
    const connect = new KafkaConnect(chart, 'a', { cluster, listener: tls, user, useConnectorResources: false });
    connect.addConnector('s', { className: 'X', type: ConnectorType.SOURCE, topics: [topic] });
    connect.grantAccess();
    expect(errorsOf(chart)).toEqual(['[test/a] KAF-CON-007 KafkaConnect "a": has 1 KafkaConnector(s), but useConnectorResources is false, so the operator ignores them; set useConnectorResources to true (the default), or manage connectors through the REST API']);
  });

  test('KAF-CON-011 to 018: build rules', () => {
    const { chart, cluster, tls, user } = base();
    new KafkaConnect(chart, 'a', {
      cluster,
      listener: tls,
      user,
      image: 'r/x:1',
      build: {
        output: ConnectBuildOutput.docker('r/x:1', { additionalPushOptions: ['--sign-by=me'] }),
        plugins: [
          { name: 'Bad', artifacts: [PluginArtifact.jar('file:///a.jar', { sha512sum: 'abc' })] },
          { name: 'dup', artifacts: [] },
          { name: 'dup', artifacts: [PluginArtifact.maven({ group: '', artifact: 'a', version: '1' })] },
        ],
      },
    }).grantAccess();
    expect(errorsOf(chart)).toEqual([
      '[test/a] KAF-CON-012 KafkaConnect "a" plugin "Bad": name "Bad" does not match ^[a-z0-9][-_a-z0-9]*[a-z0-9]$ (it names a directory under /opt/kafka/plugins); use lower-case letters, digits, - and _, starting and ending with a letter or digit',
      '[test/a] KAF-CON-014 KafkaConnect "a" plugin "Bad" artifact 1 (jar): URL "file:///a.jar" is not an http, https or ftp URL the operator accepts; use e.g. https://example.com/plugin.jar (no spaces, not ending in punctuation)',
      '[test/a] KAF-CON-015 KafkaConnect "a" plugin "Bad" artifact 1 (jar): sha512sum "abc" (3 characters) is not a SHA-512 checksum (128 hexadecimal digits); use the output of sha512sum <file>',
      '[test/a] KAF-CON-011 KafkaConnect "a" plugin "dup": has no artifacts (the operator requires at least one); add an artifact, or remove the plugin',
      '[test/a] KAF-CON-013 KafkaConnect "a" plugin "dup": is defined twice (plugin names are unique in a build); rename or merge the plugins',
      '[test/a] KAF-CON-016 KafkaConnect "a" plugin "dup" artifact 1 (maven): Maven group is empty; give the full coordinates group:artifact:version',
      '[test/a] KAF-CON-017 KafkaConnect "a": image "r/x:1" is the same as build.output.image (the operator refuses this); remove image: the built image is used',
      '[test/a] KAF-CON-018 KafkaConnect "a": build push options "--sign-by=me" are not among the ones Strimzi allows (--authfile, --cert-dir, --creds, --quiet, --retry, --retry-delay, --tls-verify); remove them',
    ]);
  });

  test('KAF-CON-011: a build without plugins', () => {
    const { chart, cluster, tls, user } = base();
    new KafkaConnect(chart, 'a', { cluster, listener: tls, user, build: { output: ConnectBuildOutput.docker('r/x:1'), plugins: [] } }).grantAccess();
    expect(errorsOf(chart)).toEqual(['[test/a] KAF-CON-011 KafkaConnect "a": build has no plugins (the operator requires at least one); add a plugin, or remove build']);
  });

  test('KAF-CON-020/022: replicas, and a listener that needs a user', () => {
    const { chart, cluster, tls } = base();
    new KafkaConnect(chart, 'a', { cluster, listener: tls, replicas: -1 });
    expect(errorsOf(chart)).toEqual([
      '[test/a] KAF-CON-020 KafkaConnect "a": replicas -1 is not a whole number of 0 or more; use e.g. replicas: 3',
      '[test/a] KAF-CON-022 KafkaConnect "a": listener "tls" of cluster "my-cluster" requires scram-sha-512 authentication, but no user is given, so the workers cannot connect; pass a KafkaUser of the cluster as user',
    ]);
  });

  test('KAF-CON-029: a negative maxUnavailable; build pod settings land in template.buildPod', () => {
    const { chart, cluster, tls, user } = base();
    new KafkaConnect(chart, 'a', { cluster, listener: tls, user, maxUnavailable: -1 }).grantAccess();
    expect(errorsOf(chart)).toEqual(['[test/a] KAF-CON-029 KafkaConnect "a": maxUnavailable -1 is not a whole number of 0 or more; use e.g. maxUnavailable: 1']);
    const ok = base();
    new KafkaConnect(ok.chart, 'b', {
      cluster: ok.cluster,
      listener: ok.tls,
      user: ok.user,
      build: { output: ConnectBuildOutput.docker('r/x:1'), plugins: [{ name: 'p1', artifacts: [PluginArtifact.jar('https://e.com/a.jar', { sha512sum: SHA })] }], podTemplate: { labels: { build: 'yes' } } },
    }).grantAccess();
    expect(docOf(synth(ok.chart), 'KafkaConnect', 'b').spec.template).toEqual({ buildPod: { metadata: { labels: { build: 'yes' } } } });
  });

  test('KAF-CON-028: grantAccess() without a user; with a user it is valid', () => {
    const chart = newChart();
    const cluster = KafkaCluster.fromClusterAttributes(chart, 'x', { clusterName: 'x', namespace: 'default', listeners: [Listener.internal({ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() })] });
    const connect = new KafkaConnect(chart, 'a', { cluster, listener: cluster.findListener('plain')! });
    expect(connect.grantAccess()).toEqual([]);
    expect(validationErrors(chart)).toEqual(['[test/a] KAF-CON-028 KafkaConnect "a": grantAccess() was called, but the Connect cluster has no user to grant to; pass user (a KafkaUser of the cluster) in the props, or drop the grantAccess() call']);
  });

  test('KAF-CON-021: a Kafka version the target does not run; a listed one is valid', () => {
    const { chart, cluster, tls, user } = base();
    new KafkaConnect(chart, 'a', { cluster, listener: tls, user, version: KafkaVersion.of('3.9.0') }).grantAccess();
    expect(errorsOf(chart)).toEqual(['[test/a] KAF-CON-021 KafkaConnect "a": Kafka version 3.9.0 is not one Strimzi 1.2.0 runs (4.2.0, 4.2.1, 4.3.0, 4.3.1); pick one of those versions']);
    const ok = base();
    new KafkaConnect(ok.chart, 'a', { cluster: ok.cluster, listener: ok.tls, user: ok.user, version: KafkaVersion.V4_2_0 }).grantAccess();
    expect(docOf(synth(ok.chart), 'KafkaConnect', 'a').spec.version).toBe('4.2.0');
  });

  test('Secrets in another namespace than the Connect are a warning naming them', () => {
    const { chart, cluster, tls, user } = base();
    new KafkaConnect(chart, 'a', { cluster, listener: tls, user, namespace: 'apps' }).grantAccess();
    synth(chart);
    expect(warningsOf(chart)).toEqual(['[test/a] KAF-CON-027 KafkaConnect "a": Strimzi reads Secret "my-cluster-cluster-ca-cert" (in namespace "default") and Secret "connect" (in namespace "default") from namespace "apps"; copy them there (e.g. with SecretCopy or your secret replicator), or the pods do not start']);
  });
});
