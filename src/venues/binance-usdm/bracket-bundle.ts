// The bundled, dated bracket snapshot (brackets.json): the offline fallback when the live table
// (brackets.ts) cannot be fetched. Dictionary-encoded, because most of Binance's several hundred
// symbols share one of a few dozen tables: each distinct table is written once in `tables`, and
// `symbols` maps a symbol to its table's index. A row is [floor, cap, MMR, cum, max leverage] as
// decimal text. scripts/update-binance-brackets.mjs writes it from a saved answer of the endpoint;
// facts.ts expands it into the venue facts, where the usual facts checks apply to every table.
import { array, check, fail, literal, number, object, record, string, type Infer, type Schema } from '../../schema';
import type { BracketBook } from './brackets';

export const BUNDLE_FORMAT = 1;

export type BundleRow = [floor: string, cap: string, rate: string, amount: string, maxLeverage: string];

/** A tier in facts.json's shape (src/venues/facts.ts TIER_KEYS). */
export interface FactsTier {
  notionalFloor: string;
  notionalCap: string;
  maintenanceMarginRate: string;
  maintenanceAmount: string;
  maxLeverage: string;
}

/** Every symbol's table, each distinct table once; symbols and tables in a stable order (diffs stay small). */
export function encodeBrackets(book: BracketBook, asOf: string, source: string): BracketBundle {
  const tables: BundleRow[][] = [];
  const indexOf = new Map<string, number>();
  const symbols: Record<string, number> = {};
  for (const symbol of [...book.symbols.keys()].sort()) {
    const rows = book.symbols
      .get(symbol)!
      .map((r): BundleRow => [
        r.floor,
        r.cap ?? '',
        r.maintenanceMarginRate,
        r.maintenanceAmount ?? '',
        r.maxLeverage ?? '',
      ]);
    const key = JSON.stringify(rows);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = tables.push(rows) - 1;
      indexOf.set(key, index);
    }
    symbols[symbol] = index;
  }
  return { format: BUNDLE_FORMAT, asOf, source, tables, symbols };
}

const DECIMAL = /^\d{1,20}(\.\d{1,20})?$/;
const MAX_ENTRIES = 10_000;

const row: Schema<BundleRow> = (v, path) =>
  Array.isArray(v) && v.length === 5 && v.every((cell) => typeof cell === 'string' && DECIMAL.test(cell))
    ? (v as BundleRow)
    : fail(path, 'is not five decimal strings');

const bracketBundle = object({
  format: literal(BUNDLE_FORMAT),
  /** The day the figures were read (YYYY-MM-DD). */
  asOf: string({ pattern: /^\d{4}-\d{2}-\d{2}$/, reason: 'is not a YYYY-MM-DD date' }),
  source: string({ min: 10, reason: 'must say where the figures come from' }),
  tables: array(array(row, { min: 1, max: MAX_ENTRIES }), { max: MAX_ENTRIES }),
  symbols: record(
    string({ pattern: /^[A-Z0-9]{2,30}(?:_\d{6})?$/, reason: 'is not a futures symbol' }),
    number({ integer: true, min: 0 }),
    { max: MAX_ENTRIES },
  ),
});
export type BracketBundle = Infer<typeof bracketBundle>;

/**
 * brackets.json → symbol → { maxLeverage, tiers } for the venue facts. Structure only: figures
 * are checked as tiers by facts.ts (order, gaps, rising rates) like every other bundled table.
 * Every table must be used by some symbol (a stray one is a script bug).
 */
export function decodeBrackets(raw: unknown): {
  asOf: string;
  source: string;
  symbols: Record<string, { maxLeverage: string; tiers: FactsTier[] }>;
} {
  const checked = check(bracketBundle, raw);
  if (!checked.ok) throw new Error(`binance-usdm brackets bundle: ${checked.path || 'bundle'} ${checked.reason}`);
  const bundle = checked.value;
  const tables = bundle.tables.map((table) =>
    table.map(([notionalFloor, notionalCap, maintenanceMarginRate, maintenanceAmount, maxLeverage]): FactsTier => ({
      notionalFloor,
      notionalCap,
      maintenanceMarginRate,
      maintenanceAmount,
      maxLeverage,
    })),
  );
  const used = new Set<number>();
  const symbols: Record<string, { maxLeverage: string; tiers: FactsTier[] }> = {};
  for (const [symbol, index] of Object.entries(bundle.symbols)) {
    const table = tables[index!];
    if (table === undefined) throw new Error(`binance-usdm brackets bundle: symbols.${symbol} points to no table`);
    used.add(index!);
    // The first bracket allows the highest leverage of the symbol.
    symbols[symbol] = { maxLeverage: table[0]!.maxLeverage, tiers: table.map((r) => ({ ...r })) };
  }
  if (used.size !== tables.length) throw new Error('binance-usdm brackets bundle: a table is used by no symbol');
  return { asOf: bundle.asOf, source: bundle.source, symbols };
}
