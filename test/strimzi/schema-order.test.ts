import * as strimzi from '../../imports/kafka.strimzi.io';
import { FieldOrder, inSchemaOrder, SchemaOrder } from '../../src/strimzi/render/schema-order';
import { orderUserSpecV1, USER_SPEC_ORDER_V1 } from '../../src/strimzi/render/v1/user';

/** Every field path a generated `toJson_...` function reads, found by handing it a recording proxy. */
function fieldsReadBy(toJson: (x: any) => any): string[] {
  const paths = new Set<string>();
  const recorder = (path: string): any => new Proxy({}, {
    get(_target, key) {
      if (typeof key !== 'string') return undefined;
      if (key === 'map') return (f: (y: any) => any) => [f(recorder(`${path}[]`))];
      const p = path ? `${path}.${key}` : key;
      paths.add(p);
      return recorder(p);
    },
    ownKeys: () => [],
  });
  toJson(recorder(''));
  return [...paths].sort();
}

/** The same, from a schema order. */
function fieldsOf(order: SchemaOrder, path = ''): string[] {
  const out: string[] = [];
  for (const [key, field] of Object.entries(order)) {
    const p = path ? `${path}.${key}` : key;
    out.push(p);
    out.push(...nested(field, p));
  }
  return out.sort();
}

function nested(field: FieldOrder, p: string): string[] {
  if (field === 'value' || field === 'map') return [];
  if (Array.isArray(field)) return field[1] === 'value' ? [] : fieldsOf(field[1] as SchemaOrder, `${p}[]`);
  return fieldsOf(field as SchemaOrder, p);
}

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = (seed % 2147483646) + 1;
  return () => {
    s = (s * 16807) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

/** A value for every field of `order` (or, with `rnd`, for a random part of them), keys in reverse or shuffled order. */
function sample(order: SchemaOrder, rnd?: () => number, prefix = 'v'): any {
  const keys = Object.keys(order).reverse();
  if (rnd) keys.sort(() => rnd() - 0.5);
  const out: any = {};
  for (const key of keys) {
    if (rnd && rnd() < 0.3) continue;
    out[key] = sampleField(order[key], rnd, `${prefix}.${key}`);
  }
  return out;
}

function sampleField(field: FieldOrder, rnd: (() => number) | undefined, prefix: string): any {
  if (field === 'value') return prefix.length % 2 === 0 ? prefix : prefix.length;
  if (field === 'map') return { z: `${prefix}-z`, a: `${prefix}-a`, 10: 'ten', 2: 'two' };
  if (Array.isArray(field)) {
    const n = rnd ? Math.floor(rnd() * 4) : 3;
    return Array.from({ length: n }, (_, i) => sampleField(field[1] as FieldOrder, rnd, `${prefix}[${i}]`));
  }
  return sample(field as SchemaOrder, rnd, prefix);
}

describe('schema order fast path', () => {
  test('the KafkaUser order names exactly the fields toJson_KafkaUserSpec reads', () => {
    expect(fieldsOf(USER_SPEC_ORDER_V1)).toEqual(fieldsReadBy(strimzi.toJson_KafkaUserSpec));
  });

  test('a KafkaUser spec with every field comes out as the generated function writes it, key order included', () => {
    const spec = sample(USER_SPEC_ORDER_V1);
    const fast = inSchemaOrder(USER_SPEC_ORDER_V1, spec);
    expect(fast).toBeDefined();
    expect(JSON.stringify(fast)).toEqual(JSON.stringify(strimzi.toJson_KafkaUserSpec(spec)));
  });

  test.each(Array.from({ length: 200 }, (_, i) => i))('a KafkaUser spec with some of the fields (seed %i)', (seed) => {
    const spec = sample(USER_SPEC_ORDER_V1, random(seed));
    const fast = inSchemaOrder(USER_SPEC_ORDER_V1, spec);
    expect(fast).toBeDefined();
    expect(JSON.stringify(fast)).toEqual(JSON.stringify(strimzi.toJson_KafkaUserSpec(spec)));
  });

  test('gives up on a field or a shape it does not know, and the generated function writes the spec', () => {
    const unknownField = { authentication: { type: 'tls', extra: 1 } };
    const notAnObject = { authentication: 'tls' };
    const notAList = { authorization: { type: 'simple', acls: { resource: {} } } };
    const undefinedItem = { authorization: { acls: [undefined] } };
    const outcome = (f: () => any) => {
      try {
        return JSON.stringify(f());
      } catch (e) {
        return `throws ${(e as Error).message}`;
      }
    };
    for (const spec of [unknownField, notAnObject, notAList, undefinedItem]) {
      expect(inSchemaOrder(USER_SPEC_ORDER_V1, spec)).toBeUndefined();
      expect(outcome(() => orderUserSpecV1(spec))).toEqual(outcome(() => strimzi.toJson_KafkaUserSpec(spec as any)));
    }
    expect(inSchemaOrder(USER_SPEC_ORDER_V1, undefined)).toBeUndefined();
    expect(orderUserSpecV1(undefined)).toBeUndefined();
  });

  test('undefined fields are left out and null ones kept, as in the generated code', () => {
    const spec = { authentication: { type: undefined, validityDays: null }, authorization: { acls: null, type: 'simple' } };
    expect(JSON.stringify(inSchemaOrder(USER_SPEC_ORDER_V1, spec))).toEqual(JSON.stringify(strimzi.toJson_KafkaUserSpec(spec as any)));
  });
});
