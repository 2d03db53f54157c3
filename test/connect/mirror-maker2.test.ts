import { clusterWithScram, mirrorMakerSetup as setup } from './fixtures';
import {
  ConnectorType, KafkaCluster, KafkaConnect, KafkaMirrorMaker2, KafkaVersion, KafkaUser,
  Listener, ReplicationPolicy,
} from '../../src';
import { javaRegexListProblems, javaRegexProblem } from '../../src/connect/java-regex';
import { docOf, synth, validationErrors, warningsOf } from '../util';

function plain(rules: any[]) {
  return rules.map((r) => ({ type: r.resource.type, name: r.resource.name, pattern: r.resource.patternType, operations: [...r.operations] }));
}


describe('KafkaMirrorMaker2', () => {
  test('renders target, mirror, connectors with the library defaults, TLS and SCRAM per cluster', () => {
    const { chart, target, sourceSide } = setup();
    const mm2 = new KafkaMirrorMaker2(chart, 'mm2', { target, mirrors: [{ source: sourceSide, topicsPattern: 'orders,payments', groupsPattern: 'app-.*' }] });
    mm2.grantAccess({ ownerGrants: true });
    const spec = docOf(synth(chart), 'KafkaMirrorMaker2', 'mm2').spec;
    expect(spec.target).toEqual({
      alias: 'target',
      bootstrapServers: 'target-kafka-bootstrap.default.svc:9093',
      tls: { trustedCertificates: [{ secretName: 'target-cluster-ca-cert', certificate: 'ca.crt' }] },
      authentication: { type: 'scram-sha-512', username: 'mm2', passwordSecret: { secretName: 'mm2', password: 'password' } },
      config: { 'config.storage.replication.factor': 3, 'offset.storage.replication.factor': 3, 'status.storage.replication.factor': 3 },
      groupId: 'mm2',
      configStorageTopic: 'mm2-configs',
      statusStorageTopic: 'mm2-status',
      offsetStorageTopic: 'mm2-offsets',
    });
    expect(spec.mirrors).toEqual([{
      source: {
        alias: 'eu',
        bootstrapServers: 'eu-kafka-bootstrap.default.svc:9093',
        tls: { trustedCertificates: [{ secretName: 'eu-cluster-ca-cert', certificate: 'ca.crt' }] },
        authentication: { type: 'scram-sha-512', username: 'mm2-reader', passwordSecret: { secretName: 'mm2-reader', password: 'password' } },
      },
      sourceConnector: { config: { 'replication.factor': 3, 'offset-syncs.topic.replication.factor': 3, 'offset-syncs.topic.location': 'target', 'sync.topic.acls.enabled': 'false' } },
      checkpointConnector: { config: { 'checkpoints.topic.replication.factor': 3, 'offset-syncs.topic.location': 'target' } },
      topicsPattern: 'orders,payments',
      groupsPattern: 'app-.*',
    }]);
    expect(spec.replicas).toBe(1);
    expect(KafkaMirrorMaker2.isKafkaMirrorMaker2(mm2)).toBe(true);
  });

  test('grants: each side gets exactly its ACLs, field by field (default replication policy, offset-syncs on the target)', () => {
    const { chart, target, sourceSide, targetUser } = setup();
    const mm2 = new KafkaMirrorMaker2(chart, 'mm2', { target, mirrors: [{ source: sourceSide, topicsPattern: 'orders,payments\\..*', groupsPattern: 'app-.*' }] });
    mm2.grantAccess({ ownerGrants: true });
    expect(plain(mm2.sourceAclRules('eu'))).toEqual([
      { type: 'topic', name: 'orders', pattern: 'literal', operations: ['DescribeConfigs', 'Read'] },
      { type: 'topic', name: 'payments.', pattern: 'prefix', operations: ['DescribeConfigs', 'Read'] },
      { type: 'cluster', name: undefined, pattern: 'literal', operations: ['Describe'] },
      { type: 'group', name: 'app-', pattern: 'prefix', operations: ['Describe'] },
    ]);
    const storage = ['Create', 'Describe', 'DescribeConfigs', 'Read', 'Write'];
    expect(plain(targetUser.acls)).toEqual([
      { type: 'group', name: 'mm2', pattern: 'literal', operations: ['Read'] },
      { type: 'topic', name: 'mm2-configs', pattern: 'literal', operations: storage },
      { type: 'topic', name: 'mm2-offsets', pattern: 'literal', operations: storage },
      { type: 'topic', name: 'mm2-status', pattern: 'literal', operations: storage },
      { type: 'cluster', name: undefined, pattern: 'literal', operations: ['Describe'] },
      { type: 'topic', name: 'eu.orders', pattern: 'literal', operations: ['Create', 'Alter', 'AlterConfigs', 'Write'] },
      { type: 'topic', name: 'eu.payments.', pattern: 'prefix', operations: ['Create', 'Alter', 'AlterConfigs', 'Write'] },
      { type: 'topic', name: 'eu.checkpoints.internal', pattern: 'literal', operations: ['Create', 'Describe', 'Read', 'Write'] },
      { type: 'group', name: 'app-', pattern: 'prefix', operations: ['Read', 'Describe'] },
      { type: 'topic', name: 'mm2-offset-syncs.target.internal', pattern: 'literal', operations: ['Create', 'DescribeConfigs', 'Read', 'Write'] },
    ]);
    synth(chart);
    expect(warningsOf(chart)).toEqual([
      '[test/source-user] KAF-USR-024 user "mm2-reader" is managed elsewhere: its owner must grant 4 ACL rule(s): allow DescribeConfigs, Read on topic "orders" from * and allow DescribeConfigs, Read on topic prefix "payments." from * and allow Describe on cluster from * and allow Describe on group prefix "app-" from * in KafkaUser "mm2-reader" (namespace "default"); this app relies on them',
    ]);
  });

  test('identity policy: remote topics keep their names; offset-syncs on the source move that ACL to the source user', () => {
    const { chart, target, sourceSide } = setup();
    const mm2 = new KafkaMirrorMaker2(chart, 'mm2', {
      target,
      replicationPolicy: ReplicationPolicy.IDENTITY,
      mirrors: [{ source: sourceSide, sourceConnector: { config: { 'offset-syncs.topic.location': 'source' } }, checkpointConnector: { enabled: false } }],
    });
    mm2.grantAccess({ ownerGrants: true });
    expect(plain(mm2.sourceAclRules('eu'))).toEqual([
      { type: 'topic', name: '*', pattern: 'literal', operations: ['DescribeConfigs', 'Read'] },
      { type: 'cluster', name: undefined, pattern: 'literal', operations: ['Describe'] },
      { type: 'topic', name: 'mm2-offset-syncs.target.internal', pattern: 'literal', operations: ['Create', 'DescribeConfigs', 'Read', 'Write'] },
    ]);
    expect(plain(mm2.targetAclRules().slice(5))).toEqual([
      { type: 'topic', name: '*', pattern: 'literal', operations: ['Create', 'Alter', 'AlterConfigs', 'Write'] },
    ]);
    const m = docOf(synth(chart), 'KafkaMirrorMaker2', 'mm2').spec.mirrors[0];
    expect(m.sourceConnector.config['replication.policy.class']).toBe('org.apache.kafka.connect.mirror.IdentityReplicationPolicy');
    expect(m.checkpointConnector).toBeUndefined();
  });
});

describe('KafkaMirrorMaker2 rules', () => {
  test('KAF-MM2-001: no mirrors', () => {
    const { chart, target } = setup();
    new KafkaMirrorMaker2(chart, 'mm2', { target }).grantAccess();
    expect(validationErrors(chart)).toEqual(['[test/mm2] KAF-MM2-001 KafkaMirrorMaker2 "mm2": has no mirrors (the operator requires at least one source cluster); pass mirrors or call addMirror() with a source cluster']);
  });

  test('KAF-MM2-002/003/004/005/007/008/012', () => {
    const { chart, target, sourceSide } = setup();
    const mm2 = new KafkaMirrorMaker2(chart, 'mm2', { target });
    mm2.addMirror({ source: { ...sourceSide, alias: 'target' }, sourceConnector: { enabled: false }, checkpointConnector: { enabled: false } });
    mm2.addMirror({ source: { ...sourceSide, alias: 'bad alias' }, topicsPattern: 'a{1,3}', groupsExcludePattern: '(x', sourceConnector: { tasksMax: 0, config: { 'connector.class': 'X', 'sync.topic.acls.enabled': true } } });
    mm2.grantAccess({ ownerGrants: true });
    expect(validationErrors(chart)).toEqual([
      '[test/mm2] KAF-MM2-004 KafkaMirrorMaker2 "mm2": alias "bad alias" does not match ^[a-zA-Z0-9._-]{1,100}$; use letters, digits, ".", "_" and "-" (at most 100)',
      '[test/mm2] KAF-MM2-003 KafkaMirrorMaker2 "mm2" mirror from "target": the source alias equals the target alias "target"; give the source its own alias (it prefixes remote topic names)',
      '[test/mm2] KAF-MM2-002 KafkaMirrorMaker2 "mm2" mirror from "target": runs neither the source nor the checkpoint connector, so nothing is mirrored; enable at least one of them',
      '[test/mm2] KAF-MM2-005 KafkaMirrorMaker2 "mm2" mirror from "bad alias": topicsPattern "a{1,3}": entry "a{1" is not a valid Java regex (Incomplete quantifier) (a comma separates entries; each entry is a java.util.regex pattern); fix the expression; write a quantifier with a comma like {1,3} is not possible here',
      '[test/mm2] KAF-MM2-005 KafkaMirrorMaker2 "mm2" mirror from "bad alias": topicsPattern "a{1,3}": entry "3}" is not a valid Java regex (Lone quantifier brackets) (a comma separates entries; each entry is a java.util.regex pattern); fix the expression; write a quantifier with a comma like {1,3} is not possible here',
      '[test/mm2] KAF-MM2-005 KafkaMirrorMaker2 "mm2" mirror from "bad alias": groupsExcludePattern "(x": entry "(x" is not a valid Java regex (Unterminated group) (a comma separates entries; each entry is a java.util.regex pattern); fix the expression; write a quantifier with a comma like {1,3} is not possible here',
      '[test/mm2] KAF-MM2-007 KafkaMirrorMaker2 "mm2" mirror from "bad alias": sourceConnector config sets "connector.class", which the operator sets itself; use tasksMax and version instead',
      '[test/mm2] KAF-MM2-008 KafkaMirrorMaker2 "mm2" mirror from "bad alias": sourceConnector tasksMax 0 is not a whole number of 1 or more; use tasksMax: 1 or more',
      '[test/mm2] KAF-MM2-012 KafkaMirrorMaker2 "mm2" mirror from "bad alias": sourceConnector sets sync.topic.acls.enabled to true, but the target\'s User Operator manages ACLs and removes the ones MirrorMaker 2 copies; keep sync.topic.acls.enabled false (the default here) and grant ACLs with KafkaUsers',
    ]);
  });

  test('KAF-MM2-006: users without grants, one message per missing rule', () => {
    const { chart, target, sourceSide } = setup();
    new KafkaMirrorMaker2(chart, 'mm2', { target, mirrors: [{ source: sourceSide, topicsPattern: 'orders', checkpointConnector: { enabled: false } }] });
    const errors = validationErrors(chart);
    expect(errors).toContain('[test/mm2] KAF-MM2-006 KafkaMirrorMaker2 "mm2" mirror from "eu" source: user "mm2-reader" lacks DescribeConfigs, Read on topic "orders" (mirror from "eu": topics it copies); call mm2.grantAccess(), or grant the rule to the source user yourself');
    expect(errors).toContain('[test/mm2] KAF-MM2-006 KafkaMirrorMaker2 "mm2" mirror from "eu" target: user "mm2" lacks Create, Alter, AlterConfigs, Write on topic "eu.orders" (mirror from "eu": remote topics it writes); call mm2.grantAccess(), or grant the rule to the target user yourself');
    expect(errors).toContain('[test/mm2] KAF-MM2-006 KafkaMirrorMaker2 "mm2" target: user "mm2" lacks Read on group "mm2" (the workers\' group); call mm2.grantAccess(), or grant the rule to the target user yourself');
    expect(errors).toHaveLength(9);
  });

  test('KAF-CON-001: a MirrorMaker 2 and a KafkaConnect sharing a group ID on the target', () => {
    const { chart, target, sourceSide } = setup();
    new KafkaMirrorMaker2(chart, 'mm2', { target, mirrors: [{ source: sourceSide }] }).grantAccess({ ownerGrants: true });
    new KafkaConnect(chart, 'c', { ...target, groupId: 'mm2' }).grantAccess();
    expect(validationErrors(chart)).toEqual([
      '[test/mm2] KAF-CON-001 KafkaMirrorMaker2 "mm2": group ID "mm2" is also used by KafkaConnect "c" on Kafka cluster "target", so their workers join one group and overwrite each other\'s connectors; give each Connect cluster its own groupId',
      '[test/c] KAF-CON-001 KafkaConnect "c": group ID "mm2" is also used by KafkaMirrorMaker2 "mm2" on Kafka cluster "target", so their workers join one group and overwrite each other\'s connectors; give each Connect cluster its own groupId',
    ]);
  });

  test('KAF-MM2-009: target RF above the brokers', () => {
    const { chart, target, sourceSide } = setup();
    new KafkaMirrorMaker2(chart, 'mm2', { target, replicationFactor: 5, mirrors: [{ source: sourceSide }] }).grantAccess({ ownerGrants: true });
    expect(validationErrors(chart)).toEqual([
      '[test/mm2] KAF-MM2-009 KafkaMirrorMaker2 "mm2": config.storage.replication.factor 5 is above the 3 broker(s) of cluster "target", so the workers cannot create the topic and fail to start; use at most 3, or -1 for the broker default',
      '[test/mm2] KAF-MM2-009 KafkaMirrorMaker2 "mm2": offset.storage.replication.factor 5 is above the 3 broker(s) of cluster "target", so the workers cannot create the topic and fail to start; use at most 3, or -1 for the broker default',
      '[test/mm2] KAF-MM2-009 KafkaMirrorMaker2 "mm2": status.storage.replication.factor 5 is above the 3 broker(s) of cluster "target", so the workers cannot create the topic and fail to start; use at most 3, or -1 for the broker default',
    ]);
  });

  test('KAF-MM2-010: worker keys Strimzi owns in a cluster config', () => {
    const { chart, target, sourceSide } = setup();
    new KafkaMirrorMaker2(chart, 'mm2', { target: { ...target, config: { 'bootstrap.servers': 'x:9092' } }, mirrors: [{ source: sourceSide }] }).grantAccess({ ownerGrants: true });
    expect(validationErrors(chart)).toEqual(['[test/mm2] KAF-MM2-010 KafkaMirrorMaker2 "mm2": target "target" config sets "bootstrap.servers", which Strimzi sets itself (the operator rejects them); remove them: the cluster, listener and user give bootstrap, TLS and authentication']);
  });
});

describe('KafkaMirrorMaker2 runtime and connection rules', () => {
  test('KAF-MM2-011/020/021/022', () => {
    const { chart, target, sourceSide } = setup();
    new KafkaMirrorMaker2(chart, 'mm2', {
      target: { cluster: target.cluster, listener: target.listener },
      groupId: '',
      replicas: 1.5,
      version: KafkaVersion.of('3.0.0'),
      mirrors: [{ source: sourceSide }],
    }).grantAccess({ ownerGrants: true });
    expect(validationErrors(chart)).toEqual([
      '[test/mm2] KAF-MM2-020 KafkaMirrorMaker2 "mm2": replicas 1.5 is not a whole number of 0 or more; use e.g. replicas: 3',
      '[test/mm2] KAF-MM2-021 KafkaMirrorMaker2 "mm2": Kafka version 3.0.0 is not one Strimzi 1.2.0 runs (4.2.0, 4.2.1, 4.3.0, 4.3.1); pick one of those versions',
      '[test/mm2] KAF-MM2-022 KafkaMirrorMaker2 "mm2" target "target": listener "tls" of cluster "target" requires scram-sha-512 authentication, but no user is given, so the workers cannot connect; pass a KafkaUser of the cluster as user',
      '[test/mm2] KAF-MM2-011 KafkaMirrorMaker2 "mm2": groupId is empty (the operator requires it in kafka.strimzi.io/v1); omit groupId to use the default derived from the name, or set a non-empty value',
    ]);
  });

  test('KAF-MM2-023: a fractional maxUnavailable', () => {
    const { chart, target, sourceSide } = setup();
    new KafkaMirrorMaker2(chart, 'mm2', { target, maxUnavailable: 0.5, mirrors: [{ source: sourceSide }] }).grantAccess({ ownerGrants: true });
    expect(validationErrors(chart)).toEqual(['[test/mm2] KAF-MM2-023 KafkaMirrorMaker2 "mm2": maxUnavailable 0.5 is not a whole number of 0 or more; use e.g. maxUnavailable: 1']);
  });

  test('KAF-MM2-027: source Secrets outside the MirrorMaker 2 namespace are a warning', () => {
    const { chart, target, targetUser } = setup();
    const far = KafkaCluster.fromClusterAttributes(chart, 'far', { clusterName: 'far', namespace: 'remote', listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
    const farUser = KafkaUser.fromUserName(chart, 'far-user', { cluster: far, userName: 'reader' });
    new KafkaMirrorMaker2(chart, 'mm2', { target, mirrors: [{ source: { cluster: far, listener: far.findListener('tls')!, user: farUser } }] }).grantAccess({ ownerGrants: true });
    synth(chart);
    expect(warningsOf(chart).filter((w) => w.includes('KAF-MM2-027'))).toEqual([
      '[test/mm2] KAF-MM2-027 KafkaMirrorMaker2 "mm2" mirror from "far": Strimzi reads Secret "far-cluster-ca-cert" (in namespace "remote") and Secret "reader" (in namespace "remote") from namespace "default"; copy them there (e.g. with SecretCopy or your secret replicator), or the pods do not start',
    ]);
    void targetUser;
  });
});

describe('heartbeats in v1: a separate KafkaConnect with MirrorHeartbeatConnector (docs/connect.md)', () => {
  test('synthesizes with the grants it needs', () => {
    const { chart, cluster, tls } = clusterWithScram(undefined, 'eu');
    const hb = new KafkaConnect(chart, 'heartbeats', { cluster, listener: tls, user: cluster.addUser('heartbeats') });
    hb.addConnector('heartbeats', {
      className: 'org.apache.kafka.connect.mirror.MirrorHeartbeatConnector',
      type: ConnectorType.SOURCE,
      topicNames: ['heartbeats'],
      config: { 'source.cluster.alias': 'eu', 'target.cluster.alias': 'us', 'heartbeats.topic.replication.factor': 3 },
    });
    hb.grantAccess();
    expect(docOf(synth(chart), 'KafkaConnector', 'heartbeats').spec.class).toBe('org.apache.kafka.connect.mirror.MirrorHeartbeatConnector');
  });
});

describe('Java regex check (the java.util.regex subset described in java-regex.ts)', () => {
  test.each(['.*', 'orders\\..*', '(?i)orders', 'a++b', '(?>ab)c', '\\Qa.b\\E', '\\p{Alpha}+', '[]a]', '\\A.+\\z', '\\-x', 'a{1,3}', '(?<name>x)\\k<name>'])(
    'valid in Java: %s', (p) => expect(javaRegexProblem(p)).toBeUndefined());
  test.each([['[', 'Unterminated character class'], ['a{', 'Incomplete quantifier'], ['(ab', 'Unterminated group'], ['*a', 'Nothing to repeat'], ['\\y', 'Invalid escape'], ['x\\', 'the pattern ends with a lone backslash']])(
    'invalid in Java: %s', (p, problem) => expect(javaRegexProblem(p)).toBe(problem));
  test('a list: commas separate entries; empty entries are reported', () => {
    expect(javaRegexListProblems('a,,b')).toEqual(['entry 2 is empty']);
    expect(javaRegexListProblems('orders, payments.*')).toEqual([]);
  });
});

describe('Java regex check, properties', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fc = require('fast-check');
  test('every topic name is a valid pattern, and so is any text quoted with \\Q...\\E', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/), (name: string) => javaRegexProblem(name) === undefined));
    fc.assert(fc.property(fc.string({ maxLength: 30 }).filter((t: string) => !t.includes('\\E')), (t: string) => javaRegexProblem(`\\Q${t}\\E`) === undefined));
  });
  test('an unbalanced group is always reported', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z]{0,10}$/), (name: string) => javaRegexProblem(`(${name}`) !== undefined));
  });
});
