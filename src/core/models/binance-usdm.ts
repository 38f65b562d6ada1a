// Binance USDⓈ-M futures, one-way mode. Liquidation when margin balance falls to the
// maintenance margin (margin ratio 100 %), with MM = notional × MMR − cum of the bracket
// that holds the notional *at the liquidation price* (Binance FAQ "How to Calculate
// Liquidation Price of USDⓈ-M Futures Contracts"). Cross: other positions' maintenance
// margin (TMM1) and unrealised PnL (UPNL1) enter; isolated: they do not.
import { Dec, ZERO } from '../decimal';
import type { VenueFacts } from '../facts';
import { perpQuote, type PerpRules } from '../perp';
import type { ModelQuote, QuoteInput } from '../types';
import { sideSign } from '../types';

const rules: PerpRules = {
  convention: 'cumulative',
  tierNotional: 'price',
  otherPositionsFee: false,
  extraRate: () => ZERO,
  extraConst: () => ZERO,
  defaultIsolatedMargin: (ctx) => ctx.initialMargin,
  marginLevelStyle: 'mmOverEquity',
  defaultFundingIntervalHours: new Dec(8),
  details: (ctx) => {
    // Cost to open = IM + open loss, open loss = Q × |min(0, dir × (mark − order price))|
    // (Binance FAQ "How to Calculate the Cost Required to Open a Position").
    const { order } = ctx.input;
    const gap = ctx.markPrice.minus(order.price).times(sideSign(order.side));
    const openLoss = gap.lessThan(0) ? gap.abs().times(order.quantity) : ZERO;
    return { openLoss, costToOpen: ctx.initialMargin.plus(openLoss) };
  },
};

export function quoteBinanceUsdm(input: QuoteInput, facts: VenueFacts | undefined): ModelQuote {
  const quote = perpQuote(input, facts, rules);
  if (input.account.positions.some((p) => p.symbol === input.order.symbol)) {
    quote.assumptions.push(
      'a listed position in the same symbol is treated as separate (hedge-mode style); in one-way mode Binance would net it with this order',
    );
  }
  return quote;
}
