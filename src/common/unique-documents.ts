/*
 * App-wide rule KAF-APP-001: no two documents of the same kind, namespace and
 * name anywhere in the app (applying both keeps only one, silently). The whole
 * app is indexed once per validation pass (a validation on the root, which
 * cdk8s runs first); each library construct that registered reports the
 * duplicates among its own documents, so the message carries its path.
 * Library-internal.
 */
import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { formatViolation } from './validation';

/** Kinds without a namespace: their names are unique in the whole Kubernetes cluster. */
const CLUSTER_SCOPED = new Set([
  'Namespace', 'ClusterRole', 'ClusterRoleBinding', 'ClusterTriggerAuthentication', 'CustomResourceDefinition', 'PriorityClass',
  'StorageClass', 'PersistentVolume', 'Node', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'IngressClass',
  'APIService', 'RuntimeClass', 'VolumeAttributesClass', 'GatewayClass',
]);

interface AppIndex {
  /** Messages for each registered construct (and '' for objects no registered construct owns). */
  readonly byOwner: Map<IConstruct | undefined, string[]>;
}

/**
 * The registered constructs of each app, each with the kinds whose duplicates it
 * already reports with a rule of its own (if any).
 */
const registered = new WeakMap<IConstruct, Owners>();
const indexes = new WeakMap<IConstruct, AppIndex>();

type Owners = Map<IConstruct, ReadonlySet<string> | undefined>;

/**
 * Makes `scope` take part in the app-wide duplicate-document rule. Call once from
 * a construct's constructor; the app is indexed once per synth, however many register.
 * @param coveredKinds kinds whose duplicates the construct already reports with a more specific rule
 */
export function registerUniqueDocuments(scope: IConstruct, coveredKinds: string[] = []): void {
  const root = scope.node.root;
  let owners = registered.get(root);
  if (!owners) {
    owners = new Map();
    registered.set(root, owners);
    root.node.addValidation({
      validate: () => {
        const index = buildIndex(root, registered.get(root)!);
        indexes.set(root, index);
        return index.byOwner.get(undefined) ?? [];
      },
    });
  }
  // Constructs register from their base class and again with their covered kinds: the second call only records those.
  const known = owners.has(scope);
  if (coveredKinds.length > 0) {
    owners.set(scope, new Set(coveredKinds));
  } else if (!known) {
    owners.set(scope, undefined);
  }
  if (known) return;
  scope.node.addValidation({ validate: () => indexes.get(root)?.byOwner.get(scope) ?? [] });
}

/** The namespace an object is applied in ('' for cluster-scoped kinds). */
function namespaceOf(o: ApiObject): string {
  return CLUSTER_SCOPED.has(o.kind) ? '' : o.metadata.namespace ?? 'default';
}

/** The nearest registered construct that contains `o`. */
function ownerOf(o: IConstruct, owners: Owners): IConstruct | undefined {
  for (let s: IConstruct | undefined = o; s; s = s.node.scope) {
    if (owners.has(s)) return s;
  }
  return undefined;
}

function buildIndex(root: IConstruct, owners: Owners): AppIndex {
  const first = new Map<string, ApiObject>();
  const byOwner = new Map<IConstruct | undefined, string[]>();
  for (const c of root.node.findAll()) {
    if (!(c instanceof ApiObject)) continue;
    const ns = namespaceOf(c);
    const key = `${c.apiGroup}|${c.kind}|${ns}|${c.name}`;
    const original = first.get(key);
    if (!original) {
      first.set(key, c);
      continue;
    }
    const mine = ownerOf(c, owners);
    const theirs = ownerOf(original, owners);
    if (mine === undefined && theirs === undefined) continue; // neither is the library's: not this rule's business
    if (mine && owners.get(mine)?.has(c.kind)) continue; // reported by the owner's own, more specific rule
    const where = ns ? ` in namespace "${ns}"` : ' (cluster-scoped)';
    const subject = `${c.kind} "${c.name}"${where}`;
    const problem = `is rendered twice, by ${original.node.path} and by ${c.node.path}; applying both keeps only one (the later silently replaces the other)`;
    const list = byOwner.get(mine) ?? [];
    list.push(formatViolation({ subject, problem, fix: fixFor(c), ruleId: 'KAF-APP-001' }));
    byOwner.set(mine, list);
  }
  return { byOwner };
}

function fixFor(o: ApiObject): string {
  switch (o.kind) {
    case 'KafkaNodePool':
      return 'node pool names are unique per namespace, not per cluster: name the pools of each cluster apart, e.g. addNodePool(\'brokers\', { name: \'<cluster>-brokers\', ... }), or put the clusters in different namespaces';
    case 'ConfigMap':
    case 'Service':
    case 'PodMonitor':
    case 'PrometheusRule':
    case 'ServiceMonitor':
      return 'create one monitoring construct per cluster and namespace, or give the second object another name';
    default:
      return 'give one of them another name or namespace';
  }
}
