// Position sizing from risk: given a stop-loss and the amount the trader accepts to lose if it
// fills (fees included), the quantity that loses exactly that, and the highest leverage at which
// that position's liquidation still lies beyond the stop with none of the engine's danger
// warnings. Every venue's loss at the stop is linear in the quantity (fees and opening charges are
// proportional to it), so one quote of a unit position gives the loss per unit.
import { Dec } from './decimal';
import { InputError } from './errors';
import type { FactsBook } from './facts';
import { pnlAt } from './pnl';
import { quote } from './quote';
import type { Quote, QuoteInput } from './types';

export interface RiskSizing {
  /** Base quantity whose loss at the stop equals the risk (exact; round it down to the venue's lot size). */
  quantity: Dec;
  /** Loss at the stop per unit of base quantity, fees included. */
  lossPerUnit: Dec;
  /** Highest whole leverage that fits (≤ the cap), or null when even 1× does not. */
  leverage: Dec | null;
  /** The quote at that size and leverage (or at the requested leverage when none fits). */
  quote: Quote;
}

/** Warnings that mean "this leverage does not fit" for the sizing search. */
const MISFIT = new Set([
  'LIQ_BEYOND_STOP',
  'LIQUIDATION_NEAR',
  'LIQUIDATION_AT_MARK',
  'LIQUIDATION_IMMEDIATE',
  'LEVERAGE_ABOVE_MAX',
  'LEVERAGE_ABOVE_PERSONAL_MAX',
  'SIZE_OUTSIDE_TIER',
]);
/** Leverage search ceiling when neither the caller nor the input names one. */
const DEFAULT_CAP = new Dec(125);

function withOrder(input: QuoteInput, change: Partial<QuoteInput['order']>): QuoteInput {
  return { ...input, order: { ...input.order, ...change } };
}

export function fits(q: Quote, input: QuoteInput): boolean {
  if (q.warnings.some((w) => MISFIT.has(w.code))) return false;
  const stop = input.order.stopLoss;
  if (stop === null || q.liquidationPrice === null) return true;
  return input.order.side === 'long' ? q.liquidationPrice.lessThan(stop) : q.liquidationPrice.greaterThan(stop);
}

/**
 * `input` carries the entry (order.price), side, stop (required) and the rest of a quote input;
 * its quantity and leverage are replaced. `risk` is in the quote currency.
 */
export function sizeForRisk(
  input: QuoteInput,
  facts: FactsBook,
  risk: Dec,
  cap: Dec = input.limits.maxLeverage ?? input.market.maxLeverage ?? DEFAULT_CAP,
): RiskSizing {
  const stop = input.order.stopLoss;
  if (stop === null) throw new InputError('MISSING_FIELD', 'position sizing needs order.stopLoss', 'order.stopLoss');
  if (!risk.greaterThan(0)) throw new InputError('OUT_OF_RANGE', 'the amount at risk must be above 0', 'risk');
  const unit = quote(withOrder(input, { quantity: new Dec(1) }), facts);
  // The loss if the stop fills (on the line: not capped at an isolated liquidation at this leverage).
  const lossPerUnit = pnlAt(unit.pnl, input.order.price, stop).negated();
  if (!lossPerUnit.greaterThan(0)) {
    throw new InputError(
      'OUT_OF_RANGE',
      'the stop-loss must be on the losing side of the entry price',
      'order.stopLoss',
    );
  }
  const quantity = risk.div(lossPerUnit);
  const top = Dec.min(cap, new Dec(1000)).floor();
  for (let leverage = top; leverage.greaterThanOrEqualTo(1); leverage = leverage.minus(1)) {
    const sized = withOrder(input, { quantity, leverage });
    const q = quote(sized, facts);
    if (fits(q, sized)) return { quantity, lossPerUnit, leverage, quote: q };
  }
  return { quantity, lossPerUnit, leverage: null, quote: quote(withOrder(input, { quantity }), facts) };
}
