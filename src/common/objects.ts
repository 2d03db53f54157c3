/*
 * Plain-object helpers shared by every construct and renderer (library-internal).
 */

/** A copy of `obj` without its undefined values (always an object, possibly empty). */
export function dropUndefined<T extends object>(obj: T): T {
  const out: any = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v !== undefined) {
      out[k] = v;
    }
  }
  return out;
}

/** A copy of `obj` without its undefined values, or undefined when nothing is left. */
export function compact<T extends object>(obj: T): T | undefined {
  const out = dropUndefined(obj);
  return Object.keys(out).length > 0 ? out : undefined;
}
