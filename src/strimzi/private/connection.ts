/*
 * Names and connection details Strimzi derives for a cluster's listeners
 * (library-internal). Shared by owned and imported clusters and by users.
 */
import type { IKafkaCluster } from '../cluster';
import { KafkaConnectionDetails, SecretKeyReference, SecurityProtocol } from '../connection';
import { Listener } from '../listener';
import { bootstrapServiceName } from './strimzi-names';

/** The bootstrap address of a listener: the in-cluster Service, or the external bootstrap host for route/ingress/TLSRoute. */
export function bootstrapAddress(clusterName: string, namespace: string, listener: Listener): string {
  const host = listener.externalBootstrapHost;
  if (host) {
    return `${host}:${listener.externalPort}`;
  }
  return `${bootstrapServiceName(clusterName, listener)}.${namespace}.svc:${listener.port}`;
}

/** The CA clients trust for a listener's broker certificates, if the listener uses TLS. */
export function brokerCaFor(cluster: IKafkaCluster, listener: Listener): SecretKeyReference | undefined {
  if (!listener.tls) {
    return undefined;
  }
  const custom = listener.brokerCertificate;
  if (custom) {
    return custom.caSecretName ? { secretName: custom.caSecretName, key: custom.caKey ?? 'ca.crt' } : undefined;
  }
  return cluster.clusterCaCertificate;
}

/** Connection details without user credentials: bootstrap, protocol and broker CA. */
export function clusterConnectionDetails(cluster: IKafkaCluster, listener: Listener): KafkaConnectionDetails {
  return {
    bootstrapServers: cluster.bootstrapServers(listener),
    securityProtocol: listener.tls ? SecurityProtocol.SSL : SecurityProtocol.PLAINTEXT,
    namespace: cluster.namespace,
    clusterName: cluster.clusterName,
    listenerName: listener.name,
    brokerCa: brokerCaFor(cluster, listener),
  };
}
