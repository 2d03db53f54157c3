/*
 * JSON patches must reach the output. The classes generated from CRDs map their
 * JSON through typed `toJson_...` functions after the patches are applied, and
 * those drop every field the class does not know: a patch adding such a field
 * vanished silently. `keepPatchedFields()` puts the fields the mapping dropped
 * back (the mapped value wins where both have one, so typed conversions such as
 * quantities stay). Objects without patches are not touched. Library-internal.
 */
import { ApiObject } from 'cdk8s';

/** Fields of `raw` that `mapped` lacks, merged into a copy of `mapped`, recursively. */
export function mergeMissing(mapped: any, raw: any): any {
  if (mapped === undefined) return raw;
  if (!isPlainObject(mapped) || !isPlainObject(raw)) {
    if (Array.isArray(mapped) && Array.isArray(raw) && mapped.length === raw.length) {
      return mapped.map((m, i) => mergeMissing(m, raw[i]));
    }
    return mapped;
  }
  const out: any = { ...mapped };
  for (const [k, v] of Object.entries(raw)) {
    out[k] = k in mapped ? mergeMissing(mapped[k], v) : v;
  }
  return out;
}

function isPlainObject(x: any): boolean {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** Makes JSON patches on `obj` (an instance of a generated class) reach the output in full. */
export function keepPatchedFields<T extends ApiObject>(obj: T): T {
  const mappedToJson = obj.toJson.bind(obj);
  Object.defineProperty(obj, 'toJson', {
    value: () => {
      const mapped = mappedToJson();
      if (((obj as any).patches ?? []).length === 0) return mapped;
      return mergeMissing(mapped, ApiObject.prototype.toJson.call(obj));
    },
  });
  return obj;
}
