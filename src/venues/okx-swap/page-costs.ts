// The "Cost" OKX's order form shows for the order (issue 13, deliverable 3: the page's own figure,
// checked against ours in the background by src/venues/okx-swap/page-estimates.ts). Generation 1
// shows one "Cost 650.00 USDT" row under both buttons (for the form's sides: side null); generation
// 2 one under each of Buy/Long and Sell/Short (the side of the button it sits with). A row's side is
// the button the smallest enclosing block holds: one button, that side; both, null. Two rows for
// one side is ambiguous ('cost' missing); a row that shows "--" (nothing typed yet) is no figure; a
// row whose amount does not parse is missing too, never skipped quietly. Content side: text only.
// Typing changes the figure, so the typing fast path (refresh) reads the same rows again.
// The row's label is the page language's (words.ts `cost`): a table without it finds no row (the
// selector matches nothing), so an untranslated Cost never refuses a form; no cross-check then.
import type { Side } from '../../core/types';
import type { NumberScope } from '../dom/numbers';
import { prefixPattern } from '../dom/page-locale';
import { shownDecimals } from '../dom/paired-total';
import type { Scan } from '../dom/scan';
import { textOf } from '../dom/text';
import { refreshTyped } from '../dom/typed';
import { checkOrderForm } from '../form-schema';
import type { FormReading, PageEstimate } from '../types';
import type { OkxKey } from './selectors';

/** "Cost 650.00 USDT" (in the page's words `label`) → amount and unit; "1 650,00" grouped by spaces too. */
export const costRow = (label: readonly string[]): RegExp =>
  new RegExp(`${prefixPattern(label).source} (\\d{1,3}(?: \\d{3})+(?:,\\d+)?|\\S+) ([A-Z]{2,12})$`, 'i');
/** OKX's placeholder for a figure it cannot show yet. */
const NO_FIGURE = /^-+$/;

interface CostRow {
  row: Element;
  side: Side | null;
}

/** The rows of a reading and the number scope they were read in, for its refresh. */
const remembered = new WeakMap<FormReading, { rows: CostRow[]; numbers: () => NumberScope; pattern: RegExp }>();

function sideOf(row: Element, buy: Element, sell: Element): Side | null | undefined {
  for (let node = row.parentElement; node !== null; node = node.parentElement) {
    const long = node.contains(buy);
    const short = node.contains(sell);
    if (long || short) return long && short ? null : long ? 'long' : 'short';
  }
  return undefined; // the row is outside the form's buttons: not this form's figure
}

/** One row's figure: undefined when it shows none ("--"), null when it does not parse. */
function estimateOf(
  row: CostRow,
  quote: string,
  numbers: NumberScope,
  pattern: RegExp,
): PageEstimate | null | undefined {
  const m = pattern.exec(textOf(row.row));
  if (!m || m[2]!.toUpperCase() !== quote.toUpperCase()) return null;
  const amount = m[1]!;
  if (NO_FIGURE.test(amount)) return undefined;
  const value = numbers.number(amount);
  if (value === null) return null;
  return { kind: 'cost', side: row.side, value, decimals: shownDecimals(amount, value) };
}

function estimatesOf(
  rows: readonly CostRow[],
  quote: string,
  numbers: NumberScope,
  pattern: RegExp,
): PageEstimate[] | null {
  const out: PageEstimate[] = [];
  for (const row of rows) {
    const estimate = estimateOf(row, quote, numbers, pattern);
    if (estimate === null) return null;
    if (estimate !== undefined) out.push(estimate);
  }
  return out;
}

/**
 * The page's Cost rows inside the form, with their sides; null (and 'cost' missing) when two rows
 * claim one side or one lies outside both buttons' blocks. [] when the page shows none.
 */
export function findCostRows(scan: Scan<OkxKey>, root: Element | null, buy: Element, sell: Element): CostRow[] | null {
  const rows: CostRow[] = [];
  for (const row of scan.all('cost', root)) {
    const side = sideOf(row, buy, sell);
    const clash = rows.some((r) => r.side === null || side === null || r.side === side);
    if (side === undefined || clash) return scan.need('cost', null);
    rows.push({ row, side });
  }
  return rows;
}

/** The figures of `rows` as read now; null (and 'cost' missing) when one does not parse. */
export function readCosts(
  scan: Scan<OkxKey>,
  rows: readonly CostRow[],
  quote: string,
  numbers: NumberScope,
  pattern: RegExp,
) {
  const estimates = estimatesOf(rows, quote, numbers, pattern);
  return estimates === null ? scan.need('cost', null) : estimates;
}

/** Remembers `rows` for the typing fast path of an ok reading (returns the reading). */
export function rememberCosts(
  reading: FormReading,
  rows: CostRow[],
  numbers: () => NumberScope,
  pattern: RegExp,
): FormReading {
  if (reading.status === 'ok' && rows.length > 0) remembered.set(reading, { rows, numbers, pattern });
  return reading;
}

/**
 * refreshTyped, with the Cost rows read again (the page recomputes them as the trader types);
 * null — a full read — when a row is gone or no longer parses.
 */
export function refreshWithCosts(previous: FormReading): FormReading | null {
  const next = refreshTyped(previous);
  const source = remembered.get(previous);
  if (next === null || next.status !== 'ok' || source === undefined) return next;
  if (!source.rows.every((r) => r.row.isConnected)) return null;
  const quote = /-([A-Z]+)-SWAP$/.exec(next.form.symbol)?.[1];
  const estimates = quote === undefined ? null : estimatesOf(source.rows, quote, source.numbers(), source.pattern);
  if (estimates === null) return null;
  // next.form is refreshTyped's own new object: set in place, so that its typed inputs stay remembered.
  if (estimates.length > 0) next.form.pageEstimates = estimates;
  else delete next.form.pageEstimates;
  if (!checkOrderForm(next.form).ok) return null;
  remembered.set(next, source);
  return next;
}
