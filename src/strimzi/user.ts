import { ApiObject, Duration, Lazy, Size, SizeRoundingBehavior } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import {
  AclOperation,
  AclPatternType,
  AclPermissionType,
  AclResource,
  AclResourceType,
  AclRule,
  KafkaUserAuthenticationType,
} from './acl';
import { KafkaAuthorizationType } from './authorization';
import type { IKafkaCluster } from './cluster';
import { KafkaConnectionDetails, SecretKeyReference } from './connection';
import { AclGrantOptions, GrantReadOptions, GrantReadWriteOptions, GrantWriteOptions } from './grants';
import { Listener, ListenerAuthenticationType } from './listener';
import { ImportedKafkaUser } from './private/imported-user';
import { renderedNamespace } from './private/render';
import { aclAllows, assertTopicResource, listenerAccepts, readRules, userConnectionDetails, writeRules } from './private/user-access';
import * as strimzi from '../../imports/kafka.strimzi.io';
import { isDns1123Subdomain, toDns1123Label } from '../common/names';
import { addRules, ViolationCollector } from '../common/validation';
import { Warnings } from '../common/warnings';

/**
 * A Kafka user managed by the User Operator.
 */
export interface IKafkaUser extends IConstruct {
  /** The user name (the KafkaUser's metadata.name; the SCRAM user name, or `CN=<name>` for TLS). */
  readonly userName: string;
  /** The cluster the user belongs to. */
  readonly cluster: IKafkaCluster;
  /** How the user authenticates. */
  readonly authenticationType: KafkaUserAuthenticationType;
  /** The Secret Strimzi writes the user's credentials into (`<secretPrefix><user>`). */
  readonly secretName: string;
  /** The namespace of the KafkaUser and of its Secret (the cluster's `userNamespace`). */
  readonly namespace: string;
  /** The name Kafka sees: `CN=<name>` for certificate users, `<name>` for SCRAM. */
  readonly principalName: string;
  /** The ACL rules granted to this user by this app. */
  readonly acls: AclRule[];
  /**
   * Whether the user's ACLs allow `operation` on the named resource
   * (literal and prefix rules, `*` and `All`, where deny rules win).
   */
  isAllowed(resourceType: AclResourceType, resourceName: string, operation: AclOperation): boolean;
  /** How this user reaches the cluster through `listener`. */
  connectionDetails(listener: Listener): KafkaConnectionDetails;
  /**
   * Grant an ACL rule. A user this app manages renders it in its KafkaUser; for an
   * imported user the rule is reported as one its owner must add (an error, or a
   * warning with `ownerGrants`).
   * @returns the rule
   */
  addAcl(rule: AclRule, options?: AclGrantOptions): AclRule;
  /**
   * Let the user consume the given topics (Read and Describe, and Read on the group in `options`).
   * @returns the rules granted
   */
  grantReadTopics(topics: AclResource, options?: GrantReadOptions): AclRule[];
  /**
   * Let the user produce to the given topics (Write and Describe, and the transactional ID in `options`).
   * @returns the rules granted
   */
  grantWriteTopics(topics: AclResource, options?: GrantWriteOptions): AclRule[];
  /**
   * `grantReadTopics` and `grantWriteTopics` together.
   * @returns the rules granted
   */
  grantReadWriteTopics(topics: AclResource, options?: GrantReadWriteOptions): AclRule[];
}

/**
 * A KafkaUser this app does not manage, as `KafkaUser.fromUserName()` takes it.
 */
export interface KafkaUserAttributes {
  /** The cluster the user belongs to (own or imported). */
  readonly cluster: IKafkaCluster;
  /** The user name (the KafkaUser's metadata.name). */
  readonly userName: string;
  /**
   * How the user authenticates.
   * @default KafkaUserAuthenticationType.SCRAM_SHA_512
   */
  readonly authenticationType?: KafkaUserAuthenticationType;
}

/**
 * Options of SCRAM-SHA-512 user authentication.
 */
export interface ScramSha512UserAuthenticationOptions {
  /**
   * A Secret key holding the password to use, in the KafkaUser's namespace (the
   * cluster's `userNamespace`, where the User Operator reads it).
   * The User Operator copies it into the user Secret, so connection details
   * still point at `<user>` / `password`.
   * @default - the User Operator generates a password
   */
  readonly password?: SecretKeyReference;
}

/**
 * Options of TLS user authentication.
 */
export interface TlsUserAuthenticationOptions {
  /**
   * How long the user certificate is valid, in whole days. Set together with `renewBefore`.
   * @default - the clients CA setting (365 days unless changed)
   */
  readonly validity?: Duration;
  /**
   * How long before expiry the certificate is renewed, in whole days and less than `validity`.
   * @default - the clients CA setting (30 days unless changed)
   */
  readonly renewBefore?: Duration;
}

/**
 * Options of `tls-external` user authentication.
 */
export interface TlsExternalUserAuthenticationOptions {
  /**
   * Where the certificate issued outside Strimzi is stored, for connection details:
   * a Secret in the KafkaUser's namespace, like the Secrets Strimzi writes for users.
   * @default - connection details name no client certificate
   */
  readonly certificate?: SecretKeyReference;
  /**
   * Where the private key of that certificate is stored, for connection details
   * (a Secret in the KafkaUser's namespace).
   * @default - connection details name no client key
   */
  readonly key?: SecretKeyReference;
}

/**
 * How a KafkaUser authenticates.
 */
export class KafkaUserAuthentication {
  /** SASL SCRAM-SHA-512, with a generated password or one from a Secret you name. */
  public static scramSha512(options: ScramSha512UserAuthenticationOptions = {}): KafkaUserAuthentication {
    return new KafkaUserAuthentication(KafkaUserAuthenticationType.SCRAM_SHA_512, options, {}, {});
  }

  /** Mutual TLS with a certificate the User Operator issues from the clients CA. */
  public static tls(options: TlsUserAuthenticationOptions = {}): KafkaUserAuthentication {
    return new KafkaUserAuthentication(KafkaUserAuthenticationType.TLS, {}, options, {});
  }

  /** Mutual TLS with a certificate issued outside Strimzi (ACLs and quotas are still managed). */
  public static tlsExternal(options: TlsExternalUserAuthenticationOptions = {}): KafkaUserAuthentication {
    return new KafkaUserAuthentication(KafkaUserAuthenticationType.TLS_EXTERNAL, {}, {}, options);
  }

  private constructor(
    /** The authentication type. */
    public readonly type: KafkaUserAuthenticationType,
    /** SCRAM options. */
    public readonly scramOptions: ScramSha512UserAuthenticationOptions,
    /** TLS options. */
    public readonly tlsOptions: TlsUserAuthenticationOptions,
    /** tls-external options. */
    public readonly tlsExternalOptions: TlsExternalUserAuthenticationOptions,
  ) {}

  /** Whether the user authenticates with a client certificate (`tls` or `tls-external`). */
  public get usesCertificate(): boolean {
    return this.type !== KafkaUserAuthenticationType.SCRAM_SHA_512;
  }
}

/**
 * Quotas of a KafkaUser, enforced per broker.
 */
export interface KafkaUserQuotas {
  /**
   * Bytes per second the user may produce to each broker (whole bytes).
   * @default - unlimited
   */
  readonly producerByteRate?: Size;
  /**
   * Bytes per second the user may fetch from each broker (whole bytes).
   * @default - unlimited
   */
  readonly consumerByteRate?: Size;
  /**
   * Share of the brokers' network and I/O threads the user may use, in percent (integer).
   * @default - unlimited
   */
  readonly requestPercentage?: number;
  /**
   * Partition mutations per second (create topics, create partitions, delete topics).
   * @default - unlimited
   */
  readonly controllerMutationRate?: number;
}

/**
 * Options of a KafkaUser, as passed to `KafkaCluster.addUser()`.
 */
export interface KafkaUserOptions {
  /**
   * The user name: the KafkaUser's metadata.name and the Kafka principal
   * (`CN=<name>` for TLS). A DNS-1123 subdomain; at most 64 characters for TLS.
   * @default - the construct id, lower-cased
   */
  readonly userName?: string;
  /**
   * How the user authenticates.
   * @default KafkaUserAuthentication.scramSha512()
   */
  readonly authentication?: KafkaUserAuthentication;
  /**
   * ACL rules. More can be added with `addAcl()` or the topics' `grantX()` methods.
   * @default - none
   */
  readonly acls?: AclRule[];
  /**
   * Quotas.
   * @default - none
   */
  readonly quotas?: KafkaUserQuotas;
  /**
   * Extra labels on the Secret the User Operator writes.
   * @default - none
   */
  readonly secretLabels?: { [key: string]: string };
  /**
   * Extra annotations on the Secret the User Operator writes.
   * @default - none
   */
  readonly secretAnnotations?: { [key: string]: string };
}

/**
 * Properties of a `KafkaUser`.
 */
export interface KafkaUserProps extends KafkaUserOptions {
  /**
   * The cluster the user belongs to. The KafkaUser is created in the cluster's
   * `userNamespace`, the namespace its User Operator watches.
   */
  readonly cluster: IKafkaCluster;
}

/**
 * The first user of each KafkaUser `<namespace>/<name>` per app, so the duplicate
 * check is one lookup per user (fleet-scale apps define thousands of users).
 * KafkaUser names are unique per namespace, whichever cluster the users belong to.
 */
const usersByResource = new WeakMap<IConstruct, Map<string, KafkaUser>>();

function userIndexOf(user: KafkaUser): Map<string, KafkaUser> {
  const root = user.node.root;
  let index = usersByResource.get(root);
  if (!index) {
    index = new Map<string, KafkaUser>();
    usersByResource.set(root, index);
  }
  return index;
}

const RESOURCE_ORDER = [AclResourceType.TOPIC, AclResourceType.GROUP, AclResourceType.CLUSTER, AclResourceType.TRANSACTIONAL_ID];
const OPERATION_ORDER = Object.values(AclOperation) as AclOperation[];
/** The operations Kafka's authorizer checks on each resource type (`All` covers them all). */
const OPERATIONS_OF: { [type: string]: AclOperation[] } = {
  [AclResourceType.TOPIC]: [AclOperation.READ, AclOperation.WRITE, AclOperation.CREATE, AclOperation.DELETE, AclOperation.ALTER,
    AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS],
  [AclResourceType.GROUP]: [AclOperation.READ, AclOperation.DESCRIBE, AclOperation.DELETE, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS],
  [AclResourceType.CLUSTER]: [AclOperation.CREATE, AclOperation.CLUSTER_ACTION, AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS,
    AclOperation.IDEMPOTENT_WRITE, AclOperation.ALTER, AclOperation.DESCRIBE],
  [AclResourceType.TRANSACTIONAL_ID]: [AclOperation.DESCRIBE, AclOperation.WRITE],
};

/**
 * A Strimzi `KafkaUser`: credentials, ACLs and quotas of one Kafka client identity.
 *
 * The User Operator writes the credentials into the Secret `secretName` in the
 * KafkaUser's namespace (the cluster's `userNamespace`); `connectionDetails(listener)`
 * says how a client uses them.
 */
export class KafkaUser extends Construct implements IKafkaUser {
  /**
   * A KafkaUser this app does not manage (another chart, team or repository). Grants to
   * it cannot be rendered: the library reports the exact ACLs its owner must add, as a
   * synth-time error, or a warning when the grant says `ownerGrants: true`.
   */
  public static fromUserName(scope: Construct, id: string, attrs: KafkaUserAttributes): IKafkaUser {
    return new ImportedKafkaUser(scope, id, attrs);
  }

  public readonly userName: string;
  public readonly cluster: IKafkaCluster;
  public readonly authentication: KafkaUserAuthentication;
  /** The `KafkaUser` resource (escape hatch). */
  public readonly resource: ApiObject;

  private readonly _acls: AclRule[] = [];
  private readonly _problems: Array<{ problem: string; fix: string }> = [];
  private readonly props: KafkaUserProps;

  constructor(scope: Construct, id: string, props: KafkaUserProps) {
    super(scope, id);
    this.props = props;
    this.cluster = props.cluster;
    this.userName = props.userName ?? id.toLowerCase();
    this.authentication = props.authentication ?? KafkaUserAuthentication.scramSha512();
    for (const rule of props.acls ?? []) {
      this.addAcl(rule);
    }
    const users = userIndexOf(this);
    const key = `${this.cluster.userNamespace}/${this.userName}`;
    if (!users.has(key)) {
      users.set(key, this);
    }

    this.resource = new strimzi.KafkaUser(this, 'Resource', {
      metadata: {
        name: this.userName,
        namespace: this.cluster.userNamespace,
        labels: { 'strimzi.io/cluster': this.cluster.clusterName },
      },
      spec: Lazy.any({ produce: () => this.renderSpec() }) as any,
    });

    addRules(this, (c) => this.checkRules(c));
  }

  public get authenticationType(): KafkaUserAuthenticationType {
    return this.authentication.type;
  }

  /**
   * The namespace of the KafkaUser and of its Secret: the cluster's `userNamespace`,
   * the namespace the User Operator watches.
   */
  public get namespace(): string {
    return this.cluster.userNamespace;
  }

  /**
   * The Secret holding the user's credentials, in the KafkaUser's namespace (`namespace`).
   * For `tls-external` users Strimzi writes no Secret; the name is still reported.
   */
  public get secretName(): string {
    return `${this.cluster.userSecretPrefix ?? ''}${this.userName}`;
  }

  /** The name Kafka sees: `CN=<name>` for certificate users, `<name>` for SCRAM (as used in `superUsers`). */
  public get principalName(): string {
    return this.authentication.usesCertificate ? `CN=${this.userName}` : this.userName;
  }

  /** The ACL rules as added (before deduplication). */
  public get acls(): AclRule[] {
    return [...this._acls];
  }

  /**
   * Add an ACL rule. Rules are deduplicated and emitted in a stable order.
   * @param options ignored for a user this app manages (its ACLs are rendered)
   * @returns the rule
   */
  public addAcl(rule: AclRule, options: AclGrantOptions = {}): AclRule {
    void options;
    this._acls.push(rule);
    const supported = OPERATIONS_OF[rule.resource.type] ?? [];
    const useless = rule.operations.filter((op) => op !== AclOperation.ALL && !supported.includes(op));
    if (useless.length > 0) {
      Warnings.of(this).add(`user "${this.userName}": the ACL rule on ${rule.resource} names ${useless.join(', ')}, which Kafka never checks on a ${rule.resource.type} (it checks ${supported.join(', ')}), so ${useless.length === 1 ? 'it has' : 'they have'} no effect; remove ${useless.length === 1 ? 'it' : 'them'} or use the right resource type`);
    }
    return rule;
  }

  /**
   * Let the user consume the given topics: Read and Describe on them, and Read
   * on the consumer group (or group prefix) named in `options`.
   * @param topics `AclResource.topic()`, `AclResource.topicPrefix()` or `AclResource.allTopics()`
   * @returns the rules granted
   */
  public grantReadTopics(topics: AclResource, options: GrantReadOptions = {}): AclRule[] {
    assertTopicResource(topics, 'grantReadTopics');
    return readRules(topics, options).map((r) => this.addAcl(r));
  }

  /**
   * Let the user produce to the given topics: Write and Describe on them (all an
   * idempotent producer needs since Kafka 2.8), plus Write and Describe on the
   * transactional ID (or prefix) named in `options`.
   * @param topics `AclResource.topic()`, `AclResource.topicPrefix()` or `AclResource.allTopics()`
   * @returns the rules granted
   */
  public grantWriteTopics(topics: AclResource, options: GrantWriteOptions = {}): AclRule[] {
    assertTopicResource(topics, 'grantWriteTopics');
    return writeRules(topics, options).map((r) => this.addAcl(r));
  }

  /**
   * `grantReadTopics` and `grantWriteTopics` together.
   * @returns the rules granted
   */
  public grantReadWriteTopics(topics: AclResource, options: GrantReadWriteOptions = {}): AclRule[] {
    return [...this.grantReadTopics(topics, options), ...this.grantWriteTopics(topics, options)];
  }

  /**
   * Records a problem found while composing this user (reported at synth time).
   * @internal
   */
  public _addProblem(problem: string, fix: string): void {
    this._problems.push({ problem, fix });
  }

  /**
   * Whether the user may perform `operation` on the named resource, as Kafka's
   * authorizer would decide it. A matching deny rule wins; `All` covers every
   * operation; Read, Write, Delete and Alter imply Describe; AlterConfigs implies
   * DescribeConfigs. Rules limited to a host other than `*` count for deny only.
   * Super users of the cluster and clusters without authorization allow everything.
   */
  public isAllowed(resourceType: AclResourceType, resourceName: string, operation: AclOperation): boolean {
    return aclAllows(this.cluster, this.principalName, this._acls, resourceType, resourceName, operation);
  }

  /**
   * How this user reaches the cluster through `listener`: bootstrap address,
   * security protocol, and the Secrets and keys holding credentials and the
   * broker CA.
   *
   * When the listener does not accept this user's authentication (or is not a
   * listener of the user's cluster), synthesis fails with an error recorded on
   * this user; the returned details are then not usable.
   *
   * The broker CA Secret is in the cluster's namespace and the user Secret in the
   * KafkaUser's; when the User Operator watches another namespace than the
   * cluster's, the details say so with `credentialsNamespace`.
   */
  public connectionDetails(listener: Listener): KafkaConnectionDetails {
    const problem = this.listenerProblem(listener);
    if (problem) {
      this._problems.push(problem);
    }
    return userConnectionDetails(this.cluster, listener, {
      userName: this.userName,
      secretName: this.secretName,
      authType: this.authentication.type,
      certificate: this.authentication.tlsExternalOptions.certificate,
      key: this.authentication.tlsExternalOptions.key,
    });
  }

  /** Why this user cannot authenticate through `listener`, or undefined when it can. */
  private listenerProblem(listener: Listener): { problem: string; fix: string } | undefined {
    if (this.cluster.findListener(listener.name) !== listener) {
      return {
        problem: `connection details requested through listener "${listener.name}", which is not a listener of cluster "${this.cluster.clusterName}"`,
        fix: 'pass one of the cluster\'s listeners (cluster.findListener(name))',
      };
    }
    if (this.accepts(listener) === false) {
      return {
        problem: `connection details requested through listener "${listener.name}", whose authentication "${listener.authentication.type}" does not accept this user's authentication "${this.authentication.type}"`,
        fix: `use a listener with ${this.expectedListenerAuth()} authentication, or change the user's authentication`,
      };
    }
    if (listener.authentication.type === ListenerAuthenticationType.CUSTOM) {
      return {
        problem: `connection details requested through listener "${listener.name}" with custom authentication, whose credentials this library cannot derive`,
        fix: `use a listener with ${this.expectedListenerAuth()} authentication, or configure the client by hand`,
      };
    }
    return undefined;
  }

  private expectedListenerAuth(): string {
    return this.authentication.usesCertificate ? '"tls"' : '"scram-sha-512"';
  }

  /** Whether a listener accepts this user: true, false, or undefined when it cannot be told (custom). */
  private accepts(listener: Listener): boolean | undefined {
    return listenerAccepts(listener, this.authentication.type);
  }

  private checkRules(c: ViolationCollector): void {
    const subject = `user "${this.userName}"`;
    if (!isDns1123Subdomain(this.userName)) {
      c.add(subject,
        'the name is not a valid Kubernetes name (DNS-1123 subdomain: lower-case letters, digits, "-" and ".", at most 253 characters), and it becomes the KafkaUser\'s metadata.name',
        `choose a name such as "${toDns1123Label(this.userName)}"`);
    }
    const first = userIndexOf(this).get(`${this.namespace}/${this.userName}`)!;
    if (first.cluster === this.cluster) {
      if (first !== this) {
        c.add(subject,
          `cluster "${this.cluster.clusterName}" already has a user named "${this.userName}" (${first.node.path}); both render KafkaUser "${this.userName}" in namespace "${this.namespace}", so one would overwrite the other`,
          'define each user once and share the construct');
      }
    } else {
      c.add(subject,
        `user "${this.userName}" of cluster "${first.cluster.clusterName}" (${first.node.path}) also renders KafkaUser "${this.userName}" in namespace "${this.namespace}", so one would overwrite the other (and its Secret)`,
        'rename one of the users, or keep the two clusters\' users in different namespaces');
    }
    if (!this.cluster.userOperatorEnabled) {
      c.add(subject,
        `cluster "${this.cluster.clusterName}" runs no User Operator, so no credentials, ACLs or quotas are created and the KafkaUser never becomes ready`,
        'enable the User Operator (entityOperator.userOperator: true), or manage the user another way and remove the construct');
    }
    const pw = this.authentication.scramOptions.password;
    if (pw) {
      if (!isDns1123Subdomain(pw.secretName)) {
        c.add(subject,
          `the password Secret name "${pw.secretName}" is not a valid Kubernetes name`,
          `name an existing Secret in ${this.namespace === this.cluster.namespace ? 'the cluster\'s namespace' : `namespace "${this.namespace}", the KafkaUser's`}`);
      }
      if (!/^[-._a-zA-Z0-9]+$/.test(pw.key)) {
        c.add(subject,
          `the password Secret key "${pw.key}" is not a valid Secret key (letters, digits, "-", "_" and ".")`,
          'name the key that holds the password');
      }
    }
    const ext = this.authentication.tlsExternalOptions;
    if (!ext.certificate !== !ext.key) {
      c.add(subject,
        `the tls-external certificate is given ${ext.certificate ? `(secret "${ext.certificate.secretName}") without its key` : `without the certificate (key in secret "${ext.key?.secretName}")`}, so clients cannot be wired with it`,
        'name both the certificate and the key, or neither');
    }
    if (this.authentication.usesCertificate && this.userName.length > 64) {
      c.add(subject,
        `the name has ${this.userName.length} characters, but a ${this.authentication.type} user name becomes the certificate CN, which allows at most 64`,
        'choose a name of at most 64 characters');
    }

    const ns = renderedNamespace(this.resource);
    if (ns !== this.namespace) {
      c.add(subject,
        `the KafkaUser is in namespace "${ns}", but the User Operator of cluster "${this.cluster.clusterName}" watches only namespace "${this.namespace}"`,
        `keep the user in ${this.namespace === this.cluster.namespace ? 'the cluster\'s namespace' : `namespace "${this.namespace}", the one the User Operator watches`} (do not patch metadata.namespace)`);
    }

    if (this._acls.length > 0) {
      const authz = this.cluster.authorization;
      if (!this.cluster.authorizationEnabled) {
        c.add(subject,
          `has ${this._acls.length} ACL rule(s), but cluster "${this.cluster.clusterName}" has no authorization, so the User Operator cannot apply them and the KafkaUser never becomes ready`,
          'enable authorization on the cluster (authorization: KafkaAuthorization.simple()) or remove the ACLs and grants');
      }
      if (authz?.type === KafkaAuthorizationType.CUSTOM && !authz.supportsAdminApi) {
        c.add(subject,
          `has ACL rules, but cluster "${this.cluster.clusterName}" uses a custom authorizer without supportsAdminApi, so the User Operator cannot apply them`,
          'set supportsAdminApi: true if the authorizer supports the Kafka Admin API for ACLs, or remove the ACLs and grants');
      }
    }
    for (const rule of this._acls) {
      if (rule.operations.length === 0) {
        c.add(subject,
          `the ACL rule on ${rule.resource} has no operations`,
          'name at least one operation');
      }
      if (rule.resource.type !== AclResourceType.CLUSTER && !rule.resource.name) {
        c.add(subject,
          `the ACL rule on a ${rule.resource.type} has an empty name`,
          'name the resource, or use "*" for all of them');
      }
    }

    const listeners = this.cluster.listeners;
    if (listeners.length > 0 && listeners.every((l) => this.accepts(l) === false)) {
      c.add(subject,
        `authentication "${this.authentication.type}" is accepted by no listener of cluster "${this.cluster.clusterName}" (listeners: ${listeners.map((l) => `${l.name}=${l.authentication.type}`).join(', ')})`,
        `add a listener with ${this.expectedListenerAuth()} authentication, or change the user's authentication`);
    }
    for (const p of this._problems) {
      c.add(subject, p.problem, p.fix);
    }

    const tls = this.authentication.tlsOptions;
    if (tls.validity || tls.renewBefore) {
      if (!tls.validity || !tls.renewBefore) {
        c.add(subject,
          'certificate validity and renewBefore must be set together',
          'set both validity and renewBefore, or neither');
      }
      const v = tls.validity ? wholeDays(tls.validity) : undefined;
      const r = tls.renewBefore ? wholeDays(tls.renewBefore) : undefined;
      if (v !== undefined && (v === null || v < 1)) {
        c.add(subject,
          `certificate validity ${tls.validity?.toHumanString()} is not a whole number of days of at least 1`,
          'use Duration.days(n) with n >= 1');
      }
      if (r !== undefined && (r === null || r < 1)) {
        c.add(subject,
          `certificate renewBefore ${tls.renewBefore?.toHumanString()} is not a whole number of days of at least 1`,
          'use Duration.days(n) with n >= 1');
      }
      if (typeof v === 'number' && typeof r === 'number' && r >= v) {
        c.add(subject,
          `certificate renewBefore (${r} days) must be less than validity (${v} days)`,
          'renew before the certificate expires, e.g. validity 365 days and renewBefore 30 days');
      }
    }

    const q = this.props.quotas ?? {};
    for (const [name, size] of [['producerByteRate', q.producerByteRate], ['consumerByteRate', q.consumerByteRate]] as Array<[string, Size | undefined]>) {
      if (size !== undefined) {
        const b = bytesOf(size);
        if (!Number.isInteger(b) || b < 0) {
          c.add(subject,
            `quota ${name} ${b} bytes/s is not a whole number of bytes >= 0`,
            'use a whole, non-negative number of bytes per second');
        }
      }
    }
    if (q.requestPercentage !== undefined && (!Number.isInteger(q.requestPercentage) || q.requestPercentage < 0)) {
      c.add(subject,
        `quota requestPercentage ${q.requestPercentage} is not an integer >= 0`,
        'use a whole, non-negative percentage');
    }
    if (q.controllerMutationRate !== undefined && q.controllerMutationRate < 0) {
      c.add(subject,
        `quota controllerMutationRate ${q.controllerMutationRate} is negative`,
        'use a non-negative rate');
    }
  }

  /** The ACL rules, deduplicated and in a stable order. */
  private renderAcls(): strimzi.KafkaUserSpecAuthorizationAcls[] {
    const groups = new Map<string, { key: Array<string | number>; rule: AclRule; ops: Set<AclOperation> }>();
    for (const rule of this._acls) {
      const host = rule.host ?? '*';
      const permission = rule.permission ?? AclPermissionType.ALLOW;
      const key = [
        permission === AclPermissionType.ALLOW ? 0 : 1,
        RESOURCE_ORDER.indexOf(rule.resource.type),
        rule.resource.patternType === AclPatternType.LITERAL ? 0 : 1,
        rule.resource.name ?? '',
        host,
      ];
      const k = JSON.stringify(key);
      const g = groups.get(k) ?? { key, rule: { ...rule, host, permission }, ops: new Set<AclOperation>() };
      rule.operations.forEach((op) => g.ops.add(op));
      groups.set(k, g);
    }
    const sorted = [...groups.values()].sort((a, b) => compareKeys(a.key, b.key));
    return sorted.map(({ rule, ops }) => {
      const r = rule.resource;
      return {
        type: rule.permission === AclPermissionType.DENY ? 'deny' as any : undefined,
        resource: {
          type: r.type as any,
          name: r.type === AclResourceType.CLUSTER ? undefined : r.name,
          patternType: r.patternType === AclPatternType.PREFIX ? 'prefix' as any : undefined,
        },
        host: rule.host === '*' ? undefined : rule.host,
        operations: OPERATION_ORDER.filter((op) => ops.has(op)) as any,
      };
    });
  }

  private renderSpec(): strimzi.KafkaUserSpec {
    const auth = this.authentication;
    const tls = auth.tlsOptions;
    const q = this.props.quotas;
    const quotas = q && {
      producerByteRate: q.producerByteRate && bytesOf(q.producerByteRate),
      consumerByteRate: q.consumerByteRate && bytesOf(q.consumerByteRate),
      requestPercentage: q.requestPercentage,
      controllerMutationRate: q.controllerMutationRate,
    };
    const labels = this.props.secretLabels;
    const annotations = this.props.secretAnnotations;
    return {
      authentication: {
        type: auth.type as any,
        password: auth.scramOptions.password && {
          valueFrom: { secretKeyRef: { name: auth.scramOptions.password.secretName, key: auth.scramOptions.password.key } },
        },
        validityDays: tls.validity && (wholeDays(tls.validity) ?? undefined),
        renewalDays: tls.renewBefore && (wholeDays(tls.renewBefore) ?? undefined),
      },
      authorization: this._acls.length > 0 ? { type: 'simple' as any, acls: this.renderAcls() } : undefined,
      quotas: quotas && Object.values(quotas).some((v) => v !== undefined) ? quotas : undefined,
      template: labels || annotations ? { secret: { metadata: { labels, annotations } } } : undefined,
    };
  }
}

function compareKeys(a: any[], b: any[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] < b[i]) return -1;
    if (a[i] > b[i]) return 1;
  }
  return 0;
}

/** Whole days of a duration, or null when it is not a whole number of days. */
function wholeDays(d: Duration): number | null {
  const days = d.toDays({ integral: false });
  return Number.isInteger(days) ? days : null;
}

/** A size in bytes. */
function bytesOf(size: Size): number {
  return Math.round(size.toKibibytes({ rounding: SizeRoundingBehavior.NONE }) * 1024 * 1000) / 1000;
}

