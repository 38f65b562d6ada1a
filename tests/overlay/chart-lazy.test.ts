// @vitest-environment happy-dom
// Issue 15: the chart model is built only while its panel is open. With the panel closed (the
// usual case) a quote and its render build no chart; opening builds one per side, once per quote.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chartFromQuote } from '../../src/ui/chart/from-quote';
import { ATTR } from '../../src/ui/overlay/contract';
import { mountOverlay, type OverlayHandle } from '../../src/ui/overlay/mount';
import { buildView } from '../../src/ui/overlay/view-model';
import { binanceForm, marketOf, NOW, ok, settings, snapshot, wireQuotes } from '../content/fixtures';
import { FakeResizeObserver } from './fake-resize-observer';

// The real chartFromQuote, counted.
vi.mock('../../src/ui/chart/from-quote', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/ui/chart/from-quote')>();
  return { ...real, chartFromQuote: vi.fn(real.chartFromQuote) };
});
const built = vi.mocked(chartFromQuote);

let handle: OverlayHandle | undefined;
beforeEach(() => {
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  built.mockClear();
});
afterEach(() => {
  // The open state lives for the page, per venue: leave it closed for the next test.
  const button = handle?.root.querySelector<HTMLButtonElement>(`[${ATTR.action}="chart"]`);
  if (button?.getAttribute('aria-expanded') === 'true') button.click();
  handle?.destroy();
  handle = undefined;
  vi.unstubAllGlobals();
});

function view(price = '65000') {
  const form = binanceForm({ price, stopLoss: '62000' }); // two sides: long and short
  const snap = snapshot('65010.2');
  const s = settings();
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

const chartButton = () => handle!.root.querySelector<HTMLButtonElement>(`[${ATTR.action}="chart"]`)!;
const svgs = () => handle!.root.querySelectorAll(`[${ATTR.chart}] svg`).length;

describe('the chart model, only while its panel is open', () => {
  it('closed: quotes, keystrokes and renders build no chart', () => {
    handle = mountOverlay(document);
    for (const price of ['65000', '65001', '65002']) handle.update(view(price));
    expect(chartButton().getAttribute('aria-expanded')).toBe('false');
    expect(built).not.toHaveBeenCalled();
  });

  it('opened: one chart per side, built once per quote however often it draws; closed again: none', () => {
    handle = mountOverlay(document);
    const first = view();
    handle.update(first);
    expect(built).not.toHaveBeenCalled();
    chartButton().click();
    expect(svgs()).toBe(2);
    expect(built).toHaveBeenCalledTimes(2);
    handle.update(first); // the same quote drawn again (an announcement, a toggle)
    expect(built).toHaveBeenCalledTimes(2);
    handle.update(view('65001')); // a new quote while open: its two charts
    expect(built).toHaveBeenCalledTimes(4);
    chartButton().click();
    handle.update(view('65002'));
    expect(svgs()).toBe(0);
    expect(built).toHaveBeenCalledTimes(4);
  });

  it('a column’s chart, once read, is kept: the same object on every read', () => {
    const v = view();
    const chart = v.columns[0]!.chart!;
    expect(v.columns[0]!.chart).toBe(chart); // built once, kept
    expect(chart.entry).toBe('65000');
    expect(chart.markers.map((m) => m.kind)).toContain('stop');
  });
});
