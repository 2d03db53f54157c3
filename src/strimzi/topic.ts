import { Duration, Size } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { AclRule } from './acl';
import { StrimziResource } from './base';
import type { IKafkaCluster } from './cluster';
import { GrantReadOptions, GrantReadWriteOptions, GrantWriteOptions } from './grants';
import type { TopicModel } from './model/topic';
import { ImportedTopic } from './private/imported-topic';
import { renderedNamespace, trackPatches } from './private/patch-tracking';
import { TopicGrants } from './private/topic-grants';
import { bytesOf } from './private/units';
import { topicRenderer } from './render/user-topic';
import { CleanupPolicy, CompressionType, MessageTimestampType } from './topic-config';
import { checkEffectiveMinIsr, checkNotInternalTopic, checkTopicConfig } from './topic-config-rules';
import type { IKafkaUser } from './user';
import { isDns1123Subdomain, toDns1123Label } from '../common/names';
import { compact } from '../common/objects';
import { FirstClaims, Registry } from '../common/registry';
import { millis } from '../common/safe-units';
import { registerUniqueDocuments } from '../common/unique-documents';
import { addRules, ViolationCollector } from '../common/validation';
import { Warnings } from '../common/warnings';

/**
 * A Kafka topic managed by the Topic Operator.
 */
export interface ITopic extends IConstruct {
  /** The topic's name in Kafka (may differ from the Kubernetes name). */
  readonly topicName: string;
  /** The cluster the topic lives in. */
  readonly cluster: IKafkaCluster;
  /**
   * Number of partitions, when known at synth time.
   * @default - the broker default (`num.partitions`)
   */
  readonly partitions?: number;
  /**
   * Let `user` consume this topic: Read and Describe on the topic, and Read on
   * `options.consumerGroup` (or group prefix).
   * @returns the rules granted
   */
  grantRead(user: IKafkaUser, options?: GrantReadOptions): AclRule[];
  /**
   * Let `user` produce to this topic: Write and Describe on the topic, and on
   * `options.transactionalId` (or prefix) for transactional producers.
   * @returns the rules granted
   */
  grantWrite(user: IKafkaUser, options?: GrantWriteOptions): AclRule[];
  /**
   * `grantRead` and `grantWrite` together.
   * @returns the rules granted
   */
  grantReadWrite(user: IKafkaUser, options?: GrantReadWriteOptions): AclRule[];
}

/**
 * A topic this app does not manage, as `Topic.fromTopicName()` takes it.
 */
export interface TopicAttributes {
  /** The cluster the topic lives in (own or imported). */
  readonly cluster: IKafkaCluster;
  /** The topic's name in Kafka. */
  readonly topicName: string;
  /**
   * Number of partitions, when known (the KEDA scaler caps replicas at it).
   * @default - not known
   */
  readonly partitions?: number;
}

/**
 * Options of a topic, as passed to `KafkaCluster.addTopic()`.
 */
export interface TopicOptions {
  /**
   * The topic's name in Kafka: letters, digits, `.`, `_` and `-`, at most 249
   * characters. When it is not a valid Kubernetes name, the KafkaTopic gets a
   * derived, stable metadata.name and `spec.topicName` carries the Kafka name.
   * Kafka topics cannot be renamed: changing this later replaces the KafkaTopic,
   * so the Topic Operator deletes the old topic (and its records) and creates an empty one.
   * @default - the construct id
   */
  readonly topicName?: string;
  /**
   * Number of partitions, at least 1 (it can only grow later). It caps how many
   * consumers of one group do work.
   * @default - the broker default (`num.partitions`)
   */
  readonly partitions?: number;
  /**
   * Replication factor (1 to the number of brokers). Changing it on an existing
   * topic works only when the cluster runs Cruise Control.
   * @default - the broker default (`default.replication.factor`)
   */
  readonly replicas?: number;
  /**
   * How long records are kept (`retention.ms`). For unlimited retention set `config: { 'retention.ms': -1 }`.
   * @default - the broker default (7 days unless changed)
   */
  readonly retention?: Duration;
  /**
   * Maximum size of each partition before old segments are deleted (`retention.bytes`).
   * @default - the broker default (unlimited unless changed)
   */
  readonly retentionBytes?: Size;
  /**
   * Size of one log segment file (`segment.bytes`).
   * @default - the broker default (1 GiB unless changed)
   */
  readonly segmentBytes?: Size;
  /**
   * Time after which a segment is rolled even if not full (`segment.ms`).
   * @default - the broker default (7 days unless changed)
   */
  readonly segmentTime?: Duration;
  /**
   * What happens to old segments (`cleanup.policy`).
   * @default - the broker default (delete unless changed)
   */
  readonly cleanupPolicy?: CleanupPolicy;
  /**
   * Replicas that must acknowledge an `acks=all` write (`min.insync.replicas`); at most `replicas`.
   * @default - the broker default
   */
  readonly minInSyncReplicas?: number;
  /**
   * Largest record batch the topic accepts (`max.message.bytes`).
   * @default - the broker default (about 1 MiB unless changed)
   */
  readonly maxMessageBytes?: Size;
  /**
   * How the broker stores record batches (`compression.type`).
   * @default - the broker default (producer unless changed)
   */
  readonly compressionType?: CompressionType;
  /**
   * Which timestamp records carry (`message.timestamp.type`).
   * @default - the broker default (CreateTime unless changed)
   */
  readonly messageTimestampType?: MessageTimestampType;
  /**
   * How long delete markers are kept on compacted topics (`delete.retention.ms`).
   * @default - the broker default (1 day unless changed)
   */
  readonly deleteRetention?: Duration;
  /**
   * Minimum time a record stays uncompacted (`min.compaction.lag.ms`).
   * @default - the broker default (0 unless changed)
   */
  readonly minCompactionLag?: Duration;
  /**
   * Any other topic configuration (values: strings, numbers, booleans or lists of them).
   * A key may not repeat a setting made through a typed property.
   * @default - none
   */
  readonly config?: { [key: string]: any };
}

/**
 * Properties of a `Topic`.
 */
export interface TopicProps extends TopicOptions {
  /**
   * The cluster the topic lives in. The KafkaTopic is created in the cluster's
   * `topicNamespace`, the namespace its Topic Operator watches.
   */
  readonly cluster: IKafkaCluster;
}

const TOPIC_NAME = /^[a-zA-Z0-9._-]+$/;
const TOPIC_MARKER = Symbol.for('cdk8s-kafka.Topic');

/**
 * The topics of each cluster by Kafka topic name, and by that name with "." and
 * "_" unified (Kafka's collision rule); each keeps the first topic of a key.
 */
const topicsOfCluster = new Registry<IKafkaCluster, { byName: FirstClaims<Topic>; byCollisionKey: FirstClaims<Topic> }>(
  () => ({ byName: new FirstClaims<Topic>(), byCollisionKey: new FirstClaims<Topic>() }));

/**
 * The first topic of each KafkaTopic `<namespace>/<metadata.name>` per app: KafkaTopic
 * names are unique per namespace, whichever cluster the topics belong to (clusters
 * can share a namespace, and a Topic Operator can watch another cluster's namespace).
 */
const topicsByResource = new Registry<IConstruct, FirstClaims<Topic>>(() => new FirstClaims<Topic>());

function resourceKey(topic: Topic): string {
  return `${topic.cluster.topicNamespace}/${topic.resourceName}`;
}

/** Kafka treats topic names that differ only in "." and "_" as colliding. */
function collisionKey(name: string): string {
  return name.replace(/\./g, '_');
}

/**
 * A Strimzi `KafkaTopic`.
 *
 * Create it with `cluster.addTopic(id, options)` or `new Topic(scope, id, { cluster, ... })`,
 * and give users access with `grantRead()`, `grantWrite()` and `grantReadWrite()`.
 */
export class Topic extends StrimziResource implements ITopic {
  /**
   * A topic this app does not manage (created by another app or by Kafka clients).
   * Grants and scalers can name it; nothing is rendered for it.
   */
  public static fromTopicName(scope: Construct, id: string, attrs: TopicAttributes): ITopic {
    return new ImportedTopic(scope, id, attrs);
  }

  /** Whether `x` is a `Topic` of this library. */
  public static isTopic(x: any): x is Topic {
    return x !== null && typeof x === 'object' && TOPIC_MARKER in x;
  }

  public readonly topicName: string;
  public readonly cluster: IKafkaCluster;
  public readonly partitions?: number;
  /** The replication factor, when set. */
  public readonly replicas?: number;

  private readonly props: TopicProps;
  private readonly _config: { [key: string]: any };
  private readonly _duplicateConfig: string[] = [];
  /** Users of other clusters granted access to this topic, reported at validation. */
  private readonly _grants = new TopicGrants(this);

  constructor(scope: Construct, id: string, props: TopicProps) {
    const topicName = props.topicName ?? id;
    super(scope, id, {
      name: isDns1123Subdomain(topicName) ? topicName : toDns1123Label(topicName),
      namespace: props.cluster.topicNamespace,
      target: props.cluster.target,
      kind: 'KafkaTopic',
      bindingLabel: props.cluster.clusterName,
    });
    trackPatches(this.resource);
    Object.defineProperty(this, TOPIC_MARKER, { value: true });
    this.props = props;
    this.cluster = props.cluster;
    this.topicName = topicName;
    this.partitions = props.partitions;
    this.replicas = props.replicas;
    this._config = this.buildConfig();
    const reg = topicsOfCluster.of(this.cluster);
    reg.byName.claim(this.topicName, this);
    reg.byCollisionKey.claim(collisionKey(this.topicName), this);
    topicsByResource.of(this.node.root).claim(resourceKey(this), this);


    registerUniqueDocuments(this, ['KafkaTopic']);
    addRules(this, (c) => {
      this.warnMinIsr();
      this.checkRules(c);
    });
  }

  /** The effective `min.insync.replicas` of the topic, when set here. */
  public get minInSyncReplicas(): number | undefined {
    const v = this._config['min.insync.replicas'];
    return v === undefined ? undefined : Number(v);
  }

  /** The topic configuration this construct renders (`spec.config`). */
  public get config(): { [key: string]: any } {
    return { ...this._config };
  }

  /**
   * Let `user` consume this topic: Read and Describe on the topic, and Read on
   * `options.consumerGroup` (or group prefix).
   * @returns the rules granted
   */
  public grantRead(user: IKafkaUser, options: GrantReadOptions = {}): AclRule[] {
    return this._grants.read(user, options);
  }

  /**
   * Let `user` produce to this topic: Write and Describe on the topic (all an
   * idempotent producer needs since Kafka 2.8), and Write and Describe on
   * `options.transactionalId` (or prefix) for transactional producers.
   * @returns the rules granted
   */
  public grantWrite(user: IKafkaUser, options: GrantWriteOptions = {}): AclRule[] {
    return this._grants.write(user, options);
  }

  /**
   * `grantRead` and `grantWrite` together.
   * @returns the rules granted
   */
  public grantReadWrite(user: IKafkaUser, options: GrantReadWriteOptions = {}): AclRule[] {
    return this._grants.readWrite(user, options);
  }

  /** One broker down stops acks=all producers when min.insync.replicas equals replicas (brokers counted at validation). */
  private warnMinIsr(): void {
    const minIsr = this.minInSyncReplicas;
    if (minIsr !== undefined && minIsr === this.replicas) {
      const brokers = this.cluster.brokerCount;
      const fixes = [
        ...(brokers === 0 || minIsr < brokers ? [`raise replicas to ${minIsr + 1}`] : []),
        ...(minIsr > 1 ? [`lower min.insync.replicas to ${minIsr - 1}`] : []),
      ];
      Warnings.of(this).add(`topic "${this.topicName}": min.insync.replicas ${minIsr} equals replicas ${this.replicas}, so one broker down stops every acks=all producer; ${fixes.length > 0 ? fixes.join(' or ') : 'add brokers'}`, 'KAF-TOP-022');
    }
  }

  private buildConfig(): { [key: string]: any } {
    const p = this.props;
    const typed: { [key: string]: any } = {
      'retention.ms': millis(p.retention),
      'retention.bytes': p.retentionBytes && bytesOf(p.retentionBytes),
      'segment.bytes': p.segmentBytes && bytesOf(p.segmentBytes),
      'segment.ms': millis(p.segmentTime),
      'cleanup.policy': p.cleanupPolicy?.value,
      'min.insync.replicas': p.minInSyncReplicas,
      'max.message.bytes': p.maxMessageBytes && bytesOf(p.maxMessageBytes),
      'compression.type': p.compressionType?.value,
      'message.timestamp.type': p.messageTimestampType?.value,
      'delete.retention.ms': millis(p.deleteRetention),
      'min.compaction.lag.ms': millis(p.minCompactionLag),
    };
    const out: { [key: string]: any } = { ...compact(typed) };
    for (const [k, v] of Object.entries(p.config ?? {})) {
      if (k in out) {
        this._duplicateConfig.push(k);
        continue;
      }
      out[k] = v;
    }
    return out;
  }

  private checkRules(c: ViolationCollector): void {
    const name = this.topicName;
    const subject = `topic "${name}"`;
    if (name.length === 0 || name.length > 249) {
      c.add(subject,
        `the name has ${name.length} characters; Kafka topic names have 1 to 249`,
        'choose a shorter name', 'KAF-TOP-014');
    }
    const badChars = [...new Set(name.replace(/[a-zA-Z0-9._-]/g, ''))];
    if (name.length > 0 && !TOPIC_NAME.test(name)) {
      c.add(subject,
        `the name contains ${badChars.map((ch) => JSON.stringify(ch)).join(', ')}, which Kafka does not allow in topic names (only letters, digits, ".", "_" and "-")`,
        'remove or replace those characters', 'KAF-TOP-015');
    }
    if (name === '.' || name === '..') {
      c.add(subject,
        `the name "${name}" is reserved by Kafka`,
        'choose another name', 'KAF-TOP-016');
    }

    const ns = renderedNamespace(this.resource);
    const watched = this.cluster.topicNamespace;
    if (ns !== watched) {
      c.add(subject,
        `the KafkaTopic is in namespace "${ns}", but the Topic Operator of cluster "${this.cluster.clusterName}" watches only namespace "${watched}"`,
        `keep the topic in ${watched === this.cluster.namespace ? 'the cluster\'s namespace' : `namespace "${watched}", the one the Topic Operator watches`} (do not patch metadata.namespace)`, 'KAF-TOP-017');
    }

    const partitions = this.partitions;
    if (partitions !== undefined && (!Number.isInteger(partitions) || partitions < 1)) {
      c.add(subject,
        `partitions ${partitions} is not an integer >= 1`,
        'use at least 1 partition', 'KAF-TOP-018');
    }
    const replicas = this.replicas;
    if (replicas !== undefined && (!Number.isInteger(replicas) || replicas < 1 || replicas > 32767)) {
      c.add(subject,
        `replicas ${replicas} is not an integer from 1 to 32767`,
        'use a replication factor of at least 1', 'KAF-TOP-019');
    }
    const brokers = this.cluster.brokerCount;
    if (replicas !== undefined && brokers > 0 && replicas > brokers) {
      c.add(subject,
        `replicas ${replicas} exceeds the ${brokers} broker(s) of cluster "${this.cluster.clusterName}"; a partition cannot have more replicas than there are brokers`,
        `use replicas <= ${brokers}, or add brokers`, 'KAF-TOP-020');
    }
    const minIsr = this.minInSyncReplicas;
    if (minIsr !== undefined && (!Number.isInteger(minIsr) || minIsr < 1)) {
      c.add(subject,
        `min.insync.replicas ${this._config['min.insync.replicas']} is not an integer >= 1`,
        'use at least 1', 'KAF-TOP-021');
    }
    const version = this.cluster.version.version;
    const minIsrWarning = checkEffectiveMinIsr(c, subject, { minIsr, replicas }, this.cluster.brokerConfig ?? {}, version, brokers);
    if (minIsrWarning) Warnings.of(this).add(minIsrWarning);
    checkNotInternalTopic(c, subject, name);
    const typedSizes = ([['retention.bytes', this.props.retentionBytes], ['segment.bytes', this.props.segmentBytes], ['max.message.bytes', this.props.maxMessageBytes]] as Array<[string, Size | undefined]>)
      .filter(([, v]) => v !== undefined).map(([k]) => k);
    // A minInSyncReplicas that breaks KAF-TOP-021 is reported once, by that rule.
    const badMinIsr = minIsr !== undefined && (!Number.isInteger(minIsr) || minIsr < 1);
    const { ['min.insync.replicas']: _minIsr, ...withoutMinIsr } = this._config;
    checkTopicConfig(c, subject, badMinIsr ? withoutMinIsr : this._config, version, typedSizes).forEach((w) => Warnings.of(this).add(w));

    const sizes: Array<[string, Size | undefined]> = [
      ['retentionBytes', this.props.retentionBytes], ['segmentBytes', this.props.segmentBytes], ['maxMessageBytes', this.props.maxMessageBytes],
    ];
    for (const [prop, size] of sizes) {
      const bytes = size && bytesOf(size);
      c.check(bytes !== undefined && !Number.isInteger(bytes), subject,
        `${prop} ${bytes} bytes is not a whole number of bytes (Kafka's size settings are whole bytes)`,
        'use a size that is a whole number of bytes, e.g. Size.kibibytes(n) or Size.mebibytes(n) with an integer n', 'KAF-TOP-001');
    }
    for (const key of this._duplicateConfig) {
      c.add(subject, `config key "${key}" is also set by a typed property`, `remove "${key}" from config, or the typed property`, 'KAF-TOP-023');
    }
    for (const [key, value] of Object.entries(this._config)) {
      if (!isConfigValue(value)) {
        c.add(subject,
          `config "${key}" has a value of a type Strimzi rejects (${JSON.stringify(value)})`,
          'use a string, number, boolean or a list of them', 'KAF-TOP-024');
      }
    }

    const reg = topicsOfCluster.of(this.cluster);
    const first = reg.byName.get(name)!;
    if (first !== this) {
      c.add(subject,
        `cluster "${this.cluster.clusterName}" already has a topic named "${name}" (${first.node.path}); the Topic Operator would mark the newer KafkaTopic as conflicting`,
        'define each Kafka topic once and share the construct', 'KAF-TOP-025');
    }
    const colliding = reg.byCollisionKey.get(collisionKey(name))!;
    if (colliding.topicName !== name) {
      c.add(subject,
        `the name collides with topic "${colliding.topicName}" (${colliding.node.path}): names that differ only in "." and "_" share metric names, so Kafka refuses to create the second`,
        'rename one of the topics so they differ in more than "." and "_"', 'KAF-TOP-026');
    }
    const sameResource = topicsByResource.of(this.node.root).get(resourceKey(this))!;
    const otherCluster = sameResource.cluster !== this.cluster;
    if (otherCluster || sameResource.topicName !== name) {
      c.add(subject,
        `its KafkaTopic name "${this.resourceName}" is also the name of the KafkaTopic of topic "${sameResource.topicName}"${otherCluster ? ` of cluster "${sameResource.cluster.clusterName}"` : ''} (${sameResource.node.path}) in namespace "${this.cluster.topicNamespace}"`,
        otherCluster ? 'rename one of the topics, or keep the two clusters\' topics in different namespaces' : 'rename one of the topics', 'KAF-TOP-027');
    }
    this._grants.check(c);
    if (!this.cluster.topicOperatorEnabled) {
      c.add(subject,
        `cluster "${this.cluster.clusterName}" runs no Topic Operator, so nothing creates this topic and the KafkaTopic never becomes ready`,
        'enable the Topic Operator (entityOperator.topicOperator: true), or create the topic another way and remove the construct', 'KAF-TOP-028');
    }
  }

  /** What this topic asks for, independent of the Strimzi API version. */
  private model(): TopicModel {
    return {
      topicName: this.resourceName !== this.topicName ? this.topicName : undefined,
      partitions: this.partitions,
      replicas: this.replicas,
      config: this._config,
    };
  }

  protected renderSpec(): any {
    return topicRenderer(this.target).render(this.model());
  }

  protected orderSpec(resolved: any): any {
    return topicRenderer(this.target).order(resolved);
  }
}

function isConfigValue(v: any): boolean {
  const scalar = (x: any) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
  return scalar(v) || (Array.isArray(v) && v.every(scalar));
}
