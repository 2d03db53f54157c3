'use strict';
/*
 * Strict conformance validation of synthesized Kubernetes documents.
 *
 * Custom resources are checked against the openAPIV3Schema of the real CRDs
 * (found in CRDS_DIR, default ../shared/crds next to the repository), converted
 * to ajv schemas that reject unknown fields the way `kubectl apply
 * --validate=strict` does. CEL rules (x-kubernetes-validations) are evaluated
 * with @bufbuild/cel where possible; those that cannot be evaluated are
 * recorded, never counted as checked.
 *
 * Core Kubernetes kinds are checked with the precompiled validators of
 * `kubernetes-models`; strictness is added by recording which keys the
 * validator reads (see core.js).
 *
 * Plain CommonJS so the runner (plain Node) and the jest self-tests share it.
 */
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const Ajv = require('ajv').default;
const { RE2JS } = require('re2js');
const cel = require('@bufbuild/cel');
const celExt = require('@bufbuild/cel/ext');
const { validateCore, hasCoreSchema } = require('./core');
const { checkMetadata } = require('./metadata');
const { validateCrd, isCrd } = require('./crd');

const REPO_ROOT = path.resolve(__dirname, '..', '..');

const HOW_TO_GET_CRDS = [
  'The conformance check needs the official CRDs and cannot run without them.',
  'Set CRDS_DIR to a folder laid out like <project>/<tag>/*.yaml, for example',
  '  strimzi/1.2.0/040-Crd-kafka.yaml, keda/v2.20.2/keda.sh_scaledobjects.yaml,',
  '  prometheus-operator/v0.93.0/monitoring.coreos.com_podmonitors.yaml',
  'or place that folder at ../shared/crds relative to the repository root.',
].join('\n');

class MissingCrdsError extends Error {
  constructor(detail) {
    super(`${detail}\n${HOW_TO_GET_CRDS}`);
    this.name = 'MissingCrdsError';
  }
}

/** The CRD folder: $CRDS_DIR, else ../shared/crds relative to the repository root. Throws when absent. */
function resolveCrdsDir(explicit) {
  const dir = explicit ?? process.env.CRDS_DIR ?? path.resolve(REPO_ROOT, '..', 'shared', 'crds');
  const source = explicit ? 'given' : process.env.CRDS_DIR ? 'CRDS_DIR' : 'default';
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new MissingCrdsError(`CRD folder not found: ${dir} (${source}).`);
  }
  return path.resolve(dir);
}

function compareTags(a, b) {
  const pa = a.replace(/^v/, '').split(/[.-]/);
  const pb = b.replace(/^v/, '').split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) {
      if (nx !== ny) return nx - ny;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

function listYamlFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listYamlFiles(p));
    else if (/\.ya?ml$/.test(entry.name)) out.push(p);
  }
  return out.sort();
}

/**
 * Loads every CRD below `dir` (layout <project>/<tag>/*.yaml) and indexes
 * the served versions by "group/version|Kind".
 */
function loadCrdIndex(dir) {
  const index = new Map();
  let crdCount = 0;
  for (const file of listYamlFiles(dir)) {
    const rel = path.relative(dir, file).split(path.sep);
    const project = rel.length >= 3 ? rel[0] : '(root)';
    const tag = rel.length >= 3 ? rel[1] : '(none)';
    for (const d of YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
      const crd = d.toJS({ maxAliasCount: -1 });
      if (!crd || crd.kind !== 'CustomResourceDefinition') continue;
      crdCount++;
      const group = crd.spec.group;
      const kind = crd.spec.names.kind;
      for (const v of crd.spec.versions ?? []) {
        if (v.served === false) continue;
        const schema = v.schema?.openAPIV3Schema ?? crd.spec.validation?.openAPIV3Schema;
        if (!schema) continue;
        const key = `${group}/${v.name}|${kind}`;
        const list = index.get(key) ?? [];
        list.push({ project, tag, group, version: v.name, kind, scope: crd.spec.scope, schema, file: path.relative(dir, file) });
        index.set(key, list);
      }
    }
  }
  for (const list of index.values()) list.sort((a, b) => compareTags(b.tag, a.tag));
  if (crdCount === 0) {
    throw new MissingCrdsError(`No CustomResourceDefinition found below ${dir}.`);
  }
  return { index, crdCount };
}

// ---------------------------------------------------------------------------
// openAPIV3Schema -> ajv schema

const COPIED = ['type', 'enum', 'pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems',
  'minProperties', 'maxProperties', 'uniqueItems', 'multipleOf', 'required', 'format'];
const K8S_KEYWORDS = ['x-kubernetes-preserve-unknown-fields', 'x-kubernetes-embedded-resource', 'x-kubernetes-int-or-string',
  'x-kubernetes-list-type', 'x-kubernetes-list-map-keys', 'x-kubernetes-map-type', 'x-kubernetes-validations'];
const KNOWN_FORMATS = {
  'int32': { type: 'number', validate: (n) => Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 },
  'int64': { type: 'number', validate: (n) => Number.isInteger(n) },
  'float': { type: 'number', validate: () => true },
  'double': { type: 'number', validate: () => true },
  'date-time': /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/,
  'date': /^\d{4}-\d{2}-\d{2}$/,
  'byte': /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/,
};

/**
 * Converts one openAPIV3Schema node. `inBranch` is true inside
 * oneOf/anyOf/allOf/not: those only add value checks and are never closed.
 */
function convertSchema(s, inBranch, formats) {
  if (s === true || s === undefined || s === null) return {};
  if (s === false) return { not: {} };
  const out = {};
  for (const k of COPIED) if (s[k] !== undefined) out[k] = s[k];
  if (out.format !== undefined) formats.add(out.format);
  // OpenAPI 3.0 boolean exclusive bounds -> JSON Schema draft-07 numbers.
  if (s.exclusiveMinimum === true && s.minimum !== undefined) { out.exclusiveMinimum = s.minimum; delete out.minimum; }
  if (s.exclusiveMaximum === true && s.maximum !== undefined) { out.exclusiveMaximum = s.maximum; delete out.maximum; }
  if (typeof s.exclusiveMinimum === 'number') out.exclusiveMinimum = s.exclusiveMinimum;
  if (typeof s.exclusiveMaximum === 'number') out.exclusiveMaximum = s.exclusiveMaximum;
  for (const k of K8S_KEYWORDS) if (s[k] !== undefined) out[k] = s[k];
  if (s['x-kubernetes-int-or-string'] === true) delete out.type; // the keyword checks integer-or-string itself
  if (s.properties) {
    out.properties = {};
    for (const [k, v] of Object.entries(s.properties)) out.properties[k] = convertSchema(v, inBranch, formats);
  }
  if (s.items !== undefined) {
    out.items = Array.isArray(s.items) ? s.items.map((i) => convertSchema(i, inBranch, formats)) : convertSchema(s.items, inBranch, formats);
  }
  if (s.additionalProperties !== undefined) {
    out.additionalProperties = typeof s.additionalProperties === 'boolean'
      ? s.additionalProperties : convertSchema(s.additionalProperties, inBranch, formats);
  }
  for (const k of ['oneOf', 'anyOf', 'allOf']) {
    if (s[k]) out[k] = s[k].map((b) => convertSchema(b, true, formats));
  }
  if (s.not) out.not = convertSchema(s.not, true, formats);
  const preserve = s['x-kubernetes-preserve-unknown-fields'] === true;
  if (s['x-kubernetes-embedded-resource'] === true) {
    out.properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...out.properties };
  }
  if (!inBranch && !preserve && s.additionalProperties === undefined && s.properties) {
    out.additionalProperties = false;
  }
  if (s.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  return out;
}

/** The root schema of a custom resource: metadata is checked separately (metadata.js). */
function convertRoot(schema, formats) {
  const root = convertSchema(schema, false, formats);
  root.properties = { ...(root.properties ?? {}), apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' } };
  if (schema['x-kubernetes-preserve-unknown-fields'] !== true) root.additionalProperties = false;
  root.required = [...new Set([...(root.required ?? []), 'apiVersion', 'kind', 'metadata'])];
  return root;
}

// ---------------------------------------------------------------------------
// ajv

function re2RegExp(pattern, flags) {
  const re = RE2JS.compile(pattern, flags && flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
  // ajv caches compiled patterns by toString(): it must identify the pattern.
  return { test: (s) => re.matcher(s).find(), toString: () => `re2:${flags}:${pattern}` };
}
re2RegExp.code = 'require("re2js").RE2JS';

function newAjv() {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    unicodeRegExp: false,
    code: { regExp: re2RegExp },
  });
  for (const [name, def] of Object.entries(KNOWN_FORMATS)) ajv.addFormat(name, def);
  ajv.addKeyword({
    keyword: 'x-kubernetes-int-or-string',
    schemaType: 'boolean',
    errors: true,
    validate: function intOrString(schema, data) {
      if (!schema || typeof data === 'string' || Number.isInteger(data)) return true;
      intOrString.errors = [{ keyword: 'x-kubernetes-int-or-string', message: 'must be an integer or a string', params: {} }];
      return false;
    },
  });
  ajv.addKeyword({
    keyword: 'x-kubernetes-list-type',
    schemaType: 'string',
    errors: true,
    validate: function listType(schema, data, parentSchema) {
      if (!Array.isArray(data) || (schema !== 'set' && schema !== 'map')) return true;
      const keys = parentSchema['x-kubernetes-list-map-keys'] ?? [];
      const seen = new Map();
      for (let i = 0; i < data.length; i++) {
        const item = data[i];
        const id = schema === 'set'
          ? JSON.stringify(item)
          : JSON.stringify(keys.map((k) => (item && typeof item === 'object' ? item[k] : undefined)));
        if (seen.has(id)) {
          listType.errors = [{
            keyword: 'x-kubernetes-list-type',
            message: schema === 'set'
              ? `duplicate entry ${id} at index ${i} (list-type set)`
              : `duplicate entry for key ${keys.join(',')}=${id} at index ${i} (list-type map)`,
            params: {},
          }];
          return false;
        }
        seen.set(id, i);
      }
      return true;
    },
  });
  for (const k of ['x-kubernetes-preserve-unknown-fields', 'x-kubernetes-embedded-resource', 'x-kubernetes-list-map-keys',
    'x-kubernetes-map-type', 'x-kubernetes-validations']) {
    ajv.addKeyword({ keyword: k }); // annotation only for ajv (CEL is evaluated separately)
  }
  return ajv;
}

function describeType(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function formatAjvError(e) {
  const at = e.instancePath || '/';
  const p = e.params ?? {};
  switch (e.keyword) {
    case 'additionalProperties': return `${at}: unknown field "${p.additionalProperty}"`;
    case 'required': return `${at}: missing required field "${p.missingProperty}"`;
    case 'type': return `${at}: must be ${Array.isArray(p.type) ? p.type.join(' or ') : p.type}, got ${describeType(e.data)} ${JSON.stringify(e.data)}`;
    case 'enum': return `${at}: ${JSON.stringify(e.data)} is not one of ${JSON.stringify(p.allowedValues)}`;
    case 'pattern': return `${at}: ${JSON.stringify(e.data)} does not match pattern ${JSON.stringify(p.pattern)}`;
    default: return `${at}: ${e.message}${e.data !== undefined && typeof e.data !== 'object' ? ` (value ${JSON.stringify(e.data)})` : ''}`;
  }
}

// ---------------------------------------------------------------------------
// CEL

function toCel(value, schema) {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => toCel(v, schema?.items));
  if (typeof value === 'object') {
    const m = new Map();
    for (const [k, v] of Object.entries(value)) {
      const child = schema?.properties?.[k] ?? (typeof schema?.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      m.set(k, toCel(v, child));
    }
    return m;
  }
  if (typeof value === 'number') {
    const t = schema?.type;
    if (t === 'number') return value;
    if (Number.isInteger(value)) return BigInt(value);
    return value;
  }
  return value;
}

/** Applies schema defaults (as the API server does before validating); mutates `value`. */
function applyDefaults(value, schema) {
  if (!schema || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) applyDefaults(v, schema.items);
    return;
  }
  for (const [k, ps] of Object.entries(schema.properties ?? {})) {
    if (value[k] === undefined && ps.default !== undefined) value[k] = structuredClone(ps.default);
    applyDefaults(value[k], ps);
  }
  if (typeof schema.additionalProperties === 'object') {
    for (const [k, v] of Object.entries(value)) if (!(schema.properties && k in schema.properties)) applyDefaults(v, schema.additionalProperties);
  }
}

const UNEVALUABLE = /unbound function|no matching overload|unsupported|not implemented|unknown/i;

class CelStats {
  constructor() {
    /** key -> { kind, path, rule, evaluated, failed, notEvaluated: reason|undefined } */
    this.rules = new Map();
  }
  entry(kindKey, schemaPath, rule) {
    const key = `${kindKey}|${schemaPath}|${rule.rule}`;
    let e = this.rules.get(key);
    if (!e) {
      e = { kind: kindKey, path: schemaPath, rule: rule.rule, evaluations: 0, failures: 0, notEvaluated: undefined };
      this.rules.set(key, e);
    }
    return e;
  }
  /** Rules that could not be evaluated (with the reason). */
  notEvaluated() {
    return [...this.rules.values()].filter((e) => e.notEvaluated !== undefined);
  }
  evaluated() {
    return [...this.rules.values()].filter((e) => e.evaluations > 0);
  }
}

function evaluateCel(doc, schema, kindKey, stats) {
  const errors = [];
  const copy = structuredClone(doc);
  applyDefaults(copy, schema);
  const walk = (value, s, instancePath, schemaPath) => {
    if (!s || value === undefined) return;
    for (const rule of s['x-kubernetes-validations'] ?? []) {
      const e = stats.entry(kindKey, schemaPath || '/', rule);
      if (/\boldSelf\b/.test(rule.rule)) {
        e.notEvaluated = 'transition rule (uses oldSelf; only meaningful on update)';
        continue;
      }
      const result = cel.run(rule.rule, { self: toCel(value, s) }, { funcs: celExt.strings });
      if (cel.isCelError(result)) {
        const msg = result.message ?? String(result);
        if (/field not found|no such key/i.test(msg)) {
          e.evaluations++;
          e.failures++;
          errors.push(`${instancePath || '/'}: ${rule.message ?? `failed rule: ${rule.rule}`} (CEL: ${msg})`);
        } else {
          e.notEvaluated = UNEVALUABLE.test(msg) ? `cannot evaluate here: ${msg}` : `evaluation error: ${msg}`;
        }
        continue;
      }
      e.evaluations++;
      if (result !== true) {
        e.failures++;
        const at = rule.fieldPath ? `${instancePath}${rule.fieldPath.replace(/\./g, '/')}` : instancePath || '/';
        errors.push(`${at}: ${rule.message ?? `failed rule: ${rule.rule}`} (CEL rule: ${rule.rule})`);
      }
    }
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, s.items, `${instancePath}/${i}`, `${schemaPath}/items`));
      return;
    }
    for (const [k, v] of Object.entries(value)) {
      if (s.properties && k in s.properties) walk(v, s.properties[k], `${instancePath}/${k}`, `${schemaPath}/${k}`);
      else if (typeof s.additionalProperties === 'object') walk(v, s.additionalProperties, `${instancePath}/${k}`, `${schemaPath}/*`);
    }
  };
  walk(copy, schema, '', '');
  return errors;
}

function collectCelRules(schema, schemaPath, out) {
  if (!schema || typeof schema !== 'object') return out;
  for (const r of schema['x-kubernetes-validations'] ?? []) out.push({ path: schemaPath || '/', rule: r.rule });
  for (const [k, v] of Object.entries(schema.properties ?? {})) collectCelRules(v, `${schemaPath}/${k}`, out);
  if (schema.items) collectCelRules(schema.items, `${schemaPath}/items`, out);
  if (typeof schema.additionalProperties === 'object') collectCelRules(schema.additionalProperties, `${schemaPath}/*`, out);
  return out;
}

// ---------------------------------------------------------------------------

class ConformanceValidator {
  /**
   * @param {object} [options]
   * @param {string} [options.crdsDir] CRD folder (default: $CRDS_DIR, else ../shared/crds)
   * @param {Record<string,string>} [options.tags] pin a tag per project, e.g. { strimzi: '0.45.0' }
   *   (default: the newest tag serving the group/version/kind; also $CONFORMANCE_TAGS="strimzi=0.45.0,keda=v2.20.2")
   */
  constructor(options = {}) {
    this.crdsDir = resolveCrdsDir(options.crdsDir);
    const { index, crdCount } = loadCrdIndex(this.crdsDir);
    this.index = index;
    this.crdCount = crdCount;
    this.tags = { ...parseTags(process.env.CONFORMANCE_TAGS), ...(options.tags ?? {}) };
    this.ajv = newAjv();
    this.compiled = new Map();
    this.formats = new Set();
    this.cel = new CelStats();
    /** kind keys of custom resources that were validated */
    this.validatedCrdKinds = new Set();
  }

  /** The CRD entry used for an apiVersion + kind, or undefined. */
  crdFor(apiVersion, kind) {
    const list = this.index.get(`${apiVersion}|${kind}`);
    if (!list) return undefined;
    const pinned = list.find((e) => this.tags[e.project] !== undefined);
    if (pinned) return list.find((e) => e.tag === this.tags[pinned.project]);
    return list[0];
  }

  compiledFor(entry) {
    const key = `${entry.project}/${entry.tag}/${entry.group}/${entry.version}/${entry.kind}`;
    let c = this.compiled.get(key);
    if (!c) {
      const formats = new Set();
      const converted = convertRoot(entry.schema, formats);
      for (const f of formats) {
        if (!(f in KNOWN_FORMATS) && !this.formats.has(f)) this.ajv.addFormat(f, true); // unknown formats are not checked
        this.formats.add(f);
      }
      c = { validate: this.ajv.compile(converted), key };
      this.compiled.set(key, c);
    }
    return c;
  }

  /** Validates one document; returns error strings (empty when valid). */
  validate(doc) {
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return ['/: document is not an object'];
    const errors = [];
    if (typeof doc.apiVersion !== 'string' || typeof doc.kind !== 'string') {
      return ['/: apiVersion and kind must be strings'];
    }
    const entry = this.crdFor(doc.apiVersion, doc.kind);
    errors.push(...checkMetadata(doc.metadata, { kind: doc.kind, closed: entry !== undefined }));
    if (entry) {
      const kindKey = `${entry.kind}.${entry.group}/${entry.version} (${entry.project} ${entry.tag})`;
      const { validate } = this.compiledFor(entry);
      if (!validate(doc)) errors.push(...validate.errors.map(formatAjvError));
      errors.push(...evaluateCel(doc, entry.schema, kindKey, this.cel));
      if (!this.validatedCrdKinds.has(kindKey)) {
        this.validatedCrdKinds.add(kindKey);
        for (const r of collectCelRules(entry.schema, '', [])) {
          const e = this.cel.entry(kindKey, r.path, r);
          if (/\boldSelf\b/.test(r.rule)) e.notEvaluated = 'transition rule (uses oldSelf; only meaningful on update)';
        }
      }
      return errors;
    }
    if (isCrd(doc)) {
      return validateCrd(doc); // kubernetes-models' JSONSchemaProps schema lost `description` and `x-kubernetes-*` (crd.js)
    }
    if (hasCoreSchema(doc.apiVersion, doc.kind)) {
      errors.push(...validateCore(doc));
      return errors;
    }
    const pinnedNote = Object.keys(this.tags).length ? ` with pinned tags ${JSON.stringify(this.tags)}` : '';
    errors.push(`/: no schema for ${doc.apiVersion} ${doc.kind} (not a CRD in ${this.crdsDir}${pinnedNote} and not a core Kubernetes kind)`);
    return errors;
  }

  /** CEL rules of validated kinds: those evaluated at least once, and those not evaluated (with reasons). */
  celSummary() {
    const all = [...this.cel.rules.values()];
    return {
      evaluated: all.filter((e) => e.evaluations > 0 && e.notEvaluated === undefined),
      notEvaluated: all.filter((e) => e.notEvaluated !== undefined),
      notReached: all.filter((e) => e.evaluations === 0 && e.notEvaluated === undefined),
    };
  }
}

function parseTags(s) {
  const out = {};
  for (const part of (s ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
    const [k, v] = part.split('=');
    if (k && v) out[k.trim()] = v.trim();
  }
  return out;
}

module.exports = {
  ConformanceValidator,
  MissingCrdsError,
  resolveCrdsDir,
  loadCrdIndex,
  convertSchema,
  HOW_TO_GET_CRDS,
  REPO_ROOT,
};
