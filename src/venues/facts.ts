// Bundled venue facts (fees, tiers, levels) as dated data, one JSON file per venue folder.
// Parsed strictly at load: a malformed file fails the facts format test in CI, not a
// trader's quote at run time.
import { checkTierOrder, type TierDraft } from '../core/tiers';
import { parseDecimalText, type Dec } from '../core/decimal';
import type { FactsBook, SymbolFacts, VenueFacts } from '../core/facts';
import { array, at, check, fail, map, obj, object, optional, record, refine, string, type Schema } from '../schema';
import { decodeBrackets } from './binance-usdm/bracket-bundle';

/** A non-negative decimal string → Dec. */
const decimal: Schema<Dec> = (v, path) => {
  const parsed = typeof v === 'string' ? parseDecimalText(v) : undefined;
  if (parsed === undefined || parsed.isNegative())
    fail(path, `must be a non-negative decimal string (got ${JSON.stringify(v)})`);
  return parsed;
};

const tierRow = map(
  object({
    notionalFloor: decimal,
    notionalCap: optional(decimal),
    maintenanceMarginRate: refine(decimal, (rate) => rate.lessThan(1), 'must be below 1'),
    maintenanceAmount: optional(decimal),
    maxLeverage: optional(decimal),
  }),
  (row): TierDraft => ({
    notionalFloor: row.notionalFloor,
    notionalCap: row.notionalCap ?? null,
    maintenanceMarginRate: row.maintenanceMarginRate,
    maintenanceAmount: row.maintenanceAmount,
    maxLeverage: row.maxLeverage ?? null,
  }),
);

const MAX_TIERS = 1_000;

const tiers = map(array(tierRow, { min: 1, max: MAX_TIERS }), (drafts, path) => {
  checkTierOrder(drafts, path);
  drafts.forEach((draft, i) => {
    const previous = drafts[i - 1];
    if (previous && !draft.maintenanceMarginRate.greaterThan(previous.maintenanceMarginRate))
      fail(at(path, i), 'maintenance rates must rise tier by tier');
  });
  return drafts;
});

const symbolFacts = object({
  tiers: optional(tiers),
  maxLeverage: optional(decimal),
  fundingIntervalHours: optional(decimal),
  marginCallLevel: optional(decimal),
  liquidationLevel: optional(decimal),
  openingFeeRate: optional(decimal),
  rolloverFeeRate: optional(decimal),
  rolloverIntervalHours: optional(decimal),
  borrowRatePerHourLong: optional(decimal),
  borrowRatePerHourShort: optional(decimal),
});
// The schema covers every field of SymbolFacts (and Kraken's rollover interval besides).
const symbolFactsFit: Schema<SymbolFacts & { rolloverIntervalHours?: Dec }> = symbolFacts;
void symbolFactsFit;

const MAX_SYMBOLS = 10_000;

const venueFacts: Schema<VenueFacts> = object({
  asOf: string({ pattern: /^\d{4}-\d{2}-\d{2}$/, reason: 'must be a YYYY-MM-DD date' }),
  source: string({ min: 10, reason: 'must say where the figures come from' }),
  takerFeeRate: decimal,
  makerFeeRate: decimal,
  defaults: symbolFacts,
  symbols: map(record(string(), symbolFacts, { max: MAX_SYMBOLS }), (symbols) =>
    Object.fromEntries(Object.entries(symbols).map(([symbol, facts]) => [symbol.toUpperCase(), facts!])),
  ),
});

/** Runs a schema on facts data; a failure throws "venue facts <path> <reason>". */
function parse<T>(schema: Schema<T>, raw: unknown, path: string): T {
  const checked = check(schema, raw, path);
  if (!checked.ok) throw new Error(`venue facts ${checked.path} ${checked.reason}`);
  return checked.value;
}

export function parseVenueFacts(raw: unknown, venue: string): VenueFacts {
  return parse(venueFacts, raw, venue);
}

/**
 * Binance USDⓈ-M brackets of every symbol come in their own dictionary-encoded bundle
 * (binance-usdm/brackets.json): expanded into the venue's symbols, where the tier checks above
 * apply to each table. A symbol given in both places is a mistake, not an override.
 */
export function withBracketBundle(raw: unknown, bundle: unknown): unknown {
  const facts = parse(obj, raw, 'binance-usdm');
  const own = parse(obj, facts.symbols, 'binance-usdm.symbols');
  const { asOf, symbols } = decodeBrackets(bundle);
  // Quotes name one date for the venue's bundled facts (Resolver): the bundle must share it.
  if (asOf !== facts.asOf)
    throw new Error(
      `venue facts binance-usdm brackets.json: asOf ${asOf} differs from facts.json's ${String(facts.asOf)}`,
    );
  for (const symbol of Object.keys(symbols)) {
    if (Object.hasOwn(own, symbol))
      throw new Error(`venue facts binance-usdm.symbols.${symbol} is given in facts.json and in brackets.json`);
  }
  return { ...facts, symbols: { ...own, ...symbols } };
}

/**
 * Every venue's raw facts.json (by venue id) and the Binance bracket bundle → the parsed book.
 * The files are found by bundled-facts.ts (Vite's glob: background, popup, tests) or read from
 * disk by the CLI (src/cli/node-facts.ts); both hand them here, so they are checked alike.
 */
export function factsBook(raw: Readonly<Record<string, unknown>>, bracketBundle: unknown): FactsBook {
  return Object.fromEntries(
    Object.entries(raw).map(([venue, facts]) => [
      venue,
      parseVenueFacts(venue === 'binance-usdm' ? withBracketBundle(facts, bracketBundle) : facts, venue),
    ]),
  );
}
