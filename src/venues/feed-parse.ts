// Strict readers for exchange API bodies. Every value is checked for type and range;
// anything unexpected makes the whole response count as malformed (the caller keeps its
// older figures and retries) rather than letting a half-understood body through.
// The primitives (obj, arr, str, fail, attempt) are the schema kit's (src/schema); these are the
// feed-only ones built on it: decimal.js numbers, exchange times and texts (background only).
import { parseDecimalText, type Dec } from '../core/decimal';
import { fail, str } from '../schema';
import type { DecimalString } from './types';

/**
 * A JSON number as decimal text. JSON.parse has already turned the wire digits into a double;
 * String() gives the shortest text that round-trips to that double, which equals the wire text
 * for any price of up to 15 significant digits (every price these APIs publish). Beyond that
 * the value is the nearest double, not the exact wire digits: acceptable for a display figure,
 * and the reason REST values (strings) are preferred where an API offers both.
 */
export function numberText(v: number): string {
  return String(v);
}

type Range = 'positive' | 'non-negative' | 'any';

function inRange(value: Dec, range: Range): boolean {
  if (range === 'positive') return value.greaterThan(0);
  if (range === 'non-negative') return !value.isNegative();
  return true;
}

/** A decimal given as a JSON string ("65000.10"), normalised to plain text ("65000.1"). */
/** Plain decimal text as every venue's API writes it: no exponent, no sign but '-', no spaces. */
const PLAIN_DECIMAL = /^-?\d{1,30}(\.\d{1,30})?$/;

export function decimalString(v: unknown, where: string, range: Range): DecimalString {
  // "6.4e4" parses to the right number, but no venue sends it: text in another shape is not theirs.
  const parsed = typeof v === 'string' && PLAIN_DECIMAL.test(v) ? parseDecimalText(v) : undefined;
  if (parsed === undefined) fail(where, 'is not a decimal string');
  if (!inRange(parsed, range)) fail(where, 'is out of range');
  return parsed.toFixed();
}

/** A decimal given as a JSON number (Kraken WebSocket v2, Kraken levels), via numberText. */
export function decimalNumber(v: unknown, where: string, range: Range): DecimalString {
  const parsed = typeof v === 'number' && Number.isFinite(v) ? parseDecimalText(numberText(v)) : undefined;
  if (parsed === undefined) fail(where, 'is not a number');
  if (!inRange(parsed, range)) fail(where, 'is out of range');
  return parsed.toFixed();
}

/** Epoch milliseconds: a non-negative safe integer JSON number. */
export function epochMs(v: unknown, where: string): number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : fail(where, 'is not a time in ms');
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** RFC 3339 text → epoch ms; sub-millisecond digits are dropped by Date.parse's precision. */
export function rfc3339(v: unknown, where: string): number {
  const text = str(v, where);
  // Date.parse understands at most milliseconds; trim extra fraction digits first.
  const ms = RFC3339.test(text) ? Date.parse(text.replace(/(\.\d{3})\d+/, '$1')) : Number.NaN;
  return Number.isFinite(ms) && ms >= 0 ? ms : fail(where, 'is not an RFC 3339 time');
}

/** Text from an exchange, made safe to show: printable ASCII only, bounded length. */
export function exchangeText(v: unknown): string {
  const text = typeof v === 'string' ? v : 'unknown error';
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 80);
}

/**
 * A table of all symbols reaches every market's runner as the same parsed body (one shared
 * fetch): checked once, the result reused, keyed by the body object itself.
 */
export function memoByBody<T>(parse: (body: unknown) => T): (body: unknown) => T {
  const seen = new WeakMap<object, T>();
  return (body) => {
    if (typeof body !== 'object' || body === null) return parse(body);
    if (!seen.has(body)) seen.set(body, parse(body));
    return seen.get(body)!;
  };
}
