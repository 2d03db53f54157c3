/*
 * The version-neutral model of a bridge: what the user asked for, defaults
 * resolved (library-internal). The KafkaBridge renderer turns it into a spec;
 * the sidecar turns it into application.properties.
 */
import * as kplus from 'cdk8s-plus-27';
import { bridgeConnection, DEFAULT_HTTP_PORT } from './rules';
import { Listener } from '../../strimzi/listener';
import { Rack } from '../../strimzi/rack';
import { JvmOptions } from '../../strimzi/resources';
import { ContainerTemplateOptions, PodTemplateOptions, ProbeOptions } from '../../strimzi/templates';
import { KafkaBridgeCommonOptions } from '../common';

/** A Secret key the bridge reads. */
export interface SecretKey {
  readonly secretName: string;
  readonly key: string;
}

/** How the bridge authenticates. */
export type BridgeAuthModel =
  | { readonly type: 'tls'; readonly certificate: SecretKey; readonly key: SecretKey }
  | { readonly type: 'scram-sha-512'; readonly username: string; readonly password: SecretKey };

/** The connection and HTTP part every bridge has. */
export interface BridgeCoreModel {
  readonly bootstrapServers: string;
  /** Undefined: no TLS. Empty: TLS with the system trust store. */
  readonly trustedCertificates?: SecretKey[];
  readonly authentication?: BridgeAuthModel;
  readonly securityProtocol: string;
  readonly httpPort: number;
  readonly cors?: { readonly allowedOrigins: string[]; readonly allowedMethods: string[] };
  readonly httpTls?: { readonly secretName: string; readonly certificate: string; readonly key: string; readonly config?: { [k: string]: string } };
  readonly consumerEnabled: boolean;
  readonly consumerTimeoutSeconds: number;
  readonly producerEnabled: boolean;
  readonly consumerConfig?: { [k: string]: any };
  readonly producerConfig?: { [k: string]: any };
  readonly adminConfig?: { [k: string]: any };
  readonly config?: { [k: string]: any };
  readonly tracing?: string;
}

/** Everything of an operator-managed KafkaBridge. */
export interface KafkaBridgeModel extends BridgeCoreModel {
  readonly replicas: number;
  readonly image?: string;
  readonly metricsConfig?: any;
  readonly logging?: { readonly loggers?: { [k: string]: string }; readonly configMapName?: string; readonly configMapKey?: string };
  readonly resources?: kplus.ContainerResources;
  readonly jvm?: JvmOptions;
  readonly rack?: Rack;
  readonly podTemplate?: PodTemplateOptions;
  readonly containerTemplate?: ContainerTemplateOptions;
  readonly livenessProbe?: ProbeOptions;
  readonly readinessProbe?: ProbeOptions;
}

function nonEmpty<T extends object>(o: T | undefined): T | undefined {
  return o && Object.keys(o).length > 0 ? { ...o } : undefined;
}

/** The connection and HTTP model of a bridge. */
export function coreModel(o: KafkaBridgeCommonOptions, listener: Listener): BridgeCoreModel {
  const d = bridgeConnection(o);
  const ca = d.brokerCa;
  let authentication: BridgeAuthModel | undefined;
  if (o.user && d.userCertificate && d.userKey) {
    authentication = { type: 'tls', certificate: d.userCertificate, key: d.userKey };
  } else if (o.user && d.password && d.username) {
    authentication = { type: 'scram-sha-512', username: d.username, password: d.password };
  }
  const tls = o.http?.tls;
  const tlsConfig: { [k: string]: string } = {};
  if (tls?.enabledProtocols) tlsConfig['ssl.enabled.protocols'] = tls.enabledProtocols.join(',');
  if (tls?.enabledCipherSuites) tlsConfig['ssl.enabled.cipher.suites'] = tls.enabledCipherSuites.join(',');
  return {
    bootstrapServers: d.bootstrapServers,
    trustedCertificates: listener.tls ? (ca ? [ca] : []) : undefined,
    authentication,
    securityProtocol: d.securityProtocol,
    httpPort: o.http?.port ?? DEFAULT_HTTP_PORT,
    cors: o.http?.cors && { allowedOrigins: [...o.http.cors.allowedOrigins], allowedMethods: [...o.http.cors.allowedMethods] },
    httpTls: tls && { secretName: tls.certificate.secretName, certificate: tls.certificate.key, key: tls.key.key, config: nonEmpty(tlsConfig) },
    consumerEnabled: o.consumer?.enabled ?? true,
    consumerTimeoutSeconds: o.consumer?.idleTimeout ? o.consumer.idleTimeout.toSeconds() : -1,
    producerEnabled: o.producer?.enabled ?? true,
    consumerConfig: nonEmpty(o.consumer?.config),
    producerConfig: nonEmpty(o.producer?.config),
    adminConfig: nonEmpty(o.adminClient?.config),
    config: nonEmpty(o.config),
    tracing: o.tracing,
  };
}
