// The one schema kit: every validator (messages, the page form, settings, the popup request, facts,
// exchange feeds) describes its input with these combinators and gets its type from the schema
// (`type X = Infer<typeof x>`), so no interface is copied next to a key list.
//
// A schema is a function (value, path) → value that throws a SchemaError naming the failing path
// ("account.positions[2].entryPrice") and why ("is not a decimal string"). `check` turns that into
// a result, { ok: true, value } or { ok: false, path, reason }; `attempt` does the same for the
// imperative feed parsers, which use the primitives obj/arr/str/fail directly.
//
// Content side: zero dependencies, no decimal.js (it ships in the content script, 27 KiB budget).

export type Obj = Record<string, unknown>;
export type Schema<T> = (value: unknown, path: string) => T;
export type Infer<S> = S extends Schema<infer T> ? T : never;
export type Failure = { ok: false; path: string; reason: string };
export type Result<T> = { ok: true; value: T } | Failure;

/** A value failed its schema at `path`; the message reads "path reason". */
export class SchemaError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(path === '' ? reason : `${path} ${reason}`);
  }
}

export function fail(path: string, reason: string): never {
  throw new SchemaError(path, reason);
}

/** The path of a key or an index below `path`: "account", "account.positions", "positions[2]". */
export const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

/** Runs a schema: its value, or where and why it failed. Never throws a SchemaError. */
export function check<T>(schema: Schema<T>, value: unknown, path = ''): Result<T> {
  try {
    return { ok: true, value: schema(value, path) };
  } catch (error) {
    if (error instanceof SchemaError) return { ok: false, path: error.path, reason: error.reason };
    throw error;
  }
}

/** A type guard from a schema. */
export const is =
  <T>(schema: Schema<T>) =>
  (value: unknown): value is T =>
    check(schema, value).ok;

/** Runs an imperative parser: a SchemaError becomes { ok: false, reason: its message }; anything else is a bug. */
export function attempt<T>(parse: () => T): { ok: true; value: T } | { ok: false; reason: string } {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (error instanceof SchemaError) return { ok: false, reason: error.message };
    throw error;
  }
}

// ── Imperative primitives (the feed parsers, and the combinators below) ──────────────────────────

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const obj = (v: unknown, path: string): Obj => (isObj(v) ? v : fail(path, 'is not an object'));
export const arr = (v: unknown, path: string): unknown[] => (Array.isArray(v) ? v : fail(path, 'is not an array'));
export const str = (v: unknown, path: string): string => (typeof v === 'string' ? v : fail(path, 'is not a string'));
/** `o[key]` only when o has it as its own property (never Object.prototype's "toString" or "__proto__"). */
export const own = (o: Obj, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);

// ── Combinators ─────────────────────────────────────────────────────────────────────────────────

/** Text, optionally bounded and matching a pattern; `reason` replaces the default failure text. */
export const string =
  ({
    max,
    min = 0,
    pattern,
    reason,
  }: { max?: number; min?: number; pattern?: RegExp; reason?: string } = {}): Schema<string> =>
  (v, path) =>
    typeof v === 'string' && v.length >= min && (max === undefined || v.length <= max) && (!pattern || pattern.test(v))
      ? v
      : fail(path, reason ?? (typeof v === 'string' ? 'is not valid text' : 'is not a string'));

/** A number; `integer` asks for a safe integer. */
export const number =
  ({ min, max, integer }: { min?: number; max?: number; integer?: boolean } = {}): Schema<number> =>
  (v, path) =>
    typeof v === 'number' &&
    Number.isFinite(v) &&
    (!integer || Number.isSafeInteger(v)) &&
    (min === undefined || v >= min) &&
    (max === undefined || v <= max)
      ? v
      : fail(path, integer ? 'is not an integer in range' : 'is not a number in range');

export const boolean: Schema<boolean> = (v, path) => (typeof v === 'boolean' ? v : fail(path, 'is not true or false'));

export const literal =
  <const T extends string | number | boolean | null>(value: T): Schema<T> =>
  (v, path) =>
    v === value ? value : fail(path, `is not ${String(value)}`);

/** One of a fixed list of strings. */
export const oneOf =
  <const T extends string>(options: readonly T[]): Schema<T> =>
  (v, path) =>
    (options as readonly unknown[]).includes(v) ? (v as T) : fail(path, `is not one of ${options.join(', ')}`);

export const nullable =
  <T>(schema: Schema<T>): Schema<T | null> =>
  (v, path) =>
    v === null ? null : schema(v, path);

/** A key an object may leave out (absent or undefined); marks its schema for `object`. */
export type Optional<T> = Schema<T | undefined> & { readonly optional: true };
export const optional = <T>(schema: Schema<T>): Optional<T> =>
  Object.assign((v: unknown, path: string) => (v === undefined ? undefined : schema(v, path)), {
    optional: true as const,
  });

/** A list of at most `max` items (and at least `min`). */
export const array =
  <T>(item: Schema<T>, { max, min = 0 }: { max: number; min?: number }): Schema<T[]> =>
  (v, path) => {
    const list = arr(v, path);
    if (list.length > max) fail(path, `has more than ${max} items`);
    if (list.length < min) fail(path, `has fewer than ${min} items`);
    return list.map((x, i) => item(x, at(path, i)));
  };

/** An object used as a map: at most `max` entries, every key and value checked. */
export const record =
  <K extends string, T>(key: Schema<K>, value: Schema<T>, { max }: { max: number }): Schema<Partial<Record<K, T>>> =>
  (v, path) => {
    const entries = Object.entries(obj(v, path));
    if (entries.length > max) fail(path, `has more than ${max} entries`);
    return Object.fromEntries(entries.map(([k, x]) => [key(k, at(path, k)), value(x, at(path, k))])) as Partial<
      Record<K, T>
    >;
  };

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };
export type ObjectOf<S extends Shape> = Flat<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & {
    [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined>;
  }
>;
export type ObjectSchema<S extends Shape> = Schema<ObjectOf<S>> & {
  readonly shape: S;
  readonly keys: (keyof S & string)[];
};

/**
 * An object with exactly the keys of `shape` (optional ones may be absent). Strict: any other
 * key fails ("path.key is an unknown key"). Only own properties count. The value returned is
 * a fresh object with the shape's keys in order.
 */
export function object<const S extends Shape>(shape: S): ObjectSchema<S> {
  const keys = Object.keys(shape);
  const schema = (v: unknown, path: string) => {
    const o = obj(v, path);
    const extra = Object.keys(o).find((k) => !Object.hasOwn(shape, k));
    if (extra !== undefined) fail(at(path, extra), 'is an unknown key');
    const out: Obj = {};
    for (const k of keys) {
      const field = shape[k]!;
      if (!Object.hasOwn(o, k) && !('optional' in field)) fail(at(path, k), 'is missing');
      const value = field(own(o, k), at(path, k));
      if (value !== undefined) out[k] = value;
    }
    return out as ObjectOf<S>;
  };
  return Object.assign(schema, { shape, keys });
}

/** The first schema the value passes; otherwise the failure of the last one. */
export const union =
  <const S extends Schema<unknown>[]>(...schemas: S): Schema<Infer<S[number]>> =>
  (v, path) => {
    let error: unknown;
    for (const schema of schemas) {
      try {
        return schema(v, path) as Infer<S[number]>;
      } catch (e) {
        if (!(e instanceof SchemaError)) throw e;
        error = e;
      }
    }
    throw error;
  };

/** A discriminated union: the value's `key` names which object schema applies. */
export const variant =
  <K extends string, const M extends Record<string, Schema<unknown>>>(key: K, cases: M): Schema<Infer<M[keyof M]>> =>
  (v, path) => {
    const tag = own(obj(v, path), key);
    return typeof tag === 'string' && Object.hasOwn(cases, tag)
      ? (cases[tag]!(v, path) as Infer<M[keyof M]>)
      : fail(at(path, key), `is not one of ${Object.keys(cases).join(', ')}`);
  };

/** A further check on a parsed value: `test` returns false (or a reason) to fail at `path`. */
export const refine =
  <T>(schema: Schema<T>, test: (value: T) => boolean | string, reason: string): Schema<T> =>
  (v, path) => {
    const value = schema(v, path);
    const verdict = test(value);
    return verdict === true ? value : fail(path, typeof verdict === 'string' ? verdict : reason);
  };

/** A parsed value turned into another (the transform may fail(path, …) too). */
export const map =
  <T, U>(schema: Schema<T>, transform: (value: T, path: string) => U): Schema<U> =>
  (v, path) =>
    transform(schema(v, path), path);
