// Display rounding for the overlay, and only here: the engine's figures are unrounded decimal
// strings. Everything is rounded exactly from the string (BigInt, src/core/decimal-text) and
// grouped as text, never via a float, so a 20-digit price or a 1e-12 price prints exactly as
// rounded. No decimal.js: the overlay runs in the content script.
import {
  absDigits, absFixed, compareFixed, integerDigits, leadingExponent, parsePlainDecimal, roundFixed, shiftFixed, signOf, type Fixed,
} from '../../core/decimal-text';

const MINUS = '\u2212';
const ONE: Fixed = { units: 1n, scale: 0 };

/** A plain decimal string from the engine or the feed → exact value; undefined for anything else. */
export function toDecimal(value: string | null | undefined): Fixed | undefined {
  return value === null || value === undefined ? undefined : parsePlainDecimal(value, 200);
}

function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}

/** Rounds half-up to `decimals` places; `trim` drops trailing fractional zeros. */
export function formatFixed(value: Fixed, decimals: number, trim = false): string {
  const rounded = roundFixed(value, decimals, 'half-up');
  const { whole, fraction: digits } = absDigits(rounded, decimals);
  const fraction = trim ? digits.replace(/0+$/, '') : digits;
  const sign = signOf(rounded) < 0 ? MINUS : '';
  return sign + groupThousands(whole) + (fraction ? `.${fraction}` : '');
}

/** Decimal places that keep `significant` digits of a number below 1 (0.00012345 → 8 for 5). */
function smallDecimals(abs: Fixed, significant: number): number {
  // The base-10 exponent of the first significant digit: 0.00012 → -4.
  return -leadingExponent(abs) + significant - 1;
}

/**
 * Prices: 2 decimals for five-digit prices and up, more as prices get smaller (145.123,
 * 1.23456), five significant digits below 1 (0.000012345). Trailing zeros dropped.
 */
export function priceDecimals(value: Fixed): number {
  const abs = absFixed(value);
  if (signOf(abs) === 0) return 2;
  if (compareFixed(abs, ONE) >= 0) return Math.max(2, 6 - integerDigits(abs));
  return smallDecimals(abs, 5);
}

export function formatPrice(value: string): string | null {
  const dec = toDecimal(value);
  return dec === undefined ? null : formatFixed(dec, priceDecimals(dec), true);
}

/** Money in the quote currency: cents, or three significant digits for sub-unit amounts. */
export function formatMoney(value: string): string | null {
  const dec = toDecimal(value);
  if (dec === undefined) return null;
  const abs = absFixed(dec);
  const decimals = signOf(abs) === 0 || compareFixed(abs, ONE) >= 0 ? 2 : Math.max(2, smallDecimals(abs, 3));
  return formatFixed(dec, decimals);
}

/** A figure already in percent (Kraken margin level 250 = 250 %). */
export function formatPercentValue(dec: Fixed): string {
  const abs = absFixed(dec);
  const atLeastOne = compareFixed(abs, ONE) >= 0;
  const decimals = signOf(abs) === 0 || atLeastOne ? 2 : Math.max(2, smallDecimals(abs, 3));
  return `${formatFixed(dec, decimals, atLeastOne)} %`;
}

/** A fraction shown as percent (liquidation distance 0.015 → "1.5 %"). */
export function formatFraction(value: string): string | null {
  const dec = toDecimal(value);
  return dec === undefined ? null : formatPercentValue(shiftFixed(dec, 2));
}

export function formatRatio(value: string): string | null {
  const dec = toDecimal(value);
  return dec === undefined ? null : formatFixed(dec, 3, true);
}

/** Leverage from a decimal string: "20" → "20×", "2.5" → "2.5×". */
export function formatLeverage(value: string): string {
  const dec = toDecimal(value);
  return dec === undefined ? `${value}×` : `${formatFixed(dec, 2, true)}×`;
}

export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  return `${Math.floor(s / 3600)} h`;
}
