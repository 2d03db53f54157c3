import { Chart, Size, SizeRoundingBehavior } from 'cdk8s';
import { Construct } from 'constructs';
import { CruiseControlGoal } from './goals';
import { RebalanceModel, RebalanceModeName } from './model';
import { checkGoalsAgainstCluster } from './private/rules';
import { isDns1123Subdomain } from '../common/names';
import { addRules, ViolationCollector } from '../common/validation';
import { StrimziResource } from '../strimzi/base';
import type { IKafkaCluster } from '../strimzi/cluster';
import type { KafkaNodePool } from '../strimzi/node-pool';
import { rebalanceRenderer } from '../strimzi/render';
import { StorageType } from '../strimzi/storage';
import { StrimziTarget } from '../strimzi/target';

const REBALANCE_MARKER = Symbol.for('cdk8s-kafka.KafkaRebalance');
const TEMPLATE_MARKER = Symbol.for('cdk8s-kafka.KafkaRebalanceTemplate');


/**
 * Replicas to move off some JBOD volumes of one broker (mode `remove-disks`).
 */
export interface VolumeRemoval {
  /** The broker's node ID. */
  readonly brokerId: number;
  /** IDs of the broker's JBOD volumes to empty (`JbodVolume.id`). */
  readonly volumeIds: number[];
}

/**
 * What a rebalance does (`spec.mode` and the brokers or volumes it names).
 */
export class RebalanceMode {
  /** Balance the whole cluster (`full`). */
  public static full(): RebalanceMode {
    return new RebalanceMode('full', [], []);
  }

  /**
   * Move replicas onto brokers just added (`add-brokers`): run it after the node
   * pool was scaled up.
   * @param brokers node IDs of the new brokers
   */
  public static addBrokers(brokers: number[]): RebalanceMode {
    return new RebalanceMode('add-brokers', [...brokers], []);
  }

  /**
   * Move every replica off brokers about to be removed (`remove-brokers`): run it
   * before the node pool is scaled down.
   * @param brokers node IDs of the brokers to empty
   */
  public static removeBrokers(brokers: number[]): RebalanceMode {
    return new RebalanceMode('remove-brokers', [...brokers], []);
  }

  /**
   * Move replicas off JBOD volumes onto the broker's other volumes
   * (`remove-disks`, `moveReplicasOffVolumes`), e.g. before removing a volume.
   */
  public static removeDisks(volumes: VolumeRemoval[]): RebalanceMode {
    return new RebalanceMode('remove-disks', [], volumes.map((v) => ({ brokerId: v.brokerId, volumeIds: [...v.volumeIds] })));
  }

  private constructor(
    /** The mode as Strimzi spells it, e.g. `add-brokers`. */
    public readonly name: string,
    /** The brokers of `add-brokers` and `remove-brokers` (empty otherwise). */
    public readonly brokers: number[],
    /** The volumes of `remove-disks` (empty otherwise). */
    public readonly volumes: VolumeRemoval[],
  ) {}
}

/**
 * Settings of a rebalance, shared by `KafkaRebalance` and `KafkaRebalanceTemplate`.
 */
export interface RebalanceOptions {
  /**
   * Goals of the proposal, highest priority first (rendered in this order). Each must
   * be in the cluster's Cruise Control `goals` when the cluster sets them, and the
   * list must include the cluster's hard goals unless `skipHardGoalCheck` is set.
   * @default - Cruise Control's `default.goals`
   */
  readonly goals?: CruiseControlGoal[];
  /**
   * Let the proposal leave out hard goals (when they prevent a solution).
   * @default false
   */
  readonly skipHardGoalCheck?: boolean;
  /**
   * Balance disk use between the JBOD volumes of each broker (intra-broker) instead of
   * between brokers. Takes no goals.
   * @default false
   */
  readonly rebalanceDisk?: boolean;
  /**
   * Topics left out of the proposal: a Java regular expression.
   * @default - none
   */
  readonly excludedTopics?: string;
  /**
   * Upper bound of replica movements into or out of each broker at a time.
   * @default 5
   */
  readonly concurrentPartitionMovementsPerBroker?: number;
  /**
   * Upper bound of replica movements between the volumes of each broker at a time.
   * @default 2
   */
  readonly concurrentIntraBrokerPartitionMovements?: number;
  /**
   * Upper bound of leadership movements at a time.
   * @default 1000
   */
  readonly concurrentLeaderMovements?: number;
  /**
   * Bandwidth for moving replicas, per second (a whole number of bytes).
   * @default - no limit
   */
  readonly replicationThrottle?: Size;
  /**
   * Class names of the strategies ordering the replica movements.
   * @default - Cruise Control's BaseReplicaMovementStrategy
   */
  readonly replicaMovementStrategies?: string[];
}

/**
 * Options of `KafkaCluster.addRebalance()`.
 */
export interface KafkaRebalanceOptions extends RebalanceOptions {
  /**
   * `metadata.name` of the KafkaRebalance. The operator keeps its progress in a
   * ConfigMap of the same name.
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * What the rebalance does.
   * @default RebalanceMode.full()
   */
  readonly mode?: RebalanceMode;
  /**
   * Execute the proposal as soon as it is ready (annotation
   * `strimzi.io/rebalance-auto-approval: "true"`), without approving it by hand.
   * @default false - approve with `kubectl annotate kafkarebalance <name> strimzi.io/rebalance=approve`
   */
  readonly autoApproval?: boolean;
}

/**
 * Properties of a `KafkaRebalance`.
 */
export interface KafkaRebalanceProps extends KafkaRebalanceOptions {
  /** The cluster to rebalance. It must run Cruise Control. */
  readonly cluster: IKafkaCluster;
}

/**
 * A Strimzi `KafkaRebalance`: asks Cruise Control for a proposal that moves
 * partition replicas (whole cluster, onto new brokers, off brokers to be
 * removed, or off JBOD volumes), executed once approved.
 */
export class KafkaRebalance extends StrimziResource {
  /** The annotation that lets the operator execute a proposal as soon as it is ready. */
  public static readonly AUTO_APPROVAL_ANNOTATION = 'strimzi.io/rebalance-auto-approval';

  /** Whether `x` is a `KafkaRebalance` of this library. */
  public static isKafkaRebalance(x: any): x is KafkaRebalance {
    return x !== null && typeof x === 'object' && REBALANCE_MARKER in x;
  }

  /** The cluster rebalanced. */
  public readonly cluster: IKafkaCluster;
  /** What the rebalance does. */
  public readonly mode: RebalanceMode;

  private readonly props: KafkaRebalanceProps;

  constructor(scope: Construct, id: string, props: KafkaRebalanceProps) {
    super(scope, id, {
      name: props.name ?? id.toLowerCase(),
      namespace: props.cluster.namespace,
      target: props.cluster.target,
      kind: 'KafkaRebalance',
      bindingLabel: props.cluster.clusterName,
      annotations: props.autoApproval ? { [KafkaRebalance.AUTO_APPROVAL_ANNOTATION]: 'true' } : undefined,
    });
    Object.defineProperty(this, REBALANCE_MARKER, { value: true });
    this.props = props;
    this.cluster = props.cluster;
    this.mode = props.mode ?? RebalanceMode.full();
    addRules(this, (c) => this.check(c));
  }

  protected renderSpec(): any {
    return rebalanceRenderer(this.target).render({
      ...optionsModel(this.props),
      mode: this.mode.name as RebalanceModeName,
      brokers: this.mode.brokers.length > 0 ? this.mode.brokers : undefined,
      moveReplicasOffVolumes: this.mode.volumes.length > 0 ? this.mode.volumes : undefined,
    });
  }

  protected orderSpec(resolved: any): any {
    return rebalanceRenderer(this.target).order(resolved);
  }

  private check(c: ViolationCollector): void {
    const cluster = this.cluster;
    const subject = `KafkaRebalance "${this.resourceName}"`;
    checkName(c, subject, this.resourceName);
    c.check(this.resourceName.startsWith(`${cluster.clusterName}-auto-rebalancing-`), subject,
      `name "${this.resourceName}" is taken by the KafkaRebalance the operator creates for auto-rebalancing (<cluster>-auto-rebalancing-<mode>), and the two would overwrite each other`,
      'choose another name', 'KAF-RBL-014');
    c.check(!cluster.cruiseControlEnabled, subject,
      `cluster "${cluster.clusterName}" does not run Cruise Control, so the operator never accepts the rebalance (condition cruiseControlDisabled)`,
      'set cruiseControl on the cluster, or remove the KafkaRebalance', 'KAF-RBL-001');
    checkOptions(c, subject, this.props);
    checkGoalsAgainstCluster(c, subject, this.props, cluster);

    const mode = this.mode;
    const ids = this.cluster.brokerNodeIds;
    if (mode.name === 'add-brokers' || mode.name === 'remove-brokers') {
      c.check(mode.brokers.length === 0, subject, `mode ${mode.name} lists no brokers (the operator requires the brokers list in this mode)`,
        `name the node IDs, e.g. RebalanceMode.${mode.name === 'add-brokers' ? 'addBrokers' : 'removeBrokers'}([3, 4])`, 'KAF-RBL-002');
      const bad = mode.brokers.filter((b) => !Number.isInteger(b) || b < 0);
      c.check(bad.length > 0, subject, `broker IDs ${bad.join(', ')} are not integers >= 0`, 'use the node IDs of the brokers', 'KAF-RBL-002');
      const dups = mode.brokers.filter((b, i) => mode.brokers.indexOf(b) !== i);
      c.check(dups.length > 0, subject, `broker IDs ${[...new Set(dups)].join(', ')} are listed more than once`, 'list each broker once', 'KAF-RBL-002');
      const unknown = ids ? mode.brokers.filter((b) => !ids.includes(b)) : [];
      c.check(unknown.length > 0, subject,
        `mode ${mode.name} names broker ID${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}, which no broker pool of cluster "${cluster.clusterName}" has (broker IDs: ${ids?.join(', ')})`,
        mode.name === 'add-brokers' ? 'scale the broker pool up so it has these node IDs (nodeIds), or name the new brokers\' IDs' : 'name brokers the cluster has (remove-brokers runs before the pool is scaled down)',
        'KAF-RBL-003');
    }
    if (mode.name === 'remove-disks') {
      this.checkRemoveDisks(c, subject, ids);
    }
  }

  private checkRemoveDisks(c: ViolationCollector, subject: string, ids: number[] | undefined): void {
    const cluster = this.cluster;
    const volumes = this.mode.volumes;
    c.check(volumes.length === 0, subject, 'mode remove-disks lists no brokers and volume IDs (the operator requires moveReplicasOffVolumes in this mode)',
      'use RebalanceMode.removeDisks([{ brokerId: 0, volumeIds: [1] }])', 'KAF-RBL-004');
    const pools = nodePoolsOf(cluster);
    for (const v of volumes) {
      c.check(v.volumeIds.length === 0, subject, `moveReplicasOffVolumes for broker ${v.brokerId} lists no volume IDs (at least one is required)`,
        'list the IDs of the volumes to empty, or drop the entry', 'KAF-RBL-004');
      if (ids && !ids.includes(v.brokerId)) {
        c.add(subject, `mode remove-disks names broker ID ${v.brokerId}, which no broker pool of cluster "${cluster.clusterName}" has (broker IDs: ${ids.join(', ')})`,
          'name a broker of the cluster', 'KAF-RBL-003');
        continue;
      }
      const pool = pools?.find((p) => p.isBroker && (p.nodeIds ?? []).includes(v.brokerId));
      if (!pool) {
        continue;
      }
      if (pool.storage.type !== StorageType.JBOD) {
        c.add(subject, `mode remove-disks moves replicas off volumes of broker ${v.brokerId}, but its node pool "${pool.poolName}" has ${pool.storage.type} storage, not JBOD (there is no other volume to move them to)`,
          'give the pool Storage.jbod() with at least two volumes, or use another mode', 'KAF-RBL-005');
        continue;
      }
      const have = pool.storage.volumes.map((x) => x.id);
      const missing = v.volumeIds.filter((x) => !have.includes(x));
      c.check(missing.length > 0, subject,
        `volume ID${missing.length === 1 ? '' : 's'} ${missing.join(', ')} of broker ${v.brokerId} ${missing.length === 1 ? 'is' : 'are'} not in the JBOD storage of node pool "${pool.poolName}" (volume IDs: ${have.join(', ')})`,
        'name volumes the pool has', 'KAF-RBL-006');
      c.check(missing.length === 0 && have.every((x) => v.volumeIds.includes(x)), subject,
        `mode remove-disks would empty every volume of broker ${v.brokerId} (${have.join(', ')}), leaving its replicas nowhere to go`,
        'keep at least one volume of the broker out of volumeIds', 'KAF-RBL-006');
    }
  }
}

/**
 * Properties of a `KafkaRebalanceTemplate`.
 */
export interface KafkaRebalanceTemplateProps extends RebalanceOptions {
  /**
   * `metadata.name` of the template.
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * Namespace of the template: the namespace of the Kafka clusters that use it
   * (templates carry no cluster label: a cluster finds its template by name in its own namespace).
   * @default - the chart's namespace, or `default`
   */
  readonly namespace?: string;
  /**
   * The Strimzi release the template is written for.
   * @default StrimziTarget.LATEST
   */
  readonly target?: StrimziTarget;
}

/**
 * A rebalance configuration template: a `KafkaRebalance` annotated
 * `strimzi.io/rebalance-template: "true"`, which the operator never runs itself.
 * Clusters reference it in `cruiseControl.autoRebalance` (`template`); the operator
 * copies its spec into the rebalances it creates on scaling (mode and brokers set by it).
 */
export class KafkaRebalanceTemplate extends StrimziResource {
  /** The annotation that makes a KafkaRebalance a configuration template. */
  public static readonly TEMPLATE_ANNOTATION = 'strimzi.io/rebalance-template';

  /** Whether `x` is a `KafkaRebalanceTemplate` of this library. */
  public static isKafkaRebalanceTemplate(x: any): x is KafkaRebalanceTemplate {
    return x !== null && typeof x === 'object' && TEMPLATE_MARKER in x;
  }

  /** The template's settings. */
  public readonly options: RebalanceOptions;

  constructor(scope: Construct, id: string, props: KafkaRebalanceTemplateProps = {}) {
    super(scope, id, {
      name: props.name ?? id.toLowerCase(),
      namespace: props.namespace ?? Chart.of(scope).namespace ?? 'default',
      target: props.target ?? StrimziTarget.LATEST,
      kind: 'KafkaRebalance',
      annotations: { [KafkaRebalanceTemplate.TEMPLATE_ANNOTATION]: 'true' },
    });
    Object.defineProperty(this, TEMPLATE_MARKER, { value: true });
    this.options = props;
    addRules(this, (c) => {
      const subject = `KafkaRebalance template "${this.resourceName}"`;
      checkName(c, subject, this.resourceName);
      checkOptions(c, subject, props);
    });
  }

  protected renderSpec(): any {
    return rebalanceRenderer(this.target).render(optionsModel(this.options));
  }

  protected orderSpec(resolved: any): any {
    return rebalanceRenderer(this.target).order(resolved);
  }
}

function optionsModel(o: RebalanceOptions): RebalanceModel {
  return {
    goals: o.goals?.map((g) => g.name),
    skipHardGoalCheck: o.skipHardGoalCheck,
    rebalanceDisk: o.rebalanceDisk,
    excludedTopics: o.excludedTopics,
    concurrentPartitionMovementsPerBroker: o.concurrentPartitionMovementsPerBroker,
    concurrentIntraBrokerPartitionMovements: o.concurrentIntraBrokerPartitionMovements,
    concurrentLeaderMovements: o.concurrentLeaderMovements,
    replicationThrottleBytesPerSecond: throttleBytes(o.replicationThrottle),
    replicaMovementStrategies: o.replicaMovementStrategies,
  };
}

function throttleBytes(s: Size | undefined): number | undefined {
  return s === undefined ? undefined : s.toKibibytes({ rounding: SizeRoundingBehavior.NONE }) * 1024;
}

function checkName(c: ViolationCollector, subject: string, name: string): void {
  c.check(!isDns1123Subdomain(name), subject,
    `name "${name}" is not a valid Kubernetes name (DNS-1123 subdomain: lower-case letters, digits, '-' and '.', at most 253 characters)`,
    'choose a name like "add-brokers-3-4"', 'KAF-RBL-013');
}

/** Rules that need no cluster. */
function checkOptions(c: ViolationCollector, subject: string, o: RebalanceOptions): void {
  const counts: Array<[string, number | undefined]> = [
    ['concurrentPartitionMovementsPerBroker', o.concurrentPartitionMovementsPerBroker],
    ['concurrentIntraBrokerPartitionMovements', o.concurrentIntraBrokerPartitionMovements],
    ['concurrentLeaderMovements', o.concurrentLeaderMovements],
  ];
  for (const [field, value] of counts) {
    c.check(value !== undefined && (!Number.isInteger(value) || value < 0), subject, `${field} ${value} is not an integer >= 0`,
      `set ${field} to 0 or more, or leave it unset for Cruise Control's default`, 'KAF-RBL-011');
  }
  const bytes = throttleBytes(o.replicationThrottle);
  c.check(bytes !== undefined && (!Number.isInteger(bytes) || bytes < 0), subject,
    `replicationThrottle ${o.replicationThrottle?.asString()}/s is not a whole number of bytes per second`, 'use e.g. Size.mebibytes(50)', 'KAF-RBL-011');
  const goals = (o.goals ?? []).map((g) => g.name);
  const dups = [...new Set(goals.filter((g, i) => goals.indexOf(g) !== i))];
  c.check(dups.length > 0, subject, `goals list ${dups.join(', ')} more than once (the list is a priority order)`, 'list each goal once', 'KAF-RBL-012');
  c.check(!!o.rebalanceDisk && goals.length > 0, subject,
    `rebalanceDisk (intra-broker balancing) is set together with goals ${goals.join(', ')}, which the operator rejects`,
    'drop goals, or rebalanceDisk', 'KAF-RBL-009');
}

/** The node pools of a cluster this app defines (undefined for imported clusters). */
function nodePoolsOf(cluster: IKafkaCluster): KafkaNodePool[] | undefined {
  const pools = (cluster as { nodePools?: KafkaNodePool[] }).nodePools;
  return Array.isArray(pools) ? pools : undefined;
}
