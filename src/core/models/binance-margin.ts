// Binance spot margin, Cross Classic (3×/5×) and isolated pairs:
//   margin level = total assets / (liabilities + outstanding interest)   (a ratio, e.g. 1.1)
// Liquidation at ≤ 1.1 (classic cross; isolated per pair and tier), margin call at ≤ 1.3 (3×)
// or ≤ 1.16 (5×). Leverage L means the account may borrow (L − 1) × its collateral, so
//   long:  collateral = N/L, borrowed quote = N − N/L, assets(P) = Q·P + (wallet − collateral)
//   short: collateral = N/(L − 1), borrowed Q base, assets = wallet + N (sale proceeds)
// Interest: hourly; one hour accrues when the loan is made and one at each full hour. The rate
// is the borrowed asset's: USDT (quote) for a long, BTC (base) for a short; without one in the
// input, the symbol's bundled example rate for that side is used and named in the assumptions.
import { Dec, ZERO } from '../decimal';
import { InputError } from '../errors';
import type { VenueFacts } from '../facts';
import { Resolver } from '../resolve';
import { crossBalanceUnknown, otherPositionsIgnored, spotBreakEven, tradingFees } from '../spot-margin';
import type { Carry, ModelQuote, QuoteInput, Warning } from '../types';
import { commonWarnings } from '../warnings';

const HOUR_MS = 3_600_000;

/** Hours of interest charged: the hour the loan is made plus every full hour it spans. */
export function chargedInterestHours(holdHours: Dec, startMs: number | null): { hours: Dec; exact: boolean } {
  if (startMs === null) return { hours: holdHours.ceil().plus(1), exact: false };
  const endMs = new Dec(startMs).plus(holdHours.times(HOUR_MS));
  const boundaries = endMs.div(HOUR_MS).floor().minus(new Dec(startMs).div(HOUR_MS).floor());
  return { hours: boundaries.plus(1), exact: true };
}

interface Book {
  /** Assets and liabilities as functions of the price, both in quote currency. */
  assetsAt(price: Dec): Dec;
  liabilitiesAt(price: Dec): Dec;
  /** Price at which assets / liabilities equals `level`. */
  priceAtLevel(level: Dec): Dec | null;
}

function book(input: QuoteInput, wallet: Dec, collateral: Dec, hourlyRate: Dec | undefined): Book {
  const { order } = input;
  const notional = order.quantity.times(order.price);
  const firstHour = hourlyRate ?? ZERO;
  if (order.side === 'long') {
    const liabilities = notional.minus(collateral).times(new Dec(1).plus(firstHour));
    const spare = wallet.minus(collateral);
    return {
      assetsAt: (p) => order.quantity.times(p).plus(spare),
      liabilitiesAt: () => liabilities,
      priceAtLevel: (level) => {
        if (liabilities.isZero()) return null;
        const price = level.times(liabilities).minus(spare).div(order.quantity);
        return price.greaterThan(0) ? price : null;
      },
    };
  }
  const owedBase = order.quantity.times(new Dec(1).plus(firstHour));
  const assets = wallet.plus(notional);
  return {
    assetsAt: () => assets,
    liabilitiesAt: (p) => owedBase.times(p),
    priceAtLevel: (level) => assets.div(level.times(owedBase)),
  };
}

function levelsFor(input: QuoteInput, resolver: Resolver): { call: Dec | null; liquidation: Dec } {
  const { market, order } = input;
  if (input.marginMode === 'cross') {
    if (order.leverage.greaterThan(5)) {
      throw new InputError(
        'UNSUPPORTED',
        'binance-margin cross above 5× is Cross Margin Pro, whose margin level has another definition; not modelled yet',
        'order.leverage',
      );
    }
    const threeX = order.leverage.lessThanOrEqualTo(3);
    if (market.marginCallLevel === undefined)
      resolver.note(
        `Cross Classic ${threeX ? '3×' : '5×'} margin-call level ${threeX ? '1.3' : '1.16'} (Binance margin level FAQ)`,
      );
    if (market.liquidationLevel === undefined)
      resolver.note('Cross Classic liquidation level 1.1 (Binance margin level FAQ)');
    return {
      call: market.marginCallLevel ?? new Dec(threeX ? '1.3' : '1.16'),
      liquidation: market.liquidationLevel ?? new Dec('1.1'),
    };
  }
  const liquidation = resolver.required('liquidationLevel', 'isolated liquidation level');
  const call = resolver.optional('marginCallLevel', 'isolated margin-call level') ?? null;
  if (call === null) resolver.note('isolated margin-call level unknown for this pair: no margin-call price');
  return { call, liquidation };
}

/**
 * Hourly rate of what this order borrows: the input's, else the symbol's bundled rate for the
 * order's side (a long borrows the quote asset, a short the base asset, at different rates),
 * else the venue default for that side; undefined when none is known.
 */
function borrowRate(input: QuoteInput, facts: VenueFacts | undefined, resolver: Resolver): Dec | undefined {
  const given = input.market.borrowRatePerHour;
  if (given !== undefined || !facts) return given;
  const long = input.order.side === 'long';
  const key = long ? 'borrowRatePerHourLong' : 'borrowRatePerHourShort';
  const symbol = input.order.symbol?.toUpperCase();
  const fromSymbol = symbol === undefined ? undefined : facts.symbols[symbol]?.[key];
  const rate = fromSymbol ?? facts.defaults[key];
  if (rate === undefined) return undefined;
  const where = fromSymbol !== undefined ? `${symbol} ` : '';
  resolver.note(
    `hourly borrow rate ${rate.toFixed()} of the ${long ? 'quote' : 'base'} asset a ${long ? 'long' : 'short'} borrows, from bundled binance-margin ${where}facts dated ${facts.asOf} (an example rate: Binance changes it every hour)`,
  );
  return rate;
}

function interestCarry(
  input: QuoteInput,
  resolver: Resolver,
  markPrice: Dec,
  collateral: Dec,
  rate: Dec | undefined,
): Carry {
  const { order } = input;
  const { hours, exact } = chargedInterestHours(input.holdHours, input.carryStartMs);
  resolver.note(
    exact
      ? `interest for ${hours.toFixed()} charged hours from the given start`
      : `interest for ${hours.toFixed()} charged hours (worst case: start time unknown)`,
  );
  const borrowed =
    order.side === 'long' ? order.quantity.times(order.price).minus(collateral) : order.quantity.times(markPrice);
  if (rate === undefined) resolver.note('borrow rate unknown: interest not included');
  const perPeriod = rate === undefined ? null : borrowed.times(rate);
  return {
    kind: 'interest',
    opening: ZERO,
    perPeriod,
    periodHours: new Dec(1),
    periods: hours,
    hours: input.holdHours,
    total: perPeriod === null ? null : perPeriod.times(hours),
  };
}

export function quoteBinanceMargin(input: QuoteInput, facts: VenueFacts | undefined): ModelQuote {
  const resolver = new Resolver(input, facts);
  const { order, account } = input;
  if (order.side === 'short' && order.leverage.lessThanOrEqualTo(1)) {
    throw new InputError(
      'OUT_OF_RANGE',
      'a margin short borrows the asset it sells: order.leverage must be above 1',
      'order.leverage',
    );
  }
  const notional = order.quantity.times(order.price);
  const markPrice = input.market.markPrice ?? order.price;
  if (input.market.markPrice === undefined) resolver.note('current price not given: the order price is used');
  const collateral = order.side === 'long' ? notional.div(order.leverage) : notional.div(order.leverage.minus(1));
  const levels = levelsFor(input, resolver);
  const rate = borrowRate(input, facts, resolver);
  const warnings: Warning[] = [...otherPositionsIgnored(input)];
  let wallet = account.walletBalance;
  if (wallet === undefined && input.marginMode === 'isolated') {
    wallet = collateral;
    resolver.note('isolated pair funded with exactly the collateral this order needs');
  }
  if (wallet === undefined) warnings.push(crossBalanceUnknown());
  else {
    wallet = wallet.plus(account.extraMargin);
    if (wallet.lessThan(collateral)) {
      warnings.push({
        code: 'INSUFFICIENT_COLLATERAL',
        severity: 'danger',
        message: `This order needs ${collateral.toSignificantDigits(8).toFixed()} of collateral at ${order.leverage.toFixed()}×; the balance given is smaller.`,
      });
    }
  }
  if (rate !== undefined) resolver.note('liabilities include the hour of interest charged when the loan is made');
  const b = wallet === undefined ? null : book(input, wallet, collateral, rate);
  const liquidationPrice = b ? b.priceAtLevel(levels.liquidation) : null;
  const marginLevelAt = (p: Dec): Dec | null => {
    if (!b) return null;
    const liabilities = b.liabilitiesAt(p);
    return liabilities.isZero() ? null : b.assetsAt(p).div(liabilities);
  };
  const levelAtEntry = marginLevelAt(order.price);
  const immediate = levelAtEntry !== null && levelAtEntry.lessThanOrEqualTo(levels.liquidation);
  if (b && liquidationPrice === null)
    warnings.push({
      code: 'NO_LIQUIDATION',
      severity: 'info',
      message: 'Nothing is borrowed against this order, or no positive price reaches the liquidation level.',
    });
  const liquidationDistance = liquidationPrice === null ? null : markPrice.minus(liquidationPrice).abs().div(markPrice);
  const trading = tradingFees(input, notional, resolver);
  const carry = interestCarry(input, resolver, markPrice, collateral, rate);
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
  const liabilitiesNow = b ? b.liabilitiesAt(markPrice) : null;
  return {
    venue: input.venue,
    notional,
    initialMargin: collateral,
    // Net collateral at which liquidation starts: (liquidation level − 1) × liabilities.
    maintenanceMargin: (
      liabilitiesNow ?? (order.side === 'long' ? notional.minus(collateral) : order.quantity.times(markPrice))
    ).times(levels.liquidation.minus(1)),
    liquidationPrice,
    bankruptcyPrice: null,
    marginCallPrice: b && levels.call ? b.priceAtLevel(levels.call) : null,
    marginLevel: marginLevelAt(markPrice),
    marginLevelUnit: 'ratio',
    liquidationDistance,
    fees: trading.fees,
    carry,
    breakEvenPrice: spotBreakEven(input, trading, carry),
    warnings,
    assumptions: resolver.assumptions,
    details: {
      borrowedQuote: order.side === 'long' ? notional.minus(collateral) : null,
      borrowedBase: order.side === 'short' ? order.quantity : null,
      zeroEquityPrice: b ? b.priceAtLevel(new Dec(1)) : null,
      marginLevelAtMarginCall: levels.call,
      marginLevelAtLiquidation: levels.liquidation,
      borrowRatePerHour: rate ?? null,
    },
    ...(input.marginMode === 'isolated' && wallet !== undefined ? { isolatedMargin: wallet } : {}),
  };
}
