// Strict number reading from page text and input values. Pages are untrusted and
// locale-formatted; our readers understand the English format only ("65,000.0": comma for
// thousands in groups of three, dot for decimals). Anything else — "1.234,5", "1,23",
// "65 000", "--", "", "-5", "1e5" — is refused rather than guessed: a wrong factor of a
// thousand in a price is worse than no figure.
//
// Regex and BigInt only (src/core/decimal-text): readers run in the content script, which must
// not carry decimal.js. The background re-validates every OrderForm with decimal.js anyway.
import { compareFixed, normalizeDecimalText, parseDecimalFixed, signOf } from '../../core/decimal-text';
import type { DecimalString } from '../types';
import { normalizeText } from './text';

const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const LEVERAGE = /^(\d{1,4}(?:\.\d+)?)\s?[x×]$/i;
const ONE = { units: 1n, scale: 0 };

/** "65,000.0" → "65000"; "0.50" → "0.5". Non-negative only; null when not a clean number. */
export function parsePageNumber(raw: string | null | undefined): DecimalString | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (!PLAIN.test(text) && !GROUPED.test(text)) return null;
  return normalizeDecimalText(text.replace(/,/g, '')) ?? null;
}

/** Like parsePageNumber, but zero is refused too (prices, sizes, leverage). */
export function parsePositiveNumber(raw: string | null | undefined): DecimalString | null {
  const value = parsePageNumber(raw);
  return value !== null && signOf(parseDecimalFixed(value)!) > 0 ? value : null;
}

/** "20x", "5×" → "20", "5"; at least 1. */
export function parseLeverageText(raw: string | null | undefined): DecimalString | null {
  if (typeof raw !== 'string') return null;
  const m = LEVERAGE.exec(normalizeText(raw));
  const value = m ? parsePositiveNumber(m[1]) : null;
  return value !== null && compareFixed(parseDecimalFixed(value)!, ONE) >= 0 ? value : null;
}

/**
 * "Avbl 10,000.00 USDT" with prefix /^Avbl/ and unit "USDT" → "10000". The unit must be the
 * expected currency exactly: a balance in another currency is not the one we want.
 */
export function parseAmountWithUnit(raw: string | null | undefined, unit: string, prefix?: RegExp): DecimalString | null {
  if (typeof raw !== 'string') return null;
  let text = normalizeText(raw);
  if (prefix) {
    const m = prefix.exec(text);
    if (!m || m.index !== 0) return null;
    text = text.slice(m[0].length).trim();
  }
  const space = text.lastIndexOf(' ');
  if (space < 0 || text.slice(space + 1) !== unit) return null;
  return parsePageNumber(text.slice(0, space));
}
