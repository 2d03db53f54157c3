import { Construct, IConstruct } from 'constructs';
import { ConnectBuild, _ARTIFACT_URL, _PLUGIN_NAME, _SHA512, PluginArtifactType } from './build';
import { KafkaConnector, KafkaConnectorOptions } from './connector';
import { grantNeeded, need, NeededAcl, checkAccess } from './private/access';
import { BuildModel, ConnectModel } from './private/model';
import { _checkConnection, _checkRuntime, _clientSecurity, _ClientSecurity, _forbiddenWorkerKeys, _runtimeModel } from './private/runtime';
import { checkReplicationFactors, checkStorageClash, registerStorage } from './private/storage';
import { ConnectClusterConnection, ConnectRuntimeOptions, IConnectWorkers } from './runtime';
import { addRules, ViolationCollector } from '../common/validation';
import { Warnings } from '../common/warnings';
import { MetricsComponent, MetricsConfig } from '../monitoring/metrics-config';
import { AclOperation, AclResource, AclRule } from '../strimzi/acl';
import { StrimziResource } from '../strimzi/base';
import type { IKafkaCluster } from '../strimzi/cluster';
import { AclGrantOptions } from '../strimzi/grants';
import { KafkaVersion } from '../strimzi/kafka-version';
import { Listener } from '../strimzi/listener';
import { renderContainerTemplate, renderPodTemplate, renderResources } from '../strimzi/private/render';
import { renderKafkaConnectSpecV1 } from '../strimzi/render/v1/connect';
import type { IKafkaUser } from '../strimzi/user';

/**
 * Properties of a `KafkaConnect`.
 */
export interface KafkaConnectProps extends ConnectRuntimeOptions, ConnectClusterConnection {
  /**
   * `metadata.name` of the KafkaConnect (pods are `<name>-connect-<i>`).
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * Namespace of the KafkaConnect and its connectors. The TLS and user Secrets must be there too.
   * @default - the Kafka cluster's namespace
   */
  readonly namespace?: string;
  /**
   * The workers' consumer group (`group.id`); unique per Connect cluster on one Kafka cluster.
   * @default - the name
   */
  readonly groupId?: string;
  /**
   * Topic of connector configurations.
   * @default `<name>-configs`
   */
  readonly configStorageTopic?: string;
  /**
   * Topic of source connector offsets.
   * @default `<name>-offsets`
   */
  readonly offsetStorageTopic?: string;
  /**
   * Topic of connector and task status.
   * @default `<name>-status`
   */
  readonly statusStorageTopic?: string;
  /**
   * Replication factor of the three storage topics (at most the number of brokers, -1 = broker default).
   * @default - 3, or fewer when the cluster has fewer brokers; -1 when the broker count is not known
   */
  readonly storageReplicationFactor?: number;
  /**
   * Further worker configuration. Keys Strimzi sets itself (`group.id`, the storage topics,
   * `bootstrap.servers`, `ssl.`, `sasl.`, `security.`, `rest.`, `plugin.path`, ...) are rejected.
   * @default - none
   */
  readonly config?: { [key: string]: any };
  /**
   * Build an image with connector plugins (`spec.build`).
   * @default - no build (Strimzi's image, or `image`)
   */
  readonly imageBuild?: ConnectBuild;
  /**
   * Manage connectors as KafkaConnector resources (`strimzi.io/use-connector-resources: "true"`).
   * With it, connectors created through the REST API are removed by the operator.
   * @default true
   */
  readonly useConnectorResources?: boolean;
  /**
   * Exactly-once support for source connectors (KIP-618, `exactly.once.source.support=enabled`):
   * the grants then include the transactional IDs of the workers and of every source task.
   * @default false
   */
  readonly exactlyOnceSourceSupport?: boolean;
}

/**
 * A Kafka Connect cluster (`KafkaConnect`, `kafka.strimzi.io/v1`): workers that
 * connect to one Kafka cluster through one listener, trust its CA, authenticate
 * as one KafkaUser, and run the connectors added with `addConnector()`.
 *
 * `grantAccess()` gives the user exactly the ACLs the workers and every connector
 * need; without it, missing ACLs are synth-time errors.
 */
export class KafkaConnect extends StrimziResource implements IConnectWorkers {
  /** The annotation that makes the operator manage KafkaConnector resources. */
  public static readonly USE_CONNECTOR_RESOURCES_ANNOTATION = 'strimzi.io/use-connector-resources';
  /** The REST API port. */
  public static readonly REST_API_PORT = 8083;

  /** Whether `x` is a `KafkaConnect`. */
  public static isKafkaConnect(x: any): x is KafkaConnect {
    return x !== null && typeof x === 'object' && x[CONNECT_SYMBOL] === true;
  }

  /** The Kafka cluster the workers use. */
  public readonly cluster: IKafkaCluster;
  /** The listener they connect through. */
  public readonly listener: Listener;
  /** The user they authenticate as, if any. */
  public readonly user?: IKafkaUser;
  /** `group.id` of the workers. */
  public readonly groupId: string;
  /** The config storage topic. */
  public readonly configStorageTopic: string;
  /** The offset storage topic. */
  public readonly offsetStorageTopic: string;
  /** The status storage topic. */
  public readonly statusStorageTopic: string;
  /** Whether connectors are managed as KafkaConnector resources. */
  public readonly useConnectorResources: boolean;
  /** Whether exactly-once source support is enabled. */
  public readonly exactlyOnceSourceSupport: boolean;
  /** The Kafka version of the workers. */
  public readonly version: KafkaVersion;
  /** How the workers expose metrics, if at all. */
  public readonly metrics?: MetricsConfig;
  /** The pods' `strimzi.io/kind`. */
  public readonly workersKind = 'KafkaConnect';

  private readonly props: KafkaConnectProps;
  private readonly _connectors: KafkaConnector[] = [];
  private readonly security: _ClientSecurity;
  private readonly metricsConfig?: any;
  private autoGrant?: AclGrantOptions;

  constructor(scope: Construct, id: string, props: KafkaConnectProps) {
    const name = props.name ?? id.toLowerCase();
    const useConnectorResources = props.useConnectorResources ?? true;
    super(scope, id, {
      name,
      namespace: props.namespace ?? props.cluster.namespace,
      target: props.cluster.target,
      kind: 'KafkaConnect',
      annotations: useConnectorResources ? { [KafkaConnect.USE_CONNECTOR_RESOURCES_ANNOTATION]: 'true' } : undefined,
    });
    Object.defineProperty(this, CONNECT_SYMBOL, { value: true });
    this.props = props;
    this.cluster = props.cluster;
    this.listener = props.listener;
    this.user = props.user;
    this.groupId = props.groupId ?? name;
    this.configStorageTopic = props.configStorageTopic ?? `${name}-configs`;
    this.offsetStorageTopic = props.offsetStorageTopic ?? `${name}-offsets`;
    this.statusStorageTopic = props.statusStorageTopic ?? `${name}-status`;
    this.useConnectorResources = useConnectorResources;
    this.exactlyOnceSourceSupport = props.exactlyOnceSourceSupport ?? false;
    this.version = props.version ?? props.cluster.version;
    this.security = _clientSecurity(props);
    this.metrics = props.metrics;
    this.metricsConfig = props.metrics?._bind(this, 'MetricsConfig', MetricsComponent.KAFKA_CONNECT, { name, namespace: this.namespace }).metricsConfig;
    registerStorage(this, {
      owner: this,
      what: `KafkaConnect "${name}"`,
      cluster: props.cluster,
      groupId: this.groupId,
      topics: [this.configStorageTopic, this.offsetStorageTopic, this.statusStorageTopic],
    });
    addRules(this, (c) => this.checkRules(c));
  }

  /** The connectors of this Connect cluster. */
  public get connectors(): KafkaConnector[] {
    return [...this._connectors];
  }

  /** Prefix of the worker pods' names (`<name>-connect`). Also the container name. */
  public get podNamePrefix(): string {
    return `${this.resourceName}-connect`;
  }

  /** The REST API URL, e.g. `http://my-connect-connect-api.kafka.svc:8083`. */
  public get restApiUrl(): string {
    return `http://${this.resourceName}-connect-api.${this.namespace}.svc:${KafkaConnect.REST_API_PORT}`;
  }

  /** The storage topics' replication factor as written to the worker config. */
  public get storageReplicationFactor(): number {
    if (this.props.storageReplicationFactor !== undefined) {
      return this.props.storageReplicationFactor;
    }
    const brokers = this.cluster.brokerCount;
    return brokers > 0 ? Math.min(3, brokers) : -1;
  }

  /**
   * Add a connector (a `KafkaConnector` in this Connect's namespace, labelled with its name).
   */
  public addConnector(id: string, options: KafkaConnectorOptions): KafkaConnector {
    return new KafkaConnector(this, id, { ...options, connect: this });
  }

  /**
   * Give the user exactly the ACLs the workers and every connector need (also the
   * connectors added later): Read on the group, Create/Describe/Read/Write on the
   * storage topics, the connectors' topics, sink groups, and with exactly-once
   * source support the transactional IDs. For a user imported with
   * `KafkaUser.fromUserName()` the ACLs are reported for its owner (a warning with `ownerGrants`).
   * Without a user there is nothing to grant (a synth-time error).
   * @returns the rules granted so far
   */
  public grantAccess(options: AclGrantOptions = {}): AclRule[] {
    this.autoGrant = options;
    if (!this.user) {
      return [];
    }
    const rules = grantNeeded(this.user, this._workerAcls(), options);
    for (const connector of this._connectors) {
      rules.push(...grantNeeded(this.user, connector._neededAcls(), options));
    }
    return rules;
  }

  /** The ACL rules the workers themselves need (without the connectors'). */
  public workerAclRules(): AclRule[] {
    return this._workerAcls().map((n) => n.rule);
  }

  /** @internal */
  public _registerConnector(connector: KafkaConnector): void {
    this._connectors.push(connector);
    if (this.autoGrant && this.user) {
      grantNeeded(this.user, connector._neededAcls(), this.autoGrant);
    }
  }

  /** @internal */
  public _workerAcls(): NeededAcl[] {
    const storage = [AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.READ, AclOperation.WRITE];
    const out: NeededAcl[] = [
      need(AclResource.group(this.groupId), [AclOperation.READ], 'the workers\' group'),
      need(AclResource.topic(this.configStorageTopic), storage, 'config storage topic'),
      need(AclResource.topic(this.offsetStorageTopic), storage, 'offset storage topic'),
      need(AclResource.topic(this.statusStorageTopic), storage, 'status storage topic'),
    ];
    if (this.exactlyOnceSourceSupport) {
      // Kafka Connect docs, "Exactly-once support > Source connectors > ACL requirements" (KIP-618)
      out.push(need(AclResource.transactionalId(`connect-cluster-${this.groupId}`), [AclOperation.WRITE, AclOperation.DESCRIBE],
        'the workers\' transactional producer for the config topic (exactly-once source support)'));
      if (preKafka28(this.cluster)) {
        out.push(need(AclResource.cluster(), [AclOperation.IDEMPOTENT_WRITE], 'exactly-once source support on Kafka before 2.8'));
      }
    }
    return out;
  }

  /** The worker config as rendered (user config plus the defaults the library sets). */
  public get workerConfig(): { [key: string]: any } {
    const rf = this.storageReplicationFactor;
    return {
      'config.storage.replication.factor': rf,
      'offset.storage.replication.factor': rf,
      'status.storage.replication.factor': rf,
      ...(this.exactlyOnceSourceSupport ? { 'exactly.once.source.support': 'enabled' } : {}),
      ...this.props.config,
    };
  }

  protected renderSpec(): any {
    const p = this.props;
    const model: ConnectModel = {
      ..._runtimeModel(p, this.version, this.metricsConfig),
      bootstrapServers: this.security.bootstrapServers,
      groupId: this.groupId,
      configStorageTopic: this.configStorageTopic,
      offsetStorageTopic: this.offsetStorageTopic,
      statusStorageTopic: this.statusStorageTopic,
      tls: this.security.tls,
      authentication: this.security.authentication,
      config: this.workerConfig,
      build: buildModel(p.imageBuild),
      buildPodTemplate: p.imageBuild?.podTemplate && renderPodTemplate(p.imageBuild.podTemplate),
      buildContainerTemplate: renderContainerTemplate(p.imageBuild?.containerTemplate),
    };
    return renderKafkaConnectSpecV1(model);
  }

  private checkRules(c: ViolationCollector): void {
    const p = this.props;
    const subject = `KafkaConnect "${this.resourceName}"`;
    _checkRuntime(c, this, subject, p, this.version, this.target, MetricsComponent.KAFKA_CONNECT, this.namespace, 'KAF-CON');
    _checkConnection(c, this, subject, p, this.security, this.namespace, 'KAF-CON-022');
    for (const [what, value] of [['groupId', this.groupId], ['configStorageTopic', this.configStorageTopic],
      ['offsetStorageTopic', this.offsetStorageTopic], ['statusStorageTopic', this.statusStorageTopic]] as const) {
      c.check(value.trim() === '', subject, `${what} is empty (the operator requires it in kafka.strimzi.io/v1)`,
        `omit ${what} to use the default derived from the name, or set a non-empty value`, 'KAF-CON-002');
    }
    checkStorageClash(c, this, subject, 'KAF-CON-001');
    checkReplicationFactors(c, subject, this.workerConfig, this.cluster, 'KAF-CON-003');
    const forbidden = _forbiddenWorkerKeys(p.config ?? {});
    c.check(forbidden.length > 0, subject,
      `worker config sets ${forbidden.map((k) => `"${k}"`).join(', ')}, which Strimzi sets itself (the operator rejects them)`,
      'remove them: use groupId and the storage-topic props, and the cluster, listener and user for bootstrap, TLS and authentication', 'KAF-CON-004');
    c.check(this._connectors.length > 0 && !this.useConnectorResources, subject,
      `has ${this._connectors.length} KafkaConnector(s), but useConnectorResources is false, so the operator ignores them`,
      'set useConnectorResources to true (the default), or manage connectors through the REST API', 'KAF-CON-007');
    const names = new Map<string, number>();
    for (const k of this._connectors) {
      names.set(k.connectorName, (names.get(k.connectorName) ?? 0) + 1);
    }
    for (const [n, count] of names) {
      c.check(count > 1, subject, `${count} connectors are named "${n}" (a connector name is unique per Connect cluster)`, 'give each connector its own name', 'KAF-CON-019');
    }
    c.check(this.autoGrant !== undefined && !this.user, subject, 'grantAccess() was called, but the Connect cluster has no user to grant to',
      'pass user (a KafkaUser of the cluster) in the props, or drop the grantAccess() call', 'KAF-CON-028');
    checkBuild(c, this, subject, p);
    checkAccess(c, subject, this.user, this._workerAcls(),
      'call connect.grantAccess(), or grant the rule to the user yourself', 'KAF-CON-010');
  }
}

const CONNECT_SYMBOL = Symbol.for('cdk8s-kafka.KafkaConnect');

function preKafka28(cluster: IKafkaCluster): boolean {
  const [major, minor] = cluster.version.version.split('.').map(Number);
  return major < 2 || (major === 2 && minor < 8);
}

function buildModel(b: ConnectBuild | undefined): BuildModel | undefined {
  return b && {
    output: {
      type: b.output.type,
      image: b.output.image,
      pushSecret: b.output.options.pushSecret,
      additionalBuildOptions: b.output.options.additionalBuildOptions,
      additionalPushOptions: b.output.options.additionalPushOptions,
    },
    plugins: b.plugins.map((pl) => ({
      name: pl.name,
      artifacts: pl.artifacts.map((a) => ({
        type: a.type,
        url: a.url,
        sha512sum: a.downloadOptions.sha512sum,
        insecure: a.downloadOptions.insecure,
        fileName: a.fileName,
        group: a.mavenOptions?.group,
        artifact: a.mavenOptions?.artifact,
        version: a.mavenOptions?.version,
        repository: a.mavenOptions?.repository,
        includeScope: a.mavenOptions?.includeScope,
        mirrors: a.mavenOptions?.mirrors,
      })),
    })),
    resources: renderResources(b.resources),
  };
}

const PUSH_OPTIONS = ['--authfile', '--cert-dir', '--creds', '--quiet', '--retry', '--retry-delay', '--tls-verify'];

function checkBuild(c: ViolationCollector, scope: IConstruct, subject: string, p: KafkaConnectProps): void {
  const b = p.imageBuild;
  if (!b) {
    return;
  }
  c.check(b.plugins.length === 0, subject, 'build has no plugins (the operator requires at least one)', 'add a plugin, or remove build', 'KAF-CON-011');
  const seen = new Set<string>();
  for (const pl of b.plugins) {
    const ps = `${subject} plugin "${pl.name}"`;
    c.check(pl.artifacts.length === 0, ps, 'has no artifacts (the operator requires at least one)', 'add an artifact, or remove the plugin', 'KAF-CON-011');
    c.check(!_PLUGIN_NAME.test(pl.name), ps, `name "${pl.name}" does not match ^[a-z0-9][-_a-z0-9]*[a-z0-9]$ (it names a directory under /opt/kafka/plugins)`,
      'use lower-case letters, digits, - and _, starting and ending with a letter or digit', 'KAF-CON-012');
    c.check(seen.has(pl.name), ps, 'is defined twice (plugin names are unique in a build)', 'rename or merge the plugins', 'KAF-CON-013');
    seen.add(pl.name);
    pl.artifacts.forEach((a, i) => {
      const as = `${ps} artifact ${i + 1} (${a.type})`;
      if (a.type === PluginArtifactType.MAVEN) {
        const m = a.mavenOptions!;
        const empty = (['group', 'artifact', 'version'] as const).filter((k) => (m[k] ?? '').trim() === '');
        c.check(empty.length > 0, as, `Maven ${empty.join(', ')} ${empty.length === 1 ? 'is' : 'are'} empty`, 'give the full coordinates group:artifact:version', 'KAF-CON-016');
        for (const url of [m.repository, ...(m.mirrors ?? [])].filter((u): u is string => u !== undefined)) {
          c.check(!_ARTIFACT_URL.test(url), as, `repository URL "${url}" is not an http, https or ftp URL`, 'use e.g. https://repo1.maven.org/maven2', 'KAF-CON-014');
        }
        return;
      }
      c.check(!_ARTIFACT_URL.test(a.url ?? ''), as, `URL "${a.url}" is not an http, https or ftp URL the operator accepts`,
        'use e.g. https://example.com/plugin.jar (no spaces, not ending in punctuation)', 'KAF-CON-014');
      const sum = a.downloadOptions.sha512sum;
      if (sum !== undefined) {
        c.check(!_SHA512.test(sum), as, `sha512sum "${sum.length > 20 ? `${sum.slice(0, 20)}...` : sum}" (${sum.length} characters) is not a SHA-512 checksum (128 hexadecimal digits)`,
          'use the output of sha512sum <file>', 'KAF-CON-015');
      } else {
        Warnings.of(scope).add(`${as}: no sha512sum, so the build does not verify the download from ${a.url}; add the checksum`, 'KAF-CON-026');
      }
    });
  }
  c.check(p.image !== undefined && p.image === b.output.image, subject, `image "${p.image}" is the same as build.output.image (the operator refuses this)`,
    'remove image: the built image is used', 'KAF-CON-017');
  const badPush = (b.output.options.additionalPushOptions ?? []).filter((o) => !PUSH_OPTIONS.includes(o.split('=')[0]));
  c.check(badPush.length > 0, subject, `build push options ${badPush.map((o) => `"${o}"`).join(', ')} are not among the ones Strimzi allows (${PUSH_OPTIONS.join(', ')})`,
    'remove them', 'KAF-CON-018');
}
