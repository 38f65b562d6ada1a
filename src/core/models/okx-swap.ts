// OKX linear perpetual swap. Liquidation when margin ratio ≤ 100 % with
//   margin ratio = equity / (maintenance margin + liquidation fee),
//   liquidation fee = notional at the liquidation price × taker rate.
// Position tiers apply their MMR to the whole position (no deduction). OKX picks the tier by
// the position's size in contracts (formulas.md §5.2), which a price move does not change:
// the tier is fixed once, by the size (a notional table is read at the entry price, size ×
// entry), and never re-picked at the liquidation price. Isolated closed form (ours, from the
// rules above):
//   LP_long = (EP − margin/Q) / (1 − MMR − taker),  LP_short = (EP + margin/Q) / (1 + MMR + taker).
// Cross: every other position's requirement is its MM plus its liquidation fee (value at its
// mark × its taker rate, default the order's).
import { Dec, ZERO } from '../decimal';
import type { VenueFacts } from '../facts';
import { perpQuote, type PerpRules } from '../perp';
import type { ModelQuote, QuoteInput } from '../types';

const rules: PerpRules = {
  convention: 'wholePosition',
  tierNotional: 'entry',
  otherPositionsFee: true,
  extraRate: (ctx) => ctx.takerFeeRate,
  extraConst: () => ZERO,
  defaultIsolatedMargin: (ctx) => ctx.initialMargin,
  marginLevelStyle: 'equityOverMm',
  defaultFundingIntervalHours: new Dec(8),
  details: (ctx) => ({ liquidationFee: ctx.input.order.quantity.times(ctx.markPrice).times(ctx.takerFeeRate) }),
};

export function quoteOkxSwap(input: QuoteInput, facts: VenueFacts | undefined): ModelQuote {
  const quote = perpQuote(input, facts, rules);
  quote.assumptions.push(
    'OKX: liquidation fee (taker rate) added to the maintenance requirement; tier picked by the position size, fixed at every price (a notional table is read at the entry price), its MMR on the whole position',
  );
  return quote;
}
