import { Duration } from 'cdk8s';

/** How an operator reaches the cluster. */
export enum OperatorDeliveryType {
  /** The operator's own install files as plain manifests (`kubectl apply -f`). */
  MANIFESTS = 'manifests',
  /** A Flux `HelmRelease` with its chart source. */
  FLUX = 'flux',
  /** An Argo CD `Application` with a Helm source. */
  ARGO_CD = 'argo-cd',
}

/** The Flux source kind a `HelmRelease` takes its chart from. */
export enum FluxChartSourceType {
  /** `OCIRepository` + `chartRef` (what Flux recommends for OCI charts). */
  OCI_REPOSITORY = 'OCIRepository',
  /** `HelmRepository` + `chart.spec` (an HTTP chart repository, or a legacy `type: oci` one). */
  HELM_REPOSITORY = 'HelmRepository',
}

/**
 * Options of the Flux delivery form (`helm.toolkit.fluxcd.io/v2` HelmRelease and a
 * `source.toolkit.fluxcd.io/v1` source).
 */
export interface FluxDeliveryOptions {
  /**
   * Namespace of the HelmRelease and its source (Flux's control-plane namespace, or
   * any namespace Flux reconciles).
   * @default 'flux-system'
   */
  readonly namespace?: string;
  /**
   * Name of the HelmRelease (and the Helm release name).
   * @default - 'strimzi-cluster-operator' or 'keda'
   */
  readonly name?: string;
  /**
   * How often Flux reconciles the release and its source.
   * @default Duration.minutes(10)
   */
  readonly interval?: Duration;
  /**
   * Where the chart comes from.
   * @default - OCIRepository for Strimzi (its documented OCI chart), HelmRepository for KEDA
   */
  readonly sourceType?: FluxChartSourceType;
  /**
   * The chart location, for a mirror: the OCI chart URL (`oci://…/strimzi-kafka-operator`)
   * for an OCIRepository, else the repository URL.
   * @default - the operator's documented chart location
   */
  readonly chartUrl?: string;
  /**
   * Other HelmReleases (`name` or `namespace/name`) this one waits for.
   * `GitOps.flux(scope)` adds the library's own ordering on top.
   * @default - none
   */
  readonly dependsOn?: string[];
}

/**
 * Options of the Argo CD delivery form (`argoproj.io/v1alpha1` Application with a Helm source).
 */
export interface ArgoCdDeliveryOptions {
  /**
   * Namespace of the Application: Argo CD's control-plane namespace, unless
   * "Applications in any namespace" is enabled.
   * @default 'argocd'
   */
  readonly namespace?: string;
  /**
   * Name of the Application (and the Helm release name).
   * @default - 'strimzi-cluster-operator' or 'keda'
   */
  readonly name?: string;
  /**
   * The Argo CD project.
   * @default 'default'
   */
  readonly project?: string;
  /**
   * The destination cluster's API server URL.
   * @default 'https://kubernetes.default.svc'
   */
  readonly destinationServer?: string;
  /**
   * The Helm repository URL, for a mirror (Helm-type OCI sources are written
   * without the `oci://` prefix, e.g. `quay.io/strimzi-helm`).
   * @default - the operator's documented chart repository
   */
  readonly repoUrl?: string;
  /**
   * Whether Argo CD syncs automatically.
   * @default true
   */
  readonly automated?: boolean;
  /**
   * Whether an automated sync deletes resources no longer in the chart.
   * @default false
   */
  readonly prune?: boolean;
  /**
   * Whether an automated sync reverts changes made in the cluster.
   * @default false
   */
  readonly selfHeal?: boolean;
  /**
   * Whether deleting the Application deletes what it installed (the
   * `resources-finalizer.argocd.argoproj.io` finalizer).
   * @default false
   */
  readonly cascadeDelete?: boolean;
}

/**
 * How an operator is delivered: plain manifests, Flux, or Argo CD. One choice per operator.
 */
export class OperatorDelivery {
  /**
   * The operator's pinned install files as plain manifests, with namespaces and
   * bindings set (Strimzi only: KEDA publishes no plain manifests for this release line).
   */
  public static manifests(): OperatorDelivery {
    return new OperatorDelivery(OperatorDeliveryType.MANIFESTS, undefined, undefined);
  }

  /** A Flux HelmRelease with its chart source and typed values. */
  public static flux(options: FluxDeliveryOptions = {}): OperatorDelivery {
    return new OperatorDelivery(OperatorDeliveryType.FLUX, options, undefined);
  }

  /**
   * An Argo CD Application with a Helm source, `valuesObject`, and the sync options
   * `CreateNamespace=true` and `ServerSideApply=true` (the CRDs are too large for
   * client-side apply's annotation).
   */
  public static argoCd(options: ArgoCdDeliveryOptions = {}): OperatorDelivery {
    return new OperatorDelivery(OperatorDeliveryType.ARGO_CD, undefined, options);
  }

  private constructor(
    /** The delivery form. */
    public readonly type: OperatorDeliveryType,
    /** Options of the Flux form. */
    public readonly fluxOptions: FluxDeliveryOptions | undefined,
    /** Options of the Argo CD form. */
    public readonly argoCdOptions: ArgoCdDeliveryOptions | undefined,
  ) {}
}
