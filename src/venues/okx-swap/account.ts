// What OKX's trade page shows of the trading account, for a cross-margin quote: the cash balance
// (without unrealised PnL: the engine adds each position's PnL from its entry and mark) and the
// open cross positions from the bottom panel's Positions table.
//
// Every field degrades on its own, never to a guess:
// - a number that is there but does not parse makes the reading unrecognised ('cashBalance',
//   'positions');
// - walletBalance is null when the page shows none ("--" logged out, no assets panel) or when an
//   isolated position is open (its margin sits inside the cash balance but does not back cross
//   positions, and the page does not say how much of it is which);
// - positions is null when the Positions tab is not the one shown, or when a cross position's
//   amount is in Contracts or USDT (a contract's size is known per instrument from the feed, and
//   the page's figure for other instruments is not: converting would be a guess);
// - positions is null with positionsTooMany when the tab counts, or the table lists, more
//   positions than a reading may carry (MAX_PAGE_POSITIONS): rows past the cap are not read.
// The table's numbers are one scope (dom/numbers.ts), the cash balance's panel another.
import type { Side } from '../../core/types';
import { MAX_PAGE_POSITIONS } from '../../messaging/messages';
import { panelNumbers } from '../dom/number-scopes';
import { NumberScope } from '../dom/numbers';
import { isOn } from '../dom/query';
import type { Scan } from '../dom/scan';
import { columnIndexes, lazyMatches } from '../dom/table';
import { execText, matchesText, sameText, textOf } from '../dom/text';
import type { Pair } from '../dom/trade-url';
import type { DecimalString, PageAccount, PagePosition } from '../types';
import { CASH_BALANCE_TEXT, POSITION_COLUMNS, POSITIONS_TAB_TEXT, type OkxKey } from './selectors';

type Column = keyof typeof POSITION_COLUMNS;
/** The one column a table may lack: its positions then have no maintenance margin (null). */
const OPTIONAL = ['maintenanceMargin'] as const;
const EMPTY_TABLE = /^No (?:open )?positions?$/i;
const NOT_SHOWN = '--';

/** One row of the table: a cross position, an isolated one (not read), or one we cannot convert. */
type Row = { kind: 'cross'; position: PagePosition } | { kind: 'isolated' } | { kind: 'unconvertible' };

class Garbled extends Error {}

function garbled(why: string): never {
  throw new Garbled(why);
}

/** Texts of the innermost elements of a cell ("ETHUSDT Perpetual", "Cross", "10.00x", "Long"). */
function leafTexts(cell: Element): string[] {
  return [...cell.querySelectorAll('*')].filter((el) => el.childElementCount === 0).map(textOf);
}

/** The one tag among `texts` that names a choice (in any case). */
function oneOf<T extends string>(texts: readonly string[], choices: Readonly<Record<string, T>>): T {
  const found = texts.flatMap((t) =>
    Object.entries(choices)
      .filter(([name]) => sameText(t, name))
      .map(([, value]) => value),
  );
  return found.length === 1 ? found[0]! : garbled('tag');
}

/** Data cells of a row; a header row has none. */
function cellsOf(row: Element): Element[] {
  return [...row.children].filter((c) => c.tagName === 'TD' || c.getAttribute('role') === 'cell');
}

/** The instrument a row links to (/trade-swap/eth-usdt-swap), as the pair the page's own URLs name. */
function instrumentOf(cell: Element, pairOf: (url: URL) => Pair | null): Pair {
  const links = [...cell.querySelectorAll('a[href]')];
  const pairs = links.map((a) => {
    try {
      return pairOf(new URL(a.getAttribute('href') ?? '', 'https://www.okx.com/'));
    } catch {
      return null;
    }
  });
  const found = pairs.filter((p): p is Pair => p !== null);
  return found.length === 1 ? found[0]! : garbled('instrument');
}

/** "1.5 ETH" in base units; a number in another unit (Contracts, USDT) cannot be converted here. */
function amountOf(text: string, base: string, numbers: NumberScope): DecimalString | 'unconvertible' {
  const inBase = numbers.amountWithUnit(text, base);
  if (inBase !== null) return numbers.positive(inBase) ?? garbled('amount');
  const m = execText(text, /^(\S+) (\S+)$/);
  return m && numbers.positive(m[1]) !== null ? 'unconvertible' : garbled('amount');
}

function maintenanceOf(text: string, quote: string, numbers: NumberScope): DecimalString | null {
  if (text === NOT_SHOWN || sameText(text, `${NOT_SHOWN} ${quote}`)) return null;
  return numbers.amountWithUnit(text, quote) ?? garbled('maintenance margin');
}

function readRow(
  cells: readonly Element[],
  at: Record<Column, number | null>,
  quote: string,
  pairOf: (url: URL) => Pair | null,
  numbers: NumberScope,
): Row {
  const cell = (c: Column) => (at[c] === null ? null : (cells[at[c]!] ?? garbled('cell')));
  const instrumentCell = cell('instrument')!;
  const tags = leafTexts(instrumentCell);
  const mode = oneOf(tags, { Cross: 'cross', Isolated: 'isolated' } as const);
  if (mode === 'isolated') return { kind: 'isolated' };
  const pair = instrumentOf(instrumentCell, pairOf);
  const side: Side = oneOf(tags, { Long: 'long', Short: 'short' } as const);
  const quantity = amountOf(textOf(cell('amount')!), pair.base, numbers);
  if (quantity === 'unconvertible') return { kind: 'unconvertible' };
  if (pair.quote !== quote) garbled('quote currency');
  const mmCell = cell('maintenanceMargin');
  return {
    kind: 'cross',
    position: {
      symbol: pair.symbol,
      side,
      quantity,
      entryPrice: numbers.positive(textOf(cell('entryPrice')!)) ?? garbled('entry price'),
      markPrice: numbers.positive(textOf(cell('markPrice')!)) ?? garbled('mark price'),
      maintenanceMargin: mmCell === null ? null : maintenanceOf(textOf(mmCell), quote, numbers),
    },
  };
}

/**
 * The table's rows, read as one number scope; 'too many' past MAX_PAGE_POSITIONS body rows (the
 * rest is never looked at).
 */
function readTable(table: Element, quote: string, pairOf: (url: URL) => Pair | null): Row[] | 'too many' {
  let headerCells: Element[] | null = null;
  const bodies: Element[][] = [];
  for (const row of lazyMatches(table, 'tr, [role="row"]')) {
    const cells = cellsOf(row);
    if (cells.length === 0) {
      if (headerCells !== null) garbled('two header rows');
      headerCells = [...row.querySelectorAll('th, [role="columnheader"]')];
      continue;
    }
    if (cells.length === 1 && matchesText(textOf(cells[0]!), EMPTY_TABLE)) continue;
    if (bodies.push(cells) > MAX_PAGE_POSITIONS) return 'too many';
  }
  if (headerCells === null) garbled('no header row');
  const at: Record<Column, number | null> =
    columnIndexes(headerCells.map(textOf), POSITION_COLUMNS, OPTIONAL) ?? garbled('columns');
  const numbers = NumberScope.of(...bodies.flat().map(textOf));
  return bodies.map((cells) =>
    cells.length === headerCells.length ? readRow(cells, at, quote, pairOf, numbers) : garbled('row shape'),
  );
}

/** The cash balance row: a value, null when not shown, undefined when garbled. */
function readBalance(scan: Scan<OkxKey>, quote: string): DecimalString | null | undefined {
  const row = scan.optional('cashBalance');
  if (row === null) return null;
  const text = textOf(row);
  if (!matchesText(text, CASH_BALANCE_TEXT)) return undefined;
  if (sameText(text, `Cash balance ${NOT_SHOWN} ${quote}`)) return null;
  return panelNumbers(row).amountWithUnit(text, quote, /^Cash balance/) ?? undefined;
}

/** The positions panel of a selected Positions tab; null when another tab is shown. */
function positionsPanel(
  scan: Scan<OkxKey>,
  doc: Document,
): { panel: Element | null; count: number | null; shown: boolean } {
  const tab = scan.optional('positionsTab');
  if (tab === null || !isOn(tab)) return { panel: null, count: null, shown: false };
  const id = tab.getAttribute('aria-controls');
  const panel = id ? doc.getElementById(id) : null;
  scan.use(panel);
  const count = execText(textOf(tab), POSITIONS_TAB_TEXT)?.[1];
  return { panel, count: count === undefined ? null : Number(count), shown: true };
}

/**
 * Counts the account keys (for `matched`) without reading them: an isolated order does not use
 * the account, so nothing there may make its reading fail.
 */
export function countAccount(scan: Scan<OkxKey>, doc: Document): void {
  scan.all('cashBalance');
  const { panel } = positionsPanel(scan, doc);
  scan.all('positionsTable', panel);
}

/**
 * The cross account as the page shows it; undefined when it shows nothing usable. Garbled
 * figures are recorded on the scan as missing keys ('cashBalance', 'positions').
 */
export function readAccount(
  scan: Scan<OkxKey>,
  doc: Document,
  quote: string,
  pairOf: (url: URL) => Pair | null,
): PageAccount | undefined {
  let walletBalance = readBalance(scan, quote);
  if (walletBalance === undefined) {
    scan.miss('cashBalance');
    walletBalance = null;
  }

  let positions: PagePosition[] | null = null;
  let tooMany = false;
  const { panel, count, shown } = positionsPanel(scan, doc);
  if (!shown) {
    scan.all('positionsTable', null);
  } else {
    const table = scan.one('positionsTable', panel);
    let rows: Row[] | 'too many' | null = null;
    try {
      // The tab's own count says too many before any row is looked at.
      rows =
        count !== null && count > MAX_PAGE_POSITIONS
          ? 'too many'
          : table === null
            ? null
            : readTable(table, quote, pairOf);
    } catch (error) {
      if (!(error instanceof Garbled)) throw error;
      scan.miss('positions');
    }
    if (rows === 'too many') {
      tooMany = true;
    } else if (rows !== null && count !== null && rows.length !== count) {
      // The tab's count guards against a table that is only partly rendered (virtual scrolling).
      scan.miss('positions');
    } else if (rows !== null) {
      if (rows.some((r) => r.kind === 'isolated')) walletBalance = null;
      positions = rows.some((r) => r.kind === 'unconvertible')
        ? null
        : rows.flatMap((r) => (r.kind === 'cross' ? [r.position] : []));
    }
  }
  if (tooMany) return { walletBalance, positions: null, positionsTooMany: true };
  if (walletBalance === null && positions === null) return undefined;
  return { walletBalance, positions };
}
