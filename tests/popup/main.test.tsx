// @vitest-environment happy-dom
// The popup page wired to a fake `browser`: it asks the background for the tab's order, keeps
// what is typed in storage.local, stores a balance in the settings on request, and follows
// settings changed elsewhere (theme) at once.
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from '../../src/settings/settings';
import { CALCULATOR_KEY } from '../../src/ui/popup/storage';
import { SAMPLE_ORDERS } from './orders';

const fake = vi.hoisted(() => {
  const state = {
    sync: new Map<string, unknown>(),
    local: new Map<string, unknown>(),
    listeners: new Set<(changes: Record<string, { newValue?: unknown }>, area: string) => void>(),
    sent: [] as unknown[],
    reply: null as unknown,
    /** The answer to the page actions' requests (popup→bg:page-…). */
    pageReply: (_message: { type: string }): unknown => undefined,
    optionsOpened: 0,
  };
  const area = (map: Map<string, unknown>, name: string) => ({
    get: async (key: string) => (map.has(key) ? { [key]: structuredClone(map.get(key)) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(items)) {
        map.set(k, structuredClone(v));
        for (const l of state.listeners) l({ [k]: { newValue: structuredClone(v) } }, name);
      }
    },
  });
  const browser = {
    storage: {
      sync: area(state.sync, 'sync'),
      local: area(state.local, 'local'),
      onChanged: {
        addListener: (l: never) => state.listeners.add(l),
        removeListener: (l: never) => state.listeners.delete(l),
      },
    },
    tabs: { query: async () => [{ id: 7 }] },
    runtime: {
      sendMessage: async (m: { type: string }) => {
        state.sent.push(m);
        return m.type.startsWith('popup→bg:page-') ? state.pageReply(m) : state.reply;
      },
      openOptionsPage: async () => {
        state.optionsOpened++;
      },
    },
  };
  return { state, browser };
});

vi.mock('webextension-polyfill', () => ({ default: fake.browser }));

const { mount } = await import('../../src/ui/popup/main');

let root: HTMLElement;
beforeEach(() => {
  fake.state.sync.clear();
  fake.state.local.clear();
  fake.state.sent.length = 0;
  fake.state.reply = null;
  fake.state.pageReply = () => undefined;
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => root.remove());

const settle = () =>
  act(async () => {
    for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
  });
const q = <T extends HTMLElement = HTMLInputElement>(s: string) => root.querySelector<T>(s)!;

async function start(): Promise<void> {
  await act(async () => {
    await mount(root);
  });
  await settle();
}

describe('popup page', () => {
  it('opens on the tab’s order from the background', async () => {
    const sample = SAMPLE_ORDERS[1]!;
    fake.state.reply = {
      type: 'bg→popup:current-order',
      order: {
        venue: sample.form.venue,
        symbol: sample.form.symbol,
        form: sample.form,
        snapshot: sample.snapshot,
        sides: [],
      },
    };
    await start();
    expect(fake.state.sent.filter((m: any) => m.type === 'popup→bg:current-order')).toEqual([
      { type: 'popup→bg:current-order', tabId: 7 },
    ]);
    expect(q('main').getAttribute('data-source')).toBe('page');
    expect(q('#price').value).toBe('65000');
    // A constructed stylesheet, not a <style> element: the page's CSP (default-src 'self') refuses inline styles.
    expect(document.head.querySelector('style')).toBeNull();
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect([...document.adoptedStyleSheets[0]!.cssRules].map((rule) => rule.cssText).join('\n')).toContain(
      '--mp-focus',
    );
  });

  it('keeps what is typed in storage.local and reopens on it', async () => {
    await start();
    expect(q('main').getAttribute('data-source')).toBe('example');
    await act(() => {
      q('#leverage').value = '17';
      q('#leverage').dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle();
    expect((fake.state.local.get(CALCULATOR_KEY) as any).venues['binance-usdm'].leverage).toBe('17');
    root.remove();
    root = document.createElement('div');
    document.body.append(root);
    await start();
    expect(q('main').getAttribute('data-source')).toBe('stored');
    expect(q('#leverage').value).toBe('17');
  });

  it('stores the balance in the settings on request, keeping the other settings', async () => {
    fake.state.sync.set(SETTINGS_KEY, { ...DEFAULT_SETTINGS, guardEnabled: false });
    await start();
    await act(() => {
      q('#balance').value = '2500';
      q('#balance').dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => q<HTMLButtonElement>('#save-balance').click());
    await settle();
    expect(fake.state.sync.get(SETTINGS_KEY)).toEqual({
      ...DEFAULT_SETTINGS,
      guardEnabled: false,
      accountBalance: { 'binance-usdm': '2500' },
    });
  });

  it('follows a theme changed in the options at once', async () => {
    fake.state.sync.set(SETTINGS_KEY, { ...DEFAULT_SETTINGS, theme: 'light' });
    await start();
    expect(document.documentElement.getAttribute('data-theme')).toBe('light');
    await act(async () => {
      await fake.browser.storage.sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, theme: 'dark' } });
    });
    await settle();
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
  });

  it('offers the page actions for the tab when the background says it has our content script', async () => {
    fake.state.pageReply = (m) =>
      m.type === 'popup→bg:page-status' ? { type: 'bg→popup:page-status', connected: true } : undefined;
    await start();
    expect(fake.state.sent).toContainEqual({ type: 'popup→bg:page-status', tabId: 7 });
    expect(q('.page-actions').getAttribute('data-connected')).toBe('true');
    expect(q<HTMLButtonElement>('[data-action="teach"]').disabled).toBe(false);
    expect(q<HTMLButtonElement>('[data-action="report"]').disabled).toBe(false);
  });
});
