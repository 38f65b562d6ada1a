// Position size from risk: the quantity whose loss at the stop-loss (fees included) is the amount
// the user accepts to lose, and the highest whole leverage at which that position still has its
// liquidation beyond the stop (src/core/sizing.ts). The quantity is rounded DOWN for display and
// for "Apply", so the loss never comes out above the risk: to a whole number of the venue's lot
// step when its feed gave one (a size the venue takes), else to quantityDecimals (a guess).
import { Dec } from '../../core/decimal';
import { InputError } from '../../core/errors';
import { parseQuoteInput } from '../../core/input';
import { sizeForRisk } from '../../core/sizing';
import { bundledFacts } from '../../venues/bundled-facts';
import { isFresh, type MarketSnapshot } from '../../venues/types';

export type RiskMode = 'amount' | 'percent';

export type SizingOutcome =
  | {
      ok: true;
      /** Base quantity, rounded down to a whole number of `step`, else to `decimals`. */
      quantity: string;
      decimals: number;
      /** The venue's lot step in the base asset the quantity was rounded to; null: unknown, rounded to `decimals`. */
      step: string | null;
      /** OKX: the quantity in contracts (quantity ÷ contract value), when the contract value is known. */
      contracts: string | null;
      /** Highest whole leverage that fits, or null: none does (even 1×). */
      leverage: string | null;
      /** Loss at the stop of the rounded quantity, fees included (positive number). */
      loss: string;
      /** The amount at risk in the quote currency (from the percent when given as one). */
      risk: string;
    }
  | {
      ok: false;
      reason: 'needsStop' | 'needsBalance' | 'wrongSideStop' | 'nothing' | 'belowStep' | 'belowMinimum' | 'engine';
      /** 'engine': the engine's message; 'belowStep': the lot step; 'belowMinimum': the minimum. */
      message?: string;
    };

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

/** The venue's order steps as its feed gave them (null: not known here). */
export interface OrderSteps {
  /** Quantity step in the base asset (MarketFigureKey 'sizeStep'). */
  size: string | null;
  /** OKX: base units per contract, to say the size in contracts too. */
  contractValue: string | null;
  /** Smallest order quantity in the base asset (MarketFigureKey 'minSize'). */
  minimum?: string | null;
}

const NO_STEPS: OrderSteps = { size: null, contractValue: null };

/** The steps the page's feed gave for the scenario's market (ownSnapshot), while fresh at `now`. */
export function orderSteps(snapshot: MarketSnapshot | null, now: number): OrderSteps {
  const fresh = (key: 'sizeStep' | 'contractValue' | 'minSize') => {
    const figure = snapshot?.figures[key];
    return isFresh(figure, key, now) ? figure.value : null;
  };
  return { size: fresh('sizeStep'), contractValue: fresh('contractValue'), minimum: fresh('minSize') };
}

/** `quantity` rounded DOWN to a whole number of `step`, or to `decimals` places without one. */
export function roundDownToStep(quantity: Dec, step: string | null, decimals: number): Dec {
  if (step === null) return quantity.toDecimalPlaces(decimals, Dec.ROUND_DOWN);
  return quantity.div(step).floor().times(step);
}

/** Decimals a step shows with ("0.001" → 3, "10" → 0). */
const decimalsOfStep = (step: string): number => Math.max(0, new Dec(step).decimalPlaces());

/**
 * `input`: the scenario's engine input (its quantity and leverage are replaced). `cap`: the
 * highest leverage to try (the venue's maximum, or the personal maximum when lower). `steps`:
 * the venue's lot step (and contract value) for this symbol, when the page's feed gave them.
 */
export function sizeFromRisk(
  input: Record<string, unknown> | null,
  risk: string | null,
  cap: number,
  steps: OrderSteps = NO_STEPS,
): SizingOutcome {
  if (input === null) return { ok: false, reason: 'nothing' };
  const order = input.order as Record<string, unknown> | undefined;
  if (order?.stopLoss === undefined) return { ok: false, reason: 'needsStop' };
  if (risk === null) return { ok: false, reason: 'needsBalance' };
  try {
    const parsed = parseQuoteInput(input);
    const sized = sizeForRisk(parsed, bundledFacts(), new Dec(risk), new Dec(cap));
    const step = steps.size !== null && new Dec(steps.size).greaterThan(0) ? steps.size : null;
    const decimals = step === null ? quantityDecimals(parsed.order.price.toFixed()) : decimalsOfStep(step);
    const quantity = roundDownToStep(sized.quantity, step, decimals);
    if (!quantity.greaterThan(0))
      return step === null ? { ok: false, reason: 'nothing' } : { ok: false, reason: 'belowStep', message: step };
    if (steps.minimum != null && quantity.lessThan(steps.minimum))
      return { ok: false, reason: 'belowMinimum', message: steps.minimum };
    const perContract = steps.contractValue === null ? null : new Dec(steps.contractValue);
    return {
      ok: true,
      quantity: quantity.toFixed(),
      decimals,
      step,
      contracts: perContract !== null && perContract.greaterThan(0) ? quantity.div(perContract).toFixed() : null,
      leverage: sized.leverage === null ? null : sized.leverage.toFixed(),
      loss: sized.lossPerUnit.times(quantity).toFixed(),
      risk,
    };
  } catch (error) {
    if (error instanceof InputError && error.path === 'order.stopLoss') return { ok: false, reason: 'wrongSideStop' };
    return { ok: false, reason: 'engine', message: error instanceof Error ? error.message : String(error) };
  }
}
