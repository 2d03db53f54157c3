/*
 * A synth-time check of Java (java.util.regex) patterns, as MirrorMaker 2 and
 * Kafka Connect compile them (library-internal).
 *
 * Dialect checked: the pattern is rewritten into an equivalent ECMAScript
 * pattern and compiled by JavaScript in unicode (`u`) mode, which is as strict
 * as Java about stray brackets, lone quantifiers and unknown letter escapes.
 * Java-only syntax is mapped first: `\Q...\E` quotes, inline flags (`(?i)`,
 * `(?i:...)`), possessive quantifiers (`*+`, `++`, `?+`, `}+`), atomic groups
 * `(?>...)`, the escapes `\A \z \Z \G \h \H \R \X \e \a \0nnn \x{h...h}`,
 * property classes `\p{Name}` / `\P{Name}` (any Java name), and a backslash
 * before any punctuation (Java allows it everywhere). Not checked: nested
 * character-class unions and intersections (`[a-z[0-9]]`, `[a-z&&[^x]]`),
 * which are reported as errors although Java accepts them.
 */

const ATOM = 'a';

/** Why `pattern` is not a valid Java regex, or undefined when it compiles. */
export function javaRegexProblem(pattern: string): string | undefined {
  let js: string;
  try {
    js = toEcmaScript(pattern);
  } catch (e: any) {
    return e.message;
  }
  try {
    new RegExp(js, 'u');
    return undefined;
  } catch (e: any) {
    return String(e.message).replace(/^Invalid regular expression: \/.*\/u?: /, '');
  }
}

function hexEscape(ch: string): string {
  return `\\u{${ch.codePointAt(0)!.toString(16)}}`;
}

function toEcmaScript(p: string): string {
  let out = '';
  let i = 0;
  let inClass = false;
  while (i < p.length) {
    const c = p[i];
    if (c === '\\') {
      const n = p[i + 1];
      if (n === undefined) {
        throw new Error('the pattern ends with a lone backslash');
      }
      if (n === 'Q') {
        const end = p.indexOf('\\E', i + 2);
        const quoted = end < 0 ? p.slice(i + 2) : p.slice(i + 2, end);
        out += [...quoted].map(hexEscape).join('');
        i = end < 0 ? p.length : end + 2;
        continue;
      }
      if (n === 'p' || n === 'P') {
        const m = /^\{[A-Za-z_][A-Za-z0-9_=]*\}/.exec(p.slice(i + 2)) ?? /^[A-Za-z]/.exec(p.slice(i + 2));
        if (!m) {
          throw new Error(`\\${n} at index ${i} is not followed by a property name`);
        }
        out += ATOM;
        i += 2 + m[0].length;
        continue;
      }
      if (n === 'x' && p[i + 2] === '{') {
        const m = /^\{([0-9a-fA-F]+)\}/.exec(p.slice(i + 2));
        if (!m) {
          throw new Error(`\\x{...} at index ${i} is not a hexadecimal code point`);
        }
        out += `\\u{${m[1]}}`;
        i += 2 + m[0].length;
        continue;
      }
      if (n === '0') {
        const m = /^[0-7]{1,3}/.exec(p.slice(i + 2));
        if (!m) {
          throw new Error(`\\0 at index ${i} is not followed by an octal digit`);
        }
        out += ATOM;
        i += 2 + m[0].length;
        continue;
      }
      if ('AzZGhHRXea'.includes(n)) {
        out += inClass ? ATOM : (n === 'A' ? '^' : 'zZ'.includes(n) ? '$' : n === 'G' ? '' : ATOM);
        i += 2;
        continue;
      }
      if (!/[A-Za-z0-9]/.test(n)) {
        out += hexEscape(n);
        i += 2;
        continue;
      }
      out += c + n;
      i += 2;
      continue;
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
      }
      out += c;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      i++;
      if (p[i] === '^') {
        out += '^';
        i++;
      }
      if (p[i] === ']') {
        // Java takes a leading ] as a literal
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(' && p[i + 1] === '?') {
      const flags = /^\(\?[idmsuxU]*(-[idmsuxU]*)?([:)])/.exec(p.slice(i));
      if (flags && flags[0] !== '(?:' && flags[0] !== '(?)') {
        out += flags[2] === ':' ? '(?:' : '';
        i += flags[0].length;
        continue;
      }
      if (p[i + 2] === '>') {
        out += '(?:';
        i += 3;
        continue;
      }
    }
    if (c === '+' && i > 0 && /[*+?}]/.test(p[i - 1]) && p[i - 2] !== '\\' && !out.endsWith('(?:')) {
      // possessive quantifier: drop the extra +
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/**
 * The problems of a MirrorMaker 2 list of patterns (`topics`, `groups` and their
 * excludes): a comma separates entries, each entry is a Java regex.
 */
export function javaRegexListProblems(list: string): string[] {
  const problems: string[] = [];
  const entries = list.split(',').map((e) => e.trim());
  entries.forEach((e, i) => {
    if (e === '') {
      problems.push(`entry ${i + 1} is empty`);
      return;
    }
    const p = javaRegexProblem(e);
    if (p) {
      problems.push(`entry "${e}" is not a valid Java regex (${p})`);
    }
  });
  return problems;
}
