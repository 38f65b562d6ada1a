// What OKX's order-form "Cost" means, in terms of our quote: the initial margin the order adds plus
// its futures order loss, by OKX's rules in ./order-cost.ts (sources there; no fee is part of it,
// unlike Bybit's order cost). Without a position in the instrument and with the limit price on the
// right side of the mark that is order value / leverage — the engine's own initial margin. With a
// position, an order against it adds no margin until it would flip it, which is why the engine's
// initialMargin (the position after the order) is not the figure here.
// Generation 1 shows one Cost under both buttons (side null): which side's it is we do not know, so
// it may be either side's figure (the range between the two). Generation 2 shows one per button.
// Limit orders with a live mark only: a market order's cost is at OKX's estimated fill price, and
// the order loss needs the mark (the page's own mark may be a moment apart from ours: MARK_DRIFT).
import { Dec, ONE } from '../../core/decimal';
import { parseQuoteInput } from '../../core/input';
import type { Side } from '../../core/types';
import { planPrices, type EstimateContext, type OurEstimate, type VenueEstimateRules } from '../page-estimate-rule';
import { okxOrderCostOf } from './order-cost';

const SOURCE = 'https://www.okx.com/help/ii-what-is-margin-in-futures-contracts';

/**
 * How far the page's mark may be from ours when it worked out the order loss: both are live, but
 * seconds apart (0.1 % of the mark). The loss moves with the mark only while the order is on the
 * losing side of it, so an order far on the right side keeps the exact margin as its only figure.
 */
const MARK_DRIFT = new Dec('0.001');

const other = (side: Side): Side => (side === 'long' ? 'short' : 'long');

function cost({ form, side, estimate, plan }: EstimateContext): OurEstimate | null {
  const mark = planPrices(plan)?.mark ?? null;
  if (form.type !== 'limit' || plan.input === null || mark === null) return null;
  const input = parseQuoteInput(plan.input);
  // A single Cost under both buttons (generation 1) may be either side's.
  const sides = estimate.side === null && form.side === 'both' ? [side, other(side)] : [side];
  const marks = [mark.times(ONE.minus(MARK_DRIFT)), mark, mark.times(ONE.plus(MARK_DRIFT))];
  const totals = sides.flatMap((s) => marks.map((m) => okxOrderCostOf(input, m, s).total));
  const low = totals.reduce((a, b) => (b.lessThan(a) ? b : a));
  const high = totals.reduce((a, b) => (b.greaterThan(a) ? b : a));
  const ours = okxOrderCostOf(input, mark, side).total;
  return { value: ours, below: ours.minus(low), above: high.minus(ours) };
}

export const pageEstimates: VenueEstimateRules = {
  venue: 'okx-swap',
  rules: { cost: { source: SOURCE, ours: cost, positionAware: true } },
};
