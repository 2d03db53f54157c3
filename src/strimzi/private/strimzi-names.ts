/*
 * Every name and label Strimzi derives from a cluster, node pool or listener name
 * (library-internal): Services, pods, Secrets, PVCs and the pod labels. The one
 * place these patterns live; constructs, rules and monitoring call these.
 */
import type { Listener } from '../listener';
import { ListenerType } from '../listener-options';

/** The label Strimzi binds node pools, topics, users and rebalances to a cluster by. */
export const CLUSTER_LABEL = 'strimzi.io/cluster';
/** The label naming the Strimzi component a pod belongs to, e.g. `<cluster>-kafka`. */
export const NAME_LABEL = 'strimzi.io/name';
/** The label naming the kind of the resource that owns a pod, e.g. `Kafka`. */
export const KIND_LABEL = 'strimzi.io/kind';
/** The label naming a pod (Strimzi sets it on every Kafka node). */
export const POD_NAME_LABEL = 'strimzi.io/pod-name';
/** The label naming a node's pool. */
export const POOL_NAME_LABEL = 'strimzi.io/pool-name';
/** The label on nodes with the broker role. */
export const BROKER_ROLE_LABEL = 'strimzi.io/broker-role';
/** The label on nodes with the controller role. */
export const CONTROLLER_ROLE_LABEL = 'strimzi.io/controller-role';
/** The annotation on a KafkaNodePool naming the node IDs its next nodes get. */
export const NEXT_NODE_IDS_ANNOTATION = 'strimzi.io/next-node-ids';

/** `<cluster>-kafka`: the `strimzi.io/name` of every Kafka node. */
export function kafkaComponentName(cluster: string): string {
  return `${cluster}-kafka`;
}

/** `<cluster>-kafka-bootstrap`: the bootstrap Service of internal listeners. */
export function internalBootstrapServiceName(cluster: string): string {
  return `${cluster}-kafka-bootstrap`;
}

/** `<cluster>-kafka-<listener>-bootstrap`: the bootstrap Service of a listener of another type. */
export function listenerBootstrapServiceName(cluster: string, listenerName: string): string {
  return `${cluster}-kafka-${listenerName}-bootstrap`;
}

/** `<cluster>-kafka-bootstrap` for internal listeners, `<cluster>-kafka-<listener>-bootstrap` for the others. */
export function bootstrapServiceName(cluster: string, listener: Listener): string {
  return listener.type === ListenerType.INTERNAL
    ? internalBootstrapServiceName(cluster)
    : listenerBootstrapServiceName(cluster, listener.name);
}

/** `<cluster>-kafka-brokers`: the headless Service of the Kafka nodes. */
export function brokersServiceName(cluster: string): string {
  return `${cluster}-kafka-brokers`;
}

/** `<cluster>-<pool>-<nodeId>`: a Kafka node's pod. */
export function podName(cluster: string, pool: string, nodeId: number | string): string {
  return `${cluster}-${pool}-${nodeId}`;
}

/** `<cluster>-<pool>-<listener>-<nodeId>`: the per-broker Service of a listener. */
export function perBrokerServiceName(cluster: string, pool: string, listenerName: string, nodeId: number | string): string {
  return `${cluster}-${pool}-${listenerName}-${nodeId}`;
}

/** `<cluster>-cluster-ca-cert`: the Secret with the cluster CA certificate (key `ca.crt`). */
export function clusterCaCertSecretName(cluster: string): string {
  return `${cluster}-cluster-ca-cert`;
}

/** `<cluster>-clients-ca-cert`: the Secret with the clients CA certificate (key `ca.crt`). */
export function clientsCaCertSecretName(cluster: string): string {
  return `${cluster}-clients-ca-cert`;
}

/** The key of the CA certificate in the CA certificate Secrets. */
export const CA_CERT_KEY = 'ca.crt';

/** `<cluster>-kafka-jmx`: the Secret with the JMX username and password. */
export function jmxSecretName(cluster: string): string {
  return `${cluster}-kafka-jmx`;
}

/** `<pod>-jmx`: the JMX NodePort Service of one Kafka pod (this library's name). */
export function jmxServiceName(pod: string): string {
  return `${pod}-jmx`;
}

/** `<cluster>-kafka-exporter`: the Kafka Exporter's `strimzi.io/name` (and this library's Service name). */
export function kafkaExporterName(cluster: string): string {
  return `${cluster}-kafka-exporter`;
}

/** `<cluster>-entity-operator`: the Entity Operator's `strimzi.io/name`. */
export function entityOperatorName(cluster: string): string {
  return `${cluster}-entity-operator`;
}

/** `<cluster>-entity-topic-operator`: the Topic Operator's label value. */
export function topicOperatorLabelValue(cluster: string): string {
  return `${cluster}-entity-topic-operator`;
}

/** `<cluster>-entity-user-operator`: the User Operator's label value. */
export function userOperatorLabelValue(cluster: string): string {
  return `${cluster}-entity-user-operator`;
}

/** `<cluster>-cruise-control`: Cruise Control's Service and `strimzi.io/name`. */
export function cruiseControlName(cluster: string): string {
  return `${cluster}-cruise-control`;
}

/**
 * A regular expression of the PVC names of a cluster's Kafka nodes in the given pools:
 * `data-<cluster>-<pool>-<nodeId>` and, with JBOD, `data-<volumeId>-<cluster>-<pool>-<nodeId>`.
 * The cluster and pool names must already be regex-escaped.
 */
export function pvcNameRegex(escapedCluster: string, escapedPools: string[]): string {
  return `data(-[0-9]+)?-${escapedCluster}-(${escapedPools.join('|')})-[0-9]+`;
}

/** The labels that select every Kafka node of a cluster (the pods' own labels). */
export function kafkaPodSelector(cluster: string): { [key: string]: string } {
  return { [CLUSTER_LABEL]: cluster, [NAME_LABEL]: kafkaComponentName(cluster) };
}

/** The labels that select the pods of one Strimzi component (`strimzi.io/name`) of a Kafka cluster. */
export function kafkaComponentSelector(cluster: string, name: string): { [key: string]: string } {
  return { [CLUSTER_LABEL]: cluster, [KIND_LABEL]: 'Kafka', [NAME_LABEL]: name };
}
