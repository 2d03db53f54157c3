/*
 * Architecture rules of src/, checked on the source:
 * - no runtime import cycle between files (imports only used as types are erased by
 *   the compiler and do not count),
 * - only the renderers (src/strimzi/render/**) import the generated Strimzi classes,
 * - no file above about 500 lines.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..');
const SRC = path.join(ROOT, 'src');

/**
 * Runtime cycles allowed, each as its files (relative to src/, sorted). None remain; keep it so.
 */
const KNOWN_CYCLES: string[][] = [
];

/** Files outside src/strimzi/render/ allowed to import the generated Strimzi classes: none. */
const KNOWN_GENERATED_CLASS_IMPORTERS: string[] = [];

/** Files allowed above the size limit: none. */
const KNOWN_LARGE_FILES: { [file: string]: number } = {};
const MAX_LINES = 500;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const files = sourceFiles(SRC);
const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Every module a source file names in an import or export, type-only ones included. */
function declaredImports(file: string): string[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const specs: string[] = [];
  for (const stmt of sf.statements) {
    if ((ts.isImportDeclaration(stmt) || ts.isExportDeclaration(stmt)) && stmt.moduleSpecifier && ts.isStringLiteral(stmt.moduleSpecifier)) {
      specs.push(stmt.moduleSpecifier.text);
    }
  }
  return specs;
}

/** The modules a source file requires at run time: what is left after the compiler erases type-only imports. */
function runtimeImports(file: string): string[] {
  const out = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    fileName: file,
  }).outputText;
  return [...out.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
}

/** Strongly connected components of more than one file (or a file requiring itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, idx.get(w)!));
      }
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) {
        result.push(scc.sort());
      }
    }
  };
  for (const v of graph.keys()) {
    if (!idx.has(v)) visit(v);
  }
  return result.sort((a, b) => a[0].localeCompare(b[0]));
}

describe('architecture', () => {
  test('no runtime import cycle between source files (type-only imports aside)', () => {
    const graph = new Map<string, string[]>();
    for (const f of files) {
      graph.set(rel(f), runtimeImports(f).map((s) => resolveLocal(f, s)).filter((x): x is string => x !== undefined).map(rel));
    }
    // The graph is the real one: the cluster requires its node pools, and a type-only import is not an edge.
    expect(graph.get('strimzi/cluster.ts')).toContain('strimzi/node-pool.ts');
    expect(graph.get('strimzi/model/kafka.ts')).toEqual([]);
    const found = cycles(graph);
    const known = KNOWN_CYCLES.map((c) => [...c].sort().join(' -> '));
    const unexpected = found.map((c) => c.join(' -> ')).filter((c) => !known.includes(c));
    expect(unexpected).toEqual([]);
  });

  test('the cycle detector finds a cycle', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
    expect(cycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  test('only the renderers import the generated Strimzi classes', () => {
    const importers = files.filter((f) => declaredImports(f).some((s) => /imports\/kafka\.strimzi\.io$/.test(s))).map(rel);
    expect(importers.filter((f) => !f.startsWith('strimzi/render/') && !KNOWN_GENERATED_CLASS_IMPORTERS.includes(f))).toEqual([]);
    expect(importers.length).toBeGreaterThan(0);
  });

  test(`no source file above ${MAX_LINES} lines`, () => {
    const tooLong: string[] = [];
    for (const f of files) {
      const lines = fs.readFileSync(f, 'utf8').split('\n').length - 1;
      const allowed = KNOWN_LARGE_FILES[rel(f)] ?? MAX_LINES;
      if (lines > allowed) {
        tooLong.push(`${rel(f)}: ${lines} lines (at most ${allowed})`);
      }
    }
    expect(tooLong).toEqual([]);
  });
});
