// Bybit USDT perpetual under the Unified Trading Account.
// Isolated (help center "Liquidation Price (USDT Contract)" + UTA isolated page):
//   IM = PV/L + fee to close, MM = PV × MMR − mmDeduction + fee to close, PV at entry,
//   fee to close = Q × bankruptcy price × taker, bankruptcy = EP × (1 ∓ 1/L).
//   The fee to close sits in both IM and MM, so with margin = IM the liquidation price is
//   the classic EP ∓ (IM − MM)/Q; with a given margin the fee moves it.
// Cross: account MM rate = MM / equity, liquidation at 100 %, MM at the mark price with the
//   fee to close charged on the notional at that price. Bybit publishes no closed form;
//   this is the root of equity(P) = MM(P).
import { Dec, ZERO } from '../decimal';
import type { VenueFacts } from '../facts';
import { perpQuote, type PerpContext, type PerpRules } from '../perp';
import type { ModelQuote, QuoteInput } from '../types';
import { sideSign } from '../types';

function feeToCloseAtBankruptcy(ctx: PerpContext): Dec {
  const { order } = ctx.input;
  const bankruptcy = order.price.times(new Dec(1).minus(new Dec(sideSign(order.side)).div(order.leverage)));
  return order.quantity.times(bankruptcy).times(ctx.takerFeeRate);
}

function details(ctx: PerpContext): Record<string, Dec> {
  // Order cost as Bybit prints it: both fees at the taker rate, whatever the order type.
  const feeToOpen = ctx.notional.times(ctx.takerFeeRate);
  const feeToClose = feeToCloseAtBankruptcy(ctx);
  return { feeToOpen, feeToClose, orderCost: ctx.initialMargin.plus(feeToOpen).plus(feeToClose) };
}

const isolated: PerpRules = {
  convention: 'cumulative',
  tierNotional: 'entry',
  extraRate: () => ZERO,
  extraConst: feeToCloseAtBankruptcy,
  maintenanceExtra: feeToCloseAtBankruptcy,
  defaultIsolatedMargin: (ctx) => ctx.initialMargin.plus(feeToCloseAtBankruptcy(ctx)),
  marginLevelStyle: 'mmOverEquity',
  defaultFundingIntervalHours: new Dec(8),
  details,
};

const cross: PerpRules = {
  ...isolated,
  tierNotional: 'price',
  extraRate: (ctx) => ctx.takerFeeRate,
  extraConst: () => ZERO,
  maintenanceExtra: (ctx) => ctx.input.order.quantity.times(ctx.markPrice).times(ctx.takerFeeRate),
};

export function quoteBybitLinear(input: QuoteInput, facts: VenueFacts | undefined): ModelQuote {
  const quote = perpQuote(input, facts, input.marginMode === 'isolated' ? isolated : cross);
  quote.assumptions.push(
    input.marginMode === 'isolated'
      ? 'Bybit UTA isolated: fee to close (at the bankruptcy price, taker) included in initial and maintenance margin'
      : 'Bybit UTA cross: liquidation where equity equals maintenance margin incl. fee to close at that price (solved, Bybit publishes no formula)',
  );
  return quote;
}
