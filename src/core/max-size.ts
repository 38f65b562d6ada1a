// The largest size that opens at the chosen leverage with the balance given (the "Max" of the
// exchanges' order forms and calculators, issue 12):
//   cost(Q) ≤ balance, cost(Q) = what the venue takes from the balance to open Q:
//     - Bybit: its own order cost, IM + fee to open + fee to close at the bankruptcy price, both
//       at the taker rate (formulas.md §4.5, details.orderCost);
//     - Binance USDⓈ-M: cost to open (IM + open loss of a limit above / below the mark) + the
//       opening fee;
//     - every other venue: initial margin + the opening fee (+ Kraken's margin opening fee).
//   With IM = Q·P/L and fee = Q·P·f this is Binance's closed form Q = B·L / (P·(1 + L·f)); here
//   the cost of one unit comes from the venue model itself, so every venue's own rule is used.
// - Tiers (Binance, Bybit, OKX, Hyperliquid): the notional must lie in a tier whose maximum
//   leverage is at least the chosen one (no SIZE_OUTSIDE_TIER from the engine); above that the
//   venue refuses the order at this leverage.
// - A leverage above the venue's maximum opens nothing.
// The quantity is a whole number of `step`s (the venue's lot step when known), rounded down.
// The order is quoted on its own: positions held are left out (the balance given is taken as what
// is free to open with), and so is the order's own market position (issue 10 netting).
import { Dec, ZERO } from './decimal';
import type { FactsBook } from './facts';
import { quote } from './quote';
import type { Quote, QuoteInput } from './types';

export interface MaxSize {
  /** Base quantity, a whole number of steps; 0 when not even one step opens. */
  quantity: Dec;
  /** What opening that quantity takes from the balance (margin + fees as the venue counts them). */
  cost: Dec;
  /** What stops a larger size: the balance, the tier's maximum leverage, or the venue's maximum leverage. */
  limitedBy: 'balance' | 'tier' | 'leverage';
  step: Dec;
}

/** What opening the quoted order takes from the balance (see the file comment). */
export function openingCost(q: Pick<Quote, 'initialMargin' | 'fees' | 'carry' | 'details'>): Dec {
  const bybit = q.details.orderCost;
  if (bybit !== undefined && bybit !== null) return bybit;
  const margin = q.details.costToOpen ?? q.initialMargin;
  return margin.plus(q.fees.open).plus(q.carry.opening);
}

/** A quantity step worth about one unit of the quote currency or less (for when the lot step is unknown). */
export function defaultStep(price: Dec): Dec {
  const digits = price.abs().floor().isZero() ? 0 : Math.min(8, price.abs().floor().toFixed().length);
  return new Dec(10).pow(-digits);
}

function alone(input: QuoteInput, quantity: Dec): QuoteInput {
  return {
    ...input,
    order: { ...input.order, quantity },
    account: { extraMargin: ZERO, positions: [] },
  };
}

/** Largest whole number of steps k in [0, hi] for which `ok(k)` holds, `ok` true up to some k then false. */
function largest(hi: Dec, ok: (k: Dec) => boolean): Dec {
  let low = ZERO;
  let high = hi;
  while (high.greaterThan(low)) {
    const mid = low.plus(high).plus(1).div(2).floor();
    if (ok(mid)) low = mid;
    else high = mid.minus(1);
  }
  return low;
}

export function maxSize(
  input: QuoteInput,
  facts: FactsBook,
  balance: Dec,
  step: Dec = defaultStep(input.order.price),
): MaxSize {
  const at = (k: Dec): Quote => quote(alone(input, k.times(step)), facts);
  const unit = quote(alone(input, new Dec(1)), facts);
  const none = (limitedBy: MaxSize['limitedBy']): MaxSize => ({ quantity: ZERO, cost: ZERO, limitedBy, step });
  if (unit.warnings.some((w) => w.code === 'LEVERAGE_ABOVE_MAX')) return none('leverage');
  const perUnit = openingCost(unit);
  if (!balance.greaterThan(0) || !perUnit.greaterThan(0)) return none('balance');
  // The cost is linear in the quantity: the balance's bound, checked exactly (one step back if
  // the division's last digit rounded up).
  let top = balance.div(perUnit).div(step).floor();
  if (top.greaterThan(0) && openingCost(at(top)).greaterThan(balance)) top = top.minus(1);
  const tierOk = (k: Dec): boolean => k.isZero() || !at(k).warnings.some((w) => w.code === 'SIZE_OUTSIDE_TIER');
  let limitedBy: MaxSize['limitedBy'] = 'balance';
  if (!tierOk(top)) {
    top = largest(top.minus(1), tierOk);
    limitedBy = 'tier';
  }
  const quantity = top.times(step);
  return { quantity, cost: top.isZero() ? ZERO : openingCost(at(top)), limitedBy, step };
}
