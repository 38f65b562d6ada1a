// The schema kit: paths, strictness, optional keys, unions, refinements and inferred types.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  array,
  attempt,
  boolean,
  check,
  fail,
  is,
  literal,
  map,
  nullable,
  number,
  obj,
  object,
  oneOf,
  optional,
  record,
  refine,
  string,
  union,
  variant,
  type Infer,
} from '../../src/schema';

const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const decimal = string({ max: 100, pattern: DECIMAL, reason: 'is not a decimal string' });
const position = object({ side: oneOf(['long', 'short']), entryPrice: decimal, note: optional(string({ max: 10 })) });
const account = object({ wallet: nullable(decimal), positions: array(position, { max: 3 }) });
const form = object({ account, leverage: number({ min: 1, max: 1000 }), hedge: boolean });

const good = {
  account: {
    wallet: '10',
    positions: [
      { side: 'long', entryPrice: '1' },
      { side: 'short', entryPrice: '2', note: 'x' },
    ],
  },
  leverage: 5,
  hedge: false,
};

describe('schema kit', () => {
  it('passes a valid value through, with the keys of the schema', () => {
    expect(check(form, good)).toEqual({ ok: true, value: good });
  });

  it('names the failing path deep inside', () => {
    const bad = structuredClone(good);
    bad.account.positions[1]!.entryPrice = '1e5';
    expect(check(form, bad)).toEqual({
      ok: false,
      path: 'account.positions[1].entryPrice',
      reason: 'is not a decimal string',
    });
  });

  it('is strict: unknown keys fail with their path, missing keys too', () => {
    expect(check(form, { ...good, extra: 1 })).toMatchObject({
      ok: false,
      path: 'extra',
      reason: 'is an unknown key',
    });
    const { hedge: _, ...missing } = good;
    expect(check(form, missing)).toMatchObject({ ok: false, path: 'hedge', reason: 'is missing' });
    expect(check(form, null)).toMatchObject({ ok: false, path: '', reason: 'is not an object' });
    expect(check(form, null, 'form')).toMatchObject({ ok: false, path: 'form' });
  });

  it('reads own properties only', () => {
    const inherited = Object.create({ hedge: true }) as Record<string, unknown>;
    Object.assign(inherited, { account: good.account, leverage: 5 });
    expect(check(form, inherited)).toMatchObject({ ok: false, path: 'hedge' });
  });

  it('bounds arrays and records', () => {
    const list = array(number(), { max: 2, min: 1 });
    expect(check(list, [1, 2, 3])).toMatchObject({ ok: false, reason: 'has more than 2 items' });
    expect(check(list, [])).toMatchObject({ ok: false, reason: 'has fewer than 1 items' });
    const map1 = record(string({ pattern: /^[a-z]+$/ }), nullable(decimal), { max: 2 });
    expect(check(map1, { a: '1', b: null })).toEqual({ ok: true, value: { a: '1', b: null } });
    expect(check(map1, { a: '1', B: null })).toMatchObject({ ok: false, path: 'B' });
    expect(check(map1, { a: '1', b: '2', c: '3' })).toMatchObject({ ok: false, reason: 'has more than 2 entries' });
  });

  it('unions, variants, literals, refinements and transforms', () => {
    const result = union(object({ error: string() }), object({ value: decimal }));
    expect(check(result, { error: 'x' }).ok).toBe(true);
    expect(check(result, { value: '1' }).ok).toBe(true);
    expect(check(result, { value: 'x' })).toMatchObject({ ok: false, path: 'value' });
    const shape = variant('kind', {
      circle: object({ kind: literal('circle'), r: number() }),
      square: object({ kind: literal('square'), side: number() }),
    });
    expect(check(shape, { kind: 'square', side: 2 }).ok).toBe(true);
    expect(check(shape, { kind: 'oval' })).toMatchObject({ ok: false, path: 'kind' });
    const even = refine(number({ integer: true }), (n) => n % 2 === 0, 'is odd');
    expect(check(even, 3)).toMatchObject({ ok: false, reason: 'is odd' });
    const length = map(string(), (s) => s.length);
    expect(check(length, 'abc')).toEqual({ ok: true, value: 3 });
    expect(is(even)(4)).toBe(true);
  });

  it('imperative primitives share the error: "path reason"', () => {
    expect(attempt(() => obj([], 'body'))).toEqual({ ok: false, reason: 'body is not an object' });
    expect(attempt(() => fail('', 'Bybit error 1'))).toEqual({ ok: false, reason: 'Bybit error 1' });
    expect(() => attempt(() => JSON.parse('{'))).toThrow(SyntaxError);
  });

  it('infers the types from the schema', () => {
    type Form = Infer<typeof form>;
    expectTypeOf<Form['leverage']>().toEqualTypeOf<number>();
    expectTypeOf<Form['account']['wallet']>().toEqualTypeOf<string | null>();
    expectTypeOf<Form['account']['positions'][number]>().toEqualTypeOf<{
      side: 'long' | 'short';
      entryPrice: string;
      note?: string;
    }>();
  });
});
