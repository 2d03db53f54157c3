/*
 * The version-neutral model of a KafkaAccess (library-internal).
 */

/** What a KafkaAccess asks the Access Operator for. */
export interface KafkaAccessModel {
  readonly kafkaName: string;
  readonly kafkaNamespace: string;
  readonly listenerName: string;
  readonly user?: { readonly name: string; readonly namespace: string };
  readonly secretName: string;
  readonly secretLabels?: { [key: string]: string };
  readonly secretAnnotations?: { [key: string]: string };
}
