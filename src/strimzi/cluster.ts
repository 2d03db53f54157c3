import { Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { KafkaAuthorization, KafkaAuthorizationType } from './authorization';
import { StrimziResource } from './base';
import { checkBrokerConfig } from './broker-config';
import { _checkCa } from './ca';
import type { IKafkaCluster, KafkaClusterAttributes, KafkaClusterProps } from './cluster-props';
import { checkCruiseControlGoalsConfig, checkEntityOperator } from './cluster-rules';
import { KafkaConnectionDetails, SecretKeyReference } from './connection';
import { _checkCruiseControl, CruiseControlOptions } from './cruise-control';
import { _checkKafkaVersion, KafkaVersion } from './kafka-version';
import { Listener, ListenerType } from './listener';
import { checkListenerInputs, checkNodePortsUnique } from './listener-rules';
import type { KafkaModel, KafkaMonitoringModel } from './model/kafka';
import { KafkaNodePool, KafkaNodePoolProps, NodeRole } from './node-pool';
import { checkContainerTemplate, checkPodTemplate, checkPools, checkProbe } from './node-pool-rules';
import { bootstrapAddress, clusterConnectionDetails } from './private/connection';
import { ImportedKafkaCluster } from './private/imported-cluster';
import { checkStrimziLabels } from './private/labels';
import { checkResources } from './private/render';
import * as strimziNames from './private/strimzi-names';
import { RackType } from './rack';
import { kafkaRenderer } from './render';
import { JvmOptions } from './resources';
import { StrimziTarget } from './target';
import { Topic, TopicOptions } from './topic';
import { KafkaUser, KafkaUserOptions } from './user';
import { checkLabels, checkNamespace } from '../common/k8s-values';
import { isDns1123Label } from '../common/names';
import { addRules, ViolationCollector } from '../common/validation';
import { Warnings } from '../common/warnings';
import { entityOperatorWatchedNamespaceAllowed } from '../operators/cross-checks';
import { checkAutoRebalanceTemplates } from '../rebalance/private/rules';
import { KafkaRebalance, KafkaRebalanceOptions } from '../rebalance/rebalance';

export * from './cluster-props';

const KAFKA_CLUSTER_SYMBOL = Symbol.for('cdk8s-kafka.KafkaCluster');

/**
 * A Strimzi Kafka cluster in KRaft mode: one `Kafka` resource plus its
 * `KafkaNodePool`s.
 */
export class KafkaCluster extends StrimziResource implements IKafkaCluster {
  /**
   * A cluster this app does not manage (another chart, team or repository): topics,
   * users, clients, scalers, bridges and Connect clusters of this app can name it.
   * Nothing is rendered for it.
   */
  public static fromClusterAttributes(scope: Construct, id: string, attrs: KafkaClusterAttributes): IKafkaCluster {
    return new ImportedKafkaCluster(scope, id, attrs);
  }

  /** Whether `x` is a `KafkaCluster` (works across copies of the library). */
  public static isKafkaCluster(x: any): x is KafkaCluster {
    return x !== null && typeof x === 'object' && KAFKA_CLUSTER_SYMBOL in x;
  }

  /** The Kafka resource's name (Strimzi's `<cluster>`). */
  public readonly clusterName: string;
  public readonly version: KafkaVersion;

  private readonly _listeners: Listener[] = [];
  private readonly _pools: KafkaNodePool[] = [];
  private _monitoring: KafkaMonitoringModel = {};
  private readonly props: KafkaClusterProps;

  constructor(scope: Construct, id: string, props: KafkaClusterProps = {}) {
    super(scope, id, {
      kind: 'Kafka',
      name: props.name ?? id.toLowerCase(),
      namespace: props.namespace ?? Chart.of(scope).namespace ?? 'default',
      target: props.target ?? StrimziTarget.LATEST,
      labels: props.labels,
    });
    Object.defineProperty(this, KAFKA_CLUSTER_SYMBOL, { value: true });
    this.props = props;
    this.clusterName = this.resourceName;
    this.version = props.version ?? KafkaVersion.LATEST;
    for (const l of props.listeners ?? []) {
      this.addListener(l);
    }
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

  public get brokerConfig(): { [key: string]: any } | undefined {
    return { ...this.props.config };
  }

  public get authorizationEnabled(): boolean {
    return this.props.authorization !== undefined;
  }

  /** The authorization settings, if any. */
  public get authorization(): KafkaAuthorization | undefined {
    return this.props.authorization;
  }

  public get clusterCaCertificate(): SecretKeyReference {
    return { secretName: strimziNames.clusterCaCertSecretName(this.clusterName), key: strimziNames.CA_CERT_KEY };
  }

  public get clientsCaCertificate(): SecretKeyReference {
    return { secretName: strimziNames.clientsCaCertSecretName(this.clusterName), key: strimziNames.CA_CERT_KEY };
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

  /** The Cruise Control settings, if Cruise Control runs. */
  public get cruiseControl(): CruiseControlOptions | undefined {
    return this.props.cruiseControl;
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

  /** Add a rebalance of this cluster (a `KafkaRebalance`, for a cluster that runs Cruise Control). */
  public addRebalance(id: string, options: KafkaRebalanceOptions = {}): KafkaRebalance {
    return new KafkaRebalance(this, id, { ...options, cluster: this });
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
    return strimziNames.bootstrapServiceName(this.clusterName, listener);
  }

  /**
   * Binds what monitoring (`KafkaMetrics`) adds to the Kafka resource: metrics
   * configuration, Kafka Exporter, Cruise Control metrics and JMX. Every renderer
   * renders it from the model.
   * @internal
   */
  public _bindMonitoring(monitoring: KafkaMonitoringModel): void {
    this._monitoring = { ...this._monitoring, ...monitoring };
  }

  /**
   * The cluster as the version-neutral model: what was asked for, defaults resolved.
   * @internal
   */
  public _model(): KafkaModel {
    const p = this.props;
    const auth = p.authorization;
    const eo = p.entityOperator ?? {};
    return {
      version: this.version.version,
      metadataVersion: p.metadataVersion,
      image: p.image,
      listeners: this._listeners.map((l) => l._model()),
      config: p.config && Object.keys(p.config).length > 0 ? { ...p.config } : undefined,
      authorization: auth && {
        type: auth.type,
        superUsers: auth.superUsers,
        authorizerClass: auth.authorizerClass,
        supportsAdminApi: auth.type === KafkaAuthorizationType.CUSTOM ? auth.supportsAdminApi : undefined,
      },
      rack: p.rack && { type: p.rack.type, topologyKey: p.rack.topologyKey, envVarName: p.rack.envVarName },
      readinessProbe: p.readinessProbe,
      livenessProbe: p.livenessProbe,
      jvm: p.jvm,
      podTemplate: p.podTemplate,
      containerTemplate: p.containerTemplate,
      maxUnavailable: p.maxUnavailable,
      entityOperator: this.topicOperatorEnabled || this.userOperatorEnabled ? {
        topicOperator: this.topicOperatorEnabled ? { ...eo.topicOperatorOptions } : undefined,
        userOperator: this.userOperatorEnabled ? { ...eo.userOperatorOptions } : undefined,
        podTemplate: eo.podTemplate,
      } : undefined,
      clusterCa: p.clusterCa,
      clientsCa: p.clientsCa,
      cruiseControl: p.cruiseControl,
      monitoring: this._monitoring,
    };
  }

  protected renderSpec(): any {
    return kafkaRenderer(this.target).render(this._model());
  }

  protected orderSpec(resolved: any): any {
    return kafkaRenderer(this.target).order(resolved);
  }

  private check(c: ViolationCollector): void {
    const subject = `Kafka cluster "${this.clusterName}"`;
    const p = this.props;
    this.checkNames(c, subject);
    this.warnAboutWatchedNamespaces();
    checkStrimziLabels(c, subject, p.labels, 'the Kafka resource');
    checkStrimziLabels(c, subject, p.podTemplate?.labels, 'the pod template');

    // Node pools: KRaft needs brokers and controllers.
    const pools = this._pools;
    const poolNames = pools.map((x) => x.poolName);
    const dupNames = poolNames.filter((n, i) => poolNames.indexOf(n) !== i);
    c.check(dupNames.length > 0, subject, `node pool name(s) ${[...new Set(dupNames)].join(', ')} are used twice (pool names must be unique in a cluster)`, 'give every pool its own name', 'KAF-CLU-004');
    c.check(!pools.some((x) => x.isBroker && x.replicas > 0), subject, 'has no node pool with the broker role and replicas > 0 (a KRaft cluster needs brokers)', 'add a pool with NodeRole.BROKER', 'KAF-CLU-005');
    c.check(!pools.some((x) => x.isController && x.replicas > 0), subject, 'has no node pool with the controller role and replicas > 0 (a KRaft cluster needs a controller quorum)', 'add a pool with NodeRole.CONTROLLER (3 replicas is usual)', 'KAF-CLU-006');
    const controllers = this.controllerCount;
    c.check(controllers > 0 && controllers % 2 === 0, subject,
      `the controller quorum has ${controllers} nodes, an even number: a majority of ${controllers} is ${controllers / 2 + 1}, so it survives ${controllers / 2 - 1} failure(s), no more than ${controllers - 1} nodes would`,
      `use an odd number of controllers (${controllers - 1} or ${controllers + 1})`, 'KAF-CLU-007');
    if (controllers === 1) {
      Warnings.of(this).add('the controller quorum has a single node: losing it makes the cluster unavailable; use 3 controllers for production', 'KAF-CLU-008');
    }
    const seenIds = new Set<number>();
    const dupIds = new Set<number>();
    for (const id of pools.flatMap((x) => x.nodeIds ?? [])) {
      (seenIds.has(id) ? dupIds : seenIds).add(id);
    }
    c.check(dupIds.size > 0, subject, `node IDs ${[...dupIds].join(', ')} are claimed by more than one node pool`, 'give every pool its own nodeIds', 'KAF-APP-006');

    // Kafka version and metadata version.
    _checkKafkaVersion(c, this, subject, this.version, p.metadataVersion, this.target);

    // Listeners.
    c.check(this._listeners.length === 0, subject, 'has no listeners (Strimzi requires at least one)', 'add a listener, e.g. Listener.internal({ name: "tls", port: 9093 })', 'KAF-LIS-028');
    const lnames = this._listeners.map((l) => l.name);
    for (const n of new Set(lnames.filter((x, i) => lnames.indexOf(x) !== i))) {
      c.add(`listener "${n}"`, `name "${n}" is used by more than one listener (names must be unique)`, 'rename one of them', 'KAF-LIS-029');
    }
    const ports = this._listeners.map((l) => l.port);
    for (const port of new Set(ports.filter((x, i) => ports.indexOf(x) !== i))) {
      const users = this._listeners.filter((l) => l.port === port).map((l) => `"${l.name}"`).join(', ');
      c.add(`listener ${users}`, `port ${port} is used by more than one listener (ports must be unique)`, 'give each listener its own port', 'KAF-LIS-030');
    }
    const brokerIds = this.brokerNodeIds;
    for (const l of this._listeners) {
      l._check(c, brokerIds, this.brokerCount, this.target);
      checkListenerInputs(c, l).forEach((w) => Warnings.of(this).add(w));
      if (brokerIds) {
        const unknown = (l.options.brokers ?? []).map((b) => b.broker).filter((b) => !brokerIds.includes(b));
        if (unknown.length > 0) {
          Warnings.of(this).add(`listener "${l.name}": brokers[] names node IDs ${unknown.join(', ')}, which are not brokers of this cluster (broker IDs: ${brokerIds.join(', ')}); Strimzi ignores them`, 'KAF-LIS-031');
        }
      }
    }

    checkNodePortsUnique(c, this._listeners);
    checkPools(c, subject, this._pools, (w) => Warnings.of(this).add(w));
    checkNamespace(c, subject, 'namespace', this.namespace);
    checkLabels(c, subject, 'the Kafka resource', p.labels);
    checkPodTemplate(c, subject, p.podTemplate);
    checkContainerTemplate(c, subject, p.containerTemplate);
    checkProbe(c, subject, 'readinessProbe', p.readinessProbe);
    checkProbe(c, subject, 'livenessProbe', p.livenessProbe);
    checkPodTemplate(c, `${subject} entityOperator`, p.entityOperator?.podTemplate);
    checkPodTemplate(c, `${subject} cruiseControl`, p.cruiseControl?.podTemplate);
    checkEntityOperator(c, subject, p.entityOperator);
    checkCruiseControlGoalsConfig(c, subject, p.cruiseControl);

    // Broker configuration.
    checkBrokerConfig(c, p.config ?? {}, this.brokerCount, this.target, this.version.version)
      .forEach((w) => Warnings.of(this).add(w.message, w.ruleId));
    this.warnAboutInternalTopicDefaults();
    p.authorization?._check(c, subject);

    // Entity Operator.
    for (const [operator, ns] of [['Topic Operator', p.entityOperator?.topicOperatorOptions?.watchedNamespace], ['User Operator', p.entityOperator?.userOperatorOptions?.watchedNamespace]]) {
      c.check(ns !== undefined && !isDns1123Label(ns), subject,
        `the ${operator}'s watchedNamespace "${ns}" is not a valid namespace name (DNS-1123 label: lower-case letters, digits and '-', at most 63 characters)`,
        'name an existing namespace, or leave watchedNamespace unset to watch the cluster\'s namespace', 'KAF-K8S-001');
    }

    // Everything else.
    checkResources(c, subject, undefined, p.jvm);
    _checkCa(c, `${subject} clusterCa`, p.clusterCa);
    _checkCa(c, `${subject} clientsCa`, p.clientsCa);
    c.check(p.maxUnavailable !== undefined && (!Number.isInteger(p.maxUnavailable) || p.maxUnavailable < 0), subject,
      `maxUnavailable ${p.maxUnavailable} is not an integer >= 0`, 'use 0 (no voluntary evictions) or more', 'KAF-CLU-009');
    if (p.rack) {
      p.rack._check(c, subject);
      const envVar = p.rack.envVarName;
      if (p.rack.type === RackType.ENVIRONMENT_VARIABLE && envVar && p.containerTemplate?.env?.[envVar] === undefined) {
        const without = pools.filter((x) => x.isBroker && x._containerEnv?.[envVar] === undefined).map((x) => x.poolName);
        if (without.length > 0) {
          Warnings.of(this).add(`rack awareness reads environment variable ${envVar}, but broker pool(s) ${without.join(', ')} do not set it in containerTemplate.env; set it there (one value per pool, e.g. one pool per zone) or add it with a JSON patch`, 'KAF-CLU-010');
        }
      }
    }
    if (p.cruiseControl) {
      _checkCruiseControl(c, this.clusterName, p.cruiseControl, this.brokerCount, p.config ?? {}, this.target);
      checkAutoRebalanceTemplates(c, this, p.cruiseControl);
    }
  }

  /** Names Strimzi derives from the cluster, pool and listener names must stay within Kubernetes limits. */
  private checkNames(c: ViolationCollector, subject: string): void {
    const C = this.clusterName;
    const dns1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
    c.check(!dns1035.test(C), subject,
      `name "${C}" is not a valid DNS-1035 label (lower-case letters, digits and '-', starting with a letter); it becomes part of every Service name Strimzi creates`,
      'choose a name like "my-cluster"', 'KAF-CLU-001');
    const limit = (max: number, name: string, what: string) =>
      c.check(name.length > max, subject, `${what} "${name}" would be ${name.length} characters, above the Kubernetes limit of ${max}`, 'shorten the cluster, node pool or listener name', 'KAF-CLU-002');
    limit(63, strimziNames.internalBootstrapServiceName(C), 'the bootstrap Service name');
    if (this.topicOperatorEnabled) {
      limit(63, strimziNames.topicOperatorLabelValue(C), 'the Topic Operator label value');
    } else if (this.userOperatorEnabled) {
      limit(63, strimziNames.userOperatorLabelValue(C), 'the User Operator label value');
    }
    if (this.props.cruiseControl) {
      limit(63, strimziNames.cruiseControlName(C), 'the Cruise Control Service name');
    }
    const serviceListeners = this._listeners.filter((l) => l.type !== ListenerType.INTERNAL);
    for (const l of serviceListeners) {
      limit(63, strimziNames.listenerBootstrapServiceName(C, l.name), `the bootstrap Service name of listener "${l.name}"`);
    }
    const totalNodes = this._pools.reduce((n, x) => n + Math.max(x.replicas, 0), 0);
    for (const pool of this._pools) {
      const ids = pool.nodeIds ?? this._pools.flatMap((x) => x.nodeIds ?? []);
      const maxId = Math.max(totalNodes - 1, 0, ...ids);
      limit(63, strimziNames.podName(C, pool.poolName, maxId), `the pod name of node pool "${pool.poolName}"`);
      if (pool.isBroker) {
        for (const l of serviceListeners.filter((x) => !x.usesLegacyExternalNames)) {
          limit(63, strimziNames.perBrokerServiceName(C, pool.poolName, l.name, maxId), `the per-broker Service name of listener "${l.name}" in pool "${pool.poolName}"`);
        }
      }
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
        Warnings.of(this).add(`the ${operator} watches namespace "${ns}", not the cluster's namespace "${this.namespace}": Strimzi honours a different watchedNamespace only when the Cluster Operator runs with STRIMZI_ENTITY_OPERATOR_WATCHED_NAMESPACE_ENABLED=true (Strimzi 1.0.1+), otherwise it watches "${this.namespace}" and ignores the ${what} of this cluster, which are rendered into "${ns}"; set that environment variable on the Cluster Operator, or leave watchedNamespace unset`, 'KAF-CLU-003');
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
      Warnings.of(this).add(`the cluster has ${brokers} broker(s), fewer than Kafka's defaults for its internal topics need (replication factor 3, transaction log min ISR 2): consumer groups or transactions will fail; set ${fixes.join(', ')} in config`, 'KAF-CLU-011');
    }
  }
}
