#!/usr/bin/env node
/*
 * Regenerates imports/ from the CRDs with the cdk8s CLI.
 *
 * CRD folder: $CRDS_DIR, default ../shared/crds (relative to the repository root).
 * One file per API group: the CLI overwrites a group's file on every call, so all
 * CRDs of one group are concatenated into one multi-document YAML first.
 *
 * Post-processing (deterministic, never by hand): jsii rejects the identifier
 * `build_` that the CLI produces for KafkaConnect's `spec.build` (cdk8s issue 2567);
 * it is renamed to `buildSpec` while the JSON key stays `build`.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const crds = path.resolve(root, process.env.CRDS_DIR || '../shared/crds');
const out = path.join(root, 'imports');

const GROUPS = [
  {
    name: 'kafka.strimzi.io',
    files: [
      'strimzi/1.2.0/040-Crd-kafka.yaml',
      'strimzi/1.2.0/041-Crd-kafkaconnect.yaml',
      'strimzi/1.2.0/043-Crd-kafkatopic.yaml',
      'strimzi/1.2.0/044-Crd-kafkauser.yaml',
      'strimzi/1.2.0/045-Crd-kafkanodepool.yaml',
      'strimzi/1.2.0/046-Crd-kafkabridge.yaml',
      'strimzi/1.2.0/047-Crd-kafkaconnector.yaml',
      'strimzi/1.2.0/048-Crd-kafkamirrormaker2.yaml',
      'strimzi/1.2.0/049-Crd-kafkarebalance.yaml',
    ],
  },
  {
    name: 'keda.sh',
    files: [
      'keda/v2.20.2/keda.sh_scaledobjects.yaml',
      'keda/v2.20.2/keda.sh_scaledjobs.yaml',
      'keda/v2.20.2/keda.sh_triggerauthentications.yaml',
      'keda/v2.20.2/keda.sh_clustertriggerauthentications.yaml',
    ],
  },
  {
    name: 'monitoring.coreos.com',
    files: [
      'prometheus-operator/v0.93.0/monitoring.coreos.com_podmonitors.yaml',
      'prometheus-operator/v0.93.0/monitoring.coreos.com_servicemonitors.yaml',
      'prometheus-operator/v0.93.0/monitoring.coreos.com_prometheusrules.yaml',
    ],
  },
];

if (!fs.existsSync(crds)) {
  console.error(`CRD folder not found: ${crds}. Set CRDS_DIR to a folder laid out like ../shared/crds.`);
  process.exit(1);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-kafka-import-'));
const cli = path.join(root, 'node_modules', '.bin', 'cdk8s');
fs.mkdirSync(out, { recursive: true });

for (const group of GROUPS) {
  const docs = group.files.map((f) => {
    const p = path.join(crds, f);
    if (!fs.existsSync(p)) {
      console.error(`missing CRD file: ${p}`);
      process.exit(1);
    }
    return fs.readFileSync(p, 'utf-8').replace(/^---\s*\n/, '').trimEnd();
  });
  const combined = path.join(tmp, `${group.name}.yaml`);
  fs.writeFileSync(combined, docs.join('\n---\n') + '\n');
  console.log(`importing ${group.name} (${group.files.length} CRDs)`);
  execFileSync(cli, ['import', combined, '--language', 'typescript', '--output', out], { cwd: tmp, stdio: 'inherit' });
}

// post-process: jsii-incompatible identifiers
const connectFile = path.join(out, 'kafka.strimzi.io.ts');
let src = fs.readFileSync(connectFile, 'utf-8');
const before = (src.match(/\bbuild_\b/g) || []).length;
src = src.replace(/\bbuild_\b/g, 'buildSpec');
fs.writeFileSync(connectFile, src);
console.log(`renamed ${before} occurrence(s) of build_ -> buildSpec in ${path.relative(root, connectFile)}`);

fs.rmSync(tmp, { recursive: true, force: true });
