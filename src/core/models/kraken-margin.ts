// Kraken spot margin (Kraken Pro). Account-wide ("cross") margin:
//   margin level = equity / used margin × 100 %, equity = trade balance + unrealised P/L
//   used margin = cost / leverage, held in the *borrowed* currency: a long borrows USD, so
//   it stays fixed; a short borrows BTC, so it is revalued at the current price.
// Margin call ≈ 80 %, liquidation ≈ 40 % (per pair: AssetPairs margin_call / margin_stop).
// Long (Kraken's published method): P* = EP + (level × used margin − trade balance) / Q.
// Short (same rule, used margin Q/L in BTC): P* = (TB + Q·EP) / (Q · (1 + level / L)).
// Fees: opening fee on the full amount extended, rollover every 4 h on the same amount.
import { wholePeriods } from '../costs';
import { Dec, HUNDRED, ZERO } from '../decimal';
import { InputError } from '../errors';
import type { VenueFacts } from '../facts';
import { Resolver } from '../resolve';
import { crossBalanceUnknown, otherPositionsIgnored, spotBreakEven, tradingFees } from '../spot-margin';
import type { Carry, ModelQuote, QuoteInput, Warning } from '../types';
import { sideSign } from '../types';
import { commonWarnings } from '../warnings';

interface KrakenPosition {
  side: 'long' | 'short';
  quantity: Dec;
  entryPrice: Dec;
  leverage: Dec;
  tradeBalance: Dec;
}

function usedMarginAt(p: KrakenPosition, price: Dec): Dec {
  const base = p.side === 'long' ? p.entryPrice : price;
  return p.quantity.times(base).div(p.leverage);
}

function equityAt(p: KrakenPosition, price: Dec): Dec {
  return p.tradeBalance.plus(price.minus(p.entryPrice).times(p.quantity).times(sideSign(p.side)));
}

/** Price at which margin level equals `levelPercent`; null if no positive price does. */
export function krakenPriceAtLevel(p: KrakenPosition, levelPercent: Dec): Dec | null {
  const level = levelPercent.div(HUNDRED);
  const price =
    p.side === 'long'
      ? p.entryPrice.plus(
          level.times(p.quantity.times(p.entryPrice).div(p.leverage)).minus(p.tradeBalance).div(p.quantity),
        )
      : p.tradeBalance
          .plus(p.quantity.times(p.entryPrice))
          .div(p.quantity.times(new Dec(1).plus(level.div(p.leverage))));
  return price.greaterThan(0) ? price : null;
}

interface RolloverCarry {
  carry: Carry;
  /** The margin opening fee rate and the rollover rate per period used; undefined when unknown. */
  openingRate: Dec | undefined;
  rolloverRate: Dec | undefined;
}

function rolloverCarry(input: QuoteInput, resolver: Resolver, markPrice: Dec): RolloverCarry {
  const { order } = input;
  const periodHours =
    input.market.rolloverIntervalHours ?? resolver.facts?.defaults.rolloverIntervalHours ?? new Dec(4);
  const periods = wholePeriods(input.holdHours, periodHours);
  const openingRate = resolver.optional('openingFeeRate', 'margin opening fee rate');
  const rolloverRate = resolver.optional('rolloverFeeRate', 'rollover fee rate');
  // Amount extended = full position cost; a short's is BTC, valued here at the mark.
  const extendedAtEntry = order.quantity.times(order.price);
  const extendedNow = order.side === 'long' ? extendedAtEntry : order.quantity.times(markPrice);
  const opening = openingRate === undefined ? ZERO : extendedAtEntry.times(openingRate);
  const perPeriod = rolloverRate === undefined ? null : extendedNow.times(rolloverRate);
  if (openingRate === undefined || rolloverRate === undefined)
    resolver.note('margin opening/rollover rate unknown: carry incomplete');
  resolver.note(
    `rollover every ${periodHours.toFixed()} h, first after ${periodHours.toFixed()} h: ${periods.toFixed()} whole periods`,
  );
  const total = perPeriod === null || openingRate === undefined ? null : opening.plus(perPeriod.times(periods));
  return {
    carry: { kind: 'rollover', opening, perPeriod, periodHours, periods, hours: input.holdHours, total },
    openingRate,
    rolloverRate,
  };
}

export function quoteKrakenMargin(input: QuoteInput, facts: VenueFacts | undefined): ModelQuote {
  if (input.marginMode !== 'cross') {
    throw new InputError(
      'UNSUPPORTED',
      'kraken-margin has only account-wide (cross) margin; isolated is not offered',
      'marginMode',
    );
  }
  const resolver = new Resolver(input, facts);
  const { order, account } = input;
  const notional = order.quantity.times(order.price);
  const markPrice = input.market.markPrice ?? order.price;
  if (input.market.markPrice === undefined) resolver.note('current price not given: the order price is used');
  const callLevel = resolver.required('marginCallLevel', 'margin-call level (%)');
  const liquidationLevel = resolver.required('liquidationLevel', 'liquidation level (%)');
  resolver.note('Kraken calls its margin-call and liquidation levels approximate; they vary with volatility');
  const warnings: Warning[] = [...otherPositionsIgnored(input)];
  const position: KrakenPosition | null =
    account.walletBalance === undefined
      ? null
      : {
          side: order.side,
          quantity: order.quantity,
          entryPrice: order.price,
          leverage: order.leverage,
          tradeBalance: account.walletBalance.plus(account.extraMargin),
        };
  if (!position) warnings.push(crossBalanceUnknown());
  else resolver.note("trade balance as given: fees of this order are not deducted (Kraken's published method)");
  const usedMargin = usedMarginAt(
    {
      side: order.side,
      quantity: order.quantity,
      entryPrice: order.price,
      leverage: order.leverage,
      tradeBalance: ZERO,
    },
    markPrice,
  );
  const liquidationPrice = position ? krakenPriceAtLevel(position, liquidationLevel) : null;
  const marginLevel = position ? equityAt(position, markPrice).div(usedMargin).times(HUNDRED) : null;
  const immediate =
    position !== null &&
    equityAt(position, order.price)
      .div(usedMarginAt(position, order.price))
      .times(HUNDRED)
      .lessThanOrEqualTo(liquidationLevel);
  const trading = tradingFees(input, notional, resolver);
  const { carry, openingRate, rolloverRate } = rolloverCarry(input, resolver, markPrice);
  const liquidationDistance = liquidationPrice === null ? null : markPrice.minus(liquidationPrice).abs().div(markPrice);
  if (position && liquidationPrice === null) {
    warnings.push({
      code: 'NO_LIQUIDATION',
      severity: 'info',
      message: 'No positive price takes margin level down to the liquidation level.',
    });
  }
  const venueMaxLeverage = resolver.optional('maxLeverage', 'maximum leverage');
  warnings.push(
    ...commonWarnings({
      input,
      markPrice,
      liquidationPrice,
      liquidationDistance,
      immediate,
      venueMaxLeverage,
      tiers: undefined,
      notional,
    }),
  );
  return {
    venue: input.venue,
    notional,
    initialMargin: notional.div(order.leverage),
    // Equity at which Kraken liquidates: liquidation level × used margin (at the current price).
    maintenanceMargin: usedMargin.times(liquidationLevel).div(HUNDRED),
    liquidationPrice,
    bankruptcyPrice: null,
    marginCallPrice: position ? krakenPriceAtLevel(position, callLevel) : null,
    marginLevel,
    marginLevelUnit: 'percent',
    liquidationDistance,
    fees: trading.fees,
    carry,
    breakEvenPrice: spotBreakEven(input, trading, carry),
    warnings,
    assumptions: resolver.assumptions,
    details: {
      usedMarginQuote: usedMargin,
      usedMarginBase: order.side === 'short' ? order.quantity.div(order.leverage) : null,
      equity: position ? equityAt(position, markPrice) : null,
      unrealizedPnl: markPrice.minus(order.price).times(order.quantity).times(sideSign(order.side)),
      marginLevelAtMarginCall: callLevel,
      marginLevelAtLiquidation: liquidationLevel,
      // What Kraken lends: the whole position cost (a long borrows the quote currency, a short the base asset).
      borrowedQuote: order.side === 'long' ? notional : null,
      borrowedBase: order.side === 'short' ? order.quantity : null,
      openingFeeRate: openingRate ?? null,
      rolloverFeeRate: rolloverRate ?? null,
      // The carry without the opening fee: the rollovers over the holding time (carry.total − carry.opening).
      rolloverTotal: carry.perPeriod === null ? null : carry.perPeriod.times(carry.periods),
    },
  };
}
