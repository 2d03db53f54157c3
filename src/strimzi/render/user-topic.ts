/*
 * The KafkaTopic and KafkaUser renderers, by the target's API version.
 */
import type { SpecRenderer } from './index';
import { orderTopicSpecV1, renderTopicSpecV1 } from './v1/topic';
import { orderUserSpecV1, renderUserSpecV1 } from './v1/user';
import type { TopicModel } from '../model/topic';
import type { UserModel } from '../model/user';
import type { StrimziTarget } from '../target';

const TOPIC: { [apiVersion: string]: SpecRenderer<TopicModel> } = {
  'kafka.strimzi.io/v1': { render: renderTopicSpecV1, order: orderTopicSpecV1 },
};

const USER: { [apiVersion: string]: SpecRenderer<UserModel> } = {
  'kafka.strimzi.io/v1': { render: renderUserSpecV1, order: orderUserSpecV1 },
};

function pick<M>(table: { [apiVersion: string]: SpecRenderer<M> }, kind: string, target: StrimziTarget): SpecRenderer<M> {
  const r = table[target.apiVersion];
  if (!r) {
    throw new Error(`no ${kind} renderer for ${target.apiVersion}`);
  }
  return r;
}

/** The KafkaTopic renderer of a target. */
export function topicRenderer(target: StrimziTarget): SpecRenderer<TopicModel> {
  return pick(TOPIC, 'KafkaTopic', target);
}

/** The KafkaUser renderer of a target. */
export function userRenderer(target: StrimziTarget): SpecRenderer<UserModel> {
  return pick(USER, 'KafkaUser', target);
}
