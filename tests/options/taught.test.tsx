// @vitest-environment happy-dom
// "Fields you pointed at" on the options page against an in-memory storage: the taught pages
// listed (venue, page generation, fields, date), a bad stored entry dropped, Forget per page and
// Forget all written to storage.local, and pages taught elsewhere shown at once.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseTaught, TAUGHT_KEY, type TaughtPage } from '../../src/settings/taught';
import { Options } from '../../src/ui/options/Options';
import { settingsStore } from '../../src/ui/options/store';
import { taughtStore } from '../../src/ui/options/taught-store';
import { FakeStorage } from './fake-storage';

const BYBIT: TaughtPage = {
  venue: 'bybit-linear',
  page: 'en /trade/usdt/*',
  taughtAt: Date.UTC(2026, 11, 7, 21, 30),
  locators: { price: { by: 'id', id: 'order-price' }, size: { by: 'aria', tag: 'input', label: 'Quantity' } },
};
const OKX: TaughtPage = {
  venue: 'okx-swap',
  page: 'ru /ru/trade-swap/*',
  taughtAt: Date.UTC(2026, 11, 6, 9, 5),
  locators: { price: { by: 'label', tag: 'input', label: 'Цена' } },
};

let storage: FakeStorage;
let container: HTMLElement;

beforeEach(() => {
  storage = new FakeStorage();
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

async function settle(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

async function open(stored?: unknown): Promise<void> {
  if (stored !== undefined) storage.localData.set(TAUGHT_KEY, stored);
  render(
    <Options
      store={settingsStore(storage)}
      taught={taughtStore(storage)}
      download={() => undefined}
      themeTarget={document.createElement('div')}
    />,
    container,
  );
  await settle();
}

const entries = () => [...container.querySelectorAll<HTMLElement>('li.taught')];
const shown = () => entries().map((li) => `${li.dataset.venue} ${li.dataset.page}`);
const status = () => container.querySelector('#status')!.textContent;
const stored = () => parseTaught(storage.localData.get(TAUGHT_KEY));

async function click(el: HTMLElement): Promise<void> {
  await act(() => el.click());
  await settle();
}

describe('options: fields you pointed at', () => {
  it('lists each taught page with its venue, page generation, fields and date', async () => {
    await open([BYBIT, OKX]);
    expect(container.querySelector('#taught-title')!.textContent).toBe('Fields you pointed at');
    expect(shown()).toEqual(['bybit-linear en /trade/usdt/*', 'okx-swap ru /ru/trade-swap/*']);
    const text = entries()[0]!.textContent!;
    expect(text).toContain('Bybit');
    expect(text).toContain('en /trade/usdt/*');
    expect(text).toContain('Fields: price, size');
    expect(text).toContain('2026');
    expect(entries()[1]!.querySelector('button')!.getAttribute('aria-label')).toMatch(
      /^Forget .*OKX.*ru \/ru\/trade-swap\/\*$/,
    );
  });

  it('says when there are none, and drops a malformed stored entry without losing the others', async () => {
    await open([{ ...BYBIT, venue: 'evil-exchange' }, OKX, { page: 'x' }]);
    expect(shown()).toEqual(['okx-swap ru /ru/trade-swap/*']);
    render(null, container);
    storage.localData.delete(TAUGHT_KEY);
    await open();
    expect(entries()).toEqual([]);
    expect(container.querySelector('#taught-none')).not.toBeNull();
    expect(container.querySelector('#forget-all-taught')).toBeNull();
  });

  it('forgets one page, keeping the others, and says so', async () => {
    await open([BYBIT, OKX]);
    await click(entries()[0]!.querySelector('button')!);
    expect(stored()).toEqual([OKX]);
    expect(shown()).toEqual(['okx-swap ru /ru/trade-swap/*']);
    expect(status()).toContain('en /trade/usdt/*');
    await click(entries()[0]!.querySelector('button')!);
    expect(storage.localData.has(TAUGHT_KEY)).toBe(false);
    expect(container.querySelector('#taught-none')).not.toBeNull();
  });

  it('forgets all at once, leaving the rest of storage.local alone', async () => {
    storage.localData.set('overlayPosition.bybit-linear', { x: 10, y: 20 });
    await open([BYBIT, OKX]);
    await click(container.querySelector<HTMLElement>('#forget-all-taught')!);
    expect(storage.localData.has(TAUGHT_KEY)).toBe(false);
    expect(storage.localData.get('overlayPosition.bybit-linear')).toEqual({ x: 10, y: 20 });
    expect(entries()).toEqual([]);
    expect(status()).toBe('Forgotten: the fields you pointed at on 2 pages.');
  });

  it('forgets from the list as stored now: a page taught meanwhile stays', async () => {
    await open([BYBIT]);
    storage.localData.set(TAUGHT_KEY, [OKX, BYBIT]); // taught in a tab, its change event not yet here
    await click(entries()[0]!.querySelector('button')!);
    expect(stored()).toEqual([OKX]);
  });

  it('shows a page taught in another tab at once', async () => {
    await open([BYBIT]);
    await act(() => storage.writeElsewhere('local', TAUGHT_KEY, [OKX, BYBIT]));
    await settle();
    expect(shown()).toEqual(['okx-swap ru /ru/trade-swap/*', 'bybit-linear en /trade/usdt/*']);
  });
});
