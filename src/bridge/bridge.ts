import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { BridgeConsumeGrantOptions, IKafkaBridge, KafkaBridgeCommonOptions } from './common';
import { BridgeLogging } from './options';
import { grantConsume, grantProduce } from './private/grants';
import { coreModel, KafkaBridgeModel } from './private/model';
import { checkConfigs, checkConnection, checkHttp, checkUsefulness, MANAGEMENT_PORT } from './private/rules';
import { KafkaBridgeSidecar } from './sidecar';
import { KafkaBridgeSidecarOptions } from './sidecar-options';
import { addRules } from '../common/validation';
import { Warnings } from '../common/warnings';
import { _BRIDGE_REPORTER_ALLOW_LIST } from '../monitoring/bridge-metrics';
import { MetricsComponent, MetricsConfig, MetricsType } from '../monitoring/metrics-config';
import { AclResource, AclRule } from '../strimzi/acl';
import { StrimziResource } from '../strimzi/base';
import type { IKafkaCluster } from '../strimzi/cluster';
import { GrantWriteOptions } from '../strimzi/grants';
import { checkResources } from '../strimzi/private/render';
import { Rack } from '../strimzi/rack';
import { renderKafkaBridgeSpecV1 } from '../strimzi/render/v1/bridge';
import { JvmOptions } from '../strimzi/resources';
import { ContainerTemplateOptions, PodTemplateOptions, ProbeOptions } from '../strimzi/templates';
import type { IKafkaUser } from '../strimzi/user';

const BRIDGE_SYMBOL = Symbol.for('cdk8s-kafka.KafkaBridge');

/**
 * Properties of a `KafkaBridge`.
 */
export interface KafkaBridgeProps extends KafkaBridgeCommonOptions {
  /**
   * The KafkaBridge resource's name (the operator names its Deployment `<name>-bridge`).
   * @default - the construct id, lower-cased
   */
  readonly name?: string;
  /**
   * Namespace of the bridge. The operator reads the CA and user Secrets from it,
   * so it must hold them.
   * @default - the cluster's namespace
   */
  readonly namespace?: string;
  /**
   * Number of bridge pods. HTTP consumers live in one pod, so with more than one
   * replica a client must reach the same pod for all requests of a consumer.
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Container image.
   * @default - the operator's bridge image (the target's `bridgeImage`)
   */
  readonly image?: string;
  /**
   * Prometheus metrics on the management port (`rest-api-mgmt`, `/metrics`).
   * `MetricsConfig.strimziMetricsReporter()` without an allow list renders the
   * operator's default list plus the consumer fetch and coordinator metrics the
   * library's bridge alerts use.
   * @default - no metrics
   */
  readonly metrics?: MetricsConfig;
  /**
   * log4j2 logging.
   * @default - the operator's defaults
   */
  readonly logging?: BridgeLogging;
  /**
   * CPU and memory of the bridge container.
   * @default - none (the operator sets no requests or limits)
   */
  readonly resources?: kplus.ContainerResources;
  /**
   * JVM options.
   * @default - 75 percent of the memory limit as heap, when there is a memory limit
   */
  readonly jvm?: JvmOptions;
  /**
   * Rack awareness of the bridge's consumers (`client.rack`, to fetch from the closest replica).
   * @default - none
   */
  readonly rack?: Rack;
  /**
   * Pod settings (`template.pod`).
   * @default - the operator's defaults
   */
  readonly podTemplate?: PodTemplateOptions;
  /**
   * Bridge container settings (`template.bridgeContainer`).
   * @default - the operator's defaults
   */
  readonly containerTemplate?: ContainerTemplateOptions;
  /**
   * Liveness probe timing (`/healthy` on the management port).
   * @default - the operator's defaults
   */
  readonly livenessProbe?: ProbeOptions;
  /**
   * Readiness probe timing (`/ready` on the management port).
   * @default - the operator's defaults
   */
  readonly readinessProbe?: ProbeOptions;
}

/**
 * The Strimzi HTTP bridge run by the operator (`KafkaBridge`): a Deployment and
 * Service `<name>-bridge-service` giving HTTP clients produce, consume and
 * admin access to the cluster as one KafkaUser.
 *
 * `KafkaBridge.addSidecar()` runs the same bridge as a container of your own
 * workload instead, reachable only on localhost.
 */
export class KafkaBridge extends StrimziResource implements IKafkaBridge {
  /** Whether `x` is a `KafkaBridge`. */
  public static isKafkaBridge(x: any): x is KafkaBridge {
    return x !== null && typeof x === 'object' && BRIDGE_SYMBOL in x;
  }

  /**
   * Run the HTTP bridge as a sidecar of a Deployment or StatefulSet, given by its
   * `ApiObject` (`ApiObject.of(deployment)`, any cdk8s-plus version). See `KafkaBridgeSidecar`.
   */
  public static addSidecar(workload: ApiObject, options: KafkaBridgeSidecarOptions): KafkaBridgeSidecar {
    return new KafkaBridgeSidecar(workload, 'KafkaBridgeSidecar', { ...options, workload });
  }

  public readonly bridgeName: string;
  public readonly cluster: IKafkaCluster;
  public readonly user?: IKafkaUser;
  /** The HTTP API port. */
  public readonly httpPort: number;
  /** Metrics of the bridge, if any. */
  public readonly metrics?: MetricsConfig;
  private readonly props: KafkaBridgeProps;
  private readonly boundMetrics?: any;

  constructor(scope: Construct, id: string, props: KafkaBridgeProps) {
    const name = props.name ?? id.toLowerCase();
    super(scope, id, { name, namespace: props.namespace ?? props.cluster.namespace, target: props.cluster.target, kind: 'KafkaBridge' });
    Object.defineProperty(this, BRIDGE_SYMBOL, { value: true });
    this.props = props;
    this.bridgeName = name;
    this.cluster = props.cluster;
    this.user = props.user;
    this.httpPort = props.http?.port ?? 8080;
    this.metrics = props.metrics;
    if (props.metrics) {
      const m = props.metrics.type === MetricsType.STRIMZI_METRICS_REPORTER && props.metrics.allowList === undefined
        ? MetricsConfig.strimziMetricsReporter({ allowList: _BRIDGE_REPORTER_ALLOW_LIST })
        : props.metrics;
      this.boundMetrics = m._bind(this, 'MetricsConfig', MetricsComponent.KAFKA_BRIDGE, { name, namespace: this.namespace })?.metricsConfig;
    }

    addRules(this, (c) => {
      const subject = `KafkaBridge "${name}"`;
      const replicas = props.replicas ?? 1;
      c.check(!Number.isInteger(replicas) || replicas < 0, subject, `replicas ${replicas} is not a whole number of 0 or more`, 'use e.g. replicas: 1', 'KAF-BRG-001');
      if (replicas > 1 && (props.consumer?.enabled ?? true)) {
        Warnings.of(this).add(`${replicas} replicas with HTTP consumers: a consumer lives in one bridge pod, so every request of a consumer must reach that pod (the Service balances requests across pods)`, 'KAF-BRG-030');
      }
      checkConnection(c, this, subject, props);
      checkHttp(c, this, subject, props.http, 1023, this.target.bridgeVersion);
      checkConfigs(c, subject, [['consumer', props.consumer?.config], ['producer', props.producer?.config], ['adminClient', props.adminClient?.config]], props.config);
      checkUsefulness(this, props, props.consumer?.enabled ?? true, props.producer?.enabled ?? true);
      checkResources(c, subject, props.resources, props.jvm);
      props.metrics?._check(c, this, MetricsComponent.KAFKA_BRIDGE, this.namespace, subject);
      const d = props.user?.connectionDetails(props.listener);
      const caNs = props.listener.tls ? props.cluster.namespace : undefined;
      const userNs = d && (d.credentialsNamespace ?? d.namespace);
      for (const [what, ns] of [['the cluster CA', caNs], ['the user Secret', props.user ? userNs : undefined]] as const) {
        c.check(ns !== undefined && ns !== this.namespace, subject,
          `the bridge is in namespace "${this.namespace}", but ${what} is in "${ns}", and the operator reads the bridge's Secrets from the bridge's namespace`,
          `create the bridge in namespace "${ns}"`, 'KAF-BRG-015');
      }
      c.check(props.logging?.loggers !== undefined && Object.keys(props.logging.loggers).length === 0, subject, 'inline logging lists no loggers',
        'list at least one logger, e.g. { "rootLogger.level": "INFO" }, or leave logging unset', 'KAF-BRG-019');
      const rendered = this.resource.toJson();
      c.check(rendered.spec?.http === undefined, subject, 'spec.http is missing (the operator rejects a KafkaBridge without it, although the schema does not require it)',
        'do not remove /spec/http with a JSON patch; set http options instead', 'KAF-BRG-011');
      c.check(this.target.apiVersion !== 'kafka.strimzi.io/v1', subject, `${this.target.displayName} uses ${this.target.apiVersion}, and the library renders KafkaBridge only for kafka.strimzi.io/v1`,
        'use StrimziTarget.V1_2_0 on the cluster', 'KAF-BRG-013');
    });
  }

  /** The in-cluster URL of the bridge's Service, e.g. `http://my-bridge-bridge-service.kafka.svc:8080`. */
  public get url(): string {
    return `${this.props.http?.tls ? 'https' : 'http'}://${this.serviceName}.${this.namespace}.svc:${this.httpPort}`;
  }

  /** The name of the Service the operator creates (`<name>-bridge-service`). */
  public get serviceName(): string {
    return `${this.bridgeName}-bridge-service`;
  }

  /** The operator's pod labels of this bridge. */
  public get podSelectorLabels(): { [key: string]: string } {
    return { 'strimzi.io/kind': 'KafkaBridge', 'strimzi.io/name': `${this.bridgeName}-bridge` };
  }

  /** Always true: the operator binds the bridge to every interface. */
  public get managementReachable(): boolean {
    return true;
  }

  /** The management port (`rest-api-mgmt`: `/healthy`, `/ready`, `/metrics`). */
  public get managementPort(): number {
    return MANAGEMENT_PORT;
  }

  /**
   * Let the bridge's HTTP consumers read `topics`, in the consumer group(s) named in options.
   * @returns the ACL rules granted to the bridge's user
   */
  public grantConsume(topics: AclResource, options: BridgeConsumeGrantOptions = {}): AclRule[] {
    return grantConsume(this, this.user, topics, options);
  }

  /**
   * Let the bridge's HTTP producer write to `topics`.
   * @returns the ACL rules granted to the bridge's user
   */
  public grantProduce(topics: AclResource, options: GrantWriteOptions = {}): AclRule[] {
    return grantProduce(this, this.user, topics, options);
  }

  protected renderSpec(): any {
    const p = this.props;
    const model: KafkaBridgeModel = {
      ...coreModel(p, p.listener),
      replicas: p.replicas ?? 1,
      image: p.image,
      metricsConfig: this.boundMetrics,
      logging: p.logging && { loggers: p.logging.loggers, configMapName: p.logging.configMapName, configMapKey: p.logging.configMapKey },
      resources: p.resources,
      jvm: p.jvm,
      rack: p.rack,
      podTemplate: p.podTemplate,
      containerTemplate: p.containerTemplate,
      livenessProbe: p.livenessProbe,
      readinessProbe: p.readinessProbe,
    };
    return renderKafkaBridgeSpecV1(model);
  }
}
