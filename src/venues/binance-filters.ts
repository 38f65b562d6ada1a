// Binance's exchangeInfo symbol filters (spot /api/v3 and USDⓈ-M /fapi/v1 share the format): one
// reading for both Binance venue folders, which may not import each other.
import { decimalString } from './feed-parse';
import { fail } from '../schema';
import type { DecimalString } from './types';

/**
 * One filter's step field (PRICE_FILTER tickSize, LOT_SIZE stepSize or minQty), or null: that
 * filter not listed, or the value 0, which Binance documents as "this rule is disabled". The filter
 * listed twice or a broken value rejects the body (`parse` checks the value as a step or minimum).
 */
export function filterStep(
  filters: readonly Record<string, unknown>[],
  type: string,
  field: string,
  parse: (v: unknown, where: string) => DecimalString,
): DecimalString | null {
  const listed = filters.filter((filter) => filter.filterType === type);
  if (listed.length > 1) fail(type, 'is listed twice');
  const step = listed[0]?.[field];
  if (step === undefined) return null;
  if (decimalString(step, `${type}.${field}`, 'non-negative') === '0') return null;
  return parse(step, `${type}.${field}`);
}
