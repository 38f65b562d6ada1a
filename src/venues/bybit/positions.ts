// The open positions table of a Bybit Unified Trading Account → the cross positions the quote
// must count (their maintenance margin and unrealised PnL share the account's equity).
// Columns are found by their header text, never by position. All or nothing: one row we cannot
// read makes the whole list null ("not known"), since a list missing a position would
// understate the account's risk while looking complete.
import { parseAmountWithUnit, parsePageNumber, parsePositiveNumber } from '../dom/numbers';
import { isHidden } from '../dom/query';
import { columnIndexes } from '../dom/table';
import { textOf } from '../dom/text';
import type { DecimalString, PagePosition } from '../types';
import { NO_POSITIONS, POSITION_COLUMNS, POSITION_CONTRACT } from './selectors';

type Column = keyof typeof POSITION_COLUMNS;

const HEADER_CELL = 'th, [role="columnheader"]';
const BODY_CELL = 'td, [role="cell"], [role="gridcell"]';

/** "19.54 USDT" or "19.54"; "--" means the page does not say (null); anything else is unreadable. */
function maintenanceMargin(text: string, quote: string): DecimalString | null | undefined {
  if (text === '--') return null;
  return parseAmountWithUnit(text, quote) ?? parsePageNumber(text) ?? undefined;
}

/** One body row → a cross position, 'isolated' (not part of the cross account) or null (unreadable). */
function readRow(cells: readonly string[], columns: Record<Column, number>, quote: string): PagePosition | 'isolated' | null {
  const contract = POSITION_CONTRACT.exec(cells[columns.contract] ?? '');
  if (!contract) return null;
  if (contract[3] === 'Isolated') return 'isolated';
  const quantity = parsePositiveNumber(cells[columns.quantity]);
  const entryPrice = parsePositiveNumber(cells[columns.entryPrice]);
  const markPrice = parsePositiveNumber(cells[columns.markPrice]);
  const mm = maintenanceMargin(cells[columns.maintenanceMargin] ?? '', quote);
  if (quantity === null || entryPrice === null || markPrice === null || mm === undefined) return null;
  return { symbol: contract[1]!, side: contract[2] === 'Long' ? 'long' : 'short', quantity, entryPrice, markPrice, maintenanceMargin: mm };
}

const cellsOf = (row: Element, css: string): string[] => [...row.children].filter((cell) => cell.matches(css)).map(textOf);

/** The cross positions listed in `table`; [] for an empty table; null when it cannot be read. */
export function readPositions(table: Element, quote: string): PagePosition[] | null {
  const rows = [...table.querySelectorAll('tr, [role="row"]')].filter((row) => !isHidden(row));
  const headerRows = rows.filter((row) => row.querySelector(HEADER_CELL) !== null);
  if (headerRows.length !== 1) return null;
  const headers = cellsOf(headerRows[0]!, HEADER_CELL);
  const columns = columnIndexes(headers, POSITION_COLUMNS); // every column needed, once
  if (columns === null) return null;
  const positions: PagePosition[] = [];
  for (const row of rows) {
    if (row === headerRows[0]) continue;
    const cells = cellsOf(row, BODY_CELL);
    if (cells.length === 1 && NO_POSITIONS.test(cells[0]!)) continue;
    if (cells.length !== headers.length) return null;
    const position = readRow(cells, columns, quote);
    if (position === null) return null;
    if (position !== 'isolated') positions.push(position);
  }
  return positions;
}
