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
# Then the same tarball goes into a second app laid out like `cdk8s init
# typescript-app` (cdk8s-plus-33, strict tsconfig, jest, `cdk8s synth`).
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

# A second app laid out as `cdk8s init typescript-app` lays it out (cdk8s-plus-33, its
# tsconfig without skipLibCheck, jest, `cdk8s synth`), copied from the CLI's template.
# `cdk8s init` itself is not run: its post-init hook runs `cdk8s import k8s`, which
# downloads from the network, so the template's `imports: [k8s]` is dropped too.
# The app passes a cdk8s-plus-33 Deployment container to KafkaClient.configureContainer.
TEMPLATE="${REPO}/node_modules/cdk8s-cli/templates/typescript-app"
INIT_APP="${WORK}/typescript-app"
echo "e2e: a cdk8s init typescript-app layout in ${INIT_APP} (cdk8s-plus-33)"
mkdir -p "${INIT_APP}"
cp "${TEMPLATE}/tsconfig.json" "${TEMPLATE}/jest.config.js" "${INIT_APP}/"
cp "${TEMPLATE}/{{}}.gitignore" "${INIT_APP}/.gitignore"
grep -v -e '^imports:' -e '^  - k8s$' "${TEMPLATE}/cdk8s.yaml" > "${INIT_APP}/cdk8s.yaml"
if grep -q 'imports' "${INIT_APP}/cdk8s.yaml"; then
  echo "e2e: FAILED: could not drop the imports of the template's cdk8s.yaml" >&2
  exit 1
fi
# package.json: the template's, with the versions `cdk8s init` fills in (those the CLI
# depends on), plus the packed library and its cdk8s-plus-27 peer.
node -e "
const fs = require('fs');
const cli = require('${REPO}/node_modules/cdk8s-cli/package.json');
const bare = (r) => r.replace(/^[^0-9]*/, '');
const text = fs.readFileSync('${TEMPLATE}/package.json', 'utf8')
  .replace('{{ \$base }}', 'e2e-typescript-app')
  .replace('{{ cdk8s_core_version }}', bare(cli.dependencies.cdk8s))
  .replace('{{ cdk8s_plus_version }}', bare(cli.dependencies['cdk8s-plus-33']))
  .replace('{{ constructs_version }}', bare(cli.dependencies.constructs))
  .replace('{{ cdk8s_cli_spec }}', '^' + cli.version);
if (/{{/.test(text)) { console.error('unfilled template placeholder in package.json'); process.exit(1); }
const pkg = JSON.parse(text);
const peers = require('${REPO}/package.json').peerDependencies || {};
pkg.dependencies['cdk8s-plus-27'] = peers['cdk8s-plus-27'];
pkg.dependencies['cdk8s-kafka'] = 'file:${TARBALL}';
fs.writeFileSync('${INIT_APP}/package.json', JSON.stringify(pkg, null, 2) + '\\n');
"
cat > "${INIT_APP}/main.ts" <<'TS'
import { Construct } from 'constructs';
import { App, Chart, ChartProps } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { KafkaAuthorization, KafkaClient, KafkaCluster, Listener, NodeRole } from 'cdk8s-kafka';

export class MyChart extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = { }) {
    super(scope, id, { namespace: 'kafka', ...props });

    const tls = Listener.internal({ name: 'tls', port: 9093 });
    const cluster = new KafkaCluster(this, 'orders', { listeners: [tls], authorization: KafkaAuthorization.simple() });
    cluster.addNodePool('dual-role', { roles: [NodeRole.CONTROLLER, NodeRole.BROKER], replicas: 3 });
    const user = cluster.addUser('orders-app');

    // a cdk8s-plus-33 Deployment, as `cdk8s init typescript-app` sets an app up
    const deployment = new kplus.Deployment(this, 'app', {
      containers: [{ name: 'app', image: 'registry.example.com/orders-app:1.0.0', portNumber: 8080 }],
    });
    KafkaClient.configureContainer(deployment, deployment.containers[0], user.connectionDetails(tls));
  }
}

const app = new App();
new MyChart(app, 'e2e-typescript-app');
app.synth();
TS
cat > "${INIT_APP}/main.test.ts" <<'TS'
import { MyChart } from './main';
import { Testing } from 'cdk8s';

describe('MyChart', () => {
  test('the cdk8s-plus-33 Deployment reaches Kafka', () => {
    const app = Testing.app();
    const chart = new MyChart(app, 'test-chart');
    const results = Testing.synth(chart);
    const deployment = results.find((d) => d.kind === 'Deployment');
    const container = deployment.spec.template.spec.containers[0];
    expect(container.env.map((e: { name: string }) => e.name)).toEqual(expect.arrayContaining(['KAFKA_BOOTSTRAP_SERVERS', 'KAFKA_SASL_PASSWORD', 'KAFKA_SSL_CA_LOCATION']));
    expect(container.volumeMounts).toEqual([{ mountPath: '/etc/kafka/certs/ca', name: 'kafka-ca-orders-cluster-ca-cert', readOnly: true }]);
  });
});
TS
cd "${INIT_APP}"
npm install --loglevel=error
for dep in cdk8s constructs cdk8s-plus-27 cdk8s-plus-33; do
  if [ -d "node_modules/cdk8s-kafka/node_modules/${dep}" ]; then
    echo "e2e: FAILED: the package brings its own copy of ${dep} into the typescript-app" >&2
    exit 1
  fi
done
echo "e2e: typescript-app: compile (tsc --build, the template's tsconfig), test, synth"
npm run compile
npx jest --ci
npm run synth
node -e "
const YAML = require('${REPO}/node_modules/yaml');
const fs = require('fs');
const docs = fs.readdirSync('dist').filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => YAML.parseAllDocuments(fs.readFileSync('dist/' + f, 'utf8')).map((d) => d.toJS()));
const d = docs.find((x) => x.kind === 'Deployment');
const env = (d && d.spec.template.spec.containers[0].env || []).map((e) => e.name);
if (!env.includes('KAFKA_BOOTSTRAP_SERVERS') || !docs.some((x) => x.kind === 'Kafka')) {
  console.error('e2e: FAILED: the typescript-app did not synthesize a Kafka and a wired Deployment');
  process.exit(1);
}
"
node "${REPO}/test/conformance/run.js" --no-recorded --no-examples "${INIT_APP}/dist"
echo "e2e: OK"
