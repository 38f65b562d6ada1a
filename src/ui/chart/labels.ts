// Marker labels of the PnL chart above the plot, for a narrow panel (the overlay's 232 px): at
// most MAX_ROWS rows; labels that still do not fit are merged with their nearest neighbour into
// one label ("Stop · Liq 61,900–62,000"), each marker keeping its own line. Floats for drawing
// only; the texts come from the caller's exact-decimal formatting.
import type { Box, ChartMarker } from './geometry';

/** Average glyph width of the 10 px labels; generous, so estimated boxes are not narrower than drawn ones. */
export const FONT_SIZE = 10;
const CHAR_WIDTH = 6;
const ROW = 13;
const GAP = 6;
export const MAX_ROWS = 3;

export const textWidth = (text: string): number => text.length * CHAR_WIDTH;

/** A marker ready for a label: x in the drawing; `edge` when its price is beyond the drawn range. */
export interface LabelItem {
  marker: ChartMarker;
  x: number;
  edge?: 'low' | 'high';
}

export interface PlacedLabel {
  text: string;
  box: Box;
  baseline: number;
  /** Indexes into the items, in price order. */
  members: number[];
}

/** Which price a merged label shows when its span does not fit: the one a trader acts on. */
const PRIORITY: ChartMarker['kind'][] = [
  'entry',
  'liquidation',
  'stop',
  'takeProfit',
  'marginCall',
  'breakEven',
  'mark',
];

/**
 * One group's text: its own label (short names when `short`), or short names joined with the
 * price span ("Stop · Liq 61,900–62,000"), or with "≈" and the main price when the span is long.
 */
function groupText(ms: LabelItem[], format: (v: string) => string, width: number, short: boolean): string {
  const edge = ms.find((m) => m.edge)?.edge;
  const arrow = (text: string) => (edge === 'low' ? `← ${text}` : edge === 'high' ? `${text} →` : text);
  const name = (m: LabelItem) => (short ? (m.marker.short ?? m.marker.label) : m.marker.label);
  if (ms.length === 1) return arrow(`${name(ms[0]!)} ${format(ms[0]!.marker.price)}`);
  const names = ms.map((m) => m.marker.short ?? m.marker.label).join(' · ');
  const prices = [...new Set(ms.map((m) => format(m.marker.price)))];
  const span = arrow(prices.length === 1 ? `${names} ${prices[0]}` : `${names} ${prices[0]}–${prices.at(-1)}`);
  if (textWidth(span) <= width / 2) return span;
  const main = PRIORITY.map((k) => ms.find((m) => m.marker.kind === k)).find((m) => m !== undefined)!;
  const about = arrow(`${names} ≈ ${format(main.marker.price)}`);
  // Too wide for the drawing with a price: the names alone (the prices are in the table).
  return textWidth(about) <= width ? about : arrow(names);
}

function boxFor(x: number, w: number, width: number, edge?: 'low' | 'high'): [number, number] {
  const left = edge === 'low' ? 0 : edge === 'high' ? width - w : Math.min(Math.max(0, x - w / 2), width - w);
  return [left, left + w];
}

/** Greedy rows, left to right; null when a group fits in no row. */
function tryRows(
  groups: Array<{ members: number[]; text: string; x: number; edge?: 'low' | 'high' }>,
  width: number,
  maxRows: number,
): PlacedLabel[] | number {
  const rowEnds: number[] = [];
  const placed: PlacedLabel[] = [];
  for (let g = 0; g < groups.length; g++) {
    const { members, text, x, edge } = groups[g]!;
    const [left, right] = boxFor(x, textWidth(text), width, edge);
    let row = rowEnds.findIndex((end) => left >= end + GAP);
    if (row === -1) {
      if (rowEnds.length >= maxRows) return g;
      row = rowEnds.length;
      rowEnds.push(0);
    }
    rowEnds[row] = right;
    const baseline = (row + 1) * ROW - 3;
    placed.push({ text, members, baseline, box: { left, right, top: baseline - FONT_SIZE, bottom: baseline + 2 } });
  }
  return placed;
}

/**
 * Items sorted by x. Labels in at most `maxRows` rows: full names, else short names, else the
 * closest neighbours merged until they fit.
 */
export function placeLabels(
  items: LabelItem[],
  width: number,
  formatPrice: (v: string) => string,
  maxRows = MAX_ROWS,
): PlacedLabel[] {
  const describe = (groups: number[][], short: boolean) =>
    groups.map((members) => {
      const ms = members.map((i) => items[i]!);
      const xs = ms.map((m) => m.x);
      const x = (Math.min(...xs) + Math.max(...xs)) / 2;
      return { members, x, edge: ms.find((m) => m.edge)?.edge, text: groupText(ms, formatPrice, width, short) };
    });
  let groups = items.map((_, i) => [i]);
  const full = tryRows(describe(groups, false), width, maxRows);
  if (typeof full !== 'number') return full;
  for (;;) {
    const described = describe(groups, true);
    const placed = tryRows(described, width, maxRows);
    if (typeof placed !== 'number') return placed;
    if (groups.length < 2) return tryRows(described, width, Infinity) as PlacedLabel[];
    // Merge the two neighbours closest together (same-pixel markers first: entry, mark, break-even).
    let a = 0;
    for (let i = 1; i + 1 < described.length; i++)
      if (described[i + 1]!.x - described[i]!.x < described[a + 1]!.x - described[a]!.x) a = i;
    groups = [...groups.slice(0, a), [...groups[a]!, ...groups[a + 1]!], ...groups.slice(a + 2)];
  }
}
