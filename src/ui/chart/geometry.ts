// Where everything of the PnL chart goes, in SVG user units. Floats only here, and only for
// drawing: every number a reader sees is formatted from exact decimal text by the caller.
// Pure, so placement (order, zero crossing, label overlap) is tested without a DOM.

export type MarkerKind = 'entry' | 'liquidation' | 'marginCall' | 'stop' | 'takeProfit' | 'breakEven' | 'mark';

export interface ChartMarker {
  kind: MarkerKind;
  /** Exact decimal text. */
  price: string;
  label: string;
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
}

/** Average glyph width of the 10 px labels; generous, so estimated boxes are not narrower than drawn ones. */
export const FONT_SIZE = 10;
const CHAR_WIDTH = 6;
const ROW = 13;
const GAP = 6;

export const textWidth = (text: string): number => text.length * CHAR_WIDTH;

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

/** The price range: every marker and the entry, with a margin so end labels and lines are not on the edge. */
function priceRange(input: GeometryInput): [number, number] {
  const prices = [input.entry, ...input.markers.map((m) => m.price)].map(Number).filter(Number.isFinite);
  let lo = Math.min(...prices);
  let hi = Math.max(...prices);
  const span = hi - lo || Math.abs(lo) * 0.02 || 1;
  const margin = span * 0.12;
  // A price below zero is not a price: do not stretch the axis into it.
  lo = lo >= 0 ? Math.max(0, lo - margin) : lo - margin;
  hi += margin;
  return [lo, hi];
}

/** Greedy rows: each label (left to right) goes in the first row where it clears the previous one. */
function placeLabels(items: Array<{ marker: ChartMarker; x: number; text: string }>, width: number): PlacedMarker[] {
  const rowEnds: number[] = [];
  return items.map(({ marker, x, text }) => {
    const w = textWidth(text);
    const left = Math.min(Math.max(0, x - w / 2), width - w);
    let row = rowEnds.findIndex((end) => left >= end + GAP);
    if (row === -1) {
      row = rowEnds.length;
      rowEnds.push(0);
    }
    rowEnds[row] = left + w;
    const baseline = (row + 1) * ROW - 3;
    return {
      marker,
      x,
      text,
      baseline,
      box: { left, right: left + w, top: baseline - FONT_SIZE, bottom: baseline + 2 },
    };
  });
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
  const labelled = sorted.map(({ marker, value }) => ({
    marker,
    x: x(value),
    text: `${marker.label} ${input.formatPrice(marker.price)}`,
  }));
  const markers = placeLabels(labelled, input.width);
  const band = markers.reduce((max, m) => Math.max(max, m.box.bottom), 0);
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
  };
}

function overlaps(labels: Array<{ at: number; w: number }>): boolean {
  return labels.some((l, i) => i > 0 && l.at - l.w / 2 < labels[i - 1]!.at + labels[i - 1]!.w / 2 + 4);
}
