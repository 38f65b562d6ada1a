// Binance spot margin, second page generation (exchange-pages.md §8, 2025–2026): ONE order form
// behind a Buy / Sell tab switch (`[role="tab"].bn-tab__buySell`), inputs #limitPrice,
// #limitAmount, #limitTotal (the Market pane: #marketAmount, an assumption of the fixture), and
// one submit button that follows the selected tab.
//   - The side is the selected tab, by aria-selected and its class state (dom/switch-state.ts
//     tabSelected); a contradiction, neither or both selected: 'side' missing. The submit button
//     ("Buy BTC" / "Sell BTC", `bn-button__buy` / `__sell`) must place the same side.
//   - The limit order's Total is read and must agree with price × amount within one unit of its
//     last shown decimal (dom/paired-total.ts; Binance's Total holds no fee): else 'total' missing.
//     A misread price or amount is off by far more than the page's rounding.
//   - The amount input must be the selected order type's (#limitAmount on Limit, #marketAmount on
//     Market): a leftover pane of the other type means the page is mid-switch: 'amount' missing.
import type { Side } from '../../core/types';
import { formNumbers } from '../dom/number-scopes';
import type { NumberScope } from '../dom/numbers';
import { shownDecimals, totalAgrees } from '../dom/paired-total';
import { accessibleName, commonAncestor, findAll, inputValue } from '../dom/query';
import type { Scan } from '../dom/scan';
import { tabSelected } from '../dom/switch-state';
import { execText, sameText, textOf } from '../dom/text';
import type { Pair } from '../dom/trade-url';
import type { OrderForm } from '../types';
import type { OrderPart, OrderValues } from './order-part';
import { BINANCE_MARGIN_SELECTORS, BN_FIELD, type BinanceMarginKey } from './selectors';
import { sideOfVerb, submitPattern, type MarginWords } from './words';

/** The amount input's id on each order type's pane. */
const AMOUNT_ID: Record<OrderForm['type'], string> = { limit: 'limitAmount', market: 'marketAmount' };

/** Binance's Total is price × amount to the quote's decimals: no fee in it. */
const TOTAL_ABOVE_PERCENT = 0;

/** Whether the page shows gen 2's Buy / Sell tabs (counting both keys for the selector counts). */
export function sideTabsOf(scan: Scan<BinanceMarginKey>): { buy: Element[]; sell: Element[] } | null {
  const buy = scan.all('sideBuy');
  const sell = scan.all('sideSell');
  return buy.length + sell.length > 0 ? { buy, sell } : null;
}

/** The side of the one selected tab; null when the tabs are not one each or their states are unclear. */
function selectedSide(scan: Scan<BinanceMarginKey>, tabs: { buy: Element[]; sell: Element[] }): Side | null {
  if (tabs.buy.length !== 1) scan.miss('sideBuy');
  if (tabs.sell.length !== 1) scan.miss('sideSell');
  if (tabs.buy.length !== 1 || tabs.sell.length !== 1) return null;
  const buy = tabSelected(tabs.buy[0]!);
  const sell = tabSelected(tabs.sell[0]!);
  return scan.need('side', buy === null || sell === null || buy === sell ? null : buy ? 'long' : 'short');
}

/** The form's root: the smallest element holding both side tabs and the one submit button. */
export function tabbedRoot(doc: Document): Element | null {
  const buyTabs = findAll(doc, BINANCE_MARGIN_SELECTORS.sideBuy);
  const sellTabs = findAll(doc, BINANCE_MARGIN_SELECTORS.sideSell);
  const submits = [...findAll(doc, BINANCE_MARGIN_SELECTORS.buy), ...findAll(doc, BINANCE_MARGIN_SELECTORS.sell)];
  if (buyTabs.length !== 1 || sellTabs.length !== 1 || submits.length !== 1) return null;
  const tabs = commonAncestor(buyTabs[0]!, sellTabs[0]!);
  return tabs ? commonAncestor(tabs, submits[0]!) : null;
}

/** Price, amount and (limit) the Total as they are now; null when one does not read or the Total disagrees. */
function valuesNow(
  numbers: NumberScope,
  side: Side,
  fields: { price: Element | null; amount: Element; total: Element | null },
): OrderValues | null {
  const amount = numbers.positive(inputValue(fields.amount));
  if (amount === null) return null;
  if (fields.price === null) return { side, price: null, amount };
  const price = numbers.positive(inputValue(fields.price));
  const text = fields.total ? inputValue(fields.total) : null;
  const total = numbers.positive(text);
  if (price === null || total === null || text === null) return null;
  return totalAgrees(amount, price, total, shownDecimals(text, total), TOTAL_ABOVE_PERCENT)
    ? { side, price, amount }
    : null;
}

/** Gen 2's reading: the selected tab's side, the one form's fields, the Total cross-checked. */
export function readTabbedForm(
  scan: Scan<BinanceMarginKey>,
  tabs: { buy: Element[]; sell: Element[] },
  pair: Pair | null,
  type: OrderForm['type'] | null,
  w: MarginWords,
): OrderPart {
  const side = selectedSide(scan, tabs);
  const submits = [...scan.all('buy'), ...scan.all('sell')];
  if (submits.length !== 1) scan.miss('submit');
  const submit = submits.length === 1 ? submits[0]! : null;
  const named = submit ? execText(accessibleName(submit), submitPattern(w)) : null;
  if (pair && submit && !sameText(named?.[2], pair.base)) scan.miss('symbol');
  const placed = sideOfVerb(named?.[1], w);
  if (side && submit && placed !== side) scan.miss('side');

  const tabRoot = tabs.buy.length === 1 && tabs.sell.length === 1 ? commonAncestor(tabs.buy[0]!, tabs.sell[0]!) : null;
  const root = tabRoot && submit ? commonAncestor(tabRoot, submit) : null;
  const numbers = scan.formNumbers(root);

  // On the Market pane there is no price or Total input: those keys are counted only.
  const limitField = (key: 'price' | 'total'): Element | null =>
    type === 'limit' ? scan.one(key, root) : scan.all(key, root) && null;
  const price = limitField('price');
  const amount = scan.one('amount', root);
  const total = limitField('total');
  if (amount && type && amount.id !== AMOUNT_ID[type]) scan.miss('amount');
  const unit = amount ? scan.one('amountUnit', amount.closest(BN_FIELD)) : null;
  if (pair && unit && !sameText(textOf(unit), pair.base)) scan.miss('amountUnit');

  if (!side || !type || !amount || (type === 'limit' && (!price || !total)))
    return { root, numbers, values: null, typed: null };
  const fields = { price, amount, total };
  const values = valuesNow(numbers, side, fields);
  if (values === null) {
    // Say which: a field that does not read, or a Total that does not fit price × amount (an
    // unreadable number format is said by the scan itself: 'numberFormat').
    if (numbers.unreadable) return { root, numbers, values: null, typed: null };
    if (numbers.positive(inputValue(amount)) === null) scan.miss('amount');
    else if (price && numbers.positive(inputValue(price)) === null) scan.miss('price');
    else scan.miss('total');
    return { root, numbers, values: null, typed: null };
  }
  return {
    root,
    numbers,
    values,
    // Typing rewrites price, amount and Total together (the page keeps them in step): all re-checked.
    typed: { inputs: [price, amount, total], again: () => valuesNow(formNumbers(root), side, fields) },
  };
}
