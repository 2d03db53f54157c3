import { ApiObject, Chart, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { KafkaVersion } from './kafka-version';
import { Listener, ListenerType } from './listener';
import { KafkaNodePool, KafkaNodePoolProps, NodeRole } from './node-pool';
import * as strimzi from '../../imports/kafka.strimzi.io';
import { SecretKeyReference } from './connection';
import { Warnings } from '../common/warnings';
import { KafkaAuthorization } from './authorization';
import { Topic, TopicOptions } from './topic';
import { KafkaUser, KafkaUserOptions } from './user';

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
  /** The listeners. */
  readonly listeners: Listener[];
  /** Number of broker nodes, summed over the broker-role node pools. */
  readonly brokerCount: number;
  /** Whether the cluster enables authorization (ACLs are enforced). */
  readonly authorizationEnabled: boolean;
  /** The Secret and key holding the CA that signs the brokers' certificates. */
  readonly clusterCaCertificate: SecretKeyReference;
  /** A listener by name, or undefined. */
  findListener(name: string): Listener | undefined;
  /** The in-cluster bootstrap address of a listener (`host:port[,host:port]`). */
  bootstrapServers(listener: Listener): string;
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
   * KRaft metadata version, e.g. `4.3-IV0`.
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
   * Broker configuration (`spec.kafka.config`).
   * @default - none
   */
  readonly config?: { [key: string]: any };
}

/**
 * A Strimzi Kafka cluster in KRaft mode: one `Kafka` resource plus its
 * `KafkaNodePool`s.
 */
export class KafkaCluster extends Construct implements IKafkaCluster {
  public readonly clusterName: string;
  public readonly namespace: string;
  public readonly version: KafkaVersion;
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
    for (const l of props.listeners ?? []) {
      this.addListener(l);
    }
    if (!this.version.supported) {
      Warnings.of(this).add(`Kafka version ${this.version.version} is not one Strimzi 1.2.0 is known to support (${KafkaVersion.supportedVersions.map((v) => v.version).join(', ')}); make sure your operator supports it`);
    }

    this.resource = new strimzi.Kafka(this, 'Resource', {
      metadata: { name: this.clusterName, namespace: this.namespace },
      spec: Lazy.any({ produce: () => this.renderSpec() }) as any,
    });
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

  /** Add a listener. */
  public addListener(listener: Listener): Listener {
    this._listeners.push(listener);
    return listener;
  }

  /** Add a node pool. */
  public addNodePool(id: string, props: KafkaNodePoolProps): KafkaNodePool {
    const pool = new KafkaNodePool(this, id, { ...props, cluster: this });
    this._pools.push(pool);
    return pool;
  }

  /** Add a topic to this cluster (a `KafkaTopic` in the cluster's namespace). */
  public addTopic(id: string, options: TopicOptions = {}): Topic {
    return new Topic(this, id, { ...options, cluster: this });
  }

  /** Add a user to this cluster (a `KafkaUser` in the cluster's namespace). */
  public addUser(id: string, options: KafkaUserOptions = {}): KafkaUser {
    return new KafkaUser(this, id, { ...options, cluster: this });
  }

  public findListener(name: string): Listener | undefined {
    return this._listeners.find((l) => l.name === name);
  }

  public bootstrapServers(listener: Listener): string {
    if (listener.type === ListenerType.INTERNAL) {
      return `${this.clusterName}-kafka-bootstrap.${this.namespace}.svc:${listener.port}`;
    }
    return `${this.clusterName}-kafka-${listener.name}-bootstrap.${this.namespace}.svc:${listener.port}`;
  }

  /**
   * Lets other constructs of this library contribute to the rendered Kafka spec
   * (metrics, exporters). Applied in order, after the cluster's own rendering.
   * @internal
   */
  public _addSpecContribution(fn: (spec: any) => void): void {
    this._specContributions.push(fn);
  }

  private renderSpec(): strimzi.KafkaSpec {
    const spec: any = {
      kafka: {
        version: this.version.version,
        metadataVersion: this.props.metadataVersion,
        listeners: this._listeners.map((l) => ({ name: l.name, port: l.port, type: l.type, tls: l.tls })),
        config: this.props.config,
        authorization: this.props.authorization && {
          type: this.props.authorization.type,
          superUsers: this.props.authorization.superUsers.length > 0 ? this.props.authorization.superUsers : undefined,
          authorizerClass: this.props.authorization.authorizerClass,
          supportsAdminApi: this.props.authorization.type === 'custom' ? this.props.authorization.supportsAdminApi : undefined,
        },
      },
      entityOperator: { topicOperator: {}, userOperator: {} },
    };
    for (const fn of this._specContributions) {
      fn(spec);
    }
    return spec;
  }
}
