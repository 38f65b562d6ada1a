// The figures a page shows for the order it holds ("Cost 325.00 USDT" under a button, "Order
// Value 6,500.00 USDT" under the form), read as OrderForm.pageEstimates for the background's
// cross-check (src/venues/page-check.ts). A figure is optional: one that is absent, hidden,
// unreadable or ambiguous (two rows for one side) is left out — never guessed, and never a reason
// to refuse the form. Content side: regex and the form's number scope only.
import type { Side } from '../../core/types';
import type { DecimalString, PageEstimate, PageEstimateKind } from '../types';
import type { NumberScope } from './numbers';
import { commonAncestor, isHidden } from './query';
import { shownDecimals } from './paired-total';
import { textOf } from './text';

/** Longest text a figure row may have: a row, not a panel that happens to contain one. */
const MAX_ROW_CHARS = 60;

export interface ShownAmount {
  value: DecimalString;
  decimals: number;
}

/**
 * Visible rows under `root` whose whole text is `<label> <number> <unit>` ("Cost 325.00 USDT"),
 * innermost only (a wrapper holding nothing but the row is the same row), with the number read in
 * the form's scope. A row whose number does not read is left out.
 */
export function labelledAmounts(
  root: Element,
  label: RegExp,
  unit: string,
  numbers: NumberScope,
): Array<{ row: Element } & ShownAmount> {
  const pattern = new RegExp(
    `^(?:${label.source})\\s+(\\d(?:[\\d.,\\u00a0\\u202f ]*\\d)?)\\s+${unit}$`,
    label.flags.includes('i') ? 'i' : '',
  );
  const rows = [...root.querySelectorAll('div, span, p, li, dd')].filter((el) => {
    const text = el.textContent ?? '';
    return text.length <= MAX_ROW_CHARS * 2 && pattern.test(textOf(el)) && !isHidden(el);
  });
  const innermost = rows.filter((el) => !rows.some((other) => other !== el && el.contains(other)));
  return innermost.flatMap((row) => {
    const number = pattern.exec(textOf(row))?.[1];
    const value = number === undefined ? null : numbers.number(number);
    return value === null ? [] : [{ row, value, decimals: shownDecimals(number!, value) }];
  });
}

/**
 * Which of two buttons a row belongs to: the one it shares a deeper ancestor with (the row sits in
 * that button's column). null when it is as close to both (a row for the whole form).
 */
export function nearerButton(row: Element, buy: Element, sell: Element): Side | null {
  const withBuy = commonAncestor(row, buy);
  const withSell = commonAncestor(row, sell);
  if (withBuy === null || withSell === null || withBuy === withSell) return null;
  return withSell.contains(withBuy) ? 'long' : 'short';
}

/** The figure of one kind per side, when each side has exactly one row; a side with two is left out. */
export function perButton(
  kind: PageEstimateKind,
  rows: ReadonlyArray<{ row: Element } & ShownAmount>,
  buy: Element,
  sell: Element,
): PageEstimate[] {
  return (['long', 'short'] as const).flatMap((side) => {
    const mine = rows.filter((r) => nearerButton(r.row, buy, sell) === side);
    return mine.length === 1 ? [{ kind, side, value: mine[0]!.value, decimals: mine[0]!.decimals }] : [];
  });
}

/** The one figure of a kind for the form's side; none when there are two (which one is the order's?). */
export function single(kind: PageEstimateKind, rows: ReadonlyArray<ShownAmount>): PageEstimate[] {
  return rows.length === 1 ? [{ kind, side: null, value: rows[0]!.value, decimals: rows[0]!.decimals }] : [];
}
