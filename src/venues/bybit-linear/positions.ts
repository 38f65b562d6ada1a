// The open positions table of a Bybit Unified Trading Account → the cross positions the quote
// must count (their maintenance margin and unrealised PnL share the account's equity).
// Columns are found by their header text, never by position. All or nothing: one row we cannot
// read makes the whole list null ("not known"), since a list missing a position would
// understate the account's risk while looking complete. More rows than a reading may carry
// (MAX_PAGE_POSITIONS): reading stops there and the list is null, flagged too many. The table's
// numbers are one scope (dom/numbers.ts): its own figures decide how "2,412" reads.
import { MAX_PAGE_POSITIONS } from '../../messaging/messages';
import { NumberScope } from '../dom/numbers';
import { isHidden } from '../dom/query';
import { columnIndexes, lazyMatches } from '../dom/table';
import { execText, matchesText, sameText, textOf } from '../dom/text';
import type { DecimalString, PageAccount, PagePosition } from '../types';
import { NO_POSITIONS, POSITION_COLUMNS, POSITION_CONTRACT } from './selectors';

type Column = keyof typeof POSITION_COLUMNS;
export type PositionsReading = Pick<PageAccount, 'positions' | 'positionsTooMany'>;

const ROW = 'tr, [role="row"]';
const HEADER_CELL = 'th, [role="columnheader"]';
const BODY_CELL = 'td, [role="cell"], [role="gridcell"]';
const UNKNOWN: PositionsReading = { positions: null };
const TOO_MANY: PositionsReading = { positions: null, positionsTooMany: true };

/** "19.54 USDT" or "19.54"; "--" means the page does not say (null); anything else is unreadable. */
function maintenanceMargin(text: string, quote: string, numbers: NumberScope): DecimalString | null | undefined {
  if (text === '--') return null;
  return numbers.amountWithUnit(text, quote) ?? numbers.number(text) ?? undefined;
}

/** One body row → a cross position, 'isolated' (not part of the cross account) or null (unreadable). */
function readRow(
  cells: readonly string[],
  columns: Record<Column, number>,
  quote: string,
  numbers: NumberScope,
): PagePosition | 'isolated' | null {
  const contract = execText(cells[columns.contract] ?? '', POSITION_CONTRACT);
  if (!contract) return null;
  if (sameText(contract[3], 'Isolated')) return 'isolated';
  const quantity = numbers.positive(cells[columns.quantity]);
  const entryPrice = numbers.positive(cells[columns.entryPrice]);
  const markPrice = numbers.positive(cells[columns.markPrice]);
  const mm = maintenanceMargin(cells[columns.maintenanceMargin] ?? '', quote, numbers);
  if (quantity === null || entryPrice === null || markPrice === null || mm === undefined) return null;
  // Bybit's symbols are upper case; a theme may render them otherwise.
  const symbol = contract[1]!.toUpperCase();
  return {
    symbol,
    side: sameText(contract[2], 'Long') ? 'long' : 'short',
    quantity,
    entryPrice,
    markPrice,
    maintenanceMargin: mm,
  };
}

const cellsOf = (row: Element, css: string): string[] =>
  [...row.children].filter((cell) => cell.matches(css)).map(textOf);

/** The visible header row and at most MAX_PAGE_POSITIONS + 1 body rows; null for a second header row. */
function visibleRows(table: Element): { header: Element | null; body: Element[] } | null {
  let header: Element | null = null;
  const body: Element[] = [];
  for (const row of lazyMatches(table, ROW)) {
    if (isHidden(row)) continue;
    if (row.querySelector(HEADER_CELL) !== null) {
      if (header !== null) return null;
      header = row;
    } else if (body.push(row) > MAX_PAGE_POSITIONS) {
      break;
    }
  }
  return { header, body };
}

/** The cross positions listed in `table`; [] for an empty table; null when it cannot be read. */
export function readPositions(table: Element, quote: string): PositionsReading {
  const rows = visibleRows(table);
  if (rows === null || rows.header === null) return UNKNOWN;
  const headers = cellsOf(rows.header, HEADER_CELL);
  const columns = columnIndexes(headers, POSITION_COLUMNS); // every column needed, once
  if (columns === null) return UNKNOWN;
  const bodies = rows.body
    .map((row) => cellsOf(row, BODY_CELL))
    .filter((cells) => !(cells.length === 1 && matchesText(cells[0]!, NO_POSITIONS)));
  if (bodies.length > MAX_PAGE_POSITIONS) return TOO_MANY;
  const numbers = NumberScope.of(...bodies.flat());
  const positions: PagePosition[] = [];
  for (const cells of bodies) {
    if (cells.length !== headers.length) return UNKNOWN;
    const position = readRow(cells, columns, quote, numbers);
    if (position === null) return UNKNOWN;
    if (position !== 'isolated') positions.push(position);
  }
  return { positions };
}
