import { ApiObject, JsonPatch } from 'cdk8s';
import { IConstruct } from 'constructs';
import { SYNC_OPTIONS_ANNOTATION, SYNC_WAVE_ANNOTATION } from './argo-cd';
import { FLUX_HELM_API_VERSION, isOperatorRelease } from './flux';

/**
 * The Argo CD sync waves `GitOps.argoCd()` assigns (annotation values). Lower waves are applied and
 * must be healthy before the next starts.
 */
export enum SyncWave {
  /** CustomResourceDefinitions. */
  CRDS = '-2',
  /** Operators: everything a StrimziOperator or KedaOperator renders (RBAC, Deployment, Flux or Argo CD objects). */
  OPERATORS = '-1',
  /** Kafka clusters and their node pools, and the other operands Strimzi runs (Connect, bridge, MirrorMaker 2). */
  CLUSTERS = '0',
  /** KafkaTopics, KafkaUsers, KafkaConnectors, KafkaRebalances: need a running cluster. */
  TOPICS_AND_USERS = '1',
  /** Everything else: workloads, autoscalers, monitoring, Secret copies. */
  WORKLOADS = '2',
}

const CLUSTER_KINDS = new Set(['Kafka', 'KafkaNodePool', 'KafkaConnect', 'KafkaBridge', 'KafkaMirrorMaker2']);
const BUILT_IN_GROUPS = /(^|\.)k8s\.io$|^(apps|batch|policy|autoscaling|extensions)$/;

/** Whether an apiVersion belongs to a custom resource (a group that is not built into Kubernetes). */
function isCustomResource(apiVersion: string): boolean {
  if (!apiVersion.includes('/')) return false;
  const group = apiVersion.split('/')[0];
  return !BUILT_IN_GROUPS.test(group);
}

function isOperatorConstruct(c: IConstruct): boolean {
  return (c as any)[Symbol.for('cdk8s-kafka.StrimziOperator')] === true || (c as any)[Symbol.for('cdk8s-kafka.KedaOperator')] === true;
}

/** The wave of one object. */
function waveOf(o: ApiObject): SyncWave {
  if (o.kind === 'CustomResourceDefinition') return SyncWave.CRDS;
  for (let c: IConstruct | undefined = o.node.scope; c; c = c.node.scope) {
    if (isOperatorConstruct(c)) return SyncWave.OPERATORS;
  }
  if (o.apiVersion.startsWith('kafka.strimzi.io/')) {
    return CLUSTER_KINDS.has(o.kind) ? SyncWave.CLUSTERS : SyncWave.TOPICS_AND_USERS;
  }
  return SyncWave.WORKLOADS;
}

function apiObjectsIn(scope: IConstruct): ApiObject[] {
  return scope.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c));
}

/**
 * Opt-in ordering of what an app or chart applies: CRDs and operators before the
 * custom resources, custom resources before what depends on them. Output of scopes
 * without it is unchanged. The annotations are added at synth time to every object
 * found in the scope then, so the order in which constructs were added does not matter.
 */
export class GitOps {
  /**
   * Argo CD: a `argocd.argoproj.io/sync-wave` annotation on every object in `scope`
   * (see `SyncWave`; an annotation already set is kept), and
   * `SkipDryRunOnMissingResource=true` in `argocd.argoproj.io/sync-options` on every
   * custom resource, whose CRD may not exist yet when Argo CD dry-runs the first sync.
   */
  public static argoCd(scope: IConstruct): void {
    scope.node.addValidation({
      validate: () => {
        for (const o of apiObjectsIn(scope)) {
          const current = o.metadata.toJson().annotations ?? {};
          if (current[SYNC_WAVE_ANNOTATION] === undefined) {
            o.metadata.addAnnotation(SYNC_WAVE_ANNOTATION, waveOf(o));
          }
          // Argo CD's own Applications need no dry-run exemption: their CRD is part of Argo CD.
          if (isCustomResource(o.apiVersion) && o.kind !== 'CustomResourceDefinition' && !o.apiVersion.startsWith('argoproj.io/')) {
            const options: string[] = (current[SYNC_OPTIONS_ANNOTATION] ?? '').split(',').map((s: string) => s.trim()).filter((s: string) => s.length > 0);
            if (!options.some((s) => s.startsWith('SkipDryRunOnMissingResource='))) {
              o.metadata.addAnnotation(SYNC_OPTIONS_ANNOTATION, [...options, 'SkipDryRunOnMissingResource=true'].join(','));
            }
          }
        }
        return [];
      },
    });
  }

  /**
   * Flux: every HelmRelease in `scope` that is not an operator's waits for the
   * operators' HelmReleases (`spec.dependsOn`), so an application chart that ships
   * Kafka resources is installed after Strimzi and KEDA. Plain manifests applied by
   * a Flux `Kustomization` are ordered with that Kustomization's own `dependsOn`
   * (name the operator HelmReleases there); see docs/operators.md.
   */
  public static flux(scope: IConstruct): void {
    scope.node.addValidation({
      validate: () => {
        const releases = apiObjectsIn(scope).filter((o) => o.apiVersion === FLUX_HELM_API_VERSION && o.kind === 'HelmRelease');
        const operators = apiObjectsIn(scope.node.root).filter((o) => o.apiVersion === FLUX_HELM_API_VERSION && isOperatorRelease(o));
        for (const r of releases.filter((x) => !isOperatorRelease(x))) {
          const existing: any[] = (r.toJson() as any).spec?.dependsOn ?? [];
          const ns = r.metadata.namespace;
          const missing = operators.filter((op) => !existing.some((d) => d.name === op.name && (d.namespace ?? ns) === op.metadata.namespace))
            .map((op) => ({ name: op.name, ...(op.metadata.namespace !== ns ? { namespace: op.metadata.namespace } : {}) }));
          if (missing.length === 0) continue;
          if (existing.length === 0) r.addJsonPatch(JsonPatch.add('/spec/dependsOn', missing));
          else for (const d of missing) r.addJsonPatch(JsonPatch.add('/spec/dependsOn/-', d));
        }
        return [];
      },
    });
  }
}
