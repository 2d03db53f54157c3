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

/**
 * Broker keys Kafka 3.x defined that the 4.0-era dump no longer has (it was taken after
 * their removal from trunk), so the data's removedIn4 list cannot name them. Each names
 * the document that says so; a key that is merely unknown to Kafka 4 is ignored by it.
 */
const REMOVED_BROKER_KEYS_NOT_IN_DATA = [
  { name: 'auto.include.jmx.reporter', replacement: 'metric.reporters (its default now includes org.apache.kafka.common.metrics.JmxReporter)',
    source: 'Kafka upgrade notes, 4.0.0, removed configurations (Common)' },
  { name: 'metrics.jmx.blacklist', replacement: 'metrics.jmx.exclude', source: 'Kafka upgrade notes, 4.0.0, removed configurations (Common)' },
  { name: 'metrics.jmx.whitelist', replacement: 'metrics.jmx.include', source: 'Kafka upgrade notes, 4.0.0, removed configurations (Common)' },
  { name: 'quota.producer.default', replacement: 'dynamic client quotas (KafkaUser quotas, or spec.kafka.quotas)',
    source: 'absent from the Kafka 4.0 ConfigDef (AbstractKafkaConfig.CONFIG_DEF); ZooKeeper-era static default quota' },
  { name: 'quota.consumer.default', replacement: 'dynamic client quotas (KafkaUser quotas, or spec.kafka.quotas)',
    source: 'absent from the Kafka 4.0 ConfigDef (AbstractKafkaConfig.CONFIG_DEF); ZooKeeper-era static default quota' },
];

/**
 * Enum values added by a later release to a validator the dump lists (the validator is
 * built from a Kafka enum that grew). Kafka versions before `since` reject them.
 */
const LATER_VALUES = {
  'group.coordinator.rebalance.protocols': { since: '4.1', values: ['streams'],
    source: 'KIP-1071: the streams group type joins Group.GroupType, the enum this validator is built from (Kafka 4.1, early access)' },
};

function table(data, scope) {
  const removed = new Map(data.removedIn4.filter((r) => r.scope === scope).map((r) => [r.name, r]));
  const noOp = new Map(data.noOpIn4.filter((r) => r.scope === scope).map((r) => [r.name, r]));
  const defs = [...data[scope]].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out = {};
  for (const def of defs) {
    out[def.name] = entryOf(def, removed.get(def.name), noOp.get(def.name));
  }
  if (scope === 'broker') {
    for (const [name, later] of Object.entries(LATER_VALUES)) {
      const e = out[name];
      if (!e?.validator?.values) throw new Error(`LATER_VALUES: ${name} has no value list in the data`);
      e.validator = { ...e.validator, values: [...e.validator.values, ...later.values] };
      e.valuesSince = Object.fromEntries(later.values.map((v) => [v, later.since]));
    }
    // Removed before the dump was taken: no definition left, only the removal.
    const gone = [...data.removedBeforeThisCommit.filter((r) => r.scope === 'broker'), ...REMOVED_BROKER_KEYS_NOT_IN_DATA];
    for (const r of gone) {
      if (!out[r.name]) out[r.name] = { type: 'unknown', removedIn: '4.0', replacement: r.replacement };
    }
  }
  return sorted(out);
}

function sorted(obj) {
  const out = {};
  for (const k of Object.keys(obj).sort()) out[k] = obj[k];
  return out;
}

/** The dynamic-only broker keys (not read from server.properties), by name. */
function dynamicOnly(data) {
  const out = {};
  for (const def of [...data.brokerDynamicOnly].sort((a, b) => (a.name < b.name ? -1 : 1))) out[def.name] = entryOf(def);
  return out;
}

/** An object literal with one entry a line (the broker table is large). */
function oneLine(obj) {
  return `{\n${Object.entries(obj).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`).join('\n')}\n}`;
}

/** Relations that involve at least one key of the scope, for the table's documentation. */
function relationsOf(data, scope, names) {
  return data.relations
    .filter((r) => r.keys.some((k) => names.has(k)) && (scope === 'broker' || /topic/.test(r.when)))
    .map((r) => ({ id: r.id, keys: r.keys, when: r.when }));
}

function render(data, scope) {
  return scope === 'topic' ? renderTopic(data) : renderBroker(data);
}

function renderBroker(data) {
  const t = table(data, 'broker');
  const names = new Set(Object.keys(t));
  const src = data.source;
  return [
    '// ~~ Generated by scripts/gen-kafka-config.js. Do not edit; run `node scripts/gen-kafka-config.js --scope broker` instead.',
    `// Source: ${src.repo}@${src.commit} (${src.date.slice(0, 10)}), broker ConfigDef (AbstractKafkaConfig.CONFIG_DEF), with`,
    '// the Kafka 4.0-4.3 changes of kafka-config-notes.md (removed keys, no-op keys, raised bounds).',
    '/* eslint-disable */',
    "import type { KafkaConfigDef, KafkaConfigRelation } from '../kafka-config-def';",
    '',
    `/** Kafka's broker configuration keys (${data.broker.length} defined, plus ${names.size - data.broker.length} removed before the dump), by name. */`,
    `export const BROKER_CONFIG_DEFS: { readonly [name: string]: KafkaConfigDef } = ${oneLine(t)};`,
    '',
    '/** Broker keys that exist only as dynamic configs: Kafka does not read them from server.properties. */',
    `export const BROKER_DYNAMIC_ONLY_DEFS: { readonly [name: string]: KafkaConfigDef } = ${oneLine(dynamicOnly(data))};`,
    '',
    '/** Cross-key rules involving broker keys (the checkable ones are coded in broker-config-relations.ts). */',
    `export const BROKER_CONFIG_RELATIONS: readonly KafkaConfigRelation[] = [\n${relationsOf(data, 'broker', names).map((r) => `  ${JSON.stringify(r)},`).join('\n')}\n];`,
    '',
  ].join('\n');
}

function renderTopic(data) {
  const scope = 'topic';
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
