// What Kraken Pro's "Total" (generation 2, next to Quantity) means: quantity × limit price in the
// quote currency, the order's value (the reader already refuses a Total that does not fit quantity
// × price: kraken-margin/form-parts.ts totalAgrees). The December 2024 screenshot shows
// 0.00005 × 94440 = 4.722 as "≈ 4.73": rounded up, or with the taker fee (at most 0.40 %) included;
// so the page may show up to one unit of its last place plus 1 % more, and one unit less (its
// rounding direction is not known) — the same leeway as the reader's. Limit orders only: a market
// order's Total is at a price the page picks, not our mark.
import { Dec } from '../../core/decimal';
import {
  roundingTolerance,
  type EstimateContext,
  type OurEstimate,
  type VenueEstimateRules,
} from '../page-estimate-rule';

function orderValue({ form, quote, estimate }: EstimateContext): OurEstimate | null {
  if (form.type !== 'limit') return null;
  const value = new Dec(quote.notional);
  // The comparison adds half a unit on either side; the reader allows a whole one.
  const half = roundingTolerance(estimate.decimals);
  return { value, below: half, above: half.plus(value.div(100)) };
}

export const pageEstimates: VenueEstimateRules = {
  venue: 'kraken-margin',
  rules: {
    orderValue: { source: 'Kraken Pro order form (screenshot 2024-12, exchange-pages.md §8)', ours: orderValue },
  },
};
