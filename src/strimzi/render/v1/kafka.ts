/*
 * The Kafka model as a kafka.strimzi.io/v1 `Kafka` spec.
 */
import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { renderCa, renderContainerTemplate, renderJvm, renderL1Resources, renderPodTemplate, renderProbe, renderRack } from './common';
import { renderListener } from './listener';
import * as strimzi from '../../../../imports/kafka.strimzi.io';
import { compact } from '../../../common/objects';
import { CruiseControlOptions } from '../../cruise-control';
import type { KafkaExporterModel, KafkaModel } from '../../model/kafka';

/** The `spec` of a `Kafka` resource. */
export function renderKafkaSpec(m: KafkaModel): strimzi.KafkaSpec {
  const auth = m.authorization;
  const eo = m.entityOperator;
  const mon = m.monitoring;
  const cruiseControl = renderCruiseControl(m.cruiseControl);
  const spec = {
    kafka: compact({
      version: m.version,
      metadataVersion: m.metadataVersion,
      image: m.image,
      listeners: m.listeners.map(renderListener),
      config: m.config,
      authorization: auth && compact({
        type: auth.type,
        superUsers: auth.superUsers.length > 0 ? auth.superUsers : undefined,
        authorizerClass: auth.authorizerClass,
        supportsAdminApi: auth.supportsAdminApi,
      }),
      rack: m.rack && renderRack(m.rack),
      readinessProbe: renderProbe(m.readinessProbe),
      livenessProbe: renderProbe(m.livenessProbe),
      jvmOptions: renderJvm(m.jvm),
      template: compact({
        pod: renderPodTemplate(m.podTemplate),
        kafkaContainer: renderContainerTemplate(m.containerTemplate),
        podDisruptionBudget: m.maxUnavailable !== undefined ? { maxUnavailable: m.maxUnavailable } : undefined,
      }),
      metricsConfig: mon.metricsConfig,
      jmxOptions: mon.jmx && (mon.jmx.authenticationType ? { authentication: { type: mon.jmx.authenticationType } } : {}),
    }),
    entityOperator: eo && compact({
      topicOperator: eo.topicOperator && (compact({
        watchedNamespace: eo.topicOperator.watchedNamespace,
        reconciliationIntervalMs: eo.topicOperator.reconciliationInterval?.toMilliseconds(),
        resources: renderL1Resources(eo.topicOperator.resources),
      }) ?? {}),
      userOperator: eo.userOperator && (compact({
        watchedNamespace: eo.userOperator.watchedNamespace,
        reconciliationIntervalMs: eo.userOperator.reconciliationInterval?.toMilliseconds(),
        secretPrefix: eo.userOperator.secretPrefix,
        resources: renderL1Resources(eo.userOperator.resources),
      }) ?? {}),
      template: eo.podTemplate && compact({ pod: renderPodTemplate(eo.podTemplate) }),
    }),
    clusterCa: renderCa(m.clusterCa),
    clientsCa: renderCa(m.clientsCa),
    cruiseControl: cruiseControl && (mon.cruiseControlMetricsConfig
      ? { ...cruiseControl, metricsConfig: mon.cruiseControlMetricsConfig } : cruiseControl),
    kafkaExporter: mon.kafkaExporter && renderExporter(mon.kafkaExporter),
  };
  return spec as unknown as strimzi.KafkaSpec;
}

/** The resolved spec in the v1 schema's field order (what the generated `Kafka` class writes). */
export function orderKafkaSpec(resolved: any): any {
  return strimzi.toJson_KafkaSpec(resolved);
}

function renderCruiseControl(cc: CruiseControlOptions | undefined): any {
  if (!cc) return undefined;
  const capacity = (o: { cpu?: kplus.Cpu; inboundNetworkPerSecond?: Size; outboundNetworkPerSecond?: Size }) => compact({
    cpu: o.cpu?.amount,
    inboundNetwork: o.inboundNetworkPerSecond && `${o.inboundNetworkPerSecond.toKibibytes()}KiB/s`,
    outboundNetwork: o.outboundNetworkPerSecond && `${o.outboundNetworkPerSecond.toKibibytes()}KiB/s`,
  });
  const config = compact({
    ...cc.config,
    'goals': cc.goals?.join(','),
    'default.goals': cc.defaultGoals?.join(','),
    'hard.goals': cc.hardGoals?.join(','),
  });
  const overrides = cc.brokerCapacityOverrides?.map((o) => ({ brokers: [...o.brokers], ...capacity(o) }));
  return compact({
    config,
    brokerCapacity: compact({ ...capacity(cc.brokerCapacity ?? {}), overrides }),
    autoRebalance: cc.autoRebalance?.map((a) => compact({ mode: a.mode, template: a.templateName ? { name: a.templateName } : undefined })),
    resources: renderL1Resources(cc.resources),
    template: cc.podTemplate && compact({ pod: renderPodTemplate(cc.podTemplate) }),
  }) ?? {};
}

function renderExporter(o: KafkaExporterModel): any {
  return {
    topicRegex: o.topicRegex,
    groupRegex: o.groupRegex,
    topicExcludeRegex: o.topicExcludeRegex,
    groupExcludeRegex: o.groupExcludeRegex,
    showAllOffsets: o.showAllOffsets,
    resources: renderL1Resources(o.resources),
  };
}
