import { ApiObject, Lazy } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { registerKedaOperator } from './cross-checks';
import { FluxChartSourceType, OperatorDelivery, OperatorDeliveryType } from './delivery';
import { isDns1123Label } from '../common/names';
import { addRules } from '../common/validation';
import { renderArgoCdApplication } from '../gitops/argo-cd';
import { kedaChart } from '../gitops/charts';
import { renderFluxRelease } from '../gitops/flux';
import { renderResources } from '../strimzi/private/render';
import { Toleration } from '../strimzi/templates';

const KEDA_OPERATOR = Symbol.for('cdk8s-kafka.KedaOperator');

/**
 * Properties of a `KedaOperator`.
 */
export interface KedaOperatorProps {
  /** How KEDA's chart is delivered: `OperatorDelivery.flux()` or `OperatorDelivery.argoCd()` (KEDA offers no plain manifests here). */
  readonly delivery: OperatorDelivery;
  /** KEDA's namespace (the Helm release namespace). @default 'keda' */
  readonly namespace?: string;
  /** The chart version. @default KedaOperator.DEFAULT_VERSION */
  readonly version?: string;
  /**
   * The namespaces KEDA watches for ScaledObjects (`watchNamespace`, with RoleBindings instead
   * of a ClusterRoleBinding).
   * @default - every namespace
   */
  readonly watchNamespaces?: string[];
  /** Resources of the KEDA operator container (`resources.operator`). @default - the chart's (100m/100Mi requests, 1/1000Mi limits) */
  readonly resources?: kplus.ContainerResources;
  /** Tolerations of every KEDA pod (`tolerations`). @default - none */
  readonly tolerations?: Toleration[];
  /** Node labels every KEDA pod must run on (`nodeSelector`). @default - none */
  readonly nodeSelector?: { [key: string]: string };
  /** Further chart values, merged over the typed ones (keys of KEDA's values.yaml). @default - none */
  readonly values?: { [key: string]: any };
}

/**
 * KEDA installed from its Helm chart through Flux or Argo CD. KEDA's scalers in the
 * same app read KEDA's namespace from it, and ScaledObjects in namespaces it does
 * not watch are reported at synth.
 */
export class KedaOperator extends Construct {
  /** The KEDA chart version this library is written for. */
  public static readonly DEFAULT_VERSION = '2.20.2';

  /** Whether `x` is a KedaOperator. */
  public static isKedaOperator(x: any): x is KedaOperator {
    return x !== null && typeof x === 'object' && KEDA_OPERATOR in x;
  }

  /** KEDA's namespace. */
  public readonly namespace: string;
  /** The chart version. */
  public readonly version: string;
  /** The delivery form. */
  public readonly delivery: OperatorDelivery;
  /** Flux: the HelmRelease. @default - other delivery forms */
  public readonly helmRelease?: ApiObject;
  /** Argo CD: the Application. @default - other delivery forms */
  public readonly application?: ApiObject;

  private readonly props: KedaOperatorProps;

  constructor(scope: Construct, id: string, props: KedaOperatorProps) {
    super(scope, id);
    Object.defineProperty(this, KEDA_OPERATOR, { value: true });
    this.props = props;
    this.namespace = props.namespace ?? 'keda';
    this.version = props.version ?? KedaOperator.DEFAULT_VERSION;
    this.delivery = props.delivery;
    const chart = kedaChart(this.version);
    const values = Lazy.any({ produce: () => this.helmValues() });
    if (this.delivery.type === OperatorDeliveryType.FLUX) {
      this.helmRelease = renderFluxRelease(this, {
        options: this.delivery.fluxOptions ?? {}, defaultName: 'keda', targetNamespace: this.namespace, chart, values,
      }).helmRelease;
    } else if (this.delivery.type === OperatorDeliveryType.ARGO_CD) {
      this.application = renderArgoCdApplication(this, {
        options: this.delivery.argoCdOptions ?? {},
        defaultName: 'keda',
        targetNamespace: this.namespace,
        chart,
        values,
        // With generated certificates the operator patches these CA bundles at run time.
        ignoreDifferences: [
          { group: 'apiregistration.k8s.io', kind: 'APIService', jsonPointers: ['/spec/caBundle'] },
          { group: 'admissionregistration.k8s.io', kind: 'ValidatingWebhookConfiguration', jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'] },
        ],
      });
    }
    registerKedaOperator(this);
    addRules(this, (c) => {
      const subject = `KEDA in namespace "${this.namespace}"`;
      c.check(this.delivery.type === OperatorDeliveryType.MANIFESTS, subject, 'is delivered as plain manifests, but KEDA is installed from its Helm chart (no plain manifests are shipped)',
        'use OperatorDelivery.flux() or OperatorDelivery.argoCd()', 'KAF-OPS-006');
      const flux = this.delivery.fluxOptions;
      c.check(flux?.sourceType === FluxChartSourceType.OCI_REPOSITORY && flux.chartUrl === undefined, subject,
        'takes its chart from an OCIRepository, but KEDA\'s chart is published in the Helm repository https://kedacore.github.io/charts',
        'use FluxChartSourceType.HELM_REPOSITORY, or give the chartUrl of your OCI mirror', 'KAF-OPS-007');
      for (const ns of [this.namespace, ...(props.watchNamespaces ?? [])]) {
        c.check(!isDns1123Label(ns), subject, `namespace "${ns}" is not a valid namespace name (DNS-1123 label: lower-case letters, digits and '-', at most 63 characters)`,
          'name an existing namespace', 'KAF-OPS-002');
      }
    });
  }

  /** The namespaces KEDA watches. Empty when it watches every namespace. */
  public get watchedNamespaces(): string[] {
    return [...(this.props.watchNamespaces ?? [])];
  }

  /** Whether KEDA handles ScaledObjects in `namespace`. */
  public watches(namespace: string): boolean {
    const list = this.props.watchNamespaces ?? [];
    return list.length === 0 || list.includes(namespace);
  }

  private helmValues(): any {
    const p = this.props;
    const values: any = {};
    if (p.watchNamespaces && p.watchNamespaces.length > 0) values.watchNamespace = p.watchNamespaces.join(',');
    const res = renderResources(p.resources);
    if (res) values.resources = { operator: res };
    if (p.tolerations && p.tolerations.length > 0) {
      values.tolerations = p.tolerations.map((t) => JSON.parse(JSON.stringify({
        key: t.key, operator: t.operator, value: t.value, effect: t.effect, tolerationSeconds: t.tolerationPeriod?.toSeconds(),
      })));
    }
    if (p.nodeSelector && Object.keys(p.nodeSelector).length > 0) values.nodeSelector = { ...p.nodeSelector };
    return { ...values, ...(p.values ?? {}) };
  }
}
