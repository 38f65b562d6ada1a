// The bundled, dated bracket snapshot (brackets.json): the offline fallback when the live table
// (brackets.ts) cannot be fetched. Dictionary-encoded, because most of Binance's several hundred
// symbols share one of a few dozen tables: each distinct table is written once in `tables`, and
// `symbols` maps a symbol to its table's index. A row is [floor, cap, MMR, cum, max leverage] as
// decimal text. scripts/update-binance-brackets.mjs writes it from a saved answer of the endpoint;
// facts.ts expands it into the venue facts, where the usual facts checks apply to every table.
import type { BracketBook } from './brackets';

export const BUNDLE_FORMAT = 1;

export type BundleRow = [floor: string, cap: string, rate: string, amount: string, maxLeverage: string];

export interface BracketBundle {
  format: typeof BUNDLE_FORMAT;
  /** The day the figures were read (YYYY-MM-DD). */
  asOf: string;
  source: string;
  tables: BundleRow[][];
  symbols: Record<string, number>;
}

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

function bad(why: string): never {
  throw new Error(`binance-usdm brackets bundle: ${why}`);
}

const DECIMAL = /^\d{1,20}(\.\d{1,20})?$/;

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
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) bad('not an object');
  const bundle = raw as Partial<BracketBundle>;
  if (bundle.format !== BUNDLE_FORMAT) bad(`format is not ${BUNDLE_FORMAT}`);
  if (typeof bundle.asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(bundle.asOf)) bad('asOf is not a YYYY-MM-DD date');
  if (typeof bundle.source !== 'string' || bundle.source.length < 10)
    bad('source must say where the figures come from');
  if (!Array.isArray(bundle.tables) || typeof bundle.symbols !== 'object' || bundle.symbols === null)
    bad('tables or symbols missing');
  const tables = bundle.tables.map((table, t) => {
    if (!Array.isArray(table) || table.length === 0) bad(`tables[${t}] is not a non-empty array`);
    return table.map((row, r): FactsTier => {
      if (
        !Array.isArray(row) ||
        row.length !== 5 ||
        !row.every((cell) => typeof cell === 'string' && DECIMAL.test(cell))
      )
        bad(`tables[${t}][${r}] is not five decimal strings`);
      const [notionalFloor, notionalCap, maintenanceMarginRate, maintenanceAmount, maxLeverage] = row as BundleRow;
      return { notionalFloor, notionalCap, maintenanceMarginRate, maintenanceAmount, maxLeverage };
    });
  });
  const used = new Set<number>();
  const symbols: Record<string, { maxLeverage: string; tiers: FactsTier[] }> = {};
  for (const [symbol, index] of Object.entries(bundle.symbols)) {
    if (!/^[A-Z0-9]{2,30}(?:_\d{6})?$/.test(symbol)) bad(`symbol ${symbol} is not a futures symbol`);
    const table = typeof index === 'number' && Number.isInteger(index) ? tables[index] : undefined;
    if (table === undefined) bad(`symbols.${symbol} points to no table`);
    used.add(index);
    // The first bracket allows the highest leverage of the symbol.
    symbols[symbol] = { maxLeverage: table[0]!.maxLeverage, tiers: table.map((row) => ({ ...row })) };
  }
  if (used.size !== tables.length) bad('a table is used by no symbol');
  return { asOf: bundle.asOf, source: bundle.source, symbols };
}
