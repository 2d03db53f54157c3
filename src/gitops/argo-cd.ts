import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { HelmChartCoordinates } from './charts';
import { ArgoCdDeliveryOptions } from '../operators/delivery';

/** `apiVersion` of Argo CD Applications. */
export const ARGO_CD_API_VERSION = 'argoproj.io/v1alpha1';
/** The annotation that orders resources within a sync. */
export const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';
/** The per-resource sync options annotation. */
export const SYNC_OPTIONS_ANNOTATION = 'argocd.argoproj.io/sync-options';

/** A difference Argo CD should ignore (internal). */
export interface ArgoIgnoredDifference {
  readonly group: string;
  readonly kind: string;
  readonly jsonPointers?: string[];
  readonly jqPathExpressions?: string[];
}

/**
 * Renders an Argo CD Application with a Helm source. `values` is resolved at synth
 * time. Sync options: `CreateNamespace=true` and `ServerSideApply=true` always,
 * `RespectIgnoreDifferences=true` when differences are ignored.
 */
export function renderArgoCdApplication(scope: Construct, props: {
  readonly options: ArgoCdDeliveryOptions;
  readonly defaultName: string;
  readonly targetNamespace: string;
  readonly chart: HelmChartCoordinates;
  readonly values: any;
  readonly ignoreDifferences?: ArgoIgnoredDifference[];
}): ApiObject {
  const o = props.options;
  const name = o.name ?? props.defaultName;
  const ignore = props.ignoreDifferences ?? [];
  const syncOptions = ['CreateNamespace=true', 'ServerSideApply=true', ...(ignore.length > 0 ? ['RespectIgnoreDifferences=true'] : [])];
  return new ApiObject(scope, 'Application', {
    apiVersion: ARGO_CD_API_VERSION,
    kind: 'Application',
    metadata: {
      name,
      namespace: o.namespace ?? 'argocd',
      finalizers: o.cascadeDelete ? ['resources-finalizer.argocd.argoproj.io'] : undefined,
    },
    spec: {
      project: o.project ?? 'default',
      source: {
        repoURL: o.repoUrl ?? props.chart.argoCdRepoUrl,
        chart: props.chart.chart,
        targetRevision: props.chart.version,
        helm: { releaseName: name, valuesObject: props.values },
      },
      destination: { server: o.destinationServer ?? 'https://kubernetes.default.svc', namespace: props.targetNamespace },
      syncPolicy: {
        automated: o.automated === false ? undefined : { prune: o.prune ?? false, selfHeal: o.selfHeal ?? false },
        syncOptions,
      },
      ignoreDifferences: ignore.length > 0 ? ignore.map((d) => ({ ...d })) : undefined,
    },
  } as any);
}
