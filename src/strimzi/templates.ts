import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';

/** The effect of a taint a toleration matches. */
export enum TaintEffect {
  /** New pods are not scheduled on the node. */
  NO_SCHEDULE = 'NoSchedule',
  /** The scheduler tries not to place new pods on the node. */
  PREFER_NO_SCHEDULE = 'PreferNoSchedule',
  /** Running pods are evicted. */
  NO_EXECUTE = 'NoExecute',
}

/** How a toleration matches a taint's value. */
export enum TolerationOperator {
  /** The taint's value must equal the toleration's value. */
  EQUAL = 'Equal',
  /** Any value (the toleration has no value). */
  EXISTS = 'Exists',
}

/**
 * A toleration of a node taint.
 */
export interface Toleration {
  /** Taint key. @default - every key (with `TolerationOperator.EXISTS`) */
  readonly key?: string;
  /** How the value is matched. @default TolerationOperator.EQUAL */
  readonly operator?: TolerationOperator;
  /** Taint value. @default - none */
  readonly value?: string;
  /** Taint effect. @default - every effect */
  readonly effect?: TaintEffect;
  /** How long a pod stays on a node after a `NoExecute` taint appears. @default - forever */
  readonly tolerationPeriod?: Duration;
}

/**
 * Settings of the pods Strimzi creates (`template.pod`).
 */
export interface PodTemplateOptions {
  /** Extra pod labels (keys starting `strimzi.io/` are rejected). @default - none */
  readonly labels?: { [key: string]: string };
  /** Extra pod annotations. @default - none */
  readonly annotations?: { [key: string]: string };
  /** Pod security context. @default - Strimzi's defaults */
  readonly securityContext?: kplus.PodSecurityContextProps;
  /** Tolerations. @default - none */
  readonly tolerations?: Toleration[];
  /** Priority class. @default - the cluster default */
  readonly priorityClassName?: string;
  /** Grace period before a stopping pod is killed. @default Duration.seconds(30) */
  readonly terminationGracePeriod?: Duration;
  /** Names of image pull Secrets. @default - none */
  readonly imagePullSecrets?: string[];
  /** Scheduler name. @default - the default scheduler */
  readonly schedulerName?: string;
}

/**
 * Settings of the main container Strimzi creates (`template.<component>Container`).
 */
export interface ContainerTemplateOptions {
  /** Container security context. @default - Strimzi's defaults */
  readonly securityContext?: kplus.ContainerSecurityContextProps;
  /** Extra environment variables with plain values (reference Secrets through the escape hatch). @default - none */
  readonly env?: { [name: string]: string };
}

/**
 * Readiness or liveness probe timing.
 */
export interface ProbeOptions {
  /** Delay before the first probe. @default - Strimzi's default (15 seconds) */
  readonly initialDelay?: Duration;
  /** Probe timeout. @default - Strimzi's default (5 seconds) */
  readonly timeout?: Duration;
  /** Interval between probes. @default - Kubernetes default (10 seconds) */
  readonly period?: Duration;
  /** Failures before the probe counts as failed. @default - Kubernetes default (3) */
  readonly failureThreshold?: number;
  /** Successes before the probe counts as passed again. @default - Kubernetes default (1) */
  readonly successThreshold?: number;
}
