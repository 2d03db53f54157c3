/*
 * The renderers of the Strimzi resources, by the target's API version. Only the
 * files under src/strimzi/render/ import the generated kafka.strimzi.io classes.
 */
import * as v1kafka from './v1/kafka';
import * as v1pool from './v1/node-pool';
import type { KafkaModel, KafkaNodePoolModel } from '../model/kafka';
import type { StrimziTarget } from '../target';

/** Turns a model into a spec, and orders a resolved spec as the target's schema does. */
export interface SpecRenderer<M> {
  render(model: M): any;
  order(resolved: any): any;
}

const KAFKA: { [apiVersion: string]: SpecRenderer<KafkaModel> } = {
  'kafka.strimzi.io/v1': { render: v1kafka.renderKafkaSpec, order: v1kafka.orderKafkaSpec },
};

const NODE_POOL: { [apiVersion: string]: SpecRenderer<KafkaNodePoolModel> } = {
  'kafka.strimzi.io/v1': { render: v1pool.renderNodePoolSpec, order: v1pool.orderNodePoolSpec },
};

function pick<M>(table: { [apiVersion: string]: SpecRenderer<M> }, kind: string, target: StrimziTarget): SpecRenderer<M> {
  const r = table[target.apiVersion];
  if (!r) {
    throw new Error(`no ${kind} renderer for ${target.apiVersion} (${target.displayName})`);
  }
  return r;
}

/** The Kafka renderer of a target. */
export function kafkaRenderer(target: StrimziTarget): SpecRenderer<KafkaModel> {
  return pick(KAFKA, 'Kafka', target);
}

/** The KafkaNodePool renderer of a target. */
export function nodePoolRenderer(target: StrimziTarget): SpecRenderer<KafkaNodePoolModel> {
  return pick(NODE_POOL, 'KafkaNodePool', target);
}
