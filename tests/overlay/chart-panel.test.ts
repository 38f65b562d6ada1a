// @vitest-environment happy-dom
// The overlay's chart panel, live region and theme, mounted as in the page: a native button
// (keyboard-operable by the platform) with aria-expanded/aria-controls, Escape to close, the
// open state kept per venue, announcements debounced, the user's theme on the root.
import { pageScheme } from '../../src/ui/theme';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Settings } from '../../src/settings/settings';
import { ATTR } from '../../src/ui/overlay/contract';
import { ANNOUNCE_DELAY_MS, mountOverlay, type OverlayHandle } from '../../src/ui/overlay/mount';
import { buildView } from '../../src/ui/overlay/view-model';
import type { OrderForm } from '../../src/venues/types';
import { binanceForm, krakenForm, marketOf, NOW, ok, settings, snapshot, wireQuotes } from '../content/fixtures';
import { FakeResizeObserver } from './fake-resize-observer';

let handle: OverlayHandle | undefined;
beforeEach(() => {
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
});
afterEach(() => {
  // Leave the panel closed for the next test: its state lives for the page, per venue.
  for (const v of [binanceView(), krakenView()]) {
    handle?.update(v);
    if (button()?.getAttribute('aria-expanded') === 'true') button()!.click();
  }
  handle?.destroy();
  handle = undefined;
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function binanceView(form: OrderForm = binanceForm({ stopLoss: '62000' }), s: Settings = settings()) {
  const snap = snapshot('65010.2');
  return buildView({
    reading: ok(form),
    quotes: wireQuotes(form, snap, s),
    market: marketOf(snap),
    settings: s,
    now: NOW,
    pending: false,
    guard: null,
  });
}

function krakenView() {
  const form = krakenForm();
  const s = settings({ accountBalance: { 'kraken-margin': '10000' } });
  return buildView({
    reading: ok(form),
    quotes: wireQuotes(form, null, s),
    market: null,
    settings: s,
    now: NOW,
    pending: false,
    guard: null,
  });
}

const q = (sel: string) => handle!.root.querySelector(sel);
const button = () => (handle ? (q(`[${ATTR.action}="chart"]`) as HTMLButtonElement | null) : null);
const panel = () => q(`[${ATTR.chart}]`)!;

describe('chart panel', () => {
  it('closed by default: a focusable native button that says what it controls', () => {
    handle = mountOverlay(document);
    handle.update(binanceView());
    const b = button()!;
    expect(b.tagName).toBe('BUTTON');
    expect(b.type).toBe('button');
    expect(b.tabIndex).toBe(0);
    expect(b.getAttribute('aria-expanded')).toBe('false');
    expect(b.textContent).toBe('Show profit and loss chart');
    const controlled = handle.root.getElementById(b.getAttribute('aria-controls')!)!;
    expect(controlled).not.toBeNull();
    expect(controlled.hidden).toBe(true);
    expect(controlled.querySelector('svg')).toBeNull(); // nothing drawn while closed
    expect(panel().getAttribute(ATTR.chart)).toBe('closed');
    b.focus();
    expect(handle.root.activeElement).toBe(b);
  });

  it('activating the button opens one chart per side with the column’s prices; Escape closes and keeps focus on the button', () => {
    handle = mountOverlay(document);
    const view = binanceView();
    handle.update(view);
    const b = button()!;
    b.focus();
    b.click(); // what Enter or Space on a focused button does
    expect(b.getAttribute('aria-expanded')).toBe('true');
    expect(b.textContent).toBe('Hide profit and loss chart');
    expect(panel().getAttribute(ATTR.chart)).toBe('open');
    const charts = [...handle.root.querySelectorAll(`[${ATTR.chartSide}]`)];
    expect(charts.map((c) => c.getAttribute(ATTR.chartSide))).toEqual(['long', 'short']);
    for (const c of charts) {
      const side = c.getAttribute(ATTR.chartSide)!;
      const liq = c.querySelector(`svg [${ATTR.marker}="liquidation"]`)!;
      expect(liq.getAttribute(ATTR.value)).toBe(
        q(`[${ATTR.side}="${side}"] [${ATTR.figure}="liquidationPrice"]`)!.getAttribute(ATTR.value),
      );
      expect(c.querySelector(`svg [${ATTR.marker}="entry"]`)!.getAttribute(ATTR.value)).toBe('65000');
      expect(c.querySelector(`svg [${ATTR.marker}="stop"]`)!.getAttribute(ATTR.value)).toBe('62000');
      expect(c.querySelector('svg title')!.textContent).toMatch(
        /^Profit and loss by exit price — (Long \/ Buy|Short \/ Sell)$/,
      );
    }
    // The side columns stay the only [data-side] elements (the e2e harness walks them).
    expect([...handle.root.querySelectorAll(`[${ATTR.side}]`)].map((e) => e.getAttribute(ATTR.side))).toEqual([
      'long',
      'short',
    ]);

    const inside = handle.root.querySelector(`[${ATTR.chartSide}="long"]`)!;
    const escape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    inside.dispatchEvent(escape);
    expect(escape.defaultPrevented).toBe(true);
    expect(button()!.getAttribute('aria-expanded')).toBe('false');
    expect(panel().getAttribute(ATTR.chart)).toBe('closed');
    expect(handle.root.activeElement).toBe(button());
    // Other keys inside the panel do nothing.
    button()!.click();
    const other = new KeyboardEvent('keydown', { key: 'a', bubbles: true, cancelable: true });
    handle.root.querySelector(`[${ATTR.chartSide}="long"]`)!.dispatchEvent(other);
    expect(other.defaultPrevented).toBe(false);
    expect(button()!.getAttribute('aria-expanded')).toBe('true');
  });

  it('the screen-reader table reads money at money precision and prices at the tick (issue 12 #10)', () => {
    handle = mountOverlay(document);
    handle.update(binanceView());
    button()!.click();
    const rows = [...handle.root.querySelectorAll(`[${ATTR.chartSide}="long"] tbody tr`)];
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      const [price, pnl] = [...row.querySelectorAll('td')].map((td) => td.textContent ?? '');
      expect(price).toMatch(/^[\d,]+(\.\d+)? USDT$/);
      // Cents, or three significant digits of a sub-unit amount, never the engine's full precision.
      expect(pnl).toMatch(/^−?[\d,]+\.\d{2,8} USDT$/);
    }
    // At the break-even price the exact PnL is a residue of the engine's precision: it reads as zero.
    const breakEven = rows.find((r) => r.getAttribute('data-row') === 'breakEven')!;
    expect(breakEven.querySelector('td:last-child')!.getAttribute(ATTR.value)).toMatch(/^-?0\.0{20,}\d+$/);
    expect(breakEven.querySelector('td:last-child')!.textContent).toBe('0.00 USDT');
    const desc = handle.root.querySelector(`[${ATTR.chartSide}="long"] svg desc`)!.textContent!;
    expect(desc).not.toMatch(/0{9,}/);
  });

  it('the open state is kept per venue, across updates and a new overlay', () => {
    handle = mountOverlay(document);
    handle.update(binanceView());
    button()!.click();
    handle.update(binanceView(binanceForm({ leverage: '20' })));
    expect(button()!.getAttribute('aria-expanded')).toBe('true');
    handle.update(krakenView());
    expect(button()!.getAttribute('aria-expanded')).toBe('false');
    handle.destroy();
    handle = mountOverlay(document);
    handle.update(binanceView());
    expect(button()!.getAttribute('aria-expanded')).toBe('true');
  });

  it('no chart panel without figures', () => {
    handle = mountOverlay(document);
    const form = binanceForm({ type: 'market', price: null });
    handle.update(
      buildView({
        reading: ok(form),
        quotes: wireQuotes(form, null, settings()),
        market: null,
        settings: settings(),
        now: NOW,
        pending: false,
        guard: null,
      }),
    );
    expect(button()).toBeNull();
    expect(q(`[${ATTR.chart}]`)).toBeNull();
  });
});

describe('live region', () => {
  it('announces liquidation price and distance once they settle, not on every update', () => {
    vi.useFakeTimers();
    handle = mountOverlay(document);
    const live = () => q(`[${ATTR.live}]`)!;
    handle.update(binanceView());
    expect(live().getAttribute('aria-live')).toBe('polite');
    expect(live().textContent).toBe('');
    vi.advanceTimersByTime(ANNOUNCE_DELAY_MS - 1);
    expect(live().textContent).toBe('');
    vi.advanceTimersByTime(1);
    const first = binanceView().announcement;
    expect(live().textContent).toBe(first);
    expect(first).toMatch(/^Long \/ Buy: Liquidation price .+ USDT, Distance to liquidation .+ %\. Short \/ Sell: /);

    // Typing 2, 25, 5: three updates in quick succession, one announcement of the last.
    for (const leverage of ['2', '25', '5']) {
      handle.update(binanceView(binanceForm({ stopLoss: '62000', leverage })));
      vi.advanceTimersByTime(300);
    }
    expect(live().textContent).toBe(first);
    vi.advanceTimersByTime(ANNOUNCE_DELAY_MS);
    expect(live().textContent).toBe(binanceView(binanceForm({ stopLoss: '62000', leverage: '5' })).announcement);

    // The same figures again (a mark tick that changes nothing shown): nothing new to say.
    const said = live().textContent;
    handle.update(binanceView(binanceForm({ stopLoss: '62000', leverage: '5' })));
    vi.advanceTimersByTime(ANNOUNCE_DELAY_MS * 2);
    expect(live().textContent).toBe(said);
  });

  it('keeps announcing while the overlay is collapsed', () => {
    vi.useFakeTimers();
    handle = mountOverlay(document);
    handle.update(binanceView());
    (q(`[${ATTR.action}="collapse"]`) as HTMLButtonElement).click();
    vi.advanceTimersByTime(ANNOUNCE_DELAY_MS);
    const live = q(`[${ATTR.live}]`)!;
    expect(live.closest('.body')).toBeNull();
    expect(live.textContent).not.toBe('');
  });
});

describe('theme', () => {
  it('the user’s theme on the overlay root, following settings changes', () => {
    handle = mountOverlay(document);
    handle.update(binanceView(undefined, settings({ theme: 'dark' })));
    expect(q(`[${ATTR.root}]`)!.getAttribute('data-theme')).toBe('dark');
    handle.update(binanceView(undefined, settings({ theme: 'light' })));
    expect(q(`[${ATTR.root}]`)!.getAttribute('data-theme')).toBe('light');
    handle.update(binanceView(undefined, settings({ theme: 'system' })));
    expect(q(`[${ATTR.root}]`)!.getAttribute('data-theme')).toBe('system');
    // The default "match the page" (issue 12): light or dark by this page's own background.
    handle.update(binanceView());
    expect(q(`[${ATTR.root}]`)!.getAttribute('data-theme')).toBe(pageScheme(document));
  });
});
