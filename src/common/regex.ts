/** Whether `re` compiles as a JavaScript regular expression. */
export function compilesAsRegex(re: string): boolean {
  try {
    new RegExp(re);
    return true;
  } catch {
    return false;
  }
}

/** Escapes the regular-expression metacharacters of a literal string. */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
