/*
 * Whether an ApiObject was changed through JSON patches (library-internal), so a
 * rule can read its rendered namespace without rendering every unpatched object.
 */
import { ApiObject, JsonPatch } from 'cdk8s';

const patched = new WeakSet<ApiObject>();
const tracked = new WeakSet<ApiObject>();

/**
 * Records, from now on, whether `obj.addJsonPatch()` is called. Patches added
 * before this call are not seen: call it right after creating the object.
 */
export function trackPatches(obj: ApiObject): void {
  if (tracked.has(obj)) {
    return;
  }
  tracked.add(obj);
  const add = obj.addJsonPatch.bind(obj);
  obj.addJsonPatch = (...ops: JsonPatch[]) => {
    patched.add(obj);
    add(...ops);
  };
}

/**
 * The namespace `obj` is rendered in. Only JSON patches can move it away from
 * the one set at construction, so the object is rendered (spec and all) only
 * when it was patched; an object not tracked with `trackPatches()` is always rendered.
 */
export function renderedNamespace(obj: ApiObject): string | undefined {
  if (tracked.has(obj) && !patched.has(obj)) {
    return obj.metadata.namespace;
  }
  return obj.toJson().metadata?.namespace;
}
