// The field readers of the strict quote-input parser (input.ts): one JSON object's keys read as
// decimal numbers within a bound, enums, symbols and bounded arrays. Anything unexpected throws an
// InputError naming the path (unknown keys too), never a silent default.
import { parseDecimalText, type Dec } from './decimal';
import { clipText, echoValue, InputError } from './errors';

export type Obj = Record<string, unknown>;
export type Bound = 'positive' | 'nonNegative' | 'any' | 'fraction';

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function expectObject(value: unknown, path: string): Obj {
  if (!isObject(value)) throw new InputError('INVALID_TYPE', `${path || 'input'} must be a JSON object`, path);
  return value;
}

export function rejectUnknownKeys(obj: Obj, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      // A key may be megabytes long: the message and path repeat only its start.
      const where = join(path, clipText(key));
      throw new InputError('UNKNOWN_FIELD', `unknown field "${where}" (check the spelling)`, where);
    }
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

export function readNumber(obj: Obj, key: string, path: string, bound: Bound): Dec | undefined {
  const raw = obj[key];
  const where = join(path, key);
  if (raw === undefined || raw === null) return undefined;
  const value = parseDecimalText(raw);
  if (value === undefined) {
    throw new InputError(
      'INVALID_NUMBER',
      `${where} must be a finite decimal number between 1e-18 and 1e21 (got ${echoValue(raw)})`,
      where,
    );
  }
  const ok =
    bound === 'any' ||
    (bound === 'positive' && value.greaterThan(0)) ||
    (bound === 'nonNegative' && value.greaterThanOrEqualTo(0)) ||
    (bound === 'fraction' && value.greaterThanOrEqualTo(0) && value.lessThan(1));
  if (!ok) {
    const rule = {
      positive: 'greater than 0',
      nonNegative: 'at least 0',
      fraction: 'from 0 up to (not including) 1',
      any: '',
    }[bound];
    throw new InputError('OUT_OF_RANGE', `${where} must be ${rule} (got ${value.toFixed()})`, where);
  }
  return value;
}

export function requireNumber(obj: Obj, key: string, path: string, bound: Bound): Dec {
  const value = readNumber(obj, key, path, bound);
  if (value === undefined) throw new InputError('MISSING_FIELD', `${join(path, key)} is required`, join(path, key));
  return value;
}

export function readEnum<T extends string>(
  obj: Obj,
  key: string,
  path: string,
  options: readonly T[],
  fallback?: T,
): T {
  const raw = obj[key];
  const where = join(path, key);
  if (raw === undefined || raw === null) {
    if (fallback !== undefined) return fallback;
    throw new InputError('MISSING_FIELD', `${where} is required (one of ${options.join(', ')})`, where);
  }
  if (typeof raw !== 'string' || !options.includes(raw as T)) {
    throw new InputError(
      'INVALID_ENUM',
      `${where} must be one of ${options.join(', ')} (got ${echoValue(raw)})`,
      where,
    );
  }
  return raw as T;
}

export function readSymbol(obj: Obj, key: string, path: string): string | null {
  const raw = obj[key];
  const where = join(path, key);
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string' || !/^[A-Za-z0-9._:/-]{1,40}$/.test(raw)) {
    throw new InputError(
      'INVALID_TYPE',
      `${where} must be a symbol such as "BTCUSDT" (letters, digits, . _ : / -)`,
      where,
    );
  }
  return raw;
}

export function readArray(obj: Obj, key: string, path: string, maxItems: number): unknown[] {
  const raw = obj[key];
  const where = join(path, key);
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new InputError('INVALID_TYPE', `${where} must be an array`, where);
  if (raw.length > maxItems) throw new InputError('TOO_LARGE', `${where} has more than ${maxItems} entries`, where);
  return raw;
}
