// A symbol's price step (tick size) as a venue's public data gives it. The overlay shows prices
// to the step's precision, so a step that is not a step (0, negative, "1e-2", 0.37) must not
// pass: a feed that meets one rejects the whole body, like any other broken field (feed-parse.ts).
import { Dec } from '../core/decimal';
import { decimalString } from './feed-parse';
import { fail } from '../schema';
import type { DecimalString } from './types';

/**
 * Venues step prices by a power of ten (0.1, 0.01, 1), some symbols by half steps (0.5, 0.05);
 * fifth (0.2) and quarter (0.25) steps are allowed too, as exchanges use them. Anything else
 * (0.3, 0.15, a price) is not a tick size but a broken or foreign field.
 */
const STEP_DIGITS: ReadonlySet<string> = new Set(['1', '2', '25', '5']);
/** No listed symbol steps by more than this; a coarser "tick" is another field. */
const COARSEST = new Dec(10_000);
/** The finest step plain decimal text may carry here (parseDecimalText's own floor is 1e-18). */
const MAX_DECIMALS = 18;

/** A tick size sent as a decimal string ("0.10", "0.01000000") → its plain text ("0.1", "0.01"). */
export function priceStep(v: unknown, where: string): DecimalString {
  const text = decimalString(v, where, 'positive');
  if (new Dec(text).greaterThan(COARSEST)) fail(where, 'is out of range');
  const digits = text.replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  if (!STEP_DIGITS.has(digits)) fail(where, 'is not 1, 2, 2.5 or 5 times a power of ten');
  return text;
}

/** A count of price decimals (Kraken pair_decimals, Hyperliquid 6 − szDecimals): an integer 0–18. */
export function decimalPlaces(v: unknown, where: string, most = MAX_DECIMALS): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= most
    ? v
    : fail(where, `is not a whole number of decimals (0–${most})`);
}

/** 10^−decimals as plain text: 0 → "1", 1 → "0.1", 8 → "0.00000001". */
export function stepOfDecimals(decimals: number): DecimalString {
  return new Dec(10).pow(-decimals).toFixed();
}

/** How many decimals a plain step has ("0.05" → 2, "10" → 0). */
export function decimalsOf(step: DecimalString): number {
  return step.split('.')[1]?.length ?? 0;
}
