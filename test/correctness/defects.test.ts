/*
 * The listed correctness defects, each with the case that failed before (a crash,
 * a silently wrong or rejected manifest) and a valid case at its edge.
 */
import { ApiObject, Duration, JsonPatch, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import {
  AclOperation, AclResource, KafkaAuthorization, KafkaCluster, KedaConsumerScaler, LagTrigger, Listener, ListenerAuthentication,
  MonitoringMode, NodeRole, PrometheusMonitoring, Storage, TolerationOperator,
} from '../../src';
import { docOf, newChart, synth, validationErrors, warningsOf } from '../util';

function cluster(chart = newChart('apps'), extra: any = {}) {
  const c = new KafkaCluster(chart, 'c', {
    namespace: 'kafka',
    listeners: [Listener.internal({ name: 'plain', port: 9092, tls: false, authentication: ListenerAuthentication.none() })],
    ...extra,
  });
  c.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3, storage: Storage.persistentClaim({ size: Size.gibibytes(10) }), nodeIds: [0, 1, 2] });
  return { chart, c };
}

/** Errors with a rule ID, without those of other rules the setup also trips. */
function errors(chart: any, id: string): string[] {
  return validationErrors(chart).filter((e) => e.includes(` ${id} `));
}

describe('listener inputs (KAF-LIS)', () => {
  test('a port above 65535', () => {
    const { chart, c } = cluster();
    c.addListener(Listener.internal({ name: 'big', port: 70000 }));
    expect(errors(chart, 'KAF-LIS-001')).toEqual(['[test/c] KAF-LIS-001 listener "big": port 70000 is above 65535, the largest TCP port; use 9092-9403 or 9405-65535 (not 9999)']);
  });

  test('NodePorts outside 30000-32767 are a warning; the edges of the range are not', () => {
    const { chart, c } = cluster();
    c.addListener(Listener.nodePort({ name: 'np', port: 9094, bootstrap: { nodePort: 8080 }, brokers: [{ broker: 0, nodePort: 30000 }, { broker: 1, nodePort: 32767 }] }));
    synth(chart);
    expect(warningsOf(c).filter((w) => w.includes('KAF-LIS-002'))).toEqual([
      '[test/c] KAF-LIS-002 listener "np": bootstrap.nodePort 8080 is outside the default NodePort range 30000-32767, so the API server rejects the Service unless the cluster\'s --service-node-port-range includes it; use a port in the range',
    ]);
  });

  test('loadBalancerSourceRanges and ipBlocks that are not CIDRs, and a loadBalancerIp that is not an IP', () => {
    const { chart, c } = cluster();
    c.addListener(Listener.loadBalancer({
      name: 'lb',
      port: 9094,
      loadBalancerSourceRanges: ['10.0.0.0/33', 'office', '2001:db8::/48'],
      bootstrap: { loadBalancerIp: 'lb.example.com' },
      networkPolicyPeers: [{ ipBlock: '10.0.0.0/40' }],
    }));
    expect(errors(chart, 'KAF-LIS-003')).toEqual([
      '[test/c] KAF-LIS-003 listener "lb": loadBalancerSourceRanges "10.0.0.0/33" is not a CIDR block (an IP address, "/", a prefix length of at most 32 for IPv4 or 128 for IPv6); use e.g. "10.0.0.0/8" or "2001:db8::/32"',
      '[test/c] KAF-LIS-003 listener "lb": loadBalancerSourceRanges "office" is not a CIDR block (an IP address, "/", a prefix length of at most 32 for IPv4 or 128 for IPv6); use e.g. "10.0.0.0/8" or "2001:db8::/32"',
      '[test/c] KAF-LIS-003 listener "lb": networkPolicyPeers ipBlock "10.0.0.0/40" is not a CIDR block (an IP address, "/", a prefix length of at most 32 for IPv4 or 128 for IPv6); use e.g. "10.0.0.0/8" or "2001:db8::/32"',
    ]);
    expect(errors(chart, 'KAF-LIS-004')).toEqual([
      '[test/c] KAF-LIS-004 listener "lb": bootstrap.loadBalancerIp "lb.example.com" is not an IP address; use an IPv4 or IPv6 address (host names go into annotations, e.g. external-dns)',
    ]);
  });

  test('host templates without {nodeId} or {nodePodName}; with one they are fine', () => {
    const { chart, c } = cluster();
    c.addListener(Listener.ingress({ name: 'ing', port: 9094, bootstrap: { host: 'kafka.example.com' }, hostTemplate: 'broker.kafka.example.com' }));
    c.addListener(Listener.route({ name: 'rt', port: 9095, hostTemplate: 'b-{nodePodName}.apps.example.com', advertisedHostTemplate: 'b-{nodeId}.example.com' }));
    expect(errors(chart, 'KAF-LIS-005')).toEqual([
      '[test/c] KAF-LIS-005 listener "ing": hostTemplate "broker.kafka.example.com" contains neither {nodeId} nor {nodePodName}, so every broker gets the same host and clients reach only one of them; include {nodeId}, e.g. "broker-{nodeId}.kafka.example.com"',
    ]);
  });

  test('advertisedHost written as host:port (an IPv6 address is fine), and two brokers advertising the same address', () => {
    const { chart, c } = cluster();
    c.addListener(Listener.clusterIp({
      name: 'cip',
      port: 9094,
      brokers: [{ broker: 0, advertisedHost: 'kafka-0.example.com:9094' }, { broker: 1, advertisedHost: 'fd00::1' }, { broker: 2, advertisedHost: 'fd00::1' }],
    }));
    expect(errors(chart, 'KAF-LIS-006')).toEqual([
      '[test/c] KAF-LIS-006 listener "cip": brokers[] entry of node 0 has advertisedHost "kafka-0.example.com:9094", which includes a port; put the host into advertisedHost and the port into advertisedPort',
    ]);
    expect(errors(chart, 'KAF-LIS-008')).toEqual([
      '[test/c] KAF-LIS-008 listener "cip": nodes 1 and 2 both advertise fd00::1:9094, so clients meant for one reach the other; give each broker its own advertisedHost or advertisedPort',
    ]);
  });

  test('two Services with one NodePort, across brokers and listeners', () => {
    const { chart, c } = cluster();
    c.addListener(Listener.nodePort({ name: 'np1', port: 9094, brokers: [{ broker: 0, nodePort: 31000 }, { broker: 1, nodePort: 31001 }] }));
    c.addListener(Listener.nodePort({ name: 'np2', port: 9095, bootstrap: { nodePort: 31001 } }));
    expect(errors(chart, 'KAF-LIS-007')).toEqual([
      '[test/c] KAF-LIS-007 listener "np2": NodePort 31001 of bootstrap.nodePort is also used by listener "np1" brokers[] entry of node 1 (a NodePort belongs to one Service in the whole cluster); give every Service its own NodePort, or leave nodePort unset to let Kubernetes assign one',
    ]);
  });
});

describe('Kubernetes values (KAF-K8S)', () => {
  test('namespace, labels, annotations, env names, tolerations, priority and storage class names, quantities', () => {
    const chart = newChart('apps');
    const c = new KafkaCluster(chart, 'c', { namespace: 'Kafka_NS', labels: { 'a/b/c': 'x' }, listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
    c.addNodePool('dual', {
      roles: [NodeRole.BROKER, NodeRole.CONTROLLER],
      replicas: 3,
      storage: Storage.persistentClaim({ size: Size.gibibytes(1e-7), storageClass: 'Fast SSD' }),
      podTemplate: {
        labels: { app: 'not ok!' },
        annotations: { '-x': 'y' },
        priorityClassName: 'High_Priority',
        tolerations: [{ key: 'spot', operator: TolerationOperator.EXISTS, value: 'true' }],
      },
      containerTemplate: { env: { '1BAD': 'x' } },
      resources: { memory: { limit: Size.mebibytes(NaN) } },
    });
    const found = validationErrors(chart).filter((e) => / KAF-K8S-\d+ /.test(e)).map((e) => e.replace(/^(\S+ KAF-K8S-\d+) .*/, '$1')).sort();
    expect(found).toEqual([
      '[test/c/dual] KAF-K8S-007', // size 1e-7Gi
      '[test/c/dual] KAF-K8S-005', // storage class
      '[test/c] KAF-K8S-003', // pod label value
      '[test/c] KAF-K8S-004', // annotation key
      '[test/c] KAF-K8S-009', // toleration
      '[test/c] KAF-K8S-005', // priority class
      '[test/c] KAF-K8S-006', // env name
      '[test/c] KAF-K8S-007', // NaN memory
      '[test/c] KAF-K8S-001', // namespace
      '[test/c] KAF-K8S-002', // cluster label key
    ].sort());
  });

  test('a storage size that is not a whole number of KiB renders without an exponent and is reported, not thrown', () => {
    const chart = newChart('apps');
    const c = new KafkaCluster(chart, 'c', { namespace: 'kafka', listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
    c.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3, storage: Storage.persistentClaim({ size: Size.gibibytes(1e-7) }) });
    expect(errors(chart, 'KAF-K8S-007')).toEqual([
      '[test/c/dual] KAF-K8S-007 node pool "dual": storage size 1e-7Gi is not a positive whole number of KiB; use Size.kibibytes(), Size.mebibytes() or Size.gibibytes() with a whole number',
    ]);
  });

  test('probe periods of 0 or fractions of a second, and thresholds below 1, are reported; 1 is fine', () => {
    const { chart } = cluster(newChart('apps'), {
      readinessProbe: { period: Duration.millis(250), failureThreshold: 0 },
      livenessProbe: { period: Duration.seconds(1), failureThreshold: 1, timeout: Duration.seconds(1) },
    });
    expect(errors(chart, 'KAF-K8S-008')).toEqual([
      '[test/c] KAF-K8S-008 Kafka cluster "c": readinessProbe period 250 millis is not a whole number of seconds (it is rendered as seconds); use Duration.seconds() with a whole number',
      '[test/c] KAF-K8S-008 Kafka cluster "c": readinessProbe failureThreshold 0 is not a whole number of at least 1 (the API server rejects it); use 1 or more',
    ]);
  });

  test('a secretPrefix that makes invalid Secret names', () => {
    const { chart } = cluster(newChart('apps'), { entityOperator: { userOperatorOptions: { secretPrefix: 'Bad_' } } });
    expect(errors(chart, 'KAF-K8S-005')).toEqual([
      '[test/c] KAF-K8S-005 Kafka cluster "c": the User Operator\'s secretPrefix "Bad_" makes user Secret names that are not valid Kubernetes names (DNS-1123 subdomain: lower-case letters, digits, "-" and "."); use a prefix like "kafka-"',
    ]);
  });

  test('a pool role outside controller/broker', () => {
    const { chart, c } = cluster();
    c.addNodePool('odd', { roles: ['observer' as NodeRole], replicas: 1, storage: Storage.ephemeral() });
    expect(errors(chart, 'KAF-K8S-010')).toEqual([
      '[test/c] KAF-K8S-010 node pool "odd": role(s) "observer" are not Strimzi node roles (broker, controller); use NodeRole.BROKER and/or NodeRole.CONTROLLER',
    ]);
  });
});

describe('node pools', () => {
  test('a zero-replica pool listing node IDs another pool uses (KAF-APP-006)', () => {
    const { chart, c } = cluster();
    c.addNodePool('spare', { roles: [NodeRole.BROKER], replicas: 0, nodeIds: [2, 10], storage: Storage.ephemeral() });
    expect(errors(chart, 'KAF-APP-006')).toEqual([
      '[test/c] KAF-APP-006 Kafka cluster "c": node ID 2 is listed by node pools dual and spare (a pool lists nodeIds for the nodes it may get, also at 0 replicas, so Strimzi cannot tell which pool owns it); remove 2 from the nodeIds of all but one pool',
    ]);
  });

  test('a pool without storage falls back to ephemeral storage: a warning (KAF-APP-002); Storage.ephemeral() says it is meant', () => {
    const chart = newChart('apps');
    const c = new KafkaCluster(chart, 'c', { namespace: 'kafka', listeners: [Listener.internal({ name: 'tls', port: 9093 })] });
    c.addNodePool('dual', { roles: [NodeRole.BROKER, NodeRole.CONTROLLER], replicas: 3 });
    c.addNodePool('scratch', { roles: [NodeRole.BROKER], replicas: 1, storage: Storage.ephemeral() });
    synth(chart);
    expect(warningsOf(c, true).filter((w) => w.includes('KAF-APP-002'))).toEqual([
      '[test/c] KAF-APP-002 node pool "dual": has no storage, so it falls back to ephemeral storage (emptyDir): the data of a node is lost whenever its pod restarts or moves; set storage: Storage.persistentClaim({ size: ... }) (or Storage.ephemeral() to say it is meant)',
    ]);
  });
});

describe('cruise control goals and JSON patches', () => {
  test('goals given only in cruiseControl.config reach the Kafka resource', () => {
    const { chart } = cluster(newChart('apps'), { cruiseControl: { config: { 'goals': 'a.B', 'hard.goals': 'a.B' } } });
    expect(docOf(synth(chart), 'Kafka').spec.cruiseControl.config).toEqual({ 'goals': 'a.B', 'hard.goals': 'a.B' });
  });

  test('goals both in config and as a typed prop are reported (KAF-APP-004)', () => {
    const { chart } = cluster(newChart('apps'), { cruiseControl: { goals: ['a.B'], config: { goals: 'c.D' } } });
    expect(errors(chart, 'KAF-APP-004')).toEqual([
      '[test/c] KAF-APP-004 Kafka cluster "c" cruiseControl: sets "goals" both in config and as goals; keep one of them (goals is checked against the other goal lists)',
    ]);
  });

  test('a JSON patch naming a field the generated class does not know reaches the output', () => {
    const { chart, c } = cluster();
    const topic = c.addTopic('orders', { partitions: 3 });
    topic.resource.addJsonPatch(JsonPatch.add('/spec/futureField', 'x'));
    ApiObject.of(c).addJsonPatch(JsonPatch.add('/spec/kafka/futureField', 1));
    const workload = new kplus.Deployment(chart, 'consumer', { containers: [{ image: 'x' }] });
    const scaler = new KedaConsumerScaler(chart, 'scaler', { target: workload, cluster: c, topic, consumerGroup: 'g', maxReplicaCount: 3 });
    scaler.resource.addJsonPatch(JsonPatch.add('/spec/futureField', true));
    // Not recorded for the conformance run: the strict kit rejects the unknown fields, as it should.
    const docs = Testing.synth(chart);
    expect(docOf(docs, 'KafkaTopic').spec).toEqual({ partitions: 3, futureField: 'x' });
    expect(docOf(docs, 'Kafka').spec.kafka.futureField).toBe(1);
    expect(docOf(docs, 'ScaledObject').spec.futureField).toBe(true);
  });
});

describe('KEDA (KAF-KEDA)', () => {
  function scaled(props: any, partitions = 3) {
    const { chart, c } = cluster();
    const topic = c.addTopic('orders', { partitions });
    const workload = new kplus.Deployment(chart, 'consumer', { containers: [{ image: 'x' }] });
    const scaler = new KedaConsumerScaler(chart, 'scaler', { target: workload, cluster: c, topic, consumerGroup: 'g', ...props });
    return { chart, c, scaler };
  }

  test('partitionLimitation: blank means no limit, a huge range is counted without expanding it, a non-string is reported', () => {
    expect(() => synth(scaled({ partitionLimitation: '  ' }).chart)).not.toThrow();
    const started = Date.now();
    expect(validationErrors(scaled({ partitionLimitation: '0-2000000000' }).chart)).toEqual([
      '[test/scaler] KAF-KEDA-025 ScaledObject "test-consumer-c89e9049": partitionLimitation "0-2000000000" names partition 3-2000000000, but topic "orders" has partitions 0-2; name existing partitions only',
    ]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(errors(scaled({ partitionLimitation: 5 }).chart, 'KAF-KEDA-003')).toEqual([
      '[test/scaler] KAF-KEDA-003 ScaledObject "test-consumer-c89e9049": partitionLimitation 5 is invalid: it is a number, not a string; use partition ids and inclusive ranges separated by commas, e.g. "0,2,5-7"',
    ]);
  });

  test('lagThreshold 1e21 is reported instead of rendered as 1e+21; a large exact threshold renders as digits', () => {
    expect(errors(scaled({ lagThreshold: 1e21 }).chart, 'KAF-KEDA-007')).toEqual([
      '[test/scaler] KAF-KEDA-007 ScaledObject "test-consumer-c89e9049": lagThreshold 1000000000000000000000 is above 9007199254740991, the largest whole number the threshold is written exactly as (KEDA reads it as a 64-bit integer); use a threshold of at most a few million: it is the target lag per replica',
    ]);
    const docs = synth(scaled({ lagThreshold: 9007199254740991 }).chart);
    expect(docOf(docs, 'ScaledObject').spec.triggers[0].metadata.lagThreshold).toBe('9007199254740991');
  });

  test('Prometheus label matcher names that break the query', () => {
    const trigger = LagTrigger.prometheus({ serverAddress: 'http://p:9090', labelMatchers: { 'bad-label': 'x', 'ok_label': 'y' } });
    expect(errors(scaled({ trigger, maxReplicaCount: 3 }).chart, 'KAF-KEDA-002')).toEqual([
      '[test/scaler] KAF-KEDA-002 ScaledObject "test-consumer-c89e9049": Prometheus label matcher "bad-label" is not a label name (letters, digits and "_", not starting with a digit; "__" is reserved), so the generated query does not parse; use the label name as the exporter writes it, e.g. "consumergroup"',
    ]);
  });

  test('a cooldown that is not whole seconds is reported, not thrown', () => {
    expect(errors(scaled({ minReplicaCount: 0, cooldownPeriod: Duration.millis(1500) }).chart, 'KAF-KEDA-006')).toEqual([
      '[test/scaler] KAF-KEDA-006 ScaledObject "test-consumer-c89e9049": cooldownPeriod 1 second 500 millis is not a whole number of seconds (it is rendered as seconds); use Duration.seconds() with a whole number',
    ]);
  });

  test('a maximum of 1 (a one-partition topic) can never scale: a warning; 2 partitions are fine', () => {
    const one = scaled({}, 1);
    synth(one.chart);
    expect(warningsOf(one.scaler)).toEqual([
      '[test/scaler] KAF-KEDA-004 ScaledObject "test-consumer-c89e9049": topic "orders" has 1 partition(s) the trigger counts, which caps maxReplicaCount at 1, so KEDA can never run more than one replica; give the topic more partitions and raise maxReplicaCount, or drop the scaler',
    ]);
    const two = scaled({}, 2);
    synth(two.chart);
    expect(warningsOf(two.scaler)).toEqual([]);
  });

  test('KEDA through an external listener is a warning', () => {
    const { chart, c } = cluster(newChart('kafka'));
    const external = c.addListener(Listener.loadBalancer({ name: 'ext', port: 9094, tls: false, authentication: ListenerAuthentication.none(), allowInsecureExternalAccess: true }));
    const topic = c.addTopic('orders', { partitions: 3 });
    const workload = new kplus.Deployment(chart, 'consumer', { containers: [{ image: 'x' }] });
    const scaler = new KedaConsumerScaler(chart, 'scaler', { target: workload, cluster: c, topic, consumerGroup: 'g', listener: external, maxReplicaCount: 3 });
    synth(chart);
    expect(warningsOf(scaler).filter((w) => w.includes('KAF-KEDA-005'))).toEqual([
      '[test/scaler] KAF-KEDA-005 ScaledObject "test-consumer-c89e9049": KEDA reaches the brokers through listener "ext" of type loadbalancer, which leaves the Kubernetes cluster and comes back (extra hops, the external certificate and address, and a dependency on the load balancer or ingress); use an internal or cluster-ip listener',
    ]);
  });
});

describe('ACLs, topics and monitoring', () => {
  test('an ACL host that is neither "*" nor an IP address (KAF-APP-003); an IP is fine', () => {
    const { chart, c } = cluster(newChart('apps'), { authorization: KafkaAuthorization.simple() });
    const u = c.addUser('app');
    u.addAcl({ resource: AclResource.topic('t'), operations: [AclOperation.READ], host: 'app.example.com' });
    u.addAcl({ resource: AclResource.topic('t'), operations: [AclOperation.WRITE], host: '10.1.2.3' });
    expect(errors(chart, 'KAF-APP-003')).toEqual([
      '[test/c/app] KAF-APP-003 user "app": the ACL rule on topic "t" names host "app.example.com", but Kafka matches ACL hosts against the client\'s IP address only (a host name never matches); use "*" (any host) or an IP address',
    ]);
  });

  test('a topic segment time that is not whole milliseconds is reported, not thrown at construction', () => {
    const { chart, c } = cluster();
    c.addTopic('t', { segmentTime: Duration.millis(0.5) });
    expect(errors(chart, 'KAF-TOP-003')).toEqual([
      '[test/c/t] KAF-TOP-003 topic "t": config "segment.ms" 0.5 is not a whole number (Kafka type long); use a long value in [1,...]',
    ]);
  });

  test('monitoring: an invalid namespace, a PodMonitor interval and a retention that are not whole seconds', () => {
    const { chart, c } = cluster();
    new PrometheusMonitoring(chart, 'm', { cluster: c, monitoringNamespace: 'Mon', podMonitors: { interval: Duration.millis(500) } });
    const s = cluster(newChart('other')).c;
    new PrometheusMonitoring(s.node.scope as any, 'm2', { cluster: s, mode: MonitoringMode.STANDALONE, prometheus: { retention: Duration.millis(1500) } });
    const all = validationErrors(chart);
    expect(all.filter((e) => e.includes('KAF-MON-001'))).toEqual([
      '[test/m/PodMonitors] KAF-MON-001 PodMonitors of cluster "c": interval 500 millis is not a whole number of seconds (it is rendered as seconds); use Duration.seconds() with a whole number',
    ]);
    expect(all.some((e) => e.includes('KAF-K8S-001') && e.includes('"Mon"'))).toBe(true);
    expect(validationErrors(s.node.scope as any).filter((e) => e.includes('KAF-MON-001'))).toEqual([
      '[test/m2/Prometheus] KAF-MON-001 standalone Prometheus "c-prometheus": retention 1 second 500 millis is not a whole number of seconds (it is rendered as seconds); use Duration.seconds() with a whole number',
    ]);
  });
});

describe('more values that used to pass unchecked', () => {
  test('a throttled replica list that is neither "*" nor partitionId:brokerId entries (KAF-TOP-006); "0:1,1:2" is fine', () => {
    const { chart, c } = cluster();
    c.addTopic('t', { config: { 'leader.replication.throttled.replicas': '0-1' } });
    c.addTopic('u', { config: { 'leader.replication.throttled.replicas': '0:1,1:2' } });
    expect(errors(chart, 'KAF-TOP-006')).toEqual([
      '[test/c/t] KAF-TOP-006 topic "t": config "leader.replication.throttled.replicas" "0-1" is neither "*" nor a list of partitionId:brokerId entries; use e.g. "0:1,1:2", or "*" for all replicas',
    ]);
  });

  test('an Entity Operator reconciliation interval that is not whole milliseconds (KAF-APP-007); one second is fine', () => {
    const { chart } = cluster(newChart('apps'), {
      entityOperator: {
        topicOperatorOptions: { reconciliationInterval: Duration.millis(0.5) },
        userOperatorOptions: { reconciliationInterval: Duration.seconds(1) },
      },
    });
    expect(errors(chart, 'KAF-APP-007')).toEqual([
      '[test/c] KAF-APP-007 Kafka cluster "c": the Topic Operator\'s reconciliationInterval 0.5 ms is not a whole number of milliseconds (it is rendered as milliseconds); use Duration.millis() with a whole number',
    ]);
  });

  test('a standalone Prometheus storage size that is not whole KiB (KAF-MON-002); whole GiB are fine', () => {
    const { chart, c } = cluster();
    new PrometheusMonitoring(chart, 'm', { cluster: c, mode: MonitoringMode.STANDALONE, prometheus: { storageSize: Size.gibibytes(1e-7) } });
    expect(errors(chart, 'KAF-MON-002')).toEqual([
      '[test/m/Prometheus] KAF-MON-002 standalone Prometheus "c-prometheus": storageSize 1e-7Gi is not a positive whole number of KiB; use Size.kibibytes(), Size.mebibytes() or Size.gibibytes() with a whole number',
    ]);
    const ok = cluster();
    new PrometheusMonitoring(ok.chart, 'm', { cluster: ok.c, mode: MonitoringMode.STANDALONE, prometheus: { storageSize: Size.gibibytes(5) } });
    expect(() => synth(ok.chart)).not.toThrow();
  });
});

test('labels of the user Secret are checked like every other label (KAF-K8S-003); valid ones pass', () => {
  const { chart, c } = cluster();
  c.addUser('bad', { secretLabels: { team: 'a b' } });
  c.addUser('good', { secretLabels: { team: 'orders' }, secretAnnotations: { 'example.com/owner': 'orders team' } });
  expect(errors(chart, 'KAF-K8S-003')).toEqual([
    '[test/c/bad] KAF-K8S-003 user "bad": label "team" on the user Secret has value "a b", which is not letters, digits, "-", "_" and "." starting and ending with a letter or digit, so the API server rejects it; use at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit (or an empty string); put free text into an annotation',
  ]);
});
