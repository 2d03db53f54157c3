import { clusterWithScram } from './fixtures';
import {
  AclOperation, AclResource, ConnectorState, ConnectorType, KafkaConnect, KafkaConnector, KafkaUser,
  KafkaUserAuthenticationType, Topic,
} from '../../src';
import { docOf, docsOf, synth, validationErrors, warningsOf } from '../util';

/** ACL rules as plain objects, for field-by-field comparison. */
function plain(rules: any[]) {
  return rules.map((r) => ({ type: r.resource.type, name: r.resource.name, pattern: r.resource.patternType, operations: [...r.operations] }));
}

function setup(options: { exactlyOnce?: boolean } = {}) {
  const f = clusterWithScram();
  const user = f.cluster.addUser('connect');
  const connect = new KafkaConnect(f.chart, 'my-connect', { cluster: f.cluster, listener: f.tls, user, exactlyOnceSourceSupport: options.exactlyOnce });
  const orders = f.cluster.addTopic('orders', { partitions: 3 });
  return { ...f, user, connect, orders };
}

describe('KafkaConnector', () => {
  test('renders class, tasksMax, config, state and auto-restart, bound by the Connect name', () => {
    const { chart, connect, orders } = setup();
    const k = connect.addConnector('file-sink', {
      className: 'org.apache.kafka.connect.file.FileStreamSinkConnector',
      type: ConnectorType.SINK,
      topics: [orders],
      tasksMax: 2,
      config: { file: '/tmp/out' },
      state: ConnectorState.PAUSED,
      autoRestart: { maxRestarts: 10 },
      version: '[4.0,5.0)',
    });
    connect.grantAccess();
    const doc = docOf(synth(chart), 'KafkaConnector', 'file-sink');
    expect(doc.metadata).toEqual({ name: 'file-sink', namespace: 'default', labels: { 'strimzi.io/cluster': 'my-connect' } });
    expect(doc.spec).toEqual({
      class: 'org.apache.kafka.connect.file.FileStreamSinkConnector',
      tasksMax: 2,
      version: '[4.0,5.0)',
      config: { file: '/tmp/out', topics: 'orders' },
      state: 'paused',
      autoRestart: { enabled: true, maxRestarts: 10 },
    });
    expect(k.consumerGroup).toBe('connect-file-sink');
    expect(KafkaConnector.isKafkaConnector(k)).toBe(true);
  });

  test('grantAccess: the worker and a source and a sink connector get exactly their ACLs, field by field', () => {
    const { chart, cluster, connect, orders, user } = setup();
    const audit = cluster.addTopic('audit');
    connect.addConnector('src', { className: 'S', type: ConnectorType.SOURCE, topics: [orders], topicPrefixes: ['cdc.'] });
    const granted = connect.grantAccess();
    // a connector added after the grant is covered too
    connect.addConnector('sink', { className: 'K', type: ConnectorType.SINK, topics: [audit], config: { 'consumer.override.group.id': 'audit-sink' } });
    const storage = ['Create', 'Describe', 'Read', 'Write'];
    expect(plain(granted)).toEqual([
      { type: 'group', name: 'my-connect', pattern: 'literal', operations: ['Read'] },
      { type: 'topic', name: 'my-connect-configs', pattern: 'literal', operations: storage },
      { type: 'topic', name: 'my-connect-offsets', pattern: 'literal', operations: storage },
      { type: 'topic', name: 'my-connect-status', pattern: 'literal', operations: storage },
      { type: 'topic', name: 'orders', pattern: 'literal', operations: ['Create', 'Describe', 'Write'] },
      { type: 'topic', name: 'cdc.', pattern: 'prefix', operations: ['Create', 'Describe', 'Write'] },
    ]);
    expect(plain(user.acls.slice(granted.length))).toEqual([
      { type: 'topic', name: 'audit', pattern: 'literal', operations: ['Describe', 'Read'] },
      { type: 'group', name: 'audit-sink', pattern: 'literal', operations: ['Read'] },
    ]);
    const docs = synth(chart);
    expect(docOf(docs, 'KafkaUser', 'connect').spec.authorization.acls).toEqual([
      { resource: { type: 'topic', name: 'audit' }, operations: ['Read', 'Describe'] },
      { resource: { type: 'topic', name: 'my-connect-configs' }, operations: ['Read', 'Write', 'Create', 'Describe'] },
      { resource: { type: 'topic', name: 'my-connect-offsets' }, operations: ['Read', 'Write', 'Create', 'Describe'] },
      { resource: { type: 'topic', name: 'my-connect-status' }, operations: ['Read', 'Write', 'Create', 'Describe'] },
      { resource: { type: 'topic', name: 'orders' }, operations: ['Write', 'Create', 'Describe'] },
      { resource: { type: 'topic', name: 'cdc.', patternType: 'prefix' }, operations: ['Write', 'Create', 'Describe'] },
      { resource: { type: 'group', name: 'audit-sink' }, operations: ['Read'] },
      { resource: { type: 'group', name: 'my-connect' }, operations: ['Read'] },
    ]);
    expect(docsOf(docs, 'KafkaConnector')).toHaveLength(2);
  });

  test('exactly-once source support (KIP-618): worker transactional ID and one transactional ID per source task', () => {
    const { chart, connect, orders } = setup({ exactlyOnce: true });
    const src = connect.addConnector('src', { className: 'S', type: ConnectorType.SOURCE, topics: [orders], tasksMax: 2, config: { 'offsets.storage.topic': 'src-offsets' } });
    connect.grantAccess();
    const worker = plain(connect.workerAclRules());
    expect(worker[4]).toEqual({ type: 'transactionalId', name: 'connect-cluster-my-connect', pattern: 'literal', operations: ['Write', 'Describe'] });
    expect(worker).toHaveLength(5); // no IdempotentWrite: Kafka 2.8 and later do not check it
    expect(plain(src.aclRules())).toEqual([
      { type: 'topic', name: 'orders', pattern: 'literal', operations: ['Create', 'Describe', 'Write'] },
      { type: 'transactionalId', name: 'my-connect-src-0', pattern: 'literal', operations: ['Write', 'Describe'] },
      { type: 'transactionalId', name: 'my-connect-src-1', pattern: 'literal', operations: ['Write', 'Describe'] },
      { type: 'topic', name: 'src-offsets', pattern: 'literal', operations: ['Create', 'Describe', 'Read', 'Write'] },
    ]);
    expect(docOf(synth(chart), 'KafkaConnect', 'my-connect').spec.config['exactly.once.source.support']).toBe('enabled');
  });

  test('an imported Connect user: the ACLs are reported for its owner (warning with ownerGrants)', () => {
    const f = clusterWithScram();
    const user = KafkaUser.fromUserName(f.chart, 'u', { cluster: f.cluster, userName: 'team-connect', authenticationType: KafkaUserAuthenticationType.SCRAM_SHA_512 });
    const connect = new KafkaConnect(f.chart, 'c', { cluster: f.cluster, listener: f.tls, user });
    connect.grantAccess({ ownerGrants: true });
    synth(f.chart);
    expect(warningsOf(f.chart)).toEqual([
      '[test/u] KAF-USR-024 user "team-connect" is managed elsewhere: its owner must grant 4 ACL rule(s): allow Read on group "c" from * and allow Create, Describe, Read, Write on topic "c-configs" from * and allow Create, Describe, Read, Write on topic "c-offsets" from * and allow Create, Describe, Read, Write on topic "c-status" from * in KafkaUser "team-connect" (namespace "default"); this app relies on them',
    ]);
  });
});

describe('KafkaConnector rules', () => {
  test('KAF-CON-005/006/009: no class, tasksMax 0, forbidden config keys; a valid connector beside them passes', () => {
    const { chart, connect, orders } = setup();
    connect.addConnector('bad', { className: '', type: ConnectorType.SOURCE, topics: [orders], tasksMax: 0, config: { 'tasks.max': 3, 'name': 'x' } });
    connect.addConnector('good', { className: 'S', type: ConnectorType.SOURCE, topics: [orders], tasksMax: 1 });
    connect.grantAccess();
    expect(validationErrors(chart)).toEqual([
      '[test/my-connect/bad] KAF-CON-005 KafkaConnector "bad": has no connector class (className is empty), so Kafka Connect cannot create it; set className to the connector\'s class, e.g. org.apache.kafka.connect.file.FileStreamSourceConnector',
      '[test/my-connect/bad] KAF-CON-006 KafkaConnector "bad": tasksMax 0 is not a whole number of 1 or more; use tasksMax: 1 or more',
      '[test/my-connect/bad] KAF-CON-009 KafkaConnector "bad": config sets "name", "tasks.max", which the operator sets from the spec; use className, tasksMax, version and name instead',
    ]);
  });

  test('KAF-CON-008: a connector in another namespace than its Connect', () => {
    const { chart, connect } = setup();
    new KafkaConnector(chart, 'k', { connect, className: 'K', type: ConnectorType.SINK, topicNames: ['x'], namespace: 'other' });
    connect.grantAccess();
    expect(validationErrors(chart)).toEqual(['[test/k] KAF-CON-008 KafkaConnector "k": is in namespace "other", but KafkaConnect "my-connect" is in "default" (the operator only binds connectors of the Connect\'s namespace); put the connector in namespace "default"']);
  });

  test('KAF-CON-010: a connector whose user lacks its ACLs; granting them by hand is valid', () => {
    const { chart, connect, orders, user } = setup();
    connect.addConnector('sink', { className: 'K', type: ConnectorType.SINK, topics: [orders] });
    user.addAcl({ resource: connect.workerAclRules()[0].resource, operations: [AclOperation.READ] });
    for (const r of connect.workerAclRules().slice(1)) user.addAcl(r);
    expect(validationErrors(chart)).toEqual([
      '[test/my-connect/sink] KAF-CON-010 KafkaConnector "sink": user "connect" lacks Describe, Read on topic "orders" (connector "sink" reads it); call connect.grantAccess() (it also covers connectors added later), or grant the rule to the Connect user yourself',
      '[test/my-connect/sink] KAF-CON-010 KafkaConnector "sink": user "connect" lacks Read on group "connect-sink" (consumer group of connector "sink"); call connect.grantAccess() (it also covers connectors added later), or grant the rule to the Connect user yourself',
    ]);
    orders.grantRead(user, { consumerGroup: 'connect-sink' });
    expect(() => synth(chart)).not.toThrow();
  });

  test('KAF-CON-010: a prefix is only covered by a prefix (or wider) grant', () => {
    const { chart, connect, user } = setup();
    connect.addConnector('cdc', { className: 'S', type: ConnectorType.SOURCE, topicPrefixes: ['cdc.'] });
    for (const r of connect.workerAclRules()) user.addAcl(r);
    user.addAcl({ resource: AclResource.topic('cdc.'), operations: [AclOperation.ALL] });
    expect(validationErrors(chart)).toEqual(['[test/my-connect/cdc] KAF-CON-010 KafkaConnector "cdc": user "connect" lacks Create, Describe, Write on topic prefix "cdc." (connector "cdc" writes it); call connect.grantAccess() (it also covers connectors added later), or grant the rule to the Connect user yourself']);
    user.addAcl({ resource: AclResource.topicPrefix('cdc'), operations: [AclOperation.ALL] });
    expect(() => synth(chart)).not.toThrow();
  });

  test('KAF-CON-019/023/024/025: duplicate names, a sink without topics, topics of another cluster, negative maxRestarts', () => {
    const { chart, connect } = setup();
    const other = clusterWithScram(chart as any, 'other');
    const t = new Topic(chart, 'foreign', { cluster: other.cluster });
    connect.addConnector('a', { className: 'K', type: ConnectorType.SINK, name: 'same' });
    connect.addConnector('b', { className: 'S', type: ConnectorType.SOURCE, name: 'same', topics: [t], autoRestart: { maxRestarts: -1 } });
    connect.grantAccess();
    expect(validationErrors(chart).filter((e) => !e.includes('test/other'))).toEqual([
      '[test/my-connect] KAF-CON-019 KafkaConnect "my-connect": 2 connectors are named "same" (a connector name is unique per Connect cluster); give each connector its own name',
      '[test/my-connect/a] KAF-CON-023 KafkaConnector "same": is a sink without topics: neither topics nor topicNames are declared, nor topics or topics.regex in config (Kafka Connect refuses such a sink); declare the topics it reads with topics or topicNames',
      '[test/my-connect/b] KAF-APP-001 KafkaConnector "same" in namespace "default": is rendered twice, by test/my-connect/a/Resource and by test/my-connect/b/Resource; applying both keeps only one (the later silently replaces the other); give one of them another name or namespace',
      '[test/my-connect/b] KAF-CON-024 KafkaConnector "same": topic "foreign" belongs to cluster "other", but the Connect cluster uses "my-cluster"; declare topics of the Connect cluster\'s Kafka cluster',
      '[test/my-connect/b] KAF-CON-025 KafkaConnector "same": autoRestart.maxRestarts -1 is not a whole number of 0 or more; use e.g. maxRestarts: 10, or omit it for unlimited restarts',
    ]);
  });
});
