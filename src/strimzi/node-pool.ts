import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import type { KafkaCluster } from './cluster';
import * as strimzi from '../../imports/kafka.strimzi.io';

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
   * The pool name; pods are named `<cluster>-<pool>-<nodeId>`.
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /** Roles of the pool's nodes. */
  readonly roles: NodeRole[];
  /** Number of nodes. */
  readonly replicas: number;
}

/**
 * Properties of a `KafkaNodePool` construct.
 */
export interface KafkaNodePoolConstructProps extends KafkaNodePoolProps {
  /** The cluster the pool belongs to. */
  readonly cluster: KafkaCluster;
}

/**
 * A Strimzi `KafkaNodePool`: a group of Kafka nodes with the same roles,
 * storage and resources. Create it with `KafkaCluster.addNodePool()`.
 */
export class KafkaNodePool extends Construct {
  /** The pool name. */
  public readonly poolName: string;
  /** Roles of the pool's nodes. */
  public readonly roles: NodeRole[];
  /** Number of nodes. */
  public readonly replicas: number;
  /** The `KafkaNodePool` resource (escape hatch). */
  public readonly resource: ApiObject;

  constructor(scope: Construct, id: string, props: KafkaNodePoolConstructProps) {
    super(scope, id);
    this.poolName = props.name ?? id.toLowerCase();
    this.roles = props.roles;
    this.replicas = props.replicas;
    this.resource = new strimzi.KafkaNodePool(this, 'Resource', {
      metadata: {
        name: this.poolName,
        namespace: props.cluster.namespace,
        labels: { 'strimzi.io/cluster': props.cluster.clusterName },
      },
      spec: Lazy.any({ produce: () => this.renderSpec() }) as any,
    });
  }

  private renderSpec(): strimzi.KafkaNodePoolSpec {
    return {
      replicas: this.replicas,
      roles: this.roles as any,
      storage: { type: 'ephemeral' as any },
    };
  }
}
