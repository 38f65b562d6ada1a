// Binance USDⓈ-M shows "Cost 325.00 USDT" under each button (Buy/Long and Sell/Short; Open Long
// and Open Short in hedge mode): what opening that side takes from the balance, by Binance's rule
// (page-estimates.ts, background side). Each row belongs to the button whose column it sits in; a
// row as close to both buttons, or two rows for one side, is left out (no check, never a guess).
import { labelledAmounts, perButton } from '../dom/page-figures';
import { prefixPattern } from '../dom/page-locale';
import type { NumberScope } from '../dom/numbers';
import type { PageEstimate } from '../types';

/** `costWords`: the row's label in the page's language table (../binance-words.ts), any letter case. */
export function readCosts(
  root: Element,
  buy: Element,
  sell: Element,
  quote: string,
  numbers: NumberScope,
  costWords: readonly string[],
): PageEstimate[] {
  const label = new RegExp(prefixPattern(costWords).source, 'i');
  return perButton('cost', labelledAmounts(root, label, quote, numbers), buy, sell);
}
