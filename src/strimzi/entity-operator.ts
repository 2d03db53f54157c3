import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { PodTemplateOptions } from './templates';

/**
 * Settings of the Topic Operator (manages KafkaTopic resources).
 */
export interface TopicOperatorOptions {
  /**
   * Namespace it watches for KafkaTopics. The cluster's topics are rendered there.
   * Strimzi honours a namespace other than the cluster's only when the Cluster
   * Operator runs with `STRIMZI_ENTITY_OPERATOR_WATCHED_NAMESPACE_ENABLED=true`
   * (a synth-time warning says so).
   * @default - the cluster's namespace
   */
  readonly watchedNamespace?: string;
  /** Interval between full reconciliations. @default Duration.minutes(2) */
  readonly reconciliationInterval?: Duration;
  /** Container resources. @default - none */
  readonly resources?: kplus.ContainerResources;
}

/**
 * Settings of the User Operator (manages KafkaUser resources and their Secrets).
 */
export interface UserOperatorOptions {
  /**
   * Namespace it watches for KafkaUsers. The cluster's users are rendered there and
   * the User Operator writes their Secrets there, while the CA Secrets stay in the
   * cluster's namespace. Strimzi honours a namespace other than the cluster's only
   * when the Cluster Operator runs with `STRIMZI_ENTITY_OPERATOR_WATCHED_NAMESPACE_ENABLED=true`
   * (a synth-time warning says so).
   * @default - the cluster's namespace
   */
  readonly watchedNamespace?: string;
  /** Interval between full reconciliations. @default Duration.minutes(2) */
  readonly reconciliationInterval?: Duration;
  /** Container resources. @default - none */
  readonly resources?: kplus.ContainerResources;
  /** Prefix of the user Secret names (`<prefix><user>`). @default - none */
  readonly secretPrefix?: string;
}

/**
 * Settings of the Entity Operator (`spec.entityOperator`). Both operators run by
 * default, since KafkaTopic and KafkaUser resources need them.
 */
export interface EntityOperatorOptions {
  /** Whether the Topic Operator runs. @default true */
  readonly topicOperator?: boolean;
  /** Whether the User Operator runs. @default true */
  readonly userOperator?: boolean;
  /** Topic Operator settings. @default - Strimzi's defaults */
  readonly topicOperatorOptions?: TopicOperatorOptions;
  /** User Operator settings. @default - Strimzi's defaults */
  readonly userOperatorOptions?: UserOperatorOptions;
  /** Pod template of the Entity Operator Deployment. @default - none */
  readonly podTemplate?: PodTemplateOptions;
}
