// What Hyperliquid's order form itself derives from the order (issue 13, deliverable 3): the summary
// rows "Liquidation Price" (generation 1: "Liq. Price"), "Order Value" and "Margin Required". Read
// here as shown, for the cross-check against our own figures; never used in place of them.
// Content side: regex and BigInt only (no decimal.js). A row that is not there, or shows "N/A"
// (Hyperliquid's word when no positive price liquidates), gives no estimate; so does a figure that
// does not read cleanly (the cross-check is lost, no figure of ours changes). A row shown twice in
// the form is ambiguous: its key is missing, like any other.
import type { Scan } from '../dom/scan';
import type { NumberScope } from '../dom/numbers';
import { shownDecimals } from '../dom/paired-total';
import { execText, textOf } from '../dom/text';
import type { DecimalString, PageEstimate, PageEstimateKind } from '../types';
import { SUMMARY_ROWS, type HyperliquidKey } from './selectors';

/** Row key → the kind of estimate it shows (Margin Required is the order's initial margin). */
const ROWS: ReadonlyArray<readonly [keyof typeof SUMMARY_ROWS & HyperliquidKey, PageEstimateKind]> = [
  ['orderValue', 'orderValue'],
  ['marginRequired', 'initialMargin'],
  ['liquidationPrice', 'liquidationPrice'],
];

/** What the page shows when it has no figure for the row. */
const NONE = /^(?:N\/A|--|-)$/;
/** Money rows: "$13,000.00"; the price row: "60,952" (no currency). */
const MONEY = /^\$(\S+)$/;

/**
 * One row's figure: undefined when the row shows none, null when it shows something unreadable.
 * `text` is the row's own text ("Order Value $13,000.00").
 */
export function shownFigure(
  key: keyof typeof SUMMARY_ROWS,
  text: string,
  numbers: NumberScope,
): { value: DecimalString; decimals: number } | null | undefined {
  const shown = execText(text, SUMMARY_ROWS[key])?.[1];
  if (shown === undefined) return null;
  if (NONE.test(shown)) return undefined;
  const figure = key === 'liquidationPrice' ? shown : execText(shown, MONEY)?.[1];
  if (figure === undefined) return null;
  const value = numbers.positive(figure);
  return value === null ? null : { value, decimals: shownDecimals(figure, value) };
}

/**
 * The page's estimates for the order inside `root` (the form): each row found at most once there.
 * One summary for the order shown, so each is for the form's side (side null).
 */
export function readPageEstimates(
  scan: Scan<HyperliquidKey>,
  root: Element | null,
  numbers: NumberScope,
): PageEstimate[] {
  const out: PageEstimate[] = [];
  if (root === null) return out;
  for (const [key, kind] of ROWS) {
    const row = scan.optional(key, root);
    if (row === null) continue;
    const figure = shownFigure(key, textOf(row), numbers);
    if (figure) out.push({ kind, side: null, ...figure });
  }
  return out;
}
