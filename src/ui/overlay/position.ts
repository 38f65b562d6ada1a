// Where the overlay sits: docked where the exchange's layout has room by default, wherever the
// trader dragged it otherwise; always fully inside the viewport so it cannot be lost off-screen.
// "Room" is measured, not known per venue: the overlay must cover neither the order form nor the
// order book, which every venue draws beside the form (mostly on its left, between the chart and
// the form). The candidates below are tried in order; the first that overlaps neither wins.
export interface Point {
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

const MARGIN = 8;
/**
 * Width kept free left of the form when no order book was found on the page: exchanges draw
 * their book there (Binance, Bybit, OKX, Hyperliquid, Kraken), 220–330 px wide.
 */
export const BOOK_ALLOWANCE = 340;

export function clampToViewport(p: Point, size: Size, viewport: Size): Point {
  const maxX = Math.max(MARGIN, viewport.width - size.width - MARGIN);
  const maxY = Math.max(MARGIN, viewport.height - size.height - MARGIN);
  return { x: Math.round(Math.min(Math.max(p.x, MARGIN), maxX)), y: Math.round(Math.min(Math.max(p.y, MARGIN), maxY)) };
}

/** Area shared by two boxes (0 when they only touch). */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

const isEmpty = (b: Box): boolean => b.width <= 0 || b.height <= 0;

/** The boxes the overlay must not cover: the form, the books found, or the usual book place beside the form. */
export function keepClear(form: Box | null, books: readonly Box[]): Box[] {
  const found = books.filter((b) => !isEmpty(b));
  if (form === null || isEmpty(form)) return found;
  if (found.length > 0) return [form, ...found];
  return [form, { left: form.left - BOOK_ALLOWANCE, top: form.top, width: BOOK_ALLOWANCE, height: form.height }];
}

/**
 * The default place: beside the form and its book, on the chart's side (left of both), else just left
 * of the form (a book drawn elsewhere), at the viewport's left edge, right of the form, above or below it, or a corner; the first candidate that
 * covers neither the form nor a book. When none is clear, the one covering the least. Without a form:
 * the top-right corner.
 */
export function dockPosition(form: Box | null, books: readonly Box[], size: Size, viewport: Size): Point {
  const corner = clampToViewport({ x: viewport.width - size.width - MARGIN, y: MARGIN }, size, viewport);
  if (form === null || isEmpty(form)) return corner;
  const clear = keepClear(form, books);
  const left = Math.min(...clear.map((b) => b.left));
  const right = Math.max(...clear.map((b) => b.left + b.width));
  const top = Math.max(form.top, MARGIN);
  const candidates: Point[] = [
    { x: left - MARGIN - size.width, y: top },
    { x: form.left - MARGIN - size.width, y: top },
    { x: MARGIN, y: top },
    { x: right + MARGIN, y: top },
    { x: form.left + form.width - size.width, y: form.top - MARGIN - size.height },
    { x: form.left + form.width - size.width, y: form.top + form.height + MARGIN },
    { x: left - MARGIN - size.width, y: viewport.height - size.height - MARGIN },
    { x: MARGIN, y: viewport.height - size.height - MARGIN },
    { x: viewport.width - size.width - MARGIN, y: viewport.height - size.height - MARGIN },
    corner,
  ];
  let best: Point = corner;
  let bestCover = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const p = clampToViewport(candidate, size, viewport);
    const box = { left: p.x, top: p.y, width: size.width, height: size.height };
    const cover = clear.reduce((sum, b) => sum + overlapArea(box, b), 0);
    if (cover === 0) return p;
    if (cover < bestCover) {
      best = p;
      bestCover = cover;
    }
  }
  return best;
}

/** A stored position (storage.local is ours, but validate anyway): finite numbers or null. */
export function parsePoint(raw: unknown): Point | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { x, y } = raw as Record<string, unknown>;
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) ? { x, y } : null;
}

/** A stored collapsed flag (storage.local): a boolean, anything else is "not stored". */
export function parseCollapsed(raw: unknown): boolean | null {
  return typeof raw === 'boolean' ? raw : null;
}
