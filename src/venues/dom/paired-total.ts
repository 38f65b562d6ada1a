// A form that shows both the amount and the total (price × amount) of a limit order keeps them in
// step itself; reading both and requiring that they agree within the page's rounding catches a
// misread price or amount (a decimal comma taken for a group separator, a dropped digit), which is
// off by far more than any rounding. Kraken Pro (Quantity / Total) and Binance spot's second page
// generation (#limitAmount / #limitTotal) use it; each venue says what else its Total may hold.
// Content side: BigInt fixed-point only (decimal-text.ts), never decimal.js.
import type { Fixed } from '../../core/decimal-text';
import { normalizeDecimalText, parseDecimalFixed } from '../../core/decimal-text';
import type { DecimalString } from '../types';

/**
 * Decimal places a shown number was rounded to ("6,500.00" → 2, "6 500,00" → 2, "6,500" → 0), given
 * the value it was read as (which already decided the page's decimal separator): the digits after
 * the last separator count only when that separator is the decimal one.
 */
export function shownDecimals(text: string, value: DecimalString): number {
  const trimmed = text.trim();
  const places = /[.,](\d+)$/.exec(trimmed)?.[1]?.length ?? 0;
  if (places === 0) return 0;
  const digits = trimmed.replace(/\D/g, '');
  const asDecimal = `${digits.slice(0, -places) || '0'}.${digits.slice(-places)}`;
  return normalizeDecimalText(asDecimal) === normalizeDecimalText(value) ? places : 0;
}

const scaled = (v: Fixed, scale: number): bigint => v.units * 10n ** BigInt(scale - v.scale);

/**
 * Whether the Total shown fits quantity × price: within one unit of Total's last shown decimal below
 * it, and up to one unit plus `abovePercent` % of the product above it (a venue whose Total includes
 * the trading fee allows for it; 0 elsewhere). One unit, not half, because the page's rounding
 * direction (rounded or truncated) is not known.
 */
export function totalAgrees(
  quantity: DecimalString,
  price: DecimalString,
  total: DecimalString,
  decimals: number,
  abovePercent = 0,
): boolean {
  const q = parseDecimalFixed(quantity);
  const p = parseDecimalFixed(price);
  const t = parseDecimalFixed(total);
  if (!q || !p || !t) return false;
  const product: Fixed = { units: q.units * p.units, scale: q.scale + p.scale };
  const scale = Math.max(product.scale, t.scale, decimals);
  const exact = scaled(product, scale);
  const over = scaled(t, scale) - exact; // the Total above quantity × price (negative: below it)
  const unit = 10n ** BigInt(scale - decimals);
  return over > -unit && over < unit + (exact * BigInt(abovePercent)) / 100n;
}
