/*
 * docs/rules.md lists every rule ID the library uses, and every listed rule is tested.
 */
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './util';

const ID = /\bKAF-(?!TST-)[A-Z0-9]+-\d{3}\b/g;

function filesUnder(dir: string, ext: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === '__snapshots__' ? [] : filesUnder(p, ext);
    return p.endsWith(ext) ? [p] : [];
  });
}

function idsIn(files: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of files) {
    // IDs in code, not in comments (docs mention example IDs)
    const code = fs.readFileSync(f, 'utf-8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const id of code.match(ID) ?? []) {
      out.set(id, [...(out.get(id) ?? []), path.relative(REPO_ROOT, f)]);
    }
  }
  return out;
}

const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'rules.md'), 'utf-8');
const rows = doc.split('\n').filter((l) => /^\| KAF-/.test(l)).map((l) => l.split('|').map((c) => c.trim()));
const listed = new Map(rows.map((r) => [r[1], r]));
const used = idsIn(filesUnder(path.join(REPO_ROOT, 'src'), '.ts'));
const tested = idsIn(filesUnder(path.join(REPO_ROOT, 'test'), '.ts').filter((f) => !f.endsWith('rules-catalogue.test.ts')));

test('every rule ID used in src is listed in docs/rules.md', () => {
  expect([...used.keys()].filter((id) => !listed.has(id)).sort()).toEqual([]);
});

test('every rule listed in docs/rules.md is used in src, once in the table, with severity, source and what it checks', () => {
  expect([...listed.keys()].filter((id) => !used.has(id)).sort()).toEqual([]);
  expect(rows.length).toBe(listed.size);
  for (const r of rows) {
    expect(['error', 'warning']).toContain(r[2]);
    expect(r[3].length).toBeGreaterThan(0);
    expect(r[4].length).toBeGreaterThan(0);
  }
});

test('every listed rule is named by a test', () => {
  expect([...listed.keys()].filter((id) => !tested.has(id)).sort()).toEqual([]);
});

// A rule has a failing test and an edge-valid test: either one ruleCase() (test/rule-cases.ts),
// which makes both, or two tests of its own that name the ID.
const ruleCases = new Set<string>();
for (const f of filesUnder(path.join(REPO_ROOT, 'test'), '.ts')) {
  for (const m of fs.readFileSync(f, 'utf-8').matchAll(/\b(?:ruleCase|[a-z]+Case)\(\s*'(KAF-[A-Z0-9]+-\d{3})'/g)) ruleCases.add(m[1]);
}

test('every listed rule has a failing and an edge-valid test (a ruleCase, or two tests naming it)', () => {
  const single = [...listed.keys()].filter((id) => !ruleCases.has(id) && (tested.get(id)?.length ?? 0) < 2);
  expect(single.sort()).toEqual([]);
});

test('the test column of docs/rules.md names test files that exist', () => {
  const missing = rows.filter((r) => !r[5].split(/[,\s]+/).filter((t) => t.length > 0)
    .every((t) => fs.existsSync(path.join(REPO_ROOT, t.replace(/`/g, '')))));
  expect(missing.map((r) => `${r[1]}: ${r[5]}`)).toEqual([]);
});
