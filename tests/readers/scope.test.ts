// @vitest-environment happy-dom
// What a read covers (issue 9 items 3, 4 and 8): read(doc, url, 'order') reads the order fields
// only — the click path, whose cost must not grow with the positions table — and a full read
// stops at MAX_PAGE_POSITIONS rows and says "too many" instead of sending them all. Readings say
// which elements outside the form root they used (watched), so the session can observe them.
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_POSITIONS } from '../../src/messaging/messages';
import { readerForUrl } from '../../src/venues/readers';
import { reader as bybit } from '../../src/venues/bybit-linear/reader';
import { reader as okx } from '../../src/venues/okx-swap/reader';
import { reader as hyperliquid } from '../../src/venues/hyperliquid/reader';
import type { FormReading, OrderForm } from '../../src/venues/types';
import { FIXTURES } from '../venues/fixture-pages';
import { $, byText, loadPage } from './load';

function form(reading: FormReading): OrderForm {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
}

const url = (venue: keyof typeof FIXTURES) => new URL(FIXTURES[venue].url);

/** `count` copies of the table body's first row appended; returns the copies. */
function addRows(body: Element, count: number, instrument?: (row: Element) => void): Element[] {
  const template = body.querySelector('tr')!;
  const rows = Array.from({ length: count }, () => template.cloneNode(true) as Element);
  rows.forEach((row) => instrument?.(row));
  const fragment = body.ownerDocument.createDocumentFragment();
  fragment.append(...rows);
  body.append(fragment);
  return rows;
}

describe("read(doc, url, 'order'): the order fields only", () => {
  it.each(Object.entries(FIXTURES))(
    '%s: the same order, without the account and the available balance',
    (venue, { page }) => {
      const reader = readerForUrl(url(venue as keyof typeof FIXTURES))!;
      const { account: _account, ...order } = form(reader.read(loadPage(page), url(venue as keyof typeof FIXTURES)));
      const reading = reader.read(loadPage(page), url(venue as keyof typeof FIXTURES), 'order');
      expect(form(reading)).toEqual({ ...order, availableBalance: null });
      expect(reading.matched).not.toHaveProperty('available');
    },
  );

  it('an unreadable account does not make the order unreadable (OKX garbles it into a missing key in full)', () => {
    const doc = loadPage('okx-swap.html');
    byText(doc, 'dd', '10,000.00 USDT').textContent = 'lots USDT';
    expect(okx.read(doc, url('okx-swap')).status).toBe('unrecognised');
    expect(okx.read(doc, url('okx-swap'), 'order').status).toBe('ok');
  });
});

describe('10,000 position rows (the click path must stay cheap)', () => {
  it("'order' looks at no row; 'full' at no more than the cap, and says too many", () => {
    const doc = loadPage('bybit-linear.html');
    const touched = new Set<Element>();
    // Every way the readers look into an element, counted per row.
    const instrument = (row: Element) => {
      for (const name of ['children', 'firstChild', 'firstElementChild', 'textContent']) {
        let getter: (() => unknown) | undefined;
        for (let proto = Object.getPrototypeOf(row); proto && !getter; proto = Object.getPrototypeOf(proto))
          getter = Object.getOwnPropertyDescriptor(proto, name)?.get;
        Object.defineProperty(row, name, { configurable: true, get: () => (touched.add(row), getter!.call(row)) });
      }
      for (const name of [
        'querySelector',
        'querySelectorAll',
        'hasAttribute',
        'getAttribute',
        'matches',
        'checkVisibility',
        'closest',
      ] as const) {
        const original = row[name] as (...args: unknown[]) => unknown;
        Object.defineProperty(row, name, {
          configurable: true,
          value: (...args: unknown[]) => (touched.add(row), original.apply(row, args)),
        });
      }
    };
    const rows = addRows($(doc, '.by-table tbody'), 10_000, instrument);
    touched.clear();

    const order = bybit.read(doc, url('bybit-linear'), 'order');
    expect(order.status).toBe('ok');
    expect(touched.size).toBe(0);
    const start = performance.now();
    bybit.read(doc, url('bybit-linear'), 'order');
    expect(performance.now() - start).toBeLessThan(250); // warm: a few ms here; the rows cost nothing

    const full = bybit.read(doc, url('bybit-linear'), 'full');
    expect(form(full).account).toEqual({ walletBalance: '10000', positions: null, positionsTooMany: true });
    // The fixture's three rows plus the copies up to one past the cap; the rest never looked at.
    expect(touched.size).toBe(MAX_PAGE_POSITIONS + 1 - 3);
    expect(rows.slice(0, MAX_PAGE_POSITIONS - 2).every((row) => touched.has(row))).toBe(true);
    expect(touched.has(rows[MAX_PAGE_POSITIONS - 1]!)).toBe(false);
  }, 120_000);
});

describe('positions capped at MAX_PAGE_POSITIONS', () => {
  it(`Bybit: ${MAX_PAGE_POSITIONS} rows are read, one more is too many`, () => {
    const doc = loadPage('bybit-linear.html');
    addRows($(doc, '.by-table tbody'), MAX_PAGE_POSITIONS - 3);
    const positions = form(bybit.read(doc, url('bybit-linear'))).account?.positions;
    expect(positions).toHaveLength(MAX_PAGE_POSITIONS - 1); // the isolated DOGE row is not a cross position
    addRows($(doc, '.by-table tbody'), 1);
    expect(form(bybit.read(doc, url('bybit-linear'))).account).toEqual({
      walletBalance: '10000',
      positions: null,
      positionsTooMany: true,
    });
  });

  const okxTab = (doc: Document) => $(doc, '#okx-data-tab-positions');

  it('OKX: a tab counting more than the cap is too many before any row is read; so is a table longer than the cap', () => {
    const doc = loadPage('okx-swap.html');
    okxTab(doc).textContent = `Positions (${MAX_PAGE_POSITIONS + 10})`;
    expect(form(okx.read(doc, url('okx-swap'))).account).toEqual({
      walletBalance: '10000',
      positions: null,
      positionsTooMany: true,
    });
    addRows($(doc, '.okui-table-tbody'), MAX_PAGE_POSITIONS + 9);
    expect(form(okx.read(doc, url('okx-swap'))).account).toEqual({
      walletBalance: '10000',
      positions: null,
      positionsTooMany: true,
    });
    okxTab(doc).textContent = 'Positions';
    expect(form(okx.read(doc, url('okx-swap'))).account).toEqual({
      walletBalance: '10000',
      positions: null,
      positionsTooMany: true,
    });
  });

  it(`OKX: ${MAX_PAGE_POSITIONS} rows counted and listed are read`, () => {
    const doc = loadPage('okx-swap.html');
    okxTab(doc).textContent = `Positions (${MAX_PAGE_POSITIONS})`;
    addRows($(doc, '.okui-table-tbody'), MAX_PAGE_POSITIONS - 1);
    expect(form(okx.read(doc, url('okx-swap'))).account?.positions).toHaveLength(MAX_PAGE_POSITIONS);
  });

  it('Hyperliquid: the same by the tab count and by the rows', () => {
    const doc = loadPage('hyperliquid.html');
    const tab = byText(doc, '[role="tab"]', 'Positions (1)');
    const body = $(doc, 'table tbody');
    tab.textContent = `Positions (${MAX_PAGE_POSITIONS})`;
    addRows(body, MAX_PAGE_POSITIONS - 1);
    expect(form(hyperliquid.read(doc, url('hyperliquid'))).account?.positions).toHaveLength(MAX_PAGE_POSITIONS);
    tab.textContent = `Positions (${MAX_PAGE_POSITIONS + 1})`;
    addRows(body, 1);
    const tooMany = { walletBalance: '10000', positions: null, positionsTooMany: true };
    expect(form(hyperliquid.read(doc, url('hyperliquid'))).account).toEqual(tooMany);
    tab.textContent = 'Positions';
    expect(form(hyperliquid.read(doc, url('hyperliquid'))).account).toEqual(tooMany);
  });
});

describe('watched: the elements outside the form root a reading used', () => {
  it('an unrecognised reading with a form root still says what it used; without a root it says nothing', () => {
    const doc = loadPage('bybit-linear.html');
    ($(doc, '[data-fixture="price"]') as HTMLInputElement).value = 'abc';
    const reading = bybit.read(doc, url('bybit-linear'));
    expect(reading.status).toBe('unrecognised');
    expect(reading.watched).toContain($(doc, '.by-table'));
    $(doc, '[data-fixture="order-form"]').remove();
    expect(bybit.read(doc, url('bybit-linear')).watched).toBeUndefined();
  });

  it("'order' watches no account element", () => {
    const doc = loadPage('bybit-linear.html');
    expect(bybit.read(doc, url('bybit-linear'), 'order').watched).toEqual([$(doc, '[data-fixture="symbol-button"]')]);
  });

  it('the typing fast path keeps the watched elements of the reading it refreshes', () => {
    const doc = loadPage('okx-swap.html');
    const reading = okx.read(doc, url('okx-swap'));
    expect(okx.refresh!(reading)?.watched).toEqual(reading.watched);
  });
});
