import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Cron } from 'cdk8s';
import * as YAML from 'yaml';
import { SecretCopy } from '../../src/keda/secret-copy';
import { docOf, docsOf, newChart, synth, validationErrors } from '../util';

function render(): any[] {
  const chart = newChart('keda');
  new SecretCopy(chart, 'copy', {
    name: 'orders-kafka-copy',
    sourceNamespace: 'kafka',
    targetNamespace: 'keda',
    secrets: [
      { secretName: 'my-cluster-cluster-ca-cert', keys: ['ca.crt'] },
      { secretName: 'orders-app', keys: ['password'] },
      { secretName: 'orders-app', keys: ['password', 'sasl.jaas.config'] },
    ],
  });
  return synth(chart);
}

describe('SecretCopy manifests', () => {
  test('read access is limited to the named Secrets in the source namespace', () => {
    const docs = render();
    const reader = docOf(docs, 'Role', 'keda-orders-kafka-copy');
    expect(reader.metadata.namespace).toBe('kafka');
    expect(reader.rules).toEqual([
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['my-cluster-cluster-ca-cert'], verbs: ['get'] },
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['orders-app'], verbs: ['get'] },
    ]);
    const binding = docOf(docs, 'RoleBinding', 'keda-orders-kafka-copy');
    expect(binding.metadata.namespace).toBe('kafka');
    expect(binding.subjects).toEqual([{ apiGroup: '', kind: 'ServiceAccount', name: 'orders-kafka-copy', namespace: 'keda' }]);
  });

  test('write access is limited to the copies in the target namespace (plus create)', () => {
    const docs = render();
    const writer = docsOf(docs, 'Role').find((r) => r.metadata.namespace === 'keda');
    expect(writer.rules).toEqual([
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['my-cluster-cluster-ca-cert'], verbs: ['get', 'patch', 'update'] },
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['orders-app'], verbs: ['get', 'patch', 'update'] },
      { apiGroups: [''], resources: ['secrets'], verbs: ['create'] },
    ]);
    const sa = docOf(docs, 'ServiceAccount', 'orders-kafka-copy');
    expect(sa.metadata.namespace).toBe('keda');
    // the copy job calls the API server, so its token stays mounted (cdk8s-plus turns it off by default)
    expect(sa.automountServiceAccountToken).toBe(true);
    expect(docOf(docs, 'CronJob', 'orders-kafka-copy').spec.jobTemplate.spec.template.spec.automountServiceAccountToken).toBeUndefined();
  });

  test('the CronJob runs every 5 minutes, one at a time, as a locked-down non-root pod', () => {
    const cron = docOf(render(), 'CronJob', 'orders-kafka-copy');
    expect(cron.spec.schedule).toBe('*/5 * * * *');
    expect(cron.spec.concurrencyPolicy).toBe('Forbid');
    const pod = cron.spec.jobTemplate.spec.template.spec;
    expect(pod.serviceAccountName).toBe('orders-kafka-copy');
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65534 });
    expect(pod.containers[0].image).toBe('registry.k8s.io/kubectl:v1.33.0');
    expect(pod.containers[0].command.slice(0, 2)).toEqual(['/bin/bash', '-c']);
    expect(pod.containers[0].securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
  });

  test('schedule and image can be set', () => {
    const chart = newChart('keda');
    new SecretCopy(chart, 'copy', {
      sourceNamespace: 'kafka',
      targetNamespace: 'keda',
      secrets: [{ secretName: 's', keys: ['k'] }],
      schedule: Cron.hourly(),
      image: 'mirror.example/kubectl:1.33',
    });
    const cron = docOf(synth(chart), 'CronJob', 'copy');
    expect(cron.spec.schedule).toBe('0 * * * *');
    expect(cron.spec.jobTemplate.spec.template.spec.containers[0].image).toBe('mirror.example/kubectl:1.33');
  });

  test('rules: same namespace, nothing to copy, no keys, long names', () => {
    const chart = newChart('kafka');
    new SecretCopy(chart, 'copy', { sourceNamespace: 'kafka', targetNamespace: 'kafka', secrets: [] });
    new SecretCopy(chart, 'copy2', { sourceNamespace: 'a', targetNamespace: 'b', secrets: [{ secretName: 's', keys: [] }], name: 'x'.repeat(53) });
    expect(validationErrors(chart)).toEqual([
      'KAF-KEDA-052 secret copy "copy": source and target namespace are both "kafka"; copy into another namespace, or reference the Secrets directly',
      'KAF-KEDA-054 secret copy "copy": no Secrets to copy; name at least one Secret',
      `KAF-KEDA-050 secret copy "${'x'.repeat(53)}": name is 53 characters, but a CronJob name may have at most 52 (Kubernetes appends 11 characters for its Jobs); choose a shorter name`,
      `KAF-KEDA-055 secret copy "${'x'.repeat(53)}": Secret "s" names no keys; name the keys to copy`,
    ].map((m, i) => `[test/${i < 2 ? 'copy' : 'copy2'}] ${m}`));
  });
});

/**
 * Runs the CronJob's script with bash against a stand-in `kubectl` that
 * serves Secrets from a directory and records what is applied.
 */
interface ScriptRun {
  status: number | null;
  stderr: string;
  applied: any[];
  applyArgs: string;
}

function runScript(script: string, secrets: { [nsNameKey: string]: string }): ScriptRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-copy-'));
  for (const [nsNameKey, value] of Object.entries(secrets)) {
    const file = path.join(dir, 'secrets', nsNameKey);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, value);
  }
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, 'kubectl'), [
    '#!/bin/bash',
    'if [ "$1 $2" = "get secret" ] && [ "$4" = "--namespace" ] && [ "$6" = "--output" ]; then',
    '  key="$(printf %s "$7" | sed -E \'s/^go-template=\\{\\{index \\.data "(.*)"\\}\\}$/\\1/\')"',
    '  [ -d "$FAKE/secrets/$5/$3" ] || { echo "Error from server (NotFound): secrets \\"$3\\" not found" >&2; exit 1; }',
    '  if [ -f "$FAKE/secrets/$5/$3/$key" ]; then cat "$FAKE/secrets/$5/$3/$key"; else printf "<no value>"; fi',
    '  exit 0',
    'fi',
    'if [ "$1" = "apply" ]; then echo "$*" >> "$FAKE/apply-args"; cat >> "$FAKE/applied.yaml"; echo "---" >> "$FAKE/applied.yaml"; exit 0; fi',
    'echo "unexpected kubectl $*" >&2; exit 2',
  ].join('\n'), { mode: 0o755 });
  const result = spawnSync('bash', ['-c', script], {
    env: { PATH: `${bin}:${process.env.PATH}`, FAKE: dir, SOURCE_NAMESPACE: 'kafka', TARGET_NAMESPACE: 'keda', HOME: dir },
    encoding: 'utf8',
  });
  const appliedFile = path.join(dir, 'applied.yaml');
  const applied = fs.existsSync(appliedFile)
    ? YAML.parseAllDocuments(fs.readFileSync(appliedFile, 'utf8')).map((d) => d.toJS()).filter((d) => d)
    : [];
  const argsFile = path.join(dir, 'apply-args');
  const applyArgs = fs.existsSync(argsFile) ? fs.readFileSync(argsFile, 'utf8') : '';
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: result.status, stderr: result.stderr, applied, applyArgs };
}

function scriptOf(docs: any[]): string {
  return docOf(docs, 'CronJob').spec.jobTemplate.spec.template.spec.containers[0].command[2];
}

describe('SecretCopy script (run with bash against a stand-in kubectl)', () => {
  const ca = Buffer.from('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n').toString('base64');
  const password = Buffer.from('s3cr3t').toString('base64');
  const jaas = Buffer.from('org.apache.kafka.common.security.scram.ScramLoginModule required username="orders-app" password="s3cr3t";').toString('base64');

  test('copies exactly the named keys into same-named Secrets in the target namespace', () => {
    // GIVEN the Secrets Strimzi wrote in "kafka", with more keys than needed
    const result = runScript(scriptOf(render()), {
      'kafka/my-cluster-cluster-ca-cert/ca.crt': ca,
      'kafka/my-cluster-cluster-ca-cert/ca.p12': 'cDEy',
      'kafka/orders-app/password': password,
      'kafka/orders-app/sasl.jaas.config': jaas,
    });
    // THEN both copies are applied server-side into "keda" with only the named keys
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.applied).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'Opaque',
        metadata: { name: 'my-cluster-cluster-ca-cert', namespace: 'keda', labels: { 'app.kubernetes.io/managed-by': 'cdk8s-kafka', 'cdk8s-kafka/copied-from': 'kafka' } },
        data: { 'ca.crt': ca },
      },
      {
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'Opaque',
        metadata: { name: 'orders-app', namespace: 'keda', labels: { 'app.kubernetes.io/managed-by': 'cdk8s-kafka', 'cdk8s-kafka/copied-from': 'kafka' } },
        data: { 'password': password, 'sasl.jaas.config': jaas },
      },
    ]);
    expect(Buffer.from(result.applied[1].data.password, 'base64').toString()).toBe('s3cr3t');
    expect(result.applyArgs.trim().split('\n')).toEqual([
      'apply --server-side --force-conflicts --field-manager=cdk8s-kafka-secret-copy -f -',
      'apply --server-side --force-conflicts --field-manager=cdk8s-kafka-secret-copy -f -',
    ]);
  });

  test('fails visibly while a key is missing', () => {
    const result = runScript(scriptOf(render()), {
      'kafka/my-cluster-cluster-ca-cert/ca.crt': ca,
      'kafka/orders-app/password': password,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('Secret kafka/orders-app has no key sasl.jaas.config yet');
  });

  test('fails visibly while a Secret does not exist yet', () => {
    const result = runScript(scriptOf(render()), { 'kafka/orders-app/password': password });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('secrets "my-cluster-cluster-ca-cert" not found');
    expect(result.applied).toEqual([]);
  });
});

describe('Secrets from more than one namespace', () => {
  /** The CA from "kafka" (the default source) and a user Secret the User Operator wrote into "users". */
  function renderTwoSources(): any[] {
    const chart = newChart('keda');
    new SecretCopy(chart, 'copy', {
      name: 'orders-kafka-copy',
      sourceNamespace: 'kafka',
      targetNamespace: 'keda',
      secrets: [
        { secretName: 'my-cluster-cluster-ca-cert', keys: ['ca.crt'] },
        { secretName: 'orders-app', keys: ['password'], sourceNamespace: 'users' },
      ],
    });
    return synth(chart);
  }

  test('read access per source namespace, to exactly its Secrets', () => {
    const docs = renderTwoSources();
    const readers = docsOf(docs, 'Role').filter((r) => r.metadata.namespace !== 'keda');
    expect(readers.map((r) => [r.metadata.namespace, r.metadata.name, r.rules])).toEqual([
      ['kafka', 'keda-orders-kafka-copy', [{ apiGroups: [''], resources: ['secrets'], resourceNames: ['my-cluster-cluster-ca-cert'], verbs: ['get'] }]],
      ['users', 'keda-orders-kafka-copy', [{ apiGroups: [''], resources: ['secrets'], resourceNames: ['orders-app'], verbs: ['get'] }]],
    ]);
    const bindings = docsOf(docs, 'RoleBinding').filter((r) => r.metadata.namespace !== 'keda');
    expect(bindings.map((b) => [b.metadata.namespace, b.subjects])).toEqual([
      ['kafka', [{ apiGroup: '', kind: 'ServiceAccount', name: 'orders-kafka-copy', namespace: 'keda' }]],
      ['users', [{ apiGroup: '', kind: 'ServiceAccount', name: 'orders-kafka-copy', namespace: 'keda' }]],
    ]);
    const writer = docsOf(docs, 'Role').find((r) => r.metadata.namespace === 'keda');
    expect(writer.rules.flatMap((r: any) => r.resourceNames ?? [])).toEqual(['my-cluster-cluster-ca-cert', 'orders-app']);
  });

  test('the script reads each Secret from its own namespace', () => {
    // GIVEN the CA in "kafka" and the user Secret in "users" only
    const ca = Buffer.from('CA').toString('base64');
    const password = Buffer.from('pw').toString('base64');
    const result = runScript(scriptOf(renderTwoSources()), {
      'kafka/my-cluster-cluster-ca-cert/ca.crt': ca,
      'users/orders-app/password': password,
    });
    // THEN both copies land in "keda", each labelled with where it came from
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.applied.map((s) => [s.metadata.name, s.metadata.namespace, s.metadata.labels['cdk8s-kafka/copied-from'], s.data])).toEqual([
      ['my-cluster-cluster-ca-cert', 'keda', 'kafka', { 'ca.crt': ca }],
      ['orders-app', 'keda', 'users', { password }],
    ]);
  });

  test('rules: a Secret read from the target namespace, one name from two namespaces', () => {
    const chart = newChart('keda');
    new SecretCopy(chart, 'copy', {
      sourceNamespace: 'kafka',
      targetNamespace: 'keda',
      secrets: [
        { secretName: 'a', keys: ['k'], sourceNamespace: 'keda' },
        { secretName: 'b', keys: ['k'] },
        { secretName: 'b', keys: ['k'], sourceNamespace: 'users' },
      ],
    });
    expect(validationErrors(chart)).toEqual([
      '[test/copy] KAF-KEDA-052 secret copy "copy": Secret "a" is read from namespace "keda", the target namespace; reference that Secret directly instead of copying it',
      '[test/copy] KAF-KEDA-053 secret copy "copy": Secret "b" is read from namespaces "kafka" and "users", but both copies would be Secret "b" in "keda"; copy Secrets of different names only',
    ]);
  });
});

test('a source namespace none of the Secrets is read from gets no Role (an empty resourceNames would grant every Secret)', () => {
  const chart = newChart('keda');
  new SecretCopy(chart, 'copy', {
    sourceNamespace: 'kafka',
    targetNamespace: 'keda',
    secrets: [{ secretName: 'orders-app', keys: ['password'], sourceNamespace: 'users' }],
  });
  const docs = synth(chart);
  expect(docsOf(docs, 'Role').map((r) => [r.metadata.namespace, r.rules[0].resourceNames])).toEqual([
    ['users', ['orders-app']],
    ['keda', ['orders-app']],
  ]);
  expect(docsOf(docs, 'RoleBinding').map((b) => b.metadata.namespace)).toEqual(['users', 'keda']);
});
