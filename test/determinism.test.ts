/*
 * Determinism: every example, synthesized twice in separate Node processes
 * (the mechanism `npm run examples` uses), with a different time zone and
 * locale, yields byte-identical YAML, and all of it passes the conformance check.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { ConformanceValidator } from './conformance/validator';
import { REPO_ROOT } from './util';

const SCRIPT = path.join(REPO_ROOT, 'scripts', 'synth-examples.js');

function examples(): string[] {
  const dir = path.join(REPO_ROOT, 'examples');
  return fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, 'main.ts'))).sort();
}

function synthAllInto(out: string, env: Record<string, string> = {}): void {
  const r = spawnSync(process.execPath, [SCRIPT, '--out', out], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    throw new Error(`synth-examples failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  }
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

test('every example synthesizes to byte-identical, conformant YAML in two separate processes', () => {
  // GIVEN every example in the repository
  const names = examples();
  expect(names).toContain('hello');
  const first = fs.mkdtempSync(path.join(os.tmpdir(), 'determinism-a-'));
  const second = fs.mkdtempSync(path.join(os.tmpdir(), 'determinism-b-'));
  try {
    // WHEN each is synthesized twice, each time in a fresh Node process, the second
    // with another time zone and locale (output must not depend on the machine)
    synthAllInto(first, { TZ: 'UTC', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' });
    synthAllInto(second, { TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' });

    // THEN both runs wrote the same files with the same bytes
    const files = filesUnder(first);
    expect(files).toEqual(filesUnder(second));
    for (const name of names) {
      expect(files.some((f) => f.startsWith(`${name}${path.sep}`) && /\.ya?ml$/.test(f))).toBe(true);
    }
    const differing = files.filter((f) => !fs.readFileSync(path.join(first, f)).equals(fs.readFileSync(path.join(second, f))));
    expect(differing).toEqual([]);

    // AND every document of every example passes the conformance check, whether or not
    // `npm run examples` wrote examples/*/dist before the conformance runner
    const validator = new ConformanceValidator();
    const invalid: string[] = [];
    let count = 0;
    for (const f of files.filter((x) => /\.ya?ml$/.test(x))) {
      for (const doc of YAML.parseAllDocuments(fs.readFileSync(path.join(first, f), 'utf8')).map((d) => d.toJS())) {
        if (doc === null || doc === undefined) continue;
        count++;
        for (const e of validator.validate(doc)) invalid.push(`${f}: ${doc.kind} ${doc.metadata?.name}: ${e}`);
      }
    }
    expect(count).toBeGreaterThanOrEqual(names.length);
    expect(invalid).toEqual([]);
  } finally {
    fs.rmSync(first, { recursive: true, force: true });
    fs.rmSync(second, { recursive: true, force: true });
  }
}, 600_000);
