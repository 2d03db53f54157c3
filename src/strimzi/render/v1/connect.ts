/*
 * KafkaConnect and KafkaConnector models → kafka.strimzi.io/v1 specs.
 */
import { renderAuthentication, renderConnectorSettings, renderRuntime, renderTls } from './connect-runtime';
import * as strimzi from '../../../../imports/kafka.strimzi.io';
import type { BuildModel, ConnectModel, ConnectorModel } from '../../../connect/private/model';
import { compact } from '../../private/render';

function renderBuild(b: BuildModel | undefined): strimzi.KafkaConnectSpecBuild | undefined {
  if (!b) {
    return undefined;
  }
  return {
    output: compact({
      type: b.output.type as strimzi.KafkaConnectSpecBuildOutputType,
      image: b.output.image,
      pushSecret: b.output.pushSecret,
      additionalBuildOptions: b.output.additionalBuildOptions,
      additionalPushOptions: b.output.additionalPushOptions,
    })!,
    plugins: b.plugins.map((p) => ({
      name: p.name,
      artifacts: p.artifacts.map((a) => compact({
        type: a.type as strimzi.KafkaConnectSpecBuildPluginsArtifactsType,
        url: a.url,
        sha512Sum: a.sha512sum,
        insecure: a.insecure,
        fileName: a.fileName,
        group: a.group,
        artifact: a.artifact,
        version: a.version,
        repository: a.repository,
        includeScope: a.includeScope as strimzi.KafkaConnectSpecBuildPluginsArtifactsIncludeScope | undefined,
        mirrors: a.mirrors?.map((url) => ({ url })),
      })!),
    })),
    resources: b.resources as any,
  };
}

/** `KafkaConnect.spec` for kafka.strimzi.io/v1. */
export function renderKafkaConnectSpecV1(m: ConnectModel): any {
  const runtime = renderRuntime(m);
  const spec: strimzi.KafkaConnectSpec = {
    ...runtime,
    bootstrapServers: m.bootstrapServers,
    groupId: m.groupId,
    configStorageTopic: m.configStorageTopic,
    statusStorageTopic: m.statusStorageTopic,
    offsetStorageTopic: m.offsetStorageTopic,
    tls: renderTls(m.tls),
    authentication: renderAuthentication(m.authentication),
    config: Object.keys(m.config).length > 0 ? { ...m.config } : undefined,
    buildSpec: renderBuild(m.build),
  };
  const json = strimzi.toJson_KafkaConnectSpec(spec)!;
  // JSON-shaped parts pass through as rendered (the generated converters only rename keys)
  return compact({
    ...json,
    resources: runtime.resources,
    build: json.build && { ...json.build, resources: m.build?.resources },
    template: runtime.template,
    metricsConfig: runtime.metricsConfig,
    livenessProbe: runtime.livenessProbe,
    readinessProbe: runtime.readinessProbe,
  });
}

/** `KafkaConnector.spec` for kafka.strimzi.io/v1. */
export function renderKafkaConnectorSpecV1(m: ConnectorModel): any {
  const s = renderConnectorSettings(m) ?? {};
  const spec: strimzi.KafkaConnectorSpec = { class: m.className, ...s };
  return strimzi.toJson_KafkaConnectorSpec(spec);
}
