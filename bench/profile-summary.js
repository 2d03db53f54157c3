#!/usr/bin/env node
/*
 * Summarizes a V8 .cpuprofile (from `node --cpu-prof`): self time by function
 * and by source file, largest first.
 *
 *   node bench/profile-summary.js <file.cpuprofile> [top=25]
 */
'use strict';
const fs = require('fs');
const path = require('path');

function summarize(file, top) {
  const prof = JSON.parse(fs.readFileSync(file, 'utf-8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < prof.samples.length; i++) {
    const id = prof.samples[i];
    self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map();
  const byFile = new Map();
  for (const [id, us] of self) {
    const cf = byId.get(id).callFrame;
    const where = cf.url ? shorten(cf.url) : '(native)';
    const fn = `${cf.functionName || '(anonymous)'}  ${where}${cf.url ? `:${cf.lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    byFile.set(where, (byFile.get(where) ?? 0) + us);
  }
  // Tree walks (constructs' findAll) by the function that asked for them: the
  // usual sign of a validation that scans the whole app for every construct.
  const parent = new Map();
  for (const n of prof.nodes) {
    for (const c of n.children ?? []) {
      parent.set(c, n.id);
    }
  }
  const label = (n) => `${n.callFrame.functionName || '(anonymous)'}  ${n.callFrame.url ? `${shorten(n.callFrame.url)}:${n.callFrame.lineNumber + 1}` : '(native)'}`;
  const walksBy = new Map();
  for (const [id, us] of self) {
    let cur = id;
    while (cur !== undefined) {
      const n = byId.get(cur);
      if (n.callFrame.functionName === 'findAll' && n.callFrame.url.includes('constructs')) {
        const caller = byId.get(parent.get(cur));
        const k = caller ? label(caller) : '(root)';
        walksBy.set(k, (walksBy.get(k) ?? 0) + us);
        break;
      }
      cur = parent.get(cur);
    }
  }
  const rows = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([k, us]) => `| ${(us / 1000).toFixed(0)} | ${((us / total) * 100).toFixed(1)}% | \`${k}\` |`);
  return [
    `Total sampled: ${(total / 1000).toFixed(0)} ms`,
    '',
    '| self ms | share | function |',
    '|---:|---:|---|',
    ...rows(byFunction),
    '',
    '| self ms | share | file |',
    '|---:|---:|---|',
    ...rows(byFile).slice(0, 12),
    '',
    '| self ms in findAll | share | called by |',
    '|---:|---:|---|',
    ...rows(walksBy).slice(0, 12),
    '',
  ].join('\n');
}

/** Paths relative to the repository (node_modules/..., .bench-out/build/src/...). */
function shorten(url) {
  const p = url.replace(/^file:\/\//, '');
  const root = path.resolve(__dirname, '..');
  return p.startsWith(root) ? path.relative(root, p) : p;
}

const [file, top] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: profile-summary.js <file.cpuprofile> [top]\n');
  process.exit(2);
}
process.stdout.write(summarize(file, Number(top ?? 25)) + '\n');
