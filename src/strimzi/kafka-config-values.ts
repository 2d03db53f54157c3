/*
 * How Kafka reads one configuration value (ConfigDef.parseType) and checks it against
 * its key's validator, for the generated broker and topic tables. Shared by the broker
 * config rules (broker-config.ts) and the topic config rules (topic-config-rules.ts),
 * which give the problems their own rule IDs. Library-internal.
 */
import { KafkaConfigDef } from './kafka-config-def';

const INT_RANGE: { [type: string]: [bigint, bigint] } = {
  short: [-(2n ** 15n), 2n ** 15n - 1n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
};

/** `major.minor` of a Kafka version as a comparable number (4.3.1 -> 4003). */
export function kafkaRelease(version: string): number {
  const m = /^(\d+)\.(\d+)/.exec(version);
  return m ? Number(m[1]) * 1000 + Number(m[2]) : Number.MAX_SAFE_INTEGER;
}

/** The value as Kafka parses it, or an error text. */
export function parseConfigValue(def: KafkaConfigDef, raw: any): { value?: any; error?: string } {
  const text = typeof raw === 'string' ? raw.trim() : raw;
  switch (def.type) {
    case 'boolean': {
      if (typeof text === 'boolean') return { value: text };
      if (typeof text === 'string' && /^(true|false)$/i.test(text)) return { value: text.toLowerCase() === 'true' };
      return { error: 'is not a boolean (true or false)' };
    }
    case 'short':
    case 'int':
    case 'long': {
      const s = typeof text === 'number' ? (Number.isInteger(text) ? BigInt(text).toString() : String(text)) : typeof text === 'string' ? text : undefined;
      if (s === undefined || !/^[+-]?\d+$/.test(s)) return { error: `is not a whole number (Kafka type ${def.type})` };
      const n = BigInt(s);
      const [lo, hi] = INT_RANGE[def.type];
      if (n < lo || n > hi) return { error: `is outside the ${def.type} range ${lo} to ${hi}` };
      return { value: Number(n) };
    }
    case 'double': {
      const n = typeof text === 'number' ? text : typeof text === 'string' && text !== '' ? Number(text) : NaN;
      if (!Number.isFinite(n)) return { error: 'is not a finite number' };
      return { value: n };
    }
    case 'list': {
      if (Array.isArray(raw)) return { value: raw.map((x) => String(x).trim()) };
      const s = String(text);
      return { value: s === '' ? [] : s.split(/\s*,\s*/) };
    }
    default:
      return { value: typeof text === 'string' ? text : String(text) };
  }
}

/** Units worth repeating after a number (counts such as replicas or threads read fine without). */
const MEASURES = ['ms', 'bytes', 'bytes/second', 'seconds', 'minutes', 'hours', 'connections/second', 'percent'];

/** Which validator a value failed: the callers report each kind under a rule ID of their own. */
export type ValidatorFailure = 'range' | 'values' | 'duplicate' | 'throttled' | 'empty';

/** A value that fails its key's validator: the kind, what is wrong (after the value's name) and the fix. */
export interface ValidatorProblem {
  readonly kind: ValidatorFailure;
  /** Starts with the value as written, e.g. `0 is out of range: Kafka accepts at least 1`. */
  readonly problem: string;
  readonly fix: string;
}

/** The bounds of a key on a Kafka version: the validator's, raised by later releases. */
function boundsOf(def: KafkaConfigDef, kafkaVersion: string): { min?: number; max?: number; since?: string } {
  let min = def.validator?.kind === 'range' ? def.validator.min : undefined;
  let since: string | undefined;
  for (const b of def.bounds ?? []) {
    if (b.min !== undefined && kafkaRelease(kafkaVersion) >= kafkaRelease(b.since)) {
      min = b.min;
      since = b.since;
    }
  }
  return { min, max: def.validator?.kind === 'range' ? def.validator.max : undefined, since };
}

/** Checks one parsed value against the key's validator and the bounds of the Kafka version. */
export function validatorProblem(def: KafkaConfigDef, raw: any, value: any, kafkaVersion: string): ValidatorProblem | undefined {
  const v = def.validator;
  const shown = JSON.stringify(raw);
  const unit = def.unit && MEASURES.includes(def.unit) ? ` ${def.unit}` : '';
  if (v?.kind === 'range' || (def.bounds ?? []).length > 0) {
    const { min, max, since } = boundsOf(def, kafkaVersion);
    const allowed = v?.alsoAllowed ?? [];
    const n = Number(value);
    const out = (min !== undefined && n < min) || (max !== undefined && n > max);
    if (out && !allowed.includes(n)) {
      const range = min !== undefined && max !== undefined ? `${min} to ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
      const extra = allowed.length > 0 ? ` (or ${allowed.join(', ')})` : '';
      const problem = `${shown}${unit} is out of range: Kafka ${since ? `${since}+ ` : ''}accepts ${range}${unit}${extra}`;
      return { kind: 'range', problem, fix: `use a value ${range}${extra}` };
    }
  }
  if (v?.kind === 'in' || v?.kind === 'list') {
    const since = def.valuesSince ?? {};
    const values = (v.values ?? []).filter((x) => since[x] === undefined || kafkaRelease(kafkaVersion) >= kafkaRelease(since[x]));
    const items: string[] = v.kind === 'list' ? value : [value];
    const norm = (x: string) => (v.caseInsensitive ? x.toLowerCase() : x);
    const bad = items.filter((x) => !values.map(norm).includes(norm(x)));
    if (bad.length > 0) {
      const later = bad.filter((x) => def.valuesSince?.[x] !== undefined).map((x) => ` (${JSON.stringify(x)} needs Kafka ${def.valuesSince![x]}+)`).join('');
      return {
        kind: 'values',
        problem: `${shown}: ${bad.map((x) => JSON.stringify(x)).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not among Kafka's values ${values.join(', ')}${later}`,
        fix: `use ${v.kind === 'list' ? 'a comma-separated list of ' : 'one of '}${values.join(', ')}`,
      };
    }
    if (v.kind === 'list' && new Set(items).size !== items.length) {
      return { kind: 'duplicate', problem: `${shown} lists a value twice`, fix: 'list each value once' };
    }
  }
  if (v?.kind === 'throttledReplicas') {
    const items: string[] = value;
    const ok = (items.length === 1 && items[0] === v.wildcard) || items.every((x) => /^([0-9]+:[0-9]+)?$/.test(x));
    if (!ok) {
      return { kind: 'throttled', problem: `${shown} is neither "*" nor a list of partitionId:brokerId entries`, fix: 'use e.g. "0:1,1:2", or "*" for all replicas' };
    }
  }
  if (v?.kind === 'nonEmpty' && value === '') {
    return { kind: 'empty', problem: `${shown} is empty, which Kafka refuses`, fix: 'set a value, or remove the key to use Kafka\'s default' };
  }
  return undefined;
}

/** Whether two strings are at most two edits (insert, delete, replace) apart: the near-miss test of misspelt keys. */
export function withinTwoEdits(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > 2) return false;
    prev = row;
  }
  return prev[b.length] <= 2;
}
