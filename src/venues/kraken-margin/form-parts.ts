// Parts of the Kraken Pro reading that differ between the two page generations (selectors.ts):
// the order type (tabs or dropdown), the leverage (2×–5× choices or the switch's
// "Margin (5x)" label) and the paired Quantity / Total of generation 2, which must agree with the
// limit price within the page's rounding. Strict: anything unclear is a missing key, never a guess.
import { readOrderType } from '../dom/form-parts';
import type { NumberScope } from '../dom/numbers';
import { shownDecimals, totalAgrees as sharedTotalAgrees } from '../dom/paired-total';
import { accessibleName, inputValue, isOn } from '../dom/query';
import type { Scan } from '../dom/scan';
import { execText } from '../dom/text';
import type { DecimalString, OrderForm, PageEstimate } from '../types';
import { MARGIN_NAME, type KrakenKey } from './selectors';

/** Limit / Market from gen 1's tabs, or from gen 2's dropdown; another type shown: 'orderType' missing. */
export function readType(scan: Scan<KrakenKey>, root: Element | null): OrderForm['type'] | null {
  const limit = scan.all('typeLimit', root);
  const market = scan.all('typeMarket', root);
  const menu = scan.all('typeMenu', root);
  if (limit.length === 1 && market.length === 1 && menu.length === 0) return readOrderType(scan, limit[0]!, market[0]!);
  if (limit.length === 0 && market.length === 0 && menu.length === 1) {
    const shown = accessibleName(menu[0]!).toLowerCase();
    if (shown === 'limit' || shown === 'market') return shown;
  }
  scan.miss('orderType');
  return null;
}

/**
 * The leverage while margin is on: the one checked 2×–5× choice (gen 1) or, without choices, the
 * switch's label "Margin (5x)" (gen 2). 'leverage' missing when neither says it exactly once.
 */
export function readMarginLeverage(
  scan: Scan<KrakenKey>,
  root: Element | null,
  marginSwitch: Element,
  numbers: NumberScope,
): DecimalString | null {
  const choices = scan.all('leverage', root);
  if (choices.length > 0) {
    const chosen = choices.filter(isOn);
    return scan.need('leverage', chosen.length === 1 ? numbers.leverage(accessibleName(chosen[0]!)) : null);
  }
  const label = execText(accessibleName(marginSwitch), MARGIN_NAME)?.[1];
  return scan.need('leverage', label === undefined ? null : numbers.leverage(`${label}x`));
}

/** "≈ 4.73" → "4.73": the page marks its Total as approximate; nothing else is stripped. */
const totalText = (raw: string | null): string | null => (raw === null ? null : raw.replace(/^\s*≈\s*/, ''));

const KRAKEN_FEE_ALLOWANCE_PERCENT = 1;

/**
 * Whether the Total shown fits quantity × price (dom/paired-total.ts), allowing 1 % above it because
 * Kraken's Total may include the trading fee (its highest taker fee is 0.40 %): the December 2024
 * screenshot shows 0.00005 × 94440 = 4.722 as "≈ 4.73", which is either rounded up or 4.722 + its
 * 0.0094 fee. What the check is for — a misread price or size — is off by far more than that.
 */
export const totalAgrees = (
  quantity: DecimalString,
  price: DecimalString,
  total: DecimalString,
  decimals: number,
): boolean => sharedTotalAgrees(quantity, price, total, decimals, KRAKEN_FEE_ALLOWANCE_PERCENT);

export interface PairedSize {
  size: OrderForm['size'] | null;
  quantity: Element | null;
  total: Element | null;
  /** The Total as the page's own order value (page-estimates.ts), for the background's cross-check. */
  estimate: PageEstimate | null;
}

/** The Total shown as an order-value estimate at the page's decimals; null when it does not read. */
export function totalEstimate(numbers: NumberScope, total: Element): PageEstimate | null {
  const text = totalText(inputValue(total));
  const value = numbers.positive(text);
  return value === null || text === null
    ? null
    : { kind: 'orderValue', side: null, value, decimals: shownDecimals(text, value) };
}

/**
 * Gen 2's Quantity (base) and Total (quote), both on the form: the size is the quantity; the
 * Total must parse ('total') and, for a limit order, agree with quantity × price ('total').
 * A market order has no price of ours to check it with: the Total is only required to parse.
 */
export function readPairedSize(
  scan: Scan<KrakenKey>,
  root: Element | null,
  numbers: NumberScope,
  price: DecimalString | null,
): PairedSize {
  const quantity = scan.one('sizeBase', root);
  const total = scan.one('sizeQuote', root);
  const q = scan.need('size', quantity ? numbers.positive(inputValue(quantity)) : null);
  const text = total ? totalText(inputValue(total)) : null;
  const t = total ? scan.need('total', numbers.positive(text)) : null;
  if (q === null || t === null || text === null) return { size: null, quantity, total, estimate: null };
  if (price !== null && !totalAgrees(q, price, t, shownDecimals(text, t))) {
    scan.miss('total');
    return { size: null, quantity, total, estimate: null };
  }
  const estimate: PageEstimate = { kind: 'orderValue', side: null, value: t, decimals: shownDecimals(text, t) };
  return { size: { unit: 'base', value: q }, quantity, total, estimate };
}

/** The same check for the typing fast path: the inputs as they are now, null when anything fails. */
export function pairedAgain(
  numbers: NumberScope,
  quantity: Element,
  total: Element,
  price: DecimalString | null,
): DecimalString | null {
  const q = numbers.positive(inputValue(quantity));
  const text = totalText(inputValue(total));
  const t = numbers.positive(text);
  if (q === null || t === null || text === null) return null;
  return price === null || totalAgrees(q, price, t, shownDecimals(text, t)) ? q : null;
}
