/*
 * KafkaMirrorMaker2 model → kafka.strimzi.io/v1 spec.
 */
import { renderAuthentication, renderConnectorSettings, renderRuntime, renderTls } from './connect-runtime';
import * as strimzi from '../../../../imports/kafka.strimzi.io';
import type { MirrorClusterModel, MirrorMaker2Model } from '../../../connect/private/model';
import { compact } from '../../private/render';

function renderCluster(c: MirrorClusterModel): any {
  return compact({
    alias: c.alias,
    bootstrapServers: c.bootstrapServers,
    tls: renderTls(c.tls),
    authentication: renderAuthentication(c.authentication),
    config: Object.keys(c.config).length > 0 ? { ...c.config } : undefined,
  });
}

/** `KafkaMirrorMaker2.spec` for kafka.strimzi.io/v1. */
export function renderKafkaMirrorMaker2SpecV1(m: MirrorMaker2Model): any {
  const runtime = renderRuntime(m);
  const spec: strimzi.KafkaMirrorMaker2Spec = {
    ...runtime,
    target: {
      ...renderCluster(m.target),
      groupId: m.target.groupId,
      configStorageTopic: m.target.configStorageTopic,
      statusStorageTopic: m.target.statusStorageTopic,
      offsetStorageTopic: m.target.offsetStorageTopic,
    },
    mirrors: m.mirrors.map((x) => compact({
      source: renderCluster(x.source),
      sourceConnector: x.sourceConnector && (renderConnectorSettings(x.sourceConnector) ?? {}),
      checkpointConnector: x.checkpointConnector && (renderConnectorSettings(x.checkpointConnector) ?? {}),
      topicsPattern: x.topicsPattern,
      topicsExcludePattern: x.topicsExcludePattern,
      groupsPattern: x.groupsPattern,
      groupsExcludePattern: x.groupsExcludePattern,
    })),
  };
  const json = strimzi.toJson_KafkaMirrorMaker2Spec(spec)!;
  return compact({
    ...json,
    resources: runtime.resources,
    template: runtime.template,
    metricsConfig: runtime.metricsConfig,
    livenessProbe: runtime.livenessProbe,
    readinessProbe: runtime.readinessProbe,
  });
}
