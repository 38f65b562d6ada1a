// Bybit shows the order's "Order Value" and "Order Cost" (margin + fee to open + fee to close at the
// bankruptcy price: page-estimates.ts) under each button (Buy/Long, Sell/Short), in both page
// generations. Each row belongs to the button whose column it sits in; a row as close to both
// buttons, or two rows for one side, is left out (no check, never a guess).
import type { NumberScope } from '../dom/numbers';
import { labelledAmounts, perButton } from '../dom/page-figures';
import type { PageEstimate } from '../types';

/** Row labels as Bybit writes them in English (the reader reads English pages only). */
const COST_LABEL = /(?:Order )?Cost/i;
const VALUE_LABEL = /(?:Order )?Value/i;

export function readOrderFigures(
  root: Element,
  buy: Element,
  sell: Element,
  quote: string,
  numbers: NumberScope,
): PageEstimate[] {
  return [
    ...perButton('cost', labelledAmounts(root, COST_LABEL, quote, numbers), buy, sell),
    ...perButton('orderValue', labelledAmounts(root, VALUE_LABEL, quote, numbers), buy, sell),
  ];
}
