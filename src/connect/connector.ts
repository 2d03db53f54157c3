import { Construct } from 'constructs';
import type { KafkaConnect } from './connect';
import { checkAccess, need, NeededAcl } from './private/access';
import { ConnectorModel } from './private/model';
import { _forbiddenConnectorKeys } from './private/runtime';
import { addRules, ViolationCollector } from '../common/validation';
import { AclOperation, AclResource, AclRule } from '../strimzi/acl';
import { StrimziResource } from '../strimzi/base';
import { renderKafkaConnectorSpecV1 } from '../strimzi/render/v1/connect';
import type { ITopic } from '../strimzi/topic';

/**
 * Whether a connector moves data into Kafka or out of it.
 */
export enum ConnectorType {
  /** Reads an external system and writes to Kafka topics. */
  SOURCE = 'source',
  /** Reads Kafka topics and writes to an external system. */
  SINK = 'sink',
}

/**
 * The state a connector should be in (`spec.state`).
 */
export enum ConnectorState {
  /** Running (the default). */
  RUNNING = 'running',
  /** Paused: tasks stay assigned but do not process. */
  PAUSED = 'paused',
  /** Stopped: tasks are shut down, the configuration is kept. */
  STOPPED = 'stopped',
}

/**
 * Automatic restarts of a failed connector and its tasks (`spec.autoRestart`);
 * the operator waits 0, 2, 6, 12, 20, ... minutes between attempts (at most an hour).
 */
export interface ConnectorAutoRestart {
  /**
   * Whether failed connectors and tasks are restarted.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Restarts before giving up.
   * @default - unlimited
   */
  readonly maxRestarts?: number;
}

/**
 * Options of a connector, as passed to `KafkaConnect.addConnector()`.
 */
export interface KafkaConnectorOptions {
  /** The connector class, e.g. `org.apache.kafka.connect.file.FileStreamSourceConnector`. */
  readonly className: string;
  /** Source or sink: decides which ACLs its topics need. */
  readonly type: ConnectorType;
  /**
   * The connector name (`metadata.name`).
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * Maximum number of tasks (1 or more).
   * @default 1
   */
  readonly tasksMax?: number;
  /**
   * Connector configuration. `name`, `connector.class`, `tasks.max` and
   * `connector.plugin.version` are set from the spec and rejected here.
   * @default - none
   */
  readonly config?: { [key: string]: any };
  /**
   * Topics the connector writes (source) or reads (sink). For a sink without
   * `topics` or `topics.regex` in `config`, their names become `topics`.
   * @default - none
   */
  readonly topics?: ITopic[];
  /**
   * Names of further topics it writes or reads, not modelled in this app.
   * @default - none
   */
  readonly topicNames?: string[];
  /**
   * Prefixes of topics it writes or reads (e.g. a CDC source that creates `<prefix>.<table>` topics).
   * @default - none
   */
  readonly topicPrefixes?: string[];
  /**
   * The desired state.
   * @default ConnectorState.RUNNING
   */
  readonly state?: ConnectorState;
  /**
   * Automatic restarts.
   * @default - no automatic restarts
   */
  readonly autoRestart?: ConnectorAutoRestart;
  /**
   * Plugin version or version range (Kafka Connect 4.1 and later).
   * @default - the only or newest installed version
   */
  readonly version?: string;
}

/**
 * Properties of a `KafkaConnector`.
 */
export interface KafkaConnectorProps extends KafkaConnectorOptions {
  /** The Connect cluster that runs the connector. */
  readonly connect: KafkaConnect;
  /**
   * Namespace of the KafkaConnector. It must be the Connect cluster's.
   * @default - the Connect cluster's namespace
   */
  readonly namespace?: string;
}

/**
 * A connector (`KafkaConnector`, `kafka.strimzi.io/v1`) run by a `KafkaConnect`,
 * bound by the `strimzi.io/cluster` label. Its declared topics decide the ACLs
 * the Connect user needs (see `KafkaConnect.grantAccess()`).
 */
export class KafkaConnector extends StrimziResource {
  /** Whether `x` is a `KafkaConnector`. */
  public static isKafkaConnector(x: any): x is KafkaConnector {
    return x !== null && typeof x === 'object' && x[CONNECTOR_SYMBOL] === true;
  }

  /** The Connect cluster. */
  public readonly connect: KafkaConnect;
  /** The connector name. */
  public readonly connectorName: string;
  /** Source or sink. */
  public readonly type: ConnectorType;
  /** The number of tasks at most. */
  public readonly tasksMax: number;
  private readonly props: KafkaConnectorProps;

  constructor(scope: Construct, id: string, props: KafkaConnectorProps) {
    const name = props.name ?? id.toLowerCase();
    super(scope, id, {
      name,
      namespace: props.namespace ?? props.connect.namespace,
      target: props.connect.target,
      kind: 'KafkaConnector',
      bindingLabel: props.connect.resourceName,
    });
    Object.defineProperty(this, CONNECTOR_SYMBOL, { value: true });
    this.props = props;
    this.connect = props.connect;
    this.connectorName = name;
    this.type = props.type;
    this.tasksMax = props.tasksMax ?? 1;
    props.connect._registerConnector(this);
    addRules(this, (c) => this.checkRules(c));
  }

  /** Names of the topics declared (from `topics` and `topicNames`). */
  public get topicNames(): string[] {
    return [...(this.props.topics ?? []).map((t) => t.topicName), ...(this.props.topicNames ?? [])];
  }

  /** The consumer group of a sink: `connect-<name>`, or `consumer.override.group.id`. */
  public get consumerGroup(): string | undefined {
    if (this.type !== ConnectorType.SINK) {
      return undefined;
    }
    return this.props.config?.['consumer.override.group.id'] ?? `connect-${this.connectorName}`;
  }

  /** The ACL rules this connector needs on the Connect user. */
  public aclRules(): AclRule[] {
    return this._neededAcls().map((n) => n.rule);
  }

  /** @internal */
  public _neededAcls(): NeededAcl[] {
    const out: NeededAcl[] = [];
    const who = `connector "${this.connectorName}"`;
    const resources = [
      ...this.topicNames.map((n) => AclResource.topic(n)),
      ...(this.props.topicPrefixes ?? []).map((p) => AclResource.topicPrefix(p)),
    ];
    if (this.type === ConnectorType.SOURCE) {
      for (const r of resources) {
        out.push(need(r, [AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.WRITE], `${who} writes it`));
      }
      if (this.connect.exactlyOnceSourceSupport) {
        const g = this.connect.groupId;
        for (let i = 0; i < this.tasksMax; i++) {
          out.push(need(AclResource.transactionalId(`${g}-${this.connectorName}-${i}`), [AclOperation.WRITE, AclOperation.DESCRIBE],
            `transactional producer of task ${i} of ${who} (exactly-once source support)`));
        }
        const own = this.props.config?.['offsets.storage.topic'];
        if (own !== undefined && own !== this.connect.offsetStorageTopic) {
          out.push(need(AclResource.topic(own), [AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.READ, AclOperation.WRITE], `offsets topic of ${who}`));
        }
      }
    } else {
      for (const r of resources) {
        out.push(need(r, [AclOperation.DESCRIBE, AclOperation.READ], `${who} reads it`));
      }
      out.push(need(AclResource.group(this.consumerGroup!), [AclOperation.READ], `consumer group of ${who}`));
    }
    return out;
  }

  protected renderSpec(): any {
    const p = this.props;
    const config = { ...p.config };
    if (this.type === ConnectorType.SINK && config.topics === undefined && config['topics.regex'] === undefined && this.topicNames.length > 0) {
      config.topics = this.topicNames.join(',');
    }
    const model: ConnectorModel = {
      className: p.className,
      tasksMax: this.tasksMax,
      version: p.version,
      config,
      state: p.state,
      autoRestart: p.autoRestart && { enabled: p.autoRestart.enabled ?? true, maxRestarts: p.autoRestart.maxRestarts },
    };
    return renderKafkaConnectorSpecV1(model);
  }

  private checkRules(c: ViolationCollector): void {
    const p = this.props;
    const subject = `KafkaConnector "${this.connectorName}"`;
    c.check(p.className.trim() === '', subject, 'has no connector class (className is empty), so Kafka Connect cannot create it',
      'set className to the connector\'s class, e.g. org.apache.kafka.connect.file.FileStreamSourceConnector', 'KAF-CON-005');
    c.check(!(Number.isInteger(this.tasksMax) && this.tasksMax >= 1), subject, `tasksMax ${this.tasksMax} is not a whole number of 1 or more`,
      'use tasksMax: 1 or more', 'KAF-CON-006');
    c.check(this.namespace !== this.connect.namespace, subject,
      `is in namespace "${this.namespace}", but KafkaConnect "${this.connect.resourceName}" is in "${this.connect.namespace}" (the operator only binds connectors of the Connect's namespace)`,
      `put the connector in namespace "${this.connect.namespace}"`, 'KAF-CON-008');
    const forbidden = _forbiddenConnectorKeys(p.config ?? {});
    c.check(forbidden.length > 0, subject, `config sets ${forbidden.map((k) => `"${k}"`).join(', ')}, which the operator sets from the spec`,
      'use className, tasksMax, version and name instead', 'KAF-CON-009');
    const config = p.config ?? {};
    c.check(this.type === ConnectorType.SINK && config.topics === undefined && config['topics.regex'] === undefined && this.topicNames.length === 0, subject,
      'is a sink without topics: neither topics nor topicNames are declared, nor topics or topics.regex in config (Kafka Connect refuses such a sink)',
      'declare the topics it reads with topics or topicNames', 'KAF-CON-023');
    const own = this.connect.cluster;
    for (const t of p.topics ?? []) {
      // a cluster is its name in its namespace (an imported copy of the Connect's cluster is the same one)
      const sameName = t.cluster.clusterName === own.clusterName;
      const where = sameName ? [` in namespace "${t.cluster.namespace}"`, ` in "${own.namespace}"`] : ['', ''];
      c.check(t.cluster !== own && (!sameName || t.cluster.namespace !== own.namespace), subject,
        `topic "${t.topicName}" belongs to cluster "${t.cluster.clusterName}"${where[0]}, but the Connect cluster uses "${own.clusterName}"${where[1]}`,
        'declare topics of the Connect cluster\'s Kafka cluster', 'KAF-CON-024');
    }
    const max = p.autoRestart?.maxRestarts;
    c.check(max !== undefined && !(Number.isInteger(max) && max >= 0), subject, `autoRestart.maxRestarts ${max} is not a whole number of 0 or more`,
      'use e.g. maxRestarts: 10, or omit it for unlimited restarts', 'KAF-CON-025');
    checkAccess(c, subject, this.connect.user, this._neededAcls(),
      'call connect.grantAccess() (it also covers connectors added later), or grant the rule to the Connect user yourself', 'KAF-CON-010');
  }
}

const CONNECTOR_SYMBOL = Symbol.for('cdk8s-kafka.KafkaConnector');
