import { ApiObject, Chart, Duration, Lazy } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { CrossNamespaceCredentials } from './cross-namespace-credentials';
import { LagTrigger, LagTriggerType } from './lag-trigger';
import { _AutoscalerEntries, _AutoscalerIndex, _targetKey } from './private/autoscaler-index';
import { partitionCap } from './private/partition-limitation';
import {
  checkAccess, checkGroupAndTopic, checkNames, checkReplicaCounts, checkThresholds, checkTiming, checkTriggerOptions, checkUniqueness,
  scalerWarnings, ScalerFacts,
} from './private/scaler-rules';
import { placeCredentials } from './private/secret-placement';
import {
  AuthPlan, assumedPlan, credentialKey, defaultListener, Finding, matchingListener, noListenerFinding, planAuthentication,
} from './private/trigger-auth';
import { renderKafkaTrigger, renderPrometheusTrigger } from './private/triggers';
import { IScalableWorkload } from './scale-target';
import { OffsetResetPolicy, ScalerFallback, ScalingRules } from './scaling-options';
import { SecretCopy } from './secret-copy';
import * as keda from '../../imports/keda.sh';
import { keepPatchedFields } from '../common/patch-passthrough';
import { seconds as secondsOf } from '../common/safe-units';
import { registerUniqueDocuments } from '../common/unique-documents';
import { addRules, ViolationCollector } from '../common/validation';
import { Warnings } from '../common/warnings';
import { registerOperatorChecks } from '../operators/cross-checks';
import type { IKafkaCluster } from '../strimzi/cluster';
import { Listener } from '../strimzi/listener';
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

const SCALER_MARK = Symbol.for('cdk8s-kafka.KedaConsumerScaler');

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
  /** What the credential objects were planned for when the scaler was created. */
  private readonly plannedCredentials?: { key: string; listenerName?: string };
  private readonly placementFindings: Finding[] = [];
  private readonly ignoredCrossNamespaceCredentials: boolean = false;

  constructor(scope: Construct, id: string, props: KedaConsumerScalerProps) {
    super(scope, id);
    registerUniqueDocuments(this, ['ScaledObject', 'TriggerAuthentication', 'ClusterTriggerAuthentication', 'ConfigMap']);
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
    keepPatchedFields(this.resource);

    if (this.trigger.type === LagTriggerType.KAFKA) {
      // Which credential objects exist is decided now (constructs cannot be added
      // at synth): for the explicit listener, else the cluster's listener matching
      // the user, else a TLS listener with the user's authentication. The listener
      // itself is chosen at validation; a rule reports a listener that needs other
      // credentials than those planned here.
      const planned = props.listener ?? matchingListener(props.cluster, props.user);
      const shape = planned ? planAuthentication(props.cluster, props.user, planned) : assumedPlan(props.cluster, props.user);
      this.plannedCredentials = { key: credentialKey(shape), listenerName: planned?.name };
      if (shape.params.length > 0) {
        const placed = placeCredentials(this, {
          cluster: props.cluster,
          crossNamespaceCredentials: props.crossNamespaceCredentials,
          namespace: this.namespace,
          scaledObjectName: this.scaledObjectName,
          targetKind: this.target.kind,
          targetName: this.target.name,
        }, shape.params, shape.username);
        this.placementFindings = placed.findings;
        this.ignoredCrossNamespaceCredentials = placed.ignoredCrossNamespaceCredentials;
        this.credentialsNamespace = placed.namespace;
        this.triggerAuthentication = placed.triggerAuthentication;
        this.usernameConfigMap = placed.usernameConfigMap;
        this.secretCopy = placed.secretCopy;
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
    addRules(this, (c) => {
      this.addWarnings();
      this.checkRules(c);
    });
  }

  /**
   * The listener KEDA connects through (kafka trigger): `listener`, else the
   * cluster's first in-cluster listener whose authentication matches the user's
   * (or that has none, without a user), else its first in-cluster listener.
   * Chosen when asked (at validation and synthesis), so listeners added to the
   * cluster after the scaler count.
   */
  public get listener(): Listener | undefined {
    if (this.trigger.type !== LagTriggerType.KAFKA) {
      return undefined;
    }
    return this.props.listener ?? defaultListener(this.props.cluster, this.props.user);
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
    const cap = partitionCap(this.partitions, this.props.partitionLimitation);
    return cap !== undefined && !this.props.allowIdleConsumers ? Math.max(cap, 1) : 100;
  }

  private addWarnings(): void {
    const p = this.props;
    if (this.trigger.type === LagTriggerType.PROMETHEUS) {
      const unused: Array<[string, unknown]> = [
        ['user', p.user], ['listener', p.listener], ['crossNamespaceCredentials', p.crossNamespaceCredentials],
      ];
      for (const [name, value] of unused) {
        if (value !== undefined) {
          const what = name === 'user' ? `user "${p.user!.userName}"` : name;
          Warnings.of(this).add(`${what} is not used: the prometheus trigger reads lag from Prometheus, not from Kafka`, 'KAF-KEDA-038');
        }
      }
    }
    if (this.ignoredCrossNamespaceCredentials) {
      const here = this.namespace === p.cluster.namespace ? 'the cluster\'s namespace' : 'namespace';
      Warnings.of(this).add(`crossNamespaceCredentials is ignored: the workload runs in ${here} "${this.namespace}", where KEDA reads the Secrets directly`, 'KAF-KEDA-039');
    }
    const idleOrZero = p.idleReplicaCount !== undefined || this.minReplicas === 0;
    if (!idleOrZero && (p.pollingInterval || p.cooldownPeriod)) {
      Warnings.of(this).add(`${p.pollingInterval ? 'pollingInterval' : 'cooldownPeriod'} has no effect while minReplicaCount is ${this.minReplicas} and there is no idleReplicaCount: KEDA uses them only to scale to and from zero or idle`, 'KAF-KEDA-040');
    }
    if (this.trigger.type === LagTriggerType.PROMETHEUS && p.maxReplicaCount === undefined && this.partitions === undefined) {
      Warnings.of(this).add('maxReplicaCount defaults to 100: the topic\'s partition count is unknown and the prometheus trigger, unlike the kafka trigger, does not cap replicas at it; set maxReplicaCount to the partition count', 'KAF-KEDA-041');
    }
  }

  private facts(): ScalerFacts {
    return {
      props: this.props,
      trigger: this.trigger,
      subject: `ScaledObject "${this.scaledObjectName}"`,
      scaledObjectName: this.scaledObjectName,
      namespace: this.namespace,
      topicName: this.topicName,
      partitions: this.partitions,
      minReplicas: this.minReplicas,
      maxReplicas: this.maxReplicas,
      partitionCap: partitionCap(this.partitions, this.props.partitionLimitation),
      listener: this.listener,
      triggerAuthentication: this.triggerAuthentication,
      credentialsNamespace: this.credentialsNamespace,
      usernameConfigMap: this.usernameConfigMap,
      path: this.resource.node.path,
      targetKind: this.target.kind,
      targetName: this.target.name,
      targetKey: this._targetKey,
    };
  }

  /** How the kafka trigger connects through the listener chosen now, or undefined without one. */
  private plan(): AuthPlan | undefined {
    const listener = this.listener;
    return listener && planAuthentication(this.props.cluster, this.props.user, listener);
  }

  private checkConnection(c: ViolationCollector): void {
    if (this.trigger.type !== LagTriggerType.KAFKA) {
      return;
    }
    const plan = this.plan();
    const findings = plan ? [...plan.findings, ...this.placementFindings] : [noListenerFinding(this.props.cluster)];
    for (const f of findings) {
      c.add(f.subject, f.problem, f.fix, f.ruleId);
    }
    const planned = this.plannedCredentials!;
    if (plan && plan.findings.length === 0 && credentialKey(plan) !== planned.key) {
      const when = planned.listenerName ? `for listener "${planned.listenerName}"` : 'before the cluster had a listener matching the user (assuming TLS with the cluster CA)';
      c.add(`ScaledObject "${this.scaledObjectName}"`,
        `KEDA connects through listener "${this.listener!.name}", which needs other credentials than the TriggerAuthentication, ConfigMap and Secret copy planned when the scaler was created ${when}`,
        `pass listener: cluster.findListener("${this.listener!.name}") to the scaler, or create the scaler after adding the listener`,
        'KAF-KEDA-001');
    }
  }

  private checkRules(c: ViolationCollector): void {
    this.checkConnection(c);
    const facts = this.facts();
    checkNames(c, facts);
    checkGroupAndTopic(c, facts);
    checkReplicaCounts(c, facts);
    checkThresholds(c, facts);
    checkTriggerOptions(c, facts);
    checkAccess(c, facts);
    checkTiming(c, facts);
    scalerWarnings(facts).forEach((w) => Warnings.of(this).add(w));
    checkUniqueness(c, facts, _AutoscalerIndex.of(this, describeAutoscalers));
  }

  private renderSpec(): keda.ScaledObjectSpec {
    const p = this.props;
    const seconds = (d?: Duration) => secondsOf(d);
    const behavior = (r?: ScalingRules) => r && {
      stabilizationWindowSeconds: seconds(r.stabilizationWindow),
      selectPolicy: r.selectPolicy,
      policies: r.policies?.map((x) => ({ type: x.type, value: x.value, periodSeconds: secondsOf(x.period) })),
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

  private renderTrigger(): keda.ScaledObjectSpecTriggers {
    const p = this.props;
    const lag = {
      cluster: p.cluster,
      consumerGroup: p.consumerGroup,
      topicName: this.topicName,
      lagThreshold: p.lagThreshold,
      activationLagThreshold: p.activationLagThreshold,
    };
    if (this.trigger.type === LagTriggerType.PROMETHEUS) {
      return renderPrometheusTrigger(lag, this.trigger.prometheusOptions!);
    }
    const plan = this.plan();
    return renderKafkaTrigger({
      ...lag,
      bootstrapServers: plan?.bootstrapServers,
      tls: plan?.tls,
      sasl: plan?.sasl,
      offsetResetPolicy: p.offsetResetPolicy,
      allowIdleConsumers: p.allowIdleConsumers,
      excludePersistentLag: p.excludePersistentLag,
      scaleToZeroOnInvalidOffset: p.scaleToZeroOnInvalidOffset,
      limitToPartitionsWithLag: p.limitToPartitionsWithLag,
      ensureEvenDistributionOfPartitions: p.ensureEvenDistributionOfPartitions,
      partitionLimitation: p.partitionLimitation,
      triggerAuthentication: this.triggerAuthentication,
    });
  }
}

/** The entries of a KedaConsumerScaler for the autoscaler index; undefined for any other construct. */
function describeAutoscalers(c: IConstruct): _AutoscalerEntries | undefined {
  return KedaConsumerScaler.isKedaConsumerScaler(c) ? c._autoscalerEntries() : undefined;
}
