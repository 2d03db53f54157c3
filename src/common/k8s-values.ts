/*
 * Values the Kubernetes API server validates, checked at synth time: namespace
 * and object names, label and annotation keys and values, environment variable
 * names, quantities, probe integers and tolerations. Each check reports through
 * the collector with a KAF-K8S rule ID. Library-internal.
 */
import { Size } from 'cdk8s';
import { isDns1123Label, isDns1123Subdomain } from './names';
import { quantityOf } from './safe-units';
import { ViolationCollector } from './validation';

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const QUANTITY = /^[+-]?(\d+(\.\d*)?|\.\d+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;
/** The API server's limit on the total size of an object's annotations. */
const ANNOTATIONS_MAX_BYTES = 256 * 1024;

/** Why `key` is not a valid label or annotation key, or undefined. */
export function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return 'has more than one "/"';
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (prefix !== undefined && !isDns1123Subdomain(prefix)) return `has the prefix "${prefix}", which is not a DNS-1123 subdomain (lower-case letters, digits, "-" and ".")`;
  if (name.length === 0) return 'has an empty name part';
  if (name.length > 63) return `has a name part of ${name.length} characters (at most 63)`;
  if (!LABEL_NAME.test(name)) return 'has a name part that is not letters, digits, "-", "_" and "." starting and ending with a letter or digit';
  return undefined;
}

/** Why `value` is not a valid label value, or undefined. */
export function labelValueProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `is a ${typeof value}, not a string`;
  if (value.length > 63) return `has ${value.length} characters (at most 63)`;
  if (value !== '' && !LABEL_NAME.test(value)) return 'is not letters, digits, "-", "_" and "." starting and ending with a letter or digit';
  return undefined;
}

/** Checks labels: every key a qualified name, every value a label value. */
export function checkLabels(c: ViolationCollector, subject: string, where: string, labels: { [key: string]: any } | undefined): void {
  for (const [k, v] of Object.entries(labels ?? {})) {
    const kp = qualifiedNameProblem(k);
    c.check(kp !== undefined, subject, `label key "${k}" on ${where} ${kp}, so the API server rejects it`,
      'use e.g. "app.kubernetes.io/name" (optional DNS prefix, "/", a name of at most 63 characters)', 'KAF-K8S-002');
    const vp = labelValueProblem(v);
    c.check(vp !== undefined, subject, `label "${k}" on ${where} has value ${JSON.stringify(v)}, which ${vp}, so the API server rejects it`,
      'use at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit (or an empty string); put free text into an annotation', 'KAF-K8S-003');
  }
}

/** Checks annotations: every key a qualified name, values strings, the total within 256 KiB. */
export function checkAnnotations(c: ViolationCollector, subject: string, where: string, annotations: { [key: string]: any } | undefined): void {
  let bytes = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    const kp = qualifiedNameProblem(k);
    c.check(kp !== undefined, subject, `annotation key "${k}" on ${where} ${kp}, so the API server rejects it`,
      'use e.g. "example.com/owner" (optional DNS prefix, "/", a name of at most 63 characters)', 'KAF-K8S-004');
    c.check(typeof v !== 'string', subject, `annotation "${k}" on ${where} has value ${JSON.stringify(v)}, not a string`, 'quote the value', 'KAF-K8S-004');
    bytes += Buffer.byteLength(k) + Buffer.byteLength(String(v));
  }
  c.check(bytes > ANNOTATIONS_MAX_BYTES, subject, `the annotations on ${where} take ${bytes} bytes, above the API server's limit of ${ANNOTATIONS_MAX_BYTES}`,
    'move large values into a ConfigMap', 'KAF-K8S-004');
}

/** Checks a namespace name (a DNS-1123 label). */
export function checkNamespace(c: ViolationCollector, subject: string, what: string, ns: string | undefined): void {
  c.check(ns !== undefined && !isDns1123Label(ns), subject,
    `${what} "${ns}" is not a valid namespace name (DNS-1123 label: at most 63 lower-case letters, digits and "-", starting and ending with a letter or digit)`,
    'use a name like "kafka"', 'KAF-K8S-001');
}

/** Checks the name of an object the API server stores by name (Secret, StorageClass, PriorityClass, ...): a DNS-1123 subdomain. */
export function checkObjectName(c: ViolationCollector, subject: string, what: string, name: string | undefined): void {
  c.check(name !== undefined && !isDns1123Subdomain(name), subject,
    `${what} "${name}" is not a valid Kubernetes object name (DNS-1123 subdomain: at most 253 lower-case letters, digits, "-" and ".")`,
    'use a name like "fast-ssd"', 'KAF-K8S-005');
}

/** Checks environment variable names. */
export function checkEnvNames(c: ViolationCollector, subject: string, where: string, env: { [name: string]: any } | undefined): void {
  for (const name of Object.keys(env ?? {})) {
    c.check(!ENV_NAME.test(name), subject, `environment variable name "${name}" in ${where} is not valid (letters, digits, "_", "-" and ".", not starting with a digit)`,
      'use e.g. "MY_SETTING"', 'KAF-K8S-006');
  }
}

/** Whether a string is a Kubernetes quantity in canonical-ish form (no NaN, no mixed exponent and suffix). */
export function isQuantity(q: string): boolean {
  return QUANTITY.test(q);
}

/** Checks that a Size renders as a quantity the API server accepts. */
export function checkQuantity(c: ViolationCollector, subject: string, what: string, s: Size | undefined): void {
  if (s === undefined) return;
  const q = quantityOf(s);
  c.check(!isQuantity(q) || q.startsWith('-'), subject, `${what} ${s.asString()} does not render as a Kubernetes quantity (${q})`,
    'use a positive, whole number of KiB, MiB or GiB (Size.mebibytes(512), Size.gibibytes(20))', 'KAF-K8S-007');
}

/** Checks a probe or similar integer field: a whole number of at least `min`. */
export function checkInteger(c: ViolationCollector, subject: string, what: string, n: number | undefined, min: number): void {
  c.check(n !== undefined && (!Number.isInteger(n) || n < min), subject, `${what} ${n} is not a whole number of at least ${min} (the API server rejects it)`,
    `use ${min} or more`, 'KAF-K8S-008');
}

/** A toleration as the library accepts it. */
export interface TolerationLike {
  readonly key?: string;
  readonly operator?: string;
  readonly value?: string;
  readonly effect?: string;
}

/** Checks tolerations: `Exists` takes no value, and an empty key needs `Exists`. */
export function checkTolerations(c: ViolationCollector, subject: string, where: string, tolerations: TolerationLike[] | undefined): void {
  (tolerations ?? []).forEach((t, i) => {
    c.check(t.operator === 'Exists' && t.value !== undefined && t.value !== '', subject,
      `toleration ${i} in ${where} uses operator Exists with value "${t.value}" (the API server requires an empty value with Exists)`,
      'drop the value, or use operator Equal', 'KAF-K8S-009');
    c.check(!t.key && t.operator !== 'Exists', subject, `toleration ${i} in ${where} has no key, which the API server allows only with operator Exists`,
      'set a key, or use TolerationOperator.EXISTS', 'KAF-K8S-009');
    if (t.key) {
      const kp = qualifiedNameProblem(t.key);
      c.check(kp !== undefined, subject, `toleration ${i} in ${where} has key "${t.key}", which ${kp}`, 'use a label key like "dedicated"', 'KAF-K8S-009');
    }
  });
}
