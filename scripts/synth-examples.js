#!/usr/bin/env node
'use strict';
/*
 * Synthesizes every example: each examples/<name>/main.ts exporting
 * `build(app)` is run in its own Node process (ts-node, transpile only) and
 * writes its YAML to examples/<name>/dist/.
 *
 * Usage: node scripts/synth-examples.js [--out <dir>] [name ...]
 *   --out <dir>   write to <dir>/<name>/ instead of examples/<name>/dist/
 *   name ...      only these examples
 */
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const EXAMPLES = path.join(ROOT, 'examples');

function listExamples() {
  if (!fs.existsSync(EXAMPLES)) return [];
  return fs.readdirSync(EXAMPLES, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(EXAMPLES, e.name, 'main.ts')))
    .map((e) => e.name)
    .sort();
}

/**
 * Loads .ts files by transpiling them with TypeScript (no type check; the
 * tests type-check), caching the output by content under
 * node_modules/.cache/synth-examples: the generated imports/ are large and
 * would otherwise be transpiled again by every example process.
 */
function register() {
  const ts = require('typescript');
  const crypto = require('crypto');
  const cacheDir = path.join(ROOT, 'node_modules', '.cache', 'synth-examples');
  const compilerOptions = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
    experimentalDecorators: true,
    inlineSourceMap: true,
    inlineSources: true,
  };
  const salt = `${ts.version}\n${JSON.stringify(compilerOptions)}\n`;
  process.setSourceMapsEnabled?.(true);
  require.extensions['.ts'] = function loadTs(module, filename) {
    const source = fs.readFileSync(filename, 'utf8');
    const key = crypto.createHash('sha256').update(salt + filename + '\n' + source).digest('hex');
    const cached = path.join(cacheDir, `${key}.js`);
    let output;
    try {
      output = fs.readFileSync(cached, 'utf8');
    } catch {
      output = ts.transpileModule(source, { compilerOptions, fileName: filename }).outputText;
      try {
        fs.mkdirSync(cacheDir, { recursive: true });
        const tmp = `${cached}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, output);
        fs.renameSync(tmp, cached);
      } catch {
        // caching is an optimisation only
      }
    }
    module._compile(output, filename);
  };
}

// Runs in the child process: load the example, call build(app) with the chosen outdir.
const CHILD = `
require(process.env.SYNTH_EXAMPLES_SCRIPT).register();
const { App } = require('cdk8s');
const main = require(process.env.EXAMPLE_MAIN);
if (typeof main.build !== 'function') {
  console.error(process.env.EXAMPLE_MAIN + ' does not export build(app)');
  process.exit(3);
}
const app = new App({ outdir: process.env.EXAMPLE_OUT });
main.build(app);
app.synth();
`;

/** Synthesizes one example into `outdir` in a child process; resolves to { status, stdout, stderr }. */
function synthExample(name, outdir) {
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.mkdirSync(outdir, { recursive: true });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', CHILD], {
      cwd: ROOT,
      env: {
        ...process.env,
        SYNTH_EXAMPLES_SCRIPT: __filename,
        EXAMPLE_MAIN: path.join(EXAMPLES, name, 'main.ts'),
        EXAMPLE_OUT: outdir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * Synthesizes the named examples (default: all) into `out`/<name>/ (default:
 * examples/<name>/dist/), a few at a time. Returns the exit code.
 */
async function synthAll(names = [], out = undefined, log = console) {
  const all = listExamples();
  const selected = names.length ? names : all;
  for (const n of selected) {
    if (!all.includes(n)) {
      log.error(`synth-examples: no example "${n}" (examples/${n}/main.ts)`);
      return 1;
    }
  }
  if (selected.length === 0) {
    log.error('synth-examples: no examples found (examples/<name>/main.ts)');
    return 1;
  }
  const results = new Array(selected.length);
  let next = 0;
  const worker = async () => {
    while (next < selected.length) {
      const i = next++;
      const outdir = out ? path.join(out, selected[i]) : path.join(EXAMPLES, selected[i], 'dist');
      results[i] = { outdir, ...(await synthExample(selected[i], outdir)) };
    }
  };
  const parallel = Math.max(1, Math.min(4, os.cpus().length, selected.length));
  await Promise.all(Array.from({ length: parallel }, worker));
  let failed = 0;
  selected.forEach((name, i) => {
    const r = results[i];
    if (r.status !== 0) {
      failed++;
      log.error(`synth-examples: ${name}: FAILED (exit ${r.status})\n${r.stdout}${r.stderr}`);
      return;
    }
    const files = fs.readdirSync(r.outdir).filter((f) => /\.ya?ml$/.test(f)).sort();
    if (files.length === 0) {
      failed++;
      log.error(`synth-examples: ${name}: FAILED (no YAML written)`);
      return;
    }
    log.log(`synth-examples: ${name}: ${files.map((f) => path.relative(ROOT, path.join(r.outdir, f))).join(', ')}`);
  });
  return failed ? 1 : 0;
}

function parseArgs(argv) {
  let out;
  const names = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = path.resolve(argv[++i]);
    else names.push(argv[i]);
  }
  return { out, names };
}

if (require.main === module) {
  const { names, out } = parseArgs(process.argv.slice(2));
  synthAll(names, out).then((code) => { process.exitCode = code; });
}

module.exports = { listExamples, synthExample, synthAll, register };
