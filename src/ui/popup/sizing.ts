// Position size from risk: the quantity whose loss at the stop-loss (fees included) is the amount
// the user accepts to lose, and the highest whole leverage at which that position still has its
// liquidation beyond the stop (src/core/sizing.ts). The quantity is rounded DOWN for display and
// for "Apply", so the loss never comes out above the risk.
import { Dec } from '../../core/decimal';
import { InputError } from '../../core/errors';
import { parseQuoteInput } from '../../core/input';
import { sizeForRisk } from '../../core/sizing';
import { bundledFacts } from '../../venues/bundled-facts';

export type RiskMode = 'amount' | 'percent';

export type SizingOutcome =
  | {
      ok: true;
      /** Base quantity, rounded down to `decimals`. */
      quantity: string;
      decimals: number;
      /** Highest whole leverage that fits, or null: none does (even 1×). */
      leverage: string | null;
      /** Loss at the stop of the rounded quantity, fees included (positive number). */
      loss: string;
      /** The amount at risk in the quote currency (from the percent when given as one). */
      risk: string;
    }
  | { ok: false; reason: 'needsStop' | 'needsBalance' | 'wrongSideStop' | 'nothing' | 'engine'; message?: string };

/** Decimals of the quantity step: one step is worth about one unit of the quote currency or less. */
export function quantityDecimals(price: string): number {
  const whole = new Dec(price).abs().floor();
  return whole.isZero() ? 0 : Math.min(8, whole.toFixed().length);
}

/** The amount at risk: as typed, or that percent of the balance; null when the percent has no balance. */
export function riskAmount(mode: RiskMode, value: string, balance: string | null): string | null {
  if (mode === 'amount') return value;
  return balance === null ? null : new Dec(balance).times(value).div(100).toFixed();
}

/**
 * `input`: the scenario's engine input (its quantity and leverage are replaced). `cap`: the
 * highest leverage to try (the venue's maximum, or the personal maximum when lower).
 */
export function sizeFromRisk(input: Record<string, unknown> | null, risk: string | null, cap: number): SizingOutcome {
  if (input === null) return { ok: false, reason: 'nothing' };
  const order = input.order as Record<string, unknown> | undefined;
  if (order?.stopLoss === undefined) return { ok: false, reason: 'needsStop' };
  if (risk === null) return { ok: false, reason: 'needsBalance' };
  try {
    const parsed = parseQuoteInput(input);
    const sized = sizeForRisk(parsed, bundledFacts(), new Dec(risk), new Dec(cap));
    const decimals = quantityDecimals(parsed.order.price.toFixed());
    const quantity = sized.quantity.toDecimalPlaces(decimals, Dec.ROUND_DOWN);
    if (!quantity.greaterThan(0)) return { ok: false, reason: 'nothing' };
    return {
      ok: true,
      quantity: quantity.toFixed(),
      decimals,
      leverage: sized.leverage === null ? null : sized.leverage.toFixed(),
      loss: sized.lossPerUnit.times(quantity).toFixed(),
      risk,
    };
  } catch (error) {
    if (error instanceof InputError && error.path === 'order.stopLoss') return { ok: false, reason: 'wrongSideStop' };
    return { ok: false, reason: 'engine', message: error instanceof Error ? error.message : String(error) };
  }
}
