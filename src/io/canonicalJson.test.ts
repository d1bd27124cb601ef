// Tests of canonical JSON: sorted keys at every level, JSON.stringify's layout, and refusal of non-JSON values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalStringify } from './canonicalJson';

/** JSON data whose object keys are not array indices (engines enumerate those first, whatever the sort). */
const jsonData = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ unit: 'binary' }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.string({ unit: 'binary', maxLength: 6 }).filter((k) => !/^(0|[1-9]\d*)$/.test(k)),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value;

/** The reference: rebuild every object with its keys inserted in sorted order, then JSON.stringify. */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      Object.defineProperty(out, key, {
        value: sortedCopy((value as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

describe('canonicalStringify', () => {
  it('sorts keys at every level and keeps array order', () => {
    const value = { b: [3, { z: 1, a: 2 }, 1], a: { d: null, c: 'x' } };
    expect(canonicalStringify(value)).toBe('{"a":{"c":"x","d":null},"b":[3,{"a":2,"z":1},1]}');
  });

  it('lays out indented text exactly as JSON.stringify does', () => {
    const value = { b: [], a: {}, c: [1, { e: true }] };
    expect(canonicalStringify(value, 2)).toBe(
      '{\n  "a": {},\n  "b": [],\n  "c": [\n    1,\n    {\n      "e": true\n    }\n  ]\n}',
    );
  });

  it('equals JSON.stringify of a key-sorted copy, compact and indented, for arbitrary JSON data', () => {
    fc.assert(
      fc.property(jsonData, (value) => {
        const reference = sortedCopy(value);
        expect(canonicalStringify(value)).toBe(JSON.stringify(reference));
        expect(canonicalStringify(value, 2)).toBe(JSON.stringify(reference, null, 2));
      }),
    );
  });

  it('gives the same text whatever order the keys were inserted in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (dict) => {
        const reversed = Object.fromEntries(Object.entries(dict).reverse());
        expect(canonicalStringify(reversed)).toBe(canonicalStringify(dict));
      }),
    );
  });

  it('orders keys by UTF-16 code units, like Array.prototype.sort', () => {
    expect(canonicalStringify({ é: 1, z: 2, Z: 3, '😀': 4, 'ﬀ': 5 })).toBe('{"Z":3,"z":2,"é":1,"😀":4,"ﬀ":5}');
  });

  it('writes a key called __proto__ as data, like any other key', () => {
    const value = JSON.parse('{"__proto__":{"x":1},"a":2}') as unknown;
    expect(canonicalStringify(value)).toBe('{"__proto__":{"x":1},"a":2}');
  });

  it('leaves out object fields that are undefined, as JSON.stringify does', () => {
    expect(canonicalStringify({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('refuses values JSON cannot hold instead of writing null', () => {
    expect(() => canonicalStringify({ a: [1, Number.NaN] })).toThrow('(root).a[1]: NaN cannot be written as JSON');
    expect(() => canonicalStringify({ x: Infinity })).toThrow(TypeError);
    expect(() => canonicalStringify([undefined])).toThrow('(root)[0]: undefined cannot be written as JSON');
    expect(() => canonicalStringify({ d: new Date(0) })).toThrow('only plain objects and arrays');
    expect(() => canonicalStringify({ n: 1n })).toThrow('a bigint cannot be written as JSON');
    expect(() => canonicalStringify(() => 1)).toThrow('a function cannot be written as JSON');
  });

  it('refuses a cycle instead of overflowing the stack', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = { back: a };
    expect(() => canonicalStringify(a)).toThrow('(root).self.back: the data refers to itself (a cycle)');
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { k: 1 };
    expect(canonicalStringify({ a: shared, b: shared })).toBe('{"a":{"k":1},"b":{"k":1}}');
  });
});
