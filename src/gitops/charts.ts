/**
 * Where an operator's Helm chart is published (internal).
 */
export interface HelmChartCoordinates {
  /** The chart's name, e.g. `strimzi-kafka-operator`. */
  readonly chart: string;
  /** The chart version. */
  readonly version: string;
  /** The OCI artifact of the chart (`oci://…/<chart>`), when it is published as one. */
  readonly ociChartUrl?: string;
  /** The Helm repository URL (https:// or oci:// registry path). */
  readonly repositoryUrl: string;
  /** Whether `repositoryUrl` is an OCI registry (a Flux HelmRepository of `type: oci`). */
  readonly repositoryIsOci: boolean;
  /** The `repoURL` of an Argo CD Helm source (OCI registries without the `oci://` prefix). */
  readonly argoCdRepoUrl: string;
  /**
   * Whether the chart keeps its CRDs in Helm's `crds/` folder (installed once and
   * never upgraded unless the tool is told to), rather than in templates.
   */
  readonly crdsInCrdsFolder: boolean;
}

/** The Strimzi chart of an operator release (published to quay.io as an OCI artifact). */
export function strimziChart(version: string): HelmChartCoordinates {
  return {
    chart: 'strimzi-kafka-operator',
    version,
    ociChartUrl: 'oci://quay.io/strimzi-helm/strimzi-kafka-operator',
    repositoryUrl: 'oci://quay.io/strimzi-helm',
    repositoryIsOci: true,
    argoCdRepoUrl: 'quay.io/strimzi-helm',
    crdsInCrdsFolder: true,
  };
}

/** KEDA's chart. */
export function kedaChart(version: string): HelmChartCoordinates {
  return {
    chart: 'keda',
    version,
    repositoryUrl: 'https://kedacore.github.io/charts',
    repositoryIsOci: false,
    argoCdRepoUrl: 'https://kedacore.github.io/charts',
    crdsInCrdsFolder: false,
  };
}
