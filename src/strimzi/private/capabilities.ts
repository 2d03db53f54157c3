/*
 * What differs between Strimzi releases, keyed by target (library-internal): the
 * capability tables rules read instead of hard-coding one release's facts. A new
 * target adds its tables here (and, with a new API version, a renderer folder
 * under ../render/). Listener types are the Strimzi strings, so this module
 * depends on nothing else of the library but the target.
 */
import type { StrimziTarget } from '../target';

/** One release's capability tables. */
export interface StrimziCapabilities {
  /** The listener types the operator accepts (`spec.kafka.listeners[].type`). */
  readonly listenerTypes: string[];
  /** Which listener types accept which `configuration` option; options not listed apply to every type. */
  readonly listenerOptionTypes: { [option: string]: string[] };
  /** `spec.kafka.config` keys the operator forbids (case-insensitive prefixes). */
  readonly brokerConfigForbiddenPrefixes: string[];
  /** Forbidden-prefix broker keys the operator lets through (exact matches). */
  readonly brokerConfigForbiddenExceptions: string[];
  /** `spec.cruiseControl.config` keys the operator owns (case-insensitive prefixes). */
  readonly cruiseControlForbiddenConfigPrefixes: string[];
  /** Forbidden-prefix Cruise Control keys the operator lets through (exact matches). */
  readonly cruiseControlAllowedConfig: string[];
}

const ALL_BUT_INTERNAL = [
  'cluster-ip', 'nodeport', 'loadbalancer', 'ingress', 'route', 'tlsroute',
];
const HOSTED = ['route', 'ingress', 'tlsroute'];

/**
 * Which listener types accept which `configuration` option (Strimzi 1.2.0's listener validator).
 * Options not listed apply to every type.
 */
const V1_2_0_LISTENER_OPTION_TYPES: { [option: string]: string[] } = {
  'useServiceDnsDomain': ['internal', 'cluster-ip'],
  'publishNotReadyAddresses': ALL_BUT_INTERNAL,
  'perBrokerLabelsTemplate': ALL_BUT_INTERNAL,
  'perBrokerAnnotationsTemplate': ALL_BUT_INTERNAL,
  'class': ['ingress', 'loadbalancer'],
  'externalTrafficPolicy': ['loadbalancer', 'nodeport'],
  'loadBalancerSourceRanges': ['loadbalancer'],
  'finalizers': ['loadbalancer'],
  'allocateLoadBalancerNodePorts': ['loadbalancer'],
  'createBootstrapService': ['loadbalancer'],
  'preferredNodePortAddressType': ['nodeport'],
  'hostTemplate': HOSTED,
  'parentRefs': ['tlsroute'],
  'bootstrap.host': HOSTED,
  'brokers[].host': HOSTED,
  'bootstrap.loadBalancerIp': ['loadbalancer'],
  'brokers[].loadBalancerIp': ['loadbalancer'],
  'bootstrap.nodePort': ['nodeport', 'loadbalancer'],
  'brokers[].nodePort': ['nodeport', 'loadbalancer'],
  'bootstrap.externalIPs': ['nodeport'],
  'brokers[].externalIPs': ['nodeport'],
  'bootstrap.labels': ALL_BUT_INTERNAL,
  'bootstrap.annotations': ALL_BUT_INTERNAL,
  'brokers[].labels': ALL_BUT_INTERNAL,
  'brokers[].annotations': ALL_BUT_INTERNAL,
};

/** Keys Strimzi 1.2.0 forbids in `spec.kafka.config` (case-insensitive prefixes). */
const V1_2_0_BROKER_FORBIDDEN_PREFIXES = [
  'listeners', 'advertised.', 'broker.', 'listener.', 'host.name', 'port', 'inter.broker.listener.name', 'sasl.', 'ssl.',
  'security.', 'password.', 'log.dir', 'zookeeper.connect', 'zookeeper.set.acl', 'zookeeper.ssl', 'zookeeper.clientCnxnSocket',
  'authorizer.', 'super.user', 'cruise.control.metrics.topic', 'cruise.control.metrics.reporter.bootstrap.servers', 'node.id',
  'process.roles', 'controller.', 'metadata.log.dir', 'prometheus.metrics.reporter.', 'cordoned.log.dirs',
];

/** Forbidden-prefix keys Strimzi 1.2.0 lets through (exact matches). */
const V1_2_0_BROKER_FORBIDDEN_EXCEPTIONS = [
  'zookeeper.connection.timeout.ms', 'sasl.server.max.receive.size', 'ssl.cipher.suites', 'ssl.protocol', 'ssl.enabled.protocols',
  'ssl.secure.random.implementation', 'cruise.control.metrics.topic.num.partitions', 'cruise.control.metrics.topic.replication.factor',
  'cruise.control.metrics.topic.retention.ms', 'cruise.control.metrics.topic.auto.create.retries',
  'cruise.control.metrics.topic.auto.create.timeout.ms', 'cruise.control.metrics.topic.min.insync.replicas',
  'controller.quorum.election.backoff.max.ms', 'controller.quorum.election.timeout.ms', 'controller.quorum.fetch.timeout.ms',
  'broker.session.timeout.ms', 'broker.heartbeat.interval.ms', 'controller.socket.timeout.ms',
];

/** Cruise Control keys Strimzi 1.2.0 owns (prefixes) and the exceptions it lets through. */
const V1_2_0_CRUISE_CONTROL_FORBIDDEN = ['bootstrap.servers', 'client.id', 'zookeeper.', 'network.', 'security.', 'failed.brokers.zk.path', 'webserver.http.',
  'webserver.api.urlprefix', 'webserver.session.path', 'webserver.accesslog.', 'two.step.', 'request.reason.required',
  'metric.reporter.sampler.bootstrap.servers', 'capacity.config.file', 'self.healing.', 'ssl.', 'kafka.broker.failure.detection.enable',
  'topic.config.provider.class'];
const V1_2_0_CRUISE_CONTROL_ALLOWED = ['ssl.cipher.suites', 'ssl.protocol', 'ssl.enabled.protocols', 'webserver.http.cors.enabled', 'webserver.http.cors.origin',
  'webserver.http.cors.exposeheaders', 'webserver.security.enable', 'webserver.ssl.enable'];

const V1_2_0: StrimziCapabilities = {
  listenerTypes: ['internal', ...ALL_BUT_INTERNAL],
  listenerOptionTypes: V1_2_0_LISTENER_OPTION_TYPES,
  brokerConfigForbiddenPrefixes: V1_2_0_BROKER_FORBIDDEN_PREFIXES,
  brokerConfigForbiddenExceptions: V1_2_0_BROKER_FORBIDDEN_EXCEPTIONS,
  cruiseControlForbiddenConfigPrefixes: V1_2_0_CRUISE_CONTROL_FORBIDDEN,
  cruiseControlAllowedConfig: V1_2_0_CRUISE_CONTROL_ALLOWED,
};

const BY_OPERATOR_VERSION: { [operatorVersion: string]: StrimziCapabilities } = {
  '1.2.0': V1_2_0,
};

/** The capability tables of a target (a target without its own tables gets the newest). */
export function capabilitiesOf(target: StrimziTarget): StrimziCapabilities {
  return BY_OPERATOR_VERSION[target.operatorVersion] ?? V1_2_0;
}
