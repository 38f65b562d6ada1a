// Decimal text without decimal.js: strict parsing, exact comparison and display rounding on
// native BigInt. The content script uses this (decimal.js, the engine and the facts stay in the
// background, issue 3 budgets); money math itself stays in src/core/decimal.
//
// A value is `units / 10^scale` with an integer scale ≥ 0, so every operation here is exact.

export interface Fixed {
  units: bigint;
  scale: number;
}

// The same grammar and bounds as parseDecimalText in ./decimal: plain or exponent notation,
// at most 64 characters, magnitude 0 or within [1e-18, 1e21).
const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const STRICT_SHAPE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const MAX_TEXT = 64;
const MAX_ORDER = 20; // |v| < 1e21: the first significant digit is at most at 10^20
const MIN_ORDER = -18; // |v| ≥ 1e-18

/** Plain notation only ("-12.5", "0.001"): what the engine and the feeds emit. */
const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

const ZERO: Fixed = { units: 0n, scale: 0 };

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Strict decimal text (the rules of parseDecimalText) → Fixed; undefined for anything else. */
export function parseDecimalFixed(raw: unknown): Fixed | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_TEXT || !STRICT_SHAPE.test(raw)) return undefined;
  const m = DECIMAL_TEXT.exec(raw);
  if (m === null) return undefined;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = m;
  const digits = (whole + fraction).replace(/^0+/, '');
  if (digits === '') return ZERO;
  const exponent = Number(exponentText) - fraction.length; // value = digits × 10^exponent
  const order = digits.length - 1 + exponent;
  if (!Number.isFinite(order) || order > MAX_ORDER || order < MIN_ORDER) return undefined;
  const signed = sign === '-' ? -BigInt(digits) : BigInt(digits);
  return exponent >= 0 ? { units: signed * pow10(exponent), scale: 0 } : { units: signed, scale: -exponent };
}

/** Plain decimal text of at most `maxLength` characters → Fixed (no magnitude bounds). */
export function parsePlainDecimal(raw: unknown, maxLength = 200): Fixed | undefined {
  if (typeof raw !== 'string' || raw.length > maxLength) return undefined;
  const m = PLAIN.exec(raw);
  if (m === null) return undefined;
  const [, sign = '', whole = '', fraction = ''] = m;
  const units = BigInt(whole + fraction);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

export function isDecimalText(raw: unknown): raw is string {
  return parseDecimalFixed(raw) !== undefined;
}

/** Canonical plain text, as Decimal#toFixed() writes it: "65000", "0.5", "-1.25", never "-0". */
export function plainText(value: Fixed): string {
  const negative = value.units < 0n;
  let digits = (negative ? -value.units : value.units).toString();
  if (value.scale > 0) {
    digits = digits.padStart(value.scale + 1, '0');
    const cut = digits.length - value.scale;
    const fraction = digits.slice(cut).replace(/0+$/, '');
    digits = fraction === '' ? digits.slice(0, cut) : `${digits.slice(0, cut)}.${fraction}`;
  }
  return negative && value.units !== 0n ? `-${digits}` : digits;
}

/** Strict decimal text → its canonical plain form ("0.50" → "0.5", "1e3" → "1000"). */
export function normalizeDecimalText(raw: unknown): string | undefined {
  const value = parseDecimalFixed(raw);
  return value === undefined ? undefined : plainText(value);
}

function align(a: Fixed, b: Fixed): [bigint, bigint] {
  if (a.scale === b.scale) return [a.units, b.units];
  return a.scale > b.scale
    ? [a.units, b.units * pow10(a.scale - b.scale)]
    : [a.units * pow10(b.scale - a.scale), b.units];
}

export function compareFixed(a: Fixed, b: Fixed): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function signOf(value: Fixed): -1 | 0 | 1 {
  return value.units < 0n ? -1 : value.units > 0n ? 1 : 0;
}

export function absFixed(value: Fixed): Fixed {
  return value.units < 0n ? { units: -value.units, scale: value.scale } : value;
}

/** value × 10^n, exactly. */
export function shiftFixed(value: Fixed, n: number): Fixed {
  const scale = value.scale - n;
  return scale >= 0 ? { units: value.units, scale } : { units: value.units * pow10(-scale), scale: 0 };
}

/** value × k for a small integer k (e.g. twice a limit). */
export function timesInt(value: Fixed, k: number): Fixed {
  return { units: value.units * BigInt(k), scale: value.scale };
}

/**
 * Rounds to `decimals` places: 'half-up' rounds a tie away from zero (decimal.js ROUND_HALF_UP),
 * 'down' cuts toward zero (ROUND_DOWN). The result has exactly that scale.
 */
export function roundFixed(value: Fixed, decimals: number, mode: 'half-up' | 'down' = 'half-up'): Fixed {
  if (value.scale <= decimals) return { units: value.units * pow10(decimals - value.scale), scale: decimals };
  const divisor = pow10(value.scale - decimals);
  const negative = value.units < 0n;
  const abs = negative ? -value.units : value.units;
  let q = abs / divisor;
  if (mode === 'half-up' && (abs % divisor) * 2n >= divisor) q += 1n;
  return { units: negative ? -q : q, scale: decimals };
}

/** |value| with exactly `decimals` places (after rounding), no sign: "1234.50". */
export function absDigits(value: Fixed, decimals: number): { whole: string; fraction: string } {
  const rounded = absFixed(roundFixed(value, decimals));
  const digits = rounded.units.toString().padStart(decimals + 1, '0');
  const cut = digits.length - decimals;
  return { whole: digits.slice(0, cut), fraction: digits.slice(cut) };
}

/** Base-10 exponent of the first significant digit (0.00012 → -4, 65000 → 4); 0 for zero. */
export function leadingExponent(value: Fixed): number {
  if (value.units === 0n) return 0;
  return absFixed(value).units.toString().length - 1 - value.scale;
}

/** Number of digits of the integer part of |value| ("65000.5" → 5, "0.3" → 1). */
export function integerDigits(value: Fixed): number {
  return Math.max(1, absFixed(value).units.toString().length - value.scale);
}
