#!/usr/bin/env node
/*
 * Regenerates operators-data/ (the operator install files the package ships)
 * from the shared data folders, the way import-crds.js regenerates imports/.
 *
 * Usage: node scripts/import-operators.js <strimzi-version> [...]
 *   e.g. node scripts/import-operators.js 1.2.0
 *
 * Input (relative to the repository root, override with OPERATORS_DIR / CRDS_DIR):
 *   ../shared/operators/strimzi/<version>/*.yaml   the non-CRD files of install/cluster-operator/
 *   ../shared/operators/strimzi/SOURCES.md         tag and commit of those files
 *   ../shared/crds/strimzi/<version>/*.yaml        the CRDs of the same release
 *   ../shared/crds/strimzi/SOURCES.md              tag and commit of the CRDs
 *
 * Output:
 *   operators-data/strimzi/<version>/<file>.yaml   byte-for-byte copies (checked by SHA-256)
 *   operators-data/strimzi/<version>/index.json    apply order, kind and name of each file, hashes, tag and commit
 *   operators-data/strimzi/NOTICE.md               attribution for every version present
 *   operators-data/strimzi/LICENSE                 the Apache License 2.0 text
 *
 * The output is committed; nothing at run time reads the shared folders.
 */
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');

const root = path.resolve(__dirname, '..');
const operatorsDir = path.resolve(root, process.env.OPERATORS_DIR || '../shared/operators');
const crdsDir = path.resolve(root, process.env.CRDS_DIR || '../shared/crds');
const out = path.join(root, 'operators-data', 'strimzi');

const versions = process.argv.slice(2);
if (versions.length === 0) {
  console.error('usage: node scripts/import-operators.js <strimzi-version> [...]   (e.g. 1.2.0)');
  process.exit(1);
}

function fail(msg) {
  console.error(msg);
  process.exit(1);
}

function sha256(buf) {
  return crypto.createHash('sha256').update(buf).digest('hex');
}

/** The commit of a tag in a SOURCES.md (`## Tag `<v>` (commit `<sha>`...`). */
function commitOf(sourcesFile, version) {
  if (!fs.existsSync(sourcesFile)) fail(`missing ${sourcesFile}`);
  const text = fs.readFileSync(sourcesFile, 'utf8');
  const m = new RegExp('## Tag `' + version.replace(/\./g, '\\.') + '` \\(commit `([0-9a-f]{40})`').exec(text);
  if (!m) fail(`${sourcesFile} names no commit for tag ${version}`);
  return m[1];
}

function yamlFiles(dir) {
  if (!fs.existsSync(dir)) fail(`missing folder ${dir}`);
  return fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && fs.statSync(path.join(dir, f)).isFile()).sort();
}

const imported = [];
for (const version of versions) {
  if (!/^\d+\.\d+\.\d+$/.test(version)) fail(`not a Strimzi version: ${version}`);
  const installDir = path.join(operatorsDir, 'strimzi', version);
  const crdDir = path.join(crdsDir, 'strimzi', version);
  const installCommit = commitOf(path.join(operatorsDir, 'strimzi', 'SOURCES.md'), version);
  const crdCommit = commitOf(path.join(crdsDir, 'strimzi', 'SOURCES.md'), version);
  if (installCommit !== crdCommit) fail(`install files (${installCommit}) and CRDs (${crdCommit}) come from different commits`);

  const target = path.join(out, version);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });

  const entries = [];
  for (const [dir, crd] of [[installDir, false], [crdDir, true]]) {
    for (const file of yamlFiles(dir)) {
      const bytes = fs.readFileSync(path.join(dir, file));
      const docs = YAML.parseAllDocuments(bytes.toString('utf8'));
      if (docs.length !== 1 || docs[0].errors.length > 0) fail(`${dir}/${file}: expected one YAML document without errors`);
      const doc = docs[0].toJS();
      if ((doc.kind === 'CustomResourceDefinition') !== crd) fail(`${dir}/${file}: unexpected kind ${doc.kind}`);
      fs.writeFileSync(path.join(target, file), bytes);
      if (sha256(fs.readFileSync(path.join(target, file))) !== sha256(bytes)) fail(`copy of ${file} differs`);
      entries.push({ file, apiVersion: doc.apiVersion, kind: doc.kind, name: doc.metadata.name, sha256: sha256(bytes) });
    }
  }
  // Strimzi's own single-file release concatenates the folder in file-name order (CRDs 04x between the RBAC and the ConfigMap).
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const index = {
    project: 'strimzi/strimzi-kafka-operator',
    version,
    tag: version,
    commit: installCommit,
    paths: ['install/cluster-operator/', 'packaging/install/cluster-operator/'],
    files: entries,
  };
  fs.writeFileSync(path.join(target, 'index.json'), JSON.stringify(index, undefined, 2) + '\n');
  imported.push(version);
  console.log(`strimzi ${version}: ${entries.length} files (commit ${installCommit})`);
}

// Attribution for every version now present.
const present = fs.readdirSync(out).filter((d) => fs.existsSync(path.join(out, d, 'index.json'))).sort();
const rows = present.map((v) => {
  const idx = JSON.parse(fs.readFileSync(path.join(out, v, 'index.json'), 'utf8'));
  return `| \`${v}/\` | \`${idx.tag}\` | \`${idx.commit}\` | ${idx.files.length} |`;
});
const notice = [
  '# Third-party files: Strimzi cluster operator install files',
  '',
  'The YAML files below this folder are copies, byte for byte, of the Cluster Operator install files',
  '(`install/cluster-operator/`: RBAC, ConfigMap, Deployment and CustomResourceDefinitions) of',
  '**Strimzi** (https://github.com/strimzi/strimzi-kafka-operator), Copyright the Strimzi authors,',
  'licensed under the Apache License, Version 2.0 (the text is in `LICENSE` next to this file).',
  'They are not modified here; `StrimziOperator` changes namespaces, bindings and the Deployment',
  'in the synthesized output only, as documented in docs/operators.md.',
  '',
  '| Folder | Strimzi tag | Commit | Files |',
  '|---|---|---|---|',
  ...rows,
  '',
  'Each folder\'s `index.json` lists every file with its SHA-256. Regenerate with',
  '`npx projen import-operators <version>` (scripts/import-operators.js).',
  '',
].join('\n');
fs.writeFileSync(path.join(out, 'NOTICE.md'), notice);
fs.copyFileSync(path.join(root, 'LICENSE'), path.join(out, 'LICENSE'));
console.log(`wrote ${path.relative(root, path.join(out, 'NOTICE.md'))} (${present.join(', ')})`);
