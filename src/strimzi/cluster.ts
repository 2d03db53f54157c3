import { ApiObject, Chart, Lazy, SizeRoundingBehavior } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { KafkaAuthorization, KafkaAuthorizationType } from './authorization';
import { checkBrokerConfig } from './broker-config';
import { CertificateAuthorityOptions } from './ca';
import { KafkaConnectionDetails, SecretKeyReference } from './connection';
import { CruiseControlOptions } from './cruise-control';
import { EntityOperatorOptions } from './entity-operator';
import { KafkaVersion } from './kafka-version';
import { Listener, ListenerType } from './listener';
import { KafkaNodePool, KafkaNodePoolProps, NodeRole } from './node-pool';
import { checkCa, renderCa } from './private/ca';
import { bootstrapAddress, bootstrapServiceName, clusterConnectionDetails } from './private/connection';
import { ImportedKafkaCluster } from './private/imported-cluster';
import { checkStrimziLabels } from './private/labels';
import { checkResources, compact, renderContainerTemplate, renderJvm, renderPodTemplate, renderProbe, renderL1Resources } from './private/render';
import { Rack, RackType } from './rack';
import { JvmOptions } from './resources';
import { StrimziTarget } from './target';
import { ContainerTemplateOptions, PodTemplateOptions, ProbeOptions } from './templates';
import { Topic, TopicOptions } from './topic';
import { KafkaUser, KafkaUserOptions } from './user';
import * as strimzi from '../../imports/kafka.strimzi.io';
import { isDns1123Label } from '../common/names';
import { addRules, ViolationCollector } from '../common/validation';
import { Warnings } from '../common/warnings';
import { entityOperatorWatchedNamespaceAllowed } from '../operators/cross-checks';

/**
 * What other constructs need to know about a Kafka cluster.
 */
export interface IKafkaCluster extends IConstruct {
  /** The Kafka resource's name (Strimzi's `<cluster>`). */
  readonly clusterName: string;
  /** The namespace of the cluster and of everything Strimzi creates for it. */
  readonly namespace: string;
  /** The Kafka version. */
  readonly version: KafkaVersion;
  /** The Strimzi release the cluster's resources are written for. Every resource that names the cluster inherits it. */
  readonly target: StrimziTarget;
  /** The listeners. */
  readonly listeners: Listener[];
  /**
   * Number of broker nodes, summed over the broker-role node pools. It is 0 when it is not
   * known (an imported cluster without `brokerCount`): rules that need it are skipped.
   */
  readonly brokerCount: number;
  /**
   * Node IDs of the brokers, when known at synth time (every broker pool sets `nodeIds`).
   * @default - not known
   */
  readonly brokerNodeIds?: number[];
  /** Whether the cluster enables authorization (ACLs are enforced). */
  readonly authorizationEnabled: boolean;
  /**
   * How the brokers authorize requests.
   * @default - no authorization
   */
  readonly authorization?: KafkaAuthorization;
  /** The Secret and key holding the CA that signs the brokers' certificates. */
  readonly clusterCaCertificate: SecretKeyReference;
  /** The Secret and key holding the CA that signs the users' certificates. */
  readonly clientsCaCertificate: SecretKeyReference;
  /** Prefix of the Secrets the User Operator writes for KafkaUsers (`<prefix><user>`), often empty. */
  readonly userSecretPrefix: string;
  /**
   * The namespace the Topic Operator watches for KafkaTopics: its `watchedNamespace`,
   * else the cluster's namespace. KafkaTopics of this cluster belong there.
   */
  readonly topicNamespace: string;
  /**
   * The namespace the User Operator watches for KafkaUsers: its `watchedNamespace`,
   * else the cluster's namespace. KafkaUsers of this cluster belong there, and the
   * User Operator writes the user Secrets there too (the CA Secrets stay in `namespace`).
   */
  readonly userNamespace: string;
  /** Whether the Topic Operator runs (KafkaTopics are only handled when it does). */
  readonly topicOperatorEnabled: boolean;
  /** Whether the User Operator runs (KafkaUsers are only handled when it does). */
  readonly userOperatorEnabled: boolean;
  /** Whether Cruise Control runs (needed to change a topic's replication factor). */
  readonly cruiseControlEnabled: boolean;
  /** A listener by name, or undefined. */
  findListener(name: string): Listener | undefined;
  /**
   * The bootstrap address of a listener (`host:port`): the in-cluster bootstrap Service,
   * or for route/ingress/TLSRoute listeners with a bootstrap host `host:443`.
   */
  bootstrapServers(listener: Listener): string;
  /**
   * How a client without a KafkaUser reaches the cluster through `listener`: bootstrap
   * address, security protocol and the broker CA (for a client pod or a tool on a listener
   * without authentication). Users get their credentials from `KafkaUser.connectionDetails()`.
   */
  connectionDetails(listener: Listener): KafkaConnectionDetails;
}

/**
 * A Kafka cluster managed elsewhere (another chart, team or repository), as
 * `KafkaCluster.fromClusterAttributes()` takes it.
 */
export interface KafkaClusterAttributes {
  /** The Kafka resource's name. */
  readonly clusterName: string;
  /** The cluster's namespace. */
  readonly namespace: string;
  /**
   * The listeners clients of this app use (name, port, type, TLS and authentication as the owner configured them).
   * @default - none
   */
  readonly listeners?: Listener[];
  /**
   * The Kafka version.
   * @default KafkaVersion.LATEST
   */
  readonly version?: KafkaVersion;
  /**
   * The Strimzi release that runs the cluster.
   * @default StrimziTarget.LATEST
   */
  readonly target?: StrimziTarget;
  /**
   * How the brokers authorize requests.
   * @default - no authorization
   */
  readonly authorization?: KafkaAuthorization;
  /**
   * The namespace the Topic Operator watches.
   * @default - `namespace`
   */
  readonly topicNamespace?: string;
  /**
   * The namespace the User Operator watches (and writes user Secrets into).
   * @default - `namespace`
   */
  readonly userNamespace?: string;
  /**
   * Prefix of the user Secrets.
   * @default ''
   */
  readonly userSecretPrefix?: string;
  /**
   * Number of brokers, when known. Rules that need it are skipped without it.
   * @default - not known
   */
  readonly brokerCount?: number;
  /**
   * Node IDs of the brokers, when known.
   * @default - not known
   */
  readonly brokerNodeIds?: number[];
  /**
   * Whether the Topic Operator runs.
   * @default true
   */
  readonly topicOperatorEnabled?: boolean;
  /**
   * Whether the User Operator runs.
   * @default true
   */
  readonly userOperatorEnabled?: boolean;
  /**
   * Whether Cruise Control runs.
   * @default false
   */
  readonly cruiseControlEnabled?: boolean;
}

/**
 * Properties of a `KafkaCluster`.
 */
export interface KafkaClusterProps {
  /**
   * The Kafka resource's name.
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * Namespace of the cluster.
   * @default - the chart's namespace, or `default`
   */
  readonly namespace?: string;
  /**
   * Kafka version.
   * @default KafkaVersion.LATEST
   */
  readonly version?: KafkaVersion;
  /**
   * The Strimzi operator release the output is written for. Every resource that
   * names this cluster (node pools, topics, users, ...) inherits it.
   * @default StrimziTarget.LATEST
   */
  readonly target?: StrimziTarget;
  /**
   * KRaft metadata version, e.g. `4.3-IV0` (at least `3.3-IV3`).
   * @default - the operator's default for the Kafka version
   */
  readonly metadataVersion?: string;
  /**
   * Listeners. More can be added with `addListener()`.
   * @default - none
   */
  readonly listeners?: Listener[];
  /**
   * How the brokers authorize requests. Without it every authenticated client may do anything.
   * @default - no authorization
   */
  readonly authorization?: KafkaAuthorization;
  /**
   * Broker configuration (`spec.kafka.config`). Keys Strimzi owns, keys removed in
   * Kafka 4 and bad values of well-known keys are synth-time errors.
   * @default - none
   */
  readonly config?: { [key: string]: any };
  /**
   * Container image of the Kafka nodes (a custom build of Strimzi's Kafka image).
   * @default - Strimzi's image for the Kafka version
   */
  readonly image?: string;
  /**
   * Rack awareness (`broker.rack` from a node label or an environment variable).
   * @default - no rack awareness
   */
  readonly rack?: Rack;
  /**
   * Settings of the cluster CA (signs the brokers' certificates).
   * @default - generated by Strimzi, 365 days validity, 30 days renewal
   */
  readonly clusterCa?: CertificateAuthorityOptions;
  /**
   * Settings of the clients CA (signs the users' certificates).
   * @default - generated by Strimzi, 365 days validity, 30 days renewal
   */
  readonly clientsCa?: CertificateAuthorityOptions;
  /**
   * Entity Operator (Topic and User Operators).
   * @default - both operators run
   */
  readonly entityOperator?: EntityOperatorOptions;
  /**
   * Cruise Control. Its presence enables it.
   * @default - not deployed
   */
  readonly cruiseControl?: CruiseControlOptions;
  /**
   * JVM options of every node (a node pool's `jvm` takes precedence).
   * @default - Strimzi's defaults
   */
  readonly jvm?: JvmOptions;
  /**
   * Readiness probe timing of the Kafka nodes.
   * @default - Strimzi's defaults
   */
  readonly readinessProbe?: ProbeOptions;
  /**
   * Liveness probe timing of the Kafka nodes.
   * @default - Strimzi's defaults
   */
  readonly livenessProbe?: ProbeOptions;
  /**
   * Pod settings of every Kafka node (node pool templates take precedence).
   * @default - none
   */
  readonly podTemplate?: PodTemplateOptions;
  /**
   * Kafka container settings of every node.
   * @default - none
   */
  readonly containerTemplate?: ContainerTemplateOptions;
  /**
   * Maximum Kafka pods the PodDisruptionBudget lets be evicted at once (0 blocks voluntary evictions).
   * @default 1
   */
  readonly maxUnavailable?: number;
  /**
   * Labels on the Kafka resource (Strimzi copies them to cluster-wide objects).
   * Only `strimzi.io/cluster` may use the `strimzi.io/` prefix.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
}

/**
 * A Strimzi Kafka cluster in KRaft mode: one `Kafka` resource plus its
 * `KafkaNodePool`s.
 */
export class KafkaCluster extends Construct implements IKafkaCluster {
  /**
   * A cluster this app does not manage (another chart, team or repository): topics,
   * users, clients, scalers, bridges and Connect clusters of this app can name it.
   * Nothing is rendered for it.
   */
  public static fromClusterAttributes(scope: Construct, id: string, attrs: KafkaClusterAttributes): IKafkaCluster {
    return new ImportedKafkaCluster(scope, id, attrs);
  }

  public readonly clusterName: string;
  public readonly namespace: string;
  public readonly version: KafkaVersion;
  public readonly target: StrimziTarget;
  /**
   * The `Kafka` resource: the escape hatch for anything not modelled
   * (`ApiObject.of(cluster)` finds it too).
   */
  public readonly resource: ApiObject;

  private readonly _listeners: Listener[] = [];
  private readonly _pools: KafkaNodePool[] = [];
  private readonly _specContributions: Array<(spec: any) => void> = [];
  private readonly props: KafkaClusterProps;

  constructor(scope: Construct, id: string, props: KafkaClusterProps = {}) {
    super(scope, id);
    this.props = props;
    this.clusterName = props.name ?? id.toLowerCase();
    this.namespace = props.namespace ?? Chart.of(this).namespace ?? 'default';
    this.version = props.version ?? KafkaVersion.LATEST;
    this.target = props.target ?? StrimziTarget.LATEST;
    for (const l of props.listeners ?? []) {
      this.addListener(l);
    }

    this.resource = new strimzi.Kafka(this, 'Resource', {
      metadata: { name: this.clusterName, namespace: this.namespace, labels: props.labels && { ...props.labels } },
      spec: Lazy.any({ produce: () => this.renderSpec() }) as any,
    });
    this.warnAboutWatchedNamespaces();
    addRules(this, (c) => this.check(c));
  }

  public get listeners(): Listener[] {
    return [...this._listeners];
  }

  /** The node pools, in the order they were added. */
  public get nodePools(): KafkaNodePool[] {
    return [...this._pools];
  }

  public get brokerCount(): number {
    return this._pools.filter((p) => p.roles.includes(NodeRole.BROKER)).reduce((n, p) => n + p.replicas, 0);
  }

  /** Number of KRaft controller nodes, summed over the controller-role node pools. */
  public get controllerCount(): number {
    return this._pools.filter((p) => p.roles.includes(NodeRole.CONTROLLER)).reduce((n, p) => n + p.replicas, 0);
  }

  public get brokerNodeIds(): number[] | undefined {
    const pools = this._pools.filter((p) => p.isBroker && p.replicas > 0);
    if (pools.length === 0 || pools.some((p) => p.nodeIds === undefined)) {
      return undefined;
    }
    return pools.flatMap((p) => p.nodeIds!).sort((a, b) => a - b);
  }

  public get authorizationEnabled(): boolean {
    return this.props.authorization !== undefined;
  }

  /** The authorization settings, if any. */
  public get authorization(): KafkaAuthorization | undefined {
    return this.props.authorization;
  }

  public get clusterCaCertificate(): SecretKeyReference {
    return { secretName: `${this.clusterName}-cluster-ca-cert`, key: 'ca.crt' };
  }

  public get clientsCaCertificate(): SecretKeyReference {
    return { secretName: `${this.clusterName}-clients-ca-cert`, key: 'ca.crt' };
  }

  public get userSecretPrefix(): string {
    return this.props.entityOperator?.userOperatorOptions?.secretPrefix ?? '';
  }

  public get topicNamespace(): string {
    return this.props.entityOperator?.topicOperatorOptions?.watchedNamespace ?? this.namespace;
  }

  public get userNamespace(): string {
    return this.props.entityOperator?.userOperatorOptions?.watchedNamespace ?? this.namespace;
  }

  public get topicOperatorEnabled(): boolean {
    return this.props.entityOperator?.topicOperator ?? true;
  }

  public get userOperatorEnabled(): boolean {
    return this.props.entityOperator?.userOperator ?? true;
  }

  public get cruiseControlEnabled(): boolean {
    return this.props.cruiseControl !== undefined;
  }

  /** Add a listener. */
  public addListener(listener: Listener): Listener {
    this._listeners.push(listener);
    return listener;
  }

  /** Add a node pool (a `KafkaNodePool` of this cluster). */
  public addNodePool(id: string, props: KafkaNodePoolProps): KafkaNodePool {
    return new KafkaNodePool(this, id, { ...props, cluster: this });
  }

  /**
   * Called by every `KafkaNodePool` of this cluster, however it was created, so the
   * cluster's rules (roles, quorum size, replication factors, names) see all pools.
   * @internal
   */
  public _registerNodePool(pool: KafkaNodePool): void {
    if (!this._pools.includes(pool)) {
      this._pools.push(pool);
    }
  }

  /**
   * The cluster-wide JVM options, used by pools that set none of their own.
   * @internal
   */
  public get _jvm(): JvmOptions | undefined {
    return this.props.jvm;
  }

  /** Add a topic to this cluster (a `KafkaTopic` in `topicNamespace`, the namespace the Topic Operator watches). */
  public addTopic(id: string, options: TopicOptions = {}): Topic {
    return new Topic(this, id, { ...options, cluster: this });
  }

  /** Add a user to this cluster (a `KafkaUser` in `userNamespace`, the namespace the User Operator watches). */
  public addUser(id: string, options: KafkaUserOptions = {}): KafkaUser {
    return new KafkaUser(this, id, { ...options, cluster: this });
  }

  public findListener(name: string): Listener | undefined {
    return this._listeners.find((l) => l.name === name);
  }

  public bootstrapServers(listener: Listener): string {
    return bootstrapAddress(this.clusterName, this.namespace, listener);
  }

  public connectionDetails(listener: Listener): KafkaConnectionDetails {
    return clusterConnectionDetails(this, listener);
  }

  /**
   * The bootstrap address clients outside the Kubernetes cluster use for a listener, when it is
   * known at synth time (see `Listener.externalBootstrapAddress`); undefined for in-cluster
   * listeners and for addresses only known once the Services exist.
   */
  public externalBootstrapServers(listener: Listener): string | undefined {
    return listener.isExternal ? listener.externalBootstrapAddress : undefined;
  }

  /**
   * The name of the in-cluster bootstrap Service of a listener: `<cluster>-kafka-bootstrap`
   * for internal listeners, `<cluster>-kafka-<listener>-bootstrap` for the others.
   */
  public bootstrapServiceName(listener: Listener): string {
    return bootstrapServiceName(this.clusterName, listener);
  }

  /**
   * Lets other constructs of this library contribute to the rendered Kafka spec
   * (metrics, exporters). Applied in order, after the cluster's own rendering.
   * @internal
   */
  public _addSpecContribution(fn: (spec: any) => void): void {
    this._specContributions.push(fn);
  }

  /** The one place the Kafka resource's spec is rendered. */
  private renderSpec(): strimzi.KafkaSpec {
    const p = this.props;
    const auth = p.authorization;
    const eo = p.entityOperator ?? {};
    const spec: any = {
      kafka: compact({
        version: this.version.version,
        metadataVersion: p.metadataVersion,
        image: p.image,
        listeners: this._listeners.map((l) => l._render()),
        config: p.config && Object.keys(p.config).length > 0 ? { ...p.config } : undefined,
        authorization: auth && compact({
          type: auth.type,
          superUsers: auth.superUsers.length > 0 ? auth.superUsers : undefined,
          authorizerClass: auth.authorizerClass,
          supportsAdminApi: auth.type === 'custom' ? auth.supportsAdminApi : undefined,
        }),
        rack: p.rack?._render(),
        readinessProbe: renderProbe(p.readinessProbe),
        livenessProbe: renderProbe(p.livenessProbe),
        jvmOptions: renderJvm(p.jvm),
        template: compact({
          pod: renderPodTemplate(p.podTemplate),
          kafkaContainer: renderContainerTemplate(p.containerTemplate),
          podDisruptionBudget: p.maxUnavailable !== undefined ? { maxUnavailable: p.maxUnavailable } : undefined,
        }),
      }),
      entityOperator: this.topicOperatorEnabled || this.userOperatorEnabled ? compact({
        topicOperator: this.topicOperatorEnabled ? (compact({
          watchedNamespace: eo.topicOperatorOptions?.watchedNamespace,
          reconciliationIntervalMs: eo.topicOperatorOptions?.reconciliationInterval?.toMilliseconds(),
          resources: renderL1Resources(eo.topicOperatorOptions?.resources),
        }) ?? {}) : undefined,
        userOperator: this.userOperatorEnabled ? (compact({
          watchedNamespace: eo.userOperatorOptions?.watchedNamespace,
          reconciliationIntervalMs: eo.userOperatorOptions?.reconciliationInterval?.toMilliseconds(),
          secretPrefix: eo.userOperatorOptions?.secretPrefix,
          resources: renderL1Resources(eo.userOperatorOptions?.resources),
        }) ?? {}) : undefined,
        template: eo.podTemplate && compact({ pod: renderPodTemplate(eo.podTemplate) }),
      }) : undefined,
      clusterCa: renderCa(p.clusterCa),
      clientsCa: renderCa(p.clientsCa),
      cruiseControl: this.renderCruiseControl(),
    };
    for (const fn of this._specContributions) {
      fn(spec);
    }
    return spec;
  }

  private renderCruiseControl(): any {
    const cc = this.props.cruiseControl;
    if (!cc) return undefined;
    const capacity = (o: any) => compact({
      cpu: o.cpu?.amount,
      inboundNetwork: o.inboundNetworkPerSecond && `${o.inboundNetworkPerSecond.toKibibytes()}KiB/s`,
      outboundNetwork: o.outboundNetworkPerSecond && `${o.outboundNetworkPerSecond.toKibibytes()}KiB/s`,
    });
    const config = compact({
      ...cc.config,
      'goals': cc.goals?.join(','),
      'default.goals': cc.defaultGoals?.join(','),
      'hard.goals': cc.hardGoals?.join(','),
    });
    const overrides = cc.brokerCapacityOverrides?.map((o) => ({ brokers: [...o.brokers], ...capacity(o) }));
    return compact({
      config,
      brokerCapacity: compact({ ...capacity(cc.brokerCapacity ?? {}), overrides }),
      autoRebalance: cc.autoRebalance?.map((a) => compact({ mode: a.mode, template: a.templateName ? { name: a.templateName } : undefined })),
      resources: renderL1Resources(cc.resources),
      template: cc.podTemplate && compact({ pod: renderPodTemplate(cc.podTemplate) }),
    }) ?? {};
  }

  private check(c: ViolationCollector): void {
    const subject = `Kafka cluster "${this.clusterName}"`;
    const p = this.props;
    this.checkNames(c, subject);
    checkStrimziLabels(c, subject, p.labels, 'the Kafka resource');
    checkStrimziLabels(c, subject, p.podTemplate?.labels, 'the pod template');

    // Node pools: KRaft needs brokers and controllers.
    const pools = this._pools;
    const names = pools.map((x) => x.poolName);
    const dupNames = names.filter((n, i) => names.indexOf(n) !== i);
    c.check(dupNames.length > 0, subject, `node pool name(s) ${[...new Set(dupNames)].join(', ')} are used twice (pool names must be unique in a cluster)`, 'give every pool its own name');
    c.check(!pools.some((x) => x.isBroker && x.replicas > 0), subject, 'has no node pool with the broker role and replicas > 0 (a KRaft cluster needs brokers)', 'add a pool with NodeRole.BROKER');
    c.check(!pools.some((x) => x.isController && x.replicas > 0), subject, 'has no node pool with the controller role and replicas > 0 (a KRaft cluster needs a controller quorum)', 'add a pool with NodeRole.CONTROLLER (3 replicas is usual)');
    const controllers = this.controllerCount;
    c.check(controllers > 0 && controllers % 2 === 0, subject,
      `the controller quorum has ${controllers} nodes, an even number: a majority of ${controllers} is ${controllers / 2 + 1}, so it survives ${controllers / 2 - 1} failure(s), no more than ${controllers - 1} nodes would`,
      `use an odd number of controllers (${controllers - 1} or ${controllers + 1})`);
    if (controllers === 1) {
      Warnings.of(this).add('the controller quorum has a single node: losing it makes the cluster unavailable; use 3 controllers for production');
    }
    const seenIds = new Set<number>();
    const dupIds = new Set<number>();
    for (const id of pools.flatMap((x) => x.nodeIds ?? [])) {
      (seenIds.has(id) ? dupIds : seenIds).add(id);
    }
    c.check(dupIds.size > 0, subject, `node IDs ${[...dupIds].join(', ')} are claimed by more than one node pool`, 'give every pool its own nodeIds');

    // Kafka version and metadata version.
    this.checkVersions(c, subject);

    // Listeners.
    c.check(this._listeners.length === 0, subject, 'has no listeners (Strimzi requires at least one)', 'add a listener, e.g. Listener.internal({ name: "tls", port: 9093 })');
    const lnames = this._listeners.map((l) => l.name);
    for (const n of new Set(lnames.filter((x, i) => lnames.indexOf(x) !== i))) {
      c.add(`listener "${n}"`, `name "${n}" is used by more than one listener (names must be unique)`, 'rename one of them');
    }
    const ports = this._listeners.map((l) => l.port);
    for (const port of new Set(ports.filter((x, i) => ports.indexOf(x) !== i))) {
      const users = this._listeners.filter((l) => l.port === port).map((l) => `"${l.name}"`).join(', ');
      c.add(`listener ${users}`, `port ${port} is used by more than one listener (ports must be unique)`, 'give each listener its own port');
    }
    const brokerIds = this.brokerNodeIds;
    for (const l of this._listeners) {
      l._check(c, brokerIds, this.brokerCount);
      if (brokerIds) {
        const unknown = (l.options.brokers ?? []).map((b) => b.broker).filter((b) => !brokerIds.includes(b));
        if (unknown.length > 0) {
          Warnings.of(this).add(`listener "${l.name}": brokers[] names node IDs ${unknown.join(', ')}, which are not brokers of this cluster (broker IDs: ${brokerIds.join(', ')}); Strimzi ignores them`);
        }
      }
    }

    // Broker configuration.
    checkBrokerConfig(c, p.config ?? {}, this.brokerCount);
    this.warnAboutInternalTopicDefaults();
    if (p.authorization?.type === KafkaAuthorizationType.CUSTOM) {
      c.check(!p.authorization.authorizerClass?.trim(), subject, 'custom authorization has an empty authorizerClass (Strimzi needs the authorizer\'s class name)',
        'set authorizerClass to the fully qualified class name, or use KafkaAuthorization.simple()');
    }

    // Entity Operator.
    for (const [operator, ns] of [['Topic Operator', p.entityOperator?.topicOperatorOptions?.watchedNamespace], ['User Operator', p.entityOperator?.userOperatorOptions?.watchedNamespace]]) {
      c.check(ns !== undefined && !isDns1123Label(ns), subject,
        `the ${operator}'s watchedNamespace "${ns}" is not a valid namespace name (DNS-1123 label: lower-case letters, digits and '-', at most 63 characters)`,
        'name an existing namespace, or leave watchedNamespace unset to watch the cluster\'s namespace');
    }

    // Everything else.
    checkResources(c, subject, undefined, p.jvm);
    checkCa(c, `${subject} clusterCa`, p.clusterCa);
    checkCa(c, `${subject} clientsCa`, p.clientsCa);
    c.check(p.maxUnavailable !== undefined && (!Number.isInteger(p.maxUnavailable) || p.maxUnavailable < 0), subject,
      `maxUnavailable ${p.maxUnavailable} is not an integer >= 0`, 'use 0 (no voluntary evictions) or more');
    if (p.rack) {
      c.check(p.rack.type === RackType.TOPOLOGY_LABEL && !p.rack.topologyKey, subject, 'rack awareness from a node label has an empty topology key', 'use Rack.topologyLabel("topology.kubernetes.io/zone")');
      c.check(p.rack.type === RackType.ENVIRONMENT_VARIABLE && !p.rack.envVarName, subject, 'rack awareness from an environment variable has an empty variable name', 'use Rack.environmentVariable("MY_RACK")');
      const envVar = p.rack.envVarName;
      if (p.rack.type === RackType.ENVIRONMENT_VARIABLE && envVar && p.containerTemplate?.env?.[envVar] === undefined) {
        const without = pools.filter((x) => x.isBroker && x._containerEnv?.[envVar] === undefined).map((x) => x.poolName);
        if (without.length > 0) {
          Warnings.of(this).add(`rack awareness reads environment variable ${envVar}, but broker pool(s) ${without.join(', ')} do not set it in containerTemplate.env; set it there (one value per pool, e.g. one pool per zone) or add it with a JSON patch`);
        }
      }
    }
    if (p.cruiseControl) {
      this.checkCruiseControl(c, p.cruiseControl);
    }
  }

  /** Names Strimzi derives from the cluster, pool and listener names must stay within Kubernetes limits. */
  private checkNames(c: ViolationCollector, subject: string): void {
    const C = this.clusterName;
    const dns1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
    c.check(!dns1035.test(C), subject,
      `name "${C}" is not a valid DNS-1035 label (lower-case letters, digits and '-', starting with a letter); it becomes part of every Service name Strimzi creates`,
      'choose a name like "my-cluster"');
    const limit = (max: number, name: string, what: string) =>
      c.check(name.length > max, subject, `${what} "${name}" would be ${name.length} characters, above the Kubernetes limit of ${max}`, 'shorten the cluster, node pool or listener name');
    limit(63, `${C}-kafka-bootstrap`, 'the bootstrap Service name');
    if (this.topicOperatorEnabled) {
      limit(63, `${C}-entity-topic-operator`, 'the Topic Operator label value');
    } else if (this.userOperatorEnabled) {
      limit(63, `${C}-entity-user-operator`, 'the User Operator label value');
    }
    if (this.props.cruiseControl) {
      limit(63, `${C}-cruise-control`, 'the Cruise Control Service name');
    }
    const serviceListeners = this._listeners.filter((l) => l.type !== ListenerType.INTERNAL);
    for (const l of serviceListeners) {
      limit(63, `${C}-kafka-${l.name}-bootstrap`, `the bootstrap Service name of listener "${l.name}"`);
    }
    const totalNodes = this._pools.reduce((n, x) => n + Math.max(x.replicas, 0), 0);
    for (const pool of this._pools) {
      const ids = pool.nodeIds ?? this._pools.flatMap((x) => x.nodeIds ?? []);
      const maxId = Math.max(totalNodes - 1, 0, ...ids);
      limit(63, `${C}-${pool.poolName}-${maxId}`, `the pod name of node pool "${pool.poolName}"`);
      if (pool.isBroker) {
        for (const l of serviceListeners.filter((x) => !x.usesLegacyExternalNames)) {
          limit(63, `${C}-${pool.poolName}-${l.name}-${maxId}`, `the per-broker Service name of listener "${l.name}" in pool "${pool.poolName}"`);
        }
      }
    }
  }

  private checkCruiseControl(c: ViolationCollector, cc: CruiseControlOptions): void {
    const subject = `Kafka cluster "${this.clusterName}" cruiseControl`;
    const forbidden = ['bootstrap.servers', 'client.id', 'zookeeper.', 'network.', 'security.', 'failed.brokers.zk.path', 'webserver.http.',
      'webserver.api.urlprefix', 'webserver.session.path', 'webserver.accesslog.', 'two.step.', 'request.reason.required',
      'metric.reporter.sampler.bootstrap.servers', 'capacity.config.file', 'self.healing.', 'ssl.', 'kafka.broker.failure.detection.enable',
      'topic.config.provider.class'];
    const allowed = ['ssl.cipher.suites', 'ssl.protocol', 'ssl.enabled.protocols', 'webserver.http.cors.enabled', 'webserver.http.cors.origin',
      'webserver.http.cors.exposeheaders', 'webserver.security.enable', 'webserver.ssl.enable'];
    for (const key of Object.keys(cc.config ?? {})) {
      const lower = key.toLowerCase();
      const bad = !allowed.includes(key) && forbidden.some((f) => lower.startsWith(f.toLowerCase()));
      c.check(bad, subject, `config key "${key}" is owned by Strimzi and would be silently dropped${lower.startsWith('self.healing.') ? ' (self-healing is not supported with Strimzi)' : ''}`, 'remove it');
    }
    const capacities = [cc.brokerCapacity, ...(cc.brokerCapacityOverrides ?? [])];
    for (const cap of capacities) {
      for (const s of [cap?.inboundNetworkPerSecond, cap?.outboundNetworkPerSecond]) {
        if (s) {
          const kib = s.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
          c.check(!Number.isInteger(kib) || kib <= 0, subject, `network capacity ${s.asString()}/s is not a positive whole number of KiB per second`, 'use Size.kibibytes(), Size.mebibytes() or Size.gibibytes()');
        }
      }
    }
    for (const o of cc.brokerCapacityOverrides ?? []) {
      c.check(o.brokers.length === 0, subject, 'a broker capacity override names no brokers', 'list the node IDs it applies to');
    }
    const modes = (cc.autoRebalance ?? []).map((a) => a.mode);
    for (const mode of new Set(modes.filter((m, i) => modes.indexOf(m) !== i))) {
      c.add(subject, `autoRebalance lists mode ${mode} more than once (one rebalance per mode)`, 'list each mode once');
    }
    for (const [list, name] of [[cc.defaultGoals, 'defaultGoals'], [cc.hardGoals, 'hardGoals']] as Array<[string[] | undefined, string]>) {
      const missing = cc.goals && list ? list.filter((g) => !cc.goals!.includes(g)) : [];
      c.check(missing.length > 0, subject, `${name} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in goals (Cruise Control only uses goals listed in goals)`, `add ${missing.join(', ')} to goals, or remove ${missing.length === 1 ? 'it' : 'them'} from ${name}`);
    }

    // Strimzi's checks of the metrics reporter topic (CruiseControlMetricsReporter).
    const brokers = this.brokerCount;
    const bc: { [key: string]: any } = this.props.config ?? {};
    c.check(brokers > 0 && brokers < 2, subject, `needs at least 2 brokers, but the cluster has ${brokers} (Strimzi refuses Cruise Control on a single-broker cluster)`,
      'add a broker, or remove cruiseControl');
    // Without its own setting the topic takes default.replication.factor, which checkBrokerConfig already bounds.
    const ownRf = bc['cruise.control.metrics.topic.replication.factor'];
    const rf = Number(ownRf ?? bc['default.replication.factor'] ?? 1);
    c.check(ownRf !== undefined && brokers >= 2 && Number.isInteger(rf) && rf > brokers, subject,
      `broker config cruise.control.metrics.topic.replication.factor ${rf} exceeds the ${brokers} brokers (Strimzi rejects the Kafka resource)`,
      `use at most ${brokers}`);
    const isr = Number(bc['cruise.control.metrics.topic.min.insync.replicas'] ?? 1);
    c.check(Number.isInteger(rf) && Number.isInteger(isr) && isr > rf, subject,
      `its metrics topic would get min.insync.replicas ${isr}, above its replication factor ${rf} (Strimzi rejects the Kafka resource)`,
      `set broker config cruise.control.metrics.topic.min.insync.replicas to at most ${rf}`);
  }

  private checkVersions(c: ViolationCollector, subject: string): void {
    const v = this.version.version;
    const parsed = /^(\d+)\.(\d+)\.(\d+)$/.exec(v);
    c.check(!parsed, subject, `Kafka version "${v}" is not a version number major.minor.patch`, `use a KafkaVersion constant, e.g. KafkaVersion.${KafkaVersion.LATEST.version.replace(/\./g, '_').replace(/^/, 'V')}`);
    if (parsed && !this.version.supported) {
      const supported = KafkaVersion.supportedVersions;
      const num = (x: string) => x.split('.').map(Number).reduce((acc, n) => acc * 1000 + n, 0);
      if (num(v) < num(supported[0].version)) {
        c.add(subject, `Kafka ${v} is older than every version Strimzi 1.2.0 runs (${supported.map((x) => x.version).join(', ')}), so the operator rejects the Kafka resource`,
          `use ${supported[0].version} or newer (KafkaVersion.LATEST is ${KafkaVersion.LATEST.version}), upgrading through the versions Kafka requires`);
      } else {
        Warnings.of(this).add(`Kafka version ${v} is not one Strimzi 1.2.0 is known to support (${supported.map((x) => x.version).join(', ')}); make sure your operator supports it`);
      }
    }
    const mv = this.props.metadataVersion;
    if (mv === undefined) {
      return;
    }
    const m = /^(\d+)\.(\d+)(?:-IV(\d+))?$/.exec(mv);
    if (!m) {
      c.add(subject, `metadataVersion "${mv}" is not a KRaft metadata version like "4.3-IV0" or "4.3"`, 'use <major>.<minor>-IV<n>, or leave it unset to use the default of the Kafka version');
      return;
    }
    const [major, minor, iv] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
    const cmp = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
    c.check(cmp([major, minor, iv ?? Number.MAX_SAFE_INTEGER], [3, 3, 3]) < 0, subject,
      `metadataVersion "${mv}" is older than 3.3-IV3, the oldest KRaft metadata version Strimzi 1.2.0 accepts`, 'use 3.3-IV3 or newer (the Kafka version\'s own, e.g. 4.3-IV0, unless you are mid-upgrade)');
    if (parsed) {
      c.check(cmp([major, minor, 0], [Number(parsed[1]), Number(parsed[2]), 0]) > 0, subject,
        `metadataVersion "${mv}" is newer than Kafka ${v} (a metadata version cannot be ahead of the brokers' software)`,
        `use ${parsed[1]}.${parsed[2]}-IV0 or older, or raise the Kafka version`);
    }
  }

  /**
   * A watchedNamespace other than the cluster's moves where KafkaTopics or KafkaUsers
   * must live; Strimzi honours it only when the Cluster Operator allows it.
   */
  private warnAboutWatchedNamespaces(): void {
    const operators: Array<[string, boolean, string, string]> = [
      ['Topic Operator', this.topicOperatorEnabled, this.topicNamespace, 'KafkaTopics'],
      ['User Operator', this.userOperatorEnabled, this.userNamespace, 'KafkaUsers'],
    ];
    // At synth: a StrimziOperator of the app that allows it (entityOperatorWatchedNamespaceEnabled) silences the warning.
    addRules(this, () => {
      if (entityOperatorWatchedNamespaceAllowed(this, this.namespace) === true) return;
      this.warnAboutWatchedNamespacesNow(operators);
    });
  }

  private warnAboutWatchedNamespacesNow(operators: Array<[string, boolean, string, string]>): void {
    for (const [operator, enabled, ns, what] of operators) {
      if (enabled && ns !== this.namespace) {
        Warnings.of(this).add(`the ${operator} watches namespace "${ns}", not the cluster's namespace "${this.namespace}": Strimzi honours a different watchedNamespace only when the Cluster Operator runs with STRIMZI_ENTITY_OPERATOR_WATCHED_NAMESPACE_ENABLED=true (Strimzi 1.0.1+), otherwise it watches "${this.namespace}" and ignores the ${what} of this cluster, which are rendered into "${ns}"; set that environment variable on the Cluster Operator, or leave watchedNamespace unset`);
      }
    }
  }

  /**
   * Kafka's internal topics default to 3 replicas and the transaction log to 2 in sync. Left at
   * those defaults on a smaller cluster, the topics cannot be created (or written), so consumer
   * groups or transactions fail at run time. Explicit values are checked as errors elsewhere.
   */
  private warnAboutInternalTopicDefaults(): void {
    const brokers = this.brokerCount;
    const config: { [key: string]: any } = this.props.config ?? {};
    if (brokers <= 0) {
      return;
    }
    const fixes: string[] = [];
    for (const k of ['offsets.topic.replication.factor', 'transaction.state.log.replication.factor']) {
      if (config[k] === undefined && brokers < 3) {
        fixes.push(`${k}: ${brokers}`);
      }
    }
    const txRf = Number(config['transaction.state.log.replication.factor'] ?? Math.min(3, brokers));
    if (config['transaction.state.log.min.isr'] === undefined && Number.isInteger(txRf) && txRf < 2) {
      fixes.push(`transaction.state.log.min.isr: ${txRf}`);
    }
    if (fixes.length > 0) {
      Warnings.of(this).add(`the cluster has ${brokers} broker(s), fewer than Kafka's defaults for its internal topics need (replication factor 3, transaction log min ISR 2): consumer groups or transactions will fail; set ${fixes.join(', ')} in config`);
    }
  }
}
