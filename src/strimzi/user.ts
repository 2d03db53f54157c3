import { Construct, IConstruct } from 'constructs';
import {
  AclOperation,
  AclResource,
  AclResourceType,
  AclRule,
  KafkaUserAuthenticationType,
} from './acl';
import { StrimziResource } from './base';
import type { IKafkaCluster } from './cluster';
import { KafkaConnectionDetails } from './connection';
import { AclGrantOptions, GrantReadOptions, GrantReadWriteOptions, GrantWriteOptions } from './grants';
import { Listener } from './listener';
import { isIpAddress } from './listener-rules';
import type { UserModel } from './model/user';
import { checkAcls, groupAcls, uselessOperationsWarning, writtenAcl } from './private/acl-policy';
import { ImportedKafkaUser } from './private/imported-user';
import { renderedNamespace, trackPatches } from './private/patch-tracking';
import { bytesOf } from './private/units';
import {
  aclAllows, expectedListenerAuth, topicResourceProblem, listenerAccepts, listenerProblem, readRules, userConnectionDetails, writeRules,
} from './private/user-access';
import { checkAuthentication, checkCertificateLifetime, checkQuotas, wholeDays } from './private/user-rules';
import { userRenderer } from './render/user-topic';
import { KafkaUserAuthentication } from './user-authentication';
import { KafkaUserQuotas } from './user-quotas';
import { checkAnnotations, checkLabels } from '../common/k8s-values';
import { isDns1123Subdomain, toDns1123Label } from '../common/names';
import { compact } from '../common/objects';
import { FirstClaims, Registry } from '../common/registry';
import { registerUniqueDocuments } from '../common/unique-documents';
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
   * Grant an ACL rule the way the topics' grants do: merged per resource and
   * de-duplicated with the other grants (for rules a library or construct derives:
   * hand-written rules use `addAcl()` and render as written). For an imported user
   * the rule is reported as one its owner must add, like `addAcl()`.
   * @returns the rule
   */
  grantAcl(rule: AclRule, options?: AclGrantOptions): AclRule;
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
   * ACL rules, rendered as written: in this order, one entry per rule, operations
   * in the order given (so Strimzi's own example users round-trip). More can be
   * added with `addAcl()` (also as written) or the topics' `grantX()` methods
   * (de-duplicated, after the written rules).
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
const USER_MARKER = Symbol.for('cdk8s-kafka.KafkaUser');

const usersByResource = new Registry<IConstruct, FirstClaims<KafkaUser>>(() => new FirstClaims<KafkaUser>());

/**
 * A Strimzi `KafkaUser`: credentials, ACLs and quotas of one Kafka client identity.
 *
 * The User Operator writes the credentials into the Secret `secretName` in the
 * KafkaUser's namespace (the cluster's `userNamespace`); `connectionDetails(listener)`
 * says how a client uses them.
 */
export class KafkaUser extends StrimziResource implements IKafkaUser {
  /**
   * A KafkaUser this app does not manage (another chart, team or repository). Grants to
   * it cannot be rendered: the library reports the exact ACLs its owner must add, as a
   * synth-time error, or a warning when the grant says `ownerGrants: true`.
   */
  public static fromUserName(scope: Construct, id: string, attrs: KafkaUserAttributes): IKafkaUser {
    return new ImportedKafkaUser(scope, id, attrs);
  }

  /** Whether `x` is a `KafkaUser` of this library (a user this app manages, not an imported one). */
  public static isKafkaUser(x: any): x is KafkaUser {
    return x !== null && typeof x === 'object' && USER_MARKER in x;
  }

  public readonly userName: string;
  public readonly cluster: IKafkaCluster;
  public readonly authentication: KafkaUserAuthentication;

  private readonly _acls: AclRule[] = [];
  /** The rules added through grants (de-duplicated when rendered); the others render as written. */
  private readonly _granted = new Set<AclRule>();
  /** The listeners connection details were asked for, checked at validation. */
  private readonly _requestedListeners: Listener[] = [];
  private readonly props: KafkaUserProps;

  private readonly _notTopicGrants: Array<{ problem: string; fix: string }> = [];

  constructor(scope: Construct, id: string, props: KafkaUserProps) {
    const userName = props.userName ?? id.toLowerCase();
    super(scope, id, {
      name: userName,
      namespace: props.cluster.userNamespace,
      target: props.cluster.target,
      kind: 'KafkaUser',
      bindingLabel: props.cluster.clusterName,
    });
    trackPatches(this.resource);
    Object.defineProperty(this, USER_MARKER, { value: true });
    this.props = props;
    this.cluster = props.cluster;
    this.userName = userName;
    this.authentication = props.authentication ?? KafkaUserAuthentication.scramSha512();
    for (const rule of props.acls ?? []) {
      this.addAcl(rule);
    }
    usersByResource.of(this.node.root).claim(`${this.cluster.userNamespace}/${this.userName}`, this);

    registerUniqueDocuments(this, ['KafkaUser']);
    addRules(this, (c) => this.checkRules(c));
  }

  public get authenticationType(): KafkaUserAuthenticationType {
    return this.authentication.type;
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
   * Add an ACL rule. It renders as written: after the rules added before it, as
   * one entry with its operations in the given order (rules from grants are
   * de-duplicated and follow the written ones).
   * @param options ignored for a user this app manages (its ACLs are rendered)
   * @returns the rule
   */
  public addAcl(rule: AclRule, options: AclGrantOptions = {}): AclRule {
    void options;
    this._acls.push(rule);
    return rule;
  }

  /**
   * Let the user consume the given topics: Read and Describe on them, and Read
   * on the consumer group (or group prefix) named in `options`.
   * @param topics `AclResource.topic()`, `AclResource.topicPrefix()` or `AclResource.allTopics()`
   * @returns the rules granted
   */
  public grantReadTopics(topics: AclResource, options: GrantReadOptions = {}): AclRule[] {
    const notTopic = topicResourceProblem(topics, 'grantReadTopics');
    if (notTopic) {
      this._notTopicGrants.push(notTopic);
      return [];
    }
    return readRules(topics, options).map((r) => this.grantAcl(r));
  }

  /**
   * Let the user produce to the given topics: Write and Describe on them (all an
   * idempotent producer needs since Kafka 2.8), plus Write and Describe on the
   * transactional ID (or prefix) named in `options`.
   * @param topics `AclResource.topic()`, `AclResource.topicPrefix()` or `AclResource.allTopics()`
   * @returns the rules granted
   */
  public grantWriteTopics(topics: AclResource, options: GrantWriteOptions = {}): AclRule[] {
    const notTopic = topicResourceProblem(topics, 'grantWriteTopics');
    if (notTopic) {
      this._notTopicGrants.push(notTopic);
      return [];
    }
    return writeRules(topics, options).map((r) => this.grantAcl(r));
  }

  /**
   * `grantReadTopics` and `grantWriteTopics` together.
   * @returns the rules granted
   */
  public grantReadWriteTopics(topics: AclResource, options: GrantReadWriteOptions = {}): AclRule[] {
    return [...this.grantReadTopics(topics, options), ...this.grantWriteTopics(topics, options)];
  }

  /**
   * Grant an ACL rule the way the topics' grants do: merged per resource and
   * de-duplicated with the other grants, after the hand-written rules.
   * @param options ignored for a user this app manages (its ACLs are rendered)
   * @returns the rule
   */
  public grantAcl(rule: AclRule, options: AclGrantOptions = {}): AclRule {
    this._granted.add(rule);
    return this.addAcl(rule, options);
  }

  /**
   * Whether the user may perform `operation` on the named resource, as Kafka's
   * authorizer would decide it: a matching deny rule wins. `All` covers every
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
   * listener of the user's cluster), synthesis fails with an error on this user
   * (checked at validation, so listeners added later count); the returned details
   * are then not usable.
   *
   * The broker CA Secret is in the cluster's namespace and the user Secret in the
   * KafkaUser's; when the User Operator watches another namespace than the
   * cluster's, the details say so with `credentialsNamespace`.
   */
  public connectionDetails(listener: Listener): KafkaConnectionDetails {
    if (!this._requestedListeners.includes(listener)) {
      this._requestedListeners.push(listener);
    }
    return userConnectionDetails(this.cluster, listener, {
      userName: this.userName,
      secretName: this.secretName,
      authType: this.authentication.type,
      certificate: this.authentication.tlsExternalOptions.certificate,
      key: this.authentication.tlsExternalOptions.key,
    });
  }

  private expectedListenerAuth(): string {
    return expectedListenerAuth(this.authentication.type);
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
        `choose a name such as "${toDns1123Label(this.userName)}"`, 'KAF-USR-001');
    }
    const first = usersByResource.of(this.node.root).get(`${this.namespace}/${this.userName}`)!;
    if (first.cluster === this.cluster) {
      if (first !== this) {
        c.add(subject,
          `cluster "${this.cluster.clusterName}" already has a user named "${this.userName}" (${first.node.path}); both render KafkaUser "${this.userName}" in namespace "${this.namespace}", so one would overwrite the other`,
          'define each user once and share the construct', 'KAF-USR-002');
      }
    } else {
      c.add(subject,
        `user "${this.userName}" of cluster "${first.cluster.clusterName}" (${first.node.path}) also renders KafkaUser "${this.userName}" in namespace "${this.namespace}", so one would overwrite the other (and its Secret)`,
        'rename one of the users, or keep the two clusters\' users in different namespaces', 'KAF-USR-002');
    }
    if (!this.cluster.userOperatorEnabled) {
      c.add(subject,
        `cluster "${this.cluster.clusterName}" runs no User Operator, so no credentials, ACLs or quotas are created and the KafkaUser never becomes ready`,
        'enable the User Operator (entityOperator.userOperator: true), or manage the user another way and remove the construct', 'KAF-USR-003');
    }
    checkAuthentication(c, subject, this.authentication,
      { userName: this.userName, namespace: this.namespace, clusterNamespace: this.cluster.namespace });

    const ns = renderedNamespace(this.resource);
    if (ns !== this.namespace) {
      c.add(subject,
        `the KafkaUser is in namespace "${ns}", but the User Operator of cluster "${this.cluster.clusterName}" watches only namespace "${this.namespace}"`,
        `keep the user in ${this.namespace === this.cluster.namespace ? 'the cluster\'s namespace' : `namespace "${this.namespace}", the one the User Operator watches`} (do not patch metadata.namespace)`, 'KAF-USR-004');
    }

    checkAcls(c, subject, this.cluster, this._acls);
    checkLabels(c, subject, 'the user Secret', this.props.secretLabels);
    checkAnnotations(c, subject, 'the user Secret', this.props.secretAnnotations);
    for (const p of this._notTopicGrants) {
      c.add(subject, p.problem, p.fix, 'KAF-APP-005');
    }
    for (const rule of this._acls) {
      const host = rule.host;
      c.check(host !== undefined && host !== '*' && !isIpAddress(host), subject,
        `the ACL rule on ${rule.resource} names host "${host}", but Kafka matches ACL hosts against the client's IP address only (a host name never matches)`,
        'use "*" (any host) or an IP address', 'KAF-APP-003');
    }
    for (const rule of this._acls) {
      const warning = uselessOperationsWarning(this.userName, rule);
      if (warning) {
        Warnings.of(this).add(warning);
      }
    }

    const listeners = this.cluster.listeners;
    if (listeners.length > 0 && listeners.every((l) => this.accepts(l) === false)) {
      c.add(subject,
        `authentication "${this.authentication.type}" is accepted by no listener of cluster "${this.cluster.clusterName}" (listeners: ${listeners.map((l) => `${l.name}=${l.authentication.type}`).join(', ')})`,
        `add a listener with ${this.expectedListenerAuth()} authentication, or change the user's authentication`, 'KAF-USR-019');
    }
    for (const listener of this._requestedListeners) {
      const p = listenerProblem(this.cluster, listener, this.authentication.type);
      if (p) {
        c.add(subject, p.problem, p.fix, p.ruleId);
      }
    }

    checkCertificateLifetime(c, subject, this.authentication);
    checkQuotas(c, subject, this.props.quotas ?? {});
  }

  /** The ACL rules, deduplicated and in a stable order. */
  /** What this user asks for, independent of the Strimzi API version. */
  private model(): UserModel {
    const auth = this.authentication;
    const tls = auth.tlsOptions;
    const q = this.props.quotas;
    return {
      authentication: {
        type: auth.type,
        password: auth.scramOptions.password,
        validityDays: tls.validity && (wholeDays(tls.validity) ?? undefined),
        renewalDays: tls.renewBefore && (wholeDays(tls.renewBefore) ?? undefined),
      },
      acls: this._acls.length > 0 ? [
        ...this._acls.filter((r) => !this._granted.has(r)).map(writtenAcl),
        ...groupAcls(this._acls.filter((r) => this._granted.has(r))),
      ] : undefined,
      quotas: q && compact({
        producerByteRate: q.producerByteRate && bytesOf(q.producerByteRate),
        consumerByteRate: q.consumerByteRate && bytesOf(q.consumerByteRate),
        requestPercentage: q.requestPercentage,
        controllerMutationRate: q.controllerMutationRate,
      }),
      secretLabels: this.props.secretLabels,
      secretAnnotations: this.props.secretAnnotations,
    };
  }

  protected renderSpec(): any {
    return userRenderer(this.target).render(this.model());
  }

  protected orderSpec(resolved: any): any {
    return userRenderer(this.target).order(resolved);
  }
}
