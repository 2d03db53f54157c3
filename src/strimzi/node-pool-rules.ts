/*
 * Rules over a cluster's node pools and the pod/container templates the library
 * renders: node IDs claimed twice (also by pools with zero replicas, whose
 * `strimzi.io/next-node-ids` still reserves them), roles Strimzi does not know,
 * the ephemeral-storage fallback, and the Kubernetes values of the templates.
 * Library-internal.
 */
import * as kplus from 'cdk8s-plus-27';
import type { KafkaNodePool } from './node-pool';
import { NodeRole } from './node-pool';
import { ContainerTemplateOptions, PodTemplateOptions, ProbeOptions } from './templates';
import { checkAnnotations, checkEnvNames, checkInteger, checkLabels, checkObjectName, checkQuantity, checkTolerations } from '../common/k8s-values';
import { checkWholeDuration } from '../common/safe-units';
import { ViolationCollector } from '../common/validation';

const ROLES: string[] = [NodeRole.BROKER, NodeRole.CONTROLLER];

/** Checks the pools of one cluster, with warnings going to `warn`. */
export function checkPools(c: ViolationCollector, clusterSubject: string, pools: KafkaNodePool[], warn: (message: string) => void): void {
  // Node IDs: every ID a pool lists is reserved for it, whatever its replicas.
  const claimedBy = new Map<number, string[]>();
  for (const p of pools) {
    for (const id of new Set(p._listedNodeIds)) {
      claimedBy.set(id, [...(claimedBy.get(id) ?? []), p.poolName]);
    }
  }
  const activeDup = new Set<number>();
  const seen = new Set<number>();
  for (const id of pools.flatMap((x) => x.nodeIds ?? [])) (seen.has(id) ? activeDup : seen).add(id);
  const reservedTwice = [...claimedBy.entries()].filter(([id, owners]) => owners.length > 1 && !activeDup.has(id));
  for (const [id, owners] of reservedTwice) {
    c.add(clusterSubject, `node ID ${id} is listed by node pools ${owners.join(' and ')} (a pool lists nodeIds for the nodes it may get, also at 0 replicas, so Strimzi cannot tell which pool owns it)`,
      `remove ${id} from the nodeIds of all but one pool`, 'KAF-APP-006');
  }
  for (const p of pools) {
    const subject = `node pool "${p.poolName}"`;
    const bad = (p.roles as string[]).filter((r) => !ROLES.includes(r));
    c.check(bad.length > 0, subject, `role(s) ${bad.map((r) => `"${r}"`).join(', ')} are not Strimzi node roles (broker, controller)`,
      'use NodeRole.BROKER and/or NodeRole.CONTROLLER', 'KAF-K8S-010');
    if (!p._storageGiven && p.replicas > 0) {
      warn(`KAF-APP-002 ${subject}: has no storage, so it falls back to ephemeral storage (emptyDir): the data of a node is lost whenever its pod restarts or moves; set storage: Storage.persistentClaim({ size: ... }) (or Storage.ephemeral() to say it is meant)`);
    }
    const props = p._templateProps;
    checkLabels(c, subject, 'the KafkaNodePool', props.labels);
    checkPodTemplate(c, subject, props.podTemplate);
    checkContainerTemplate(c, subject, props.containerTemplate);
    checkContainerResources(c, subject, props.resources);
  }
}

/** Kubernetes values of a pod template. */
export function checkPodTemplate(c: ViolationCollector, subject: string, t: PodTemplateOptions | undefined): void {
  if (!t) return;
  checkLabels(c, subject, 'the pod template', t.labels);
  checkAnnotations(c, subject, 'the pod template', t.annotations);
  checkTolerations(c, subject, 'the pod template', t.tolerations);
  checkObjectName(c, subject, 'the pod template priorityClassName', t.priorityClassName);
  for (const s of t.imagePullSecrets ?? []) checkObjectName(c, subject, 'the image pull Secret', s);
  checkWholeDuration(c, subject, 'terminationGracePeriod', t.terminationGracePeriod, 'seconds', 'KAF-K8S-008');
  (t.tolerations ?? []).forEach((x, i) => checkWholeDuration(c, subject, `toleration ${i} tolerationPeriod`, x.tolerationPeriod, 'seconds', 'KAF-K8S-008'));
}

/** Kubernetes values of a container template. */
export function checkContainerTemplate(c: ViolationCollector, subject: string, t: ContainerTemplateOptions | undefined): void {
  checkEnvNames(c, subject, 'the container template', t?.env);
}

/** Quantities of container resources render without exponents or NaN. */
export function checkContainerResources(c: ViolationCollector, subject: string, r: kplus.ContainerResources | undefined): void {
  checkQuantity(c, subject, 'memory request', r?.memory?.request);
  checkQuantity(c, subject, 'memory limit', r?.memory?.limit);
  checkQuantity(c, subject, 'ephemeral-storage request', r?.ephemeralStorage?.request);
  checkQuantity(c, subject, 'ephemeral-storage limit', r?.ephemeralStorage?.limit);
}

/** A probe's integers and durations, as Kubernetes validates them (period and thresholds at least 1). */
export function checkProbe(c: ViolationCollector, subject: string, what: string, p: ProbeOptions | undefined): void {
  if (!p) return;
  checkWholeDuration(c, subject, `${what} initialDelay`, p.initialDelay, 'seconds', 'KAF-K8S-008', 0);
  checkWholeDuration(c, subject, `${what} timeout`, p.timeout, 'seconds', 'KAF-K8S-008', 1);
  checkWholeDuration(c, subject, `${what} period`, p.period, 'seconds', 'KAF-K8S-008', 1);
  checkInteger(c, subject, `${what} failureThreshold`, p.failureThreshold, 1);
  checkInteger(c, subject, `${what} successThreshold`, p.successThreshold, 1);
}
