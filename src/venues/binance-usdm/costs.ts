// Binance USDⓈ-M shows "Cost 325.00 USDT" under each button (Buy/Long and Sell/Short; Open Long
// and Open Short in hedge mode): what opening that side takes from the balance, by Binance's rule
// (page-estimates.ts, background side). Each row belongs to the button whose column it sits in; a
// row as close to both buttons, or two rows for one side, is left out (no check, never a guess).
import { labelledAmounts, perButton } from '../dom/page-figures';
import type { NumberScope } from '../dom/numbers';
import type { PageEstimate } from '../types';

/** The row's label as Binance writes it in English (the reader reads English pages only). */
const COST_LABEL = /Cost/i;

export function readCosts(
  root: Element,
  buy: Element,
  sell: Element,
  quote: string,
  numbers: NumberScope,
): PageEstimate[] {
  return perButton('cost', labelledAmounts(root, COST_LABEL, quote, numbers), buy, sell);
}
