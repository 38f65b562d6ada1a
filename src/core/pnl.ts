// Profit and loss against the exit price, for the chart, the loss-at-stop guard and position
// sizing. Every venue's models charge the closing fee as a taker fee on the exit notional
// (fees.close is that fee at the entry price), so the closing rate is fees.close / notional and
// the PnL is a straight line in the exit price. Carry over the holding time is not in the line:
// it depends on when the position is closed, and the break-even price already includes it.
// Isolated margin caps the loss: the venue liquidates the position, which loses the margin it
// holds (the closing or liquidation fee comes out of that margin) plus what opening it cost, and
// a stop-loss at or beyond the liquidation price never fills.
import { Dec, ZERO } from './decimal';
import type { ModelQuote, PnlLine, Quote, QuoteInput, Warning } from './types';
import { sideSign } from './types';

const fmt = (value: Dec): string => value.toSignificantDigits(8).toFixed();

/** Isolated: the loss at liquidation (negative); null for cross or without a liquidation price. */
function lossAtLiquidation(quote: ModelQuote, input: QuoteInput): Dec | null {
  if (input.marginMode !== 'isolated' || quote.liquidationPrice === null || quote.isolatedMargin === undefined)
    return null;
  return quote.isolatedMargin.plus(quote.fees.open).plus(quote.carry.opening).negated();
}

/** Whether a stop at `price` lies at or beyond the liquidation price (it would never fill). */
function beyondLiquidation(quote: ModelQuote, input: QuoteInput, price: Dec): boolean {
  const liq = quote.liquidationPrice;
  if (liq === null) return false;
  return input.order.side === 'long' ? price.lessThanOrEqualTo(liq) : price.greaterThanOrEqualTo(liq);
}

export function pnlLine(quote: ModelQuote, input: QuoteInput): PnlLine {
  const { order } = input;
  const closeRate = quote.notional.isZero() ? ZERO : quote.fees.close.div(quote.notional);
  const atEntry = quote.fees.open.plus(quote.fees.close).plus(quote.carry.opening).negated();
  const slope = order.quantity.times(sideSign(order.side)).minus(order.quantity.times(closeRate));
  const atLiquidation = lossAtLiquidation(quote, input);
  const at = (price: Dec | null): Dec | null => {
    if (price === null) return null;
    if (atLiquidation !== null && beyondLiquidation(quote, input, price)) return atLiquidation;
    return atEntry.plus(slope.times(price.minus(order.price)));
  };
  return { atEntry, slope, atStop: at(order.stopLoss), atTakeProfit: at(order.takeProfit), atLiquidation };
}

/** LOSS_AT_STOP_ABOVE_LIMIT when the stop would lose more than limits.maxLoss; none otherwise. */
export function lossLimitWarning(line: PnlLine, input: QuoteInput): Warning | null {
  const limit = input.limits.maxLoss;
  if (limit === null || line.atStop === null || !line.atStop.negated().greaterThan(limit)) return null;
  const loss = fmt(line.atStop.negated());
  return {
    code: 'LOSS_AT_STOP_ABOVE_LIMIT',
    severity: 'danger',
    message: `If the stop-loss fills, this order loses ${loss} with fees, more than your limit of ${fmt(limit)}.`,
  };
}

/**
 * The model's quote with its PnL line and the loss-limit warning. An isolated stop at or beyond
 * liquidation is said once, in LIQ_BEYOND_STOP with the capped loss (and the limit when it is
 * above it), not again as LOSS_AT_STOP_ABOVE_LIMIT.
 */
export function withPnl(quoted: ModelQuote, input: QuoteInput): Quote {
  const pnl = pnlLine(quoted, input);
  const stop = input.order.stopLoss;
  const liq = quoted.liquidationPrice;
  if (pnl.atLiquidation === null || stop === null || liq === null || !beyondLiquidation(quoted, input, stop)) {
    const warning = lossLimitWarning(pnl, input);
    return { ...quoted, pnl, warnings: warning === null ? quoted.warnings : [...quoted.warnings, warning] };
  }
  const loss = pnl.atLiquidation.negated();
  const limit = input.limits.maxLoss;
  const over = limit !== null && loss.greaterThan(limit) ? `, more than your limit of ${fmt(limit)}` : '';
  const message =
    `You would be liquidated at ${fmt(liq)} before your stop-loss at ${fmt(stop)}: the stop never fills. ` +
    `Loss ≈ ${fmt(loss)} (the isolated margin ${fmt(quoted.isolatedMargin ?? ZERO)} + fees)${over}.`;
  return {
    ...quoted,
    pnl,
    warnings: quoted.warnings.map((w) => (w.code === 'LIQ_BEYOND_STOP' ? { ...w, message } : w)),
    assumptions: [
      ...quoted.assumptions,
      'isolated margin: the stop-loss lies beyond liquidation and is never reached; the P/L at the stop is the loss at liquidation (margin posted + opening fee)',
    ],
  };
}

/** A price's PnL on the line (decimal, exact). */
export function pnlAt(line: PnlLine, entry: Dec, price: Dec): Dec {
  return line.atEntry.plus(line.slope.times(price.minus(entry)));
}
