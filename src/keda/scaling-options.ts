import { Duration } from 'cdk8s';

/**
 * Where the kafka trigger counts lag from for a partition the group has never
 * committed an offset on (KEDA's `offsetResetPolicy`). Match the consumer's
 * `auto.offset.reset`.
 */
export enum OffsetResetPolicy {
  /** Such a partition counts as lag 1, so a new group still activates its consumers. */
  LATEST = 'latest',
  /** Such a partition counts its whole log as lag. */
  EARLIEST = 'earliest',
}

/**
 * What the replica count becomes once the trigger has failed `failureThreshold` times in a row.
 */
export enum FallbackBehavior {
  /** Exactly the fallback replica count. */
  STATIC = 'static',
  /** Keep the current replica count. */
  CURRENT_REPLICAS = 'currentReplicas',
  /** The current replica count, if higher than the fallback count. */
  CURRENT_REPLICAS_IF_HIGHER = 'currentReplicasIfHigher',
  /** The current replica count, if lower than the fallback count. */
  CURRENT_REPLICAS_IF_LOWER = 'currentReplicasIfLower',
}

/**
 * A replica count KEDA falls back to while the trigger keeps failing.
 */
export interface ScalerFallback {
  /** Consecutive trigger failures before falling back (0 or more). */
  readonly failureThreshold: number;
  /** The fallback replica count (0 or more). */
  readonly replicas: number;
  /**
   * How the fallback count is applied.
   * @default FallbackBehavior.STATIC
   */
  readonly behavior?: FallbackBehavior;
}

/**
 * Which of several scaling policies the HPA applies.
 */
export enum ScalingPolicySelect {
  /** The policy allowing the largest change. */
  MAX = 'Max',
  /** The policy allowing the smallest change. */
  MIN = 'Min',
  /** No scaling in this direction. */
  DISABLED = 'Disabled',
}

/**
 * One HPA scaling policy: how much the replica count may change within a period.
 */
export class ScalingPolicy {
  /**
   * At most `count` pods per `period`.
   * @param count pods, at least 1
   * @param period 1 second to 30 minutes
   */
  public static pods(count: number, period: Duration): ScalingPolicy {
    return new ScalingPolicy('Pods', count, period);
  }

  /**
   * At most `percent` % of the current replicas per `period`.
   * @param percent at least 1
   * @param period 1 second to 30 minutes
   */
  public static percent(percent: number, period: Duration): ScalingPolicy {
    return new ScalingPolicy('Percent', percent, period);
  }

  private constructor(
    /** `Pods` or `Percent`. */
    public readonly type: string,
    /** The amount of change allowed. */
    public readonly value: number,
    /** The period the amount applies to. */
    public readonly period: Duration,
  ) {}
}

/**
 * How the HPA KEDA creates scales in one direction.
 */
export interface ScalingRules {
  /**
   * How long the HPA looks back before changing the replica count, 0 to 1 hour.
   * @default - the HPA default (5 minutes down, 0 up)
   */
  readonly stabilizationWindow?: Duration;
  /**
   * Rate limits.
   * @default - the HPA defaults
   */
  readonly policies?: ScalingPolicy[];
  /**
   * Which policy applies when there are several.
   * @default ScalingPolicySelect.MAX
   */
  readonly selectPolicy?: ScalingPolicySelect;
}
