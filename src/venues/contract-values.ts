// Bundled, dated contract values (base units per contract) for venues whose forms size orders in
// contracts (OKX: ctVal). Used only when the live instruments answer is missing (offline, or the
// API blocked), so an order in contracts still quotes; the quote then says the figure is bundled.
// Contract values of the main swaps have not changed since listing, which is why a dated copy
// is a fair fallback, unlike prices or tiers.
import { parseDecimalText } from '../core/decimal';
import type { VenueId } from '../core/types';
import okx from './okx-swap/contract-values.json';

export interface BundledContractValue {
  value: string;
  asOf: string;
}

function fail(why: string): never {
  throw new Error(`bundled contract values: ${why}`);
}

/** Strict, at load: a malformed file fails its unit test in CI, not a trader's quote. */
export function parseContractValues(raw: unknown): { asOf: string; values: ReadonlyMap<string, string> } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('not an object');
  const { asOf, source, contractValues, ...rest } = raw as Record<string, unknown>;
  if (Object.keys(rest).length > 0) fail(`unknown key ${Object.keys(rest)[0]}`);
  if (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) fail('asOf is not a YYYY-MM-DD date');
  if (typeof source !== 'string' || source.length < 10) fail('source must say where the figures come from');
  if (typeof contractValues !== 'object' || contractValues === null || Array.isArray(contractValues))
    fail('contractValues is not an object');
  const values = new Map<string, string>();
  for (const [symbol, value] of Object.entries(contractValues)) {
    const parsed = typeof value === 'string' ? parseDecimalText(value) : undefined;
    if (parsed === undefined || !parsed.greaterThan(0)) fail(`${symbol} is not a positive decimal string`);
    values.set(symbol, parsed.toFixed());
  }
  return { asOf, values };
}

const RAW: Partial<Record<VenueId, unknown>> = { 'okx-swap': okx };
let cached: Partial<Record<VenueId, ReturnType<typeof parseContractValues>>> | undefined;

/** The bundled contract value of a symbol with its date, or null when none is bundled. */
export function bundledContractValue(venue: VenueId, symbol: string): BundledContractValue | null {
  cached ??= Object.fromEntries(Object.entries(RAW).map(([v, raw]) => [v, parseContractValues(raw)]));
  const book = cached[venue];
  const value = book?.values.get(symbol);
  return book === undefined || value === undefined ? null : { value, asOf: book.asOf };
}
