// OKX linear perpetual swap. Liquidation when margin ratio ≤ 100 % with
//   margin ratio = equity / (maintenance margin + liquidation fee),
//   liquidation fee = notional at the liquidation price × taker rate.
// Position tiers apply their MMR to the whole position (no deduction), so the requirement
// jumps at a tier boundary. Isolated closed form (ours, from the rules above):
//   LP_long = (EP − margin/Q) / (1 − MMR − taker),  LP_short = (EP + margin/Q) / (1 + MMR + taker).
import { Dec, ZERO } from '../decimal';
import type { VenueFacts } from '../facts';
import { perpQuote, type PerpRules } from '../perp';
import type { ModelQuote, QuoteInput } from '../types';

const rules: PerpRules = {
  convention: 'wholePosition',
  tierNotional: 'price',
  extraRate: (ctx) => ctx.takerFeeRate,
  extraConst: () => ZERO,
  defaultIsolatedMargin: (ctx) => ctx.initialMargin,
  marginLevelStyle: 'equityOverMm',
  defaultFundingIntervalHours: new Dec(8),
  details: (ctx) => ({ liquidationFee: ctx.input.order.quantity.times(ctx.markPrice).times(ctx.takerFeeRate) }),
};

export function quoteOkxSwap(input: QuoteInput, facts: VenueFacts | undefined): ModelQuote {
  const quote = perpQuote(input, facts, rules);
  quote.assumptions.push('OKX: liquidation fee (taker rate) added to the maintenance requirement; tier MMR applied to the whole position (a live OKX tier is picked by the order size in contracts; a table given here is read by notional)');
  return quote;
}
