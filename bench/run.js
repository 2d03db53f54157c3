#!/usr/bin/env node
/*
 * Fleet-scale synthesis benchmark: the library against a plain cdk8s baseline.
 *
 *   npm run bench                 full run (1x, 4x, 16x; 5 runs each; both layouts)
 *   npm run bench -- --quick      short run (1x and 4x, 3 runs, FleetApp only)
 *   options: --runs N  --scales 1,4,16  --layouts chart-per-cluster,single-chart
 *            --apps app,fleet  --profile  --no-check  --worktree (measure the
 *            uncommitted src/ instead of HEAD's)  --limit SECONDS (per library
 *            run, default 90; slower cells are marked and not repeated)
 *
 * Each measurement is a fresh `node` process (bench/child.ts), so peak memory
 * is per run. The baseline rebuilds the library's own output (same documents,
 * same charts) as plain ApiObjects. Results: .bench-out/results.{json,md};
 * write-up: docs/benchmarks.md. Nothing here is part of `npm test`.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, '.bench-out');
const BUILD = path.join(OUT, 'build');

function parseArgs(argv) {
  const get = (name) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes('--quick');
  const list = (v, d) => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : d);
  return {
    quick,
    runs: Number(get('runs') ?? (quick ? 3 : 5)),
    scales: list(get('scales'), quick ? ['1', '4'] : ['1', '4', '16']).map(Number),
    layouts: list(get('layouts'), ['chart-per-cluster', 'single-chart']),
    apps: list(get('apps'), quick ? ['fleet'] : ['app', 'fleet']),
    profile: argv.includes('--profile'),
    check: !argv.includes('--no-check'),
    worktree: argv.includes('--worktree'),
    limitMs: Number(get('limit') ?? 90) * 1000,
  };
}

// ---------------------------------------------------------------------------
// Build: transpile src/, imports/ and bench/*.ts to plain JS once, so the
// measured processes load no TypeScript compiler (its memory would blur the
// comparison).

function listTs(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      out.push(...listTs(p));
    } else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !e.name.endsWith('.test.ts')) {
      out.push(p);
    }
  }
  return out;
}

/**
 * The sources to measure: src/ and imports/ as committed at HEAD (so files
 * being edited in the working tree cannot break a run), or the working tree
 * with --worktree; bench/ always from the working tree.
 * Returns [{ rel, text, version }].
 */
function sources(worktree) {
  const out = [];
  const fromDisk = (dir) => {
    for (const file of listTs(path.join(ROOT, dir))) {
      const rel = path.relative(ROOT, file);
      out.push({ rel, version: String(fs.statSync(file).mtimeMs), text: () => fs.readFileSync(file, 'utf-8') });
    }
  };
  if (worktree) {
    fromDisk('src');
    fromDisk('imports');
  } else {
    const listing = execFileSync('git', ['ls-tree', '-r', 'HEAD', '--', 'src', 'imports'], { cwd: ROOT, encoding: 'utf-8' });
    for (const line of listing.trim().split('\n')) {
      const [meta, rel] = line.split('\t');
      const sha = meta.split(' ')[2];
      if (rel.endsWith('.ts') && !rel.endsWith('.d.ts') && !rel.endsWith('.test.ts')) {
        out.push({ rel, version: sha, text: () => execFileSync('git', ['cat-file', 'blob', sha], { cwd: ROOT, encoding: 'utf-8', maxBuffer: 64 * 2 ** 20 }) });
      }
    }
  }
  fromDisk('bench');
  return out;
}

function build(worktree) {
  const ts = require('typescript');
  const stampFile = path.join(BUILD, '.versions.json');
  const stamps = fs.existsSync(stampFile) ? JSON.parse(fs.readFileSync(stampFile, 'utf-8')) : {};
  const next = {};
  let compiled = 0;
  for (const src of sources(worktree)) {
    const target = path.join(BUILD, src.rel.replace(/\.ts$/, '.js'));
    next[src.rel] = src.version;
    if (stamps[src.rel] === src.version && fs.existsSync(target)) {
      continue;
    }
    const result = ts.transpileModule(src.text(), {
      fileName: src.rel,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        experimentalDecorators: true,
      },
    });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, result.outputText);
    compiled++;
  }
  // Drop files that no longer exist in the measured tree.
  for (const rel of Object.keys(stamps)) {
    if (!(rel in next)) {
      fs.rmSync(path.join(BUILD, rel.replace(/\.ts$/, '.js')), { force: true });
    }
  }
  fs.mkdirSync(BUILD, { recursive: true });
  fs.writeFileSync(stampFile, JSON.stringify(next));
  // Node resolves cdk8s, cdk8s-plus and constructs from the repository's node_modules.
  return compiled;
}

function measuredCommit(worktree) {
  const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf-8' }).trim();
  return worktree ? `working tree on ${head}` : `commit ${head}`;
}

// ---------------------------------------------------------------------------
// Children

function child(args, nodeArgs = [], timeoutMs = 0) {
  const stdout = execFileSync(process.execPath, [...nodeArgs, path.join(BUILD, 'bench', 'child.js'), ...args], {
    cwd: ROOT,
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    encoding: 'utf-8',
    maxBuffer: 64 * 2 ** 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

function manifestsFile(scale, layout) {
  return path.join(OUT, `manifests-${layout}-${scale}x.json`);
}

function outDir(tag) {
  return path.join(OUT, 'out', `${tag}-${process.pid}`);
}

/** Reads every file under a directory into { relativePath: content }. */
function readTree(dir) {
  const files = {};
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        walk(p);
      } else {
        files[path.relative(dir, p)] = fs.readFileSync(p, 'utf-8');
      }
    }
  };
  walk(dir);
  return files;
}

/** A value with its object keys sorted, so documents compare regardless of key order. */
function canonical(v) {
  if (Array.isArray(v)) {
    return v.map(canonical);
  }
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])]));
  }
  return v;
}

/**
 * Compares two output directories: the same files, and in each the same
 * documents in the same order. With `exact`, byte for byte; otherwise key
 * order inside a document may differ (the generated Strimzi classes emit
 * their schema's key order, plain ApiObjects sort keys).
 */
function sameTree(a, b, exact) {
  const YAML = require('yaml');
  const ta = readTree(a);
  const tb = readTree(b);
  const ka = Object.keys(ta).sort();
  const kb = Object.keys(tb).sort();
  if (ka.join('\n') !== kb.join('\n')) {
    return `different files: ${ka.join(', ')} vs ${kb.join(', ')}`;
  }
  for (const k of ka) {
    if (exact) {
      if (ta[k] !== tb[k]) {
        return `${k} differs`;
      }
      continue;
    }
    const da = YAML.parseAllDocuments(ta[k]).map((d) => JSON.stringify(canonical(d.toJSON())));
    const db = YAML.parseAllDocuments(tb[k]).map((d) => JSON.stringify(canonical(d.toJSON())));
    if (da.length !== db.length) {
      return `${k}: ${da.length} vs ${db.length} documents`;
    }
    const i = da.findIndex((d, j) => d !== db[j]);
    if (i >= 0) {
      return `${k}: document ${i} differs:\n${da[i]}\n${db[i]}`;
    }
  }
  return undefined;
}

/**
 * Synthesizes the library fleet once (not measured), dumps its documents for
 * the baseline and checks that the baseline writes byte-identical files, and
 * (at the smallest scale) that FleetApp writes what App writes.
 */
function prepare(scale, layout, opts, smallest) {
  const common = ['--scale', String(scale), '--layout', layout];
  const libOut = outDir(`prep-lib-${layout}-${scale}`);
  const lib = child(['--variant', 'library', '--app', 'fleet', '--out', libOut, '--keep', '--dump', manifestsFile(scale, layout), ...common]);
  const checks = [];
  if (opts.check) {
    const baseOut = outDir(`prep-base-${layout}-${scale}`);
    child(['--variant', 'baseline', '--app', 'fleet', '--out', baseOut, '--keep', '--manifests', manifestsFile(scale, layout), ...common]);
    const diff = sameTree(libOut, baseOut, false);
    if (diff) {
      throw new Error(`baseline output differs from the library output at ${scale}x ${layout}: ${diff}`);
    }
    checks.push('baseline writes the same documents as the library (key order aside)');
    fs.rmSync(baseOut, { recursive: true, force: true });
    if (smallest) {
      const appOut = outDir(`prep-app-${layout}-${scale}`);
      child(['--variant', 'library', '--app', 'app', '--out', appOut, '--keep', ...common]);
      const d2 = sameTree(libOut, appOut, true);
      if (d2) {
        throw new Error(`FleetApp output differs from App output at ${scale}x ${layout}: ${d2}`);
      }
      checks.push('FleetApp writes byte-identical files to App');
      fs.rmSync(appOut, { recursive: true, force: true });
    }
  }
  fs.rmSync(libOut, { recursive: true, force: true });
  return { families: lib.families, documents: lib.documents, charts: lib.charts, checks, sample: lib };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Median of `runs` library and baseline runs. A library run longer than the
 * time limit is stopped; the cell then keeps what it has (the untimed
 * preparation run counts as a sample of FleetApp) and is marked.
 */
function measure(scale, layout, app, opts, prep, skipLibrary) {
  const common = ['--scale', String(scale), '--layout', layout, '--app', app];
  const lib = [];
  const base = [];
  let libraryNote = skipLibrary;
  if (!libraryNote && app === 'fleet' && prep.sample.totalMs > opts.limitMs) {
    lib.push(prep.sample);
    libraryNote = `one run (${sec(prep.sample.totalMs)} s, over the ${sec(opts.limitMs)} s limit)`;
  }
  for (let i = 0; i < opts.runs; i++) {
    // Interleaved, so drift on the machine hits both alike.
    if (!libraryNote) {
      try {
        lib.push(child(['--variant', 'library', '--out', outDir(`lib-${layout}-${scale}`), ...common], [], opts.limitMs));
      } catch (e) {
        if (e.signal !== 'SIGKILL') {
          throw e;
        }
        libraryNote = `stopped after ${sec(opts.limitMs)} s`;
      }
    }
    base.push(child(['--variant', 'baseline', '--out', outDir(`base-${layout}-${scale}`), '--manifests', manifestsFile(scale, layout), ...common]));
  }
  const sum = (rs) => rs.length === 0 ? undefined : {
    totalMs: median(rs.map((r) => r.totalMs)),
    buildMs: median(rs.map((r) => r.buildMs)),
    synthMs: median(rs.map((r) => r.synthMs)),
    maxRssMb: median(rs.map((r) => r.maxRssMb)),
    heapUsedMb: median(rs.map((r) => r.heapUsedMb)),
    documents: rs[0].documents,
    charts: rs[0].charts,
    samples: rs.map((r) => Math.round(r.totalMs)),
  };
  return { scale, layout, app, runs: opts.runs, library: sum(lib), libraryNote, baseline: sum(base) };
}

// ---------------------------------------------------------------------------
// Report

const sec = (ms) => (ms / 1000).toFixed(2);

function table(results, layout, app) {
  const rows = results.filter((r) => r.layout === layout && r.app === app).sort((a, b) => a.scale - b.scale);
  if (rows.length === 0) {
    return '';
  }
  const title = `${layout}, ${app === 'fleet' ? 'FleetApp.synth()' : 'App.synth()'}`;
  const lines = [
    `#### ${title}`,
    '',
    '| size | documents | charts | library s (build + synth) | baseline s (build + synth) | ratio | library growth | baseline growth | library peak RSS MB | baseline peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  let prev;
  const growth = (now, before) => (now !== undefined && before !== undefined ? `x${(now / before).toFixed(1)}` : '-');
  for (const r of rows) {
    const L = r.library;
    const B = r.baseline;
    const lib = L ? `${sec(L.totalMs)} (${sec(L.buildMs)} + ${sec(L.synthMs)})${r.libraryNote ? ` [${r.libraryNote}]` : ''}` : `not measured [${r.libraryNote}]`;
    const ratio = L ? (L.totalMs / B.totalMs).toFixed(2) : '-';
    lines.push(`| ${r.scale}x | ${B.documents} | ${B.charts} | ${lib} | ${sec(B.totalMs)} (${sec(B.buildMs)} + ${sec(B.synthMs)}) | ${ratio} | ${growth(L?.totalMs, prev?.library?.totalMs)} | ${growth(B.totalMs, prev?.baseline.totalMs)} | ${L ? Math.round(L.maxRssMb) : '-'} | ${Math.round(B.maxRssMb)} |`);
    prev = r;
  }
  return lines.join('\n') + '\n';
}

function hardware() {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
}

function profile(scale, layout, app) {
  const dir = path.join(OUT, 'prof');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  child(['--variant', 'library', '--scale', String(scale), '--layout', layout, '--app', app, '--out', outDir('prof')], ['--cpu-prof', '--cpu-prof-dir', dir]);
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const summary = execFileSync(process.execPath, [path.join(__dirname, 'profile-summary.js'), path.join(dir, file), '30'], { encoding: 'utf-8' });
  return `CPU profile of the library at ${scale}x, ${layout}, ${app} (${path.relative(ROOT, path.join(dir, file))}):\n\n${summary}`;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const compiled = build(opts.worktree);
  const measured = measuredCommit(opts.worktree);
  process.stderr.write(`bench: measuring src/ of ${measured}; transpiled ${compiled} changed file(s) to ${path.relative(ROOT, BUILD)}\n`);
  process.stderr.write(`bench: ${hardware()}\n`);

  const prep = {};
  const results = [];
  const tooSlow = {};
  const smallest = Math.min(...opts.scales);
  for (const layout of opts.layouts) {
    for (const scale of opts.scales) {
      prep[`${layout}-${scale}`] = prepare(scale, layout, opts, scale === smallest);
      const p = prep[`${layout}-${scale}`];
      process.stderr.write(`bench: ${layout} ${scale}x: ${p.documents} documents in ${p.charts} chart(s); ${p.checks.join('; ') || 'no checks'}\n`);
      for (const app of opts.apps) {
        const key = `${layout}-${app}`;
        const r = measure(scale, layout, app, opts, p, tooSlow[key]);
        if (r.libraryNote) {
          tooSlow[key] = `${scale}x was over the limit`;
        }
        results.push(r);
        const L = r.library;
        process.stderr.write(`bench:   ${app}: library ${L ? sec(L.totalMs) : '-'} s${r.libraryNote ? ` (${r.libraryNote})` : ''}, baseline ${sec(r.baseline.totalMs)} s, ratio ${L ? (L.totalMs / r.baseline.totalMs).toFixed(2) : '-'}, peak RSS ${L ? Math.round(L.maxRssMb) : '-'} / ${Math.round(r.baseline.maxRssMb)} MB\n`);
      }
    }
  }

  const first = Object.values(prep)[0];
  const md = [
    `Measured: src/ of ${measured}.`,
    `Hardware: ${hardware()}`,
    '',
    `Runs: median of ${opts.runs} fresh processes per cell; sizes ${opts.scales.map((s) => `${s}x`).join(', ')}.`,
    `Construct families in the fleet: ${first.families.join(', ')}.`,
    `Checks: ${[...new Set(Object.values(prep).flatMap((p) => p.checks))].join('; ') || 'skipped'}.`,
    '',
    ...opts.layouts.flatMap((l) => opts.apps.map((a) => table(results, l, a))),
  ];
  if (opts.profile) {
    const largest = Math.max(...opts.scales);
    md.push(profile(largest, 'single-chart', 'fleet'));
  }
  md.push(`Total bench time: ${sec(Date.now() - started)} s.`);
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify({ hardware: hardware(), opts, prep, results }, undefined, 2));
  fs.writeFileSync(path.join(OUT, 'results.md'), md.join('\n') + '\n');
  fs.rmSync(path.join(OUT, 'out'), { recursive: true, force: true });
  process.stdout.write(md.join('\n') + '\n');
}

main();
