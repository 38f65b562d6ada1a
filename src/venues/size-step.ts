// A symbol's order quantity step (lot size) as a venue's public data gives it, in the base asset.
// Sizing rounds a suggested quantity DOWN to a whole number of steps, so a step that is not one
// (0, negative, "1e-3", a price-sized number) must not pass: a feed that meets one rejects the
// whole body, like a broken tick size (price-step.ts).
import { Dec } from '../core/decimal';
import { decimalString } from './feed-parse';
import { decimalPlaces, stepOfDecimals } from './price-step';
import { fail } from '../schema';
import type { DecimalString } from './types';

/** No listed symbol steps its size by more than this many base units (1000PEPE-like lots are 100). */
const COARSEST = new Dec(1_000_000);
/** Finer than this is not a lot step (parseDecimalText's floor is 1e-18; venues stop at 1e-8). */
const FINEST = new Dec(10).pow(-12);

function inRange(step: Dec, where: string): void {
  if (step.greaterThan(COARSEST) || step.lessThan(FINEST)) fail(where, 'is out of range');
}

/** A quantity step sent as a decimal string ("0.001", "0.00001000") → its plain text ("0.001", "0.00001"). */
export function sizeStep(v: unknown, where: string): DecimalString {
  const text = decimalString(v, where, 'positive');
  inRange(new Dec(text), where);
  return text;
}

/** A smallest order quantity as a decimal string (Kraken ordermin "0.0001"): positive, at most COARSEST × 1000. */
export function minimumSize(v: unknown, where: string): DecimalString {
  const text = decimalString(v, where, 'positive');
  if (new Dec(text).greaterThan(COARSEST.times(1000))) fail(where, 'is out of range');
  return text;
}

/** A step given as a count of decimals (Kraken lot_decimals, Hyperliquid szDecimals): 8 → "0.00000001". */
export function sizeStepOfDecimals(v: unknown, where: string, most = 12): DecimalString {
  return stepOfDecimals(decimalPlaces(v, where, most));
}

/**
 * OKX sizes orders in contracts: one lot is lotSz contracts of ctVal base units each, so the step
 * in the base asset is their product (BTC-USDT-SWAP: 0.01 × 0.01 BTC = 0.0001 BTC).
 */
export function contractSizeStep(lot: unknown, contractValue: DecimalString, where: string): DecimalString {
  const step = new Dec(sizeStep(lot, where)).times(contractValue);
  inRange(step, where);
  return step.toFixed();
}
