import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { Registry } from '../../common/registry';

/**
 * One autoscaling object of the app: a ScaledObject, an HPA, or a (Cluster)TriggerAuthentication.
 * @internal
 */
export interface _IndexedObject {
  /** Construct path, for messages. */
  readonly path: string;
  /** `metadata.name`. */
  readonly name: string;
}

/**
 * What a library construct reports about the objects it renders, so the index
 * needs no tree walk below it.
 * @internal
 */
export interface _AutoscalerEntries {
  /** ScaledObjects: their key (`namespace/kind/name` of the target) and the object. */
  readonly scaledObjects: Array<{ readonly targetKey: string; readonly namespace: string; readonly object: _IndexedObject }>;
  /** Trigger authentications: kind, namespace ('' for cluster-scoped) and the object. */
  readonly authentications: Array<{ readonly kind: string; readonly namespace: string; readonly object: _IndexedObject }>;
}

/**
 * Every ScaledObject, HorizontalPodAutoscaler and (Cluster)TriggerAuthentication
 * of an app, by the workload they scale and by name.
 *
 * Built with one walk over the construct tree per synth (the app root's own
 * validation, which runs before any other, drops the previous one), so rules
 * that compare a scaler with every other autoscaler stay linear in the app size.
 * @internal
 */
export class _AutoscalerIndex {
  /**
   * The index of the app `scope` belongs to.
   * @param describe returns the entries of a library construct (its subtree is then skipped), or undefined
   */
  public static of(scope: IConstruct, describe: (c: IConstruct) => _AutoscalerEntries | undefined): _AutoscalerIndex {
    const root = scope.node.root;
    const held = INDEXES.of(root);
    held.index = held.index ?? new _AutoscalerIndex(root, describe);
    return held.index;
  }

  /** Drop the app's index at the start of every validation pass, so each synth sees the current tree. */
  public static watch(scope: IConstruct): void {
    const root = scope.node.root;
    if (WATCHED.has(root)) {
      return;
    }
    WATCHED.add(root);
    root.node.addValidation({
      validate: () => {
        INDEXES.reset(root);
        return [];
      },
    });
  }

  private readonly scaledObjectsByTarget = new Map<string, _IndexedObject[]>();
  private readonly hpasByTarget = new Map<string, _IndexedObject[]>();
  private readonly byName = new Map<string, _IndexedObject[]>();

  private constructor(root: IConstruct, describe: (c: IConstruct) => _AutoscalerEntries | undefined) {
    const visit = (c: IConstruct): void => {
      const entries = describe(c);
      if (entries) {
        for (const so of entries.scaledObjects) {
          push(this.scaledObjectsByTarget, so.targetKey, so.object);
          push(this.byName, nameKey('ScaledObject', so.namespace, so.object.name), so.object);
        }
        for (const a of entries.authentications) {
          push(this.byName, nameKey(a.kind, a.namespace, a.object.name), a.object);
        }
        return;
      }
      if (c instanceof ApiObject) {
        this.addForeign(c);
      }
      for (const child of c.node.children) {
        visit(child);
      }
    };
    visit(root);
  }

  /** The ScaledObjects targeting `targetKey` (`namespace/kind/name`). */
  public scaledObjectsFor(targetKey: string): _IndexedObject[] {
    return this.scaledObjectsByTarget.get(targetKey) ?? [];
  }

  /** The HorizontalPodAutoscalers of the app targeting `targetKey`. */
  public hpasFor(targetKey: string): _IndexedObject[] {
    return this.hpasByTarget.get(targetKey) ?? [];
  }

  /** Objects of `kind` named `name` in `namespace` ('' for cluster-scoped kinds). */
  public named(kind: string, namespace: string, name: string): _IndexedObject[] {
    return this.byName.get(nameKey(kind, namespace, name)) ?? [];
  }

  private addForeign(o: ApiObject): void {
    const group = o.apiVersion.split('/')[0];
    const keda = group === 'keda.sh';
    const hpa = o.kind === 'HorizontalPodAutoscaler' && group === 'autoscaling';
    if (!(keda && ['ScaledObject', 'TriggerAuthentication', 'ClusterTriggerAuthentication'].includes(o.kind)) && !hpa) {
      return;
    }
    const json = o.toJson();
    const namespace: string = json?.metadata?.namespace ?? 'default';
    const entry = { path: o.node.path, name: o.name };
    if (o.kind === 'ClusterTriggerAuthentication') {
      push(this.byName, nameKey(o.kind, '', o.name), entry);
      return;
    }
    push(this.byName, nameKey(o.kind, namespace, o.name), entry);
    if (o.kind === 'ScaledObject' || hpa) {
      const ref = json?.spec?.scaleTargetRef ?? {};
      const key = _targetKey(namespace, ref.kind ?? 'Deployment', ref.name);
      push(hpa ? this.hpasByTarget : this.scaledObjectsByTarget, key, entry);
    }
  }
}

/**
 * The key of a scaled workload, as KEDA's admission webhook compares them.
 * @internal
 */
export function _targetKey(namespace: string, kind: string, name: string): string {
  return `${namespace}/${kind}/${name}`;
}

const INDEXES = new Registry<IConstruct, { index?: _AutoscalerIndex }>(() => ({}));
const WATCHED = new WeakSet<IConstruct>();

function nameKey(kind: string, namespace: string, name: string): string {
  return `${kind}/${namespace}/${name}`;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) {
    list.push(v);
  } else {
    m.set(k, [v]);
  }
}
