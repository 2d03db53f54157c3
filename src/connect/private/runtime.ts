/*
 * Helpers Connect and MirrorMaker 2 share: forbidden config keys, client TLS and
 * authentication of a connection, the runtime model and its rules (library-internal).
 */
import { Construct } from 'constructs';
import { ClientAuthModel, ClientTlsModel, RuntimeModel } from './model';
import { ViolationCollector } from '../../common/validation';
import { Warnings } from '../../common/warnings';
import { MetricsComponent } from '../../monitoring/metrics-config';
import { KafkaUserAuthenticationType } from '../../strimzi/acl';
import { KafkaVersion } from '../../strimzi/kafka-version';
import { ListenerAuthenticationType } from '../../strimzi/listener';
import { checkResources, renderContainerTemplate, renderJvm, renderPodTemplate, renderProbe, renderResources } from '../../strimzi/private/render';
import { StrimziTarget } from '../../strimzi/target';
import { KafkaUser } from '../../strimzi/user';
import type { ConnectClusterConnection, ConnectRuntimeOptions } from '../runtime';

/** Worker config keys Strimzi sets itself (prefixes), and the `ssl.` keys it lets through. */
const FORBIDDEN_WORKER_PREFIXES = ['group.id', 'config.storage.topic', 'offset.storage.topic', 'status.storage.topic', 'ssl.', 'sasl.', 'security.',
  'listeners', 'plugin.path', 'rest.', 'bootstrap.servers', 'consumer.interceptor.classes', 'producer.interceptor.classes', 'prometheus.metrics.reporter.'];
const ALLOWED_SSL_KEYS = ['ssl.endpoint.identification.algorithm', 'ssl.cipher.suites', 'ssl.protocol', 'ssl.enabled.protocols'];
/** Connector config keys Strimzi sets from the spec. */
const FORBIDDEN_CONNECTOR_KEYS = ['name', 'connector.class', 'tasks.max', 'connector.plugin.version'];

/** Worker config keys the operator rejects. */
export function _forbiddenWorkerKeys(config: { [key: string]: any }): string[] {
  return Object.keys(config).filter((k) => !ALLOWED_SSL_KEYS.includes(k) && FORBIDDEN_WORKER_PREFIXES.some((p) => k.startsWith(p))).sort();
}

/** Connector config keys the operator rejects. */
export function _forbiddenConnectorKeys(config: { [key: string]: any }): string[] {
  return Object.keys(config).filter((k) => FORBIDDEN_CONNECTOR_KEYS.includes(k)).sort();
}

/** TLS and authentication of a client for one connection. */
export interface _ClientSecurity {
  readonly bootstrapServers: string;
  readonly tls?: ClientTlsModel;
  readonly authentication?: ClientAuthModel;
  /** Secrets the client reads and the namespace each lives in. */
  readonly secrets: Array<{ name: string; namespace: string }>;
}

/** TLS trust and authentication of a client of `conn`. */
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

/** Rules of one connection: listener of the cluster, user of the cluster, user needed, Secrets reachable. */
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
    _warn(scope, ruleId === 'KAF-MM2-022' ? 'KAF-MM2-027' : 'KAF-CON-027', `${subject}: Strimzi reads ${elsewhere.map((s) => `Secret "${s.name}" (in namespace "${s.namespace}")`).join(' and ')} from namespace "${namespace}"; copy ${elsewhere.length === 1 ? 'it' : 'them'} there (e.g. with SecretCopy or your secret replicator), or the pods do not start`);
  }
}

function _warn(scope: Construct, ruleId: string, message: string): void {
  Warnings.of(scope).add(message, ruleId);
}

/** The runtime part of a model. */
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
    podDisruptionBudget: o.maxUnavailable !== undefined ? { maxUnavailable: o.maxUnavailable } : undefined,
  };
}

/** Rules of the runtime options. */
export function _checkRuntime(c: ViolationCollector, scope: Construct, subject: string, o: ConnectRuntimeOptions, version: KafkaVersion,
  target: StrimziTarget, component: MetricsComponent, namespace: string, idPrefix: string): void {
  const r = o.replicas ?? 1;
  const mm2 = idPrefix === 'KAF-MM2';
  c.check(!(Number.isInteger(r) && r >= 0), subject, `replicas ${r} is not a whole number of 0 or more`, 'use e.g. replicas: 3', mm2 ? 'KAF-MM2-020' : 'KAF-CON-020');
  c.check(!target.supportsKafkaVersion(version.version), subject,
    `Kafka version ${version.version} is not one ${target.displayName} runs (${target.kafkaVersions.join(', ')})`,
    'pick one of those versions', mm2 ? 'KAF-MM2-021' : 'KAF-CON-021');
  const mu = o.maxUnavailable;
  c.check(mu !== undefined && !(Number.isInteger(mu) && mu >= 0), subject, `maxUnavailable ${mu} is not a whole number of 0 or more`,
    'use e.g. maxUnavailable: 1', mm2 ? 'KAF-MM2-023' : 'KAF-CON-029');
  checkResources(c, subject, o.resources, o.jvm);
  o.metrics?._check(c, scope, component, namespace, subject);
}
