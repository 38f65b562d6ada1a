// The exchange's order book on the page, found by what every venue calls it (an aria-label, a
// class, an id or a test id with "order book" / "orderbook" in it): the overlay docks clear of it.
// Found generically on purpose: no venue's markup is known here (src/ui/overlay/position.ts keeps
// the usual book place beside the form free when none is found).
import type { Box } from './position';

const BOOK_SELECTOR = [
  '[aria-label*="order book" i]',
  '[aria-label*="orderbook" i]',
  '[class*="orderbook" i]',
  '[class*="order-book" i]',
  '[class*="order_book" i]',
  '[id*="orderbook" i]',
  '[id*="order-book" i]',
  '[data-testid*="orderbook" i]',
  '[data-testid*="order-book" i]',
].join(', ');

/** At most this many candidates are measured (a book's rows can carry the name too). */
const MAX_BOOKS = 8;

/**
 * Boxes of the order books beside `form`: visible, not the form or one of its containers, not a
 * page-sized layout wrapper (more than half the viewport), outermost match only.
 */
export function bookBoxes(doc: Document, form: Element | null, viewport: { width: number; height: number }): Box[] {
  let found: Element[];
  try {
    found = [...doc.querySelectorAll(BOOK_SELECTOR)];
  } catch {
    return []; // a browser without the case-insensitive attribute flag
  }
  const outer = found.filter((el) => !found.some((other) => other !== el && other.contains(el)));
  const boxes: Box[] = [];
  for (const el of outer.slice(0, MAX_BOOKS)) {
    if (form !== null && (el.contains(form) || form.contains(el))) continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) continue;
    if (r.width * r.height > (viewport.width * viewport.height) / 2) continue;
    boxes.push({ left: r.left, top: r.top, width: r.width, height: r.height });
  }
  return boxes;
}

/** How far the form's panel may reach beyond the form itself (its own header rows, paddings, account lines). */
const PANEL_GROWTH = { width: 1.3, height: 1.6 };

/**
 * The box of the panel the form sits in: the reader's form root can be an inner part of it (the
 * fields without the tabs above or the account lines below), and the overlay must not cover those
 * either. Climbs while a parent stays about the form's size; a page-wide layout grid stops it.
 */
export function formPanelBox(form: Element, viewport: { width: number; height: number }): Box {
  const first = form.getBoundingClientRect();
  let box: Box = { left: first.left, top: first.top, width: first.width, height: first.height };
  let el: Element | null = form.parentElement;
  for (let depth = 0; el !== null && depth < 4; depth++, el = el.parentElement) {
    if (el === el.ownerDocument.body || el === el.ownerDocument.documentElement) break;
    const r = el.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) continue; // display: contents and the like
    if (r.width > first.width * PANEL_GROWTH.width || r.width >= viewport.width * 0.9) break;
    if (r.height > first.height * PANEL_GROWTH.height + 120) break;
    box = { left: r.left, top: r.top, width: r.width, height: r.height };
  }
  return box;
}
