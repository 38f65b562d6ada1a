// @vitest-environment happy-dom
// Issue 15: the first Intl formatter of a page starts ICU (~25 ms per page load). An English
// overlay draws its first figures without any Intl (plain separators); another language makes its
// formatter on first use, once. Figures are the same either way (tests/overlay/format.test.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetUiLocaleForTests } from '../../src/ui/i18n';
import { formatFixed, toDecimal } from '../../src/ui/overlay/format';
import { mountOverlay, type OverlayHandle } from '../../src/ui/overlay/mount';
import { buildView } from '../../src/ui/overlay/view-model';
import { binanceForm, marketOf, NOW, ok, settings, snapshot, wireQuotes } from '../content/fixtures';
import { englishI18n } from '../helpers/i18n-en';
import { FakeResizeObserver } from './fake-resize-observer';

const g = globalThis as { chrome?: unknown };
let handle: OverlayHandle | undefined;

/** What of Intl (any member) and the locale-aware built-ins our code uses from now on, by name. */
function watchIntl(): () => string[] {
  const used: string[] = [];
  vi.stubGlobal(
    'Intl',
    new Proxy(Intl, {
      get(target, name, receiver) {
        used.push(`Intl.${String(name)}`);
        return Reflect.get(target, name, receiver) as unknown;
      },
    }),
  );
  const spies = [
    vi.spyOn(Number.prototype, 'toLocaleString'),
    vi.spyOn(Date.prototype, 'toLocaleString'),
    vi.spyOn(Date.prototype, 'toLocaleDateString'),
    vi.spyOn(Date.prototype, 'toLocaleTimeString'),
    vi.spyOn(String.prototype, 'localeCompare'),
  ];
  return () => [...used, ...spies.filter((s) => s.mock.calls.length > 0).map((s) => s.getMockName())];
}

/** The UI language the browser answers (chrome.i18n.getUILanguage), as the content script asks it. */
function uiLanguage(tag: string): void {
  g.chrome = { i18n: { ...englishI18n, getUILanguage: () => tag } };
  resetUiLocaleForTests();
}

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
});
afterEach(() => {
  handle?.destroy();
  handle = undefined;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  g.chrome = { i18n: englishI18n };
  resetUiLocaleForTests();
});

function firstView() {
  const form = binanceForm({ stopLoss: '62000', takeProfit: '70000' });
  const snap = snapshot('65010.2');
  const s = settings();
  const quotes = wireQuotes(form, snap, s); // the background's work, not the page's
  return () =>
    buildView({
      reading: ok(form),
      quotes,
      market: marketOf(snap),
      settings: s,
      now: NOW,
      pending: false,
      guard: null,
    });
}

const figureTexts = (h: OverlayHandle): string[] =>
  [...h.root.querySelectorAll('dd')].map((el) => el.textContent ?? '').filter((text) => text !== '');

describe('no Intl on the load path', () => {
  it.each(['en-US', 'en-GB', 'en'])('an English overlay (%s) draws its first figures without Intl', (tag) => {
    uiLanguage(tag);
    const view = firstView();
    const used = watchIntl();
    handle = mountOverlay(document);
    handle.update(view());
    expect(figureTexts(handle).length).toBeGreaterThan(5);
    // Grouped as before (tests/overlay/format.test.ts holds every English figure), by plain separators.
    expect(figureTexts(handle).join(' ')).toMatch(/\b\d{2},\d{3}\.\d{2} USDT\b/);
    expect(used()).toEqual([]);
  });

  it('German: one NumberFormat, made on the first figure, not at load; the same separators as before', () => {
    uiLanguage('de');
    const view = firstView();
    const used = watchIntl();
    handle = mountOverlay(document);
    expect(used()).toEqual([]);
    handle.update(view());
    handle.update(view());
    expect(used()).toEqual(['Intl.NumberFormat']);
    expect(figureTexts(handle).join(' ')).toMatch(/\b\d{2}\.\d{3},\d{2} USDT\b/);
  });
});

describe('the plain English separators are what Intl says for those tags', () => {
  // Without Intl for the tags the overlay writes plainly, with it for English variants that differ.
  it.each(['en', 'en-US', 'en-GB', 'en-AU', 'en-CA', 'en-NZ', 'en-IE', 'EN-us', 'en-IN', 'en-ZA', 'en-CH', 'en-DE'])(
    '%s',
    (tag) => {
      for (const text of ['1234567.5', '1234.5', '123.5', '-98765432.1']) {
        const value = toDecimal(text)!;
        // Intl itself is the reference; these values are exact as floats.
        const expected = new Intl.NumberFormat(tag, {
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
          numberingSystem: 'latn',
        })
          .format(Number(text))
          .replace('-', '\u2212');
        expect(formatFixed(value, 1, false, tag), text).toBe(expected);
      }
    },
  );
});
