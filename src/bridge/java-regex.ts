/*
 * A check that a pattern compiles as a `java.util.regex.Pattern`, for the
 * bridge's CORS origins (library-internal).
 *
 * Dialect: the subset of Java's syntax that JavaScript's Unicode-mode regular
 * expressions share, plus these Java forms, translated before compiling:
 * leading inline flags `(?i)`, `(?s)`, `(?m)`, `(?x)`, `(?u)`, `(?d)` (and
 * combinations), atomic groups `(?>...)`, possessive quantifiers (`*+`, `++`,
 * `?+`, `}+`), `\A`, `\z`, `\Z`, quoting `\Q...\E`, and backslash before any
 * non-alphanumeric character. Java-only constructs outside that list
 * (character-class intersection `&&`, `\p{javaLowerCase}`, `\h`, `\R`, ...) are
 * reported as not compiling: the check errs on the strict side.
 */

/** Characters JavaScript's Unicode mode lets a backslash escape outside a class. */
const JS_SYNTAX = '^$\\.*+?()[]{}|/';

/** Translates the Java-only constructs of the documented subset into JavaScript syntax. */
function translate(pattern: string): string {
  let p = pattern.replace(/^\(\?[idmsuxU]+\)/, '');
  let out = '';
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '\\') {
      const next = p[i + 1];
      if (next === undefined) {
        return '\\'; // dangling backslash: invalid in both dialects
      }
      if (next === 'Q') {
        const end = p.indexOf('\\E', i + 2);
        const literal = end < 0 ? p.slice(i + 2) : p.slice(i + 2, end);
        out += literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
        i = end < 0 ? p.length : end + 1;
        continue;
      }
      if (!inClass && next === 'A') {
        out += '^';
      } else if (!inClass && (next === 'z' || next === 'Z')) {
        out += '$';
      } else if (/[A-Za-z0-9]/.test(next)) {
        out += ch + next;
      } else if (JS_SYNTAX.includes(next) || (inClass && next === '-')) {
        out += ch + next;
      } else {
        out += `\\u{${next.codePointAt(0)!.toString(16)}}`;
      }
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      if (p[i + 1] === '^') {
        out += '^';
        i++;
      }
      // Java reads a `]` right after `[` or `[^` as a literal.
      if (p[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (ch === '(' && p.startsWith('(?>', i)) {
      out += '(?:';
      i += 2;
      continue;
    }
    if (ch === '+' && i > 0 && /[*+?}]/.test(p[i - 1]) && p[i - 2] !== '\\') {
      continue; // possessive quantifier: same language as the greedy one
    }
    out += ch;
  }
  return out;
}

/** Whether `pattern` compiles as a Java regular expression (see the dialect above). */
export function compilesAsJavaRegex(pattern: string): boolean {
  if (pattern.includes('&&')) {
    return false;
  }
  try {
    new RegExp(translate(pattern), 'u');
    return true;
  } catch {
    return false;
  }
}

/** Whether `pattern` (in the dialect above) matches whole origins it was not written for. */
export function matchesAnyOrigin(pattern: string): boolean {
  if (pattern === '*') {
    return true;
  }
  if (!compilesAsJavaRegex(pattern)) {
    return false;
  }
  const flags = /^\(\?[a-zA-Z]*i/.test(pattern) ? 'iu' : 'u';
  const re = new RegExp(`^(?:${translate(pattern)})$`, flags);
  // two HTTPS origins of unrelated shapes: a pattern that admits both admits any HTTPS page
  const probes = ['https://cdk8s-kafka-probe.invalid', 'https://attacker.example.net', 'http://attacker.example:8443', 'null'];
  return probes.filter((o) => re.test(o)).length >= 2;
}
