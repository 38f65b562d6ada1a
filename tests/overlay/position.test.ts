// Where the overlay docks by default (issue 12): clear of the order form and of the order book,
// measured from their boxes, never off-screen; the stored collapsed flag is validated on read.
import { describe, expect, it } from 'vitest';
import {
  BOOK_ALLOWANCE,
  dockPosition,
  keepClear,
  overlapArea,
  parseCollapsed,
  type Box,
} from '../../src/ui/overlay/position';

const size = { width: 300, height: 180 };
const boxOf = (p: { x: number; y: number }): Box => ({ left: p.x, top: p.y, width: size.width, height: size.height });
const covers = (p: { x: number; y: number }, boxes: Box[]) => boxes.some((b) => overlapArea(boxOf(p), b) > 0);

describe('dockPosition', () => {
  // chart | book | form, as Binance futures, Bybit, OKX, Hyperliquid and Kraken draw them.
  const cases = [
    { name: '1024×768', viewport: { width: 1024, height: 768 } },
    { name: '1280×800', viewport: { width: 1280, height: 800 } },
    { name: '1366×768', viewport: { width: 1366, height: 768 } },
  ];
  for (const { name, viewport } of cases) {
    it(`${name}: over the chart, left of the book and the form, inside the viewport`, () => {
      const form: Box = { left: viewport.width - 344, top: 60, width: 340, height: 560 };
      const book: Box = { left: form.left - 224, top: 60, width: 220, height: 600 };
      const p = dockPosition(form, [book], size, viewport);
      expect(covers(p, [form, book])).toBe(false);
      expect(p.x + size.width).toBeLessThanOrEqual(book.left);
      expect(p.x).toBeGreaterThanOrEqual(8);
      expect(p.y).toBe(60);
      expect(p.y + size.height).toBeLessThanOrEqual(viewport.height);
    });
  }

  it("today's place left of the form covers the book: it is not chosen", () => {
    const viewport = { width: 1366, height: 768 };
    const form: Box = { left: 1022, top: 60, width: 340, height: 560 };
    const book: Box = { left: 798, top: 60, width: 220, height: 600 };
    const oldPlace = { x: form.left - 8 - size.width, y: form.top }; // the previous anchorPosition
    expect(covers(oldPlace, [book])).toBe(true);
    expect(covers(dockPosition(form, [book], size, viewport), [form, book])).toBe(false);
  });

  it('no book found: keeps the usual book place left of the form free', () => {
    const viewport = { width: 1280, height: 800 };
    const form: Box = { left: 936, top: 60, width: 340, height: 560 };
    expect(keepClear(form, [])[1]).toEqual({ left: 936 - BOOK_ALLOWANCE, top: 60, width: BOOK_ALLOWANCE, height: 560 });
    const p = dockPosition(form, [], size, viewport);
    expect(p.x + size.width).toBeLessThanOrEqual(936 - BOOK_ALLOWANCE);
  });

  it('a wide form with the book on the left: below or above the form, not over either', () => {
    const viewport = { width: 1024, height: 768 };
    const book: Box = { left: 4, top: 60, width: 200, height: 420 };
    const form: Box = { left: 400, top: 60, width: 620, height: 380 };
    const p = dockPosition(form, [book], size, viewport);
    expect(covers(p, [form, book])).toBe(false);
    expect(p.y + size.height).toBeLessThanOrEqual(768 - 8);
  });

  it('no form: the top-right corner', () => {
    expect(dockPosition(null, [], size, { width: 1024, height: 768 })).toEqual({ x: 1024 - 300 - 8, y: 8 });
  });

  it('nowhere clear: the candidate covering least, still inside the viewport', () => {
    const viewport = { width: 400, height: 300 };
    const form: Box = { left: 0, top: 0, width: 400, height: 300 };
    const p = dockPosition(form, [], size, viewport);
    expect(p.x).toBeGreaterThanOrEqual(8);
    expect(p.y + size.height).toBeLessThanOrEqual(300 - 8 + 1);
  });
});

describe('parseCollapsed', () => {
  it('a boolean, anything else is not stored', () => {
    expect(parseCollapsed(true)).toBe(true);
    expect(parseCollapsed(false)).toBe(false);
    for (const raw of [undefined, null, 'true', 1, {}, []]) expect(parseCollapsed(raw)).toBeNull();
  });
});
