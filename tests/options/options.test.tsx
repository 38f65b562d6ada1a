// @vitest-environment happy-dom
// The options form against an in-memory storage: what it saves, what it refuses, export → import,
// reset, changes made elsewhere, theme, overlay positions, labels.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type Settings } from '../../src/settings/settings';
import { Options } from '../../src/ui/options/Options';
import { EXPORT_FILE_NAME } from '../../src/ui/options/SettingsFile';
import { OVERLAY_POSITION_PREFIX, settingsStore } from '../../src/ui/options/store';
import { FakeStorage } from './fake-storage';

let storage: FakeStorage;
let container: HTMLElement;
let themeTarget: HTMLElement;
let downloads: Array<{ name: string; text: string }>;

beforeEach(() => {
  storage = new FakeStorage();
  container = document.createElement('div');
  themeTarget = document.createElement('div');
  document.body.append(container);
  downloads = [];
});

afterEach(() => {
  render(null, container);
  container.remove();
});

/** Lets promises, storage events and Preact's effects run. */
async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

async function open(stored?: unknown): Promise<void> {
  if (stored !== undefined) storage.syncData.set(SETTINGS_KEY, stored);
  render(
    <Options
      store={settingsStore(storage)}
      download={(name, text) => downloads.push({ name, text })}
      themeTarget={themeTarget}
    />,
    container,
  );
  await settle();
}

const el = <T extends HTMLElement = HTMLInputElement>(id: string): T => {
  const found = container.querySelector<T>(`#${CSS.escape(id)}`);
  if (!found) throw new Error(`#${id} not on the page`);
  return found;
};
const has = (id: string): boolean => container.querySelector(`#${CSS.escape(id)}`) !== null;
const status = (): string => el('status').textContent ?? '';
const stored = (): Settings => parseSettings(storage.syncData.get(SETTINGS_KEY));

async function type(id: string, value: string): Promise<void> {
  await act(() => {
    const input = el(id);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(id: string): Promise<void> {
  await act(() => el(id).click());
  await settle();
}

const save = () => click('save');

describe('options: load and save', () => {
  it('shows the stored settings, fractions as percent', async () => {
    await open({
      ...DEFAULT_SETTINGS,
      minLiquidationDistance: '0.03',
      maxLeverage: '20',
      feeTiers: { 'bybit-linear': { makerFeeRate: '0.0002', takerFeeRate: '0.00055' } },
    });
    expect(el('minLiquidationDistance').value).toBe('3');
    expect(el('maxLeverage').value).toBe('20');
    expect(el('maxLossPercent').value).toBe('');
    expect(el('holdHours').value).toBe('24');
    expect(el('fee-bybit-linear-maker').value).toBe('0.02');
    expect(el('fee-bybit-linear-taker').value).toBe('0.055');
    expect(el('fee-okx-swap-maker').value).toBe('');
    expect(el('guardEnabled').checked).toBe(true);
    expect(el('theme-page').checked).toBe(true);
  });

  it('a corrupt stored value shows the defaults (read through parseSettings)', async () => {
    await open({ minLiquidationDistance: 'lots', maxLeverage: -3, theme: 'neon', guardEnabled: 'yes' });
    expect(el('minLiquidationDistance').value).toBe('5');
    expect(el('maxLeverage').value).toBe('');
    expect(el('guardEnabled').checked).toBe(true);
    expect(el('theme-page').checked).toBe(true);
  });

  it('saves every field, percent typed → fraction stored, and keeps what the popup stored meanwhile', async () => {
    await open();
    await type('minLiquidationDistance', '7.5');
    await type('maxLeverage', '20');
    await type('maxLossPercent', ' 2 ');
    await type('holdHours', '8');
    await type('fee-kraken-margin-maker', '0.16');
    await type('fee-kraken-margin-taker', '0.26');
    await click('overlayEnabled');
    await click('guardEnabled');
    await click('venue-okx-swap');
    await click('theme-dark');
    // The popup writes a balance (on top of what is stored) after the page loaded, before the last save.
    storage.writeElsewhere('sync', SETTINGS_KEY, { ...stored(), accountBalance: { 'kraken-margin': '1000' } });
    await settle();
    await save();
    // Saved as it went (a switch at once), the last write with everything.
    expect(storage.writes.length).toBeGreaterThanOrEqual(1);
    expect(storage.syncData.get(SETTINGS_KEY)).toEqual({
      ...DEFAULT_SETTINGS,
      guardEnabled: false,
      overlayEnabled: false,
      minLiquidationDistance: '0.075',
      maxLeverage: '20',
      maxLossPercent: '2',
      holdHours: '8',
      accountBalance: { 'kraken-margin': '1000' },
      feeTiers: { 'kraken-margin': { makerFeeRate: '0.0016', takerFeeRate: '0.0026' } },
      enabledVenues: { ...DEFAULT_SETTINGS.enabledVenues, 'okx-swap': false },
      theme: 'dark',
    });
    expect(status()).toBe('Saved');
    expect(el('save-state').textContent).toBe('');
  });

  it('empty optional limits are stored as off (null), empty fee pair as the base tier', async () => {
    await open({
      ...DEFAULT_SETTINGS,
      maxLeverage: '10',
      maxLossPercent: '3',
      feeTiers: { hyperliquid: { makerFeeRate: '0.00015', takerFeeRate: '0.00045' } },
    });
    await type('maxLeverage', '');
    await type('maxLossPercent', '');
    await type('fee-hyperliquid-maker', '');
    await type('fee-hyperliquid-taker', '');
    await save();
    expect(stored().maxLeverage).toBeNull();
    expect(stored().maxLossPercent).toBeNull();
    expect(stored().feeTiers).toEqual({});
  });

  it('announces a storage failure and keeps the typed values', async () => {
    await open();
    await type('holdHours', '12');
    storage.failNextSet = new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    await save();
    expect(status()).toBe('Not saved: QUOTA_BYTES_PER_ITEM quota exceeded');
    expect(el('holdHours').value).toBe('12');
    expect(storage.syncData.has(SETTINGS_KEY)).toBe(false);
  });
});

describe('options: invalid input is refused', () => {
  it.each([
    ['minLiquidationDistance', '100', 'Enter a number below 100'],
    ['minLiquidationDistance', '', 'Enter a plain number like 5 or 0.5'],
    ['minLiquidationDistance', '5,5', 'Enter a plain number like 5 or 0.5'],
    ['minLiquidationDistance', '-1', 'Enter a plain number like 5 or 0.5'],
    ['maxLeverage', '0.5', 'Enter 1 or more'],
    ['maxLeverage', '1e2', 'Enter a plain number like 5 or 0.5'],
    ['maxLossPercent', '0', 'Enter a number greater than 0'],
    ['maxLossPercent', '100.01', 'Enter 100 or less'],
    ['holdHours', '8761', 'Enter 8760 or less'],
    ['holdHours', '0x10', 'Enter a plain number like 5 or 0.5'],
    ['fee-bybit-linear-maker', '1', 'Enter a number below 1'],
    ['fee-bybit-linear-maker', '0.0000000000001', 'Enter a plain number like 5 or 0.5'],
  ])('%s = "%s": %s, nothing saved', async (id, value, message) => {
    await open();
    await type(id, value);
    if (id.startsWith('fee-')) await type(id.replace('maker', 'taker'), '0.05');
    await save();
    expect(storage.writes).toEqual([]);
    const input = el(id);
    const error = el(`${id}-error`);
    expect(error.textContent).toBe(`${message} (not saved)`);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(`${id}-error`);
    expect(document.activeElement).toBe(input);
    expect(status()).toBe('Not saved: 1 field(s) need a fix');
  });

  it('one fee of a pair asks for the other; several errors are all shown, focus on the first', async () => {
    await open();
    await type('holdHours', 'abc');
    await type('fee-okx-swap-taker', '0.05');
    await save();
    expect(el('fee-okx-swap-maker-error').textContent).toBe('Enter both fees, or leave both empty (not saved)');
    expect(has('fee-okx-swap-taker-error')).toBe(false);
    expect(el('holdHours-error').textContent).toBe('Enter a plain number like 5 or 0.5 (not saved)');
    expect(document.activeElement).toBe(el('holdHours'));
    expect(status()).toBe('Not saved: 2 field(s) need a fix');
    expect(storage.writes).toEqual([]);
  });

  it('editing a refused field clears its error; fixing it saves', async () => {
    await open();
    await type('maxLeverage', 'ten');
    await save();
    expect(has('maxLeverage-error')).toBe(true);
    await type('maxLeverage', '10');
    expect(has('maxLeverage-error')).toBe(false);
    expect(el('maxLeverage').getAttribute('aria-invalid')).toBeNull();
    await save();
    expect(stored().maxLeverage).toBe('10');
  });
});

describe('options: export, import, reset', () => {
  async function importText(text: string): Promise<void> {
    const input = el('import-file');
    const file = new File([text], 'settings.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await settle();
  }

  it('export → reset → import restores the same settings', async () => {
    const mine: Settings = {
      ...DEFAULT_SETTINGS,
      minLiquidationDistance: '0.08',
      maxLeverage: '15',
      maxLossPercent: '1.5',
      holdHours: '72',
      accountBalance: { 'bybit-linear': '2500' },
      feeTiers: { 'binance-usdm': { makerFeeRate: '0.00018', takerFeeRate: '0.00045' } },
      enabledVenues: { ...DEFAULT_SETTINGS.enabledVenues, hyperliquid: false },
      theme: 'light',
    };
    await open(mine);
    await click('export');
    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.name).toBe(EXPORT_FILE_NAME);
    expect(status()).toBe('Settings exported');

    await click('reset');
    await click('reset-yes');
    expect(stored()).toEqual(DEFAULT_SETTINGS);
    expect(el('minLiquidationDistance').value).toBe('5');

    await importText(downloads[0]?.text ?? '');
    expect(status()).toBe('Settings imported and saved');
    expect(storage.syncData.get(SETTINGS_KEY)).toEqual(mine);
    expect(el('minLiquidationDistance').value).toBe('8');
    expect(el('theme-light').checked).toBe(true);
  });

  it.each([
    ['not JSON', '{oops', 'The file is not JSON'],
    ['some other JSON', '{"a":1}', 'Not a Margin Preflight settings file'],
    [
      'an invalid value',
      JSON.stringify({ format: 'margin-preflight-settings', version: 1, settings: { maxLeverage: '0' } }),
      'Not imported: "maxLeverage" is not valid',
    ],
    // Own-property checks (issue 9): names every object inherits are not settings.
    [
      'a "__proto__" key',
      '{"format":"margin-preflight-settings","version":1,"settings":{"__proto__":{"guardEnabled":false}}}',
      'Not imported: unknown setting "__proto__"',
    ],
    [
      'a "toString" key',
      '{"format":"margin-preflight-settings","version":1,"settings":{"toString":"x"}}',
      'Not imported: unknown setting "toString"',
    ],
  ])('an import of %s changes nothing and says why', async (_what, text, reason) => {
    await open({ ...DEFAULT_SETTINGS, holdHours: '10' });
    await type('holdHours', '11');
    await importText(text);
    expect(status()).toBe(`Not imported, nothing changed: ${reason}`);
    expect(storage.writes).toEqual([]);
    expect(stored().holdHours).toBe('10');
    expect(el('holdHours').value).toBe('11');
  });

  it('reset asks inside the page first; Cancel (focused) and Escape leave everything as it was', async () => {
    await open({ ...DEFAULT_SETTINGS, maxLeverage: '5' });
    expect(has('reset-confirm')).toBe(false);
    await click('reset');
    expect(el('reset-confirm').textContent).toContain('Reset every setting to its default?');
    expect(el('reset').getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(el('reset-no'));
    await click('reset-no');
    expect(has('reset-confirm')).toBe(false);
    expect(document.activeElement).toBe(el('reset'));

    await click('reset');
    await act(() => void el('reset-no').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await settle();
    expect(has('reset-confirm')).toBe(false);
    expect(storage.writes).toEqual([]);
    expect(stored().maxLeverage).toBe('5');

    await click('reset');
    await click('reset-yes');
    expect(storage.syncData.get(SETTINGS_KEY)).toEqual(DEFAULT_SETTINGS);
    expect(status()).toBe('Settings reset to defaults');
    expect(el('maxLeverage').value).toBe('');
  });
});

describe('options: changes elsewhere, theme, overlay positions', () => {
  it('a change made elsewhere shows at once, without overwriting a field being edited', async () => {
    await open();
    await type('maxLeverage', '12');
    storage.writeElsewhere('sync', SETTINGS_KEY, {
      ...DEFAULT_SETTINGS,
      minLiquidationDistance: '0.1',
      maxLeverage: '50',
      guardEnabled: false,
    });
    await settle();
    expect(el('minLiquidationDistance').value).toBe('10');
    expect(el('guardEnabled').checked).toBe(false);
    expect(el('maxLeverage').value).toBe('12');
    expect(status()).toBe('Settings were changed elsewhere; the form shows them now');
    await save();
    expect(stored()).toMatchObject({ minLiquidationDistance: '0.1', maxLeverage: '12', guardEnabled: false });
  });

  it('its own save is not announced as a change from elsewhere', async () => {
    await open();
    await type('holdHours', '6');
    await save();
    await settle();
    expect(status()).toBe('Saved');
  });

  it('the theme applies to the page as soon as it is chosen, and follows a stored change', async () => {
    await open({ ...DEFAULT_SETTINGS, theme: 'light' });
    expect(themeTarget.getAttribute('data-theme')).toBe('light');
    await click('theme-dark');
    expect(themeTarget.getAttribute('data-theme')).toBe('dark');
    expect(stored().theme).toBe('dark'); // saved as chosen
    await click('theme-system');
    await save();
    expect(stored().theme).toBe('system');
    storage.writeElsewhere('sync', SETTINGS_KEY, { ...DEFAULT_SETTINGS, theme: 'dark' });
    await settle();
    expect(themeTarget.getAttribute('data-theme')).toBe('dark');
  });

  it('"Reset overlay positions" forgets every venue\'s overlay position and nothing else', async () => {
    storage.localData.set(`${OVERLAY_POSITION_PREFIX}kraken-margin`, { x: 10, y: 20 });
    storage.localData.set(`${OVERLAY_POSITION_PREFIX}okx-swap`, { x: 1, y: 2 });
    storage.localData.set('marketCache', { keep: true });
    await open();
    await click('reset-positions');
    expect([...storage.localData.keys()]).toEqual(['marketCache']);
    expect(status()).toContain('Overlay positions reset');
    expect(storage.writes).toEqual([]);
  });

  it('the position prefix is the one the content script stores under', () => {
    const session = readFileSync(path.join(process.cwd(), 'src/content/overlay-drawer.ts'), 'utf8');
    expect(session).toContain(`\`${OVERLAY_POSITION_PREFIX}\${venue}\``);
  });
});

describe('options: accessibility', () => {
  it('every input has a label, every button a name, and the status line is polite', async () => {
    await open();
    const inputs = [...container.querySelectorAll('input')];
    expect(inputs.length).toBeGreaterThan(20);
    for (const input of inputs) {
      const label = container.querySelector(`label[for="${CSS.escape(input.id)}"]`);
      expect(label?.textContent?.trim(), input.id).toBeTruthy();
    }
    for (const button of container.querySelectorAll('button')) expect(button.textContent?.trim()).toBeTruthy();
    expect(el('status').getAttribute('aria-live')).toBe('polite');
    expect(el('status').getAttribute('role')).toBe('status');
    expect(el('minLiquidationDistance').getAttribute('aria-describedby')).toBe('minLiquidationDistance-help');
  });

  it('the venue switches say the permission decision: access is part of the installation', async () => {
    await open();
    expect(el('venues-help').textContent).toContain('switching a venue on asks for nothing');
    expect(container.querySelector('label[for="venue-kraken-margin"]')?.textContent).toMatch(/^Run on Kraken/);
  });
});
