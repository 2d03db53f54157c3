/*
 * Determinism: every example, synthesized twice in separate Node processes
 * (the mechanism `npm run examples` uses), yields byte-identical YAML.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from './util';

const SCRIPT = path.join(REPO_ROOT, 'scripts', 'synth-examples.js');

function examples(): string[] {
  const dir = path.join(REPO_ROOT, 'examples');
  return fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, 'main.ts'))).sort();
}

function synthAllInto(out: string): void {
  const r = spawnSync(process.execPath, [SCRIPT, '--out', out], { cwd: REPO_ROOT, encoding: 'utf8' });
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

test('every example synthesizes to byte-identical YAML in two separate processes', () => {
  // GIVEN every example in the repository
  const names = examples();
  expect(names).toContain('hello');
  const first = fs.mkdtempSync(path.join(os.tmpdir(), 'determinism-a-'));
  const second = fs.mkdtempSync(path.join(os.tmpdir(), 'determinism-b-'));
  try {
    // WHEN each is synthesized twice, each time in a fresh Node process
    synthAllInto(first);
    synthAllInto(second);

    // THEN both runs wrote the same files with the same bytes
    const files = filesUnder(first);
    expect(files).toEqual(filesUnder(second));
    for (const name of names) {
      expect(files.some((f) => f.startsWith(`${name}${path.sep}`) && /\.ya?ml$/.test(f))).toBe(true);
    }
    const differing = files.filter((f) => !fs.readFileSync(path.join(first, f)).equals(fs.readFileSync(path.join(second, f))));
    expect(differing).toEqual([]);
  } finally {
    fs.rmSync(first, { recursive: true, force: true });
    fs.rmSync(second, { recursive: true, force: true });
  }
}, 600_000);
