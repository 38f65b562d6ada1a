// @vitest-environment happy-dom
// The overlay in the page: a host on <html> with a *closed* shadow root, styles inline,
// text rendered by Preact per the DOM contract, collapse and drag as the only controls.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ATTR, FIGURES, HOST_ATTRIBUTE } from '../../src/ui/overlay/contract';
import { mountOverlay, type OverlayHandle } from '../../src/ui/overlay/mount';
import { BOOK_ALLOWANCE } from '../../src/ui/overlay/position';
import { buildView } from '../../src/ui/overlay/view-model';
import type { FormReading } from '../../src/venues/types';
import { binanceForm, marketOf, NOW, ok, settings, snapshot, wireQuotes } from '../content/fixtures';

import { FakeResizeObserver } from './fake-resize-observer';

let handle: OverlayHandle | undefined;
beforeEach(() => {
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
});
afterEach(() => {
  handle?.destroy();
  handle = undefined;
  vi.unstubAllGlobals();
});

function okView(guard = false) {
  const form = binanceForm({ leverage: '50' });
  const snap = snapshot('65010.2');
  const s = settings();
  return buildView({
    reading: ok(form),
    quotes: wireQuotes(form, snap, s),
    market: marketOf(snap),
    settings: s,
    now: NOW,
    pending: false,
    guard: guard ? { codes: ['LIQUIDATION_NEAR'], side: 'long', via: 'click' } : null,
  });
}

const q = (sel: string) => handle!.root.querySelector(sel);

describe('mountOverlay', () => {
  it('hangs a closed shadow root with inline styles off <html>', () => {
    handle = mountOverlay(document);
    const host = document.querySelector(`[${HOST_ATTRIBUTE}]`) as HTMLElement;
    expect(host).toBe(handle.host);
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull(); // closed: page script cannot reach in
    expect(host.getAttribute('style')).toMatch(/all: initial !important/);
    expect(host.getAttribute('style')).toMatch(/position: fixed !important/);
    const style = handle.root.querySelector('style')!;
    expect(style.textContent).toContain(':host { all: initial; }');
    expect(document.querySelectorAll('[data-mp-root]')).toHaveLength(0);
  });

  it('renders the contract: root attributes, one column per side, figures with raw values', () => {
    handle = mountOverlay(document);
    handle.update(okView());
    const root = q(`[${ATTR.root}]`)!;
    expect(root.getAttribute(ATTR.state)).toBe('ok');
    expect(root.getAttribute(ATTR.mark)).toBe('live');
    expect(root.getAttribute(ATTR.risk)).toBe('danger');
    expect(root.hasAttribute(ATTR.guard)).toBe(false);
    const columns = handle.root.querySelectorAll(`[${ATTR.side}]`);
    expect([...columns].map((c) => c.getAttribute(ATTR.side))).toEqual(['long', 'short']);
    for (const col of columns) {
      // Binance futures has no margin call: no marginCallPrice row (issue 12: only where a venue has one).
      expect([...col.querySelectorAll(`[${ATTR.figure}]`)].map((f) => f.getAttribute(ATTR.figure))).toEqual(
        FIGURES.filter((k) => k !== 'marginCallPrice'),
      );
    }
    const liq = q(`[${ATTR.side}="long"] [${ATTR.figure}="liquidationPrice"]`)!;
    expect(liq.getAttribute(ATTR.value)).toMatch(/^\d+\.\d+$/);
    expect(liq.textContent).toMatch(/ USDT$/);
    expect(q(`[${ATTR.figure}="markPrice"]`)!.getAttribute(ATTR.value)).toBe('65010.2');
    expect(q(`[${ATTR.figure}="markAgeMs"]`)!.getAttribute(ATTR.value)).toBe('2000');
    expect(q('.mark')!.textContent).toBe('mark 65,010.2 USDT · 2 s old');
    const warning = q(`[${ATTR.side}="long"] [${ATTR.warning}="LIQUIDATION_NEAR"]`)!;
    expect(warning.getAttribute(ATTR.severity)).toBe('danger');
    expect(q('details summary')!.textContent).toBe('Assumptions');
  });

  it("an engine input error (issue 12 #9): neutral badge, the trader's sentence shown, the engine text collapsed", () => {
    const form = binanceForm({ symbol: 'ZZZUSDT' });
    const snap = snapshot('65000', 2_000, { symbol: 'ZZZUSDT' });
    const s = settings();
    const view = buildView({
      reading: ok(form),
      quotes: wireQuotes(form, snap, s),
      market: marketOf(snap),
      settings: s,
      now: NOW,
      pending: false,
      guard: null,
    });
    handle = mountOverlay(document);
    handle.update(view);
    const root = q(`[${ATTR.root}]`)!;
    expect(root.getAttribute(ATTR.state)).toBe('error');
    expect(root.getAttribute(ATTR.risk)).toBe('neutral');
    expect(q('.verdict')!.textContent).toBe('NO FIGURES');
    expect(q('.message')!.textContent).toMatch(/^This market's maintenance tiers are not loaded yet/);
    const detail = q('details.detail') as HTMLDetailsElement;
    expect(detail.open).toBe(false);
    expect(detail.querySelector('summary')!.textContent).toBe('Details');
    expect(detail.textContent).toContain('market.maintenanceMarginRate');
  });

  it('shows the guard notice and its codes', () => {
    handle = mountOverlay(document);
    handle.update(okView(true));
    expect(q(`[${ATTR.root}]`)!.getAttribute(ATTR.guard)).toBe('LIQUIDATION_NEAR');
    expect(q('[role="alert"]')!.textContent).toMatch(/^Held once: liquidation .* Click again to submit\.$/);
  });

  it('unrecognised state lists what is missing', () => {
    handle = mountOverlay(document);
    const reading: FormReading = { status: 'unrecognised', missing: ['price', 'size'], matched: {} };
    handle.update(
      buildView({ reading, quotes: [], market: null, settings: settings(), guard: null, now: NOW, pending: false }),
    );
    const root = q(`[${ATTR.root}]`)!;
    expect(root.getAttribute(ATTR.state)).toBe('unrecognised');
    expect(root.getAttribute(ATTR.missing)).toBe('price,size');
    expect(root.textContent).toContain('Form not recognised');
  });

  it('escapes page-controlled text: a symbol with markup stays text', () => {
    handle = mountOverlay(document);
    const reading: FormReading = { status: 'unrecognised', missing: ['<img src=x onerror=alert(1)>'], matched: {} };
    handle.update(
      buildView({ reading, quotes: [], market: null, settings: settings(), guard: null, now: NOW, pending: false }),
    );
    expect(handle.root.querySelector('img')).toBeNull();
    expect(q('.missing')!.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('collapse keeps the figures in the DOM and toggles the flag', () => {
    handle = mountOverlay(document);
    handle.update(okView());
    const button = q(`[${ATTR.action}="collapse"]`) as HTMLButtonElement;
    button.click();
    expect(q(`[${ATTR.root}]`)!.hasAttribute(ATTR.collapsed)).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(handle.root.querySelectorAll(`[${ATTR.figure}]`).length).toBeGreaterThan(0);
    button.click();
    expect(q(`[${ATTR.root}]`)!.hasAttribute(ATTR.collapsed)).toBe(false);
  });

  it('the only controls are collapse, the details and chart panels and drag (nothing that acts on the exchange)', () => {
    handle = mountOverlay(document);
    handle.update(okView(true));
    const controls = [...handle.root.querySelectorAll('button, a, input, select, textarea, [onclick]')];
    expect(controls.map((c) => c.getAttribute(ATTR.action))).toEqual(['collapse', 'details', 'chart']);
    expect(handle.root.querySelectorAll(`[${ATTR.action}]`)).toHaveLength(4);
  });

  it('compact (issue 12): liquidation first, one short line per side, the full list behind Details', () => {
    handle = mountOverlay(document);
    handle.update(okView(true));
    const root = q(`[${ATTR.root}]`)!;
    expect(root.classList.contains('wide')).toBe(false);
    const lines = [...handle.root.querySelectorAll(`[${ATTR.compact}]`)];
    expect(lines.map((l) => l.getAttribute(ATTR.compact))).toEqual(['long', 'short']);
    expect(lines[0]!.querySelector('.liq')!.textContent).toMatch(/^LongLiq [\d,]+\.\d+ · −\d+\.\d %$/);
    expect(lines[1]!.querySelector('.liq')!.textContent).toMatch(/^ShortLiq [\d,]+\.\d+ · \+\d+\.\d %$/);
    expect(lines[0]!.querySelector('.sub')!.textContent).toMatch(/^Margin [\d,.]+ USDT · Break-even [\d,.]+$/);
    expect(lines[0]!.querySelector(`[${ATTR.figure}]`)).toBeNull(); // the figures are read from the list only
    // Above the guard and every banner.
    const order = [...root.children].map((c) => c.className);
    expect(order.indexOf('compact two')).toBeLessThan(order.indexOf('guard'));
    expect(order.indexOf('compact two')).toBeLessThan(order.indexOf('body'));
    // The figure list: closed, still in the DOM; the Details button opens it.
    const details = q(`[${ATTR.details}]`) as HTMLElement;
    expect(details.getAttribute(ATTR.details)).toBe('closed');
    expect(details.hidden).toBe(true);
    expect(details.querySelectorAll(`[${ATTR.figure}="liquidationPrice"]`)).toHaveLength(2);
    (q(`[${ATTR.action}="details"]`) as HTMLButtonElement).click();
    expect(q(`[${ATTR.details}]`)!.getAttribute(ATTR.details)).toBe('open');
    expect((q(`[${ATTR.details}]`) as HTMLElement).hidden).toBe(false);
    (q(`[${ATTR.action}="details"]`) as HTMLButtonElement).click();
  });

  it('collapsed bar (issue 12): the side nearer liquidation as "Liq 58,850.5 · −9.5 %"; the state is reported and restorable', () => {
    const onCollapsed = vi.fn();
    handle = mountOverlay(document, { onCollapsed });
    handle.setCollapsed(true);
    handle.update(okView());
    expect(q(`[${ATTR.root}]`)!.hasAttribute(ATTR.collapsed)).toBe(true);
    const bars = handle.root.querySelectorAll(`[${ATTR.bar}]`);
    expect(bars).toHaveLength(1);
    expect(bars[0]!.textContent).toMatch(/^Liq [\d,]+\.\d+ · [−+]\d+\.\d %$/);
    expect(bars[0]!.closest(`[${ATTR.compact}]`)!.classList.contains('nearer')).toBe(true);
    (q(`[${ATTR.action}="collapse"]`) as HTMLButtonElement).click();
    expect(onCollapsed).toHaveBeenLastCalledWith(false);
    expect(q(`[${ATTR.root}]`)!.hasAttribute(ATTR.collapsed)).toBe(false);
  });

  it('drag moves the host, clamps to the viewport and reports once', () => {
    const onMoved = vi.fn();
    handle = mountOverlay(document, { onMoved });
    handle.update(okView());
    const grip = q(`[${ATTR.action}="drag"]`)!;
    grip.dispatchEvent(
      new PointerEvent('pointerdown', { button: 0, clientX: 10, clientY: 10, pointerId: 1, bubbles: true }),
    );
    grip.dispatchEvent(new PointerEvent('pointermove', { clientX: 110, clientY: 60, pointerId: 1, bubbles: true }));
    expect(handle.host.style.left).toBe('108px');
    expect(handle.host.style.top).toBe('58px');
    grip.dispatchEvent(
      new PointerEvent('pointermove', { clientX: -5000, clientY: 99999, pointerId: 1, bubbles: true }),
    );
    expect(handle.host.style.left).toBe('8px');
    expect(Number.parseInt(handle.host.style.top, 10)).toBeLessThanOrEqual(window.innerHeight);
    grip.dispatchEvent(new PointerEvent('pointerup', { pointerId: 1, bubbles: true }));
    expect(onMoved).toHaveBeenCalledTimes(1);
    grip.dispatchEvent(new PointerEvent('pointermove', { clientX: 300, clientY: 300, pointerId: 1, bubbles: true }));
    expect(handle.host.style.left).toBe('8px'); // drag over
  });

  it('docks clear of the form and the usual book place beside it, else top-right; a dragged place wins', () => {
    handle = mountOverlay(document);
    handle.update(okView());
    const form = document.createElement('form');
    document.body.append(form);
    vi.spyOn(form, 'getBoundingClientRect').mockReturnValue({
      left: 900,
      top: 120,
      width: 300,
      height: 400,
      right: 1200,
      bottom: 520,
      x: 900,
      y: 120,
      toJSON: () => ({}),
    });
    vi.spyOn(handle.host, 'getBoundingClientRect').mockReturnValue({
      left: 0,
      top: 0,
      width: 260,
      height: 300,
      right: 260,
      bottom: 300,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    });
    handle.place(form);
    expect(handle.host.style.left).toBe('8px'); // not measured yet: nothing forces a layout
    FakeResizeObserver.flush(); // the browser's layout reports the overlay's size
    // No book on the page: the usual book place (BOOK_ALLOWANCE wide) left of the form stays free.
    expect(handle.host.style.left).toBe(`${900 - BOOK_ALLOWANCE - 8 - 260}px`);
    expect(handle.host.style.top).toBe('120px');
    // A book the page labels as such is measured instead.
    const book = document.createElement('section');
    book.setAttribute('aria-label', 'Order book');
    document.body.append(book);
    vi.spyOn(book, 'getBoundingClientRect').mockReturnValue({
      left: 700,
      top: 120,
      width: 196,
      height: 400,
      right: 896,
      bottom: 520,
      x: 700,
      y: 120,
      toJSON: () => ({}),
    });
    handle.place(form);
    expect(handle.host.style.left).toBe(`${700 - 8 - 260}px`);
    handle.place(null);
    expect(handle.host.style.left).toBe(`${window.innerWidth - 260 - 8}px`);
    expect(handle.host.style.top).toBe('8px');
    handle.restore({ x: 40, y: 50 });
    handle.place(form);
    expect(handle.host.style.left).toBe('40px'); // the trader's position wins
    form.remove();
    book.remove();
  });

  it('pending: data-pending="true" and an "updating…" marker, figures kept', () => {
    handle = mountOverlay(document);
    handle.update({ ...okView(), pending: true });
    expect(q(`[${ATTR.root}]`)!.getAttribute(ATTR.pending)).toBe('true');
    expect(q('.pending')!.textContent).toBe('updating…');
    expect(handle.root.querySelectorAll(`[${ATTR.figure}]`).length).toBeGreaterThan(0);
    handle.update(okView());
    expect(q(`[${ATTR.root}]`)!.hasAttribute(ATTR.pending)).toBe(false);
    expect(q('.pending')).toBeNull();
  });

  it('dimmed for a page modal: no pointer events on the host, faded, flagged', () => {
    handle = mountOverlay(document);
    handle.update(okView());
    handle.setDimmed(true);
    expect(handle.host.style.getPropertyValue('pointer-events')).toBe('none');
    expect(handle.host.style.getPropertyPriority('pointer-events')).toBe('important');
    expect(Number(handle.host.style.getPropertyValue('opacity'))).toBeLessThan(1);
    expect(q(`[${ATTR.root}]`)!.hasAttribute(ATTR.dimmed)).toBe(true);
    handle.setDimmed(false);
    expect(handle.host.style.getPropertyValue('pointer-events')).toBe('auto');
    expect(handle.host.style.getPropertyValue('opacity')).toBe('1');
    expect(q(`[${ATTR.root}]`)!.hasAttribute(ATTR.dimmed)).toBe(false);
  });

  it('the panel background is opaque in every theme', () => {
    handle = mountOverlay(document);
    const css = handle.root.querySelector('style')!.textContent!;
    expect(/\.root \{[^}]*\bbackground: var\(--mp-bg\);/.test(css)).toBe(true);
    const backgrounds = [...css.matchAll(/--mp-bg: ([^;]+);/g)].map((m) => m[1]);
    expect(backgrounds.length).toBeGreaterThanOrEqual(2); // light and dark
    for (const b of backgrounds) expect(b).toMatch(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/); // no alpha channel
  });

  it('rendering never forces a layout of the page: sizes come from the ResizeObserver', () => {
    handle = mountOverlay(document);
    const form = document.createElement('form');
    document.body.append(form);
    const rects = [vi.spyOn(handle.host, 'getBoundingClientRect'), vi.spyOn(form, 'getBoundingClientRect')];
    handle.place(form);
    handle.update(okView());
    handle.update(okView(true));
    for (const r of rects) expect(r).not.toHaveBeenCalled();
    FakeResizeObserver.flush(); // after the browser's layout, reading rects costs nothing extra
    expect(rects[1]).toHaveBeenCalled();
    form.remove();
  });

  it('destroy removes the host', () => {
    handle = mountOverlay(document);
    handle.update(okView());
    handle.destroy();
    expect(document.querySelector(`[${HOST_ATTRIBUTE}]`)).toBeNull();
    handle = undefined;
  });
});
