import * as kplus from 'cdk8s-plus-27';
import { Construct, IConstruct } from 'constructs';
import { ClientAuthModel, ClientTlsModel, RuntimeModel } from './private/model';
import { ViolationCollector } from '../common/validation';
import { Warnings } from '../common/warnings';
import { MetricsComponent, MetricsConfig } from '../monitoring/metrics-config';
import { KafkaUserAuthenticationType } from '../strimzi/acl';
import type { IKafkaCluster } from '../strimzi/cluster';
import { KafkaVersion } from '../strimzi/kafka-version';
import { Listener, ListenerAuthenticationType } from '../strimzi/listener';
import { checkResources, renderContainerTemplate, renderJvm, renderPodTemplate, renderProbe, renderResources } from '../strimzi/private/render';
import { Rack } from '../strimzi/rack';
import { JvmOptions } from '../strimzi/resources';
import { StrimziTarget } from '../strimzi/target';
import { ContainerTemplateOptions, PodTemplateOptions, ProbeOptions } from '../strimzi/templates';
import { IKafkaUser, KafkaUser } from '../strimzi/user';

/**
 * Pod settings Kafka Connect and MirrorMaker 2 share.
 */
export interface ConnectRuntimeOptions {
  /**
   * Number of worker pods (0 stops the cluster; its connectors then report NotReady).
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Kafka version of the workers (picks Strimzi's image).
   * @default - the version of the Kafka cluster the workers use
   */
  readonly version?: KafkaVersion;
  /**
   * A container image instead of Strimzi's.
   * @default - Strimzi's Kafka image for `version` (or the build output)
   */
  readonly image?: string;
  /**
   * CPU and memory of the worker container.
   * @default - none set
   */
  readonly resources?: kplus.ContainerResources;
  /**
   * JVM options.
   * @default - Strimzi's defaults
   */
  readonly jvm?: JvmOptions;
  /**
   * Rack awareness: workers' consumers fetch from replicas in their own rack (`client.rack`).
   * @default - none
   */
  readonly rack?: Rack;
  /**
   * Pod settings (`template.pod`).
   * @default - Strimzi's defaults
   */
  readonly podTemplate?: PodTemplateOptions;
  /**
   * Worker container settings (`template.connectContainer`).
   * @default - Strimzi's defaults
   */
  readonly containerTemplate?: ContainerTemplateOptions;
  /**
   * Liveness probe timing.
   * @default - Strimzi's defaults (60 seconds initial delay, 5 seconds timeout)
   */
  readonly livenessProbe?: ProbeOptions;
  /**
   * Readiness probe timing.
   * @default - Strimzi's defaults (60 seconds initial delay, 5 seconds timeout)
   */
  readonly readinessProbe?: ProbeOptions;
  /**
   * Log levels by logger, e.g. `{ rootLogger.level: 'INFO', 'logger.mm2.level': 'DEBUG' }` (inline logging).
   * @default - Strimzi's default logging
   */
  readonly loggers?: { [logger: string]: string };
  /**
   * Prometheus metrics (port `tcp-prometheus` 9404).
   * @default - no metrics
   */
  readonly metrics?: MetricsConfig;
}

/**
 * Connect workers that serve metrics: a `KafkaConnect` or a `KafkaMirrorMaker2`.
 */
export interface IConnectWorkers extends IConstruct {
  /** `metadata.name` of the resource. */
  readonly resourceName: string;
  /** Namespace of the worker pods. */
  readonly namespace: string;
  /** `KafkaConnect` or `KafkaMirrorMaker2` (the pods' `strimzi.io/kind`). */
  readonly workersKind: string;
  /** Prefix of the pod names and the container name (`<name>-connect`, `<name>-mirrormaker2`). */
  readonly podNamePrefix: string;
  /**
   * How the workers expose metrics.
   * @default - no metrics
   */
  readonly metrics?: MetricsConfig;
}

/**
 * How a Connect runtime reaches one Kafka cluster.
 */
export interface ConnectClusterConnection {
  /** The Kafka cluster (own or `KafkaCluster.fromClusterAttributes()`). */
  readonly cluster: IKafkaCluster;
  /** The listener to connect through. */
  readonly listener: Listener;
  /**
   * The KafkaUser to authenticate as (own or `KafkaUser.fromUserName()`); required when the listener authenticates.
   * @default - no authentication
   */
  readonly user?: IKafkaUser;
}

/** Worker config keys Strimzi sets itself (prefixes), and the `ssl.` keys it lets through. */
const FORBIDDEN_WORKER_PREFIXES = ['group.id', 'config.storage.topic', 'offset.storage.topic', 'status.storage.topic', 'ssl.', 'sasl.', 'security.',
  'listeners', 'plugin.path', 'rest.', 'bootstrap.servers', 'consumer.interceptor.classes', 'producer.interceptor.classes', 'prometheus.metrics.reporter.'];
const ALLOWED_SSL_KEYS = ['ssl.endpoint.identification.algorithm', 'ssl.cipher.suites', 'ssl.protocol', 'ssl.enabled.protocols'];
/** Connector config keys Strimzi sets from the spec. */
const FORBIDDEN_CONNECTOR_KEYS = ['name', 'connector.class', 'tasks.max', 'connector.plugin.version'];

/** Worker config keys the operator rejects. @internal */
export function _forbiddenWorkerKeys(config: { [key: string]: any }): string[] {
  return Object.keys(config).filter((k) => !ALLOWED_SSL_KEYS.includes(k) && FORBIDDEN_WORKER_PREFIXES.some((p) => k.startsWith(p))).sort();
}

/** Connector config keys the operator rejects. @internal */
export function _forbiddenConnectorKeys(config: { [key: string]: any }): string[] {
  return Object.keys(config).filter((k) => FORBIDDEN_CONNECTOR_KEYS.includes(k)).sort();
}

/** TLS and authentication of a client for one connection. @internal */
export interface _ClientSecurity {
  readonly bootstrapServers: string;
  readonly tls?: ClientTlsModel;
  readonly authentication?: ClientAuthModel;
  /** Secrets the client reads and the namespace each lives in. */
  readonly secrets: Array<{ name: string; namespace: string }>;
}

/** TLS trust and authentication of a client of `conn`. @internal */
export function _clientSecurity(conn: ConnectClusterConnection): _ClientSecurity {
  const { cluster, listener, user } = conn;
  const secrets: Array<{ name: string; namespace: string }> = [];
  let tls: ClientTlsModel | undefined;
  let authentication: ClientAuthModel | undefined;
  if (user) {
    const d = user.connectionDetails(listener);
    if (d.brokerCa) {
      tls = { trustedCertificates: [{ secretName: d.brokerCa.secretName, certificate: d.brokerCa.key }] };
      secrets.push({ name: d.brokerCa.secretName, namespace: d.brokerCaNamespace ?? d.namespace });
    }
    const credNs = d.credentialsNamespace ?? d.namespace;
    if (d.password && d.username) {
      authentication = { type: 'scram-sha-512', username: d.username, passwordSecret: { secretName: d.password.secretName, password: d.password.key } };
      secrets.push({ name: d.password.secretName, namespace: credNs });
    } else if (d.userCertificate && d.userKey) {
      authentication = {
        type: 'tls',
        certificateAndKey: { secretName: d.userCertificate.secretName, certificate: d.userCertificate.key, key: d.userKey.key },
      };
      secrets.push({ name: d.userCertificate.secretName, namespace: credNs });
    }
    return { bootstrapServers: d.bootstrapServers, tls, authentication, secrets };
  }
  const d = cluster.connectionDetails(listener);
  if (d.brokerCa) {
    tls = { trustedCertificates: [{ secretName: d.brokerCa.secretName, certificate: d.brokerCa.key }] };
    secrets.push({ name: d.brokerCa.secretName, namespace: d.brokerCaNamespace ?? d.namespace });
  }
  return { bootstrapServers: d.bootstrapServers, tls, secrets };
}

/** Rules of one connection: listener of the cluster, user of the cluster, user needed, Secrets reachable. @internal */
export function _checkConnection(c: ViolationCollector, scope: Construct, subject: string, conn: ConnectClusterConnection,
  sec: _ClientSecurity, namespace: string, ruleId: string): void {
  const { cluster, listener, user } = conn;
  c.check(cluster.findListener(listener.name) !== listener, subject,
    `listener "${listener.name}" is not a listener of cluster "${cluster.clusterName}"`,
    'pass one of the cluster\'s listeners (cluster.findListener(name))', ruleId);
  const auth = listener.authentication.type;
  c.check(user === undefined && auth !== ListenerAuthenticationType.NONE, subject,
    `listener "${listener.name}" of cluster "${cluster.clusterName}" requires ${auth} authentication, but no user is given, so the workers cannot connect`,
    'pass a KafkaUser of the cluster as user', ruleId);
  if (user && !(user instanceof KafkaUser)) {
    c.check(user.cluster !== cluster, subject,
      `user "${user.userName}" belongs to cluster "${user.cluster.clusterName}", not to "${cluster.clusterName}"`,
      'pass a user of the cluster the workers connect to', ruleId);
    const scram = user.authenticationType === KafkaUserAuthenticationType.SCRAM_SHA_512;
    c.check(auth === ListenerAuthenticationType.SCRAM_SHA_512 && !scram || auth === ListenerAuthenticationType.TLS && scram, subject,
      `user "${user.userName}" authenticates with ${user.authenticationType}, but listener "${listener.name}" requires ${auth}`,
      'use a user whose authentication matches the listener, or another listener', ruleId);
  }
  const elsewhere = sec.secrets.filter((s) => s.namespace !== namespace);
  if (elsewhere.length > 0) {
    _warn(scope, `${subject}: Strimzi reads ${elsewhere.map((s) => `Secret "${s.name}" (in namespace "${s.namespace}")`).join(' and ')} from namespace "${namespace}"; copy ${elsewhere.length === 1 ? 'it' : 'them'} there (e.g. with SecretCopy or your secret replicator), or the pods do not start`);
  }
}

function _warn(scope: Construct, message: string): void {
  Warnings.of(scope).add(message);
}

/** The runtime part of a model. @internal */
export function _runtimeModel(o: ConnectRuntimeOptions, defaultVersion: KafkaVersion, metricsConfig: any): RuntimeModel {
  return {
    replicas: o.replicas ?? 1,
    version: (o.version ?? defaultVersion).version,
    image: o.image,
    resources: renderResources(o.resources),
    jvmOptions: renderJvm(o.jvm),
    rack: o.rack?._render(),
    livenessProbe: renderProbe(o.livenessProbe),
    readinessProbe: renderProbe(o.readinessProbe),
    loggers: o.loggers && Object.keys(o.loggers).length > 0 ? { ...o.loggers } : undefined,
    metricsConfig,
    podTemplate: renderPodTemplate(o.podTemplate),
    containerTemplate: renderContainerTemplate(o.containerTemplate),
  };
}

/** Rules of the runtime options. @internal */
export function _checkRuntime(c: ViolationCollector, scope: Construct, subject: string, o: ConnectRuntimeOptions, version: KafkaVersion,
  target: StrimziTarget, component: MetricsComponent, namespace: string, idPrefix: string): void {
  const r = o.replicas ?? 1;
  c.check(!(Number.isInteger(r) && r >= 0), subject, `replicas ${r} is not a whole number of 0 or more`, 'use e.g. replicas: 3', `${idPrefix}-020`);
  c.check(!target.supportsKafkaVersion(version.version), subject,
    `Kafka version ${version.version} is not one ${target.displayName} runs (${target.kafkaVersions.join(', ')})`,
    'pick one of those versions', `${idPrefix}-021`);
  checkResources(c, subject, o.resources, o.jvm);
  o.metrics?._check(c, scope, component, namespace, subject);
}
