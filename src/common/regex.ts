/** Escapes the regular-expression metacharacters of a literal string. */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether `re` compiles as a Go (RE2) regular expression, as the Kafka Exporter reads it:
 * flag groups such as `(?i)` and `(?i:...)` are accepted, while lookaround and
 * backreferences, which RE2 does not have, are refused. Checked by translating to JavaScript.
 */
export function compilesAsGoRegex(re: string): boolean {
  if (/\(\?<?[=!]|\\[1-9]|\\k</.test(re)) {
    return false;
  }
  let flags = '';
  const translated = re
    .replace(/^\(\?([imsU]+)\)/, (_, f: string) => { flags = f.includes('i') ? 'i' : ''; return ''; })
    .replace(/\(\?[imsU-]+:/g, '(?:')
    .replace(/\(\?P<([A-Za-z_][A-Za-z0-9_]*)>/g, '(?<$1>');
  try {
    new RegExp(translated, flags);
    return true;
  } catch {
    return false;
  }
}
