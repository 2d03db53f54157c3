/**
 * A Cruise Control optimization goal, for the `goals` of a KafkaRebalance or
 * a rebalance template.
 *
 * The constants are the goals Strimzi knows by their short names; a goal class
 * of your own (on the Cruise Control classpath) is `CruiseControlGoal.custom()`.
 */
export class CruiseControlGoal {
  /** Replicas of a partition are on brokers in different racks (hard goal by default). */
  public static readonly RACK_AWARE = new CruiseControlGoal('RackAwareGoal');
  /** Replicas of a partition are spread as evenly as possible over the racks. */
  public static readonly RACK_AWARE_DISTRIBUTION = new CruiseControlGoal('RackAwareDistributionGoal');
  /** Each broker leads at least a minimum number of partitions of the chosen topics. */
  public static readonly MIN_TOPIC_LEADERS_PER_BROKER = new CruiseControlGoal('MinTopicLeadersPerBrokerGoal');
  /** No broker holds more replicas than its capacity (hard goal by default). */
  public static readonly REPLICA_CAPACITY = new CruiseControlGoal('ReplicaCapacityGoal');
  /** Disk use stays below the disk capacity (hard goal by default). */
  public static readonly DISK_CAPACITY = new CruiseControlGoal('DiskCapacityGoal');
  /** Inbound network use stays below capacity (hard goal by default). */
  public static readonly NETWORK_INBOUND_CAPACITY = new CruiseControlGoal('NetworkInboundCapacityGoal');
  /** Outbound network use stays below capacity (hard goal by default). */
  public static readonly NETWORK_OUTBOUND_CAPACITY = new CruiseControlGoal('NetworkOutboundCapacityGoal');
  /** CPU use stays below capacity (hard goal by default). */
  public static readonly CPU_CAPACITY = new CruiseControlGoal('CpuCapacityGoal');
  /** Replicas are spread evenly over the brokers. */
  public static readonly REPLICA_DISTRIBUTION = new CruiseControlGoal('ReplicaDistributionGoal');
  /** The potential outbound network use (if every replica became leader) stays below capacity. */
  public static readonly POTENTIAL_NETWORK_OUTBOUND = new CruiseControlGoal('PotentialNwOutGoal');
  /** Disk use is spread evenly over the brokers. */
  public static readonly DISK_USAGE_DISTRIBUTION = new CruiseControlGoal('DiskUsageDistributionGoal');
  /** Inbound network use is spread evenly over the brokers. */
  public static readonly NETWORK_INBOUND_USAGE_DISTRIBUTION = new CruiseControlGoal('NetworkInboundUsageDistributionGoal');
  /** Outbound network use is spread evenly over the brokers. */
  public static readonly NETWORK_OUTBOUND_USAGE_DISTRIBUTION = new CruiseControlGoal('NetworkOutboundUsageDistributionGoal');
  /** CPU use is spread evenly over the brokers. */
  public static readonly CPU_USAGE_DISTRIBUTION = new CruiseControlGoal('CpuUsageDistributionGoal');
  /** The replicas of each topic are spread evenly over the brokers. */
  public static readonly TOPIC_REPLICA_DISTRIBUTION = new CruiseControlGoal('TopicReplicaDistributionGoal');
  /** Leader replicas are spread evenly over the brokers. */
  public static readonly LEADER_REPLICA_DISTRIBUTION = new CruiseControlGoal('LeaderReplicaDistributionGoal');
  /** Inbound bytes of leaders are spread evenly over the brokers. */
  public static readonly LEADER_BYTES_IN_DISTRIBUTION = new CruiseControlGoal('LeaderBytesInDistributionGoal');
  /** Moves leadership to the preferred (first) replica. Not among Strimzi's default goals. */
  public static readonly PREFERRED_LEADER_ELECTION = new CruiseControlGoal('PreferredLeaderElectionGoal');

  /** Every goal Strimzi knows, in Strimzi's priority order. */
  public static get known(): CruiseControlGoal[] {
    return [...KNOWN];
  }

  /**
   * The goals Strimzi configures as Cruise Control's `goals` (and `default.goals`)
   * when the cluster sets none: every known goal except `PreferredLeaderElectionGoal`.
   */
  public static get defaultGoals(): CruiseControlGoal[] {
    return KNOWN.filter((g) => g !== CruiseControlGoal.PREFERRED_LEADER_ELECTION);
  }

  /** The goals Strimzi configures as `hard.goals` when the cluster sets none. */
  public static get defaultHardGoals(): CruiseControlGoal[] {
    return [CruiseControlGoal.RACK_AWARE, CruiseControlGoal.REPLICA_CAPACITY, CruiseControlGoal.DISK_CAPACITY,
      CruiseControlGoal.NETWORK_INBOUND_CAPACITY, CruiseControlGoal.NETWORK_OUTBOUND_CAPACITY, CruiseControlGoal.CPU_CAPACITY];
  }

  /**
   * A goal class of your own, by its fully qualified class name (it must be on
   * Cruise Control's classpath and listed in the cluster's Cruise Control `goals`).
   */
  public static custom(className: string): CruiseControlGoal {
    if (typeof className !== 'string') {
      throw new TypeError(`CruiseControlGoal.custom() takes a class name string, got ${typeof className}`);
    }
    return new CruiseControlGoal(className, true);
  }

  /**
   * A goal by name: a known short name (e.g. `RackAwareGoal`, or its full
   * `com.linkedin.kafka.cruisecontrol.analyzer.goals.` class name) gives the
   * constant, anything else a custom goal.
   */
  public static of(name: string): CruiseControlGoal {
    const known = KNOWN.find((g) => g.name === shortGoalName(name));
    return known ?? CruiseControlGoal.custom(name);
  }

  private constructor(
    /** The goal as it is rendered: the short name of a known goal, the class name of a custom one. */
    public readonly name: string,
    /** Whether this is a custom goal class. */
    public readonly isCustom: boolean = false,
  ) {}

  /**
   * Whether `other` (a name from a Cruise Control goal list, short or fully
   * qualified) names this goal.
   */
  public matches(other: string): boolean {
    return this.isCustom ? other === this.name : shortGoalName(other) === this.name;
  }

  /** The goal name. */
  public toString(): string {
    return this.name;
  }
}

const KNOWN: CruiseControlGoal[] = [
  CruiseControlGoal.RACK_AWARE, CruiseControlGoal.RACK_AWARE_DISTRIBUTION, CruiseControlGoal.MIN_TOPIC_LEADERS_PER_BROKER,
  CruiseControlGoal.REPLICA_CAPACITY, CruiseControlGoal.DISK_CAPACITY, CruiseControlGoal.NETWORK_INBOUND_CAPACITY,
  CruiseControlGoal.NETWORK_OUTBOUND_CAPACITY, CruiseControlGoal.CPU_CAPACITY, CruiseControlGoal.REPLICA_DISTRIBUTION,
  CruiseControlGoal.POTENTIAL_NETWORK_OUTBOUND, CruiseControlGoal.DISK_USAGE_DISTRIBUTION, CruiseControlGoal.NETWORK_INBOUND_USAGE_DISTRIBUTION,
  CruiseControlGoal.NETWORK_OUTBOUND_USAGE_DISTRIBUTION, CruiseControlGoal.CPU_USAGE_DISTRIBUTION, CruiseControlGoal.TOPIC_REPLICA_DISTRIBUTION,
  CruiseControlGoal.LEADER_REPLICA_DISTRIBUTION, CruiseControlGoal.LEADER_BYTES_IN_DISTRIBUTION, CruiseControlGoal.PREFERRED_LEADER_ELECTION,
];

const GOALS_PACKAGE = 'com.linkedin.kafka.cruisecontrol.analyzer.goals.';

/** `RackAwareGoal` for `RackAwareGoal` and `com.linkedin.kafka.cruisecontrol.analyzer.goals.RackAwareGoal`. */
function shortGoalName(name: string): string {
  return name.startsWith(GOALS_PACKAGE) ? name.slice(GOALS_PACKAGE.length) : name;
}
