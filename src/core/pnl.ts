// Profit and loss against the exit price, for the chart, the loss-at-stop guard and position
// sizing. Every venue's models charge the closing fee as a taker fee on the exit notional
// (fees.close is that fee at the entry price), so the closing rate is fees.close / notional and
// the PnL is a straight line in the exit price. Carry over the holding time is not in the line:
// it depends on when the position is closed, and the break-even price already includes it.
import { Dec, ZERO } from './decimal';
import type { PnlLine, Quote, QuoteInput, Warning } from './types';
import { sideSign } from './types';

export function pnlLine(quote: Omit<Quote, 'pnl'>, input: QuoteInput): PnlLine {
  const { order } = input;
  const closeRate = quote.notional.isZero() ? ZERO : quote.fees.close.div(quote.notional);
  const atEntry = quote.fees.open.plus(quote.fees.close).plus(quote.carry.opening).negated();
  const slope = order.quantity.times(sideSign(order.side)).minus(order.quantity.times(closeRate));
  const at = (price: Dec | null): Dec | null =>
    price === null ? null : atEntry.plus(slope.times(price.minus(order.price)));
  return { atEntry, slope, atStop: at(order.stopLoss), atTakeProfit: at(order.takeProfit) };
}

/** LOSS_AT_STOP_ABOVE_LIMIT when the stop would lose more than limits.maxLoss; none otherwise. */
export function lossLimitWarning(line: PnlLine, input: QuoteInput): Warning | null {
  const limit = input.limits.maxLoss;
  if (limit === null || line.atStop === null || !line.atStop.negated().greaterThan(limit)) return null;
  const loss = line.atStop.negated().toSignificantDigits(8).toFixed();
  return {
    code: 'LOSS_AT_STOP_ABOVE_LIMIT',
    severity: 'danger',
    message: `If the stop-loss fills, this order loses ${loss} with fees, more than your limit of ${limit.toSignificantDigits(8).toFixed()}.`,
  };
}

/** A price's PnL on the line (decimal, exact). */
export function pnlAt(line: PnlLine, entry: Dec, price: Dec): Dec {
  return line.atEntry.plus(line.slope.times(price.minus(entry)));
}
