/*
 * Rules of listeners (KAF-LIS) and of the Kafka cluster itself (KAF-CLU), each with a setup that
 * breaks the rule and the closest valid setup.
 */
import { cluster, pools, TLS } from './fixtures';
import {
  KafkaCluster,
  Listener,
  ListenerAuthentication,
  ListenerOptions,
  NodeRole,
  Rack,
} from '../../src';
import { ruleCase } from '../rule-cases';

// the failing setups warn on purpose
process.env.CDK8S_KAFKA_SILENCE_WARNINGS = '1';

/** A cluster with one listener, its brokers with node IDs 0-2 when `nodeIds` is set. */
function withListener(listener: Listener, nodeIds?: boolean): KafkaCluster {
  return cluster({ listeners: [listener] }, pools(nodeIds));
}

/** An internal listener `tls` on 9093 with some options changed. */
function internal(options: Partial<ListenerOptions>): Listener {
  return Listener.internal({ name: 'tls', port: 9093, ...options });
}

/** A node port listener `ext` on 9094 with some options changed. */
function nodePort(options: Partial<ListenerOptions>): Listener {
  return Listener.nodePort({ name: 'ext', port: 9094, ...options });
}

const CERT = { secretName: 'my-cert', certificate: 'tls.crt', key: 'tls.key' };

describe('listener rules (KAF-LIS)', () => {
  ruleCase('KAF-LIS-003', 'a network policy ipBlock is in CIDR notation', {
    failing: () => withListener(internal({ networkPolicyPeers: [{ ipBlock: '10.0.0.1' }] })),
    edgeValid: () => withListener(internal({ networkPolicyPeers: [{ ipBlock: '10.0.0.1/32' }] })),
    message: '"10.0.0.1" is not in CIDR notation',
  });

  ruleCase('KAF-LIS-009', 'a listener name is 1-11 lower-case letters or digits', {
    failing: () => withListener(internal({ name: 'abcdefghijkl' })),
    edgeValid: () => withListener(internal({ name: 'abcdefghijk' })),
    message: 'name "abcdefghijkl"',
  });

  ruleCase('KAF-LIS-010', 'a listener port is at least 9092', {
    failing: () => withListener(internal({ port: 9091 })),
    edgeValid: () => withListener(internal({ port: 9092 })),
    message: 'port 9091',
  });

  ruleCase('KAF-LIS-011', 'a listener port may not be 9404 (metrics)', {
    failing: () => withListener(internal({ port: 9404 })),
    edgeValid: () => withListener(internal({ port: 9405 })),
    message: 'port 9404',
  });

  ruleCase('KAF-LIS-011', 'a listener port may not be 9999 (JMX)', {
    failing: () => withListener(internal({ port: 9999 })),
    edgeValid: () => withListener(internal({ port: 9998 })),
    message: 'port 9999',
  });

  ruleCase('KAF-LIS-012', 'a route, ingress or tlsroute listener has tls: true', {
    failing: () => withListener(Listener.route({ name: 'route', port: 9094, tls: false })),
    edgeValid: () => withListener(Listener.route({ name: 'route', port: 9094, tls: true })),
    message: 'type route needs tls: true',
  });

  ruleCase('KAF-LIS-013', 'mutual TLS authentication needs a TLS listener', {
    failing: () => withListener(internal({ tls: false, authentication: ListenerAuthentication.tls() })),
    edgeValid: () => withListener(internal({ tls: true, authentication: ListenerAuthentication.tls() })),
  });

  ruleCase('KAF-LIS-014', 'a custom broker certificate needs a TLS listener', {
    failing: () => withListener(internal({ tls: false, brokerCertificate: CERT })),
    edgeValid: () => withListener(internal({ tls: true, brokerCertificate: CERT })),
    message: 'secret "my-cert"',
  });

  ruleCase('KAF-LIS-015', 'a custom broker certificate names its Secret, certificate and key', {
    failing: () => withListener(internal({ brokerCertificate: { ...CERT, key: '' } })),
    edgeValid: () => withListener(internal({ brokerCertificate: CERT })),
  });

  ruleCase('KAF-LIS-016', 'type-specific options only on the types that accept them', {
    failing: () => withListener(nodePort({ bootstrap: { loadBalancerIp: '10.0.0.1' } })),
    edgeValid: () => withListener(Listener.loadBalancer({ name: 'ext', port: 9094, bootstrap: { loadBalancerIp: '10.0.0.1' } })),
    message: 'option bootstrap.loadBalancerIp does not apply to type nodeport',
  });

  ruleCase('KAF-LIS-017', 'an ingress or tlsroute listener has a bootstrap host', {
    failing: () => withListener(Listener.ingress({ name: 'ing', port: 9094, hostTemplate: 'broker-{nodeId}.kafka.example.com' })),
    edgeValid: () => withListener(Listener.ingress({
      name: 'ing', port: 9094, hostTemplate: 'broker-{nodeId}.kafka.example.com', bootstrap: { host: 'kafka.example.com' },
    })),
  });

  ruleCase('KAF-LIS-018', 'an ingress or tlsroute listener has a host for every broker', {
    failing: () => withListener(Listener.ingress({
      name: 'ing', port: 9094, bootstrap: { host: 'kafka.example.com' }, brokers: [0, 1].map((broker) => ({ broker, host: `b${broker}.kafka.example.com` })),
    }), true),
    edgeValid: () => withListener(Listener.ingress({
      name: 'ing', port: 9094, bootstrap: { host: 'kafka.example.com' }, brokers: [0, 1, 2].map((broker) => ({ broker, host: `b${broker}.kafka.example.com` })),
    }), true),
    message: 'brokers 2 have none',
  });

  ruleCase('KAF-LIS-018', 'without known node IDs, an ingress listener has as many broker hosts as brokers', {
    failing: () => withListener(Listener.ingress({
      name: 'ing', port: 9094, bootstrap: { host: 'kafka.example.com' }, brokers: [0, 1].map((broker) => ({ broker, host: `b${broker}.kafka.example.com` })),
    })),
    edgeValid: () => withListener(Listener.ingress({
      name: 'ing', port: 9094, bootstrap: { host: 'kafka.example.com' }, brokers: [0, 1, 2].map((broker) => ({ broker, host: `b${broker}.kafka.example.com` })),
    })),
    message: '2 of 3 brokers have one',
  });

  ruleCase('KAF-LIS-019', 'a tlsroute listener has a Gateway parentRef', {
    failing: () => withListener(Listener.tlsRoute({
      name: 'tr', port: 9095, bootstrap: { host: 'kafka.example.com' }, hostTemplate: 'b{nodeId}.kafka.example.com', parentRefs: [],
    })),
    edgeValid: () => withListener(Listener.tlsRoute({
      name: 'tr', port: 9095, bootstrap: { host: 'kafka.example.com' }, hostTemplate: 'b{nodeId}.kafka.example.com', parentRefs: [{ name: 'gw' }],
    })),
  });

  ruleCase('KAF-LIS-020', 'brokers[].broker is a node ID', {
    failing: () => withListener(internal({ brokers: [{ broker: -1, advertisedHost: 'b.kafka.example.com' }] })),
    edgeValid: () => withListener(internal({ brokers: [{ broker: 0, advertisedHost: 'b.kafka.example.com' }] })),
    message: 'brokers[].broker -1',
  });

  ruleCase('KAF-LIS-021', 'brokers[] has one entry per broker', {
    failing: () => withListener(internal({ brokers: [{ broker: 0, advertisedHost: 'b0.example.com' }, { broker: 0, advertisedPort: 9000 }] })),
    edgeValid: () => withListener(internal({ brokers: [{ broker: 0, advertisedHost: 'b0.example.com' }, { broker: 1, advertisedPort: 9000 }] })),
    message: 'node ID 0 more than once',
  });

  ruleCase('KAF-LIS-022', 'brokers[] advertisedPort and nodePort are TCP ports', {
    failing: () => withListener(nodePort({ brokers: [{ broker: 0, advertisedPort: 0, nodePort: 65536 }] })),
    edgeValid: () => withListener(nodePort({ brokers: [{ broker: 0, advertisedPort: 1, nodePort: 65535 }] })),
    message: 'advertisedPort 0',
  });

  ruleCase('KAF-LIS-022', 'bootstrap.nodePort is a TCP port', {
    failing: () => withListener(nodePort({ bootstrap: { nodePort: 65536 } })),
    edgeValid: () => withListener(nodePort({ bootstrap: { nodePort: 65535 } })),
    message: 'bootstrap.nodePort 65536',
  });

  ruleCase('KAF-LIS-023', 'maxConnections and maxConnectionCreationRate are integers >= 0', {
    failing: () => withListener(internal({ maxConnections: -1, maxConnectionCreationRate: 1.5 })),
    edgeValid: () => withListener(internal({ maxConnections: 0, maxConnectionCreationRate: 0 })),
    message: 'maxConnections -1',
  });

  ruleCase('KAF-LIS-024', 'a network policy peer selects something', {
    failing: () => withListener(internal({ networkPolicyPeers: [{}] })),
    edgeValid: () => withListener(internal({ networkPolicyPeers: [{ podLabels: {} }] })),
    message: 'networkPolicyPeers[0] selects nothing',
  });

  ruleCase('KAF-LIS-025', 'a network policy peer with an ipBlock has no label selectors', {
    failing: () => withListener(internal({ networkPolicyPeers: [{ ipBlock: '10.0.0.0/8', podLabels: { app: 'client' } }] })),
    edgeValid: () => withListener(internal({ networkPolicyPeers: [{ ipBlock: '10.0.0.0/8' }, { podLabels: { app: 'client' } }] })),
  });

  ruleCase('KAF-LIS-026', 'custom authentication sets no ssl.keystore.* keys (Strimzi drops them)', {
    failing: () => withListener(internal({
      authentication: ListenerAuthentication.custom({ sasl: false, listenerConfig: { 'ssl.keystore.location': '/x/keystore.p12' } }),
    })),
    edgeValid: () => withListener(internal({
      authentication: ListenerAuthentication.custom({ sasl: false, listenerConfig: { 'ssl.truststore.location': '/x/truststore.p12' } }),
    })),
    message: 'ssl.keystore.location',
  });

  ruleCase('KAF-LIS-027', 'an external listener has TLS and authentication unless allowInsecureExternalAccess', {
    failing: () => withListener(nodePort({ tls: false, authentication: ListenerAuthentication.none() })),
    edgeValid: () => withListener(nodePort({ tls: false, authentication: ListenerAuthentication.none(), allowInsecureExternalAccess: true })),
    message: 'without TLS and without authentication',
  });

  ruleCase('KAF-LIS-028', 'a cluster has at least one listener', {
    failing: () => cluster({ listeners: [] }),
    edgeValid: () => cluster({ listeners: [TLS()] }),
  });

  ruleCase('KAF-LIS-029', 'listener names are unique', {
    failing: () => cluster({ listeners: [TLS(), Listener.internal({ name: 'tls', port: 9094 })] }),
    edgeValid: () => cluster({ listeners: [TLS(), Listener.internal({ name: 'tls2', port: 9094 })] }),
    message: 'name "tls" is used by more than one listener',
  });

  ruleCase('KAF-LIS-030', 'listener ports are unique', {
    failing: () => cluster({ listeners: [TLS(), Listener.internal({ name: 'tls2', port: 9093 })] }),
    edgeValid: () => cluster({ listeners: [TLS(), Listener.internal({ name: 'tls2', port: 9094 })] }),
    message: 'port 9093 is used by more than one listener',
  });

  ruleCase('KAF-LIS-031', 'brokers[] names only broker node IDs (warning)', {
    failing: () => withListener(internal({ brokers: [{ broker: 3, advertisedHost: 'b3.kafka.example.com' }] }), true),
    edgeValid: () => withListener(internal({ brokers: [{ broker: 2, advertisedHost: 'b2.kafka.example.com' }] }), true),
    message: 'node IDs 3',
  });
});

describe('cluster rules (KAF-CLU and shared IDs)', () => {
  // '-entity-topic-operator' is 22 characters: a 41-character cluster name makes a 63-character label value
  const NAME_41 = `k${'a'.repeat(40)}`;

  ruleCase('KAF-CLU-001', 'the cluster name is a DNS-1035 label', {
    failing: () => cluster({ name: '0-cluster' }),
    edgeValid: () => cluster({ name: 'a-cluster' }),
    message: 'name "0-cluster"',
  });

  ruleCase('KAF-CLU-002', 'names derived from the cluster name fit 63 characters', {
    failing: () => cluster({ name: `${NAME_41}a` }),
    edgeValid: () => cluster({ name: NAME_41 }),
    message: 'would be 64 characters',
  });

  ruleCase('KAF-CLU-003', 'an entity operator watching another namespace (warning)', {
    failing: () => cluster({ entityOperator: { topicOperatorOptions: { watchedNamespace: 'topics' } } }),
    edgeValid: () => cluster({ entityOperator: { topicOperatorOptions: { watchedNamespace: 'kafka' } } }),
    message: 'watches namespace "topics"',
  });

  ruleCase('KAF-CLU-004', 'node pool names are unique in a cluster', {
    failing: () => cluster({}, { ...pools(), more: { name: 'brokers', roles: [NodeRole.BROKER], replicas: 1 } }),
    edgeValid: () => cluster({}, { ...pools(), more: { name: 'brokers2', roles: [NodeRole.BROKER], replicas: 1 } }),
  });

  ruleCase('KAF-CLU-005', 'a cluster has a broker pool with replicas > 0', {
    failing: () => cluster({}, { ...pools(), brokers: { roles: [NodeRole.BROKER], replicas: 0 } }),
    edgeValid: () => cluster({}, { ...pools(), brokers: { roles: [NodeRole.BROKER], replicas: 1 } }),
  });

  ruleCase('KAF-CLU-006', 'a cluster has a controller pool with replicas > 0', {
    failing: () => cluster({}, { ...pools(), ctrl: { roles: [NodeRole.CONTROLLER], replicas: 0 } }),
    edgeValid: () => cluster({}, { ...pools(), ctrl: { roles: [NodeRole.CONTROLLER], replicas: 1 } }),
  });

  ruleCase('KAF-CLU-007', 'the controller quorum has an odd number of nodes', {
    failing: () => cluster({}, { ...pools(), ctrl: { roles: [NodeRole.CONTROLLER], replicas: 2 } }),
    edgeValid: () => cluster({}, { ...pools(), ctrl: { roles: [NodeRole.CONTROLLER], replicas: 3 } }),
    message: 'has 2 nodes',
  });

  ruleCase('KAF-CLU-008', 'a single controller (warning)', {
    failing: () => cluster({}, { ...pools(), ctrl: { roles: [NodeRole.CONTROLLER], replicas: 1 } }),
    edgeValid: () => cluster({}, { ...pools(), ctrl: { roles: [NodeRole.CONTROLLER], replicas: 3 } }),
  });

  ruleCase('KAF-CLU-009', 'maxUnavailable is an integer >= 0', {
    failing: () => cluster({ maxUnavailable: -1 }),
    edgeValid: () => cluster({ maxUnavailable: 0 }),
    message: 'maxUnavailable -1',
  });

  ruleCase('KAF-CLU-010', 'rack from an environment variable that a broker pool does not set (warning)', {
    failing: () => cluster({ rack: Rack.environmentVariable('ZONE') }),
    edgeValid: () => cluster({ rack: Rack.environmentVariable('ZONE') }, {
      ...pools(), brokers: { roles: [NodeRole.BROKER], replicas: 3, containerTemplate: { env: { ZONE: 'zone-a' } } },
    }),
    message: 'broker pool(s) brokers',
  });

  ruleCase('KAF-CLU-011', 'fewer than 3 brokers with the internal topic defaults (warning)', {
    failing: () => cluster({}, { ...pools(), brokers: { roles: [NodeRole.BROKER], replicas: 2 } }),
    edgeValid: () => cluster({}, { ...pools(), brokers: { roles: [NodeRole.BROKER], replicas: 3 } }),
    message: 'has 2 broker(s)',
  });

  ruleCase('KAF-APP-006', 'two pools claim one node ID (node IDs of active pools)', {
    failing: () => cluster({}, {
      ctrl: { roles: [NodeRole.CONTROLLER], replicas: 3, nodeIds: [0, 1, 2] },
      brokers: { roles: [NodeRole.BROKER], replicas: 3, nodeIds: [2, 3, 4] },
    }),
    edgeValid: () => cluster({}, {
      ctrl: { roles: [NodeRole.CONTROLLER], replicas: 3, nodeIds: [0, 1, 2] },
      brokers: { roles: [NodeRole.BROKER], replicas: 3, nodeIds: [3, 4, 5] },
    }),
    message: 'node IDs 2',
  });

  ruleCase('KAF-K8S-001', 'an entity operator watchedNamespace is a namespace name', {
    failing: () => cluster({ entityOperator: { userOperatorOptions: { watchedNamespace: 'Users' } } }),
    edgeValid: () => cluster({ entityOperator: { userOperatorOptions: { watchedNamespace: 'users' } } }),
    message: 'watchedNamespace "Users"',
  });
});
