'use strict';
/*
 * CustomResourceDefinition documents (apiextensions.k8s.io/v1), checked the way
 * the API server checks them on create.
 *
 * kubernetes-models cannot do this: its JSONSchemaProps schema lost the fields
 * named `description` and every `x-kubernetes-*` extension when descriptions
 * were stripped, so every real CRD would fail. Here the envelope (names, scope,
 * versions, subresources, printer columns, conversion) is checked field by field,
 * and every node of each openAPIV3Schema against the JSONSchemaProps fields
 * (unknown keys rejected), plus the API server's CRD rules: the name is
 * `<plural>.<group>`, exactly one storage version, unique version names, a
 * schema for every version, a structural root of type object, valid list and
 * map types, list-map keys that are required or defaulted, and CEL rules with
 * a rule expression.
 */
const { checkMetadata } = require('./metadata');

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const KIND = /^[A-Za-z][A-Za-z0-9]*$/;

const SCHEMA_FIELDS = new Set(['id', '$schema', '$ref', 'description', 'type', 'format', 'title', 'default', 'maximum', 'exclusiveMaximum',
  'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'multipleOf', 'enum',
  'maxProperties', 'minProperties', 'required', 'items', 'allOf', 'oneOf', 'anyOf', 'not', 'properties', 'additionalProperties',
  'patternProperties', 'dependencies', 'additionalItems', 'definitions', 'externalDocs', 'example', 'nullable',
  'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-embedded-resource', 'x-kubernetes-int-or-string', 'x-kubernetes-list-map-keys',
  'x-kubernetes-list-type', 'x-kubernetes-map-type', 'x-kubernetes-validations']);
const TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);
const VALIDATION_RULE_FIELDS = new Set(['rule', 'message', 'messageExpression', 'reason', 'fieldPath', 'optionalOldSelf']);
const REASONS = new Set(['FieldValueInvalid', 'FieldValueForbidden', 'FieldValueRequired', 'FieldValueDuplicate']);

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function closed(obj, at, allowed, errors) {
  if (!isObject(obj)) {
    errors.push(`${at}: must be an object`);
    return false;
  }
  for (const k of Object.keys(obj)) if (!allowed.includes(k)) errors.push(`${at}: unknown field "${k}"`);
  return true;
}

function str(v, at, errors, { required = false, pattern, max } = {}) {
  if (v === undefined) {
    if (required) errors.push(`${at}: required`);
    return;
  }
  if (typeof v !== 'string') {
    errors.push(`${at}: must be a string, got ${JSON.stringify(v)}`);
    return;
  }
  if (pattern && !pattern.test(v)) errors.push(`${at}: ${JSON.stringify(v)} does not match ${pattern}`);
  if (max && v.length > max) errors.push(`${at}: ${JSON.stringify(v)} is longer than ${max} characters`);
}

function bool(v, at, errors) {
  if (v !== undefined && typeof v !== 'boolean') errors.push(`${at}: must be a boolean, got ${JSON.stringify(v)}`);
}

function strList(v, at, errors, pattern) {
  if (v === undefined) return;
  if (!Array.isArray(v)) {
    errors.push(`${at}: must be a list of strings`);
    return;
  }
  v.forEach((x, i) => str(x, `${at}/${i}`, errors, { pattern }));
}

/** One JSONSchemaProps node (recursively). */
function checkSchema(s, at, errors, { root = false, junctor = false } = {}) {
  if (typeof s === 'boolean') return; // JSONSchemaPropsOrBool
  if (!isObject(s)) {
    errors.push(`${at}: must be a schema object`);
    return;
  }
  for (const k of Object.keys(s)) if (!SCHEMA_FIELDS.has(k)) errors.push(`${at}: unknown field "${k}"`);
  if (s.type !== undefined && !TYPES.has(s.type)) errors.push(`${at}/type: ${JSON.stringify(s.type)} is not one of ${[...TYPES].join(', ')}`);
  for (const k of ['description', 'format', 'title', 'pattern', 'id', '$schema', '$ref']) str(s[k], `${at}/${k}`, errors);
  for (const k of ['nullable', 'uniqueItems', 'x-kubernetes-preserve-unknown-fields', 'x-kubernetes-embedded-resource', 'x-kubernetes-int-or-string']) {
    bool(s[k], `${at}/${k}`, errors);
  }
  for (const k of ['maximum', 'minimum', 'multipleOf', 'maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties']) {
    if (s[k] !== undefined && typeof s[k] !== 'number') errors.push(`${at}/${k}: must be a number`);
  }
  for (const k of ['exclusiveMaximum', 'exclusiveMinimum']) bool(s[k], `${at}/${k}`, errors);
  strList(s.required, `${at}/required`, errors);
  if (s.enum !== undefined && !Array.isArray(s.enum)) errors.push(`${at}/enum: must be a list`);
  // Structural schema: a type on every node that is not an int-or-string or a preserve-unknown-fields node.
  // (Nodes under allOf/anyOf/oneOf/not only add value checks and need no type.)
  if (!junctor && s.type === undefined && s['x-kubernetes-int-or-string'] !== true && s['x-kubernetes-preserve-unknown-fields'] !== true
    && (s.properties !== undefined || s.items !== undefined || s.additionalProperties !== undefined)) {
    errors.push(`${at}: type is required in a structural schema`);
  }
  if (root && s.type !== 'object') errors.push(`${at}/type: the root schema must be of type "object", got ${JSON.stringify(s.type)}`);
  if (s.properties !== undefined && s.additionalProperties !== undefined && s.additionalProperties !== false) {
    errors.push(`${at}: properties and additionalProperties are mutually exclusive`);
  }
  const listType = s['x-kubernetes-list-type'];
  if (listType !== undefined) {
    if (!['atomic', 'set', 'map'].includes(listType)) errors.push(`${at}/x-kubernetes-list-type: ${JSON.stringify(listType)} is not one of atomic, set, map`);
    if (s.type !== 'array') errors.push(`${at}/x-kubernetes-list-type: only allowed on arrays`);
  }
  const mapKeys = s['x-kubernetes-list-map-keys'];
  if (mapKeys !== undefined) {
    strList(mapKeys, `${at}/x-kubernetes-list-map-keys`, errors);
    if (listType !== 'map') errors.push(`${at}/x-kubernetes-list-map-keys: only allowed with x-kubernetes-list-type "map"`);
    const item = isObject(s.items) ? s.items : {};
    for (const key of Array.isArray(mapKeys) ? mapKeys : []) {
      const p = item.properties?.[key];
      if (!p) errors.push(`${at}/x-kubernetes-list-map-keys: key "${key}" is not a property of the items`);
      else if (!(item.required ?? []).includes(key) && p.default === undefined) {
        errors.push(`${at}/x-kubernetes-list-map-keys: key "${key}" must be required or have a default`);
      }
    }
  } else if (listType === 'map') {
    errors.push(`${at}: x-kubernetes-list-type "map" needs x-kubernetes-list-map-keys`);
  }
  const mapType = s['x-kubernetes-map-type'];
  if (mapType !== undefined && !['granular', 'atomic'].includes(mapType)) {
    errors.push(`${at}/x-kubernetes-map-type: ${JSON.stringify(mapType)} is not one of granular, atomic`);
  }
  if (s['x-kubernetes-validations'] !== undefined) {
    if (!Array.isArray(s['x-kubernetes-validations'])) errors.push(`${at}/x-kubernetes-validations: must be a list`);
    else {
      s['x-kubernetes-validations'].forEach((r, i) => {
        const rat = `${at}/x-kubernetes-validations/${i}`;
        if (!closed(r, rat, [...VALIDATION_RULE_FIELDS], errors)) return;
        str(r.rule, `${rat}/rule`, errors, { required: true });
        for (const k of ['message', 'messageExpression', 'fieldPath']) str(r[k], `${rat}/${k}`, errors);
        if (r.reason !== undefined && !REASONS.has(r.reason)) errors.push(`${rat}/reason: ${JSON.stringify(r.reason)} is not one of ${[...REASONS].join(', ')}`);
        bool(r.optionalOldSelf, `${rat}/optionalOldSelf`, errors);
      });
    }
  }
  if (s.externalDocs !== undefined && closed(s.externalDocs, `${at}/externalDocs`, ['description', 'url'], errors)) {
    str(s.externalDocs.description, `${at}/externalDocs/description`, errors);
    str(s.externalDocs.url, `${at}/externalDocs/url`, errors);
  }
  for (const k of ['properties', 'patternProperties', 'definitions']) {
    if (s[k] === undefined) continue;
    if (!isObject(s[k])) errors.push(`${at}/${k}: must be an object`);
    else for (const [name, child] of Object.entries(s[k])) checkSchema(child, `${at}/${k}/${name}`, errors, { junctor });
  }
  if (s.dependencies !== undefined) {
    for (const [name, dep] of Object.entries(s.dependencies)) {
      if (Array.isArray(dep)) strList(dep, `${at}/dependencies/${name}`, errors);
      else checkSchema(dep, `${at}/dependencies/${name}`, errors, { junctor });
    }
  }
  for (const k of ['items', 'additionalProperties', 'additionalItems', 'not']) {
    if (s[k] === undefined) continue;
    if (Array.isArray(s[k]) && k === 'items') s[k].forEach((x, i) => checkSchema(x, `${at}/items/${i}`, errors, { junctor }));
    else checkSchema(s[k], `${at}/${k}`, errors, { junctor: junctor || k === 'not' });
  }
  for (const k of ['allOf', 'oneOf', 'anyOf']) {
    if (s[k] === undefined) continue;
    if (!Array.isArray(s[k])) errors.push(`${at}/${k}: must be a list`);
    else s[k].forEach((x, i) => checkSchema(x, `${at}/${k}/${i}`, errors, { junctor: true }));
  }
}

function checkVersion(v, at, errors) {
  if (!closed(v, at, ['name', 'served', 'storage', 'deprecated', 'deprecationWarning', 'schema', 'subresources', 'additionalPrinterColumns', 'selectableFields'], errors)) return;
  str(v.name, `${at}/name`, errors, { required: true, pattern: DNS1035_LABEL, max: 63 });
  for (const k of ['served', 'storage']) {
    if (typeof v[k] !== 'boolean') errors.push(`${at}/${k}: required boolean`);
  }
  bool(v.deprecated, `${at}/deprecated`, errors);
  str(v.deprecationWarning, `${at}/deprecationWarning`, errors);
  if (v.schema === undefined || v.schema.openAPIV3Schema === undefined) {
    errors.push(`${at}/schema/openAPIV3Schema: required (apiextensions.k8s.io/v1 needs a schema for every version)`);
  } else if (closed(v.schema, `${at}/schema`, ['openAPIV3Schema'], errors)) {
    checkSchema(v.schema.openAPIV3Schema, `${at}/schema/openAPIV3Schema`, errors, { root: true });
  }
  if (v.subresources !== undefined && closed(v.subresources, `${at}/subresources`, ['status', 'scale'], errors)) {
    if (v.subresources.status !== undefined && !isObject(v.subresources.status)) errors.push(`${at}/subresources/status: must be an object`);
    const sc = v.subresources.scale;
    if (sc !== undefined && closed(sc, `${at}/subresources/scale`, ['specReplicasPath', 'statusReplicasPath', 'labelSelectorPath'], errors)) {
      str(sc.specReplicasPath, `${at}/subresources/scale/specReplicasPath`, errors, { required: true });
      str(sc.statusReplicasPath, `${at}/subresources/scale/statusReplicasPath`, errors, { required: true });
      str(sc.labelSelectorPath, `${at}/subresources/scale/labelSelectorPath`, errors);
    }
  }
  (v.additionalPrinterColumns ?? []).forEach((c, i) => {
    const cat = `${at}/additionalPrinterColumns/${i}`;
    if (!closed(c, cat, ['name', 'type', 'format', 'description', 'priority', 'jsonPath'], errors)) return;
    str(c.name, `${cat}/name`, errors, { required: true });
    str(c.jsonPath, `${cat}/jsonPath`, errors, { required: true });
    str(c.description, `${cat}/description`, errors);
    if (!['integer', 'number', 'string', 'boolean', 'date'].includes(c.type)) errors.push(`${cat}/type: ${JSON.stringify(c.type)} is not one of integer, number, string, boolean, date`);
    if (c.priority !== undefined && !Number.isInteger(c.priority)) errors.push(`${cat}/priority: must be an integer`);
  });
  (v.selectableFields ?? []).forEach((f, i) => {
    if (closed(f, `${at}/selectableFields/${i}`, ['jsonPath'], errors)) str(f.jsonPath, `${at}/selectableFields/${i}/jsonPath`, errors, { required: true });
  });
}

/** Validates an apiextensions.k8s.io/v1 CustomResourceDefinition; returns error strings. */
function validateCrd(doc) {
  const errors = [];
  closed(doc, '', ['apiVersion', 'kind', 'metadata', 'spec', 'status'], errors);
  errors.push(...checkMetadata(doc.metadata, { kind: doc.kind, closed: true }));
  const spec = doc.spec;
  if (!closed(spec, '/spec', ['group', 'names', 'scope', 'versions', 'conversion', 'preserveUnknownFields'], errors)) return errors;
  str(spec.group, '/spec/group', errors, { required: true, pattern: DNS1123_SUBDOMAIN });
  if (typeof spec.group === 'string' && !spec.group.includes('.')) errors.push(`/spec/group: ${JSON.stringify(spec.group)} must contain a dot`);
  if (!['Namespaced', 'Cluster'].includes(spec.scope)) errors.push(`/spec/scope: ${JSON.stringify(spec.scope)} is not one of Namespaced, Cluster`);
  if (spec.preserveUnknownFields === true) errors.push('/spec/preserveUnknownFields: must be false in apiextensions.k8s.io/v1');
  const names = spec.names;
  if (closed(names, '/spec/names', ['plural', 'singular', 'kind', 'listKind', 'shortNames', 'categories'], errors)) {
    str(names.plural, '/spec/names/plural', errors, { required: true, pattern: DNS1035_LABEL });
    str(names.singular, '/spec/names/singular', errors, { pattern: DNS1035_LABEL });
    str(names.kind, '/spec/names/kind', errors, { required: true, pattern: KIND });
    str(names.listKind, '/spec/names/listKind', errors, { pattern: KIND });
    strList(names.shortNames, '/spec/names/shortNames', errors, DNS1035_LABEL);
    strList(names.categories, '/spec/names/categories', errors, DNS1035_LABEL);
    if (typeof names.plural === 'string' && typeof spec.group === 'string' && doc.metadata?.name !== `${names.plural}.${spec.group}`) {
      errors.push(`/metadata/name: ${JSON.stringify(doc.metadata?.name)} must be "${names.plural}.${spec.group}" (<spec.names.plural>.<spec.group>)`);
    }
  }
  if (!Array.isArray(spec.versions) || spec.versions.length === 0) {
    errors.push('/spec/versions: at least one version is required');
  } else {
    spec.versions.forEach((v, i) => checkVersion(v, `/spec/versions/${i}`, errors));
    const storage = spec.versions.filter((v) => v && v.storage === true).length;
    if (storage !== 1) errors.push(`/spec/versions: exactly one version must be the storage version, found ${storage}`);
    const seen = new Set();
    for (const v of spec.versions) {
      if (v && seen.has(v.name)) errors.push(`/spec/versions: version "${v.name}" is listed twice`);
      if (v) seen.add(v.name);
    }
  }
  const conv = spec.conversion;
  if (conv !== undefined && closed(conv, '/spec/conversion', ['strategy', 'webhook'], errors)) {
    if (!['None', 'Webhook'].includes(conv.strategy)) errors.push(`/spec/conversion/strategy: ${JSON.stringify(conv.strategy)} is not one of None, Webhook`);
    if (conv.strategy === 'Webhook' && !conv.webhook) errors.push('/spec/conversion/webhook: required for strategy Webhook');
    if (conv.webhook !== undefined && closed(conv.webhook, '/spec/conversion/webhook', ['clientConfig', 'conversionReviewVersions'], errors)) {
      strList(conv.webhook.conversionReviewVersions, '/spec/conversion/webhook/conversionReviewVersions', errors);
      const cc = conv.webhook.clientConfig;
      if (cc !== undefined && closed(cc, '/spec/conversion/webhook/clientConfig', ['url', 'service', 'caBundle'], errors) && cc.service !== undefined) {
        closed(cc.service, '/spec/conversion/webhook/clientConfig/service', ['namespace', 'name', 'path', 'port'], errors);
      }
    }
  }
  return errors;
}

function isCrd(doc) {
  return doc?.apiVersion === 'apiextensions.k8s.io/v1' && doc?.kind === 'CustomResourceDefinition';
}

module.exports = { validateCrd, isCrd };
