import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { Warnings } from '../common/warnings';
import { StrimziTarget } from '../strimzi/target';

/*
 * App-wide checks between operators and the resources they handle. Each runs at
 * validation time over the whole app, so construction order does not matter.
 * Resources are found by walking the app for ApiObjects (every kind, without
 * rendering): `kafka.strimzi.io/*` for Strimzi, `keda.sh/*` ScaledObject/ScaledJob for KEDA.
 * All findings are warnings: many teams install operators outside the app.
 */

const registered = new WeakSet<IConstruct>();

/** The minimal view of a StrimziOperator the checks need (avoids an import cycle). */
interface StrimziOperatorView extends IConstruct {
  readonly namespace: string;
  readonly target: StrimziTarget;
  readonly watchesAllNamespaces: boolean;
  readonly watchedNamespaces: string[];
  readonly entityOperatorWatchedNamespaceEnabled: boolean;
  watches(namespace: string): boolean;
}

/** The minimal view of a KedaOperator. */
interface KedaOperatorView extends IConstruct {
  readonly namespace: string;
  readonly watchedNamespaces: string[];
  watches(namespace: string): boolean;
}

/** The operators of each app, registered by their constructors (lookups stay O(1) in large apps). */
const strimziOperators = new WeakMap<IConstruct, StrimziOperatorView[]>();
const kedaOperators = new WeakMap<IConstruct, KedaOperatorView[]>();

function registry<T>(map: WeakMap<IConstruct, T[]>, root: IConstruct): T[] {
  let list = map.get(root);
  if (!list) {
    list = [];
    map.set(root, list);
  }
  return list;
}

/** Records a StrimziOperator of its app (called by its constructor). */
export function registerStrimziOperator(op: StrimziOperatorView): void {
  registry(strimziOperators, op.node.root).push(op);
  registerOperatorChecks(op);
}

/** Records a KedaOperator of its app (called by its constructor). */
export function registerKedaOperator(op: KedaOperatorView): void {
  registry(kedaOperators, op.node.root).push(op);
  registerOperatorChecks(op);
}

/** The StrimziOperators of the app, in construction order. */
export function strimziOperatorsOf(scope: IConstruct): StrimziOperatorView[] {
  return [...(strimziOperators.get(scope.node.root) ?? [])];
}

/** The KedaOperators of the app, in construction order. */
export function kedaOperatorsOf(scope: IConstruct): KedaOperatorView[] {
  return [...(kedaOperators.get(scope.node.root) ?? [])];
}

/**
 * Whether a StrimziOperator of the app that watches `namespace` lets topic and user
 * operators watch another namespace: true or false, or undefined when the app has no
 * operator watching it.
 */
export function entityOperatorWatchedNamespaceAllowed(scope: IConstruct, namespace: string): boolean | undefined {
  const ops = strimziOperatorsOf(scope).filter((o) => o.watches(namespace));
  return ops.length === 0 ? undefined : ops.every((o) => o.entityOperatorWatchedNamespaceEnabled);
}

/** The construct that owns an ApiObject (its scope), for messages and warnings. */
function owner(o: ApiObject): IConstruct {
  return o.node.scope ?? o;
}

/** The Strimzi target of the construct that rendered a resource (walking up the tree). */
function targetOf(o: ApiObject): StrimziTarget | undefined {
  for (let c: IConstruct | undefined = o; c; c = c.node.scope) {
    const t = (c as any).target;
    if (t instanceof StrimziTarget) return t;
  }
  return undefined;
}

function describe(o: ApiObject): string {
  const ns = o.metadata.namespace;
  return `${o.kind} "${ns ? `${ns}/` : ''}${o.name}"`;
}

/** Registers the app-wide operator checks once per app (called by operators and scalers). */
export function registerOperatorChecks(scope: IConstruct): void {
  const root = scope.node.root;
  if (registered.has(root)) return;
  registered.add(root);
  root.node.addValidation({
    validate: () => {
      // One walk of the app per validation, shared by both checks, and none when nothing needs it.
      let objects: ApiObject[] | undefined;
      const all = () => (objects ??= apiObjects(root));
      checkStrimzi(root, all);
      checkKeda(root, all);
      return [];
    },
  });
}

function apiObjects(root: IConstruct): ApiObject[] {
  return root.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c));
}

function checkStrimzi(root: IConstruct, all: () => ApiObject[]): void {
  const operators = strimziOperatorsOf(root);
  if (operators.length === 0) return;
  // Two operators watching one namespace both reconcile its resources.
  for (let i = 0; i < operators.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = operators[j];
      const b = operators[i];
      const shared = a.watchesAllNamespaces || b.watchesAllNamespaces
        ? ['(every namespace)']
        : b.watchedNamespaces.filter((n) => a.watches(n));
      if (shared.length > 0) {
        Warnings.of(b).add(`Strimzi operator in namespace "${b.namespace}": watches ${shared.map((n) => n.startsWith('(') ? n : `"${n}"`).join(', ')} like the operator at ${a.node.path}, and both would reconcile the same resources; let each namespace be watched by one operator`, 'KAF-OPS-011');
      }
    }
  }
  for (const o of all()) {
    if (!o.apiVersion.startsWith('kafka.strimzi.io/')) continue;
    const ns = o.metadata.namespace;
    if (ns === undefined) continue;
    const watching = operators.filter((op) => op.watches(ns));
    if (watching.length === 0) {
      Warnings.of(owner(o)).add(`${describe(o)}: no Strimzi operator of this app watches namespace "${ns}" (${operators.map((op) => `${op.node.path} watches ${op.watchesAllNamespaces ? 'every namespace' : op.watchedNamespaces.map((n) => `"${n}"`).join(', ')}`).join('; ')}), so nothing reconciles it; add the namespace with watchNamespace("${ns}") or WatchedNamespaces.namespaces(), or move the resource`, 'KAF-OPS-010');
      continue;
    }
    const target = targetOf(o);
    for (const op of watching) {
      if (target && target.operatorVersion !== op.target.operatorVersion) {
        Warnings.of(owner(o)).add(`${describe(o)}: written for ${target.displayName}, but the operator watching namespace "${ns}" (${op.node.path}) installs ${op.target.displayName}; give the operator the cluster's target (target: cluster.target)`, 'KAF-OPS-012');
      }
    }
  }
}

function checkKeda(root: IConstruct, all: () => ApiObject[]): void {
  const scaled = all().filter((o) => o.apiVersion.startsWith('keda.sh/') && (o.kind === 'ScaledObject' || o.kind === 'ScaledJob'));
  if (scaled.length === 0) return;
  const operators = kedaOperatorsOf(root);
  if (operators.length === 0) {
    Warnings.of(root).add(`${scaled.map(describe).join(', ')}: the app has no KedaOperator, so nothing here installs KEDA; add one (KedaOperator with OperatorDelivery.flux() or argoCd()) or make sure KEDA is installed in the cluster`, 'KAF-OPS-013');
    return;
  }
  for (const o of scaled) {
    const ns = o.metadata.namespace ?? 'default';
    if (!operators.some((k) => k.watches(ns))) {
      Warnings.of(owner(o)).add(`${describe(o)}: the KedaOperator at ${operators[0].node.path} watches only ${operators[0].watchedNamespaces.map((n) => `"${n}"`).join(', ')}, so KEDA ignores namespace "${ns}"; add "${ns}" to its watchNamespaces, or watch every namespace`, 'KAF-OPS-014');
    }
  }
}
