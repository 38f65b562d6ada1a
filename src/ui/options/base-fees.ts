// The base fee rates in use when a venue's fee fields are empty: each venue's bundled facts
// (src/venues/<venue>/facts.json), in percent as the fields are typed ("0.050" for 0.0005).
// Exact decimal text, no float.
import { parseDecimalFixed, plainText, shiftFixed } from '../../core/decimal-text';
import type { VenueId } from '../../core/types';
import { RAW_FACTS } from '../../venues/bundled-facts';

/** The bundled base rate of one side in percent, at least three decimals; null when the venue has no facts. */
export function baseFeePercent(venue: VenueId, side: 'maker' | 'taker'): string | null {
  const raw = RAW_FACTS[venue] as Record<string, unknown> | undefined;
  const rate = raw?.[side === 'maker' ? 'makerFeeRate' : 'takerFeeRate'];
  const fixed = typeof rate === 'string' ? parseDecimalFixed(rate) : undefined;
  if (fixed === undefined) return null;
  const text = plainText(shiftFixed(fixed, 2));
  const [whole, fraction = ''] = text.split('.');
  return `${whole}.${fraction.padEnd(3, '0')}`;
}
