// Hyperliquid perpetuals (docs "Liquidations", "Margin tiers"):
//   maintenance margin = ½ × initial margin at max leverage ⇒ MMR = 1 / (2 × maxLeverage)
//   liq_price = price − side × margin_available / size / (1 − MMR × side)
// which is the root of equity = maintenance margin at that price. Tiered assets use the
// tier at the notional at the liquidation price, with the cumulative deduction rule.
import { Dec, ZERO } from '../decimal';
import type { VenueFacts } from '../facts';
import { perpQuote, type PerpContext, type PerpRules } from '../perp';
import { singleTier } from '../tiers';
import type { ModelQuote, QuoteInput, Tier } from '../types';

function fromMaxLeverage(maxLeverage: Dec | undefined): Tier[] | undefined {
  return maxLeverage === undefined ? undefined : singleTier(new Dec(1).div(maxLeverage.times(2)), ZERO, maxLeverage);
}

const rules: PerpRules = {
  convention: 'cumulative',
  tierNotional: 'price',
  otherPositionsFee: false,
  extraRate: () => ZERO,
  extraConst: () => ZERO,
  defaultIsolatedMargin: (ctx) => ctx.initialMargin,
  marginLevelStyle: 'mmOverEquity',
  tiersFromInput: (ctx: PerpContext) => fromMaxLeverage(ctx.input.market.maxLeverage),
  fallbackTiers: (ctx: PerpContext) => fromMaxLeverage(ctx.resolver.optional('maxLeverage', 'maximum leverage')),
  // Hyperliquid pays funding every hour (at 1/8 of the 8-hour rate).
  defaultFundingIntervalHours: new Dec(1),
};

export function quoteHyperliquid(input: QuoteInput, facts: VenueFacts | undefined): ModelQuote {
  const quote = perpQuote(input, facts, rules);
  quote.assumptions.push(
    'Hyperliquid: maintenance rate = 1 / (2 × max leverage); funding is charged on the oracle price, the mark is used here',
  );
  return quote;
}
