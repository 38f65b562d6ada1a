// What the Hyperliquid page shows of the perps account, for cross-margin quotes: the Perps
// Overview "Balance" and the open positions table. Both are optional on the page (logged out,
// another bottom tab selected); anything we cannot read exactly is reported as not shown (null),
// never guessed, and the quote then says it used what the trader entered.
import { parsePageNumber, parsePositiveNumber } from '../dom/numbers';
import { isOn } from '../dom/query';
import type { Scan } from '../dom/scan';
import { columnIndexes } from '../dom/table';
import { normalizeText, textOf } from '../dom/text';
import type { DecimalString, PageAccount, PagePosition } from '../types';
import { COIN, POSITION_COLUMNS, type HyperliquidKey } from './selectors';

/** "$10,000.00" → "10000"; no sign, no other currency. */
export function parseDollars(raw: string): DecimalString | null {
  const m = /^\$(\S+)$/.exec(normalizeText(raw));
  return m ? parsePageNumber(m[1]) : null;
}

/**
 * Exactly one match, else null. Not Scan.one/optional: the account is extra information, so two
 * balances or two tables make it "not shown", not the order form unrecognised.
 */
const single = (found: Element[]): Element | null => (found.length === 1 ? (found[0] ?? null) : null);

/** "Balance $10,000.00" → "10000". */
function readBalance(row: Element | null): DecimalString | null {
  if (row === null) return null;
  const m = /^Balance (\S+)$/.exec(textOf(row));
  return m ? parseDollars(m[1]!) : null;
}

/** Column index per key we read, from the header row's texts; null when one is missing or doubled. */
function columnsOf(table: Element): Record<keyof typeof POSITION_COLUMNS, number> | null {
  const headers = [...table.querySelectorAll('th, [role="columnheader"]')].map(textOf);
  return columnIndexes(headers, POSITION_COLUMNS);
}

type RowResult = PagePosition | 'isolated' | null;

/**
 * One row: "SOL 20x" | "-20.00 SOL" | … | "150.00" | "148.20" | … | "$148.20 (Cross)".
 * A negative size is a short (our model of the page: Hyperliquid's own position size is signed).
 */
function readRow(cells: string[], col: Record<keyof typeof POSITION_COLUMNS, number>): RowResult {
  const coin = (cells[col.coin] ?? '').split(' ')[0] ?? '';
  const size = /^(-?)(\S+) (\S+)$/.exec(cells[col.size] ?? '');
  const mode = /\((Cross|Isolated)\)$/.exec(cells[col.margin] ?? '');
  if (!COIN.test(coin) || !size || size[3] !== coin || !mode) return null;
  // An isolated position has its own margin, outside the cross collateral the page's balance may
  // or may not include: we cannot split it, so the account as a whole is not used.
  if (mode[1] === 'Isolated') return 'isolated';
  const quantity = parsePositiveNumber(size[2]);
  const entryPrice = parsePositiveNumber(cells[col.entryPrice]);
  const markPrice = parsePositiveNumber(cells[col.markPrice]);
  if (quantity === null || entryPrice === null || markPrice === null) return null;
  return { symbol: coin, side: size[1] === '-' ? 'short' : 'long', quantity, entryPrice, markPrice, maintenanceMargin: null };
}

/** Open positions as the table lists them; null when the table is not shown or not readable. */
function readPositions(scan: Scan<HyperliquidKey>): PagePosition[] | 'isolated' | null {
  const tab = single(scan.all('positionsTab'));
  const header = single(scan.all('positionsHeader'));
  if (tab === null || !isOn(tab)) return null; // another bottom tab is selected: not shown
  const count = /\((\d+)\)$/.exec(textOf(tab));
  const table = header?.closest('table, [role="table"]') ?? null;
  if (table === null) return count !== null && count[1] === '0' ? [] : null;
  const col = columnsOf(table);
  if (col === null) return null;
  const rows = [...table.querySelectorAll('tbody tr, [role="rowgroup"] [role="row"]')].filter((row) => row.querySelector('td, [role="cell"]') !== null);
  // The tab says how many positions there are; a table that disagrees is mid-render or paginated.
  if (count !== null && Number(count[1]) !== rows.length) return null;
  const out: PagePosition[] = [];
  for (const row of rows) {
    const cells = [...row.querySelectorAll('td, [role="cell"]')].map(textOf);
    const position = readRow(cells, col);
    if (position === null || position === 'isolated') return position;
    out.push(position);
  }
  return out;
}

/** The account as the page shows it; undefined when it shows nothing usable. */
export function readAccount(scan: Scan<HyperliquidKey>): PageAccount | undefined {
  const walletBalance = readBalance(single(scan.all('balance')));
  const positions = readPositions(scan);
  if (positions === 'isolated') return undefined;
  if (walletBalance === null && positions === null) return undefined;
  return { walletBalance, positions };
}
