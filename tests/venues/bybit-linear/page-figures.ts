// The Order Cost and Order Value under each button of Bybit's fixture pages, as the reader should
// read them: worked out here by Bybit's rule ("Order Cost (USDT Contract)", formulas.md §4.5) at the
// base taker rate the pages model, rounded to cents as the page shows them. Costs first, then values.
import { Dec } from '../../../src/core/decimal';
import type { PageEstimate } from '../../../src/venues/types';

const TAKER = new Dec('0.00055');

export function bybitPageFigures(price: string, quantity: string, leverage: string): PageEstimate[] {
  const notional = new Dec(price).times(quantity);
  const shown = (kind: PageEstimate['kind'], side: 'long' | 'short', v: Dec): PageEstimate => ({
    kind,
    side,
    value: new Dec(v.toFixed(2)).toFixed(),
    decimals: 2,
  });
  const cost = (dir: 1 | -1) =>
    notional
      .div(leverage)
      .plus(notional.times(TAKER))
      .plus(notional.times(new Dec(1).minus(new Dec(dir).div(leverage))).times(TAKER));
  return [
    shown('cost', 'long', cost(1)),
    shown('cost', 'short', cost(-1)),
    shown('orderValue', 'long', notional),
    shown('orderValue', 'short', notional),
  ];
}
