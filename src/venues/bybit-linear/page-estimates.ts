// What Bybit's "Order Cost" and "Order Value" mean (both page generations show them under the
// form). Bybit's help page "Order Cost (USDT Contract)"
// (https://www.bybit.com/en/help-center/article/Order-Cost-USDT-Contract, formulas.md §4.5):
//   Order Cost = Initial Margin + Fee to Open + Fee to Close,
//   Initial Margin = quantity × order price / leverage, Fee to Open = quantity × order price × taker,
//   Fee to Close = quantity × bankruptcy price × taker, bankruptcy price = order price × (1 ∓ 1/leverage)
//   (− buy, + sell): the fee to close is charged at the bankruptcy price.
// The engine works out exactly that (details.orderCost, core/models/bybit-linear.ts). The page
// uses the trader's own taker rate; ours is the standard one, and a VIP tier pays less, down to
// none: the page's cost may be up to both fees below ours, never above.
// Order Value = quantity × order price, the notional.
// Limit orders only: for a market order the page prices at its order book, not at our mark.
import { Dec, ZERO } from '../../core/decimal';
import { exact, type EstimateContext, type OurEstimate, type VenueEstimateRules } from '../page-estimate-rule';

const detail = (ctx: EstimateContext, key: string): Dec | null => {
  const text = ctx.quote.details[key];
  return typeof text === 'string' ? new Dec(text) : null;
};

function orderCost(ctx: EstimateContext): OurEstimate | null {
  const cost = detail(ctx, 'orderCost');
  const toOpen = detail(ctx, 'feeToOpen');
  const toClose = detail(ctx, 'feeToClose');
  if (ctx.form.type !== 'limit' || cost === null || toOpen === null || toClose === null) return null;
  return { value: cost, below: toOpen.plus(toClose), above: ZERO };
}

const orderValue = (ctx: EstimateContext): OurEstimate | null =>
  ctx.form.type === 'limit' ? exact(new Dec(ctx.quote.notional)) : null;

const SOURCE = 'https://www.bybit.com/en/help-center/article/Order-Cost-USDT-Contract';

export const pageEstimates: VenueEstimateRules = {
  venue: 'bybit-linear',
  rules: { cost: { source: SOURCE, ours: orderCost }, orderValue: { source: SOURCE, ours: orderValue } },
};
