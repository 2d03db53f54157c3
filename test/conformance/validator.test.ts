/*
 * Self-tests of the conformance validator: it must reject what the API server
 * (with kubectl --validate=strict) rejects, and accept what it accepts.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { ConformanceValidator, MissingCrdsError } from './validator';

const RUNNER = path.join(__dirname, 'run.js');

let v: ConformanceValidator;
beforeAll(() => {
  v = new ConformanceValidator();
});

function kafka(spec: any = {}): any {
  return {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'Kafka',
    metadata: { name: 'my-cluster', namespace: 'kafka' },
    spec: {
      kafka: { listeners: [{ name: 'tls', port: 9093, type: 'internal', tls: true }], ...spec },
      entityOperator: { topicOperator: {}, userOperator: {} },
    },
  };
}

function nodePool(): any {
  return {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaNodePool',
    metadata: { name: 'dual', namespace: 'kafka', labels: { 'strimzi.io/cluster': 'my-cluster' } },
    spec: {
      replicas: 3,
      roles: ['controller', 'broker'],
      storage: { type: 'jbod', volumes: [{ id: 0, type: 'persistent-claim', size: '100Gi', deleteClaim: false, kraftMetadata: 'shared' }] },
    },
  };
}

function topic(spec: any): any {
  return {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaTopic',
    metadata: { name: 'orders', labels: { 'strimzi.io/cluster': 'my-cluster' } },
    spec,
  };
}

function deployment(): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'consumer', namespace: 'apps', labels: { app: 'consumer' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'consumer' } },
      template: {
        metadata: { labels: { app: 'consumer' } },
        spec: {
          containers: [{
            name: 'main',
            image: 'example/consumer:1.0',
            imagePullPolicy: 'IfNotPresent',
            ports: [{ containerPort: 8080 }],
            resources: { requests: { cpu: '100m', memory: '128Mi' } },
          }],
        },
      },
    },
  };
}

describe('custom resources (CRD schemas)', () => {
  test('a valid Kafka and KafkaNodePool pass', () => {
    expect(v.validate(kafka())).toEqual([]);
    expect(v.validate(nodePool())).toEqual([]);
  });

  test('an unknown field is rejected', () => {
    // GIVEN a KafkaTopic with a field its schema does not declare
    const errors = v.validate(topic({ partitions: 3, replicas: 3, retentionMs: 1000 }));
    // THEN it is reported as unknown, like kubectl apply --validate=strict
    expect(errors).toEqual(['/spec: unknown field "retentionMs"']);
  });

  test('an unknown field deep inside Kafka is rejected', () => {
    const doc = kafka();
    doc.spec.kafka.listeners[0].authentication = { type: 'scram-sha-512', mechanism: 'x' };
    expect(v.validate(doc)).toEqual(['/spec/kafka/listeners/0/authentication: unknown field "mechanism"']);
  });

  test('an unknown field in a listener configuration is rejected', () => {
    const doc = kafka();
    doc.spec.kafka.listeners[0].configuration = { bootstrap: { nodePrt: 32100 } };
    expect(v.validate(doc)).toEqual(['/spec/kafka/listeners/0/configuration/bootstrap: unknown field "nodePrt"']);
  });

  test('a wrong type in a KEDA trigger is rejected', () => {
    const so: any = {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'consumer', namespace: 'apps' },
      spec: {
        scaleTargetRef: { name: 'consumer' },
        triggers: [{ type: 'kafka', useCachedMetrics: 'yes', metadata: { bootstrapServers: 'b:9092', consumerGroup: 'g', topic: 't', lagThreshold: 10 } }],
      },
    };
    expect(v.validate(so).sort()).toEqual([
      '/spec/triggers/0/metadata/lagThreshold: must be string, got integer 10',
      '/spec/triggers/0/useCachedMetrics: must be boolean, got string "yes"',
    ]);
  });

  test('a wrong type is rejected', () => {
    expect(v.validate(topic({ partitions: 'three', replicas: 3 }))).toEqual([
      '/spec/partitions: must be integer, got string "three"',
    ]);
  });

  test('a bad enum value is rejected', () => {
    const doc = kafka();
    doc.spec.kafka.listeners[0].type = 'clusterip';
    const errors = v.validate(doc);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\/spec\/kafka\/listeners\/0\/type: "clusterip" is not one of \["internal",.*"cluster-ip"\]$/);
  });

  test('a missing required field is rejected', () => {
    const pool = nodePool();
    delete pool.spec.storage;
    expect(v.validate(pool)).toEqual(['/spec: missing required field "storage"']);
    const k = kafka();
    delete k.spec.kafka.listeners[0].tls;
    expect(v.validate(k)).toEqual(['/spec/kafka/listeners/0: missing required field "tls"']);
  });

  test('a field inside a oneOf branch is not rejected as unknown', () => {
    // env items are `oneOf: [{properties: {value}}, {properties: {valueFrom}}]`: the branches
    // only constrain values, `name` stays a declared field
    const doc = kafka({ template: { kafkaContainer: { env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }, { name: 'B', value: 'b' }] } } });
    expect(v.validate(doc)).toEqual([]);
  });

  test('oneOf still checks values: both value and valueFrom is rejected', () => {
    const doc = kafka({ template: { kafkaContainer: { env: [{ name: 'A', value: 'a', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] } } });
    expect(v.validate(doc).join('\n')).toMatch(/must match exactly one schema in oneOf/);
  });

  test('int-or-string accepts both and rejects other types', () => {
    // (Strimzi v1 has resources on the node pool, not on spec.kafka)
    const pool = (resources: any) => ({ ...nodePool(), spec: { ...nodePool().spec, resources } });
    expect(v.validate(pool({ requests: { cpu: 1, memory: '2Gi' }, limits: { cpu: '500m' } }))).toEqual([]);
    expect(v.validate(pool({ requests: { cpu: true } })).join('\n')).toMatch(/\/spec\/resources\/requests\/cpu: must be an integer or a string/);
    expect(v.validate(pool({ requests: { memory: '2 GiB' } })).join('\n')).toMatch(/\/spec\/resources\/requests\/memory: "2 GiB" does not match pattern/);
    expect(v.validate(kafka({ resources: { requests: { cpu: 1 } } }))).toEqual(['/spec/kafka: unknown field "resources"']);
  });

  test('RE2 patterns with (?i) work (JavaScript RegExp rejects them)', () => {
    const rule = (strategy: string) => ({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'kafka-rules' },
      spec: { groups: [{ name: 'kafka', partial_response_strategy: strategy, rules: [{ alert: 'X', expr: 'up == 0' }] }] },
    });
    expect(v.validate(rule('ABORT'))).toEqual([]);
    expect(v.validate(rule('warn'))).toEqual([]);
    expect(v.validate(rule('maybe'))).toEqual([
      '/spec/groups/0/partial_response_strategy: "maybe" does not match pattern "^(?i)(abort|warn)?$"',
    ]);
  });

  test('CEL rules are evaluated', () => {
    const user = (authentication: any) => ({
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaUser',
      metadata: { name: 'app', labels: { 'strimzi.io/cluster': 'my-cluster' } },
      spec: { authentication },
    });
    expect(v.validate(user({ type: 'tls', validityDays: 30, renewalDays: 10 }))).toEqual([]);
    expect(v.validate(user({ type: 'scram-sha-512', validityDays: 30 }))).toEqual([
      "/spec/authentication: 'validityDays' and 'renewalDays' can be configured only with 'type: tls' (CEL rule: self.type == 'tls' || (!has(self.validityDays) && !has(self.renewalDays)))",
    ]);
    const evaluated = v.celSummary().evaluated.map((e) => e.rule);
    expect(evaluated).toContain("self.type == 'tls' || (!has(self.validityDays) && !has(self.renewalDays))");
  });

  test('KEDA CEL rule compares integers', () => {
    const so = (min: number, max: number) => ({
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'consumer', namespace: 'apps' },
      spec: {
        scaleTargetRef: { name: 'consumer' },
        minReplicaCount: min,
        maxReplicaCount: max,
        triggers: [{ type: 'kafka', metadata: { bootstrapServers: 'b:9092', consumerGroup: 'g', topic: 't', lagThreshold: '10' } }],
      },
    });
    expect(v.validate(so(1, 5))).toEqual([]);
    expect(v.validate(so(6, 5)).join('\n')).toMatch(/minReplicaCount must be less than or equal to maxReplicaCount/);
  });

  test('an invalid metadata.name and namespace are rejected', () => {
    const doc = topic({ partitions: 1, replicas: 1 });
    doc.metadata.name = 'Orders_Topic';
    doc.metadata.namespace = 'my.ns';
    expect(v.validate(doc)).toEqual([
      '/metadata/name: "Orders_Topic" is not a valid DNS-1123 subdomain (lowercase alphanumerics, "-" and ".", at most 253 characters)',
      '/metadata/namespace: "my.ns" is not a valid DNS-1123 label (lowercase alphanumerics and "-", at most 63 characters)',
    ]);
    const long = topic({ partitions: 1, replicas: 1 });
    long.metadata.name = 'a'.repeat(254);
    expect(v.validate(long)[0]).toMatch(/^\/metadata\/name: "a+" is not a valid DNS-1123 subdomain/);
  });

  test('labels and annotations must be string maps with valid keys', () => {
    const doc = topic({ partitions: 1, replicas: 1 });
    doc.metadata.labels = { 'strimzi.io/cluster': 'c', 'replicas': 3, 'bad key!': 'x' };
    doc.metadata.annotations = { note: false };
    doc.metadata.owner = 'me';
    expect(v.validate(doc)).toEqual([
      '/metadata: unknown field "owner"',
      '/metadata/labels/replicas: must be a string, got 3',
      '/metadata/labels: key "bad key!" name part "bad key!" must be at most 63 characters of [A-Za-z0-9-_.], starting and ending alphanumeric',
      '/metadata/annotations/note: must be a string, got false',
    ]);
  });

  test('a kind without a schema is reported, never passed', () => {
    const errors = v.validate({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\/: no schema for example.com\/v1 Widget/);
    // a known group with a version the CRDs do not serve is not silently passed either
    expect(v.validate({ ...topic({}), apiVersion: 'kafka.strimzi.io/v2' })[0]).toMatch(/no schema for kafka.strimzi.io\/v2 KafkaTopic/);
  });

  test('legacy versions are indexed; the newest tag serving them wins unless a tag is pinned', () => {
    expect(v.crdFor('kafka.strimzi.io/v1', 'Kafka')?.tag).toBe('1.2.0');
    expect(v.crdFor('kafka.strimzi.io/v1beta2', 'Kafka')?.tag).toBe('0.45.0');
    const pinned = new ConformanceValidator({ tags: { strimzi: '0.38.0' } });
    expect(pinned.crdFor('kafka.strimzi.io/v1beta2', 'Kafka')?.tag).toBe('0.38.0');
    // v1 is not served by 0.38.0: with the pin there is no schema for it
    expect(pinned.crdFor('kafka.strimzi.io/v1', 'Kafka')).toBeUndefined();
  });

  test('missing CRDs fail with a message saying how to get them', () => {
    expect(() => new ConformanceValidator({ crdsDir: path.join(os.tmpdir(), 'no-such-crds-dir') })).toThrow(MissingCrdsError);
    expect(() => new ConformanceValidator({ crdsDir: path.join(os.tmpdir(), 'no-such-crds-dir') })).toThrow(/Set CRDS_DIR to a folder laid out like <project>\/<tag>\/\*\.yaml/);
  });
});

describe('core kinds (kubernetes-models schemas, made strict)', () => {
  test('a valid Deployment passes', () => {
    expect(v.validate(deployment())).toEqual([]);
  });

  test('an unknown field is rejected', () => {
    const d = deployment();
    d.spec.template.spec.containers[0].ports[0].portName = 'http';
    d.spec.strategy = { type: 'Recreate', surge: 1 };
    expect(v.validate(d).sort()).toEqual([
      '/spec/strategy: unknown field "surge"',
      '/spec/template/spec/containers/0/ports/0: unknown field "portName"',
    ]);
    expect(v.validate({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'b' }, values: {} })).toEqual([
      '/: unknown field "values"',
    ]);
  });

  test('a wrong type is rejected', () => {
    expect(v.validate({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { port: 9092 } })).toEqual([
      '/data/port: must be string, got integer',
    ]);
    const d = deployment();
    d.spec.replicas = '3';
    expect(v.validate(d)).toEqual(['/spec/replicas: must be integer, got string']);
  });

  test('a bad enum value is rejected', () => {
    const d = deployment();
    d.spec.template.spec.containers[0].imagePullPolicy = 'Sometimes';
    expect(v.validate(d)).toEqual([
      '/spec/template/spec/containers/0/imagePullPolicy: value is not one of ["Always","IfNotPresent","Never"]',
    ]);
  });

  test('a missing required field is rejected', () => {
    const d = deployment();
    delete d.spec.selector;
    delete d.spec.template.spec.containers[0].name;
    expect(v.validate(d).sort()).toEqual([
      '/spec/template/spec/containers/0: missing required field "name"',
      '/spec: missing required field "selector"',
    ]);
  });

  test('API-server rules beyond the schema: embedded labels, selectors, container, volume and port names', () => {
    // GIVEN a valid Deployment, WHEN one rule at a time is broken, THEN exactly that is reported
    const broken = (mutate: (d: any) => void) => {
      const d = deployment();
      mutate(d);
      return v.validate(d);
    };
    const labelValue = (at: string, v2: string) =>
      `${at}: label value ${JSON.stringify(v2)} must be at most 63 characters of [A-Za-z0-9-_.], starting and ending alphanumeric`;
    expect(broken((d) => { d.spec.template.metadata.labels.tier = 'bad value!'; })).toEqual([
      labelValue('/spec/template/metadata/labels/tier', 'bad value!'),
    ]);
    expect(broken((d) => { d.spec.selector.matchLabels.app = '-consumer'; })).toEqual([
      labelValue('/spec/selector/matchLabels/app', '-consumer'),
    ]);
    expect(broken((d) => { d.spec.template.spec.nodeSelector = { 'bad key!': 'x' }; })).toEqual([
      '/spec/template/spec/nodeSelector: key "bad key!" name part "bad key!" must be at most 63 characters of [A-Za-z0-9-_.], starting and ending alphanumeric',
    ]);
    expect(broken((d) => { d.spec.template.spec.containers[0].name = 'Main_Container'; })).toEqual([
      '/spec/template/spec/containers/0/name: "Main_Container" is not a valid container name (DNS-1123 label: lowercase alphanumerics and "-", at most 63 characters)',
    ]);
    expect(broken((d) => { d.spec.template.spec.containers[0].ports[0].name = 'metrics-endpoint'; })).toEqual([
      '/spec/template/spec/containers/0/ports/0/name: "metrics-endpoint" is not a valid port name (IANA_SVC_NAME: at most 15 lowercase alphanumerics and "-", at least one letter, no "--")',
    ]);
    expect(broken((d) => { d.spec.template.spec.volumes = [{ name: 'tls.certs', emptyDir: {} }]; })).toEqual([
      '/spec/template/spec/volumes/0/name: "tls.certs" is not a valid volume name (DNS-1123 label: lowercase alphanumerics and "-", at most 63 characters)',
    ]);
    expect(v.validate({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: { app: 'a b' }, ports: [{ port: 80 }] } })).toEqual([
      labelValue('/spec/selector/app', 'a b'),
    ]);
  });

  test('an unknown field in a container is rejected', () => {
    const d = deployment();
    d.spec.template.spec.containers[0].imagePullPolcy = 'Always';
    expect(v.validate(d)).toEqual(['/spec/template/spec/containers/0: unknown field "imagePullPolcy"']);
  });

  test('int-or-string and free-form maps are accepted', () => {
    const pdb = (maxUnavailable: any) => ({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'p', annotations: { 'example.com/x': 'y' } },
      spec: { maxUnavailable, selector: { matchLabels: { 'app.kubernetes.io/name': 'x' } } },
    });
    expect(v.validate(pdb(1))).toEqual([]);
    expect(v.validate(pdb('25%'))).toEqual([]);
  });

  test('metadata rules apply to core kinds too (Service names are DNS-1035 labels)', () => {
    expect(v.validate({ apiVersion: 'v1', kind: 'Service', metadata: { name: '9092-svc' }, spec: { ports: [{ port: 9092 }] } })).toEqual([
      '/metadata/name: "9092-svc" is not a valid Service name (DNS-1035 label: lowercase alphanumerics and "-", starting with a letter, at most 63 characters)',
    ]);
    expect(v.validate({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', bogus: 1 } })).toEqual([
      '/metadata: unknown field "bogus"',
    ]);
  });
});

describe('runner', () => {
  function tmp(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-'));
  }
  function run(env: Record<string, string>, args: string[] = []) {
    return spawnSync(process.execPath, [RUNNER, '--no-examples', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  }

  test('fails without CRDs, saying how to get them', () => {
    const r = run({ CRDS_DIR: path.join(tmp(), 'missing'), CONFORMANCE_OUT: tmp() });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/CRD folder not found/);
    expect(r.stderr).toMatch(/Set CRDS_DIR/);
  });

  test('fails when there is no document at all', () => {
    const r = run({ CONFORMANCE_OUT: tmp() });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no documents to validate/);
  });

  test('validates recorded documents and YAML files, exits non-zero on errors', () => {
    const out = tmp();
    fs.writeFileSync(path.join(out, 'a.json'), JSON.stringify({ source: 'x.test.ts > a', docs: [kafka(), nodePool()] }));
    const ok = run({ CONFORMANCE_OUT: out });
    expect(ok.stdout).toMatch(/2 documents from 1 sources/);
    expect(ok.stdout).toMatch(/1 {2}kafka.strimzi.io\/v1 Kafka\n/);
    expect(ok.status).toBe(0);
    // CEL rules are counted and listed with how often each was evaluated
    const celUser = {
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaUser',
      metadata: { name: 'app', labels: { 'strimzi.io/cluster': 'my-cluster' } },
      spec: { authentication: { type: 'tls' } },
    };
    fs.writeFileSync(path.join(out, 'b.json'), JSON.stringify({ source: 'x.test.ts > b', docs: [celUser] }));
    const withCel = run({ CONFORMANCE_OUT: out });
    expect(withCel.status).toBe(0);
    expect(withCel.stdout).toMatch(/CEL rules evaluated: [1-9]\d*\n/);
    expect(withCel.stdout).toContain("KafkaUser.kafka.strimzi.io/v1 (strimzi 1.2.0) /spec/authentication: self.type == 'tls' || (!has(self.validityDays) && !has(self.renewalDays)) (1 evaluations, 0 failed)");
    fs.rmSync(path.join(out, 'b.json'));

    const yamlDir = tmp();
    fs.writeFileSync(path.join(yamlDir, 'bad.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nextra: 1\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n');
    const bad = run({ CONFORMANCE_OUT: out }, [yamlDir]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/2 invalid documents/);
    expect(bad.stderr).toMatch(/\/: unknown field "extra"/);
    expect(bad.stderr).toMatch(/no schema for example.com\/v1 Widget/);
  });
});

describe('CustomResourceDefinition documents (apiextensions.k8s.io/v1)', () => {
  function crd(schema: any = { type: 'object', properties: { spec: { 'type': 'object', 'description': 'the spec', 'x-kubernetes-preserve-unknown-fields': true } } }): any {
    return {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
        scope: 'Namespaced',
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema }, additionalPrinterColumns: [{ name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp', description: 'age' }] }],
      },
    };
  }

  test('every shipped Strimzi, KEDA, Flux and Argo CD CRD passes (descriptions and x-kubernetes-* extensions are schema fields)', () => {

    const dir = v.crdsDir;
    const files: string[] = [];
    const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.yaml') && files.push(path.join(d, e.name)));
    walk(dir);
    const failures = files.map((f) => [path.relative(dir, f), v.validate(YAML.parse(fs.readFileSync(f, 'utf8')))] as const).filter(([, e]) => e.length > 0);
    expect(failures).toEqual([]);
    expect(files.length).toBeGreaterThan(20);
  });

  test('a small valid CRD passes', () => {
    expect(v.validate(crd())).toEqual([]);
  });

  test('unknown keys in a schema node and in the envelope are rejected', () => {
    expect(v.validate(crd({ type: 'object', properties: { spec: { type: 'object', descripton: 'typo' } } })))
      .toEqual(['/spec/versions/0/schema/openAPIV3Schema/properties/spec: unknown field "descripton"']);
    const doc = crd();
    doc.spec.versions[0].servd = true;
    expect(v.validate(doc)).toEqual(['/spec/versions/0: unknown field "servd"']);
  });

  test('the API server rules: name <plural>.<group>, one storage version, a schema per version, an object root, list-map keys', () => {
    const badName = crd();
    badName.metadata.name = 'widget.example.com';
    expect(v.validate(badName)).toEqual(['/metadata/name: "widget.example.com" must be "widgets.example.com" (<spec.names.plural>.<spec.group>)']);
    const twoStorage = crd();
    twoStorage.spec.versions.push({ ...twoStorage.spec.versions[0], name: 'v2' });
    expect(v.validate(twoStorage)).toEqual(['/spec/versions: exactly one version must be the storage version, found 2']);
    const noSchema = crd();
    delete noSchema.spec.versions[0].schema;
    expect(v.validate(noSchema)).toEqual(['/spec/versions/0/schema/openAPIV3Schema: required (apiextensions.k8s.io/v1 needs a schema for every version)']);
    expect(v.validate(crd({ type: 'string' }))).toEqual(['/spec/versions/0/schema/openAPIV3Schema/type: the root schema must be of type "object", got "string"']);
    expect(v.validate(crd({ type: 'object', properties: { items: { 'type': 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], 'items': { type: 'object', properties: { name: { type: 'string' } } } } } })))
      .toEqual(['/spec/versions/0/schema/openAPIV3Schema/properties/items/x-kubernetes-list-map-keys: key "name" must be required or have a default']);
    expect(v.validate(crd({ type: 'object', properties: { spec: { properties: { a: { type: 'string' } } } } })))
      .toEqual(['/spec/versions/0/schema/openAPIV3Schema/properties/spec: type is required in a structural schema']);
  });
});
