// What the Hyperliquid page shows of the perps account, for cross-margin quotes: the Perps
// Overview "Balance" and the open positions table. Both are optional on the page (logged out,
// another bottom tab selected); anything we cannot read exactly is reported as not shown (null),
// never guessed, and the quote then says it used what the trader entered. More positions than a
// reading may carry (MAX_PAGE_POSITIONS, by the tab's count or the table's rows): null with
// positionsTooMany, and rows past the cap are never looked at. The table's numbers are one
// scope (dom/numbers.ts), the balance's panel another.
import { MAX_PAGE_POSITIONS } from '../../messaging/messages';
import { panelNumbers } from '../dom/number-scopes';
import { NumberScope } from '../dom/numbers';
import { isOn } from '../dom/query';
import type { Scan } from '../dom/scan';
import { columnIndexes, lazyMatches } from '../dom/table';
import { execText, sameText, textOf } from '../dom/text';
import type { DecimalString, PageAccount, PagePosition } from '../types';
import { COIN, POSITION_COLUMNS, type HyperliquidKey } from './selectors';

type Positions = Pick<PageAccount, 'positions' | 'positionsTooMany'>;
const UNKNOWN: Positions = { positions: null };
const TOO_MANY: Positions = { positions: null, positionsTooMany: true };

/** "$10,000.00" → "10000"; no sign, no other currency. */
export function parseDollars(raw: string, numbers: NumberScope = NumberScope.of(raw)): DecimalString | null {
  const m = execText(raw, /^\$(\S+)$/);
  return m ? numbers.number(m[1]) : null;
}

/**
 * Exactly one match, else null. Not Scan.one/optional: the account is extra information, so two
 * balances or two tables make it "not shown", not the order form unrecognised.
 */
const single = (found: Element[]): Element | null => (found.length === 1 ? (found[0] ?? null) : null);

/** "Balance $10,000.00" → "10000". */
function readBalance(row: Element | null): DecimalString | null {
  if (row === null) return null;
  const m = execText(textOf(row), /^Balance (\S+)$/);
  return m ? parseDollars(m[1]!, panelNumbers(row)) : null;
}

/** Column index per key we read, from the header row's texts; null when one is missing or doubled. */
function columnsOf(headerRow: Element | null): Record<keyof typeof POSITION_COLUMNS, number> | null {
  if (headerRow === null) return null;
  const headers = [...headerRow.querySelectorAll('th, [role="columnheader"]')].map(textOf);
  return columnIndexes(headers, POSITION_COLUMNS);
}

type RowResult = PagePosition | 'isolated' | null;

/**
 * One row: "SOL 20x" | "-20.00 SOL" | … | "150.00" | "148.20" | … | "$148.20 (Cross)".
 * A negative size is a short (our model of the page: Hyperliquid's own position size is signed).
 * The coin keeps the page's spelling ("kPEPE"); an upper-case theme's "KPEPE" is matched to the
 * size's unit in any case.
 */
function readRow(cells: string[], col: Record<keyof typeof POSITION_COLUMNS, number>, numbers: NumberScope): RowResult {
  const coin = (cells[col.coin] ?? '').split(' ')[0] ?? '';
  const size = execText(cells[col.size] ?? '', /^(-?)(\S+) (\S+)$/);
  const mode = execText(cells[col.margin] ?? '', /\((Cross|Isolated)\)$/);
  if (execText(coin, COIN) === null || !size || !sameText(size[3], coin) || !mode) return null;
  // An isolated position has its own margin, outside the cross collateral the page's balance may
  // or may not include: we cannot split it, so the account as a whole is not used.
  if (sameText(mode[1], 'Isolated')) return 'isolated';
  const quantity = numbers.positive(size[2]);
  const entryPrice = numbers.positive(cells[col.entryPrice]);
  const markPrice = numbers.positive(cells[col.markPrice]);
  if (quantity === null || entryPrice === null || markPrice === null) return null;
  return {
    symbol: coin,
    side: size[1] === '-' ? 'short' : 'long',
    quantity,
    entryPrice,
    markPrice,
    maintenanceMargin: null,
  };
}

const ROW = 'tbody tr, [role="rowgroup"] [role="row"]';
const CELL = 'td, [role="cell"]';

/** The body rows, at most MAX_PAGE_POSITIONS + 1 of them (one more says "too many"). */
function bodyRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const row of lazyMatches(table, ROW)) {
    if (row.querySelector(CELL) !== null && rows.push(row) > MAX_PAGE_POSITIONS) break;
  }
  return rows;
}

/** Open positions as the table lists them; null when the table is not shown or not readable. */
function readPositions(scan: Scan<HyperliquidKey>): Positions | 'isolated' {
  const tab = single(scan.all('positionsTab'));
  const header = single(scan.all('positionsHeader'));
  if (tab === null || !isOn(tab)) return UNKNOWN; // another bottom tab is selected: not shown
  const count = execText(textOf(tab), /\((\d+)\)$/);
  if (count !== null && Number(count[1]) > MAX_PAGE_POSITIONS) return TOO_MANY;
  const table = header?.closest('table, [role="table"]') ?? null;
  scan.use(table);
  if (table === null) return count !== null && count[1] === '0' ? { positions: [] } : UNKNOWN;
  const col = columnsOf(header?.closest('tr, [role="row"]') ?? null);
  if (col === null) return UNKNOWN;
  const rows = bodyRows(table);
  if (rows.length > MAX_PAGE_POSITIONS) return TOO_MANY;
  // The tab says how many positions there are; a table that disagrees is mid-render or paginated.
  if (count !== null && Number(count[1]) !== rows.length) return UNKNOWN;
  const cells = rows.map((row) => [...row.querySelectorAll(CELL)].map(textOf));
  const numbers = NumberScope.of(...cells.flat());
  const out: PagePosition[] = [];
  for (const rowCells of cells) {
    const position = readRow(rowCells, col, numbers);
    if (position === null) return UNKNOWN;
    if (position === 'isolated') return position;
    out.push(position);
  }
  return { positions: out };
}

/** The account as the page shows it; undefined when it shows nothing usable. */
export function readAccount(scan: Scan<HyperliquidKey>): PageAccount | undefined {
  const walletBalance = readBalance(single(scan.all('balance')));
  const positions = readPositions(scan);
  if (positions === 'isolated') return undefined;
  if (walletBalance === null && positions.positions === null && positions.positionsTooMany === undefined)
    return undefined;
  return { walletBalance, ...positions };
}
