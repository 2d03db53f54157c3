#!/usr/bin/env bash
# Packaging check: compile the library with jsii, pack it, install the tarball
# into a fresh cdk8s TypeScript app in a temporary folder outside the
# repository (dependencies from the npm registry), synthesize a chart that
# uses the library through its package name, and validate the YAML with the
# conformance validator.
#
# Catches a wrong `main`/`types`, files missing from the tarball, peer
# dependency mistakes and declarations that do not type-check for a consumer.
#
# KEEP_E2E=1 keeps the temporary folder for inspection.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/cdk8s-kafka-e2e.XXXXXX")"
cleanup() {
  if [ "${KEEP_E2E:-}" = "1" ]; then echo "e2e: kept ${WORK}"; else rm -rf "${WORK}"; fi
}
trap cleanup EXIT
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

echo "e2e: compiling (jsii)"
cd "${REPO}"
npx projen compile

# API.md is generated from the compiled assembly; a stale one misdocuments the API.
echo "e2e: checking API.md is up to date (jsii-docgen)"
npx jsii-docgen -o "${WORK}/API.md"
if ! cmp -s "${WORK}/API.md" API.md; then
  diff -u API.md "${WORK}/API.md" | head -n 40 >&2 || true
  echo "e2e: API.md is out of date; run 'npx projen compile && npx projen docgen' and commit it" >&2
  exit 1
fi

echo "e2e: packing"
TARBALL="$(npm pack --silent --pack-destination "${WORK}" | tail -n 1)"
TARBALL="${WORK}/${TARBALL}"
echo "e2e: ${TARBALL}"

# The tarball must hold what package.json points at, the compiled imports and the jsii manifest.
CONTENTS="$(tar -tzf "${TARBALL}")"
MAIN="$(node -p "require('${REPO}/package.json').main")"
TYPES="$(node -p "require('${REPO}/package.json').types")"
for f in "${MAIN}" "${TYPES}" lib/imports/kafka.strimzi.io.js lib/imports/kafka.strimzi.io.d.ts lib/imports/keda.sh.js \
         lib/imports/monitoring.coreos.com.js .jsii package.json; do
  if ! grep -qx "package/${f}" <<<"${CONTENTS}"; then
    echo "e2e: FAILED: ${f} is not in the package" >&2
    exit 1
  fi
done
if grep -q '^package/\(src\|test\|examples\|scripts\|\.ci\|\.conformance-out\)/' <<<"${CONTENTS}"; then
  echo "e2e: FAILED: sources or test files in the package:" >&2
  grep '^package/\(src\|test\|examples\|scripts\|\.ci\|\.conformance-out\)/' <<<"${CONTENTS}" | head >&2
  exit 1
fi

# A fresh app, with the peer dependency ranges the package declares.
APP="${WORK}/app"
mkdir -p "${APP}"
PEERS="$(node -e "
const p = require('${REPO}/package.json').peerDependencies || {};
console.log(Object.entries(p).map(([n, r]) => n + '@' + r).join(' '));
")"
echo "e2e: installing into ${APP}: ${PEERS} + the tarball"
cd "${APP}"
cat > package.json <<'JSON'
{ "name": "e2e-app", "version": "0.0.0", "private": true, "license": "UNLICENSED" }
JSON
# shellcheck disable=SC2086
npm install --loglevel=error ${PEERS} "${TARBALL}" typescript@^5 ts-node@^10 @types/node@^20

# cdk8s, constructs and cdk8s-plus-27 must be the app's own copies: a second copy nested
# under the library (a regular dependency instead of a peer) breaks construct identity checks.
for dep in cdk8s constructs cdk8s-plus-27; do
  if [ -d "node_modules/cdk8s-kafka/node_modules/${dep}" ]; then
    echo "e2e: FAILED: the package brings its own copy of ${dep}; it must be a peer dependency" >&2
    exit 1
  fi
done

cat > tsconfig.json <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "commonjs",
    "moduleResolution": "node",
    "lib": ["es2022"],
    "strict": true,
    "esModuleInterop": true,
    "skipLibCheck": false,
    "types": ["node"]
  },
  "include": ["main.ts"]
}
JSON

cat > main.ts <<'TS'
import * as path from 'path';
import { App, Chart } from 'cdk8s';
import { KafkaCluster, Listener, ListenerAuthentication, NodeRole } from 'cdk8s-kafka';

const app = new App({ outdir: path.join(__dirname, 'dist') });
const chart = new Chart(app, 'e2e', { namespace: 'kafka' });
const cluster = new KafkaCluster(chart, 'cluster', {
  name: 'e2e',
  listeners: [Listener.internal({ name: 'tls', port: 9093, tls: true, authentication: ListenerAuthentication.scramSha512() })],
});
cluster.addNodePool('pool', { name: 'dual-role', roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
app.synth();
TS

echo "e2e: synthesizing (ts-node type-checks main.ts against the packaged declarations)"
npx ts-node --project tsconfig.json main.ts

# The package must resolve through `main` from plain Node as well.
node -e "const k = require('cdk8s-kafka'); if (typeof k.KafkaCluster !== 'function') { console.error('KafkaCluster not exported'); process.exit(1); }"

KINDS="$(node -e "
const YAML = require('${REPO}/node_modules/yaml');
const fs = require('fs');
const docs = fs.readdirSync('dist').filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => YAML.parseAllDocuments(fs.readFileSync('dist/' + f, 'utf8')).map((d) => d.toJS()));
console.log(docs.map((d) => d.kind).sort().join(','));
")"
echo "e2e: synthesized kinds: ${KINDS}"
case ",${KINDS}," in
  *,Kafka,*) ;;
  *) echo "e2e: FAILED: no Kafka synthesized" >&2; exit 1 ;;
esac
case ",${KINDS}," in
  *,KafkaNodePool,*) ;;
  *) echo "e2e: FAILED: no KafkaNodePool synthesized" >&2; exit 1 ;;
esac

echo "e2e: validating"
node "${REPO}/test/conformance/run.js" --no-recorded --no-examples "${APP}/dist"
echo "e2e: OK"
