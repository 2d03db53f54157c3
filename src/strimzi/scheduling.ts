import * as names from './private/strimzi-names';
import { ViolationCollector } from '../common/validation';

/**
 * How a spread rule is enforced by the scheduler.
 */
export enum SpreadMethod {
  /** Pod anti-affinity: no two matching pods share a topology domain (required) or the scheduler tries to avoid it (preferred). */
  ANTI_AFFINITY = 'anti-affinity',
  /** Topology spread constraints: matching pods are balanced across domains (at most `maxSkew` apart). */
  TOPOLOGY_SPREAD = 'topology-spread',
}

/**
 * Which Kafka pods a spread rule keeps apart.
 */
export enum SpreadScope {
  /** The nodes of the pool the rule is set on (`strimzi.io/pool-name`). */
  POOL = 'pool',
  /** Every Kafka node of the cluster (`strimzi.io/name: <cluster>-kafka`), brokers and controllers. */
  CLUSTER = 'cluster',
  /** Every broker of the cluster (`strimzi.io/broker-role: "true"`). */
  BROKERS = 'brokers',
  /** Every controller of the cluster (`strimzi.io/controller-role: "true"`). */
  CONTROLLERS = 'controllers',
}

/**
 * Options of a spread rule.
 */
export interface SpreadOptions {
  /**
   * Whether the rule is a hard requirement (pods stay Pending when it cannot be met)
   * or a preference.
   * @default true
   */
  readonly required?: boolean;
  /**
   * How the rule is expressed.
   * @default SpreadMethod.ANTI_AFFINITY
   */
  readonly method?: SpreadMethod;
  /**
   * Which pods are kept apart.
   * @default SpreadScope.POOL
   */
  readonly scope?: SpreadScope;
  /**
   * Largest allowed difference in pod count between domains (topology spread only).
   * @default 1
   */
  readonly maxSkew?: number;
  /**
   * Weight of a preferred anti-affinity rule (1-100).
   * @default 100
   */
  readonly weight?: number;
}

/**
 * Spreads Kafka pods across zones, hosts or any node label, selecting them by the
 * labels Strimzi puts on its pods (`strimzi.io/cluster`, `strimzi.io/name`,
 * `strimzi.io/pool-name`, `strimzi.io/broker-role`, `strimzi.io/controller-role`).
 */
export class Spread {
  /** Across availability zones (`topology.kubernetes.io/zone`). */
  public static acrossZones(options: SpreadOptions = {}): Spread {
    return new Spread('topology.kubernetes.io/zone', options);
  }

  /** Across Kubernetes nodes (`kubernetes.io/hostname`): no two pods on one machine. */
  public static acrossHosts(options: SpreadOptions = {}): Spread {
    return new Spread('kubernetes.io/hostname', options);
  }

  /**
   * Across the values of any node label.
   * @param topologyKey the node label, e.g. `topology.ebs.csi.aws.com/zone`
   */
  public static across(topologyKey: string, options: SpreadOptions = {}): Spread {
    return new Spread(topologyKey, options);
  }

  /** Whether the rule is a hard requirement. */
  public readonly required: boolean;
  /** How the rule is expressed. */
  public readonly method: SpreadMethod;
  /** Which pods are kept apart. */
  public readonly scope: SpreadScope;

  private constructor(
    /** The node label whose values are the domains. */
    public readonly topologyKey: string,
    private readonly options: SpreadOptions,
  ) {
    this.required = options.required ?? true;
    this.method = options.method ?? SpreadMethod.ANTI_AFFINITY;
    this.scope = options.scope ?? SpreadScope.POOL;
  }

  /**
   * The labels that select the pods this rule keeps apart.
   * @param clusterName the Kafka cluster's name
   * @param poolName the pool the rule is set on
   */
  public selectorLabels(clusterName: string, poolName: string): { [key: string]: string } {
    const labels: { [key: string]: string } = names.kafkaPodSelector(clusterName);
    switch (this.scope) {
      case SpreadScope.POOL:
        labels[names.POOL_NAME_LABEL] = poolName;
        break;
      case SpreadScope.BROKERS:
        labels[names.BROKER_ROLE_LABEL] = 'true';
        break;
      case SpreadScope.CONTROLLERS:
        labels[names.CONTROLLER_ROLE_LABEL] = 'true';
        break;
      default:
        break;
    }
    return labels;
  }

  /**
   * The pod template fragment (`affinity` or `topologySpreadConstraints`).
   * @internal
   */
  public _render(clusterName: string, poolName: string): { podAntiAffinity?: any; topologySpreadConstraint?: any } {
    const labelSelector = { matchLabels: this.selectorLabels(clusterName, poolName) };
    if (this.method === SpreadMethod.TOPOLOGY_SPREAD) {
      return {
        topologySpreadConstraint: {
          maxSkew: this.options.maxSkew ?? 1,
          topologyKey: this.topologyKey,
          whenUnsatisfiable: this.required ? 'DoNotSchedule' : 'ScheduleAnyway',
          labelSelector,
        },
      };
    }
    const term = { labelSelector, topologyKey: this.topologyKey };
    return {
      podAntiAffinity: this.required
        ? { requiredDuringSchedulingIgnoredDuringExecution: [term] }
        : { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: this.options.weight ?? 100, podAffinityTerm: term }] },
    };
  }

  /**
   * Checks the rule's numbers against the Kubernetes limits.
   * @internal
   */
  public _check(c: ViolationCollector, subject: string): void {
    const what = `spread across "${this.topologyKey}"`;
    const { maxSkew, weight } = this.options;
    c.check(!this.topologyKey, subject, `${what} has an empty topology key (the node label whose values are the domains)`, 'use Spread.acrossZones(), Spread.acrossHosts() or Spread.across("<node label>")', 'KAF-POOL-013');
    if (maxSkew !== undefined) {
      c.check(this.method !== SpreadMethod.TOPOLOGY_SPREAD, subject, `${what} sets maxSkew ${maxSkew}, which only applies to SpreadMethod.TOPOLOGY_SPREAD`, 'remove maxSkew or use method: SpreadMethod.TOPOLOGY_SPREAD', 'KAF-POOL-014');
      c.check(!Number.isInteger(maxSkew) || maxSkew < 1, subject, `${what} has maxSkew ${maxSkew}; Kubernetes needs an integer >= 1`, 'use maxSkew 1 (even spread) or more', 'KAF-POOL-015');
    }
    if (weight !== undefined) {
      c.check(this.method === SpreadMethod.TOPOLOGY_SPREAD || this.required, subject, `${what} sets weight ${weight}, which only applies to a preferred (required: false) anti-affinity rule`, 'remove weight or set required: false', 'KAF-POOL-016');
      c.check(!Number.isInteger(weight) || weight < 1 || weight > 100, subject, `${what} has weight ${weight}; Kubernetes accepts integers 1-100`, 'use a weight between 1 and 100', 'KAF-POOL-017');
    }
  }
}
