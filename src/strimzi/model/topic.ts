/*
 * The version-neutral model of a KafkaTopic (library-internal): what the user
 * asked for, defaults resolved. The Topic construct builds it; a renderer per
 * Strimzi API version (src/strimzi/render/<version>/topic.ts) turns it into
 * that version's spec. Nothing here imports the generated Strimzi classes.
 */

/** A KafkaTopic. */
export interface TopicModel {
  /** The topic's name in Kafka, when it differs from the resource's metadata.name. */
  readonly topicName?: string;
  readonly partitions?: number;
  readonly replicas?: number;
  /** Topic configuration (typed properties and `config`), possibly empty. */
  readonly config: { readonly [key: string]: any };
}
