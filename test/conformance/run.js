#!/usr/bin/env node
'use strict';
/*
 * Conformance runner: validates every document the tests synthesized
 * (recorded by test/util.ts under .conformance-out/ or $CONFORMANCE_OUT) and
 * every YAML file in examples/<name>/dist/ against the real schemas.
 *
 * Usage: node test/conformance/run.js [--no-recorded] [--no-examples] [--tags strimzi=0.45.0] [file.yaml|dir ...]
 * Exits non-zero on any validation error, when there is no document at all,
 * or when the CRDs are missing.
 */
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const { ConformanceValidator, MissingCrdsError, REPO_ROOT } = require('./validator');

function parseArgs(argv) {
  const opts = { recorded: true, examples: true, tags: undefined, paths: [], verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-recorded') opts.recorded = false;
    else if (a === '--no-examples') opts.examples = false;
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--tags') opts.tags = argv[++i];
    else if (a === '--help' || a === '-h') {
      console.log('usage: run.js [--no-recorded] [--no-examples] [--tags project=tag,...] [--verbose] [file.yaml|dir ...]');
      process.exit(0);
    } else opts.paths.push(a);
  }
  return opts;
}

function yamlFilesIn(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...yamlFilesIn(p));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

function loadYamlDocs(file) {
  return YAML.parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => {
    if (d.errors.length) throw new Error(`${file}: YAML error: ${d.errors[0].message}`);
    return d.toJS();
  }).filter((d) => d !== null && d !== undefined);
}

/** Every source of documents: { source, docs }. */
function collectSources(opts) {
  const sources = [];
  if (opts.recorded) {
    const dir = process.env.CONFORMANCE_OUT ?? path.join(REPO_ROOT, '.conformance-out');
    if (fs.existsSync(dir)) {
      for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
        const rec = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
        sources.push({ source: `test ${rec.source}`, docs: rec.docs ?? [] });
      }
    }
  }
  if (opts.examples) {
    const ex = path.join(REPO_ROOT, 'examples');
    if (fs.existsSync(ex)) {
      for (const name of fs.readdirSync(ex).sort()) {
        for (const f of yamlFilesIn(path.join(ex, name, 'dist'))) {
          sources.push({ source: path.relative(REPO_ROOT, f), docs: loadYamlDocs(f) });
        }
      }
    }
  }
  for (const p of opts.paths) {
    const files = fs.existsSync(p) && fs.statSync(p).isDirectory() ? yamlFilesIn(p) : [p];
    for (const f of files) sources.push({ source: f, docs: loadYamlDocs(f) });
  }
  return sources;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  let validator;
  try {
    const tags = {};
    for (const part of (opts.tags ?? '').split(',').filter(Boolean)) {
      const [k, v] = part.split('=');
      tags[k] = v;
    }
    validator = new ConformanceValidator({ tags });
  } catch (e) {
    if (e instanceof MissingCrdsError) {
      console.error(`conformance: FAILED\n${e.message}`);
      return 2;
    }
    throw e;
  }

  const sources = collectSources(opts);
  const perKind = new Map();
  const failures = [];
  let total = 0;
  for (const { source, docs } of sources) {
    for (const doc of docs) {
      total++;
      const kindKey = `${doc?.apiVersion ?? '?'} ${doc?.kind ?? '?'}`;
      perKind.set(kindKey, (perKind.get(kindKey) ?? 0) + 1);
      const errors = validator.validate(doc);
      if (errors.length) failures.push({ source, doc, errors });
    }
  }

  console.log(`conformance: CRDs from ${validator.crdsDir} (${validator.crdCount} CRDs${Object.keys(validator.tags).length ? `, pinned ${JSON.stringify(validator.tags)}` : ''})`);
  console.log(`conformance: ${total} documents from ${sources.length} sources`);
  for (const [k, n] of [...perKind.entries()].sort()) console.log(`  ${String(n).padStart(5)}  ${k}`);

  const celSummary = validator.celSummary();
  // Every CEL rule of a validated kind is listed: evaluated (and how often), never reached
  // (no document has the field it sits on), or not evaluated (with the reason).
  console.log(`conformance: CEL rules evaluated: ${celSummary.evaluated.length}`);
  for (const e of celSummary.evaluated) console.log(`  ${e.kind} ${e.path}: ${e.rule} (${e.evaluations} evaluations, ${e.failures} failed)`);
  if (celSummary.notReached.length) {
    console.log(`conformance: CEL rules of validated kinds not reached by any document: ${celSummary.notReached.length}`);
    for (const e of celSummary.notReached) console.log(`  ${e.kind} ${e.path}: ${e.rule}`);
  }
  if (celSummary.notEvaluated.length) {
    console.log(`conformance: CEL rules NOT evaluated (not checked): ${celSummary.notEvaluated.length}`);
    for (const e of celSummary.notEvaluated) console.log(`  ${e.kind} ${e.path}: ${e.rule}\n      reason: ${e.notEvaluated}`);
  }

  if (failures.length) {
    console.error(`\nconformance: FAILED: ${failures.length} invalid documents`);
    for (const f of failures) {
      console.error(`- ${f.source}: ${f.doc?.kind ?? '?'} ${f.doc?.metadata?.name ?? '?'}`);
      for (const e of f.errors) console.error(`    ${e}`);
    }
    return 1;
  }
  if (total === 0) {
    console.error('conformance: FAILED: no documents to validate (run the tests or `npm run examples` first)');
    return 1;
  }
  console.log('conformance: OK');
  return 0;
}

if (require.main === module) {
  process.exitCode = main();
}

module.exports = { main, collectSources };
