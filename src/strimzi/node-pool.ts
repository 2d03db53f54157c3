import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { StrimziResource } from './base';
import type { KafkaCluster } from './cluster';
import type { KafkaNodePoolModel } from './model/kafka';
import { checkStrimziLabels } from './private/labels';
import { checkResources } from './private/render';
import * as names from './private/strimzi-names';
import { nodePoolRenderer } from './render';
import { JvmOptions } from './resources';
import { Spread } from './scheduling';
import { Storage } from './storage';
import { ContainerTemplateOptions, PodTemplateOptions } from './templates';
import { isDns1123Label } from '../common/names';
import { addRules, ViolationCollector } from '../common/validation';

/**
 * The roles of the nodes in a pool.
 */
export enum NodeRole {
  /** Serves clients and stores partitions. */
  BROKER = 'broker',
  /** A KRaft controller (metadata quorum member). */
  CONTROLLER = 'controller',
}

/**
 * Properties of a node pool, as passed to `KafkaCluster.addNodePool()`.
 */
export interface KafkaNodePoolProps {
  /**
   * The pool name. Pods are named `<cluster>-<pool>-<nodeId>`.
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /** Roles of the pool's nodes. */
  readonly roles: NodeRole[];
  /** Number of nodes. */
  readonly replicas: number;
  /**
   * Storage of each node.
   * @default Storage.ephemeral() - data is lost when a pod is deleted; set persistent storage for anything but tests
   */
  readonly storage?: Storage;
  /**
   * CPU and memory requests and limits of each node.
   * @default - none (Strimzi sets no requests or limits)
   */
  readonly resources?: kplus.ContainerResources;
  /**
   * JVM options (heap sizes, `-XX` flags, GC logging).
   * @default - Strimzi's defaults, derived from the memory limit
   */
  readonly jvm?: JvmOptions;
  /**
   * Rules spreading the pool's pods across zones or hosts. More can be added with `addSpread()`.
   * @default - none
   */
  readonly spread?: Spread[];
  /**
   * Pod settings (labels, annotations, security context, tolerations, priority class).
   * Merged with the cluster's pod template by Strimzi; the pool wins on conflicts.
   * @default - none
   */
  readonly podTemplate?: PodTemplateOptions;
  /**
   * Kafka container settings (security context, environment).
   * @default - none
   */
  readonly containerTemplate?: ContainerTemplateOptions;
  /**
   * Node IDs Strimzi should give this pool's nodes (annotation `strimzi.io/next-node-ids`).
   * When every pool lists at least `replicas` IDs, the IDs are known at synth time
   * (needed for per-broker listener settings).
   * @default - assigned by Strimzi
   */
  readonly nodeIds?: number[];
  /**
   * Labels on the KafkaNodePool resource (Strimzi copies them to the pool's pods).
   * Only `strimzi.io/cluster` may use the `strimzi.io/` prefix, and it is set by the library.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
}

/**
 * Properties of a `KafkaNodePool` construct.
 */
export interface KafkaNodePoolConstructProps extends KafkaNodePoolProps {
  /** The cluster the pool belongs to. */
  readonly cluster: KafkaCluster;
}

const KAFKA_NODE_POOL_SYMBOL = Symbol.for('cdk8s-kafka.KafkaNodePool');

/**
 * A Strimzi `KafkaNodePool`: a group of Kafka nodes with the same roles,
 * storage and resources. Create it with `KafkaCluster.addNodePool()`.
 */
export class KafkaNodePool extends StrimziResource {
  /** Whether `x` is a `KafkaNodePool` (works across copies of the library). */
  public static isKafkaNodePool(x: any): x is KafkaNodePool {
    return x !== null && typeof x === 'object' && KAFKA_NODE_POOL_SYMBOL in x;
  }

  /** The pool name. */
  public readonly poolName: string;
  /** Roles of the pool's nodes. */
  public readonly roles: NodeRole[];
  /** Number of nodes. */
  public readonly replicas: number;
  /** Storage of each node. */
  public readonly storage: Storage;
  /** The cluster the pool belongs to. */
  public readonly cluster: KafkaCluster;

  private readonly props: KafkaNodePoolConstructProps;
  private readonly spreads: Spread[] = [];

  constructor(scope: Construct, id: string, props: KafkaNodePoolConstructProps) {
    const poolName = props.name ?? id.toLowerCase();
    super(scope, id, {
      kind: 'KafkaNodePool',
      name: poolName,
      namespace: props.cluster.namespace,
      target: props.cluster.target,
      bindingLabel: props.cluster.clusterName,
      labels: props.labels,
      annotations: props.nodeIds && props.nodeIds.length > 0 ? { [names.NEXT_NODE_IDS_ANNOTATION]: formatNodeIds(props.nodeIds) } : undefined,
    });
    Object.defineProperty(this, KAFKA_NODE_POOL_SYMBOL, { value: true });
    this.props = props;
    this.cluster = props.cluster;
    this.poolName = poolName;
    this.roles = props.roles;
    this.replicas = props.replicas;
    this.storage = props.storage ?? Storage.ephemeral();
    this.spreads.push(...(props.spread ?? []));
    props.cluster._registerNodePool(this);
    addRules(this, (c) => this.check(c));
  }

  /** Whether the pool's nodes are brokers. */
  public get isBroker(): boolean {
    return this.roles.includes(NodeRole.BROKER);
  }

  /** Whether the pool's nodes are KRaft controllers. */
  public get isController(): boolean {
    return this.roles.includes(NodeRole.CONTROLLER);
  }

  /**
   * The node IDs of the pool's nodes, when known at synth time (`nodeIds` lists at least `replicas` IDs).
   */
  public get nodeIds(): number[] | undefined {
    const ids = this.props.nodeIds;
    return ids && ids.length >= this.replicas ? ids.slice(0, this.replicas) : undefined;
  }

  /** The names of the pool's pods, when the node IDs are known (`<cluster>-<pool>-<nodeId>`). */
  public get podNames(): string[] | undefined {
    return this.nodeIds?.map((n) => names.podName(this.cluster.clusterName, this.poolName, n));
  }

  /**
   * The plain environment variables of the pool's Kafka container template.
   * @internal
   */
  public get _containerEnv(): { [name: string]: string } | undefined {
    return this.props.containerTemplate?.env;
  }

  /**
   * Every node ID the pool lists (also beyond `replicas`, and at 0 replicas): all are reserved for it.
   * @internal
   */
  public get _listedNodeIds(): number[] {
    return [...(this.props.nodeIds ?? [])];
  }

  /**
   * Whether storage was given (otherwise the pool falls back to ephemeral storage).
   * @internal
   */
  public get _storageGiven(): boolean {
    return this.props.storage !== undefined;
  }

  /**
   * The template-like props the cluster's rules check.
   * @internal
   */
  public get _templateProps(): Pick<KafkaNodePoolProps, 'labels' | 'podTemplate' | 'containerTemplate' | 'resources'> {
    const p = this.props;
    return { labels: p.labels, podTemplate: p.podTemplate, containerTemplate: p.containerTemplate, resources: p.resources };
  }

  /** Add a rule spreading the pool's pods across zones, hosts or another node label. */
  public addSpread(spread: Spread): Spread {
    this.spreads.push(spread);
    return spread;
  }

  /**
   * The pool as the version-neutral model.
   * @internal
   */
  public _model(): KafkaNodePoolModel {
    return {
      clusterName: this.cluster.clusterName,
      poolName: this.poolName,
      replicas: this.replicas,
      roles: this.roles,
      storage: this.storage._model(),
      resources: this.props.resources,
      jvm: this.props.jvm,
      podTemplate: this.props.podTemplate,
      spreads: [...this.spreads],
      containerTemplate: this.props.containerTemplate,
    };
  }

  protected renderSpec(): any {
    return nodePoolRenderer(this.target).render(this._model());
  }

  protected orderSpec(resolved: any): any {
    return nodePoolRenderer(this.target).order(resolved);
  }

  private check(c: ViolationCollector): void {
    const subject = `node pool "${this.poolName}"`;
    c.check(!isDns1123Label(this.poolName), subject,
      `name "${this.poolName}" is not a valid DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters); it becomes part of pod and Service names`,
      'choose a name like "brokers" or "controllers"', 'KAF-POOL-001');
    c.check(!Number.isInteger(this.replicas) || this.replicas < 0, subject, `replicas ${this.replicas} is not an integer >= 0`, 'set replicas to 0 or more', 'KAF-POOL-002');
    c.check(this.roles.length === 0, subject, 'has no roles (each pool needs broker, controller or both)', 'set roles, e.g. [NodeRole.BROKER]', 'KAF-POOL-003');
    c.check(new Set(this.roles).size !== this.roles.length, subject, `lists a role twice (${this.roles.join(', ')})`, 'list each role once', 'KAF-POOL-004');
    const ids = this.props.nodeIds ?? [];
    c.check(ids.some((n) => !Number.isInteger(n) || n < 0), subject, `nodeIds ${ids.join(', ')} contain a value that is not an integer >= 0`, 'use non-negative integers', 'KAF-POOL-005');
    c.check(new Set(ids).size !== ids.length, subject, `nodeIds ${ids.join(', ')} contain duplicates`, 'list each node ID once', 'KAF-POOL-006');
    c.check(ids.length > 0 && ids.length < this.replicas, subject, `nodeIds lists ${ids.length} IDs for ${this.replicas} replicas, so the remaining IDs are chosen by Strimzi`, `list at least ${this.replicas} node IDs`, 'KAF-POOL-007');
    checkStrimziLabels(c, subject, this.props.labels, 'the KafkaNodePool');
    checkStrimziLabels(c, subject, this.props.podTemplate?.labels, 'the pod template');
    this.storage._check(c, subject);
    // Strimzi uses the pool's jvmOptions when set, otherwise the cluster's: check the heap that applies.
    checkResources(c, subject, this.props.resources, this.props.jvm ?? this.cluster._jvm);
    for (const s of this.spreads) {
      s._check(c, subject);
    }
  }
}

/** Node IDs in Strimzi's annotation syntax, with ranges: `[0-2, 10]`. */
function formatNodeIds(ids: number[]): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return `[${parts.join(', ')}]`;
}
