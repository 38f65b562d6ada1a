// Display rounding for the overlay and the popup, and only here: the engine's figures are
// unrounded decimal strings. Everything is rounded exactly from the string (BigInt,
// src/core/decimal-text) and grouped as text, never via a float, so a 20-digit price or a 1e-12
// price prints exactly as rounded. Only the separators come from the locale, never the digits:
// plain for the common English tags, from Intl (lazily, once per tag) for the rest, so an English
// page load never starts ICU. No decimal.js: the overlay runs in the content script.
import {
  absDigits,
  absFixed,
  compareFixed,
  integerDigits,
  leadingExponent,
  parsePlainDecimal,
  roundFixed,
  shiftFixed,
  signOf,
  type Fixed,
} from '../../core/decimal-text';

const MINUS = '\u2212';
const ONE: Fixed = { units: 1n, scale: 0 };

/** `locale`: a BCP 47 tag (default 'en'); `decimals`: fixed places, e.g. the venue's tick precision. */
export interface FormatOptions {
  locale?: string;
  decimals?: number;
}

/** A plain decimal string from the engine or the feed → exact value; undefined for anything else. */
export function toDecimal(value: string | null | undefined): Fixed | undefined {
  return value === null || value === undefined ? undefined : parsePlainDecimal(value, 200);
}

/** How a locale writes numbers: separators, group sizes (Indian 12,34,567), and whether 4 digits are grouped (es: 1234). */
interface NumberStyle {
  group: string;
  decimal: string;
  primary: number;
  secondary: number;
  minDigitsToGroup: number;
}

const EN_STYLE: NumberStyle = { group: ',', decimal: '.', primary: 3, secondary: 3, minDigitsToGroup: 4 };

/**
 * English UI languages that write numbers exactly as EN_STYLE (CLDR: "1,234,567.5", "1,234"). They
 * never reach Intl: the first Intl.NumberFormat of a page starts ICU (measured ~25 ms per page
 * load), and most traders' browsers answer one of these. Not every "en-*": en-IN groups in lakhs,
 * en-ZA/en-SE/en-FI use spaces and a decimal comma, en-CH apostrophes, en-DE/en-NL/en-DK dots; those
 * and every other language learn their style from Intl on first use.
 */
const PLAIN_ENGLISH = new Set(['en', 'en-us', 'en-gb', 'en-au', 'en-ca', 'en-nz', 'en-ie']);

/** Styles learned so far, by locale tag as given (Intl is asked at most once per tag). */
const styles = new Map<string, NumberStyle>();

/** How `locale` writes numbers: plain for the English above, else learned lazily from Intl. */
function numberStyle(locale: string): NumberStyle {
  const known = styles.get(locale);
  if (known) return known;
  const style = PLAIN_ENGLISH.has(locale.toLowerCase()) ? EN_STYLE : styleFromIntl(locale);
  styles.set(locale, style);
  return style;
}

/** Learned from Intl's parts of two sample numbers (floats only as samples, never our values). */
function styleFromIntl(locale: string): NumberStyle {
  try {
    const format = new Intl.NumberFormat(locale, { numberingSystem: 'latn' });
    const parts = format.formatToParts(1234567.5);
    const groups = parts.filter((p) => p.type === 'integer').map((p) => p.value.length);
    const primary = groups[groups.length - 1] ?? 3;
    return {
      group: parts.find((p) => p.type === 'group')?.value ?? '',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      primary,
      secondary: groups.length > 2 ? (groups[groups.length - 2] ?? primary) : primary,
      minDigitsToGroup: format.formatToParts(1234).some((p) => p.type === 'group') ? 4 : 5,
    };
  } catch {
    // Not a valid locale tag: English separators.
    return EN_STYLE;
  }
}

function groupDigits(digits: string, style: NumberStyle): string {
  if (style.group === '' || digits.length < style.minDigitsToGroup || digits.length <= style.primary) return digits;
  let end = digits.length - style.primary;
  const parts = [digits.slice(end)];
  while (end > 0) {
    const start = Math.max(0, end - style.secondary);
    parts.unshift(digits.slice(start, end));
    end = start;
  }
  return parts.join(style.group);
}

/** Decimal places of a tick size: '0.01' → 2, '0.5' → 1, '5' → 0, '0.010' → 2; undefined unless a positive plain decimal. */
export function decimalsOfTick(tick: string | null | undefined): number | undefined {
  const value = toDecimal(tick);
  if (value === undefined || signOf(value) <= 0) return undefined;
  const fraction = (tick ?? '').split('.')[1] ?? '';
  return fraction.replace(/0+$/, '').length;
}

/** Rounds half-up to `decimals` places; `trim` drops trailing fractional zeros. */
export function formatFixed(value: Fixed, decimals: number, trim = false, locale = 'en'): string {
  const style = numberStyle(locale);
  const rounded = roundFixed(value, decimals, 'half-up');
  const { whole, fraction: digits } = absDigits(rounded, decimals);
  const fraction = trim ? digits.replace(/0+$/, '') : digits;
  const sign = signOf(rounded) < 0 ? MINUS : '';
  return sign + groupDigits(whole, style) + (fraction ? style.decimal + fraction : '');
}

/** Decimal places that keep `significant` digits of a number below 1 (0.00012345 → 8 for 5). */
function smallDecimals(abs: Fixed, significant: number): number {
  // The base-10 exponent of the first significant digit: 0.00012 → -4.
  return -leadingExponent(abs) + significant - 1;
}

/**
 * Prices without a known tick: 2 decimals for five-digit prices and up, more as prices get
 * smaller (145.123, 1.23456), five significant digits below 1 (0.000012345). Trailing zeros dropped.
 */
export function priceDecimals(value: Fixed): number {
  const abs = absFixed(value);
  if (signOf(abs) === 0) return 2;
  if (compareFixed(abs, ONE) >= 0) return Math.max(2, 6 - integerDigits(abs));
  return smallDecimals(abs, 5);
}

/** A price; with `decimals` (the venue's tick precision) exactly that many places, zeros kept ("65,010.20"). */
export function formatPrice(value: string, options: FormatOptions = {}): string | null {
  const dec = toDecimal(value);
  if (dec === undefined) return null;
  return options.decimals === undefined
    ? formatFixed(dec, priceDecimals(dec), true, options.locale)
    : formatFixed(dec, options.decimals, false, options.locale);
}

/** An engine decimal that is exactly zero ("0", "-0", "0.000"): a carry that truly costs nothing. */
export const isZero = (value: string): boolean => /^-?0(\.0*)?$/.test(value);

/**
 * The finest money the figures show: 8 places, a satoshi, finer than any quote currency's cent.
 * Engine values are unrounded, so a PnL at the break-even price is a residue like 1.75e-36.
 */
const MONEY_MAX_DECIMALS = 8;

/** Decimal places of money: cents from 1 up, three significant digits below (at most 8 places), 0.00 for less. */
function moneyDecimals(abs: Fixed): number {
  if (signOf(abs) === 0 || compareFixed(abs, ONE) >= 0) return 2;
  if (smallDecimals(abs, 1) > MONEY_MAX_DECIMALS) return 2; // below the 8th place: reads as zero
  return Math.min(MONEY_MAX_DECIMALS, Math.max(2, smallDecimals(abs, 3)));
}

/** Money in the quote currency: cents, or three significant digits for sub-unit amounts (at money precision). */
export function formatMoney(value: string, options: FormatOptions = {}): string | null {
  const dec = toDecimal(value);
  if (dec === undefined) return null;
  return formatFixed(dec, options.decimals ?? moneyDecimals(absFixed(dec)), false, options.locale);
}

/** A figure already in percent (Kraken margin level 250 = 250 %). */
export function formatPercentValue(dec: Fixed, options: FormatOptions = {}): string {
  const abs = absFixed(dec);
  const atLeastOne = compareFixed(abs, ONE) >= 0;
  const decimals = options.decimals ?? (signOf(abs) === 0 || atLeastOne ? 2 : Math.max(2, smallDecimals(abs, 3)));
  return `${formatFixed(dec, decimals, options.decimals === undefined && atLeastOne, options.locale)} %`;
}

/** A fraction shown as percent (liquidation distance 0.015 → "1.5 %"). */
export function formatFraction(value: string, options: FormatOptions = {}): string | null {
  const dec = toDecimal(value);
  return dec === undefined ? null : formatPercentValue(shiftFixed(dec, 2), options);
}

export function formatRatio(value: string, options: FormatOptions = {}): string | null {
  const dec = toDecimal(value);
  return dec === undefined ? null : formatFixed(dec, 3, true, options.locale);
}

/** Leverage from a decimal string: "20" → "20×", "2.5" → "2.5×". */
export function formatLeverage(value: string, options: FormatOptions = {}): string {
  const dec = toDecimal(value);
  return dec === undefined ? `${value}×` : `${formatFixed(dec, 2, true, options.locale)}×`;
}

export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  return `${Math.floor(s / 3600)} h`;
}
