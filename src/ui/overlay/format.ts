// Display rounding for the overlay, and only here: the engine's figures are unrounded decimal
// strings. Everything is rounded with decimal.js from the string and grouped as text, never
// via a float, so a 20-digit price or a 1e-12 price prints exactly as rounded.
import { Dec } from '../../core/decimal';

const MINUS = '\u2212';
const PLAIN = /^-?\d+(?:\.\d+)?$/;

/** A decimal string from the engine or the feed → Dec; undefined for anything else. */
export function toDec(value: string | null | undefined): Dec | undefined {
  if (value === null || value === undefined || value.length > 200 || !PLAIN.test(value)) return undefined;
  return new Dec(value);
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
export function formatFixed(value: Dec, decimals: number, trim = false): string {
  const rounded = value.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
  const [whole = '0', digits = ''] = rounded.abs().toFixed(decimals).split('.');
  const fraction = trim ? digits.replace(/0+$/, '') : digits;
  const sign = rounded.isNegative() && !rounded.isZero() ? MINUS : '';
  return sign + groupThousands(whole) + (fraction ? `.${fraction}` : '');
}

/** Decimal places that keep `significant` digits of a number below 1 (0.00012345 → 8 for 5). */
function smallDecimals(abs: Dec, significant: number): number {
  // Dec#e is the base-10 exponent of the first significant digit: 0.00012 → -4.
  return -abs.e + significant - 1;
}

/**
 * Prices: 2 decimals for five-digit prices and up, more as prices get smaller (145.123,
 * 1.23456), five significant digits below 1 (0.000012345). Trailing zeros dropped.
 */
export function priceDecimals(value: Dec): number {
  const abs = value.abs();
  if (abs.isZero()) return 2;
  if (abs.greaterThanOrEqualTo(1)) return Math.max(2, 6 - abs.trunc().toFixed().length);
  return smallDecimals(abs, 5);
}

export function formatPrice(value: string): string | null {
  const dec = toDec(value);
  return dec === undefined ? null : formatFixed(dec, priceDecimals(dec), true);
}

/** Money in the quote currency: cents, or three significant digits for sub-unit amounts. */
export function formatMoney(value: string): string | null {
  const dec = toDec(value);
  if (dec === undefined) return null;
  const abs = dec.abs();
  const decimals = abs.isZero() || abs.greaterThanOrEqualTo(1) ? 2 : Math.max(2, smallDecimals(abs, 3));
  return formatFixed(dec, decimals);
}

/** A figure already in percent (Kraken margin level 250 = 250 %). */
export function formatPercentValue(dec: Dec): string {
  const abs = dec.abs();
  const decimals = abs.isZero() || abs.greaterThanOrEqualTo(1) ? 2 : Math.max(2, smallDecimals(abs, 3));
  return `${formatFixed(dec, decimals, abs.greaterThanOrEqualTo(1))} %`;
}

/** A fraction shown as percent (liquidation distance 0.015 → "1.5 %"). */
export function formatFraction(value: string): string | null {
  const dec = toDec(value);
  return dec === undefined ? null : formatPercentValue(dec.times(100));
}

export function formatRatio(value: string): string | null {
  const dec = toDec(value);
  return dec === undefined ? null : formatFixed(dec, 3, true);
}

/** Leverage from a decimal string: "20" → "20×", "2.5" → "2.5×". */
export function formatLeverage(value: string): string {
  const dec = toDec(value);
  return dec === undefined ? `${value}×` : `${formatFixed(dec, 2, true)}×`;
}

export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  return `${Math.floor(s / 3600)} h`;
}
