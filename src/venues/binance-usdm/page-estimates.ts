// What Binance USDⓈ-M's "Cost" under each button (Buy/Long, Sell/Short) means: the cost required
// to open the position, from Binance's FAQ "How to Calculate the Cost Required to Open a Position
// in Perpetual Futures Contracts" (https://www.binance.com/en/support/faq/87fa7ee33b574f7084d42bd2ce2e463b,
// formulas.md §2.4):
//   Cost = Initial Margin + Open Loss,  Initial Margin = quantity × order price / leverage,
//   Open Loss = quantity × |min(0, dir × (mark − order price))|,  dir +1 long, −1 short.
// The FAQ's later version (the binance.bh copy, 2026) sizes a short's initial margin at an
// "assuming price" max(last × (1 + 0.15 %), mark, order price) instead of the order price: a short's
// Cost may be that much higher, or lower by the open loss if that version drops it.
// The page takes the open loss at its own mark, which ticks on its own stream: ours (at most
// MAX_AGE_MS old) and the page's may be apart by MARK_DRIFT, and the range covers every mark in it.
// Limit orders only: for a market order the page assumes an entry from its order book, which we do
// not read, so there is no figure of ours to hold it to.
import { Dec, max, min, ONE, ZERO } from '../../core/decimal';
import { planPrices, type EstimateContext, type OurEstimate, type VenueEstimateRules } from '../page-estimate-rule';
import { isFresh } from '../types';

/** The newer FAQ's markup on the last price for a short's assuming price (0.15 %). */
const SHORT_LAST_MARKUP = new Dec('1.0015');
/** How far the page's mark may be from ours when both are current (a fast market over a few seconds). */
const MARK_DRIFT = new Dec('0.005');

function cost({ form, side, plan, snapshot, now }: EstimateContext): OurEstimate | null {
  const prices = planPrices(plan);
  // No live mark: the open loss cannot be worked out.
  if (form.type !== 'limit' || prices === null || prices.mark === null) return null;
  const { entry, mark, quantity } = prices;
  const leverage = new Dec(form.leverage);
  const margin = quantity.times(entry).div(leverage);
  const dir = side === 'long' ? 1 : -1;
  const openLoss = (m: Dec): Dec => quantity.times(max(ZERO, entry.minus(m).times(dir)));
  const [lowMark, highMark] = [mark.times(ONE.minus(MARK_DRIFT)), mark.times(ONE.plus(MARK_DRIFT))];
  const value = margin.plus(openLoss(mark));
  // A long's open loss shrinks as the mark rises, a short's grows.
  const [kind, unkind] = side === 'long' ? [highMark, lowMark] : [lowMark, highMark];
  let low = margin.plus(openLoss(kind));
  let high = margin.plus(openLoss(unkind));
  if (side === 'short') {
    const lastFigure = snapshot?.figures.lastPrice;
    const last = isFresh(lastFigure, 'lastPrice', now) ? new Dec(lastFigure.value) : mark;
    const newer = (m: Dec, l: Dec): Dec => quantity.times(max(max(l.times(SHORT_LAST_MARKUP), m), entry)).div(leverage);
    const drift = (l: Dec, sign: 1 | -1): Dec => l.times(ONE.plus(MARK_DRIFT.times(sign)));
    low = min(low, newer(lowMark, drift(last, -1)));
    high = max(high, newer(highMark, drift(last, 1)).plus(openLoss(highMark)));
  }
  return { value, below: value.minus(low), above: high.minus(value) };
}

export const pageEstimates: VenueEstimateRules = {
  venue: 'binance-usdm',
  rules: { cost: { source: 'https://www.binance.com/en/support/faq/87fa7ee33b574f7084d42bd2ce2e463b', ours: cost } },
};
