// Tables a page renders (the open positions): columns are found by their header text, never by
// position, since venues reorder and add columns. A name that matches two headers is ambiguous
// and refused rather than resolved by taking the first. Rows are walked lazily: a reader stops
// at its cap (MAX_PAGE_POSITIONS) however many rows the page renders.
import { matchesText } from './text';

/** Column index per key, `number | null` for the optional keys. */
export type ColumnIndexes<C extends string, O extends C> = { [K in Exclude<C, O>]: number } & {
  [K in O]: number | null;
};

/**
 * The index of each column in `headers` (header texts, left to right), by its accepted names
 * compared case-insensitively. null when a column matches more than one header, or a column not
 * in `optional` matches none; an optional column that matches none is null.
 */
export function columnIndexes<C extends string>(
  headers: readonly string[],
  columns: Readonly<Record<C, readonly string[]>>,
): Record<C, number> | null;
export function columnIndexes<C extends string, O extends C>(
  headers: readonly string[],
  columns: Readonly<Record<C, readonly string[]>>,
  optional: readonly O[],
): ColumnIndexes<C, O> | null;
export function columnIndexes<C extends string>(
  headers: readonly string[],
  columns: Readonly<Record<C, readonly string[]>>,
  optional: readonly C[] = [],
): Partial<Record<C, number | null>> | null {
  const out: Partial<Record<C, number | null>> = {};
  for (const [column, names] of Object.entries(columns) as Array<[C, readonly string[]]>) {
    const found = headers.flatMap((text, index) => (matchesText(text, names) ? [index] : []));
    if (found.length > 1) return null;
    if (found.length === 0 && !optional.includes(column)) return null;
    out[column] = found[0] ?? null;
  }
  return out;
}

/**
 * The elements matching `css` under `root`, in document order, found one at a time: a caller
 * that stops after a few rows never makes the browser list ten thousand.
 */
export function* lazyMatches(root: Element, css: string): Generator<Element> {
  const filter = (node: Node): number =>
    (node as Element).matches(css) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT, { acceptNode: filter });
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) yield node as Element;
}
