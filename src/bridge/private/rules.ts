/*
 * Rules the operator-managed bridge and the sidecar share (library-internal).
 */
import { IConstruct } from 'constructs';
import { ViolationCollector } from '../../common/validation';
import { Warnings } from '../../common/warnings';
import { AclPermissionType, AclResourceType, AclRule, KafkaUserAuthenticationType } from '../../strimzi/acl';
import type { IKafkaCluster } from '../../strimzi/cluster';
import { KafkaConnectionDetails } from '../../strimzi/connection';
import { Listener, ListenerAuthenticationType } from '../../strimzi/listener';
import { listenerAccepts } from '../../strimzi/private/user-access';
import type { IKafkaUser } from '../../strimzi/user';
import { clientKeyRule, ClientKind, forbiddenBridgeKeys, forbiddenClientKeys } from '../config-keys';
import { compilesAsJavaRegex, matchesAnyOrigin } from '../java-regex';
import { BridgeHttpOptions } from '../options';

/** The bridge's management port (health, readiness, metrics); bridge 1.0 and later. */
export const MANAGEMENT_PORT = 8081;
/** The bridge's default HTTP API port. */
export const DEFAULT_HTTP_PORT = 8080;

/** How a bridge reaches Kafka. */
export interface BridgeConnectionInput {
  readonly cluster: IKafkaCluster;
  readonly listener: Listener;
  readonly user?: IKafkaUser;
  readonly trustSystemCertificates?: boolean;
}

/** The connection details a bridge uses: the user's, or the cluster's without a user. */
export function bridgeConnection(input: BridgeConnectionInput): KafkaConnectionDetails {
  return input.user ? input.user.connectionDetails(input.listener) : input.cluster.connectionDetails(input.listener);
}

/** KAF-BRG-002, -003, -004, -016: the user, the listener and the trust fit together. */
export function checkConnection(c: ViolationCollector, scope: IConstruct, subject: string, input: BridgeConnectionInput): void {
  const { cluster, listener, user } = input;
  const known = cluster.listeners.length > 0;
  if (known && !cluster.listeners.includes(listener)) {
    const same = cluster.findListener(listener.name);
    c.check(same === undefined, subject, `listener "${listener.name}" is not a listener of cluster "${cluster.clusterName}" (its listeners: ${cluster.listeners.map((l) => `"${l.name}"`).join(', ')})`,
      'pass one of the cluster\'s listeners, e.g. cluster.findListener("tls")', 'KAF-BRG-016');
  }
  if (user) {
    const other = user.cluster.clusterName !== cluster.clusterName || user.cluster.namespace !== cluster.namespace;
    c.check(other, subject, `user "${user.userName}" belongs to cluster "${user.cluster.clusterName}" in namespace "${user.cluster.namespace}", not to cluster "${cluster.clusterName}" in "${cluster.namespace}" (its credentials are unknown there)`,
      `use a KafkaUser of cluster "${cluster.clusterName}"`, 'KAF-BRG-002');
  }
  const auth = listener.authentication.type;
  if (!user) {
    c.check(auth !== ListenerAuthenticationType.NONE && auth !== ListenerAuthenticationType.CUSTOM, subject,
      `listener "${listener.name}" requires ${auth} authentication, but no user is given`,
      `pass a KafkaUser with ${auth} authentication as user`, 'KAF-BRG-003');
  } else {
    const accepts = listenerAccepts(listener, user.authenticationType);
    if (accepts === false) {
      c.add(subject, auth === ListenerAuthenticationType.NONE
        ? `listener "${listener.name}" authenticates no one, so the ${user.authenticationType} credentials of user "${user.userName}" would be ignored (Kafka sees every client as ANONYMOUS)`
        : `user "${user.userName}" authenticates with ${user.authenticationType}, but listener "${listener.name}" accepts only ${auth}`,
      auth === ListenerAuthenticationType.NONE
        ? 'use a listener with authentication, or leave user unset'
        : `use a user with ${auth} authentication, or a listener that accepts ${user.authenticationType}`, 'KAF-BRG-003');
    } else if (accepts === undefined) {
      Warnings.of(scope).add(`listener "${listener.name}" uses custom authentication; the library cannot tell whether it accepts the ${user.authenticationType} credentials of user "${user.userName}"`, 'KAF-BRG-035');
    }
    if (accepts !== false && user.authenticationType === KafkaUserAuthenticationType.TLS_EXTERNAL) {
      const d = user.connectionDetails(listener);
      c.check(!d.userCertificate || !d.userKey, subject, `user "${user.userName}" authenticates with tls-external, and no Secret with its certificate and key is known`,
        'set the certificate and key options of KafkaUserAuthentication.tlsExternal(), or use a tls user', 'KAF-BRG-003');
    }
  }
  if (listener.tls) {
    const ca = bridgeConnection(input).brokerCa;
    c.check(ca === undefined && !input.trustSystemCertificates, subject,
      `listener "${listener.name}" uses TLS with a custom broker certificate whose CA Secret is not named, so the bridge would have nothing to trust the brokers with`,
      'name the CA Secret in the listener\'s brokerCertificate (caSecretName), or set trustSystemCertificates: true when a public CA signed it', 'KAF-BRG-004');
  }
}

/**
 * KAF-BRG-005 to -008, -038 and the any-origin warning. `singleOrigin` names the bridge version
 * when its config is written by the operator, which joins the origins with commas: the bridge
 * compiles that whole value as one regular expression.
 */
export function checkHttp(c: ViolationCollector, scope: IConstruct, subject: string,
  http: BridgeHttpOptions | undefined, minPort: number, singleOrigin?: string): void {
  const port = http?.port ?? DEFAULT_HTTP_PORT;
  c.check(!Number.isInteger(port) || port < minPort || port > 65535, subject,
    `HTTP port ${port} is not an integer from ${minPort} to 65535 (${minPort === 1023 ? 'Strimzi\'s minimum is 1023' : 'the bridge runs as a non-root user, which cannot bind privileged ports below 1024'})`,
    'use e.g. port 8080', 'KAF-BRG-005');
  c.check(port === MANAGEMENT_PORT, subject, `HTTP port ${port} is the bridge's management port (${MANAGEMENT_PORT}: /healthy, /ready, /metrics), so the bridge cannot start`,
    'use another port, e.g. 8080', 'KAF-BRG-006');
  const cors = http?.cors;
  if (cors) {
    c.check(cors.allowedOrigins.length === 0 || cors.allowedMethods.length === 0, subject,
      `CORS needs both allowedOrigins and allowedMethods, but ${cors.allowedOrigins.length === 0 ? 'allowedOrigins' : 'allowedMethods'} is empty`,
      'list at least one origin and one method, or leave cors unset', 'KAF-BRG-007');
    c.check(singleOrigin !== undefined && cors.allowedOrigins.length > 1, subject,
      `CORS lists ${cors.allowedOrigins.length} origins, but the operator joins them with commas and HTTP bridge ${singleOrigin} compiles that whole value as one regular expression, so no origin would match`,
      'give one pattern that matches every origin, e.g. "https://(app|admin)\\.example\\.com"', 'KAF-BRG-038');
    for (const origin of cors.allowedOrigins) {
      if (origin !== '*' && !compilesAsJavaRegex(origin)) {
        c.add(subject, `CORS origin "${origin}" does not compile as a Java regular expression (the bridge matches origins as regular expressions)`,
          'escape special characters, e.g. "https://app\\\\.example\\\\.com"', 'KAF-BRG-008');
      } else if (matchesAnyOrigin(origin)) {
        Warnings.of(scope).add(`CORS origin "${origin}" matches any origin: every web page a user visits can call the bridge from their browser`, 'KAF-BRG-031');
      }
    }
  }
  const tls = http?.tls;
  if (tls) {
    c.check(tls.certificate.secretName !== tls.key.secretName, subject,
      `HTTP TLS certificate and key are in different Secrets ("${tls.certificate.secretName}", "${tls.key.secretName}"), but the bridge mounts one Secret for both`,
      'keep the certificate and key in one Secret', 'KAF-BRG-017');
  }
}

type Config = { [key: string]: any } | undefined;

/** KAF-BRG-009 and -010: keys the bridge's owner sets. */
export function checkConfigs(c: ViolationCollector, subject: string, configs: Array<[ClientKind, Config]>, bridgeConfig: Config): void {
  for (const [kind, config] of configs) {
    const bad = forbiddenClientKeys(kind, config);
    c.check(bad.length > 0, subject, `${kind} config sets ${bad.map((k) => `"${k}"`).join(', ')}, which the bridge's connection settings own (${clientKeyRule(kind)} are not allowed)`,
      'remove them: bootstrap, TLS and authentication come from the cluster, listener and user', 'KAF-BRG-009');
  }
  const bad = forbiddenBridgeKeys(bridgeConfig);
  c.check(bad.length > 0, subject, `bridge config sets ${bad.map((k) => `"${k}"`).join(', ')} (kafka.*, http.*, bridge.metrics.*, bridge.id, bridge.tracing and bridge.metrics are set from the construct's properties)`,
    'use the producer/consumer/adminClient config, http, metrics and tracing properties instead', 'KAF-BRG-010');
}

/** Warns when the user can do nothing useful through the bridge. */
export function checkUsefulness(scope: IConstruct, input: BridgeConnectionInput, consumers: boolean, producers: boolean): void {
  const { cluster, user } = input;
  if (!user || !cluster.authorizationEnabled || (cluster.authorization?.superUsers ?? []).includes(user.principalName)) {
    return;
  }
  const allows = (r: AclRule) => (r.permission ?? AclPermissionType.ALLOW) === AclPermissionType.ALLOW;
  const topicRules = user.acls.filter((r) => r.resource.type === AclResourceType.TOPIC && allows(r));
  if (topicRules.length === 0) {
    Warnings.of(scope).add(`user "${user.userName}" has no ACL on any topic in this app, so every bridge request that touches Kafka is denied; grant it topics (e.g. grantConsume()/grantProduce()), or ignore this when its owner grants them`, 'KAF-BRG-032');
    return;
  }
  const reads = topicRules.some((r) => r.operations.some((o) => o === 'Read' || o === 'All'));
  const groups = user.acls.some((r) => r.resource.type === AclResourceType.GROUP && allows(r));
  if (consumers && reads && !groups) {
    Warnings.of(scope).add(`user "${user.userName}" may read topics but no consumer group, so creating an HTTP consumer (POST /consumers/<group>) and polling fails; grant the group with grantConsume(topics, { consumerGroup })`, 'KAF-BRG-033');
  }
  if (!consumers && !producers) {
    Warnings.of(scope).add('both the consumer and the producer endpoints are disabled: the bridge can only list topics', 'KAF-BRG-034');
  }
}
