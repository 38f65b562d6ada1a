// Bybit USDT perpetual under the Unified Trading Account (UTA). Every Bybit account is a UTA
// now (standard and classic accounts were upgraded by 2024-12-16), so the retired classic
// isolated formula LP = EP ∓ (IM − MM)/Q ∓ extra/Q is not quoted (formulas.md §4.1 vs §4.2).
// Isolated (help center "Liquidation Price Calculation under Isolated Mode (UTA)", §4.2):
//   IM = PV/L + fee to close, MM = Q·P·MMR − mmDeduction + fee to close at the price P,
//   fee to close = Q × bankruptcy price × taker, bankruptcy price = EP × (1 ∓ 1/L),
//   extra margin counts as extra/(1 ∓ taker) (− long, + short), so
//     LP_long  = [EP·Q − EP·Q/L − extra/(1 − taker) − mmDeduction] / [Q − Q·MMR]
//     LP_short = [EP·Q + EP·Q/L + extra/(1 + taker) + mmDeduction] / [Q + Q·MMR]
//   (the fee to close sits in both IM and MM and cancels), with the risk-limit tier of the
//   notional at LP. Maintenance margin and margin level (MM / equity) are at the mark.
// Cross (§4.3): account MM rate = MM / equity, liquidation at 100 %. Every position's MM
//   carries its estimated fee to close (this order's on its notional at P, the others' at
//   their marks). Bybit publishes no closed form; this is the root of equity(P) = MM(P).
import { Dec, ONE, ZERO } from '../decimal';
import type { VenueFacts } from '../facts';
import { bankruptcyPrice } from '../liquidation';
import { perpQuote, type PerpContext, type PerpRules } from '../perp';
import type { ModelQuote, QuoteInput } from '../types';
import { sideSign } from '../types';

function feeToCloseAtBankruptcy(ctx: PerpContext): Dec {
  const { order } = ctx.input;
  const bankruptcy = order.price.times(ONE.minus(new Dec(sideSign(order.side)).div(order.leverage)));
  return order.quantity.times(bankruptcy).times(ctx.takerFeeRate);
}

function details(ctx: PerpContext): Record<string, Dec> {
  // Order cost as Bybit prints it: both fees at the taker rate, whatever the order type.
  const feeToOpen = ctx.notional.times(ctx.takerFeeRate);
  const feeToClose = feeToCloseAtBankruptcy(ctx);
  return { feeToOpen, feeToClose, orderCost: ctx.initialMargin.plus(feeToOpen).plus(feeToClose) };
}

const shared: PerpRules = {
  convention: 'cumulative',
  tierNotional: 'price',
  otherPositionsFee: true,
  extraRate: () => ZERO,
  extraConst: feeToCloseAtBankruptcy,
  maintenanceExtra: feeToCloseAtBankruptcy,
  defaultIsolatedMargin: (ctx) => ctx.initialMargin.plus(feeToCloseAtBankruptcy(ctx)),
  marginLevelStyle: 'mmOverEquity',
  defaultFundingIntervalHours: new Dec(8),
  details,
};

const isolated: PerpRules = {
  ...shared,
  // 1 / (1 − taker) for a long, 1 / (1 + taker) for a short (§4.2, USDT-perpetual form).
  extraMarginFactor: (ctx) => ONE.div(ONE.minus(ctx.takerFeeRate.times(sideSign(ctx.input.order.side)))),
  // EP × (1 ∓ 1/L) with the default margin: the fee to close is charged at this price, so
  // its reserve is not margin that absorbs a loss (§4.2). Extra margin moves it like the LP.
  bankruptcyPrice: (ctx, test) =>
    bankruptcyPrice({ ...test, equityAtEntry: test.equityAtEntry.minus(feeToCloseAtBankruptcy(ctx)) }),
};

const cross: PerpRules = {
  ...shared,
  extraRate: (ctx) => ctx.takerFeeRate,
  extraConst: () => ZERO,
  maintenanceExtra: (ctx) => ctx.input.order.quantity.times(ctx.markPrice).times(ctx.takerFeeRate),
};

export function quoteBybitLinear(input: QuoteInput, facts: VenueFacts | undefined): ModelQuote {
  const quote = perpQuote(input, facts, input.marginMode === 'isolated' ? isolated : cross);
  quote.assumptions.push(
    input.marginMode === 'isolated'
      ? 'Bybit UTA isolated: maintenance margin at the liquidation price (tier of that notional), fee to close (at the bankruptcy price, taker) in initial and maintenance margin, extra margin net of its fee reserve'
      : "Bybit UTA cross: liquidation where equity equals maintenance margin incl. every position's fee to close (solved, Bybit publishes no formula)",
  );
  return quote;
}
