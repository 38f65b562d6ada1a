// @vitest-environment happy-dom
// Issue 12 "Compact and readable", options: saved as you go with a visible "Saved" (a refused
// field stays unsaved and says so, the rest is saved), fee fields showing the base rate in use,
// venue names without glyphs a system font may lack (USDⓈ-M), and "match the page" as the
// default theme.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from '../../src/settings/settings';
import { SAVE_DELAY_MS } from '../../src/ui/options/autosave';
import { Options } from '../../src/ui/options/Options';
import { settingsStore } from '../../src/ui/options/store';
import { VENUES_IN_ORDER, venueName } from '../../src/ui/options/venue-names';
import { FakeStorage } from './fake-storage';

let storage: FakeStorage;
let container: HTMLElement;
let themeTarget: HTMLElement;

beforeEach(() => {
  storage = new FakeStorage();
  container = document.createElement('div');
  themeTarget = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

async function wait(ms: number): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

async function open(stored?: unknown): Promise<void> {
  if (stored !== undefined) storage.syncData.set(SETTINGS_KEY, stored);
  render(<Options store={settingsStore(storage)} download={() => {}} themeTarget={themeTarget} />, container);
  await wait(0);
}
const el = <T extends HTMLElement = HTMLInputElement>(id: string): T => {
  const found = container.querySelector<T>(`#${CSS.escape(id)}`);
  if (!found) throw new Error(`#${id} not on the page`);
  return found;
};
const status = (): string => el('status').textContent ?? '';
const stored = (): Settings => parseSettings(storage.syncData.get(SETTINGS_KEY));
async function type(id: string, value: string): Promise<void> {
  await act(() => {
    const input = el(id);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('options: save as you go', () => {
  it('a typed value is saved after a pause, without a Save click; "Saving…" then "Saved"', async () => {
    await open();
    await type('holdHours', '8');
    expect(el('save-state').textContent).toBe('Saving…');
    await wait(SAVE_DELAY_MS + 50);
    expect(stored().holdHours).toBe('8');
    expect(status()).toBe('Saved');
    expect(el('save-state').textContent).toBe('');
  });

  it('a switch is saved at once', async () => {
    await open();
    await act(() => el('guardEnabled').click());
    await wait(0);
    expect(stored().guardEnabled).toBe(false);
    expect(status()).toBe('Saved');
  });

  it('a refused field stays unsaved and says so, the other changes are saved', async () => {
    await open({ ...DEFAULT_SETTINGS, holdHours: '24' });
    await type('maxLeverage', '20');
    await type('holdHours', 'abc');
    await type('fee-okx-swap-maker', '0.02'); // the taker is missing: the pair stays unsaved
    await wait(SAVE_DELAY_MS + 50);
    expect(stored().maxLeverage).toBe('20');
    expect(stored().holdHours).toBe('24');
    expect(stored().feeTiers).toEqual({});
    expect(el('holdHours').value).toBe('abc'); // the typed text stays to be fixed
    expect(el('holdHours-error').textContent).toBe('Enter a plain number like 5 or 0.5 (not saved)');
    expect(el('fee-okx-swap-taker-error').textContent).toContain('(not saved)');
    expect(status()).toBe('Saved, except 2 field(s) to fix: they keep the value saved before');
    // Fixing it saves it.
    await type('holdHours', '12');
    await wait(SAVE_DELAY_MS + 50);
    expect(stored().holdHours).toBe('12');
  });
});

describe('options: fee fields show the base rate in use', () => {
  it('placeholder and hint from the bundled facts of each venue', async () => {
    await open();
    const taker = el('fee-binance-usdm-taker');
    expect(taker.placeholder).toBe('0.050');
    expect(el('fee-binance-usdm-maker').placeholder).toBe('0.020');
    const hint = el(`${taker.id}-help`);
    expect(hint.textContent).toBe('Empty: the base rate 0.050 % is used');
    expect(taker.getAttribute('aria-describedby')).toContain(`${taker.id}-help`);
    for (const venue of VENUES_IN_ORDER)
      for (const side of ['maker', 'taker'])
        expect(el(`fee-${venue}-${side}`).placeholder, `${venue} ${side}`).toMatch(/^\d+\.\d{3,}$/);
  });
});

describe('options: no missing glyphs', () => {
  // Printable ASCII and Latin-1 / Latin Extended-A letters, middle dot, dashes, quotes, ellipsis:
  // in every system UI font.
  const SAFE = /^[\u0020-\u007E\u00A0-\u017F\u00B7\u2013\u2014\u2018\u2019\u201C\u201D\u2026]*$/;

  it('venue names (switches, fee labels, venue list) use only glyphs every system font has', async () => {
    await open();
    for (const venue of VENUES_IN_ORDER) expect(venueName(venue), venue).toMatch(SAFE);
    expect(venueName('binance-usdm')).toContain('USDS-M');
    const shown = [...container.querySelectorAll('label, legend, summary')].map((n) => n.textContent ?? '');
    expect(shown.some((text) => text.includes('USDS-M'))).toBe(true);
    for (const text of shown) expect(text, text).toMatch(SAFE);
  });
});

describe('options: theme', () => {
  it('"match the page" is the default and offered first', async () => {
    expect(DEFAULT_SETTINGS.theme).toBe('page');
    await open();
    expect(el('theme-page').checked).toBe(true);
    expect(container.querySelector('label[for="theme-page"]')?.textContent).toMatch(/^Match the page/);
    expect(container.querySelector('input[name="theme"]')?.id).toBe('theme-page');
  });
});
