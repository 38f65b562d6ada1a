// Fees, carry and break-even: what the trade costs besides adverse price moves.
import { Dec, ZERO } from './decimal';
import type { Carry, Order, QuoteInput } from './types';
import { sideSign } from './types';
import type { Resolver } from './resolve';

/** Fee rate for opening: maker for a resting limit order, taker for a market order. */
export function openingFeeRate(order: Order, resolver: Resolver): Dec {
  if (order.type === 'market') return resolver.feeRate('taker');
  resolver.note('limit order assumed to rest on the book and pay the maker fee');
  return resolver.feeRate('maker');
}

/** Whole periods in the holding time; a payment falls due only once a period completes. */
export function wholePeriods(hours: Dec, periodHours: Dec): Dec {
  return hours.div(periodHours).floor();
}

/**
 * Funding over the holding time, positive = paid by this position. A positive rate
 * means longs pay shorts on every venue we support; the base is notional at the mark.
 */
export function fundingCarry(
  input: QuoteInput,
  markPrice: Dec,
  rate: Dec | undefined,
  periodHours: Dec,
  resolver: Resolver,
): Carry {
  const periods = wholePeriods(input.holdHours, periodHours);
  const base = { kind: 'funding' as const, opening: ZERO, periodHours, periods, hours: input.holdHours };
  if (rate === undefined) {
    resolver.note('funding rate unknown: carry not included in break-even');
    return { ...base, perPeriod: null, total: null };
  }
  resolver.note(
    `funding at the current rate ${rate.toFixed()} every ${periodHours.toFixed()} h for ${periods.toFixed()} whole periods, on notional at the mark price`,
  );
  const perPeriod = input.order.quantity.times(markPrice).times(rate).times(sideSign(input.order.side));
  return { ...base, perPeriod, total: perPeriod.times(periods) };
}

/**
 * Exit price at which PnL pays the opening fee, the carry, and the closing fee charged
 * at the exit price itself:
 *   long:  Q·(BE − EP) = costs + Q·BE·t  ⇒ BE = (Q·EP + costs) / (Q·(1 − t))
 *   short: Q·(EP − BE) = costs + Q·BE·t  ⇒ BE = (Q·EP − costs) / (Q·(1 + t))
 */
export function breakEvenPrice(order: Order, costs: Dec, closeFeeRate: Dec): Dec | null {
  const s = sideSign(order.side);
  const denominator = order.quantity.times(new Dec(1).minus(closeFeeRate.times(s)));
  if (denominator.lessThanOrEqualTo(0)) return null;
  const price = order.quantity.times(order.price).plus(costs.times(s)).div(denominator);
  return price.greaterThan(0) ? price : null;
}

export function carryCost(carry: Carry): Dec {
  return carry.total ?? carry.opening;
}
