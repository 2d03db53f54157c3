/*
 * A fast path for the schema-order pass of the renderers (library-internal).
 *
 * The classes generated from the CRDs bring a resolved spec into the schema's
 * field order with one `toJson_<Type>` function per object type; each copies
 * its object once per field, which for a spec of many small objects (a
 * KafkaUser's ACLs) costs more than rendering it. `inSchemaOrder()` writes the
 * same result from a description of the field order, and gives up (returns
 * undefined) on any field or shape the description does not know, so the
 * caller then uses the generated function. Tests compare the two.
 */

/** How one field is written: as it is, as an object of known fields, a list of either, or a string map. */
export type FieldOrder = 'value' | 'map' | SchemaOrder | ListOrder;

/** A list whose items are written as they are, or as objects of known fields. */
export type ListOrder = readonly ['list', SchemaOrder | 'value'];

/** The fields of an object type, in the schema's order. */
export interface SchemaOrder {
  readonly [field: string]: FieldOrder;
}

/** Gave up: the value has something the order does not describe. */
const UNKNOWN = Symbol('unknown');

/**
 * `value` as the generated `toJson_<Type>` for `order` writes it: the known
 * fields in schema order, undefined ones left out. Undefined when `value` is
 * not a plain object or has a field or a shape `order` does not describe.
 */
export function inSchemaOrder(order: SchemaOrder, value: unknown): any {
  const out = ordered(order, value);
  return out === UNKNOWN ? undefined : out;
}

function isPlainObject(x: unknown): x is { [key: string]: unknown } {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function ordered(order: SchemaOrder, value: unknown): any {
  if (!isPlainObject(value)) return UNKNOWN;
  for (const key of Object.keys(value)) {
    if (!Object.prototype.hasOwnProperty.call(order, key)) return UNKNOWN;
  }
  const out: { [key: string]: unknown } = {};
  for (const key of Object.keys(order)) {
    const v = value[key];
    if (v === undefined) continue;
    const field = order[key];
    let written: unknown;
    if (field === 'value') {
      written = v;
    } else if (field === 'map') {
      written = stringMap(v);
    } else if (isList(field)) {
      written = items(field[1], v);
    } else {
      written = ordered(field, v);
    }
    if (written === UNKNOWN) return UNKNOWN;
    if (written !== undefined) out[key] = written;
  }
  return out;
}

function isList(f: FieldOrder): f is ListOrder {
  return Array.isArray(f);
}

/** `v?.map(...)` of the generated code, for arrays; anything else is left to it. */
function items(item: SchemaOrder | 'value', v: unknown): unknown {
  if (v === null) return undefined;
  if (!Array.isArray(v)) return UNKNOWN;
  if (item === 'value') return v.map((y) => y);
  const out: unknown[] = [];
  for (const y of v) {
    const o = ordered(item, y);
    if (o === UNKNOWN) return UNKNOWN;
    out.push(o);
  }
  return out;
}

/** The generated copy of a string map, without undefined entries. */
function stringMap(v: unknown): unknown {
  if (!isPlainObject(v)) return UNKNOWN;
  const out: { [key: string]: unknown } = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === '__proto__') return UNKNOWN;
    if (x !== undefined) out[k] = x;
  }
  return out;
}
