/*
 * Where the kafka trigger's credentials go (library-internal): the
 * TriggerAuthentication (or ClusterTriggerAuthentication in KEDA's namespace),
 * the user name ConfigMap, and the SecretCopy that brings Secrets from other
 * namespaces.
 */
import { ApiObject, Chart, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { AuthParam, Finding } from './trigger-auth';
import * as keda from '../../../imports/keda.sh';
import { keepPatchedFields } from '../../common/patch-passthrough';
import { resolveKedaNamespace } from '../../operators/keda-namespace';
import type { IKafkaCluster } from '../../strimzi/cluster';
import { CrossNamespaceCredentials } from '../cross-namespace-credentials';
import { CopiedSecret, SecretCopy } from '../secret-copy';

/** What the placement needs to know about the scaler. */
export interface PlacementContext {
  readonly cluster: IKafkaCluster;
  readonly crossNamespaceCredentials?: CrossNamespaceCredentials;
  /** The namespace of the workload and the ScaledObject. */
  readonly namespace: string;
  readonly scaledObjectName: string;
  readonly targetKind: string;
  readonly targetName: string;
}

/** The objects rendered for the credentials. */
export interface Placement {
  /** The namespace the TriggerAuthentication reads Secrets from. */
  readonly namespace: string;
  readonly triggerAuthentication: ApiObject;
  readonly usernameConfigMap?: ApiObject;
  readonly secretCopy?: SecretCopy;
  readonly findings: Finding[];
  /** Set when crossNamespaceCredentials was given but is not needed. */
  readonly ignoredCrossNamespaceCredentials: boolean;
}

/** The finding for Secrets in other namespaces when no crossNamespaceCredentials is set. */
function remoteSecretsFinding(ctx: PlacementContext, remote: AuthParam[], secretNamespaces: string[]): Finding {
  const clusterNamespace = ctx.cluster.namespace;
  const remoteNamespaces = [...new Set(remote.map((p) => p.namespace!))];
  const namesIn = (ns: string) => [...new Set(remote.filter((p) => p.namespace === ns).map((p) => p.secret!.secretName))].map((n) => `"${n}"`).join(', ');
  const where = remoteNamespaces.length === 1
    ? `(${namesIn(remoteNamespaces[0])}) are in namespace "${remoteNamespaces[0]}"`
    : `are in namespaces ${remoteNamespaces.map((ns) => `"${ns}" (${namesIn(ns)})`).join(' and ')}`;
  const cure = 'set crossNamespaceCredentials (CrossNamespaceCredentials.copyToWorkloadNamespace(), copyToKedaNamespace() or syncedToKedaNamespace())';
  return {
    subject: `workload ${ctx.targetKind} "${ctx.targetName}"`,
    problem: `runs in namespace "${ctx.namespace}", but the Secrets KEDA needs ${where}, and a TriggerAuthentication reads Secrets only from its own namespace`,
    fix: secretNamespaces.length > 1
      ? `${cure}: no namespace holds them all, since the User Operator writes user Secrets into the namespace it watches ("${ctx.cluster.userNamespace}") and the CA Secret stays in the cluster's ("${clusterNamespace}")`
      : `${cure}, or run the workload in ${secretNamespaces[0] === clusterNamespace ? 'the cluster\'s namespace' : `namespace "${secretNamespaces[0]}"`}`,
    ruleId: 'KAF-KEDA-049',
  };
}

/** Renders the credential objects under `scope` for the parameters `params`. */
export function placeCredentials(scope: Construct, ctx: PlacementContext, params: AuthParam[], username: string | undefined): Placement {
  const cross = ctx.crossNamespaceCredentials;
  const findings: Finding[] = [];
  const secretParams = params.filter((p) => p.secret);
  const secretNamespaces = [...new Set(secretParams.map((p) => p.namespace!))];
  const remote = secretParams.filter((p) => p.namespace !== ctx.namespace);
  let authNamespace = ctx.namespace;
  let clusterScoped = false;
  let secretCopy: SecretCopy | undefined;
  let baseName = `${ctx.scaledObjectName}-kafka`;

  if (remote.length > 0) {
    if (!cross) {
      findings.push(remoteSecretsFinding(ctx, remote, secretNamespaces));
    } else if (cross.usesClusterTriggerAuthentication) {
      clusterScoped = true;
      authNamespace = resolveKedaNamespace(scope, cross.requestedKedaNamespace);
      baseName = `${ctx.namespace}-${ctx.scaledObjectName}-kafka`;
    }
    // Copy what is not already where the TriggerAuthentication reads it, each Secret from where it lives.
    const toCopy = secretParams.filter((p) => p.namespace !== authNamespace);
    if (cross?.copiesSecrets && toCopy.length > 0) {
      const source = toCopy[0].namespace!;
      const secrets: CopiedSecret[] = toCopy.map((p) => ({
        secretName: p.secret!.secretName,
        keys: [p.secret!.key],
        sourceNamespace: p.namespace !== source ? p.namespace : undefined,
      }));
      secretCopy = new SecretCopy(scope, 'SecretCopy', {
        name: `${baseName}-copy`,
        sourceNamespace: source,
        targetNamespace: authNamespace,
        secrets,
        schedule: cross.copyOptions.schedule,
        image: cross.copyOptions.image,
      });
    }
  }

  const configMapName = `${baseName}-username`;
  const usernameConfigMap = username === undefined ? undefined : ApiObject.of(new kplus.ConfigMap(scope, 'Username', {
    metadata: { name: configMapName, namespace: authNamespace },
    data: { username },
  }));

  const secretTargetRef = secretParams.map((p) => ({ parameter: p.parameter, name: p.secret!.secretName, key: p.secret!.key }));
  const configMapTargetRef = params.filter((p) => p.configMapKey).map((p) => ({ parameter: p.parameter, name: configMapName, key: p.configMapKey! }));
  const spec = {
    secretTargetRef: secretTargetRef.length > 0 ? secretTargetRef : undefined,
    configMapTargetRef: configMapTargetRef.length > 0 ? configMapTargetRef : undefined,
  };
  let triggerAuthentication: ApiObject;
  if (clusterScoped) {
    triggerAuthentication = keepPatchedFields(new keda.ClusterTriggerAuthentication(scope, 'TriggerAuthentication', { metadata: { name: baseName }, spec }));
    if (Chart.of(scope).namespace) {
      triggerAuthentication.addJsonPatch(JsonPatch.remove('/metadata/namespace'));
    }
  } else {
    triggerAuthentication = keepPatchedFields(new keda.TriggerAuthentication(scope, 'TriggerAuthentication', { metadata: { name: baseName, namespace: authNamespace }, spec }));
  }
  return {
    namespace: authNamespace,
    triggerAuthentication,
    usernameConfigMap,
    secretCopy,
    findings,
    ignoredCrossNamespaceCredentials: remote.length === 0 && cross !== undefined,
  };
}
