import { ApiObject, Chart, Duration, JsonPatch, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { CrossNamespaceCredentials } from './cross-namespace-credentials';
import { LagTrigger, LagTriggerType, PrometheusLagTriggerOptions } from './lag-trigger';
import { _AutoscalerEntries, _AutoscalerIndex, _targetKey } from './private/autoscaler-index';
import { IScalableWorkload } from './scale-target';
import { OffsetResetPolicy, ScalerFallback, ScalingRules } from './scaling-options';
import { CopiedSecret, SecretCopy } from './secret-copy';
import * as keda from '../../imports/keda.sh';
import { isDns1123Label } from '../common/names';
import { addRules, ViolationCollector } from '../common/validation';
import { Warnings } from '../common/warnings';
import { KafkaExporterMetrics, ScrapeLabels } from '../monitoring/metric-names';
import { registerOperatorChecks } from '../operators/cross-checks';
import { resolveKedaNamespace } from '../operators/keda-namespace';
import { AclOperation, AclResourceType, KafkaUserAuthenticationType } from '../strimzi/acl';
import type { IKafkaCluster } from '../strimzi/cluster';
import { KafkaConnectionDetails, SecretKeyReference, SecurityProtocol } from '../strimzi/connection';
import { Listener, ListenerAuthenticationType } from '../strimzi/listener';
import type { ITopic } from '../strimzi/topic';
import type { IKafkaUser } from '../strimzi/user';

/**
 * Properties of a `KedaConsumerScaler`.
 */
export interface KedaConsumerScalerProps {
  /**
   * The consumer workload to scale: a cdk8s-plus Deployment or StatefulSet, or
   * `ScaleTarget.of(kind, name)` for one defined elsewhere.
   */
  readonly target: IScalableWorkload;
  /** The Kafka cluster the consumer reads from. */
  readonly cluster: IKafkaCluster;
  /** The consumer group whose lag drives scaling. */
  readonly consumerGroup: string;
  /**
   * The topic the group consumes. Without a topic (and without `topicName`)
   * the kafka trigger sums the lag over every topic the group has committed
   * offsets for.
   * @default - no topic, see `topicName`
   */
  readonly topic?: ITopic;
  /**
   * The name of a topic not managed in this app (its partition count is then
   * unknown, so the partition checks cannot run).
   * @default - no topic, see `topic`
   */
  readonly topicName?: string;
  /**
   * The listener KEDA connects through (kafka trigger).
   * @default - the cluster's first in-cluster listener whose authentication matches the user's (or that has none, without a user)
   */
  readonly listener?: Listener;
  /**
   * The Kafka user KEDA authenticates as (kafka trigger). It needs Read on the
   * topic and the group when the cluster enforces ACLs. Required when the
   * listener requires authentication.
   * @default - no authentication
   */
  readonly user?: IKafkaUser;
  /**
   * Where KEDA reads the lag from.
   * @default LagTrigger.kafka()
   */
  readonly trigger?: LagTrigger;
  /**
   * Target lag per replica: KEDA aims for about `ceil(totalLag / lagThreshold)` replicas.
   * @default 10
   */
  readonly lagThreshold?: number;
  /**
   * The lag above which the workload is active (scaled up from zero or idle).
   * @default 0
   */
  readonly activationLagThreshold?: number;
  /**
   * Lag of partitions without a committed offset. Match the consumer's `auto.offset.reset`.
   * @default OffsetResetPolicy.LATEST
   */
  readonly offsetResetPolicy?: OffsetResetPolicy;
  /**
   * Minimum replicas. 0 lets KEDA scale the consumer to zero while there is no lag.
   * @default 1
   */
  readonly minReplicaCount?: number;
  /**
   * Maximum replicas.
   * @default - the topic's partition count when known (and `allowIdleConsumers` is not set), else 100
   */
  readonly maxReplicaCount?: number;
  /**
   * Replicas while there is no lag, below `minReplicaCount` (in practice 0).
   * @default - none: the workload stays at `minReplicaCount`
   */
  readonly idleReplicaCount?: number;
  /**
   * How often KEDA checks the trigger for activation.
   * @default - KEDA's default, 30 seconds
   */
  readonly pollingInterval?: Duration;
  /**
   * How long after the last activity KEDA scales to zero or idle.
   * @default - KEDA's default, 5 minutes
   */
  readonly cooldownPeriod?: Duration;
  /**
   * Grace period after creation before the first scale to zero.
   * @default - none
   */
  readonly initialCooldownPeriod?: Duration;
  /**
   * Replica count while the trigger keeps failing.
   * @default - no fallback
   */
  readonly fallback?: ScalerFallback;
  /**
   * How the HPA scales down.
   * @default - the HPA defaults
   */
  readonly scaleDown?: ScalingRules;
  /**
   * How the HPA scales up.
   * @default - the HPA defaults
   */
  readonly scaleUp?: ScalingRules;
  /**
   * Allow more replicas than partitions (the extra consumers get no partitions).
   * @default false
   */
  readonly allowIdleConsumers?: boolean;
  /**
   * Ignore the lag of partitions whose committed offset did not move since the
   * last poll (a stuck consumer does not scale the workload out).
   * @default false
   */
  readonly excludePersistentLag?: boolean;
  /**
   * Count partitions without a committed offset as lag 0.
   * @default false
   */
  readonly scaleToZeroOnInvalidOffset?: boolean;
  /**
   * Cap replicas at the number of partitions that currently have lag. Needs a topic.
   * @default false
   */
  readonly limitToPartitionsWithLag?: boolean;
  /**
   * Round the replica count to a divisor of the partition count, so every
   * consumer gets the same number of partitions. Needs a topic.
   * @default false
   */
  readonly ensureEvenDistributionOfPartitions?: boolean;
  /**
   * Only these partitions count: ids and inclusive ranges, e.g. `0,2,5-7`. Needs a topic.
   * @default - all partitions
   */
  readonly partitionLimitation?: string;
  /**
   * How KEDA gets the credentials when the workload runs in another namespace
   * than a Secret it needs (required then): the CA Secret is in the cluster's
   * namespace, the user Secret where the User Operator writes it (its watched
   * namespace, by default the cluster's).
   * @default - none; a workload in another namespace than a Secret KEDA needs is a synth-time error
   */
  readonly crossNamespaceCredentials?: CrossNamespaceCredentials;
  /**
   * Whether KEDA resets the workload to its replica count from before KEDA
   * when the ScaledObject is deleted.
   * @default false
   */
  readonly restoreToOriginalReplicaCount?: boolean;
  /**
   * Name of the ScaledObject (KEDA names its HPA `keda-hpa-<name>`).
   * @default - the target's name
   */
  readonly name?: string;
}

interface AuthParam {
  readonly parameter: string;
  readonly secret?: SecretKeyReference;
  /** The namespace `secret` lives in. */
  readonly namespace?: string;
  readonly configMapKey?: string;
}

interface Finding {
  readonly subject: string;
  readonly problem: string;
  readonly fix: string;
}

const SCALER_MARK = Symbol.for('cdk8s-kafka.KedaConsumerScaler');
const TRIGGER_NAME = 'consumer-lag';

/**
 * Scales a consumer workload on the lag of its consumer group with KEDA.
 *
 * Renders a KEDA `ScaledObject` with a `kafka` trigger (or a `prometheus`
 * trigger on the Kafka Exporter's lag metric) and, when the listener needs
 * credentials, a `TriggerAuthentication` wired to the Secrets Strimzi writes
 * for the user and the cluster CA, plus a ConfigMap holding the SCRAM user
 * name (no Strimzi Secret has it). When the workload runs in another
 * namespace than those Secrets, `crossNamespaceCredentials` says how KEDA gets
 * them.
 */
export class KedaConsumerScaler extends Construct {
  /**
   * Whether `x` is a KedaConsumerScaler.
   */
  public static isKedaConsumerScaler(x: any): x is KedaConsumerScaler {
    return x !== null && typeof x === 'object' && SCALER_MARK in x;
  }

  /** The ScaledObject (also `ApiObject.of(scaler)`), the escape hatch for fields the props do not cover. */
  public readonly resource: ApiObject;
  /** The ScaledObject's name. */
  public readonly scaledObjectName: string;
  /** The namespace of the ScaledObject and the workload. */
  public readonly namespace: string;
  /** The scaled workload. */
  public readonly target: IScalableWorkload;
  /** The listener KEDA connects through (kafka trigger). */
  public readonly listener?: Listener;
  /** The TriggerAuthentication or ClusterTriggerAuthentication, when credentials are needed. */
  public readonly triggerAuthentication?: ApiObject;
  /** The ConfigMap holding the SCRAM user name, when SCRAM is used. */
  public readonly usernameConfigMap?: ApiObject;
  /** The job copying the credentials, with `CrossNamespaceCredentials.copyTo...()`. */
  public readonly secretCopy?: SecretCopy;
  /** The namespace the Secrets KEDA reads live in, when credentials are needed. */
  public readonly credentialsNamespace?: string;

  private readonly props: KedaConsumerScalerProps;
  private readonly trigger: LagTrigger;
  private readonly topicName?: string;
  private readonly findings: Finding[] = [];
  private readonly triggerTls?: boolean;
  private readonly triggerSasl?: string;
  private readonly bootstrapServers?: string;

  constructor(scope: Construct, id: string, props: KedaConsumerScalerProps) {
    super(scope, id);
    Object.defineProperty(this, SCALER_MARK, { value: true });
    this.props = props;
    this.target = props.target;
    this.trigger = props.trigger ?? LagTrigger.kafka();
    this.namespace = props.target.metadata.namespace ?? Chart.of(this).namespace ?? 'default';
    this.scaledObjectName = props.name ?? props.target.name;
    this.topicName = props.topic?.topicName ?? props.topicName;

    this.resource = new keda.ScaledObject(this, 'Resource', {
      metadata: { name: this.scaledObjectName, namespace: this.namespace },
      spec: Lazy.any({ produce: () => this.renderSpec() }) as any,
    });

    if (this.trigger.type === LagTriggerType.KAFKA) {
      this.listener = props.listener ?? this.defaultListener();
      if (this.listener) {
        const auth = this.planAuthentication(this.listener);
        this.bootstrapServers = auth.bootstrapServers;
        this.triggerTls = auth.tls;
        this.triggerSasl = auth.sasl;
        if (auth.params.length > 0) {
          const placed = this.placeCredentials(auth.params, auth.username);
          this.credentialsNamespace = placed.namespace;
          this.triggerAuthentication = placed.triggerAuthentication;
          this.usernameConfigMap = placed.usernameConfigMap;
          this.secretCopy = placed.secretCopy;
        }
      }
    } else {
      const unused: Array<[string, unknown]> = [
        ['user', props.user], ['listener', props.listener], ['crossNamespaceCredentials', props.crossNamespaceCredentials],
      ];
      for (const [name, value] of unused) {
        if (value !== undefined) {
          const what = name === 'user' ? `user "${props.user!.userName}"` : name;
          Warnings.of(this).add(`${what} is not used: the prometheus trigger reads lag from Prometheus, not from Kafka`);
        }
      }
    }

    // A cdk8s-plus workload leaves spec.replicas out of its manifest once it is
    // marked as autoscaled; otherwise every apply of the manifest would reset
    // the replica count KEDA chose.
    const scalable = props.target as any;
    if (typeof scalable.markHasAutoscaler === 'function') {
      scalable.markHasAutoscaler();
    }

    _AutoscalerIndex.watch(this);
    registerOperatorChecks(this);
    this.addWarnings();
    addRules(this, (c) => this.checkRules(c));
  }

  /**
   * What the scaler renders, for the app-wide autoscaler index.
   * @internal
   */
  public _autoscalerEntries(): _AutoscalerEntries {
    const auth = this.triggerAuthentication;
    return {
      scaledObjects: [{
        targetKey: this._targetKey,
        namespace: this.namespace,
        object: { path: this.resource.node.path, name: this.scaledObjectName },
      }],
      authentications: auth ? [{
        kind: auth.kind,
        namespace: auth.kind === 'ClusterTriggerAuthentication' ? '' : this.credentialsNamespace ?? this.namespace,
        object: { path: auth.node.path, name: auth.name },
      }] : [],
    };
  }

  /**
   * Identifies the scaled workload the way KEDA's admission webhook does
   * (namespace, kind, name).
   * @internal
   */
  public get _targetKey(): string {
    return _targetKey(this.namespace, this.target.kind, this.target.name);
  }

  private get partitions(): number | undefined {
    return this.props.topic?.partitions;
  }

  private get minReplicas(): number {
    return this.props.minReplicaCount ?? 1;
  }

  private get maxReplicas(): number {
    if (this.props.maxReplicaCount !== undefined) {
      return this.props.maxReplicaCount;
    }
    const cap = this.partitionCap();
    return cap !== undefined && !this.props.allowIdleConsumers ? Math.max(cap, 1) : 100;
  }

  /** The partitions the trigger counts, when known: the topic's, narrowed by partitionLimitation. */
  private partitionCap(): number | undefined {
    const partitions = this.partitions;
    if (partitions === undefined) {
      return undefined;
    }
    const limited = this.props.partitionLimitation !== undefined ? parsePartitionLimitation(this.props.partitionLimitation) : undefined;
    if (limited && limited.ids) {
      return limited.ids.filter((p) => p < partitions).length;
    }
    return partitions;
  }

  private defaultListener(): Listener | undefined {
    const inCluster = this.props.cluster.listeners.filter((l) => !l.isExternal);
    const wanted = this.props.user ? listenerAuthFor(this.props.user.authenticationType) : ListenerAuthenticationType.NONE;
    const found = inCluster.find((l) => l.authentication.type === wanted) ?? inCluster[0];
    if (!found) {
      this.findings.push({
        subject: `cluster "${this.props.cluster.clusterName}"`,
        problem: 'has no in-cluster listener for KEDA to connect through',
        fix: 'add an internal listener to the cluster, or pass listener',
      });
    }
    return found;
  }

  private planAuthentication(listener: Listener): {
    bootstrapServers: string; tls: boolean; sasl?: string; params: AuthParam[]; username?: string;
  } {
    const { cluster, user } = this.props;
    const subject = `listener "${listener.name}"`;
    const params: AuthParam[] = [];
    if (!cluster.findListener(listener.name)) {
      this.findings.push({ subject, problem: `is not a listener of cluster "${cluster.clusterName}"`, fix: `pass one of ${cluster.listeners.map((l) => `"${l.name}"`).join(', ') || 'the cluster\'s listeners'}` });
    }
    const listenerAuth = listener.authentication.type;
    let details: KafkaConnectionDetails | undefined;
    if (user) {
      const expected = listenerAuthFor(user.authenticationType);
      if (listenerAuth !== expected) {
        this.findings.push({
          subject,
          problem: listenerAuth === ListenerAuthenticationType.NONE
            ? `has no authentication, but user "${user.userName}" authenticates with ${user.authenticationType}, so KEDA could not log in as that user there`
            : `requires ${listenerAuth} authentication, but user "${user.userName}" authenticates with ${user.authenticationType}`,
          fix: listenerAuth === ListenerAuthenticationType.NONE
            ? `use a listener with ${expected} authentication for this user, or drop user`
            : `use a listener with ${expected} authentication, or a user of the listener's kind`,
        });
      } else {
        try {
          details = user.connectionDetails(listener);
        } catch (e: any) {
          this.findings.push({ subject: `user "${user.userName}"`, problem: `has no connection details for listener "${listener.name}" (${e.message ?? e})`, fix: 'pass a listener the user can connect through' });
        }
      }
    } else if (listenerAuth !== ListenerAuthenticationType.NONE) {
      this.findings.push({
        subject,
        problem: `requires ${listenerAuth} authentication, but no user was given`,
        fix: 'pass user (a KafkaUser with Read on the topic and the consumer group), or a listener without authentication',
      });
    }

    const bootstrapServers = details?.bootstrapServers ?? cluster.bootstrapServers(listener);
    // The CA Secret stays in the cluster's namespace; the User Operator writes the
    // user Secret into the namespace it watches.
    const caNamespace = details ? details.brokerCaNamespace ?? details.namespace : cluster.namespace;
    const credentialsNamespace = details ? details.credentialsNamespace ?? details.namespace : cluster.namespace;
    const tls = details
      ? details.securityProtocol === SecurityProtocol.SSL || details.securityProtocol === SecurityProtocol.SASL_SSL
      : listener.tls;
    if (tls) {
      const ca = details ? details.brokerCa : this.listenerCa(listener);
      if (ca) {
        params.push({ parameter: 'ca', secret: ca, namespace: caNamespace });
      }
    }
    let sasl: string | undefined;
    let username: string | undefined;
    if (details?.saslMechanism !== undefined && user) {
      if (details.saslMechanism === 'SCRAM-SHA-512' || details.saslMechanism === 'SCRAM-SHA-256') {
        sasl = details.saslMechanism === 'SCRAM-SHA-512' ? 'scram_sha512' : 'scram_sha256';
        username = details.username ?? user.userName;
        params.push({ parameter: 'username', configMapKey: 'username' });
        if (details.password) {
          params.push({ parameter: 'password', secret: details.password, namespace: credentialsNamespace });
        } else {
          this.findings.push({ subject: `user "${user.userName}"`, problem: 'has no password Secret in its connection details', fix: 'use a KafkaUser with scram-sha-512 authentication' });
        }
      } else {
        this.findings.push({ subject: `user "${user.userName}"`, problem: `uses SASL mechanism ${details.saslMechanism}, which the kafka trigger cannot be wired for here`, fix: 'use a scram-sha-512 or tls user' });
      }
    }
    if (user && details && user.authenticationType !== KafkaUserAuthenticationType.SCRAM_SHA_512) {
      if (details.userCertificate && details.userKey) {
        params.push({ parameter: 'cert', secret: details.userCertificate, namespace: credentialsNamespace });
        params.push({ parameter: 'key', secret: details.userKey, namespace: credentialsNamespace });
      } else {
        this.findings.push({
          subject: `user "${user.userName}"`,
          problem: `authenticates with ${user.authenticationType}, and Strimzi writes no Secret with its certificate and key`,
          fix: 'use a KafkaUser with tls authentication, or add the cert and key parameters to the TriggerAuthentication yourself',
        });
      }
    }
    return { bootstrapServers, tls, sasl, params, username };
  }

  private listenerCa(listener: Listener): SecretKeyReference | undefined {
    const custom = listener.options.brokerCertificate;
    if (custom) {
      return custom.caSecretName ? { secretName: custom.caSecretName, key: custom.caKey ?? 'ca.crt' } : undefined;
    }
    return this.props.cluster.clusterCaCertificate;
  }

  private placeCredentials(params: AuthParam[], username: string | undefined): {
    namespace: string; triggerAuthentication: ApiObject; usernameConfigMap?: ApiObject; secretCopy?: SecretCopy;
  } {
    const cross = this.props.crossNamespaceCredentials;
    const clusterNamespace = this.props.cluster.namespace;
    const secretParams = params.filter((p) => p.secret);
    const secretNamespaces = [...new Set(secretParams.map((p) => p.namespace!))];
    const remote = secretParams.filter((p) => p.namespace !== this.namespace);
    const needsCross = remote.length > 0;
    let authNamespace = this.namespace;
    let clusterScoped = false;
    let secretCopy: SecretCopy | undefined;
    let baseName = `${this.scaledObjectName}-kafka`;

    if (needsCross) {
      if (!cross) {
        const remoteNamespaces = [...new Set(remote.map((p) => p.namespace!))];
        const namesIn = (ns: string) => [...new Set(remote.filter((p) => p.namespace === ns).map((p) => p.secret!.secretName))].map((n) => `"${n}"`).join(', ');
        const where = remoteNamespaces.length === 1
          ? `(${namesIn(remoteNamespaces[0])}) are in namespace "${remoteNamespaces[0]}"`
          : `are in namespaces ${remoteNamespaces.map((ns) => `"${ns}" (${namesIn(ns)})`).join(' and ')}`;
        const cure = 'set crossNamespaceCredentials (CrossNamespaceCredentials.copyToWorkloadNamespace(), copyToKedaNamespace() or syncedToKedaNamespace())';
        this.findings.push({
          subject: `workload ${this.target.kind} "${this.target.name}"`,
          problem: `runs in namespace "${this.namespace}", but the Secrets KEDA needs ${where}, and a TriggerAuthentication reads Secrets only from its own namespace`,
          fix: secretNamespaces.length > 1
            ? `${cure}: no namespace holds them all, since the User Operator writes user Secrets into the namespace it watches ("${this.props.cluster.userNamespace}") and the CA Secret stays in the cluster's ("${clusterNamespace}")`
            : `${cure}, or run the workload in ${secretNamespaces[0] === clusterNamespace ? 'the cluster\'s namespace' : `namespace "${secretNamespaces[0]}"`}`,
        });
      } else if (cross.usesClusterTriggerAuthentication) {
        clusterScoped = true;
        authNamespace = resolveKedaNamespace(this, cross.requestedKedaNamespace);
        baseName = `${this.namespace}-${this.scaledObjectName}-kafka`;
      }
      // Copy what is not already where the TriggerAuthentication reads it, each Secret from where it lives.
      const toCopy = secretParams.filter((p) => p.namespace !== authNamespace);
      if (cross?.copiesSecrets && toCopy.length > 0) {
        const source = toCopy[0].namespace!;
        const secrets: CopiedSecret[] = toCopy.map((p) => ({
          secretName: p.secret!.secretName,
          keys: [p.secret!.key],
          sourceNamespace: p.namespace !== source ? p.namespace : undefined,
        }));
        secretCopy = new SecretCopy(this, 'SecretCopy', {
          name: `${baseName}-copy`,
          sourceNamespace: source,
          targetNamespace: authNamespace,
          secrets,
          schedule: cross.copyOptions.schedule,
          image: cross.copyOptions.image,
        });
      }
    } else if (cross) {
      const here = this.namespace === clusterNamespace ? 'the cluster\'s namespace' : 'namespace';
      Warnings.of(this).add(`crossNamespaceCredentials is ignored: the workload runs in ${here} "${this.namespace}", where KEDA reads the Secrets directly`);
    }

    let usernameConfigMap: ApiObject | undefined;
    const configMapName = `${baseName}-username`;
    if (username !== undefined) {
      usernameConfigMap = new ApiObject(this, 'Username', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: configMapName, namespace: authNamespace },
        data: { username },
      } as any);
    }

    const spec = {
      secretTargetRef: params.filter((p) => p.secret).map((p) => ({ parameter: p.parameter, name: p.secret!.secretName, key: p.secret!.key })),
      configMapTargetRef: params.filter((p) => p.configMapKey)
        .map((p) => ({ parameter: p.parameter, name: configMapName, key: p.configMapKey! })),
    };
    const clean = {
      secretTargetRef: spec.secretTargetRef.length > 0 ? spec.secretTargetRef : undefined,
      configMapTargetRef: spec.configMapTargetRef.length > 0 ? spec.configMapTargetRef : undefined,
    };
    let triggerAuthentication: ApiObject;
    if (clusterScoped) {
      triggerAuthentication = new keda.ClusterTriggerAuthentication(this, 'TriggerAuthentication', {
        metadata: { name: baseName },
        spec: clean,
      });
      if (Chart.of(this).namespace) {
        triggerAuthentication.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
      }
    } else {
      triggerAuthentication = new keda.TriggerAuthentication(this, 'TriggerAuthentication', {
        metadata: { name: baseName, namespace: authNamespace },
        spec: clean,
      });
    }
    return { namespace: authNamespace, triggerAuthentication, usernameConfigMap, secretCopy };
  }

  private addWarnings(): void {
    const p = this.props;
    const idleOrZero = p.idleReplicaCount !== undefined || this.minReplicas === 0;
    if (!idleOrZero && (p.pollingInterval || p.cooldownPeriod)) {
      Warnings.of(this).add(`${p.pollingInterval ? 'pollingInterval' : 'cooldownPeriod'} has no effect while minReplicaCount is ${this.minReplicas} and there is no idleReplicaCount: KEDA uses them only to scale to and from zero or idle`);
    }
    if (this.trigger.type === LagTriggerType.PROMETHEUS && p.maxReplicaCount === undefined && this.partitions === undefined) {
      Warnings.of(this).add('maxReplicaCount defaults to 100: the topic\'s partition count is unknown and the prometheus trigger, unlike the kafka trigger, does not cap replicas at it; set maxReplicaCount to the partition count');
    }
  }

  private checkRules(c: ViolationCollector): void {
    const p = this.props;
    const kafka = this.trigger.type === LagTriggerType.KAFKA;
    const so = `ScaledObject "${this.scaledObjectName}"`;
    for (const f of this.findings) {
      c.add(f.subject, f.problem, f.fix);
    }

    // Names
    c.check(this.scaledObjectName.length <= 63 && !isDns1123Label(this.scaledObjectName), so,
      `name "${this.scaledObjectName}" is not a DNS-1123 label (lower-case letters, digits and "-", starting and ending with a letter or digit), and KEDA also uses it as a label value`,
      'set name to e.g. "orders-consumer"');
    checkName(c, so, 'name', this.scaledObjectName, 63, 'set name to a shorter ScaledObject name');
    checkName(c, so, 'HPA name', `keda-hpa-${this.scaledObjectName}`, 63, `set name to at most ${63 - 'keda-hpa-'.length} characters`);
    if (this.triggerAuthentication) {
      checkName(c, so, `${this.triggerAuthentication.kind} name`, this.triggerAuthentication.name, 63, 'set name to a shorter ScaledObject name');
    }
    if (this.usernameConfigMap) {
      checkName(c, so, 'user name ConfigMap name', this.usernameConfigMap.name, 63, 'set name to a shorter ScaledObject name');
    }

    // The consumer group and topic
    c.check(p.consumerGroup.trim().length === 0, so, 'consumerGroup is empty', 'name the consumer group the workload consumes as');
    c.check(p.topic !== undefined && p.topicName !== undefined, so,
      `both topic and topicName ("${p.topicName}") are set`, 'set only one of them');
    if (p.topic && (p.topic.cluster.clusterName !== p.cluster.clusterName || p.topic.cluster.namespace !== p.cluster.namespace)) {
      c.add(`topic "${p.topic.topicName}"`, `belongs to cluster "${p.topic.cluster.clusterName}", not to "${p.cluster.clusterName}"`, 'pass the topic\'s cluster as cluster');
    }

    // Replica counts
    const min = this.minReplicas;
    const max = this.maxReplicas;
    c.check(!isCount(min, 0), so, `minReplicaCount ${min} is not a whole number of 0 or more`, 'use 0 or more');
    c.check(!isCount(max, 1), so, `maxReplicaCount ${max} is not a whole number of 1 or more`, 'use 1 or more');
    const maxSource = p.maxReplicaCount !== undefined ? '' : ' (the default: the partitions the trigger counts)';
    c.check(min > max, so, `minReplicaCount ${min} is above maxReplicaCount ${max}${maxSource}, which KEDA rejects`,
      p.maxReplicaCount !== undefined ? 'make minReplicaCount at most maxReplicaCount' : `lower minReplicaCount to ${max}, or give the topic more partitions`);
    if (p.idleReplicaCount !== undefined) {
      // KEDA's webhook compares idle with the HPA minimum, max(1, minReplicaCount).
      const hpaMin = Math.max(1, min);
      c.check(!isCount(p.idleReplicaCount, 0), so, `idleReplicaCount ${p.idleReplicaCount} is not a whole number of 0 or more`, 'use 0');
      c.check(p.idleReplicaCount >= hpaMin, so,
        `idleReplicaCount ${p.idleReplicaCount} is not below minReplicaCount ${min}${min === 0 ? ' (counted as 1 by KEDA)' : ''}, which KEDA rejects`,
        `raise minReplicaCount to ${p.idleReplicaCount + 1} or more, or drop idleReplicaCount`);
    }
    const cap = this.partitionCap();
    if (cap !== undefined && !p.allowIdleConsumers && max > cap) {
      const what = p.partitionLimitation !== undefined
        ? `the ${cap} partitions of topic "${this.topicName}" selected by partitionLimitation`
        : `the ${cap} partitions of topic "${this.topicName}"`;
      c.add(so, `maxReplicaCount ${max} is above ${what}: a consumer group assigns each partition to one consumer, so ${max - cap} pods would sit idle${kafka ? ', and the kafka trigger caps its metric at the partition count, so KEDA would never run them anyway' : ''}`,
        `lower maxReplicaCount to ${cap}, give the topic at least ${max} partitions, or set allowIdleConsumers: true`);
    }

    // Thresholds
    const lag = p.lagThreshold ?? 10;
    c.check(!(lag > 0) || (kafka && !Number.isInteger(lag)), so,
      `lagThreshold ${lag} must be ${kafka ? 'a whole number ' : ''}above 0 (it is the target lag per replica)`, 'use 1 or more');
    if (p.activationLagThreshold !== undefined) {
      const a = p.activationLagThreshold;
      c.check(!(a >= 0) || (kafka && !Number.isInteger(a)), so,
        `activationLagThreshold ${a} must be ${kafka ? 'a whole number of ' : ''}0 or more`, 'use 0 (active on any lag) or more');
    }

    // Kafka trigger options
    const kafkaOnly: Array<[string, unknown]> = [
      ['offsetResetPolicy', p.offsetResetPolicy], ['excludePersistentLag', p.excludePersistentLag],
      ['scaleToZeroOnInvalidOffset', p.scaleToZeroOnInvalidOffset], ['limitToPartitionsWithLag', p.limitToPartitionsWithLag],
      ['ensureEvenDistributionOfPartitions', p.ensureEvenDistributionOfPartitions], ['partitionLimitation', p.partitionLimitation],
    ];
    if (!kafka) {
      for (const [name, value] of kafkaOnly) {
        c.check(value !== undefined, so, `${name} applies only to the kafka trigger, not to the prometheus trigger`, `drop ${name}, or use LagTrigger.kafka()`);
      }
      const server = this.trigger.prometheusOptions!.serverAddress;
      c.check(!/^https?:\/\/[^\s/]+/.test(server), so, `Prometheus serverAddress "${server}" is not an http(s) URL`, 'use e.g. http://prometheus-operated.monitoring.svc:9090');
    }
    c.check(!!p.allowIdleConsumers && !!p.limitToPartitionsWithLag, so,
      'allowIdleConsumers and limitToPartitionsWithLag cannot both be set (one lifts the partition cap, the other narrows it)', 'set only one of them');
    c.check(!!p.limitToPartitionsWithLag && !!p.ensureEvenDistributionOfPartitions, so,
      'limitToPartitionsWithLag and ensureEvenDistributionOfPartitions cannot both be set', 'set only one of them');
    const noTopic = this.topicName === undefined;
    c.check(!!p.limitToPartitionsWithLag && noTopic, so, 'limitToPartitionsWithLag needs a topic', 'set topic or topicName');
    c.check(!!p.ensureEvenDistributionOfPartitions && noTopic, so, 'ensureEvenDistributionOfPartitions needs a topic', 'set topic or topicName');
    if (p.partitionLimitation !== undefined) {
      c.check(noTopic, so, 'partitionLimitation needs a topic (KEDA ignores it without one)', 'set topic or topicName');
      const parsed = parsePartitionLimitation(p.partitionLimitation);
      if (parsed.error) {
        c.add(so, `partitionLimitation "${p.partitionLimitation}" is invalid: ${parsed.error}`, 'use partition ids and inclusive ranges separated by commas, e.g. "0,2,5-7"');
      } else if (this.partitions !== undefined) {
        const outside = parsed.ids!.filter((id) => id >= this.partitions!);
        c.check(outside.length > 0, so,
          `partitionLimitation "${p.partitionLimitation}" names partition ${outside.join(', ')}, but topic "${this.topicName}" has partitions 0-${this.partitions - 1}`,
          'name existing partitions only');
      }
    }

    // ACLs
    const anonymous = !p.user && this.listener?.authentication.type === ListenerAuthenticationType.NONE;
    if (kafka && anonymous && p.cluster.authorizationEnabled) {
      c.add(`listener "${this.listener!.name}"`,
        `has no authentication, so KEDA would connect as ANONYMOUS, which no ACL of cluster "${p.cluster.clusterName}" allows to read offsets (the cluster enforces ACLs)`,
        'pass user (a KafkaUser with Read on the topic and the consumer group, e.g. through topic.grantRead()) and a listener with that user\'s authentication');
    }
    if (kafka && p.user && p.cluster.authorizationEnabled) {
      const u = p.user;
      if (this.topicName !== undefined && !u.isAllowed(AclResourceType.TOPIC, this.topicName, AclOperation.READ)) {
        c.add(`user "${u.userName}"`, `may not Read topic "${this.topicName}", so KEDA cannot read its offsets (cluster "${p.cluster.clusterName}" enforces ACLs)`,
          `grant it, e.g. topic.grantRead(user, { consumerGroup: '${p.consumerGroup}' })`);
      }
      if (!u.isAllowed(AclResourceType.GROUP, p.consumerGroup, AclOperation.READ)) {
        c.add(`user "${u.userName}"`, `may not Read consumer group "${p.consumerGroup}", so KEDA cannot read the group's committed offsets (cluster "${p.cluster.clusterName}" enforces ACLs)`,
          `grant it, e.g. topic.grantRead(user, { consumerGroup: '${p.consumerGroup}' })`);
      }
    }

    // Durations, fallback, HPA behaviour
    if (p.pollingInterval) {
      c.check(p.pollingInterval.toMilliseconds() < 1000, so, `pollingInterval ${p.pollingInterval.toMilliseconds()}ms is below 1 second`, 'use 1 second or more');
    }
    if (p.fallback) {
      c.check(!isCount(p.fallback.failureThreshold, 0) || !isCount(p.fallback.replicas, 0), so,
        `fallback failureThreshold ${p.fallback.failureThreshold} and replicas ${p.fallback.replicas} must both be whole numbers of 0 or more`, 'use 0 or more');
    }
    for (const [dir, rules] of [['scaleDown', p.scaleDown], ['scaleUp', p.scaleUp]] as Array<[string, ScalingRules | undefined]>) {
      if (!rules) {
        continue;
      }
      if (rules.stabilizationWindow) {
        const s = rules.stabilizationWindow.toSeconds();
        c.check(s < 0 || s > 3600, so, `${dir} stabilizationWindow ${s}s is outside 0 to 3600 seconds`, 'use at most one hour');
      }
      for (const policy of rules.policies ?? []) {
        const period = policy.period.toSeconds();
        c.check(period < 1 || period > 1800, so, `${dir} policy period ${period}s is outside 1 to 1800 seconds`, 'use 1 second to 30 minutes');
        c.check(!isCount(policy.value, 1), so, `${dir} policy value ${policy.value} is not a whole number of 1 or more`, 'use 1 or more');
      }
    }

    // One autoscaler per workload, unique names (one index walk per synth for the whole app)
    const index = _AutoscalerIndex.of(this, describeAutoscalers);
    const own = this.resource.node.path;
    const workload = `workload ${this.target.kind} "${this.target.name}"`;
    const others = index.scaledObjectsFor(this._targetKey).filter((o) => o.path !== own);
    if (others.length > 0) {
      c.add(workload,
        `in namespace "${this.namespace}" is also scaled by ${others.map((o) => `${o.path} (ScaledObject "${o.name}")`).join(', ')}, and KEDA admits only one ScaledObject per workload`,
        'combine the triggers into one scaler, or scale another workload');
    }
    const hpas = index.hpasFor(this._targetKey);
    if (hpas.length > 0) {
      c.add(workload,
        `in namespace "${this.namespace}" is also scaled by ${hpas.map((o) => `${o.path} (HorizontalPodAutoscaler "${o.name}")`).join(', ')}, and KEDA rejects a ScaledObject for a workload another HPA manages`,
        'remove that HorizontalPodAutoscaler (KEDA creates its own), or scale another workload');
    }
    const sameName = index.named('ScaledObject', this.namespace, this.scaledObjectName).filter((o) => o.path !== own);
    if (sameName.length > 0) {
      c.add(so, `namespace "${this.namespace}" has another ScaledObject of that name (${sameName.map((o) => o.path).join(', ')}): applying both keeps only one, and KEDA's HPA names (keda-hpa-<name>) would clash`,
        'set name to a name no other ScaledObject in the namespace uses');
    }
    const auth = this.triggerAuthentication;
    if (auth) {
      const ns = auth.kind === 'ClusterTriggerAuthentication' ? '' : this.credentialsNamespace ?? this.namespace;
      const clash = index.named(auth.kind, ns, auth.name).filter((o) => o.path !== auth.node.path);
      if (clash.length > 0) {
        c.add(`${auth.kind} "${auth.name}"`, `is also rendered by ${clash.map((o) => o.path).join(', ')}${ns ? ` in namespace "${ns}"` : ' (cluster-scoped names are global)'}, and applying both keeps only one`,
          'set name to another ScaledObject name');
      }
    }
  }

  private renderSpec(): keda.ScaledObjectSpec {
    const p = this.props;
    const seconds = (d?: Duration) => d?.toSeconds();
    const behavior = (r?: ScalingRules) => r && {
      stabilizationWindowSeconds: seconds(r.stabilizationWindow),
      selectPolicy: r.selectPolicy,
      policies: r.policies?.map((x) => ({ type: x.type, value: x.value, periodSeconds: x.period.toSeconds() })),
    };
    const hpaBehavior = (p.scaleDown || p.scaleUp) ? { scaleDown: behavior(p.scaleDown), scaleUp: behavior(p.scaleUp) } : undefined;
    const advanced = (hpaBehavior || p.restoreToOriginalReplicaCount !== undefined) ? {
      restoreToOriginalReplicaCount: p.restoreToOriginalReplicaCount,
      horizontalPodAutoscalerConfig: hpaBehavior ? { behavior: hpaBehavior } : undefined,
    } : undefined;
    return {
      scaleTargetRef: { apiVersion: this.target.apiVersion, kind: this.target.kind, name: this.target.name },
      pollingInterval: seconds(p.pollingInterval),
      cooldownPeriod: seconds(p.cooldownPeriod),
      initialCooldownPeriod: seconds(p.initialCooldownPeriod),
      idleReplicaCount: p.idleReplicaCount,
      minReplicaCount: this.minReplicas,
      maxReplicaCount: this.maxReplicas,
      fallback: p.fallback && { failureThreshold: p.fallback.failureThreshold, replicas: p.fallback.replicas, behavior: p.fallback.behavior as any },
      advanced: advanced as any,
      triggers: [this.renderTrigger()],
    };
  }

  /**
   * The default Prometheus query: the Kafka Exporter's per-partition lag of the
   * group (and topic), scoped to this cluster by the labels the library's
   * scrapes add, clamped at 0 and summed into one sample.
   */
  private lagQuery(o: PrometheusLagTriggerOptions): string {
    const cluster = this.props.cluster;
    const matchers: Array<[string, string]> = [];
    if (o.matchScrapeLabels ?? true) {
      matchers.push([ScrapeLabels.NAMESPACE, cluster.namespace], [ScrapeLabels.CLUSTER, cluster.clusterName]);
    }
    matchers.push([KafkaExporterMetrics.CONSUMER_GROUP_LABEL, this.props.consumerGroup]);
    if (this.topicName !== undefined) {
      matchers.push([KafkaExporterMetrics.TOPIC_LABEL, this.topicName]);
    }
    matchers.push(...Object.entries(o.labelMatchers ?? {}));
    // The exporter reports -1 for partitions without a committed offset: clamp them to 0 before summing.
    const selector = matchers.map(([k, v]) => `${k}=${promString(v)}`).join(',');
    return `sum(clamp_min(${KafkaExporterMetrics.CONSUMER_GROUP_LAG}{${selector}}, 0))`;
  }

  private renderTrigger(): keda.ScaledObjectSpecTriggers {
    const p = this.props;
    const str = (v: unknown) => (v === undefined ? undefined : String(v));
    if (this.trigger.type === LagTriggerType.PROMETHEUS) {
      const o = this.trigger.prometheusOptions!;
      return {
        type: 'prometheus',
        name: TRIGGER_NAME,
        metadata: dropUndefined({
          serverAddress: o.serverAddress,
          query: o.query ?? this.lagQuery(o),
          threshold: String(p.lagThreshold ?? 10),
          activationThreshold: str(p.activationLagThreshold),
          ignoreNullValues: str(o.ignoreNullValues),
        }),
      };
    }
    const auth = this.triggerAuthentication;
    return {
      type: 'kafka',
      name: TRIGGER_NAME,
      metadata: dropUndefined({
        bootstrapServers: this.bootstrapServers ?? '',
        consumerGroup: p.consumerGroup,
        topic: this.topicName,
        lagThreshold: String(p.lagThreshold ?? 10),
        activationLagThreshold: str(p.activationLagThreshold),
        offsetResetPolicy: p.offsetResetPolicy,
        allowIdleConsumers: str(p.allowIdleConsumers),
        excludePersistentLag: str(p.excludePersistentLag),
        scaleToZeroOnInvalidOffset: str(p.scaleToZeroOnInvalidOffset),
        limitToPartitionsWithLag: str(p.limitToPartitionsWithLag),
        ensureEvenDistributionOfPartitions: str(p.ensureEvenDistributionOfPartitions),
        partitionLimitation: p.partitionLimitation,
        version: p.cluster.version.version,
        tls: this.triggerTls ? 'enable' : undefined,
        sasl: this.triggerSasl,
      }),
      authenticationRef: auth && {
        name: auth.name,
        kind: auth.kind as keda.ScaledObjectSpecTriggersAuthenticationRefKind,
      },
    };
  }
}

function listenerAuthFor(type: KafkaUserAuthenticationType): ListenerAuthenticationType {
  return type === KafkaUserAuthenticationType.SCRAM_SHA_512 ? ListenerAuthenticationType.SCRAM_SHA_512 : ListenerAuthenticationType.TLS;
}

function isCount(n: number, min: number): boolean {
  return Number.isInteger(n) && n >= min;
}

function checkName(c: ViolationCollector, subject: string, what: string, name: string, max: number, fix: string): void {
  c.check(name.length > max, subject, `${what} "${name}" is ${name.length} characters, but Kubernetes allows at most ${max}`, fix);
}

function dropUndefined(m: { [k: string]: string | undefined }): { [k: string]: string } {
  const out: { [k: string]: string } = {};
  for (const [k, v] of Object.entries(m)) {
    if (v !== undefined) {
      out[k] = v;
    }
  }
  return out;
}

function promString(v: string): string {
  return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The entries of a KedaConsumerScaler for the autoscaler index; undefined for any other construct. */
function describeAutoscalers(c: IConstruct): _AutoscalerEntries | undefined {
  return KedaConsumerScaler.isKedaConsumerScaler(c) ? c._autoscalerEntries() : undefined;
}

/**
 * Parses KEDA's partitionLimitation syntax: comma-separated partition ids and
 * inclusive ranges `a-b` (a <= b). A blank string means no limit.
 */
function parsePartitionLimitation(spec: string): { ids?: number[]; error?: string } {
  if (spec.trim() === '') {
    return {};
  }
  const ids = new Set<number>();
  for (const raw of spec.split(',')) {
    const item = raw.trim();
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(item);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (from > to) {
        return { error: `range "${item}" runs backwards` };
      }
      for (let i = from; i <= to; i++) {
        ids.add(i);
      }
    } else if (/^\d+$/.test(item)) {
      ids.add(Number(item));
    } else {
      return { error: `"${item}" is neither a partition id nor a range` };
    }
  }
  return { ids: [...ids].sort((a, b) => a - b) };
}
