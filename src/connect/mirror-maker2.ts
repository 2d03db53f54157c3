import { Construct } from 'constructs';
import { ConnectorAutoRestart, ConnectorState } from './connector';
import { javaRegexListProblems } from './java-regex';
import { checkAccess, grantNeeded, need, NeededAcl } from './private/access';
import { MirrorAclFacts, sourceSideAcls, targetSideAcls } from './private/mirror-acls';
import { ConnectorSettingsModel, MirrorClusterModel, MirrorMaker2Model } from './private/model';
import {
  _checkConnection, _checkRuntime, _clientSecurity, _ClientSecurity, _forbiddenConnectorKeys, _forbiddenWorkerKeys, _runtimeModel,
} from './private/runtime';
import { checkReplicationFactors, checkStorageClash, registerStorage } from './private/storage';
import { ConnectClusterConnection, ConnectRuntimeOptions, IConnectWorkers } from './runtime';
import { addRules, ViolationCollector } from '../common/validation';
import { MetricsComponent, MetricsConfig } from '../monitoring/metrics-config';
import { AclOperation, AclResource, AclRule } from '../strimzi/acl';
import { StrimziResource } from '../strimzi/base';
import { AclGrantOptions } from '../strimzi/grants';
import { KafkaVersion } from '../strimzi/kafka-version';
import { renderKafkaMirrorMaker2SpecV1 } from '../strimzi/render/v1/mirror-maker2';

/**
 * How MirrorMaker 2 names the copies of source topics on the target (`replication.policy.class`).
 */
export class ReplicationPolicy {
  /** `<sourceAlias>.<topic>` (MirrorMaker 2's default; mirrors in both directions cannot loop). */
  public static readonly DEFAULT = new ReplicationPolicy('org.apache.kafka.connect.mirror.DefaultReplicationPolicy', true);
  /** The source topic's own name (for migrations and one-way replication: two-way mirroring would loop). */
  public static readonly IDENTITY = new ReplicationPolicy('org.apache.kafka.connect.mirror.IdentityReplicationPolicy', false);

  private constructor(
    /** The policy class. */
    public readonly className: string,
    /** Whether remote topic names get the source alias as prefix. */
    public readonly prefixesAlias: boolean,
  ) {}
}

/**
 * One cluster MirrorMaker 2 connects to.
 */
export interface MirrorMaker2ClusterOptions extends ConnectClusterConnection {
  /**
   * The cluster's alias in MirrorMaker 2 (letters, digits, `.`, `_`, `-`; at most 100); prefixes remote topic names.
   * @default - the Kafka cluster's name
   */
  readonly alias?: string;
  /**
   * Client configuration for this cluster (same forbidden keys as Connect workers).
   * @default - none
   */
  readonly config?: { [key: string]: any };
}

/**
 * Settings of a MirrorMaker 2 connector.
 */
export interface MirrorConnectorOptions {
  /**
   * Whether the connector runs.
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Maximum number of tasks.
   * @default - Strimzi's default (1)
   */
  readonly tasksMax?: number;
  /**
   * Connector configuration, merged over the library's defaults
   * (`offset-syncs.topic.location: target`, `sync.topic.acls.enabled: false`, replication factors).
   * @default - the defaults
   */
  readonly config?: { [key: string]: any };
  /**
   * The desired state.
   * @default ConnectorState.RUNNING
   */
  readonly state?: ConnectorState;
  /**
   * Automatic restarts.
   * @default - none
   */
  readonly autoRestart?: ConnectorAutoRestart;
  /**
   * Plugin version.
   * @default - the installed one
   */
  readonly version?: string;
}

/**
 * One mirror: what to copy from a source cluster to the target.
 */
export interface MirrorOptions {
  /** The source cluster (often `KafkaCluster.fromClusterAttributes()` with a `KafkaUser.fromUserName()` user). */
  readonly source: MirrorMaker2ClusterOptions;
  /**
   * Topics to mirror: comma-separated Java regexes.
   * @default - every topic (`.*`; MirrorMaker 2 skips internal topics)
   */
  readonly topicsPattern?: string;
  /**
   * Topics not to mirror: comma-separated Java regexes.
   * @default - MirrorMaker 2's default exclusions
   */
  readonly topicsExcludePattern?: string;
  /**
   * Consumer groups whose offsets are checkpointed: comma-separated Java regexes.
   * @default - every group
   */
  readonly groupsPattern?: string;
  /**
   * Groups not to checkpoint: comma-separated Java regexes.
   * @default - MirrorMaker 2's default exclusions
   */
  readonly groupsExcludePattern?: string;
  /**
   * The source connector (copies records).
   * @default - enabled with the defaults
   */
  readonly sourceConnector?: MirrorConnectorOptions;
  /**
   * The checkpoint connector (translates consumer-group offsets).
   * @default - enabled with the defaults
   */
  readonly checkpointConnector?: MirrorConnectorOptions;
  /**
   * Remote topic naming.
   * @default - the MirrorMaker 2's `replicationPolicy`
   */
  readonly replicationPolicy?: ReplicationPolicy;
}

/**
 * Properties of a `KafkaMirrorMaker2`.
 */
export interface KafkaMirrorMaker2Props extends ConnectRuntimeOptions {
  /** The target cluster: the workers' Connect cluster, which receives the copies. */
  readonly target: MirrorMaker2ClusterOptions;
  /**
   * The mirrors (more with `addMirror()`, at least one).
   * @default - none
   */
  readonly mirrors?: MirrorOptions[];
  /**
   * `metadata.name` (pods are `<name>-mirrormaker2-<i>`).
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * Namespace. The Secrets of both sides must be there.
   * @default - the target cluster's namespace
   */
  readonly namespace?: string;
  /**
   * The workers' group ID on the target.
   * @default - the name
   */
  readonly groupId?: string;
  /** Config storage topic on the target. @default `<name>-configs` */
  readonly configStorageTopic?: string;
  /** Offset storage topic on the target. @default `<name>-offsets` */
  readonly offsetStorageTopic?: string;
  /** Status storage topic on the target. @default `<name>-status` */
  readonly statusStorageTopic?: string;
  /**
   * Replication factor of the storage and internal topics on the target.
   * @default - 3, or fewer when the target has fewer brokers; -1 when not known
   */
  readonly replicationFactor?: number;
  /**
   * Remote topic naming of every mirror.
   * @default ReplicationPolicy.DEFAULT
   */
  readonly replicationPolicy?: ReplicationPolicy;
}

/** A mirror with its resolved source. */
interface ResolvedMirror {
  readonly options: MirrorOptions;
  readonly alias: string;
  readonly security: _ClientSecurity;
}

/**
 * MirrorMaker 2 (`KafkaMirrorMaker2`, `kafka.strimzi.io/v1`): Connect workers on
 * the target cluster that copy topics (source connector) and translate consumer
 * offsets (checkpoint connector) from one or more source clusters.
 *
 * `grantAccess()` gives the target user and every source user exactly the ACLs
 * their side needs; for a source user imported with `KafkaUser.fromUserName()`
 * they are reported for its owner.
 */
export class KafkaMirrorMaker2 extends StrimziResource implements IConnectWorkers {
  /** Whether `x` is a `KafkaMirrorMaker2`. */
  public static isKafkaMirrorMaker2(x: any): x is KafkaMirrorMaker2 {
    return x !== null && typeof x === 'object' && x[MM2_SYMBOL] === true;
  }

  /** The target alias. */
  public readonly targetAlias: string;
  /** The workers' group ID. */
  public readonly groupId: string;
  /** Storage topics. */
  public readonly configStorageTopic: string;
  /** Storage topics. */
  public readonly offsetStorageTopic: string;
  /** Storage topics. */
  public readonly statusStorageTopic: string;
  /** The Kafka version of the workers. */
  public readonly version: KafkaVersion;
  /** How the workers expose metrics, if at all. */
  public readonly metrics?: MetricsConfig;
  /** The pods' `strimzi.io/kind`. */
  public readonly workersKind = 'KafkaMirrorMaker2';
  private readonly props: KafkaMirrorMaker2Props;
  private readonly targetSecurity: _ClientSecurity;
  private readonly mirrors: ResolvedMirror[] = [];
  private readonly metricsConfig?: any;
  private autoGrant?: AclGrantOptions;

  constructor(scope: Construct, id: string, props: KafkaMirrorMaker2Props) {
    const name = props.name ?? id.toLowerCase();
    super(scope, id, { name, namespace: props.namespace ?? props.target.cluster.namespace, target: props.target.cluster.target, kind: 'KafkaMirrorMaker2' });
    Object.defineProperty(this, MM2_SYMBOL, { value: true });
    this.props = props;
    this.targetAlias = props.target.alias ?? props.target.cluster.clusterName;
    this.groupId = props.groupId ?? name;
    this.configStorageTopic = props.configStorageTopic ?? `${name}-configs`;
    this.offsetStorageTopic = props.offsetStorageTopic ?? `${name}-offsets`;
    this.statusStorageTopic = props.statusStorageTopic ?? `${name}-status`;
    this.version = props.version ?? props.target.cluster.version;
    this.targetSecurity = _clientSecurity(props.target);
    this.metrics = props.metrics;
    this.metricsConfig = props.metrics?._bind(this, 'MetricsConfig', MetricsComponent.KAFKA_MIRROR_MAKER_2, { name, namespace: this.namespace }).metricsConfig;
    registerStorage(this, {
      owner: this,
      what: `KafkaMirrorMaker2 "${name}"`,
      cluster: props.target.cluster,
      groupId: this.groupId,
      topics: [this.configStorageTopic, this.offsetStorageTopic, this.statusStorageTopic],
    });
    for (const m of props.mirrors ?? []) {
      this.addMirror(m);
    }
    addRules(this, (c) => this.checkRules(c));
  }

  /** Prefix of the worker pods' names (`<name>-mirrormaker2`). Also the container name. */
  public get podNamePrefix(): string {
    return `${this.resourceName}-mirrormaker2`;
  }

  /** The source aliases, in mirror order. */
  public get sourceAliases(): string[] {
    return this.mirrors.map((m) => m.alias);
  }

  /** The replication factor of the storage and internal topics. */
  public get replicationFactor(): number {
    if (this.props.replicationFactor !== undefined) {
      return this.props.replicationFactor;
    }
    const brokers = this.props.target.cluster.brokerCount;
    return brokers > 0 ? Math.min(3, brokers) : -1;
  }

  /** Add a mirror from a source cluster. */
  public addMirror(options: MirrorOptions): void {
    const alias = options.source.alias ?? options.source.cluster.clusterName;
    const m: ResolvedMirror = { options, alias, security: _clientSecurity(options.source) };
    this.mirrors.push(m);
    if (this.autoGrant) {
      this.grantMirror(m, this.autoGrant);
    }
  }

  /**
   * Give the target user and each source user exactly the ACLs their side needs
   * (also for mirrors added later).
   * @returns the rules granted so far, both sides
   */
  public grantAccess(options: AclGrantOptions = {}): AclRule[] {
    this.autoGrant = options;
    const rules: AclRule[] = [];
    if (this.props.target.user) {
      rules.push(...grantNeeded(this.props.target.user, this._targetWorkerAcls(), options));
    }
    for (const m of this.mirrors) {
      rules.push(...this.grantMirror(m, options));
    }
    return rules;
  }

  /** The ACL rules the target user needs (workers and every mirror). */
  public targetAclRules(): AclRule[] {
    return [...this._targetWorkerAcls(), ...this.mirrors.flatMap((m) => this.targetMirrorAcls(m))].map((n) => n.rule);
  }

  /** The ACL rules the user of the source with `alias` needs (none when no mirror has that alias). */
  public sourceAclRules(alias: string): AclRule[] {
    const m = this.mirrors.find((x) => x.alias === alias);
    return m ? this.sourceAcls(m).map((n) => n.rule) : [];
  }

  /** @internal */
  public _targetWorkerAcls(): NeededAcl[] {
    const storage = [AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS, AclOperation.READ, AclOperation.WRITE];
    return [
      need(AclResource.group(this.groupId), [AclOperation.READ], 'the workers\' group'),
      need(AclResource.topic(this.configStorageTopic), storage, 'config storage topic'),
      need(AclResource.topic(this.offsetStorageTopic), storage, 'offset storage topic'),
      need(AclResource.topic(this.statusStorageTopic), storage, 'status storage topic'),
      need(AclResource.cluster(), [AclOperation.DESCRIBE], 'MirrorMaker 2 describes the target cluster'),
    ];
  }

  protected renderSpec(): any {
    const p = this.props;
    const rf = this.replicationFactor;
    const model: MirrorMaker2Model = {
      ..._runtimeModel(p, this.version, this.metricsConfig),
      target: {
        ...this.clusterModel(p.target, this.targetAlias, this.targetSecurity),
        config: this.targetConfig(),
        groupId: this.groupId,
        configStorageTopic: this.configStorageTopic,
        offsetStorageTopic: this.offsetStorageTopic,
        statusStorageTopic: this.statusStorageTopic,
      },
      mirrors: this.mirrors.map((m) => {
        const o = m.options;
        const policy = o.replicationPolicy ?? p.replicationPolicy ?? ReplicationPolicy.DEFAULT;
        const policyConfig = policy === ReplicationPolicy.DEFAULT ? {} : { 'replication.policy.class': policy.className };
        return {
          source: this.clusterModel(o.source, m.alias, m.security),
          sourceConnector: this.connectorModel(o.sourceConnector, {
            'replication.factor': rf,
            'offset-syncs.topic.replication.factor': rf,
            'offset-syncs.topic.location': 'target',
            'sync.topic.acls.enabled': 'false',
            ...policyConfig,
          }),
          checkpointConnector: this.connectorModel(o.checkpointConnector, {
            'checkpoints.topic.replication.factor': rf,
            'offset-syncs.topic.location': 'target',
            ...policyConfig,
          }),
          topicsPattern: o.topicsPattern,
          topicsExcludePattern: o.topicsExcludePattern,
          groupsPattern: o.groupsPattern,
          groupsExcludePattern: o.groupsExcludePattern,
        };
      }),
    };
    return renderKafkaMirrorMaker2SpecV1(model);
  }

  private targetConfig(): { [key: string]: any } {
    const rf = this.replicationFactor;
    return {
      'config.storage.replication.factor': rf,
      'offset.storage.replication.factor': rf,
      'status.storage.replication.factor': rf,
      ...this.props.target.config,
    };
  }

  private clusterModel(o: MirrorMaker2ClusterOptions, alias: string, sec: _ClientSecurity): MirrorClusterModel {
    return { alias, bootstrapServers: sec.bootstrapServers, tls: sec.tls, authentication: sec.authentication, config: { ...o.config } };
  }

  private connectorModel(o: MirrorConnectorOptions | undefined, defaults: { [key: string]: any }): ConnectorSettingsModel | undefined {
    if (o?.enabled === false) {
      return undefined;
    }
    return {
      tasksMax: o?.tasksMax,
      version: o?.version,
      config: { ...defaults, ...o?.config },
      state: o?.state,
      autoRestart: o?.autoRestart && { enabled: o.autoRestart.enabled ?? true, maxRestarts: o.autoRestart.maxRestarts },
    };
  }

  private offsetSyncsOn(m: ResolvedMirror): 'source' | 'target' {
    const v = m.options.sourceConnector?.config?.['offset-syncs.topic.location'] ?? m.options.checkpointConnector?.config?.['offset-syncs.topic.location'];
    return v === 'source' ? 'source' : 'target';
  }

  private checkpointing(m: ResolvedMirror): boolean {
    return m.options.checkpointConnector?.enabled !== false;
  }

  private aclFacts(m: ResolvedMirror): MirrorAclFacts {
    const o = m.options;
    return {
      alias: m.alias,
      targetAlias: this.targetAlias,
      topicsPattern: o.topicsPattern,
      groupsPattern: o.groupsPattern,
      copies: o.sourceConnector?.enabled !== false,
      checkpoints: this.checkpointing(m),
      offsetSyncsOnSource: this.offsetSyncsOn(m) === 'source',
      prefixesAlias: (o.replicationPolicy ?? this.props.replicationPolicy ?? ReplicationPolicy.DEFAULT).prefixesAlias,
    };
  }

  private sourceAcls(m: ResolvedMirror): NeededAcl[] {
    return sourceSideAcls(this.aclFacts(m));
  }

  private targetMirrorAcls(m: ResolvedMirror): NeededAcl[] {
    return targetSideAcls(this.aclFacts(m));
  }

  private grantMirror(m: ResolvedMirror, options: AclGrantOptions): AclRule[] {
    const rules: AclRule[] = [];
    const tu = this.props.target.user;
    if (tu) {
      rules.push(...grantNeeded(tu, this.targetMirrorAcls(m), options));
    }
    const su = m.options.source.user;
    if (su) {
      rules.push(...grantNeeded(su, this.sourceAcls(m), options));
    }
    return rules;
  }

  private checkRules(c: ViolationCollector): void {
    const p = this.props;
    const subject = `KafkaMirrorMaker2 "${this.resourceName}"`;
    _checkRuntime(c, this, subject, p, this.version, this.target, MetricsComponent.KAFKA_MIRROR_MAKER_2, this.namespace, 'KAF-MM2');
    _checkConnection(c, this, `${subject} target "${this.targetAlias}"`, p.target, this.targetSecurity, this.namespace, 'KAF-MM2-022');
    c.check(this.mirrors.length === 0, subject, 'has no mirrors (the operator requires at least one source cluster)',
      'pass mirrors or call addMirror() with a source cluster', 'KAF-MM2-001');
    for (const [what, value] of [['groupId', this.groupId], ['configStorageTopic', this.configStorageTopic],
      ['offsetStorageTopic', this.offsetStorageTopic], ['statusStorageTopic', this.statusStorageTopic]] as const) {
      c.check(value.trim() === '', subject, `${what} is empty (the operator requires it in kafka.strimzi.io/v1)`,
        `omit ${what} to use the default derived from the name, or set a non-empty value`, 'KAF-MM2-011');
    }
    checkStorageClash(c, this, subject, 'KAF-CON-001');
    checkReplicationFactors(c, subject, this.targetConfig(), p.target.cluster, 'KAF-MM2-009');
    const aliases = [this.targetAlias, ...this.mirrors.map((m) => m.alias)];
    for (const a of new Set(aliases)) {
      c.check(!ALIAS.test(a), subject, `alias "${a}" does not match ^[a-zA-Z0-9._-]{1,100}$`, 'use letters, digits, ".", "_" and "-" (at most 100)', 'KAF-MM2-004');
    }
    const checkWorkerConfig = (what: string, cfg: { [key: string]: any } | undefined) => {
      const bad = _forbiddenWorkerKeys(cfg ?? {});
      c.check(bad.length > 0, subject, `${what} config sets ${bad.map((k) => `"${k}"`).join(', ')}, which Strimzi sets itself (the operator rejects them)`,
        'remove them: the cluster, listener and user give bootstrap, TLS and authentication', 'KAF-MM2-010');
    };
    checkWorkerConfig(`target "${this.targetAlias}"`, p.target.config);
    const seen = new Set<string>();
    for (const m of this.mirrors) {
      const ms = `${subject} mirror from "${m.alias}"`;
      const o = m.options;
      _checkConnection(c, this, ms, o.source, m.security, this.namespace, 'KAF-MM2-022');
      c.check(m.alias === this.targetAlias, ms, `the source alias equals the target alias "${this.targetAlias}"`,
        'give the source its own alias (it prefixes remote topic names)', 'KAF-MM2-003');
      c.check(seen.has(m.alias), ms, `a second mirror uses source alias "${m.alias}" (connector names would clash)`, 'give each source its own alias', 'KAF-MM2-003');
      seen.add(m.alias);
      c.check(o.sourceConnector?.enabled === false && o.checkpointConnector?.enabled === false, ms,
        'runs neither the source nor the checkpoint connector, so nothing is mirrored', 'enable at least one of them', 'KAF-MM2-002');
      checkWorkerConfig(`source "${m.alias}"`, o.source.config);
      for (const [field, value] of [['topicsPattern', o.topicsPattern], ['topicsExcludePattern', o.topicsExcludePattern],
        ['groupsPattern', o.groupsPattern], ['groupsExcludePattern', o.groupsExcludePattern]] as const) {
        if (value === undefined) continue;
        for (const problem of javaRegexListProblems(value)) {
          c.add(ms, `${field} "${value}": ${problem} (a comma separates entries; each entry is a java.util.regex pattern)`,
            'fix the expression; write a quantifier with a comma like {1,3} is not possible here', 'KAF-MM2-005');
        }
      }
      for (const [which, co] of [['sourceConnector', o.sourceConnector], ['checkpointConnector', o.checkpointConnector]] as const) {
        const bad = _forbiddenConnectorKeys(co?.config ?? {});
        c.check(bad.length > 0, ms, `${which} config sets ${bad.map((k) => `"${k}"`).join(', ')}, which the operator sets itself`,
          'use tasksMax and version instead', 'KAF-MM2-007');
        const t = co?.tasksMax;
        c.check(t !== undefined && !(Number.isInteger(t) && t >= 1), ms, `${which} tasksMax ${t} is not a whole number of 1 or more`, 'use tasksMax: 1 or more', 'KAF-MM2-008');
      }
      // Kafka parses a boolean setting trimmed and ignoring case
      const syncAcls = String(o.sourceConnector?.config?.['sync.topic.acls.enabled'] ?? 'false').trim().toLowerCase();
      c.check(syncAcls === 'true' && p.target.cluster.userOperatorEnabled && p.target.cluster.authorizationEnabled, ms,
        'sourceConnector sets sync.topic.acls.enabled to true, but the target\'s User Operator manages ACLs and removes the ones MirrorMaker 2 copies',
        'keep sync.topic.acls.enabled false (the default here) and grant ACLs with KafkaUsers', 'KAF-MM2-012');
      checkAccess(c, `${ms} source`, o.source.user, this.sourceAcls(m), 'call mm2.grantAccess(), or grant the rule to the source user yourself', 'KAF-MM2-006');
      checkAccess(c, `${ms} target`, p.target.user, this.targetMirrorAcls(m), 'call mm2.grantAccess(), or grant the rule to the target user yourself', 'KAF-MM2-006');
    }
    checkAccess(c, `${subject} target`, p.target.user, this._targetWorkerAcls(), 'call mm2.grantAccess(), or grant the rule to the target user yourself', 'KAF-MM2-006');
  }
}

const MM2_SYMBOL = Symbol.for('cdk8s-kafka.KafkaMirrorMaker2');
const ALIAS = /^[a-zA-Z0-9._-]{1,100}$/;
