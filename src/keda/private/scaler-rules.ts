/*
 * The rules of a KedaConsumerScaler (library-internal), one function per
 * concern. Each takes the facts it needs, resolved by the scaler at validation.
 */
import { ApiObject } from 'cdk8s';
import { _AutoscalerIndex } from './autoscaler-index';
import { parsePartitionLimitation, partitionsAtOrAbove } from './partition-limitation';
import { isDns1123Label } from '../../common/names';
import { checkWholeDuration, formatDecimal } from '../../common/safe-units';
import { ViolationCollector } from '../../common/validation';
import { AclOperation, AclResourceType } from '../../strimzi/acl';
import { Listener, ListenerAuthenticationType } from '../../strimzi/listener';
import type { KedaConsumerScalerProps } from '../consumer-scaler';
import { LagTrigger, LagTriggerType } from '../lag-trigger';
import { ScalingRules } from '../scaling-options';

/** What the rules know about one scaler. */
export interface ScalerFacts {
  readonly props: KedaConsumerScalerProps;
  readonly trigger: LagTrigger;
  /** `ScaledObject "<name>"`. */
  readonly subject: string;
  readonly scaledObjectName: string;
  readonly namespace: string;
  readonly topicName?: string;
  readonly partitions?: number;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  /** The partitions the trigger counts, when known. */
  readonly partitionCap?: number;
  readonly listener?: Listener;
  readonly triggerAuthentication?: ApiObject;
  readonly credentialsNamespace?: string;
  readonly usernameConfigMap?: ApiObject;
  /** Construct path of the ScaledObject. */
  readonly path: string;
  readonly targetKind: string;
  readonly targetName: string;
  readonly targetKey: string;
}

function isCount(n: number, min: number): boolean {
  return Number.isInteger(n) && n >= min;
}

function checkName(c: ViolationCollector, subject: string, what: string, name: string, max: number, fix: string, ruleId: string): void {
  c.check(name.length > max, subject, `${what} "${name}" is ${name.length} characters, but Kubernetes allows at most ${max}`, fix, ruleId);
}

/** The ScaledObject's, HPA's, TriggerAuthentication's and ConfigMap's names. */
export function checkNames(c: ViolationCollector, f: ScalerFacts): void {
  const so = f.subject;
  c.check(f.scaledObjectName.length <= 63 && !isDns1123Label(f.scaledObjectName), so,
    `name "${f.scaledObjectName}" is not a DNS-1123 label (lower-case letters, digits and "-", starting and ending with a letter or digit), and KEDA also uses it as a label value`,
    'set name to e.g. "orders-consumer"', 'KAF-KEDA-008');
  checkName(c, so, 'name', f.scaledObjectName, 63, 'set name to a shorter ScaledObject name', 'KAF-KEDA-009');
  checkName(c, so, 'HPA name', `keda-hpa-${f.scaledObjectName}`, 63, `set name to at most ${63 - 'keda-hpa-'.length} characters`, 'KAF-KEDA-009');
  if (f.triggerAuthentication) {
    checkName(c, so, `${f.triggerAuthentication.kind} name`, f.triggerAuthentication.name, 63, 'set name to a shorter ScaledObject name', 'KAF-KEDA-010');
  }
  if (f.usernameConfigMap) {
    checkName(c, so, 'user name ConfigMap name', f.usernameConfigMap.name, 63, 'set name to a shorter ScaledObject name', 'KAF-KEDA-010');
  }
}

/** The consumer group and the topic. */
export function checkGroupAndTopic(c: ViolationCollector, f: ScalerFacts): void {
  const p = f.props;
  c.check(p.consumerGroup.trim().length === 0, f.subject, 'consumerGroup is empty', 'name the consumer group the workload consumes as', 'KAF-KEDA-011');
  c.check(p.topic !== undefined && p.topicName !== undefined, f.subject,
    `both topic and topicName ("${p.topicName}") are set`, 'set only one of them', 'KAF-KEDA-012');
  if (p.topic && (p.topic.cluster.clusterName !== p.cluster.clusterName || p.topic.cluster.namespace !== p.cluster.namespace)) {
    c.add(`topic "${p.topic.topicName}"`, `belongs to cluster "${p.topic.cluster.clusterName}", not to "${p.cluster.clusterName}"`, 'pass the topic\'s cluster as cluster', 'KAF-KEDA-013');
  }
}

/** Replica counts, against each other and the partitions. */
export function checkReplicaCounts(c: ViolationCollector, f: ScalerFacts): void {
  const p = f.props;
  const so = f.subject;
  const kafka = f.trigger.type === LagTriggerType.KAFKA;
  const min = f.minReplicas;
  const max = f.maxReplicas;
  c.check(!isCount(min, 0), so, `minReplicaCount ${min} is not a whole number of 0 or more`, 'use 0 or more', 'KAF-KEDA-014');
  c.check(!isCount(max, 1), so, `maxReplicaCount ${max} is not a whole number of 1 or more`, 'use 1 or more', 'KAF-KEDA-014');
  const maxSource = p.maxReplicaCount !== undefined ? '' : ' (the default: the partitions the trigger counts)';
  c.check(min > max, so, `minReplicaCount ${min} is above maxReplicaCount ${max}${maxSource}, which KEDA rejects`,
    p.maxReplicaCount !== undefined ? 'make minReplicaCount at most maxReplicaCount' : `lower minReplicaCount to ${max}, or give the topic more partitions`, 'KAF-KEDA-015');
  if (p.idleReplicaCount !== undefined) {
    // KEDA's webhook compares idle with the HPA minimum, max(1, minReplicaCount).
    const hpaMin = Math.max(1, min);
    c.check(!isCount(p.idleReplicaCount, 0), so, `idleReplicaCount ${p.idleReplicaCount} is not a whole number of 0 or more`, 'use 0', 'KAF-KEDA-014');
    c.check(p.idleReplicaCount >= hpaMin, so,
      `idleReplicaCount ${p.idleReplicaCount} is not below minReplicaCount ${min}${min === 0 ? ' (counted as 1 by KEDA)' : ''}, which KEDA rejects`,
      `raise minReplicaCount to ${p.idleReplicaCount + 1} or more, or drop idleReplicaCount`, 'KAF-KEDA-016');
  }
  const cap = f.partitionCap;
  if (cap !== undefined && !p.allowIdleConsumers && max > cap) {
    const what = p.partitionLimitation !== undefined
      ? `the ${cap} partitions of topic "${f.topicName}" selected by partitionLimitation`
      : `the ${cap} partitions of topic "${f.topicName}"`;
    c.add(so, `maxReplicaCount ${max} is above ${what}: a consumer group assigns each partition to one consumer, so ${max - cap} pods would sit idle${kafka ? ', and the kafka trigger caps its metric at the partition count, so KEDA would never run them anyway' : ''}`,
      `lower maxReplicaCount to ${cap}, give the topic at least ${max} partitions, or set allowIdleConsumers: true`, 'KAF-KEDA-017');
  }
}

/** lagThreshold and activationLagThreshold. */
export function checkThresholds(c: ViolationCollector, f: ScalerFacts): void {
  const p = f.props;
  const kafka = f.trigger.type === LagTriggerType.KAFKA;
  const lag = p.lagThreshold ?? 10;
  c.check(!(lag > 0) || (kafka && !Number.isInteger(lag)), f.subject,
    `lagThreshold ${lag} must be ${kafka ? 'a whole number ' : ''}above 0 (it is the target lag per replica)`, 'use 1 or more', 'KAF-KEDA-018');
  c.check(lag > Number.MAX_SAFE_INTEGER, f.subject, `lagThreshold ${formatDecimal(lag)} is above ${Number.MAX_SAFE_INTEGER}, the largest whole number the threshold is written exactly as (KEDA reads it as a 64-bit integer)`,
    'use a threshold of at most a few million: it is the target lag per replica', 'KAF-KEDA-007');
  for (const name of Object.keys(f.trigger.prometheusOptions?.labelMatchers ?? {})) {
    c.check(!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name) || name.startsWith('__'), f.subject,
      `Prometheus label matcher "${name}" is not a label name (letters, digits and "_", not starting with a digit; "__" is reserved), so the generated query does not parse`,
      'use the label name as the exporter writes it, e.g. "consumergroup"', 'KAF-KEDA-002');
  }
  if (p.activationLagThreshold !== undefined) {
    const a = p.activationLagThreshold;
    c.check(!(a >= 0) || (kafka && !Number.isInteger(a)), f.subject,
      `activationLagThreshold ${a} must be ${kafka ? 'a whole number of ' : ''}0 or more`, 'use 0 (active on any lag) or more', 'KAF-KEDA-019');
  }
}

/** The kafka trigger's own options, their combinations and partitionLimitation. */
export function checkTriggerOptions(c: ViolationCollector, f: ScalerFacts): void {
  const p = f.props;
  const so = f.subject;
  const kafka = f.trigger.type === LagTriggerType.KAFKA;
  const kafkaOnly: Array<[string, unknown]> = [
    ['offsetResetPolicy', p.offsetResetPolicy], ['excludePersistentLag', p.excludePersistentLag],
    ['scaleToZeroOnInvalidOffset', p.scaleToZeroOnInvalidOffset], ['limitToPartitionsWithLag', p.limitToPartitionsWithLag],
    ['ensureEvenDistributionOfPartitions', p.ensureEvenDistributionOfPartitions], ['partitionLimitation', p.partitionLimitation],
  ];
  if (!kafka) {
    for (const [name, value] of kafkaOnly) {
      c.check(value !== undefined, so, `${name} applies only to the kafka trigger, not to the prometheus trigger`, `drop ${name}, or use LagTrigger.kafka()`, 'KAF-KEDA-020');
    }
    const server = f.trigger.prometheusOptions!.serverAddress;
    c.check(!/^https?:\/\/[^\s/]+/.test(server), so, `Prometheus serverAddress "${server}" is not an http(s) URL`, 'use e.g. http://prometheus-operated.monitoring.svc:9090', 'KAF-KEDA-021');
  }
  c.check(!!p.allowIdleConsumers && !!p.limitToPartitionsWithLag, so,
    'allowIdleConsumers and limitToPartitionsWithLag cannot both be set (one lifts the partition cap, the other narrows it)', 'set only one of them', 'KAF-KEDA-022');
  c.check(!!p.limitToPartitionsWithLag && !!p.ensureEvenDistributionOfPartitions, so,
    'limitToPartitionsWithLag and ensureEvenDistributionOfPartitions cannot both be set', 'set only one of them', 'KAF-KEDA-023');
  const noTopic = f.topicName === undefined;
  c.check(!!p.limitToPartitionsWithLag && noTopic, so, 'limitToPartitionsWithLag needs a topic', 'set topic or topicName', 'KAF-KEDA-024');
  c.check(!!p.ensureEvenDistributionOfPartitions && noTopic, so, 'ensureEvenDistributionOfPartitions needs a topic', 'set topic or topicName', 'KAF-KEDA-024');
  if (p.partitionLimitation !== undefined) {
    c.check(noTopic, so, 'partitionLimitation needs a topic (KEDA ignores it without one)', 'set topic or topicName', 'KAF-KEDA-024');
    const parsed = parsePartitionLimitation(p.partitionLimitation);
    if (parsed.error) {
      c.add(so, `partitionLimitation ${JSON.stringify(p.partitionLimitation)} is invalid: ${parsed.error}`, 'use partition ids and inclusive ranges separated by commas, e.g. "0,2,5-7"', 'KAF-KEDA-003');
    } else if (f.partitions !== undefined && parsed.ranges) {
      const partitions = f.partitions;
      const outside = partitionsAtOrAbove(parsed.ranges, partitions);
      c.check(outside !== undefined, so,
        `partitionLimitation "${p.partitionLimitation}" names partition ${outside}, but topic "${f.topicName}" has partitions 0-${partitions - 1}`,
        'name existing partitions only', 'KAF-KEDA-025');
    }
  }
}

/** Whether KEDA's identity may read the topic's and the group's offsets. */
export function checkAccess(c: ViolationCollector, f: ScalerFacts): void {
  const p = f.props;
  const kafka = f.trigger.type === LagTriggerType.KAFKA;
  const anonymous = !p.user && f.listener?.authentication.type === ListenerAuthenticationType.NONE;
  if (kafka && anonymous && p.cluster.authorizationEnabled) {
    c.add(`listener "${f.listener!.name}"`,
      `has no authentication, so KEDA would connect as ANONYMOUS, which no ACL of cluster "${p.cluster.clusterName}" allows to read offsets (the cluster enforces ACLs)`,
      'pass user (a KafkaUser with Read on the topic and the consumer group, e.g. through topic.grantRead()) and a listener with that user\'s authentication', 'KAF-KEDA-026');
  }
  if (kafka && p.user && p.cluster.authorizationEnabled) {
    const u = p.user;
    if (f.topicName !== undefined && !u.isAllowed(AclResourceType.TOPIC, f.topicName, AclOperation.DESCRIBE)) {
      c.add(`user "${u.userName}"`, `may not Describe topic "${f.topicName}" (Describe, or Read which implies it), so KEDA cannot read its offsets (cluster "${p.cluster.clusterName}" enforces ACLs)`,
        `grant it, e.g. topic.grantRead(user, { consumerGroup: '${p.consumerGroup}' })`, 'KAF-KEDA-027');
    }
    if (!u.isAllowed(AclResourceType.GROUP, p.consumerGroup, AclOperation.DESCRIBE)) {
      c.add(`user "${u.userName}"`, `may not Describe consumer group "${p.consumerGroup}" (Describe, or Read which implies it), so KEDA cannot read the group's committed offsets (cluster "${p.cluster.clusterName}" enforces ACLs)`,
        `grant it, e.g. topic.grantRead(user, { consumerGroup: '${p.consumerGroup}' })`, 'KAF-KEDA-028');
    }
  }
}

/** Polling interval, fallback and HPA behaviour. */
export function checkTiming(c: ViolationCollector, f: ScalerFacts): void {
  const p = f.props;
  const so = f.subject;
  if (p.pollingInterval) {
    const ms = p.pollingInterval.toMilliseconds({ integral: false });
    if (ms < 1000) {
      c.add(so, `pollingInterval ${ms}ms is below 1 second`, 'use 1 second or more', 'KAF-KEDA-029');
    } else {
      checkWholeDuration(c, so, 'pollingInterval', p.pollingInterval, 'seconds', 'KAF-KEDA-006');
    }
  }
  checkWholeDuration(c, so, 'cooldownPeriod', p.cooldownPeriod, 'seconds', 'KAF-KEDA-006');
  checkWholeDuration(c, so, 'initialCooldownPeriod', p.initialCooldownPeriod, 'seconds', 'KAF-KEDA-006');
  if (p.fallback) {
    c.check(!isCount(p.fallback.failureThreshold, 0) || !isCount(p.fallback.replicas, 0), so,
      `fallback failureThreshold ${p.fallback.failureThreshold} and replicas ${p.fallback.replicas} must both be whole numbers of 0 or more`, 'use 0 or more', 'KAF-KEDA-030');
  }
  for (const [dir, rules] of [['scaleDown', p.scaleDown], ['scaleUp', p.scaleUp]] as Array<[string, ScalingRules | undefined]>) {
    if (!rules) {
      continue;
    }
    if (rules.stabilizationWindow && checkWholeDuration(c, so, `${dir} stabilizationWindow`, rules.stabilizationWindow, 'seconds', 'KAF-KEDA-006')) {
      const s = rules.stabilizationWindow.toSeconds();
      c.check(s < 0 || s > 3600, so, `${dir} stabilizationWindow ${s}s is outside 0 to 3600 seconds`, 'use at most one hour', 'KAF-KEDA-031');
    }
    for (const policy of rules.policies ?? []) {
      if (!checkWholeDuration(c, so, `${dir} policy period`, policy.period, 'seconds', 'KAF-KEDA-006')) continue;
      const period = policy.period.toSeconds();
      c.check(period < 1 || period > 1800, so, `${dir} policy period ${period}s is outside 1 to 1800 seconds`, 'use 1 second to 30 minutes', 'KAF-KEDA-032');
      c.check(!isCount(policy.value, 1), so, `${dir} policy value ${policy.value} is not a whole number of 1 or more`, 'use 1 or more', 'KAF-KEDA-033');
    }
  }
}

/** One autoscaler per workload, and names no other autoscaling object uses (one index walk per synth). */
export function checkUniqueness(c: ViolationCollector, f: ScalerFacts, index: _AutoscalerIndex): void {
  const own = f.path;
  const workload = `workload ${f.targetKind} "${f.targetName}"`;
  const others = index.scaledObjectsFor(f.targetKey).filter((o) => o.path !== own);
  if (others.length > 0) {
    c.add(workload,
      `in namespace "${f.namespace}" is also scaled by ${others.map((o) => `${o.path} (ScaledObject "${o.name}")`).join(', ')}, and KEDA admits only one ScaledObject per workload`,
      'combine the triggers into one scaler, or scale another workload', 'KAF-KEDA-034');
  }
  const hpas = index.hpasFor(f.targetKey);
  if (hpas.length > 0) {
    c.add(workload,
      `in namespace "${f.namespace}" is also scaled by ${hpas.map((o) => `${o.path} (HorizontalPodAutoscaler "${o.name}")`).join(', ')}, and KEDA rejects a ScaledObject for a workload another HPA manages`,
      'remove that HorizontalPodAutoscaler (KEDA creates its own), or scale another workload', 'KAF-KEDA-035');
  }
  const sameName = index.named('ScaledObject', f.namespace, f.scaledObjectName).filter((o) => o.path !== own);
  if (sameName.length > 0) {
    c.add(f.subject, `namespace "${f.namespace}" has another ScaledObject of that name (${sameName.map((o) => o.path).join(', ')}): applying both keeps only one, and KEDA's HPA names (keda-hpa-<name>) would clash`,
      'set name to a name no other ScaledObject in the namespace uses', 'KAF-KEDA-036');
  }
  const auth = f.triggerAuthentication;
  if (auth) {
    const ns = auth.kind === 'ClusterTriggerAuthentication' ? '' : f.credentialsNamespace ?? f.namespace;
    const clash = index.named(auth.kind, ns, auth.name).filter((o) => o.path !== auth.node.path);
    if (clash.length > 0) {
      c.add(`${auth.kind} "${auth.name}"`, `is also rendered by ${clash.map((o) => o.path).join(', ')}${ns ? ` in namespace "${ns}"` : ' (cluster-scoped names are global)'}, and applying both keeps only one`,
        'set name to another ScaledObject name', 'KAF-KEDA-037');
    }
  }
}

/**
 * Warnings of a scaler: a maximum of 1 can never scale (KAF-KEDA-004); the kafka
 * trigger through a listener outside the Kubernetes cluster (KAF-KEDA-005).
 */
export function scalerWarnings(f: ScalerFacts): string[] {
  const out: string[] = [];
  const p = f.props;
  const min = f.minReplicas;
  if (f.maxReplicas === 1 && Number.isInteger(min) && min >= 0 && min <= 1) {
    const why = p.maxReplicaCount !== undefined ? 'maxReplicaCount is 1' : `topic "${f.topicName}" has ${f.partitionCap} partition(s) the trigger counts, which caps maxReplicaCount at 1`;
    out.push(`KAF-KEDA-004 ${f.subject}: ${why}, so KEDA can never run more than one replica${min === 0 || p.idleReplicaCount !== undefined ? ' (it only scales between zero and one)' : ''}; give the topic more partitions and raise maxReplicaCount, or drop the scaler`);
  }
  if (f.trigger.type === LagTriggerType.KAFKA && f.listener?.isExternal) {
    out.push(`KAF-KEDA-005 ${f.subject}: KEDA reaches the brokers through listener "${f.listener.name}" of type ${f.listener.type}, which leaves the Kubernetes cluster and comes back (extra hops, the external certificate and address, and a dependency on the load balancer or ingress); use an internal or cluster-ip listener`);
  }
  return out;
}
