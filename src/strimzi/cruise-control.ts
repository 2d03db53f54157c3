import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { PodTemplateOptions } from './templates';
import { KafkaRebalanceTemplate } from '../rebalance/rebalance';

/** When Cruise Control rebalances automatically. */
export enum AutoRebalanceMode {
  /** After brokers are added (scale up). */
  ADD_BROKERS = 'add-brokers',
  /** Before brokers are removed (scale down). */
  REMOVE_BROKERS = 'remove-brokers',
}

/**
 * Capacity of one or more brokers, for Cruise Control's balancing model.
 */
export interface BrokerCapacityOptions {
  /** CPU capacity. @default - the broker's CPU request or limit */
  readonly cpu?: kplus.Cpu;
  /** Inbound network capacity per second. @default - Cruise Control's default */
  readonly inboundNetworkPerSecond?: Size;
  /** Outbound network capacity per second. @default - Cruise Control's default */
  readonly outboundNetworkPerSecond?: Size;
}

/**
 * Capacity of particular brokers.
 */
export interface BrokerCapacityOverride extends BrokerCapacityOptions {
  /** Node IDs of the brokers. */
  readonly brokers: number[];
}

/**
 * An automatic rebalance on scaling.
 */
export interface AutoRebalanceOptions {
  /** When it runs. */
  readonly mode: AutoRebalanceMode;
  /**
   * Name of a KafkaRebalance annotated `strimzi.io/rebalance-template: "true"` holding its settings.
   * @default - Cruise Control's default goals
   */
  readonly templateName?: string;
  /**
   * A `KafkaRebalanceTemplate` holding its settings (in the cluster's namespace);
   * rendered as its name. Use this or `templateName`.
   * @default - Cruise Control's default goals
   */
  readonly template?: KafkaRebalanceTemplate;
}

/**
 * Cruise Control (`spec.cruiseControl`): balances partitions across brokers and
 * lets topics change their replication factor.
 */
export interface CruiseControlOptions {
  /** Goals Cruise Control may use (`goals`). @default - Cruise Control's defaults */
  readonly goals?: string[];
  /** Goals used when a rebalance names none (`default.goals`). @default - Cruise Control's defaults */
  readonly defaultGoals?: string[];
  /** Goals every proposal must satisfy (`hard.goals`). @default - Cruise Control's defaults */
  readonly hardGoals?: string[];
  /** Broker capacity. @default - derived from the broker resources */
  readonly brokerCapacity?: BrokerCapacityOptions;
  /** Per-broker capacity overrides. @default - none */
  readonly brokerCapacityOverrides?: BrokerCapacityOverride[];
  /** Automatic rebalances when brokers are added or removed. @default - none */
  readonly autoRebalance?: AutoRebalanceOptions[];
  /** Further Cruise Control settings (keys Strimzi owns are rejected). @default - none */
  readonly config?: { [key: string]: any };
  /** Container resources. @default - none */
  readonly resources?: kplus.ContainerResources;
  /** Pod template of the Cruise Control Deployment. @default - none */
  readonly podTemplate?: PodTemplateOptions;
}
