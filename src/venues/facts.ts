// Bundled venue facts (fees, tiers, levels) as dated data, one JSON file per venue folder.
// Parsed strictly at load: a malformed file fails the facts format test in CI, not a
// trader's quote at run time.
import { checkTierOrder, type TierDraft } from '../core/tiers';
import { parseDecimalText, type Dec } from '../core/decimal';
import type { FactsBook, SymbolFacts, VenueFacts } from '../core/facts';
import { decodeBrackets } from './binance-usdm/bracket-bundle';

const SYMBOL_NUMBERS = [
  'maxLeverage',
  'fundingIntervalHours',
  'marginCallLevel',
  'liquidationLevel',
  'openingFeeRate',
  'rolloverFeeRate',
  'rolloverIntervalHours',
  'borrowRatePerHourLong',
  'borrowRatePerHourShort',
] as const;

const TIER_KEYS = ['notionalFloor', 'notionalCap', 'maintenanceMarginRate', 'maintenanceAmount', 'maxLeverage'];

function fail(where: string, why: string): never {
  throw new Error(`venue facts ${where}: ${why}`);
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'must be an object');
  return value as Record<string, unknown>;
}

function decimal(value: unknown, where: string): Dec {
  const parsed = typeof value === 'string' ? parseDecimalText(value) : undefined;
  if (parsed === undefined || parsed.isNegative())
    fail(where, `must be a non-negative decimal string (got ${JSON.stringify(value)})`);
  return parsed;
}

function optionalDecimal(value: unknown, where: string): Dec | null {
  return value === undefined ? null : decimal(value, where);
}

function tiers(value: unknown, where: string): TierDraft[] {
  if (!Array.isArray(value) || value.length === 0) fail(where, 'must be a non-empty array');
  const drafts = value.map((item, i) => {
    const row = record(item, `${where}[${i}]`);
    for (const key of Object.keys(row)) {
      if (!TIER_KEYS.includes(key)) fail(`${where}[${i}].${key}`, 'unknown key');
    }
    const rate = decimal(row.maintenanceMarginRate, `${where}[${i}].maintenanceMarginRate`);
    if (rate.greaterThanOrEqualTo(1)) fail(`${where}[${i}]`, 'maintenanceMarginRate must be below 1');
    return {
      notionalFloor: decimal(row.notionalFloor, `${where}[${i}].notionalFloor`),
      notionalCap: optionalDecimal(row.notionalCap, `${where}[${i}].notionalCap`),
      maintenanceMarginRate: rate,
      maintenanceAmount: optionalDecimal(row.maintenanceAmount, `${where}[${i}].maintenanceAmount`) ?? undefined,
      maxLeverage: optionalDecimal(row.maxLeverage, `${where}[${i}].maxLeverage`),
    };
  });
  checkTierOrder(drafts, where);
  drafts.forEach((draft, i) => {
    const previous = drafts[i - 1];
    if (previous && !draft.maintenanceMarginRate.greaterThan(previous.maintenanceMarginRate))
      fail(`${where}[${i}]`, 'maintenance rates must rise tier by tier');
  });
  return drafts;
}

function symbolFacts(value: unknown, where: string): SymbolFacts & { rolloverIntervalHours?: Dec } {
  const obj = record(value, where);
  const out: SymbolFacts & { rolloverIntervalHours?: Dec } = {};
  for (const key of Object.keys(obj)) {
    if (key === 'tiers') out.tiers = tiers(obj.tiers, `${where}.tiers`);
    else if ((SYMBOL_NUMBERS as readonly string[]).includes(key))
      out[key as (typeof SYMBOL_NUMBERS)[number]] = decimal(obj[key], `${where}.${key}`);
    else fail(`${where}.${key}`, 'unknown key');
  }
  return out;
}

export function parseVenueFacts(raw: unknown, venue: string): VenueFacts {
  const obj = record(raw, venue);
  for (const key of Object.keys(obj)) {
    if (!['asOf', 'source', 'takerFeeRate', 'makerFeeRate', 'defaults', 'symbols'].includes(key))
      fail(`${venue}.${key}`, 'unknown key');
  }
  if (typeof obj.asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(obj.asOf))
    fail(`${venue}.asOf`, 'must be a YYYY-MM-DD date');
  if (typeof obj.source !== 'string' || obj.source.length < 10)
    fail(`${venue}.source`, 'must say where the figures come from');
  const symbols = record(obj.symbols, `${venue}.symbols`);
  return {
    asOf: obj.asOf,
    source: obj.source,
    takerFeeRate: decimal(obj.takerFeeRate, `${venue}.takerFeeRate`),
    makerFeeRate: decimal(obj.makerFeeRate, `${venue}.makerFeeRate`),
    defaults: symbolFacts(obj.defaults, `${venue}.defaults`),
    symbols: Object.fromEntries(
      Object.entries(symbols).map(([symbol, facts]) => [
        symbol.toUpperCase(),
        symbolFacts(facts, `${venue}.symbols.${symbol}`),
      ]),
    ),
  };
}

/**
 * Binance USDⓈ-M brackets of every symbol come in their own dictionary-encoded bundle
 * (binance-usdm/brackets.json): expanded into the venue's symbols, where the tier checks above
 * apply to each table. A symbol given in both places is a mistake, not an override.
 */
export function withBracketBundle(raw: unknown, bundle: unknown): unknown {
  const facts = record(raw, 'binance-usdm');
  const own = record(facts.symbols, 'binance-usdm.symbols');
  const { asOf, symbols } = decodeBrackets(bundle);
  // Quotes name one date for the venue's bundled facts (Resolver): the bundle must share it.
  if (asOf !== facts.asOf)
    fail('binance-usdm brackets.json', `asOf ${asOf} differs from facts.json's ${String(facts.asOf)}`);
  for (const symbol of Object.keys(symbols)) {
    if (Object.hasOwn(own, symbol)) fail(`binance-usdm.symbols.${symbol}`, 'given in facts.json and in brackets.json');
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
