/*
 * KafkaBridge model → `kafka.strimzi.io/v1` spec (library-internal).
 */
import { renderContainerTemplate, renderJvm, renderL1Resources, renderPodTemplate, renderProbe } from './common';
import * as strimzi from '../../../../imports/kafka.strimzi.io';
import type { KafkaBridgeModel } from '../../../bridge/private/model';
import { compact } from '../../../common/objects';

/** The `spec` of a `kafka.strimzi.io/v1` KafkaBridge. */
export function renderKafkaBridgeSpecV1(m: KafkaBridgeModel): any {
  const auth = m.authentication;
  const spec: strimzi.KafkaBridgeSpec = {
    replicas: m.replicas,
    image: m.image,
    bootstrapServers: m.bootstrapServers,
    tls: m.trustedCertificates && {
      trustedCertificates: m.trustedCertificates.map((c) => ({ secretName: c.secretName, certificate: c.key })),
    },
    authentication: auth && (auth.type === 'tls'
      ? {
        type: strimzi.KafkaBridgeSpecAuthenticationType.TLS,
        certificateAndKey: { secretName: auth.certificate.secretName, certificate: auth.certificate.key, key: auth.key.key },
      }
      : {
        type: strimzi.KafkaBridgeSpecAuthenticationType.SCRAM_HYPHEN_SHA_HYPHEN_512,
        username: auth.username,
        passwordSecret: { secretName: auth.password.secretName, password: auth.password.key },
      }),
    // Always rendered: the operator rejects a KafkaBridge without spec.http.
    http: {
      port: m.httpPort,
      cors: m.cors && { allowedOrigins: m.cors.allowedOrigins, allowedMethods: m.cors.allowedMethods },
      tls: m.httpTls && {
        certificateAndKey: { secretName: m.httpTls.secretName, certificate: m.httpTls.certificate, key: m.httpTls.key },
        config: m.httpTls.config,
      },
    },
    adminClient: m.adminConfig && { config: m.adminConfig },
    consumer: compact({
      enabled: m.consumerEnabled ? undefined : false,
      timeoutSeconds: m.consumerTimeoutSeconds === -1 ? undefined : m.consumerTimeoutSeconds,
      config: m.consumerConfig,
    }),
    producer: compact({ enabled: m.producerEnabled ? undefined : false, config: m.producerConfig }),
    resources: renderL1Resources(m.resources),
    jvmOptions: renderJvm(m.jvm),
    logging: m.logging && (m.logging.loggers
      ? { type: strimzi.KafkaBridgeSpecLoggingType.INLINE, loggers: m.logging.loggers }
      : {
        type: strimzi.KafkaBridgeSpecLoggingType.EXTERNAL,
        valueFrom: { configMapKeyRef: { name: m.logging.configMapName, key: m.logging.configMapKey } },
      }),
    rack: m.rack?._render(),
    metricsConfig: m.metricsConfig,
    livenessProbe: renderProbe(m.livenessProbe),
    readinessProbe: renderProbe(m.readinessProbe),
    template: compact({
      pod: renderPodTemplate(m.podTemplate),
      bridgeContainer: renderContainerTemplate(m.containerTemplate),
    }),
    tracing: m.tracing ? { type: m.tracing as strimzi.KafkaBridgeSpecTracingType } : undefined,
    config: m.config,
  };
  return strimzi.toJson_KafkaBridgeSpec(spec);
}
