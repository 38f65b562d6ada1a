// What OKX's order-form "Cost" means, in terms of our quote: the initial margin the order adds plus
// its futures order loss, by OKX's rules in ./order-cost.ts (sources there; no fee is part of it,
// unlike Bybit's order cost). Without a position in the instrument and with the limit price on the
// right side of the mark that is order value / leverage — the engine's own initial margin. With a
// position, an order against it adds no margin until it would flip it, which is why the engine's
// initialMargin (the position after the order) is not the figure here.
// Generation 1 shows one Cost under both buttons (side null): which side's it is we do not know, so
// it may be either side's figure (the range between the two). Generation 2 shows one per button.
// Limit orders with a live mark only: a market order's cost is at OKX's estimated fill price, and
// the order loss needs the mark.
import { ZERO } from '../../core/decimal';
import { parseQuoteInput } from '../../core/input';
import type { Side } from '../../core/types';
import {
  exact,
  planPrices,
  type EstimateContext,
  type OurEstimate,
  type VenueEstimateRules,
} from '../page-estimate-rule';
import { okxOrderCostOf } from './order-cost';

const SOURCE = 'https://www.okx.com/help/ii-what-is-margin-in-futures-contracts';

const other = (side: Side): Side => (side === 'long' ? 'short' : 'long');

function cost({ form, side, estimate, plan }: EstimateContext): OurEstimate | null {
  const mark = planPrices(plan)?.mark ?? null;
  if (form.type !== 'limit' || plan.input === null || mark === null) return null;
  const input = parseQuoteInput(plan.input);
  const ours = okxOrderCostOf(input, mark, side).total;
  if (estimate.side !== null || form.side !== 'both') return exact(ours);
  const theirs = okxOrderCostOf(input, mark, other(side)).total;
  const low = ours.lessThan(theirs) ? ours : theirs;
  return { value: low, below: ZERO, above: ours.minus(theirs).abs() };
}

export const pageEstimates: VenueEstimateRules = {
  venue: 'okx-swap',
  rules: { cost: { source: SOURCE, ours: cost } },
};
