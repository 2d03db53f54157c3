/*
 * Small object helpers shared by the library (internal, not exported from the package).
 */

/** A copy of `obj` without undefined values, or undefined when nothing is left. */
export function compact<T extends object>(obj: T): T | undefined {
  const out: any = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v !== undefined) {
      out[k] = v;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
