import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { KafkaAccessModel } from './model';
import { BoundKafkaUser } from './private/bound-user';
import { isDns1123Subdomain } from '../common/names';
import { addRules, ViolationCollector } from '../common/validation';
import { Warnings } from '../common/warnings';
import { KafkaUserAuthenticationType } from '../strimzi/acl';
import { StrimziResource } from '../strimzi/base';
import type { IKafkaCluster } from '../strimzi/cluster';
import { KafkaConnectionDetails, SecretKeyReference, SecurityProtocol } from '../strimzi/connection';
import { Listener, ListenerAuthenticationType } from '../strimzi/listener';
import { orderKafkaAccessSpecV1Alpha1, renderKafkaAccessSpecV1Alpha1 } from '../strimzi/render/access-v1alpha1';
import type { IKafkaUser } from '../strimzi/user';

const ACCESS_MARKER = Symbol.for('cdk8s-kafka.KafkaAccess');

/**
 * Properties of a `KafkaAccess`.
 */
export interface KafkaAccessProps {
  /** The Kafka cluster to connect to (own or imported). */
  readonly cluster: IKafkaCluster;
  /** The listener the application connects through (`spec.kafka.listener`). */
  readonly listener: Listener;
  /**
   * The KafkaUser whose credentials the binding Secret carries. It must authenticate
   * the way the listener requires and belong to `cluster`.
   * @default - no user: only a listener without authentication, or a client that authenticates on its own
   */
  readonly user?: IKafkaUser;
  /**
   * `metadata.name` of the KafkaAccess.
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * Namespace of the KafkaAccess and of the binding Secret the Access Operator writes:
   * the application's namespace (the Kafka and the KafkaUser may be elsewhere).
   * @default - the chart's namespace, else the cluster's
   */
  readonly namespace?: string;
  /**
   * Name of the binding Secret.
   * @default - the KafkaAccess name
   */
  readonly secretName?: string;
  /**
   * Labels for the binding Secret (`spec.template.secret.metadata.labels`).
   * @default - none
   */
  readonly secretLabels?: { [key: string]: string };
  /**
   * Annotations for the binding Secret (`spec.template.secret.metadata.annotations`).
   * @default - none
   */
  readonly secretAnnotations?: { [key: string]: string };
}

/**
 * A `KafkaAccess` of the Strimzi Access Operator (`access.strimzi.io/v1alpha1`,
 * Access Operator 0.3.0): the operator writes one binding Secret, in the
 * KafkaAccess's namespace, with everything a client needs to connect (bootstrap
 * address, security protocol, truststore, the user's credentials).
 *
 * `connectionDetails` points at that Secret's keys, so `KafkaClient.configureContainer()`
 * wires an application in the KafkaAccess's namespace without reading the Strimzi
 * Secrets of the cluster's namespace; `boundUser` gives the KEDA scaler the same.
 */
export class KafkaAccess extends StrimziResource {
  /** The API version of KafkaAccess (Access Operator 0.3.0). */
  public static readonly API_VERSION = 'access.strimzi.io/v1alpha1';
  /** The Access Operator release this construct writes for. */
  public static readonly ACCESS_OPERATOR_VERSION = '0.3.0';
  /** The oldest Strimzi release Access Operator 0.3.0 works with (it reads `kafka.strimzi.io/v1`). */
  public static readonly MIN_STRIMZI_VERSION = '0.49.0';

  /** Whether `x` is a `KafkaAccess` of this library. */
  public static isKafkaAccess(x: any): x is KafkaAccess {
    return x !== null && typeof x === 'object' && ACCESS_MARKER in x;
  }

  /** The cluster. */
  public readonly cluster: IKafkaCluster;
  /** The listener. */
  public readonly listener: Listener;
  /**
   * The user whose credentials the binding Secret carries.
   * @default - none
   */
  public readonly user?: IKafkaUser;
  /** The binding Secret the Access Operator writes (in `namespace`). */
  public readonly secretName: string;
  /**
   * The user as seen through this KafkaAccess, for constructs that take an
   * `IKafkaUser` (the KEDA scaler, the HTTP bridge sidecar): everything delegates to
   * `user`, except `connectionDetails()`, which returns this KafkaAccess's
   * `connectionDetails` (for its listener, and refuses another listener).
   * @default - undefined without a user
   */
  public readonly boundUser?: IKafkaUser;

  private readonly props: KafkaAccessProps;

  constructor(scope: Construct, id: string, props: KafkaAccessProps) {
    const name = props.name ?? id.toLowerCase();
    super(scope, id, {
      name,
      namespace: props.namespace ?? Chart.of(scope).namespace ?? props.cluster.namespace,
      target: props.cluster.target,
      kind: 'KafkaAccess',
      apiVersion: KafkaAccess.API_VERSION,
    });
    Object.defineProperty(this, ACCESS_MARKER, { value: true });
    this.props = props;
    this.cluster = props.cluster;
    this.listener = props.listener;
    this.user = props.user;
    this.secretName = props.secretName ?? name;
    this.boundUser = props.user && new BoundKafkaUser(this, 'BoundUser', props.user, this);
    addRules(this, (c) => this.check(c));
  }

  /** A key of the binding Secret, e.g. `bootstrap.servers`. */
  public secretKey(key: string): SecretKeyReference {
    return { secretName: this.secretName, key };
  }

  /**
   * How a client in this KafkaAccess's namespace connects: bootstrap address and
   * security protocol (as the Access Operator writes them), and every credential read
   * from the binding Secret (`ssl.truststore.crt`; `password` and `sasl.jaas.config`
   * for SCRAM users; `ssl.keystore.crt` and `ssl.keystore.key` for TLS users).
   *
   * `bootstrapServers` is the listener's address as the library knows it; the Secret's
   * `bootstrap.servers` holds the one in the Kafka status (the same for in-cluster
   * listeners). Read it with `secretKey('bootstrap.servers')` for listeners whose
   * address is only known once the cluster runs.
   */
  public get connectionDetails(): KafkaConnectionDetails {
    const l = this.listener;
    const user = this.user;
    const scram = user?.authenticationType === KafkaUserAuthenticationType.SCRAM_SHA_512;
    const tlsUser = user?.authenticationType === KafkaUserAuthenticationType.TLS;
    return {
      bootstrapServers: this.cluster.bootstrapServers(l),
      securityProtocol: accessSecurityProtocol(l),
      namespace: this.cluster.namespace,
      credentialsNamespace: this.namespace,
      brokerCaNamespace: this.namespace,
      clusterName: this.cluster.clusterName,
      listenerName: l.name,
      brokerCa: l.tls ? this.secretKey('ssl.truststore.crt') : undefined,
      saslMechanism: scram ? 'SCRAM-SHA-512' : undefined,
      username: scram ? user!.userName : undefined,
      password: scram ? this.secretKey('password') : undefined,
      jaasConfig: scram ? this.secretKey('sasl.jaas.config') : undefined,
      userCertificate: tlsUser ? this.secretKey('ssl.keystore.crt') : undefined,
      userKey: tlsUser ? this.secretKey('ssl.keystore.key') : undefined,
    };
  }

  protected renderSpec(): any {
    const model: KafkaAccessModel = {
      kafkaName: this.cluster.clusterName,
      kafkaNamespace: this.cluster.namespace,
      listenerName: this.listener.name,
      user: this.user && { name: this.user.userName, namespace: this.user.namespace },
      secretName: this.secretName,
      secretLabels: this.props.secretLabels,
      secretAnnotations: this.props.secretAnnotations,
    };
    return renderKafkaAccessSpecV1Alpha1(model);
  }

  protected orderSpec(resolved: any): any {
    return orderKafkaAccessSpecV1Alpha1(resolved);
  }

  private check(c: ViolationCollector): void {
    const subject = `KafkaAccess "${this.resourceName}"`;
    const { cluster, listener, user } = this;
    c.check(!isStrimziAtLeast(this.target.operatorVersion, KafkaAccess.MIN_STRIMZI_VERSION), subject,
      `cluster "${cluster.clusterName}" is written for ${this.target.displayName}, but Access Operator ${KafkaAccess.ACCESS_OPERATOR_VERSION} (access.strimzi.io/v1alpha1 as rendered here) works with Strimzi ${KafkaAccess.MIN_STRIMZI_VERSION} and later only`,
      `run Strimzi ${KafkaAccess.MIN_STRIMZI_VERSION} or later, or wire the client from the Strimzi Secrets (user.connectionDetails(listener))`, 'KAF-ACC-002');
    const own = cluster.findListener(listener.name);
    c.check(own === undefined, subject,
      `listener "${listener.name}" is not a listener of cluster "${cluster.clusterName}" (${cluster.listeners.map((l) => `"${l.name}"`).join(', ') || 'none known'}), so the Access Operator fails with "The specified listener ${listener.name} is missing from the Kafka resource"`,
      'pass one of the cluster\'s listeners', 'KAF-ACC-004');
    if (user) {
      c.check(user.cluster.clusterName !== cluster.clusterName || user.cluster.namespace !== cluster.namespace, subject,
        `user "${user.userName}" belongs to cluster "${user.cluster.clusterName}" in namespace "${user.cluster.namespace}", not to cluster "${cluster.clusterName}" in "${cluster.namespace}", so its credentials do not work there`,
        `use a user of cluster "${cluster.clusterName}" (cluster.addUser())`, 'KAF-ACC-003');
      const fits = userFitsListener(listener.authentication.type, user.authenticationType);
      c.check(!fits, subject,
        `user "${user.userName}" authenticates with ${user.authenticationType}, which listener "${listener.name}" (${listener.authentication.type === ListenerAuthenticationType.NONE ? 'no authentication' : `${listener.authentication.type} authentication`}) does not accept, so the Access Operator reports that they "do not have compatible authentication configurations"`,
        listener.authentication.type === ListenerAuthenticationType.NONE
          ? 'drop user (a listener without authentication takes no user), or pick a listener with the user\'s authentication'
          : `pick a listener with ${user.authenticationType === KafkaUserAuthenticationType.SCRAM_SHA_512 ? 'scram-sha-512' : 'tls'} authentication, or a user of the listener's kind`,
        'KAF-ACC-001');
      c.check(this.secretName === user.secretName && this.namespace === user.namespace, subject,
        `the binding Secret "${this.secretName}" has the name of the Secret the User Operator writes for user "${user.userName}" in namespace "${this.namespace}", so both operators would overwrite the same Secret`,
        'set secretName (e.g. "<user>-access") or give the KafkaAccess another name', 'KAF-ACC-006');
      c.check(user.authenticationType === KafkaUserAuthenticationType.TLS_EXTERNAL, subject,
        `user "${user.userName}" authenticates with tls-external, for which the User Operator writes no Secret (and no status.secret), so the Access Operator fails with "Secret in KafkaUser status ... missing" and never writes the binding Secret`,
        'use a tls or scram-sha-512 user, or wire the client with the user\'s own certificate (user.connectionDetails(listener))', 'KAF-ACC-007');
    }
    for (const [what, name] of [['name', this.resourceName], ['secretName', this.secretName]]) {
      c.check(!isDns1123Subdomain(name), subject,
        `${what} "${name}" is not a valid Kubernetes name (DNS-1123 subdomain: lower-case letters, digits, '-' and '.', at most 253 characters)`,
        'choose a name like "orders-app-kafka"', 'KAF-ACC-005');
    }
    if (listener.options.brokerCertificate) {
      Warnings.of(this).add(`KafkaAccess "${this.resourceName}": listener "${listener.name}" uses its own broker certificate, but the Access Operator puts the cluster CA (${cluster.clusterCaCertificate.secretName}) into ssl.truststore.crt; give the client the CA of that certificate instead`, 'KAF-ACC-008');
    }
    if (listener.authentication.type === ListenerAuthenticationType.CUSTOM) {
      Warnings.of(this).add(`KafkaAccess "${this.resourceName}": listener "${listener.name}" uses custom authentication, for which the Access Operator writes security.protocol PLAINTEXT and no credentials; configure the client's authentication yourself`, 'KAF-ACC-009');
    }
  }
}

/** The `security.protocol` the Access Operator writes for a listener (it looks at the listener only). */
function accessSecurityProtocol(l: Listener): SecurityProtocol {
  switch (l.authentication.type) {
    case ListenerAuthenticationType.NONE:
      return l.tls ? SecurityProtocol.SSL : SecurityProtocol.PLAINTEXT;
    case ListenerAuthenticationType.TLS:
      return SecurityProtocol.SSL;
    case ListenerAuthenticationType.SCRAM_SHA_512:
      return l.tls ? SecurityProtocol.SASL_SSL : SecurityProtocol.SASL_PLAINTEXT;
    default:
      return SecurityProtocol.PLAINTEXT;
  }
}

/** The Access Operator's compatibility of a listener's and a user's authentication. */
function userFitsListener(listener: ListenerAuthenticationType, user: KafkaUserAuthenticationType): boolean {
  switch (listener) {
    case ListenerAuthenticationType.SCRAM_SHA_512:
      return user === KafkaUserAuthenticationType.SCRAM_SHA_512;
    case ListenerAuthenticationType.TLS:
      return user === KafkaUserAuthenticationType.TLS || user === KafkaUserAuthenticationType.TLS_EXTERNAL;
    default:
      return false;
  }
}

/** Whether Strimzi release `version` (e.g. `1.2.0`) is `min` or later. */
function isStrimziAtLeast(version: string, min: string): boolean {
  const parse = (v: string) => v.split('.').map((x) => parseInt(x, 10) || 0);
  const [a, b] = [parse(version), parse(min)];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}
