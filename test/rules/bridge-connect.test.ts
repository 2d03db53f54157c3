/*
 * Failing and edge-valid cases of the bridge, Connect, connector and MirrorMaker 2 rules.
 */
import { ApiObject, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  AclResource, BridgeHttpMethod, BridgeSidecarBinding, ConnectBuild, ConnectBuildOutput, ConnectorType, KafkaAuthorization, KafkaBridge,
  IKafkaCluster, KafkaBridgeProps, KafkaCluster, KafkaConnect, KafkaConnectorOptions, KafkaMirrorMaker2, KafkaUser, KafkaUserAuthenticationType,
  KafkaVersion, Listener, ListenerAuthentication, MetricsConfig, MirrorOptions, NodeRole, PluginArtifact, Topic,
} from '../../src';
import { clusterFixture } from '../bridge/fixtures';
import { clusterWithScram, mirrorMakerSetup } from '../connect/fixtures';
import { ruleCase } from '../rule-cases';
import { newChart } from '../util';

const SHA = 'a'.repeat(128);
const GET = [BridgeHttpMethod.GET];

// ---- bridge ----

/** A KafkaBridge on the plain listener of the bridge fixture, with extra props. */
function bridge(props: Partial<KafkaBridgeProps> = {}): Chart {
  const f = clusterFixture();
  new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: f.plain, ...props });
  return f.chart;
}

/** HTTP options with CORS for these origins (GET only). */
const cors = (...allowedOrigins: string[]) => ({ cors: { allowedOrigins, allowedMethods: GET } });

/** A KafkaBridge whose SCRAM user gets what `grant` gives it. */
function bridgeWithUser(grant: (b: KafkaBridge) => void, props: Partial<KafkaBridgeProps> = {}): Chart {
  const f = clusterFixture();
  const b = new KafkaBridge(f.chart, 'bridge', { cluster: f.cluster, listener: f.scram, user: f.scramUser, ...props });
  grant(b);
  return f.chart;
}

/** A bridge sidecar of a Deployment in the fixture's namespace, with Prometheus metrics. */
function sidecarWithMetrics(binding?: BridgeSidecarBinding): Chart {
  const f = clusterFixture();
  const d = new kplus.Deployment(f.chart, 'app', {
    metadata: { name: 'app' },
    containers: [{ name: 'app', image: 'registry.example.com/app:1', portNumber: 3000 }],
  });
  KafkaBridge.addSidecar(ApiObject.of(d), {
    cluster: f.cluster, listener: f.tls, user: f.tlsUser, metrics: MetricsConfig.strimziMetricsReporter(), binding,
  });
  return f.chart;
}

ruleCase('KAF-BRG-008', 'each CORS origin compiles as a Java regular expression', {
  failing: () => bridge({ http: cors('https://(app\\.example\\.com') }),
  // \Q...\E quoting is Java syntax that a JavaScript regular expression would reject
  edgeValid: () => bridge({ http: cors('\\Qhttps://app.example.com\\E') }),
  message: 'https://(app\\.example\\.com',
});

ruleCase('KAF-BRG-030', 'more than one replica with HTTP consumers is warned about', {
  failing: () => bridge({ replicas: 2 }),
  edgeValid: () => bridge({ replicas: 1 }),
  message: '2 replicas with HTTP consumers',
});

ruleCase('KAF-BRG-031', 'a CORS origin that matches any origin is warned about', {
  failing: () => bridge({ http: cors('https?://.*') }),
  // every subdomain of one site is not any origin
  edgeValid: () => bridge({ http: cors('https://.*\\.example\\.com') }),
  message: 'https?://.*',
});

ruleCase('KAF-BRG-031', 'any HTTPS origin counts as any origin', {
  failing: () => bridge({ http: cors('https://.*') }),
  // the subdomains of one site admit one of the HTTPS probes only
  edgeValid: () => bridge({ http: cors('https://.*\\.example\\.net') }),
  message: 'https://.*',
});

ruleCase('KAF-BRG-032', 'a bridge user without any topic ACL is warned about', {
  failing: () => bridgeWithUser(() => undefined),
  edgeValid: () => bridgeWithUser((b) => b.grantProduce(AclResource.topic('orders')), { consumer: { enabled: false } }),
  message: 'user "scram-user" has no ACL on any topic',
});

ruleCase('KAF-BRG-033', 'a bridge user that may read topics but join no consumer group is warned about', {
  failing: () => bridgeWithUser((b) => b.user!.grantReadTopics(AclResource.topic('orders'))),
  edgeValid: () => bridgeWithUser((b) => b.grantConsume(AclResource.topic('orders'), { consumerGroupPrefix: 'orders-' })),
  message: 'may read topics but no consumer group',
});

ruleCase('KAF-BRG-036', 'sidecar metrics on the loopback interface cannot be scraped', {
  failing: () => sidecarWithMetrics(),
  edgeValid: () => sidecarWithMetrics(BridgeSidecarBinding.ALL_INTERFACES),
  message: 'loopback interface only',
});

ruleCase('KAF-BRG-038', 'a KafkaBridge lists one CORS origin pattern', {
  failing: () => bridge({ http: cors('https://app\\.example\\.com', 'https://admin\\.example\\.com') }),
  edgeValid: () => bridge({ http: cors('https://(app|admin)\\.example\\.com') }),
  message: 'CORS lists 2 origins',
});

// ---- KafkaConnect ----

/** A KafkaConnect on the SCRAM fixture with its user granted, plus extra props. */
function connect(props: Partial<ConstructorParameters<typeof KafkaConnect>[2]> = {}): Chart {
  const f = clusterWithScram();
  const user = f.cluster.addUser('connect');
  new KafkaConnect(f.chart, 'connect', { cluster: f.cluster, listener: f.tls, user, ...props }).grantAccess();
  return f.chart;
}

/** A KafkaConnect that builds its image with these plugins (and output options). */
function build(plugins: ConnectBuild['plugins'], output = ConnectBuildOutput.docker('registry.example.com/connect:1')): Chart {
  return connect({ imageBuild: { output, plugins } });
}

const jar = (url = 'https://example.com/plugin.jar') => PluginArtifact.jar(url, { sha512sum: SHA });

ruleCase('KAF-CON-012', 'a build plugin name matches the schema pattern (two characters at least)', {
  failing: () => build([{ name: 'p', artifacts: [jar()] }]),
  edgeValid: () => build([{ name: 'p1', artifacts: [jar()] }]),
  message: 'name "p" does not match',
});

ruleCase('KAF-CON-013', 'build plugin names are unique', {
  failing: () => build([{ name: 'my-plugin', artifacts: [jar()] }, { name: 'my-plugin', artifacts: [jar()] }]),
  // - and _ name different directories
  edgeValid: () => build([{ name: 'my-plugin', artifacts: [jar()] }, { name: 'my_plugin', artifacts: [jar()] }]),
  message: 'is defined twice',
});

ruleCase('KAF-CON-014', 'an artifact URL matches the schema pattern (it may not end in punctuation)', {
  failing: () => build([{ name: 'p1', artifacts: [jar('https://example.com/plugin.jar.')] }]),
  edgeValid: () => build([{ name: 'p1', artifacts: [jar('ftp://example.com/plugin.jar')] }]),
  message: 'URL "https://example.com/plugin.jar."',
});

ruleCase('KAF-CON-015', 'a sha512sum is 128 hexadecimal digits', {
  failing: () => build([{ name: 'p1', artifacts: [PluginArtifact.jar('https://example.com/plugin.jar', { sha512sum: 'A'.repeat(127) })] }]),
  edgeValid: () => build([{ name: 'p1', artifacts: [PluginArtifact.jar('https://example.com/plugin.jar', { sha512sum: 'A'.repeat(128) })] }]),
  message: '(127 characters)',
});

ruleCase('KAF-CON-016', 'Maven coordinates are not empty', {
  failing: () => build([{ name: 'p1', artifacts: [PluginArtifact.maven({ group: 'org.example', artifact: 'plugin', version: ' ' })] }]),
  edgeValid: () => build([{ name: 'p1', artifacts: [PluginArtifact.maven({ group: 'org.example', artifact: 'plugin', version: '1' })] }]),
  message: 'Maven version is empty',
});

ruleCase('KAF-CON-017', 'image is not the build output image', {
  failing: () => connect({ image: 'registry.example.com/connect:1', imageBuild: { output: ConnectBuildOutput.docker('registry.example.com/connect:1'), plugins: [{ name: 'p1', artifacts: [jar()] }] } }),
  edgeValid: () => connect({ image: 'registry.example.com/connect:2', imageBuild: { output: ConnectBuildOutput.docker('registry.example.com/connect:1'), plugins: [{ name: 'p1', artifacts: [jar()] }] } }),
  message: 'image "registry.example.com/connect:1"',
});

ruleCase('KAF-CON-018', 'build push options are among the ones Strimzi allows', {
  failing: () => build([{ name: 'p1', artifacts: [jar()] }], ConnectBuildOutput.docker('registry.example.com/connect:1', { additionalPushOptions: ['--retry=3', '--sign-by=me'] })),
  edgeValid: () => build([{ name: 'p1', artifacts: [jar()] }], ConnectBuildOutput.docker('registry.example.com/connect:1', { additionalPushOptions: ['--retry=3', '--retry-delay=5s', '--tls-verify=false'] })),
  message: '"--sign-by=me"',
});

ruleCase('KAF-CON-022', 'a listener that authenticates needs a user', {
  failing: () => {
    const f = clusterWithScram();
    new KafkaConnect(f.chart, 'connect', { cluster: f.cluster, listener: f.tls });
    return f.chart;
  },
  // without authentication on the listener, no user is needed
  edgeValid: () => {
    const chart = newChart();
    const plain = Listener.internal({ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() });
    const cluster = new KafkaCluster(chart, 'my-cluster', { listeners: [plain] });
    cluster.addNodePool('dual', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
    new KafkaConnect(chart, 'connect', { cluster, listener: plain });
    return chart;
  },
  message: 'but no user is given',
});

ruleCase('KAF-CON-026', 'a downloaded artifact without sha512sum is warned about', {
  failing: () => build([{ name: 'p1', artifacts: [PluginArtifact.jar('https://example.com/plugin.jar')] }]),
  // Maven artifacts take no sha512sum
  edgeValid: () => build([{ name: 'p1', artifacts: [PluginArtifact.maven({ group: 'org.example', artifact: 'plugin', version: '1' })] }]),
  message: 'no sha512sum',
});

ruleCase('KAF-CON-027', 'Secrets outside the KafkaConnect namespace are warned about', {
  failing: () => connect({ namespace: 'apps' }),
  // a plain listener without a user: the workers read no Secret
  edgeValid: () => {
    const chart = newChart();
    const plain = Listener.internal({ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() });
    const cluster = new KafkaCluster(chart, 'my-cluster', { listeners: [plain] });
    cluster.addNodePool('dual', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
    new KafkaConnect(chart, 'connect', { cluster, listener: plain, namespace: 'apps' });
    return chart;
  },
  message: 'from namespace "apps"',
});

// ---- KafkaConnector ----

/** A connector of a granted KafkaConnect on the SCRAM fixture; `topics` makes topics of its cluster. */
function connector(options: Partial<KafkaConnectorOptions> = {}): Chart {
  const f = clusterWithScram();
  const user = f.cluster.addUser('connect');
  const c = new KafkaConnect(f.chart, 'connect', { cluster: f.cluster, listener: f.tls, user });
  c.addConnector('sink', { className: 'org.example.Sink', type: ConnectorType.SINK, topicNames: ['orders'], ...options });
  c.grantAccess();
  return f.chart;
}

/** A source connector that writes a topic of the cluster `other` makes in the chart. */
function connectorWithTopicOf(other: (chart: Chart) => IKafkaCluster): Chart {
  const f = clusterWithScram();
  const user = f.cluster.addUser('connect');
  const c = new KafkaConnect(f.chart, 'connect', { cluster: f.cluster, listener: f.tls, user });
  const topic = new Topic(f.chart, 'orders', { cluster: other(f.chart) });
  c.addConnector('source', { className: 'org.example.Source', type: ConnectorType.SOURCE, topics: [topic] });
  c.grantAccess();
  return f.chart;
}

ruleCase('KAF-CON-006', 'connector tasksMax is a whole number of 1 or more', {
  failing: () => connector({ tasksMax: 0 }),
  edgeValid: () => connector({ tasksMax: 1 }),
  message: 'tasksMax 0',
});

ruleCase('KAF-CON-009', 'connector config sets no key the operator sets', {
  failing: () => connector({ config: { 'tasks.max': 2 } }),
  // the operator owns the exact keys only: tasks.max.enforce is Kafka Connect's own connector setting
  edgeValid: () => connector({ config: { 'tasks.max.enforce': false } }),
  message: '"tasks.max"',
});

ruleCase('KAF-CON-023', 'a sink declares the topics it reads', {
  failing: () => connector({ topicNames: [] }),
  edgeValid: () => connector({ topicNames: [], config: { 'topics.regex': 'orders-.*' } }),
  message: 'is a sink without topics',
});

ruleCase('KAF-CON-024', 'connector topics belong to the Connect cluster\'s Kafka cluster', {
  failing: () => connectorWithTopicOf((chart) => clusterWithScram(chart, 'other').cluster),
  // the same cluster imported by its name and namespace
  edgeValid: () => connectorWithTopicOf((chart) => KafkaCluster.fromClusterAttributes(chart, 'imported', { clusterName: 'my-cluster', namespace: 'default' })),
  message: 'belongs to cluster "other"',
});

ruleCase('KAF-CON-024', 'a cluster of the same name in another namespace is another cluster', {
  failing: () => connectorWithTopicOf((chart) => KafkaCluster.fromClusterAttributes(chart, 'imported', { clusterName: 'my-cluster', namespace: 'eu' })),
  edgeValid: () => connectorWithTopicOf((chart) => KafkaCluster.fromClusterAttributes(chart, 'imported', { clusterName: 'my-cluster', namespace: 'default' })),
  message: 'topic "orders" belongs to cluster "my-cluster" in namespace "eu"',
});

ruleCase('KAF-CON-025', 'autoRestart.maxRestarts is a whole number of 0 or more', {
  failing: () => connector({ autoRestart: { maxRestarts: -1 } }),
  edgeValid: () => connector({ autoRestart: { maxRestarts: 0 } }),
  message: 'maxRestarts -1',
});

// ---- KafkaMirrorMaker2 ----


type Mm2Props = ConstructorParameters<typeof KafkaMirrorMaker2>[2];

/** A granted MirrorMaker 2 from `eu` to `target`; `mirror` and `props` change the defaults. */
function mm2(mirror: Partial<MirrorOptions> = {}, props: Partial<Mm2Props> = {}, chart?: Chart): Chart {
  const s = mirrorMakerSetup(chart);
  new KafkaMirrorMaker2(s.chart, 'mm2', { target: s.target, mirrors: [{ source: s.sourceSide, topicsPattern: 'orders', ...mirror }], ...props })
    .grantAccess({ ownerGrants: true });
  return s.chart;
}

/** A MirrorMaker 2 whose mirrors come from `eu` under these aliases. */
function mm2WithAliases(...aliases: string[]): Chart {
  const s = mirrorMakerSetup();
  new KafkaMirrorMaker2(s.chart, 'mm2', { target: s.target, mirrors: aliases.map((alias) => ({ source: { ...s.sourceSide, alias }, topicsPattern: 'orders' })) })
    .grantAccess({ ownerGrants: true });
  return s.chart;
}

ruleCase('KAF-MM2-003', 'a source alias differs from the target alias', {
  failing: () => mm2WithAliases('target'),
  edgeValid: () => mm2WithAliases('target-eu'),
  message: 'the source alias equals the target alias "target"',
});

ruleCase('KAF-MM2-003', 'two mirrors do not share a source alias', {
  failing: () => mm2WithAliases('eu', 'eu'),
  edgeValid: () => mm2WithAliases('eu', 'eu-2'),
  message: 'a second mirror uses source alias "eu"',
});

ruleCase('KAF-MM2-004', 'an alias matches the schema pattern (at most 100 characters)', {
  failing: () => mm2WithAliases('e'.repeat(101)),
  edgeValid: () => mm2WithAliases('e'.repeat(100)),
  message: 'does not match ^[a-zA-Z0-9._-]{1,100}$',
});

ruleCase('KAF-MM2-007', 'MirrorMaker 2 connector config sets no key the operator sets', {
  failing: () => mm2({ checkpointConnector: { config: { 'connector.class': 'X' } } }),
  edgeValid: () => mm2({ checkpointConnector: { config: { 'tasks.max.enforce': false } } }),
  message: 'checkpointConnector config sets "connector.class"',
});

ruleCase('KAF-MM2-008', 'MirrorMaker 2 connector tasksMax is a whole number of 1 or more', {
  failing: () => mm2({ sourceConnector: { tasksMax: 0 } }),
  edgeValid: () => mm2({ sourceConnector: { tasksMax: 1 } }),
  message: 'sourceConnector tasksMax 0',
});

ruleCase('KAF-MM2-012', 'sync.topic.acls.enabled is not true while the User Operator manages ACLs', {
  failing: () => mm2({ sourceConnector: { config: { 'sync.topic.acls.enabled': true } } }),
  // a target without the User Operator: nothing removes the copied ACLs
  edgeValid: () => {
    const chart = newChart();
    const cluster = new KafkaCluster(chart, 'target', {
      authorization: KafkaAuthorization.simple(),
      entityOperator: { userOperator: false },
      listeners: [Listener.internal({ name: 'tls', port: 9093, authentication: ListenerAuthentication.scramSha512() })],
    });
    cluster.addNodePool('dual', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
    const user = KafkaUser.fromUserName(chart, 'mm2-user', { cluster, userName: 'mm2', authenticationType: KafkaUserAuthenticationType.SCRAM_SHA_512 });
    const source = KafkaCluster.fromClusterAttributes(chart, 'source', {
      clusterName: 'eu', namespace: 'default', listeners: [Listener.internal({ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() })],
    });
    new KafkaMirrorMaker2(chart, 'mm2', {
      target: { cluster, listener: cluster.findListener('tls')!, user },
      mirrors: [{ source: { cluster: source, listener: source.findListener('plain')! }, topicsPattern: 'orders', sourceConnector: { config: { 'sync.topic.acls.enabled': true } } }],
    });
    return chart;
  },
  message: 'sets sync.topic.acls.enabled to true',
});

ruleCase('KAF-MM2-012', 'Kafka reads sync.topic.acls.enabled trimmed and case-insensitively', {
  failing: () => mm2({ sourceConnector: { config: { 'sync.topic.acls.enabled': ' TRUE' } } }),
  edgeValid: () => mm2({ sourceConnector: { config: { 'sync.topic.acls.enabled': 'False' } } }),
});

ruleCase('KAF-MM2-020', 'MirrorMaker 2 replicas is a whole number of 0 or more', {
  failing: () => mm2({}, { replicas: -1 }),
  edgeValid: () => mm2({}, { replicas: 0 }),
  message: 'replicas -1',
});

ruleCase('KAF-MM2-021', 'MirrorMaker 2 runs a Kafka version of the target', {
  failing: () => mm2({}, { version: KafkaVersion.of('4.1.1') }),
  edgeValid: () => mm2({}, { version: KafkaVersion.V4_2_0 }),
  message: 'Kafka version 4.1.1',
});

ruleCase('KAF-MM2-022', 'a source listener that authenticates needs a user', {
  failing: () => {
    const s = mirrorMakerSetup();
    new KafkaMirrorMaker2(s.chart, 'mm2', { target: s.target, mirrors: [{ source: { cluster: s.sourceSide.cluster, listener: s.sourceSide.listener }, topicsPattern: 'orders' }] });
    return s.chart;
  },
  edgeValid: () => {
    const s = mirrorMakerSetup();
    const plain = Listener.internal({ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() });
    const source = KafkaCluster.fromClusterAttributes(s.chart, 'open', { clusterName: 'us', namespace: 'default', listeners: [plain] });
    new KafkaMirrorMaker2(s.chart, 'mm2', { target: s.target, mirrors: [{ source: { cluster: source, listener: plain }, topicsPattern: 'orders' }] });
    return s.chart;
  },
  message: 'mirror from "eu": listener "tls" of cluster "eu" requires scram-sha-512 authentication, but no user is given',
});
