/*
 * A listener model as a kafka.strimzi.io/v1 `spec.kafka.listeners[]` item.
 */
import * as strimzi from '../../../../imports/kafka.strimzi.io';
import type { ListenerModel } from '../../model/kafka';

/** `spec.kafka.listeners[]`. */
export function renderListener(m: ListenerModel): strimzi.KafkaSpecKafkaListeners {
  const configuration = m.configuration as unknown as strimzi.KafkaSpecKafkaListenersConfiguration;
  const a = m.authentication;
  return {
    name: m.name,
    port: m.port,
    type: m.type as unknown as strimzi.KafkaSpecKafkaListenersType,
    tls: m.tls,
    authentication: a && {
      type: a.type as unknown as strimzi.KafkaSpecKafkaListenersAuthenticationType,
      sasl: a.sasl,
      listenerConfig: a.listenerConfig,
    },
    configuration: Object.keys(configuration).length > 0 ? configuration : undefined,
    networkPolicyPeers: m.networkPolicyPeers?.map((p) => ({
      podSelector: p.podLabels ? { matchLabels: { ...p.podLabels } } : undefined,
      namespaceSelector: p.namespaceLabels ? { matchLabels: { ...p.namespaceLabels } } : undefined,
      ipBlock: p.ipBlock ? { cidr: p.ipBlock } : undefined,
    })),
  };
}
