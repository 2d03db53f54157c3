/*
 * KafkaAccess for access.strimzi.io/v1alpha1 (Access Operator 0.3.0): the model as the spec.
 * The group has no generated classes; the spec is small and written out here.
 */
import { KafkaAccessModel } from '../../access/model';

/** The `spec` of a KafkaAccess. */
export function renderKafkaAccessSpecV1Alpha1(m: KafkaAccessModel): any {
  const metadata: any = {};
  if (m.secretLabels && Object.keys(m.secretLabels).length > 0) metadata.labels = { ...m.secretLabels };
  if (m.secretAnnotations && Object.keys(m.secretAnnotations).length > 0) metadata.annotations = { ...m.secretAnnotations };
  const spec: any = {
    kafka: { name: m.kafkaName, namespace: m.kafkaNamespace, listener: m.listenerName },
  };
  if (m.user) {
    spec.user = { kind: 'KafkaUser', apiGroup: 'kafka.strimzi.io', name: m.user.name, namespace: m.user.namespace };
  }
  spec.secretName = m.secretName;
  if (Object.keys(metadata).length > 0) {
    spec.template = { secret: { metadata } };
  }
  return spec;
}

/** The resolved spec in the CRD's field order (`kafka`, `user`, `secretName`, `template`). */
export function orderKafkaAccessSpecV1Alpha1(resolved: any): any {
  const out: any = {};
  for (const key of ['kafka', 'user', 'secretName', 'template']) {
    if (resolved[key] !== undefined) out[key] = resolved[key];
  }
  for (const [key, value] of Object.entries(resolved)) {
    if (!(key in out)) out[key] = value;
  }
  return out;
}
