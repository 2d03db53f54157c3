import { IConstruct } from 'constructs';
import { kedaOperatorsOf } from './cross-checks';
import { addRules } from '../common/validation';

/**
 * KEDA's namespace for credentials a ClusterTriggerAuthentication reads: the
 * namespace given to `CrossNamespaceCredentials` (`kedaNamespace`), else the
 * namespace of the app's KedaOperator, else `keda`.
 *
 * Registers a synth-time rule on `scope`: a `kedaNamespace` that differs from the
 * app's KedaOperator is an error (KAF-OPS-015), and so is a KedaOperator added
 * after the scaler in another namespace than the one already used (KAF-OPS-016).
 */
export function resolveKedaNamespace(scope: IConstruct, explicit: string | undefined): string {
  const atCall = kedaOperatorsOf(scope);
  const resolved = explicit ?? atCall[0]?.namespace ?? 'keda';
  addRules(scope, (c) => {
    const ops = kedaOperatorsOf(scope);
    if (ops.length === 0) return;
    const keda = ops[0];
    c.check(explicit !== undefined && explicit !== keda.namespace, 'crossNamespaceCredentials',
      `kedaNamespace is "${explicit}", but the app's KedaOperator (${keda.node.path}) installs KEDA into "${keda.namespace}"`,
      `leave kedaNamespace unset to use the KedaOperator's namespace, or set it to "${keda.namespace}"`, 'KAF-OPS-015');
    c.check(explicit === undefined && resolved !== keda.namespace, 'crossNamespaceCredentials',
      `the credentials were placed in "${resolved}" because the KedaOperator (${keda.node.path}, namespace "${keda.namespace}") was created after this scaler`,
      `create the KedaOperator before the scaler, or set kedaNamespace: "${keda.namespace}"`, 'KAF-OPS-016');
  });
  return resolved;
}
