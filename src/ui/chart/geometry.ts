// Where everything of the PnL chart goes, in SVG user units. Floats only here, and only for
// drawing: every number a reader sees is formatted from exact decimal text by the caller.
// Pure, so placement (order, zero crossing, label overlap) is tested without a DOM.
// The price range is useful, not just tight: at least ±10 % around the entry, widened to every
// marker within reach (±50 %: the liquidation price of a low leverage is shown); a marker beyond
// reach is a label with an arrow at the edge, not a squashed axis.
import { placeLabels, textWidth } from './labels';

export { FONT_SIZE, textWidth } from './labels';

export type MarkerKind = 'entry' | 'liquidation' | 'marginCall' | 'stop' | 'takeProfit' | 'breakEven' | 'mark';

export interface ChartMarker {
  kind: MarkerKind;
  /** Exact decimal text. */
  price: string;
  label: string;
  /** A short name for a merged label ("Liq"); default the label. */
  short?: string;
}

/**
 * pnl(P) = atEntry + slope × (P − entry), exact decimal text. Isolated margin adds a floor: at
 * and beyond the liquidation price (below it for a long) the PnL is the loss at liquidation.
 */
export interface ChartLine {
  atEntry: string;
  slope: string;
  floor?: { price: string; pnl: string };
}

export interface GeometryInput {
  entry: string;
  pnl: ChartLine;
  markers: ChartMarker[];
  width: number;
  /** Height of the plot and its x axis; the band of marker labels above it comes on top. */
  height: number;
  formatPrice(v: string): string;
  formatMoney(v: string): string;
  /** Price axis ticks (round values: no need for the tick precision's trailing zeros); default formatPrice. */
  formatAxis?(v: string): string;
}

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
export interface Tick {
  value: string;
  text: string;
  at: number;
}
export interface PlacedMarker {
  marker: ChartMarker;
  x: number;
  /** The label's text, its box (for the overlap check) and its baseline. */
  text: string;
  box: Box;
  baseline: number;
  /** Whether this marker draws the text: one of a merged label's markers does. */
  labelled: boolean;
  /** Beyond the drawn range: x is the plot's edge, the label has an arrow, and no line is drawn. */
  edge?: 'low' | 'high';
}
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Geometry {
  width: number;
  height: number;
  plot: Box;
  zeroY: number;
  /** The PnL line where it is above zero, and where it is below (null: none in range). */
  profit: Segment | null;
  loss: Segment | null;
  /** Isolated: the drop at the liquidation price and the flat loss beyond it (empty: no floor in range). */
  floor: Segment[];
  xTicks: Tick[];
  yTicks: Tick[];
  markers: PlacedMarker[];
  /** The drawn price range. */
  range: [number, number];
}

/** The least range around the entry, and how far a marker may be to widen it (fractions of the entry). */
export const MIN_SPAN = 0.1;
export const REACH = 0.5;

/** 1, 2 or 5 × a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude - 1e-9; // 2.0000000000000004 (float noise) is a step of 2
  return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * magnitude;
}

/** Round tick values in [lo, hi], about `count` of them, as plain decimal text (k × step, no float noise). */
export function tickValues(lo: number, hi: number, count: number): string[] {
  if (!(hi > lo)) return [];
  const step = niceStep((hi - lo) / Math.max(1, count));
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const out: string[] = [];
  for (let k = Math.ceil(lo / step); k * step <= hi + step * 1e-9; k++) {
    const text = (k * step).toFixed(decimals);
    out.push(/^-0(\.0+)?$/.test(text) ? text.slice(1) : text); // never "-0"
  }
  return out;
}

const inReach = (price: number, entry: number): boolean =>
  !(entry > 0) || Math.abs(price - entry) <= Math.abs(entry) * REACH;

/**
 * The price range: at least ±MIN_SPAN around the entry and every marker within reach, with a
 * margin beyond an outer marker so its line is not on the edge.
 */
function priceRange(input: GeometryInput): [number, number] {
  const entry = Number(input.entry);
  const prices = [entry, ...input.markers.map((m) => Number(m.price))].filter(
    (p) => Number.isFinite(p) && inReach(p, entry),
  );
  let lo = Math.min(...prices);
  let hi = Math.max(...prices);
  const margin = (hi - lo || Math.abs(lo) * 0.02 || 1) * 0.06;
  lo -= margin;
  hi += margin;
  if (entry > 0) {
    lo = Math.min(lo, entry * (1 - MIN_SPAN));
    hi = Math.max(hi, entry * (1 + MIN_SPAN));
  }
  // A price below zero is not a price: do not stretch the axis into it.
  return [prices.every((p) => p >= 0) ? Math.max(0, lo) : lo, hi];
}

export function chartGeometry(input: GeometryInput): Geometry {
  const atEntry = Number(input.pnl.atEntry);
  const slope = Number(input.pnl.slope);
  const entry = Number(input.entry);
  const onLine = (price: number): number => atEntry + slope * (price - entry);
  const floorAt = input.pnl.floor ? Number(input.pnl.floor.price) : NaN;
  const floorPnl = Number(input.pnl.floor?.pnl);
  const beyond = (price: number): boolean => (slope > 0 ? price <= floorAt : price >= floorAt);
  const pnlAt = (price: number): number => (beyond(price) ? floorPnl : onLine(price));

  const [xLo, xHi] = priceRange(input);
  const floorIn = floorAt > xLo && floorAt < xHi;
  const ends = [pnlAt(xLo), pnlAt(xHi), ...(floorIn ? [onLine(floorAt)] : [])];
  let yLo = Math.min(0, ...ends);
  let yHi = Math.max(0, ...ends);
  const ySpan = yHi - yLo || 1;
  yLo -= ySpan * 0.08;
  yHi += ySpan * 0.08;

  const sorted = input.markers
    .map((marker, i) => ({ marker, i, value: Number(marker.price) }))
    .sort((a, b) => a.value - b.value || a.i - b.i);

  // Y tick labels set the left margin. Steps round up (1, 2, 5), so asking for one tick per
  // 18 px gives two to five labels, never closer than 18 px.
  const plotHeight = input.height - 22;
  const yValues = tickValues(yLo, yHi, Math.max(2, Math.floor(plotHeight / 18)));
  const yTexts = yValues.map((v) => input.formatMoney(v));
  const left = Math.max(24, ...yTexts.map(textWidth)) + 6;
  const right = input.width - 8;

  const x = (price: number): number => left + ((price - xLo) / (xHi - xLo)) * (right - left);
  const items = sorted.map(({ marker, value }) => {
    const edge = value < xLo ? ('low' as const) : value > xHi ? ('high' as const) : undefined;
    return { marker, x: edge === 'low' ? left : edge === 'high' ? right : x(value), edge };
  });
  const labels = placeLabels(items, input.width, input.formatPrice);
  const markers: PlacedMarker[] = [];
  for (const l of labels)
    l.members.forEach((i, k) => {
      const { text, box, baseline } = l;
      markers[i] = { ...items[i]!, text, box, baseline, labelled: k === 0 };
      if (!items[i]!.edge) delete markers[i]!.edge;
    });
  const band = labels.reduce((max, l) => Math.max(max, l.box.bottom), 0);
  const top = band + 6;
  const bottom = top + plotHeight;
  const y = (pnl: number): number => bottom - ((pnl - yLo) / (yHi - yLo)) * (bottom - top);

  // X ticks: as many as fit side by side with their labels.
  const axis = input.formatAxis ?? input.formatPrice;
  const sample = axis(xHi.toFixed(2));
  const xCount = Math.max(2, Math.floor((right - left) / (textWidth(sample) + 16)));
  let xValues = tickValues(xLo, xHi, xCount);
  for (let n = xCount; n > 1 && overlaps(xValues.map((v) => ({ at: x(Number(v)), w: textWidth(axis(v)) }))); n--) {
    xValues = tickValues(xLo, xHi, n - 1);
  }

  // The line, split where it crosses zero.
  const zeroY = y(0);
  const crossing = slope === 0 ? null : entry - atEntry / slope;
  const pieces: Segment[] = [];
  const floor: Segment[] = [];
  const inner = [crossing, floorIn ? floorAt : null].filter((c): c is number => c !== null && c > xLo && c < xHi);
  const cuts = [xLo, ...inner.sort((a, b) => a - b), xHi];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i]!;
    const b = cuts[i + 1]!;
    if (beyond((a + b) / 2)) floor.push({ x1: x(a), y1: y(floorPnl), x2: x(b), y2: y(floorPnl) });
    else pieces.push({ x1: x(a), y1: y(onLine(a)), x2: x(b), y2: y(onLine(b)) });
  }
  if (floorIn) floor.unshift({ x1: x(floorAt), y1: y(onLine(floorAt)), x2: x(floorAt), y2: y(floorPnl) });
  const isProfit = (s: Segment): boolean => (s.y1 + s.y2) / 2 < zeroY;

  return {
    width: input.width,
    height: bottom + 18,
    plot: { left, right, top, bottom },
    zeroY,
    profit: pieces.find(isProfit) ?? null,
    loss: pieces.find((s) => !isProfit(s)) ?? null,
    floor,
    // A tick whose label would stick out of the drawing is left out.
    xTicks: xValues
      .map((v) => ({ value: v, text: axis(v), at: x(Number(v)) }))
      .filter((t) => t.at - textWidth(t.text) / 2 >= 0 && t.at + textWidth(t.text) / 2 <= input.width),
    yTicks: yValues.map((v, i) => ({ value: v, text: yTexts[i]!, at: y(Number(v)) })),
    markers,
    range: [xLo, xHi],
  };
}

function overlaps(labels: Array<{ at: number; w: number }>): boolean {
  return labels.some((l, i) => i > 0 && l.at - l.w / 2 < labels[i - 1]!.at + labels[i - 1]!.w / 2 + 4);
}
