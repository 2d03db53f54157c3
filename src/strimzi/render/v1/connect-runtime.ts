/*
 * The parts of the kafka.strimzi.io/v1 KafkaConnect and KafkaMirrorMaker2 specs
 * they share (library-internal).
 */
import type { ClientAuthModel, ClientTlsModel, ConnectorSettingsModel, RuntimeModel } from '../../../connect/private/model';
import { compact } from '../../private/render';

/** `tls` of a client. */
export function renderTls(t: ClientTlsModel | undefined): any {
  return t && { trustedCertificates: t.trustedCertificates.map((c) => ({ secretName: c.secretName, certificate: c.certificate })) };
}

/** `authentication` of a client. */
export function renderAuthentication(a: ClientAuthModel | undefined): any {
  return a && compact({
    type: a.type,
    username: a.username,
    passwordSecret: a.passwordSecret && { secretName: a.passwordSecret.secretName, password: a.passwordSecret.password },
    certificateAndKey: a.certificateAndKey && { ...a.certificateAndKey },
  });
}

/** The pod-level fields, in the spec's JSON form. */
export function renderRuntime(m: RuntimeModel): any {
  return {
    version: m.version,
    replicas: m.replicas,
    image: m.image,
    resources: m.resources,
    livenessProbe: m.livenessProbe,
    readinessProbe: m.readinessProbe,
    jvmOptions: m.jvmOptions,
    logging: m.loggers && { type: 'inline', loggers: { ...m.loggers } },
    rack: m.rack,
    metricsConfig: m.metricsConfig,
    template: compact({
      pod: m.podTemplate,
      connectContainer: m.containerTemplate,
      podDisruptionBudget: m.podDisruptionBudget,
      buildPod: m.buildPodTemplate,
      buildContainer: m.buildContainerTemplate,
    }),
  };
}

/** Connector settings (`tasksMax`, `version`, `config`, `state`, `autoRestart`). */
export function renderConnectorSettings(s: ConnectorSettingsModel): any {
  return compact({
    tasksMax: s.tasksMax,
    version: s.version,
    config: Object.keys(s.config).length > 0 ? { ...s.config } : undefined,
    state: s.state,
    autoRestart: s.autoRestart && compact({ enabled: s.autoRestart.enabled, maxRestarts: s.autoRestart.maxRestarts }),
  });
}
