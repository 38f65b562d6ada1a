// The "Cost" under each button of Binance's fixture pages, as the reader should read it: worked out
// here by Binance's rule (formulas.md §2.4: initial margin + open loss at the page's mark) for the
// page's example order at the mock's default mark, which the page's header shows.
import { Dec } from '../../../src/core/decimal';
import type { PageEstimate } from '../../../src/venues/types';
import { DEFAULT_PRICES } from '../../../e2e/mock/markets';

export const MOCK_MARK: Record<'BTCUSDT' | 'ETHUSDT', string> = {
  BTCUSDT: DEFAULT_PRICES['binance:BTCUSDT']!,
  ETHUSDT: DEFAULT_PRICES['binance:ETHUSDT']!,
};

/** Both buttons' costs, rounded to cents as the page shows them. */
export function pageCosts(price: string, quantity: string, leverage: string, mark: string): PageEstimate[] {
  const p = new Dec(price);
  const q = new Dec(quantity);
  return (['long', 'short'] as const).map((side) => {
    const adverse = side === 'long' ? p.minus(mark) : new Dec(mark).minus(p);
    const cost = p
      .times(q)
      .div(leverage)
      .plus(q.times(Dec.max(0, adverse)));
    return { kind: 'cost', side, value: new Dec(cost.toFixed(2)).toFixed(), decimals: 2 };
  });
}
