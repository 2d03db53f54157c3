'use strict';
/*
 * Core Kubernetes kinds against the OpenAPI schemas shipped (precompiled) by
 * `kubernetes-models` 4.x.
 *
 * Those validators never reject unknown fields. Strictness is added here: the
 * document is handed to the validator through Proxies that record which keys
 * the validator reads. A compiled validator reads exactly the properties its
 * schema declares (and enumerates all keys of free-form maps such as labels),
 * so a key of an object the validator inspected but never read is a field the
 * schema does not have: it is reported as unknown, like
 * `kubectl apply --validate=strict`. Objects the validator never looked into
 * (schema-less values such as RawExtension) are left alone.
 */
const fs = require('fs');
const path = require('path');

const { checkLabelMap, checkEmbeddedMetadata, DNS1123_LABEL } = require('./metadata');

const MODELS_DIR = path.dirname(require.resolve('kubernetes-models/package.json'));
const cache = new Map();

function modelFile(apiVersion, kind) {
  if (!/^[A-Za-z0-9.]+(\/[A-Za-z0-9]+)?$/.test(apiVersion) || !/^[A-Za-z0-9]+$/.test(kind)) return undefined;
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [undefined, apiVersion];
  const file = group ? path.join(MODELS_DIR, group, version, `${kind}.js`) : path.join(MODELS_DIR, version, `${kind}.js`);
  return fs.existsSync(file) ? file : undefined;
}

/** The precompiled validate function of a kind, or undefined when kubernetes-models has none. */
function coreValidator(apiVersion, kind) {
  const key = `${apiVersion}|${kind}`;
  if (cache.has(key)) return cache.get(key);
  let validate;
  const file = modelFile(apiVersion, kind);
  if (file) {
    const m = /_schemas\/([A-Za-z0-9]+)\.js/.exec(fs.readFileSync(file, 'utf8'));
    if (m) validate = require(path.join(MODELS_DIR, '_schemas', `${m[1]}.js`)).validate;
  }
  cache.set(key, validate);
  return validate;
}

function hasCoreSchema(apiVersion, kind) {
  return coreValidator(apiVersion, kind) !== undefined;
}

function describeType(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function formatError(e) {
  const at = e.instancePath || '/';
  const p = e.params ?? {};
  switch (e.keyword) {
    case 'required': return `${at}: missing required field "${p.missingProperty}"`;
    case 'type': return `${at}: must be ${p.type}, got ${describeType(e.data)}`;
    case 'enum': return `${at}: value is not one of ${JSON.stringify(p.allowedValues)}`;
    default: return `${at}: ${e.message ?? e.keyword} ${JSON.stringify(p)}`;
  }
}

/** Validates a core-kind document strictly; returns error strings. */
function validateCore(doc) {
  const validate = coreValidator(doc.apiVersion, doc.kind);
  if (!validate) return [`/: no kubernetes-models schema for ${doc.apiVersion} ${doc.kind}`];
  const readKeys = new WeakMap();
  const proxies = new WeakMap();
  const note = (t, k) => {
    if (typeof k === 'string') readKeys.get(t).add(k);
  };
  const wrap = (o) => {
    if (o === null || typeof o !== 'object') return o;
    if (proxies.has(o)) return proxies.get(o);
    readKeys.set(o, new Set());
    const p = new Proxy(o, {
      get(t, k, r) { note(t, k); return wrap(Reflect.get(t, k, r)); },
      has(t, k) { note(t, k); return Reflect.has(t, k); },
      getOwnPropertyDescriptor(t, k) { note(t, k); return Reflect.getOwnPropertyDescriptor(t, k); },
      ownKeys(t) { for (const k of Reflect.ownKeys(t)) note(t, k); return Reflect.ownKeys(t); },
    });
    proxies.set(o, p);
    return p;
  };
  const errors = [];
  // The precompiled functions report `data` only with verbose ajv; resolve it from the path instead.
  if (!validate(wrap(doc))) {
    for (const e of validate.errors ?? []) {
      let data = doc;
      for (const seg of (e.instancePath || '').split('/').slice(1)) data = data?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
      errors.push(formatError({ ...e, data }));
    }
  }
  const walk = (o, at) => {
    if (o === null || typeof o !== 'object') return;
    if (Array.isArray(o)) {
      o.forEach((v, i) => walk(v, `${at}/${i}`));
      return;
    }
    const read = readKeys.get(o);
    // `read` is undefined when the validator never reached this object; a non-empty set
    // means it looked at the object's properties.
    if (read && read.size > 0) {
      for (const k of Object.keys(o)) if (!read.has(k)) errors.push(`${at || ''}: unknown field "${k}"`.replace(/^: /, '/: '));
    }
    for (const [k, v] of Object.entries(o)) walk(v, `${at}/${k}`);
  };
  walk(doc, '');
  errors.push(...checkApiServerRules(doc));
  return errors;
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

function dns1123LabelProblem(v, what) {
  return typeof v === 'string' && (v.length > 63 || !DNS1123_LABEL.test(v))
    ? `${JSON.stringify(v)} is not a valid ${what} (DNS-1123 label: lowercase alphanumerics and "-", at most 63 characters)`
    : undefined;
}

/**
 * Rules the API server's validation applies to core kinds beyond their OpenAPI
 * schema (the kubernetes-models validators do not know them): label syntax in
 * embedded metadata (pod and job templates, claim templates), label selectors,
 * Service selectors and nodeSelector; container, volume and container-port names.
 */
function checkApiServerRules(doc) {
  const errors = [];
  const walk = (o, at, parentKey) => {
    if (o === null || typeof o !== 'object') return;
    if (Array.isArray(o)) {
      o.forEach((v, i) => {
        const item = `${at}/${i}`;
        if (CONTAINER_LISTS.has(parentKey) && v && typeof v === 'object') {
          const p = dns1123LabelProblem(v.name, 'container name');
          if (p) errors.push(`${item}/name: ${p}`);
          for (const [j, port] of (Array.isArray(v.ports) ? v.ports : []).entries()) {
            const n = port?.name;
            if (typeof n === 'string' && (n.length > 15 || !IANA_SVC_NAME.test(n) || !/[a-z]/.test(n) || n.includes('--'))) {
              errors.push(`${item}/ports/${j}/name: ${JSON.stringify(n)} is not a valid port name (IANA_SVC_NAME: at most 15 lowercase alphanumerics and "-", at least one letter, no "--")`);
            }
          }
        }
        if (parentKey === 'volumes' && v && typeof v === 'object') {
          const p = dns1123LabelProblem(v.name, 'volume name');
          if (p) errors.push(`${item}/name: ${p}`);
        }
        walk(v, item, parentKey);
      });
      return;
    }
    for (const [k, v] of Object.entries(o)) {
      const child = `${at}/${k}`;
      if (k === 'metadata' && at !== '') checkEmbeddedMetadata(v, child, errors);
      else if (k === 'matchLabels' || k === 'nodeSelector') checkLabelMap(v, at, k, errors);
      else if (k === 'selector' && at === '/spec' && doc.kind === 'Service') checkLabelMap(v, at, k, errors);
      walk(v, child, k);
    }
  };
  walk(doc, '', '');
  return errors;
}

module.exports = { validateCore, hasCoreSchema };
