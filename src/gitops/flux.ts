import { ApiObject, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { HelmChartCoordinates } from './charts';
import { FluxChartSourceType, FluxDeliveryOptions } from '../operators/delivery';

/** `apiVersion` of Flux HelmReleases (helm-controller v1.x). */
export const FLUX_HELM_API_VERSION = 'helm.toolkit.fluxcd.io/v2';
/** `apiVersion` of Flux sources (source-controller v1.x). */
export const FLUX_SOURCE_API_VERSION = 'source.toolkit.fluxcd.io/v1';
/** The layer of an OCI artifact that holds a Helm chart. */
const HELM_CHART_MEDIA_TYPE = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';

const OPERATOR_RELEASE = Symbol.for('cdk8s-kafka.operatorRelease');

/** Whether an ApiObject is a HelmRelease the library rendered for an operator. */
export function isOperatorRelease(o: ApiObject): boolean {
  return (o as any)[OPERATOR_RELEASE] === true;
}

/** What a Flux delivery renders for one chart (internal). */
export interface FluxRelease {
  readonly helmRelease: ApiObject;
  readonly source: ApiObject;
}

/** Flux's duration syntax (`^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$`) for a Duration. */
export function fluxDuration(d: Duration): string {
  const ms = d.toMilliseconds();
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** A `dependsOn` entry from `name` or `namespace/name`. */
function dependency(ref: string): { name: string; namespace?: string } {
  const [a, b] = ref.split('/');
  return b === undefined ? { name: a } : { namespace: a, name: b };
}

/**
 * Renders a HelmRelease and its source for a chart.
 * `values` is resolved at synth time (pass a Lazy to follow later changes).
 */
export function renderFluxRelease(scope: Construct, props: {
  readonly options: FluxDeliveryOptions;
  readonly defaultName: string;
  readonly targetNamespace: string;
  readonly chart: HelmChartCoordinates;
  readonly values: any;
}): FluxRelease {
  const o = props.options;
  const name = o.name ?? props.defaultName;
  const namespace = o.namespace ?? 'flux-system';
  const interval = fluxDuration(o.interval ?? Duration.minutes(10));
  const c = props.chart;
  const sourceType = fluxSourceType(o, c);
  const crds = c.crdsInCrdsFolder ? 'CreateReplace' : undefined;

  let source: ApiObject;
  let chartSpec: any;
  if (sourceType === FluxChartSourceType.OCI_REPOSITORY) {
    source = new ApiObject(scope, 'OCIRepository', {
      apiVersion: FLUX_SOURCE_API_VERSION,
      kind: 'OCIRepository',
      metadata: { name: c.chart, namespace },
      spec: {
        interval,
        url: o.chartUrl ?? c.ociChartUrl,
        ref: { tag: c.version },
        layerSelector: { mediaType: HELM_CHART_MEDIA_TYPE, operation: 'copy' },
      },
    } as any);
    chartSpec = { chartRef: { kind: 'OCIRepository', name: c.chart } };
  } else {
    const url = o.chartUrl ?? c.repositoryUrl;
    source = new ApiObject(scope, 'HelmRepository', {
      apiVersion: FLUX_SOURCE_API_VERSION,
      kind: 'HelmRepository',
      metadata: { name: c.chart, namespace },
      spec: {
        ...(url.startsWith('oci://') ? { type: 'oci' } : { interval }),
        url,
      },
    } as any);
    chartSpec = {
      chart: { spec: { chart: c.chart, version: c.version, sourceRef: { kind: 'HelmRepository', name: c.chart } } },
    };
  }

  const helmRelease = new ApiObject(scope, 'HelmRelease', {
    apiVersion: FLUX_HELM_API_VERSION,
    kind: 'HelmRelease',
    metadata: { name, namespace },
    spec: {
      interval,
      ...chartSpec,
      releaseName: name,
      targetNamespace: props.targetNamespace,
      install: { createNamespace: true, ...(crds ? { crds } : {}) },
      ...(crds ? { upgrade: { crds } } : {}),
      dependsOn: o.dependsOn && o.dependsOn.length > 0 ? o.dependsOn.map(dependency) : undefined,
      values: props.values,
    },
  } as any);
  Object.defineProperty(helmRelease, OPERATOR_RELEASE, { value: true });
  return { helmRelease, source };
}

/** The source kind a delivery uses for a chart. */
export function fluxSourceType(o: FluxDeliveryOptions, c: HelmChartCoordinates): FluxChartSourceType {
  return o.sourceType ?? (c.ociChartUrl ? FluxChartSourceType.OCI_REPOSITORY : FluxChartSourceType.HELM_REPOSITORY);
}
