// What Binance USDⓈ-M's "Cost" under each button (Buy/Long, Sell/Short) means: the cost required
// to open the position, from Binance's FAQ "How to Calculate the Cost Required to Open a Position
// in Perpetual Futures Contracts" (https://www.binance.com/en/support/faq/87fa7ee33b574f7084d42bd2ce2e463b,
// formulas.md §2.4):
//   Cost = Initial Margin + Open Loss,  Initial Margin = quantity × order price / leverage,
//   Open Loss = quantity × |min(0, dir × (mark − order price))|,  dir +1 long, −1 short.
// The FAQ's later version (the binance.bh copy, 2026) sizes a short's initial margin at an
// "assuming price" max(last × (1 + 0.15 %), mark, order price) instead of the order price: a short's
// Cost may be that much higher (the `above` leeway), or lower by the open loss if that version
// drops it (the `below` leeway). Limit orders only: for a market order the page assumes an entry
// from its order book, which we do not read, so there is no figure of ours to hold it to.
import { Dec, max, ZERO } from '../../core/decimal';
import type { EstimateContext, OurEstimate, VenueEstimateRules } from '../page-estimate-rule';
import { planPrices } from '../page-estimate-rule';
import { isFresh } from '../types';

/** The newer FAQ's markup on the last price for a short's assuming price (0.15 %). */
const SHORT_LAST_MARKUP = new Dec('1.0015');

function cost({ form, side, plan, snapshot, now }: EstimateContext): OurEstimate | null {
  const prices = planPrices(plan);
  // No live mark: the open loss cannot be worked out.
  if (form.type !== 'limit' || prices === null || prices.mark === null) return null;
  const { entry, mark, quantity } = prices;
  const leverage = new Dec(form.leverage);
  const dir = side === 'long' ? 1 : -1;
  const margin = quantity.times(entry).div(leverage);
  const openLoss = quantity.times(max(ZERO, mark.minus(entry).times(dir).neg()));
  const value = margin.plus(openLoss);
  if (side === 'long') return { value, below: ZERO, above: ZERO };
  const lastFigure = snapshot?.figures.lastPrice;
  const last = isFresh(lastFigure, 'lastPrice', now) ? new Dec(lastFigure.value) : mark;
  const assuming = max(max(last.times(SHORT_LAST_MARKUP), mark), entry);
  const newer = quantity.times(assuming).div(leverage);
  return {
    value,
    below: max(ZERO, value.minus(newer)),
    above: max(ZERO, newer.plus(openLoss).minus(value)),
  };
}

export const pageEstimates: VenueEstimateRules = {
  venue: 'binance-usdm',
  rules: { cost: { source: 'https://www.binance.com/en/support/faq/87fa7ee33b574f7084d42bd2ce2e463b', ours: cost } },
};
