#!/usr/bin/env node
'use strict';
/*
 * Generates the Kafka configuration tables the library checks configs against,
 * from Kafka's own ConfigDef dump (kafka-config-definitions.json) and the
 * 4.x changes listed with it (kafka-config-notes.md, section 8).
 *
 * Usage: node scripts/gen-kafka-config.js [--scope topic|broker|all] [--check]
 *   --scope  which table(s) to write (default: topic; broker is written by the
 *            same code into src/strimzi/generated/broker-config-defs.ts)
 *   --check  do not write; exit 1 when a committed file differs from what the
 *            data generates (for CI)
 *
 * The data is read from $KAFKA_CONFIG_REFERENCE, else ../shared/reference
 * relative to the repository root. The generated files are committed, so
 * building the library does not need the data.
 */
const fs = require('fs');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..');
const REFERENCE_DIR = process.env.KAFKA_CONFIG_REFERENCE ?? path.resolve(REPO_ROOT, '..', 'shared', 'reference');
const OUT_DIR = path.join(REPO_ROOT, 'src', 'strimzi', 'generated');

function parseArgs(argv) {
  const opts = { scope: 'topic', check: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--scope') opts.scope = argv[++i];
    else if (argv[i] === '--check') opts.check = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!['topic', 'broker', 'all'].includes(opts.scope)) {
    throw new Error(`--scope must be topic, broker or all, not ${opts.scope}`);
  }
  return opts;
}

function loadData() {
  const file = path.join(REFERENCE_DIR, 'kafka-config-definitions.json');
  if (!fs.existsSync(file)) {
    throw new Error(`${file} not found; set KAFKA_CONFIG_REFERENCE to the folder holding kafka-config-definitions.json`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The Kafka release of a laterChanges entry ("4.0 (from the PR date...)" -> "4.0"), or undefined. */
function releaseOf(version) {
  const m = /^(\d+\.\d+)/.exec(version ?? '');
  return m ? m[1] : undefined;
}

/**
 * Bound changes that the notes state in a form a program can apply: "minimum
 * raised from X to N" and "new lower bound of N". Everything else in
 * laterChanges is advice (defaults, deprecations) and is carried as text.
 */
function boundChanges(entry) {
  const out = [];
  for (const ch of entry.laterChanges ?? []) {
    const since = releaseOf(ch.version);
    if (!since) continue;
    const raised = /minimum raised from \S+(?: bytes)? to (\d+)/.exec(ch.change);
    const lower = /new lower bound of (\d+)/.exec(ch.change);
    const minOne = /-1 no longer valid, minimum (\d+)/.exec(ch.change);
    const m = raised ?? lower ?? minOne;
    if (m) out.push({ since, min: Number(m[1]) });
  }
  return out;
}

/** A default as the table keeps it: numbers as numbers when exact, else strings. */
function plainDefault(v) {
  if (v === null || v === undefined) return undefined;
  return v;
}

/** One table entry (only what the checks use, in a stable key order). */
function entryOf(def, removed, noOp) {
  const e = { type: def.type };
  if (def.validator) {
    const v = { ...def.validator };
    delete v.note;
    e.validator = v;
  }
  if (def.validatorText) e.validatorText = def.validatorText;
  if (def.unit) e.unit = def.unit;
  const d = plainDefault(def.default);
  if (d !== undefined) e.default = d;
  const bounds = boundChanges(def);
  if (bounds.length > 0) e.bounds = bounds;
  if (removed) e.removedIn = '4.0';
  if (removed?.replacement) e.replacement = removed.replacement;
  if (noOp) e.noOpIn = '4.0';
  if (def.deprecated) e.deprecated = true;
  const syn = Array.isArray(def.synonyms) ? def.synonyms : def.synonyms?.brokerSynonyms;
  if (syn && syn.length > 0) e.brokerSynonyms = syn.map((s) => s.name);
  if (def.dynamic) e.dynamic = def.dynamic;
  if (def.internal) e.internal = true;
  return e;
}

function table(data, scope) {
  const removed = new Map(data.removedIn4.filter((r) => r.scope === scope).map((r) => [r.name, r]));
  const noOp = new Map(data.noOpIn4.filter((r) => r.scope === scope).map((r) => [r.name, r]));
  const defs = [...data[scope]].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out = {};
  for (const def of defs) {
    out[def.name] = entryOf(def, removed.get(def.name), noOp.get(def.name));
  }
  return out;
}

/** Relations that involve at least one key of the scope, for the table's documentation. */
function relationsOf(data, scope, names) {
  return data.relations
    .filter((r) => r.keys.some((k) => names.has(k)) && (scope === 'broker' || /topic/.test(r.when)))
    .map((r) => ({ id: r.id, keys: r.keys, when: r.when }));
}

function render(data, scope) {
  const t = table(data, scope);
  const names = new Set(Object.keys(t));
  const constName = scope === 'topic' ? 'TOPIC_CONFIG_DEFS' : 'BROKER_CONFIG_DEFS';
  const relName = scope === 'topic' ? 'TOPIC_CONFIG_RELATIONS' : 'BROKER_CONFIG_RELATIONS';
  const src = data.source;
  const lines = [
    '// ~~ Generated by scripts/gen-kafka-config.js. Do not edit; run `node scripts/gen-kafka-config.js` instead.',
    `// Source: ${src.repo}@${src.commit} (${src.date.slice(0, 10)}), ${scope} ConfigDef, with the Kafka 4.0-4.3 changes`,
    '// of kafka-config-notes.md (removed keys, no-op keys, raised bounds).',
    '/* eslint-disable */',
    "import type { KafkaConfigDef, KafkaConfigRelation } from '../kafka-config-def';",
    '',
    `/** Kafka's ${scope} configuration keys (${names.size}), by name. */`,
    `export const ${constName}: { readonly [name: string]: KafkaConfigDef } = ${JSON.stringify(t, undefined, 2)};`,
    '',
    `/** Cross-key rules involving ${scope} keys (checked by hand-written code, listed for reference). */`,
    `export const ${relName}: readonly KafkaConfigRelation[] = ${JSON.stringify(relationsOf(data, scope, names), undefined, 2)};`,
    '',
  ];
  return lines.join('\n');
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const data = loadData();
  const scopes = opts.scope === 'all' ? ['topic', 'broker'] : [opts.scope];
  let stale = false;
  for (const scope of scopes) {
    const file = path.join(OUT_DIR, `${scope}-config-defs.ts`);
    const text = render(data, scope);
    if (opts.check) {
      const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      if (current !== text) {
        console.error(`${path.relative(REPO_ROOT, file)} is out of date; run node scripts/gen-kafka-config.js --scope ${scope}`);
        stale = true;
      }
    } else {
      fs.mkdirSync(OUT_DIR, { recursive: true });
      fs.writeFileSync(file, text);
      console.log(`wrote ${path.relative(REPO_ROOT, file)} (${Object.keys(table(data, scope)).length} keys)`);
    }
  }
  process.exit(stale ? 1 : 0);
}

if (require.main === module) {
  main();
}

module.exports = { render, table, boundChanges };
