'use strict';
/*
 * metadata checks the API server applies to every object, whatever its kind:
 * name and namespace syntax, label and annotation maps of strings with valid
 * keys (and label values), and for custom resources the closed ObjectMeta field set.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const OBJECT_META_FIELDS = new Set(['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation',
  'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences',
  'finalizers', 'managedFields']);

/** Kinds whose names are DNS-1035 labels (must start with a letter, at most 63 characters). */
const DNS1035_NAMED = new Set(['Service']);
/** Kinds whose names are DNS-1123 labels (at most 63 characters). */
const LABEL_NAMED = new Set(['Namespace']);

function labelValueProblem(v) {
  return v.length > 63 || !LABEL_VALUE.test(v)
    ? `label value ${JSON.stringify(v)} must be at most 63 characters of [A-Za-z0-9-_.], starting and ending alphanumeric`
    : undefined;
}

/**
 * A map the API server validates like labels (qualified-name keys, label values):
 * metadata.labels of embedded templates, matchLabels, Service selectors, nodeSelector.
 * `at` is the JSON pointer of the object holding the map.
 */
function checkLabelMap(map, at, field, errors) {
  checkStringMap(map, field, errors, labelValueProblem, at);
}

/** labels and annotations of an embedded ObjectMeta (e.g. a pod template's) at `at`. */
function checkEmbeddedMetadata(meta, at, errors) {
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) return;
  checkStringMap(meta.labels, 'labels', errors, labelValueProblem, at);
  checkStringMap(meta.annotations, 'annotations', errors, undefined, at);
}

function isSubdomain(s) {
  return typeof s === 'string' && s.length <= 253 && DNS1123_SUBDOMAIN.test(s);
}

function qualifiedNameProblem(key) {
  if (typeof key !== 'string' || key.length === 0) return 'must be a non-empty string';
  const parts = key.split('/');
  if (parts.length > 2) return 'must be a qualified name ([prefix/]name)';
  const name = parts[parts.length - 1];
  if (parts.length === 2 && !isSubdomain(parts[0])) return `prefix "${parts[0]}" must be a DNS-1123 subdomain`;
  if (name.length > 63 || !QUALIFIED_NAME.test(name)) {
    return `name part "${name}" must be at most 63 characters of [A-Za-z0-9-_.], starting and ending alphanumeric`;
  }
  return undefined;
}

function checkStringMap(map, field, errors, checkValue, at = '/metadata') {
  if (map === undefined) return;
  if (map === null || typeof map !== 'object' || Array.isArray(map)) {
    errors.push(`${at}/${field}: must be a map of strings`);
    return;
  }
  for (const [k, v] of Object.entries(map)) {
    const keyProblem = qualifiedNameProblem(k);
    if (keyProblem) errors.push(`${at}/${field}: key ${JSON.stringify(k)} ${keyProblem}`);
    if (typeof v !== 'string') {
      errors.push(`${at}/${field}/${k}: must be a string, got ${JSON.stringify(v)}`);
    } else if (checkValue) {
      const p = checkValue(v);
      if (p) errors.push(`${at}/${field}/${k}: ${p}`);
    }
  }
}

/**
 * Checks an object's metadata.
 * @param {any} meta the metadata
 * @param {object} [opts]
 * @param {string} [opts.kind] the kind (Service names are DNS-1035 labels)
 * @param {boolean} [opts.closed] reject fields ObjectMeta does not have (custom resources;
 *   for core kinds the kubernetes-models validator already does this)
 */
function checkMetadata(meta, opts = {}) {
  const errors = [];
  if (meta === undefined || meta === null || typeof meta !== 'object' || Array.isArray(meta)) {
    return ['/metadata: missing or not an object'];
  }
  if (opts.closed) {
    for (const k of Object.keys(meta)) if (!OBJECT_META_FIELDS.has(k)) errors.push(`/metadata: unknown field "${k}"`);
  }
  if (meta.name === undefined) {
    if (meta.generateName === undefined) errors.push('/metadata: missing required field "name"');
  } else if (typeof meta.name !== 'string') {
    errors.push(`/metadata/name: must be a string, got ${JSON.stringify(meta.name)}`);
  } else if (DNS1035_NAMED.has(opts.kind)) {
    if (meta.name.length > 63 || !DNS1035_LABEL.test(meta.name)) {
      errors.push(`/metadata/name: "${meta.name}" is not a valid ${opts.kind} name (DNS-1035 label: lowercase alphanumerics and "-", starting with a letter, at most 63 characters)`);
    }
  } else if (LABEL_NAMED.has(opts.kind)) {
    if (meta.name.length > 63 || !DNS1123_LABEL.test(meta.name)) {
      errors.push(`/metadata/name: "${meta.name}" is not a valid DNS-1123 label (lowercase alphanumerics and "-", at most 63 characters)`);
    }
  } else if (!isSubdomain(meta.name)) {
    errors.push(`/metadata/name: "${meta.name}" is not a valid DNS-1123 subdomain (lowercase alphanumerics, "-" and ".", at most 253 characters)`);
  }
  if (meta.namespace !== undefined && (typeof meta.namespace !== 'string' || meta.namespace.length > 63 || !DNS1123_LABEL.test(meta.namespace))) {
    errors.push(`/metadata/namespace: ${JSON.stringify(meta.namespace)} is not a valid DNS-1123 label (lowercase alphanumerics and "-", at most 63 characters)`);
  }
  checkStringMap(meta.labels, 'labels', errors, labelValueProblem);
  checkStringMap(meta.annotations, 'annotations', errors);
  if (meta.annotations && typeof meta.annotations === 'object') {
    const size = Object.entries(meta.annotations).reduce((n, [k, v]) => n + k.length + String(v).length, 0);
    if (size > 256 * 1024) errors.push(`/metadata/annotations: total size ${size} exceeds 262144 bytes`);
  }
  if (meta.finalizers !== undefined && (!Array.isArray(meta.finalizers) || meta.finalizers.some((f) => typeof f !== 'string'))) {
    errors.push('/metadata/finalizers: must be a list of strings');
  }
  return errors;
}

module.exports = { checkMetadata, checkLabelMap, checkEmbeddedMetadata, isSubdomain, qualifiedNameProblem, DNS1123_LABEL };
