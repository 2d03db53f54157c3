/*
 * The node pool model as a kafka.strimzi.io/v1 `KafkaNodePool` spec.
 */
import { renderContainerTemplate, renderJvm, renderL1Resources, renderPodTemplate } from './common';
import * as strimzi from '../../../../imports/kafka.strimzi.io';
import { compact } from '../../../common/objects';
import type { KafkaNodePoolModel } from '../../model/kafka';

/** The `spec` of a `KafkaNodePool` resource. */
export function renderNodePoolSpec(m: KafkaNodePoolModel): strimzi.KafkaNodePoolSpec {
  const template = compact({
    pod: renderPodTemplate(m.podTemplate, m.spreads, m.clusterName, m.poolName),
    kafkaContainer: renderContainerTemplate(m.containerTemplate),
  });
  return {
    replicas: m.replicas,
    roles: m.roles as unknown as strimzi.KafkaNodePoolSpecRoles[],
    storage: m.storage as unknown as strimzi.KafkaNodePoolSpecStorage,
    resources: renderL1Resources(m.resources),
    jvmOptions: renderJvm(m.jvm),
    template,
  };
}

/** The resolved spec in the v1 schema's field order (what the generated `KafkaNodePool` class writes). */
export function orderNodePoolSpec(resolved: any): any {
  return strimzi.toJson_KafkaNodePoolSpec(resolved);
}
