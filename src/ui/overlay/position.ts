// Where the overlay sits: next to the order form by default, wherever the trader dragged it
// otherwise; always fully inside the viewport so it cannot be lost off-screen.
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

export function clampToViewport(p: Point, size: Size, viewport: Size): Point {
  const maxX = Math.max(MARGIN, viewport.width - size.width - MARGIN);
  const maxY = Math.max(MARGIN, viewport.height - size.height - MARGIN);
  return { x: Math.round(Math.min(Math.max(p.x, MARGIN), maxX)), y: Math.round(Math.min(Math.max(p.y, MARGIN), maxY)) };
}

/** To the left of the form when it fits there, else the top-right corner of the viewport. */
export function anchorPosition(anchor: Box | null, size: Size, viewport: Size): Point {
  const left = anchor === null ? -1 : anchor.left - MARGIN - size.width;
  if (anchor === null || left < MARGIN)
    return clampToViewport({ x: viewport.width - size.width - MARGIN, y: MARGIN }, size, viewport);
  return clampToViewport({ x: left, y: anchor.top }, size, viewport);
}

/** A stored position (storage.local is ours, but validate anyway): finite numbers or null. */
export function parsePoint(raw: unknown): Point | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { x, y } = raw as Record<string, unknown>;
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) ? { x, y } : null;
}
