import { Size } from 'cdk8s';
import {
  ExternalTrafficPolicy, KafkaCluster, Listener, ListenerAuthentication, NodeAddressType, NodeRole, Storage,
} from '../../src';
import { docOf, newChart, synth, validationErrors, warningsOf } from '../util';

function clusterWith(listeners: Listener[], nodeIds?: number[]) {
  const chart = newChart('kafka');
  const cluster = new KafkaCluster(chart, 'c', { listeners });
  cluster.addNodePool('ctrl', { roles: [NodeRole.CONTROLLER], replicas: 3, nodeIds: nodeIds && [10, 11, 12] });
  cluster.addNodePool('b', { roles: [NodeRole.BROKER], replicas: 3, nodeIds, storage: Storage.persistentClaim({ size: Size.gibibytes(1) }) });
  return { chart, cluster };
}

describe('listener rendering', () => {
  test('every option lands in spec.kafka.listeners[].configuration', () => {
    // GIVEN a load balancer listener with per-broker DNS names and a custom certificate
    const lb = Listener.loadBalancer({
      name: 'external',
      port: 9095,
      authentication: ListenerAuthentication.tls(),
      brokerCertificate: { secretName: 'my-cert', certificate: 'tls.crt', key: 'tls.key' },
      bootstrap: { annotations: { 'external-dns.alpha.kubernetes.io/hostname': 'kafka.example.com' }, loadBalancerIp: '10.0.0.1' },
      perBrokerAnnotationsTemplate: { 'external-dns.alpha.kubernetes.io/hostname': 'broker-{nodeId}.kafka.example.com' },
      advertisedHostTemplate: 'broker-{nodeId}.kafka.example.com',
      externalTrafficPolicy: ExternalTrafficPolicy.LOCAL,
      loadBalancerSourceRanges: ['10.0.0.0/8'],
      loadBalancerClass: 'service.k8s.aws/nlb',
      maxConnections: 1000,
      networkPolicyPeers: [{ namespaceLabels: { team: 'a' } }, { ipBlock: '10.0.0.0/8' }],
    });
    const { chart } = clusterWith([lb]);
    // WHEN
    const listener = docOf(synth(chart), 'Kafka').spec.kafka.listeners[0];
    // THEN
    expect(listener).toEqual({
      name: 'external',
      port: 9095,
      type: 'loadbalancer',
      tls: true,
      authentication: { type: 'tls' },
      configuration: {
        brokerCertChainAndKey: { secretName: 'my-cert', certificate: 'tls.crt', key: 'tls.key' },
        class: 'service.k8s.aws/nlb',
        externalTrafficPolicy: 'Local',
        loadBalancerSourceRanges: ['10.0.0.0/8'],
        bootstrap: { loadBalancerIP: '10.0.0.1', annotations: { 'external-dns.alpha.kubernetes.io/hostname': 'kafka.example.com' } },
        maxConnections: 1000,
        perBrokerAnnotationsTemplate: { 'external-dns.alpha.kubernetes.io/hostname': 'broker-{nodeId}.kafka.example.com' },
        advertisedHostTemplate: 'broker-{nodeId}.kafka.example.com',
      },
      networkPolicyPeers: [{ namespaceSelector: { matchLabels: { team: 'a' } } }, { ipBlock: { cidr: '10.0.0.0/8' } }],
    });
  });

  test('nodeport with advertised hosts per broker, custom authentication, tlsroute parentRefs', () => {
    const np = Listener.nodePort({
      name: 'ext',
      port: 9094,
      preferredNodePortAddressType: NodeAddressType.EXTERNAL_DNS,
      brokers: [{ broker: 0, advertisedHost: 'node-a.example.com', nodePort: 32000 }],
      bootstrap: { nodePort: 32100, externalIps: ['1.2.3.4'] },
      authentication: ListenerAuthentication.custom({ sasl: true, listenerConfig: { 'sasl.enabled.mechanisms': 'PLAIN' } }),
    });
    const tr = Listener.tlsRoute({
      name: 'gw', port: 9096, bootstrap: { host: 'kafka.example.com' }, hostTemplate: 'b{nodeId}.example.com', parentRefs: [{ name: 'gateway', namespace: 'infra', sectionName: 'tls' }],
    });
    const { chart, cluster } = clusterWith([np, tr], [0, 1, 2]);
    const [n, t] = docOf(synth(chart), 'Kafka').spec.kafka.listeners;
    expect(n.authentication).toEqual({ type: 'custom', sasl: true, listenerConfig: { 'sasl.enabled.mechanisms': 'PLAIN' } });
    expect(n.configuration).toEqual({
      bootstrap: { nodePort: 32100, externalIPs: ['1.2.3.4'] },
      brokers: [{ broker: 0, advertisedHost: 'node-a.example.com', nodePort: 32000 }],
      preferredNodePortAddressType: 'ExternalDNS',
    });
    expect(t.configuration.parentRefs).toEqual([{ name: 'gateway', namespace: 'infra', sectionName: 'tls', group: 'gateway.networking.k8s.io', kind: 'Gateway' }]);
    expect(cluster.bootstrapServers(tr)).toBe('kafka.example.com:443');
    expect(warningsOf(chart)).toEqual([]);
  });

  test('brokers[] naming a node that is no broker is a warning', () => {
    const np = Listener.nodePort({ name: 'ext', port: 9094, tls: true, brokers: [{ broker: 7, advertisedHost: 'x' }] });
    const { chart } = clusterWith([np], [0, 1, 2]);
    synth(chart);
    expect(warningsOf(chart)).toEqual([
      '[test/c] KAF-LIS-031 listener "ext": brokers[] names node IDs 7, which are not brokers of this cluster (broker IDs: 0, 1, 2); Strimzi ignores them',
    ]);
  });
});

describe('listener validation', () => {
  test('name, port and uniqueness rules', () => {
    const { chart } = clusterWith([
      Listener.internal({ name: 'Plain_Listener', port: 9092 }),
      Listener.internal({ name: 'metrics', port: 9404 }),
      Listener.internal({ name: 'jmx', port: 9999 }),
      Listener.internal({ name: 'low', port: 9091 }),
      Listener.internal({ name: 'dup', port: 9093 }),
      Listener.internal({ name: 'dup', port: 9093 }),
    ]);
    expect(validationErrors(chart)).toEqual([
      '[test/c] KAF-LIS-029 listener "dup": name "dup" is used by more than one listener (names must be unique); rename one of them',
      '[test/c] KAF-LIS-030 listener "dup", "dup": port 9093 is used by more than one listener (ports must be unique); give each listener its own port',
      '[test/c] KAF-LIS-009 listener "Plain_Listener": name "Plain_Listener" must be 1-11 lower-case letters or digits (Strimzi\'s rule ^[a-z0-9]{1,11}$); rename it, e.g. "plainlisten"',
      '[test/c] KAF-LIS-011 listener "metrics": port 9404 is reserved by Strimzi for metrics; use 9092-9403 or 9405+ (not 9999)',
      '[test/c] KAF-LIS-011 listener "jmx": port 9999 is reserved by Strimzi for JMX; use 9092-9403, 9405-9998 or 10000+',
      '[test/c] KAF-LIS-010 listener "low": port 9091 is below 9092, the lowest listener port Strimzi accepts (lower ports are used by Kafka itself: 9090 controller, 9091 replication); use 9092-9403 or 9405+ (not 9999)',
    ]);
  });

  test('TLS rules: route/ingress/tlsroute, tls authentication and custom certificates need tls', () => {
    const { chart } = clusterWith([
      Listener.route({ name: 'route', port: 9094, tls: false }),
      Listener.internal({ name: 'mtls', port: 9095, tls: false, authentication: ListenerAuthentication.tls() }),
      Listener.internal({ name: 'cert', port: 9096, tls: false, brokerCertificate: { secretName: 's', certificate: 'c', key: 'k' } }),
    ]);
    expect(validationErrors(chart)).toEqual(expect.arrayContaining([
      '[test/c] KAF-LIS-012 listener "route": type route needs tls: true (traffic is routed by TLS SNI passthrough on port 443); set tls: true',
      '[test/c] KAF-LIS-013 listener "mtls": authentication tls (mutual TLS) needs tls: true on the listener; set tls: true, or use ListenerAuthentication.scramSha512()',
      '[test/c] KAF-LIS-014 listener "cert": a custom broker certificate (secret "s") needs tls: true; set tls: true, or remove brokerCertificate',
    ]));
  });

  test('configuration options only on the types that accept them', () => {
    const { chart } = clusterWith([
      Listener.nodePort({ name: 'np', port: 9094, bootstrap: { host: 'x.example.com', loadBalancerIp: '1.1.1.1' } }),
      Listener.internal({ name: 'int', port: 9095, bootstrap: { annotations: { a: 'b' } } }),
      Listener.loadBalancer({ name: 'lb', port: 9096, brokers: [{ broker: 0, externalIps: ['1.1.1.1'] }] }),
    ]);
    expect(validationErrors(chart)).toEqual([
      '[test/c] KAF-LIS-016 listener "np": option bootstrap.host does not apply to type nodeport (Strimzi accepts it only on route, ingress, tlsroute); remove it or change the listener type',
      '[test/c] KAF-LIS-016 listener "np": option bootstrap.loadBalancerIp does not apply to type nodeport (Strimzi accepts it only on loadbalancer); remove it or change the listener type',
      '[test/c] KAF-LIS-016 listener "int": option bootstrap.annotations does not apply to type internal (Strimzi accepts it only on cluster-ip, nodeport, loadbalancer, ingress, route, tlsroute); remove it or change the listener type',
      '[test/c] KAF-LIS-016 listener "lb": option brokers[].externalIps does not apply to type loadbalancer (Strimzi accepts it only on nodeport); remove it or change the listener type',
    ]);
  });

  test('ingress and tlsroute need hosts; tlsroute needs parentRefs', () => {
    const { chart } = clusterWith([
      Listener.ingress({ name: 'ing', port: 9094, brokers: [{ broker: 0, host: 'b0.example.com' }] }),
      Listener.tlsRoute({ name: 'tr', port: 9095, bootstrap: { host: 'k.example.com' }, hostTemplate: 'b{nodeId}.example.com', parentRefs: [] }),
    ], [0, 1, 2]);
    expect(validationErrors(chart)).toEqual([
      '[test/c] KAF-LIS-017 listener "ing": type ingress needs a bootstrap host; set bootstrap.host, e.g. "kafka.example.com"',
      '[test/c] KAF-LIS-018 listener "ing": type ingress needs a host for every broker; brokers 1, 2 have none; set hostTemplate (e.g. "broker-{nodeId}.kafka.example.com") or brokers[].host for each broker',
      '[test/c] KAF-LIS-019 listener "tr": type tlsroute needs at least one Gateway parentRef; set parentRefs to the Gateway listener(s) the TLSRoutes attach to',
    ]);
  });

  test('without known node IDs, ingress needs as many broker hosts as brokers', () => {
    const { chart } = clusterWith([Listener.ingress({ name: 'ing', port: 9094, bootstrap: { host: 'k.example.com' }, brokers: [{ broker: 0, host: 'b0' }] })]);
    expect(validationErrors(chart)).toEqual([
      '[test/c] KAF-LIS-018 listener "ing": type ingress needs a host for every broker; 1 of 3 brokers have one; set hostTemplate (e.g. "broker-{nodeId}.kafka.example.com") or brokers[].host for each broker',
    ]);
  });

  test('external listeners without TLS or authentication need the explicit opt-in', () => {
    const { chart } = clusterWith([
      Listener.nodePort({ name: 'plainext', port: 9094, tls: false }),
      Listener.loadBalancer({ name: 'noauth', port: 9095, authentication: ListenerAuthentication.none() }),
      Listener.nodePort({ name: 'optin', port: 9096, tls: false, authentication: ListenerAuthentication.none(), allowInsecureExternalAccess: true }),
      Listener.clusterIp({ name: 'incluster', port: 9097, tls: false, authentication: ListenerAuthentication.none() }),
    ]);
    expect(validationErrors(chart)).toEqual([
      '[test/c] KAF-LIS-027 listener "plainext": type nodeport is reachable from outside the Kubernetes cluster without TLS; enable tls and authentication, or opt in with allowInsecureExternalAccess: true',
      '[test/c] KAF-LIS-027 listener "noauth": type loadbalancer is reachable from outside the Kubernetes cluster without authentication; enable tls and authentication, or opt in with allowInsecureExternalAccess: true',
    ]);
  });
});

describe('listener validation: further rules', () => {
  test('ingress and tlsroute need tls like route', () => {
    const { chart } = clusterWith([
      Listener.ingress({ name: 'ing', port: 9094, tls: false, bootstrap: { host: 'k.example.com' }, hostTemplate: 'b{nodeId}.example.com' }),
      Listener.tlsRoute({ name: 'tr', port: 9095, tls: false, bootstrap: { host: 'k.example.com' }, hostTemplate: 'b{nodeId}.example.com', parentRefs: [{ name: 'gw' }] }),
    ]);
    expect(validationErrors(chart)).toEqual([
      '[test/c] KAF-LIS-012 listener "ing": type ingress needs tls: true (traffic is routed by TLS SNI passthrough on port 443); set tls: true',
      '[test/c] KAF-LIS-012 listener "tr": type tlsroute needs tls: true (traffic is routed by TLS SNI passthrough on port 443); set tls: true',
    ]);
  });

  test('per-broker entries: one per broker, real ports; connection limits >= 0', () => {
    const { chart } = clusterWith([
      Listener.nodePort({
        name: 'np',
        port: 9094,
        bootstrap: { nodePort: 70000 },
        brokers: [{ broker: 0, nodePort: 32000 }, { broker: 0, advertisedPort: 0 }],
        maxConnections: -1,
      }),
    ], [0, 1, 2]);
    expect(validationErrors(chart)).toEqual([
      '[test/c] KAF-LIS-021 listener "np": brokers[] lists node ID 0 more than once (Strimzi applies only one entry per broker); merge the overrides of that broker into one entry',
      '[test/c] KAF-LIS-022 listener "np": brokers[] entry of node 0 has advertisedPort 0, not a TCP port (1-65535); use a port between 1 and 65535',
      '[test/c] KAF-LIS-022 listener "np": bootstrap.nodePort 70000 is not a TCP port (1-65535); use a port in the cluster\'s node port range (30000-32767 by default)',
      '[test/c] KAF-LIS-023 listener "np": maxConnections -1 is not an integer >= 0; set maxConnections to 0 or more, or leave it unset for no limit',
    ]);
  });

  test('network policy peers must select something, and an IP block stands alone', () => {
    const { chart } = clusterWith([
      Listener.internal({
        name: 'tls',
        port: 9093,
        networkPolicyPeers: [{}, { podLabels: { app: 'x' }, ipBlock: '10.0.0.0/8' }, { ipBlock: '10.0.0.1' }, { podLabels: { app: 'ok' }, namespaceLabels: { team: 'a' } }],
      }),
    ]);
    expect(validationErrors(chart)).toEqual([
      '[test/c] KAF-LIS-024 listener "tls": networkPolicyPeers[0] selects nothing (it needs podLabels, namespaceLabels or ipBlock); set podLabels and/or namespaceLabels, or an ipBlock',
      '[test/c] KAF-LIS-025 listener "tls": networkPolicyPeers[1] combines ipBlock 10.0.0.0/8 with label selectors, which Kubernetes does not allow in one peer; split it into two peers',
      '[test/c] KAF-LIS-003 listener "tls": networkPolicyPeers[2] ipBlock "10.0.0.1" is not in CIDR notation; use e.g. "10.0.0.0/8"',
    ]);
  });

  test('custom authentication keystore settings would be dropped by Strimzi', () => {
    const { chart } = clusterWith([
      Listener.internal({
        name: 'tls',
        port: 9093,
        authentication: ListenerAuthentication.custom({ listenerConfig: { 'ssl.keystore.location': '/x', 'ssl.truststore.location': '/y' } }),
      }),
    ]);
    expect(validationErrors(chart)).toEqual([
      '[test/c] KAF-LIS-026 listener "tls": custom authentication listenerConfig key(s) ssl.keystore.location would be silently dropped (Strimzi owns the listener keystore); remove them; use brokerCertificate to serve your own certificate',
    ]);
  });

  test('the secure default: an external listener with TLS and SCRAM needs no opt-in', () => {
    const lb = Listener.loadBalancer({ name: 'ext', port: 9094 });
    const { chart } = clusterWith([lb]);
    const rendered = docOf(synth(chart), 'Kafka').spec.kafka.listeners[0];
    expect(rendered).toEqual({ name: 'ext', port: 9094, type: 'loadbalancer', tls: true, authentication: { type: 'scram-sha-512' } });
    expect(lb.isExternal).toBe(true);
  });
});
