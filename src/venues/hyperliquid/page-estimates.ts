// What Hyperliquid's order form summary rows mean (both page generations; reader: summary-rows.ts),
// by Hyperliquid's docs "Liquidations" and "Margin tiers" (formulas.md §6):
//   Order Value = size × price (the notional), Margin Required = Order Value / leverage (the
//   initial margin), Liquidation Price = price − side × margin available / size / (1 − MMR × side),
//   margin available = account value − maintenance margin (cross) or isolated margin − maintenance
//   margin (isolated), MMR = 1 / (2 × max leverage) — the engine's own model
//   (core/models/hyperliquid.ts), so ours is exactly that.
// Leeway: the docs do not say whether the page's liquidation estimate takes the opening fee out of
// the margin first; that moves the price by the fee per unit, fees.open / quantity / (1 − MMR), at
// most twice the fee per unit (Hyperliquid's MMR is at most 1/6, at 3×), so the page may lie that far
// either side. Order Value and Margin Required have none.
// Limit orders only: for a market order the page prices at its own book (mid and slippage), not at
// our mark. A page showing "N/A" sends no estimate (the reader leaves it out), and a liquidation
// price where we find none is not checked (null): neither is a figure to hold the other to.
import { Dec, ZERO } from '../../core/decimal';
import {
  exact,
  initialMargin,
  notional,
  planPrices,
  type EstimateContext,
  type OurEstimate,
  type VenueEstimateRules,
} from '../page-estimate-rule';

const SOURCE = 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations';

const limitOnly =
  (rule: (ctx: EstimateContext) => OurEstimate | null) =>
  (ctx: EstimateContext): OurEstimate | null =>
    ctx.form.type === 'limit' ? rule(ctx) : null;

function liquidationPrice(ctx: EstimateContext): OurEstimate | null {
  const { quote, plan } = ctx;
  const prices = planPrices(plan);
  if (quote.liquidationPrice === null || prices === null || prices.quantity.isZero()) return null;
  const feePerUnit = new Dec(quote.fees.open).div(prices.quantity);
  const leeway = feePerUnit.greaterThan(ZERO) ? feePerUnit.times(2) : ZERO;
  return { ...exact(new Dec(quote.liquidationPrice)), below: leeway, above: leeway };
}

export const pageEstimates: VenueEstimateRules = {
  venue: 'hyperliquid',
  rules: {
    orderValue: { source: SOURCE, ours: limitOnly(notional) },
    initialMargin: { source: SOURCE, ours: limitOnly(initialMargin) },
    liquidationPrice: { source: SOURCE, ours: limitOnly(liquidationPrice) },
  },
};
