// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.binance.com/futures/BTCUSDT"}
// The content script's lifetime: settings switch the overlay on and off, SPA navigation
// restarts the session for the new symbol, pagehide stops it, and an invalidated extension
// context removes everything for good.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runContentScript, TICK_MS } from '../../src/content/app';
import { HOST_ATTRIBUTE } from '../../src/ui/overlay/contract';
import { SETTINGS_KEY } from '../../src/settings/settings';
import { FakeBackground } from './fake-background';
import { buildPage, fakeReader } from './fake-page';
import { FakeExt } from './fake-ext';

const hosts = () => document.querySelectorAll(`[${HOST_ATTRIBUTE}]`).length;
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Symbols of the forms sent, one entry per symbol in order. */
const watched = (ext: FakeExt) => [
  ...new Set(
    ext.ports
      .flatMap((p) => p.sent)
      .filter((m) => (m as { type: string }).type === 'cs→bg:form-changed')
      .map((m) => (m as { symbol: string }).symbol),
  ),
];

describe('runContentScript', () => {
  let ext: FakeExt;
  let stop: (() => void) | undefined;

  beforeEach(() => {
    history.replaceState(null, '', '/futures/BTCUSDT');
    buildPage(document);
    ext = new FakeExt();
    new FakeBackground(ext);
  });
  afterEach(() => {
    stop?.();
    stop = undefined;
  });

  const run = async (settle = true) => {
    stop = await runContentScript({
      win: window,
      doc: document,
      ext,
      readerForUrl: (url) => (fakeReader.matchesUrl(url) ? fakeReader : null),
    });
    if (settle) await wait(0); // the background's first answer
  };
  const changeSettings = (value: unknown) => ext.onStorageChanged.emit({ [SETTINGS_KEY]: { newValue: value } }, 'sync');

  it('sends the form for the symbol and shows the answer', async () => {
    await run();
    expect(hosts()).toBe(1);
    expect(watched(ext)).toEqual(['BTCUSDT']);
  });

  it('overlayEnabled false: nothing at all, and back on when switched on', async () => {
    ext.sync[SETTINGS_KEY] = { overlayEnabled: false };
    await run();
    expect(hosts()).toBe(0);
    expect(ext.ports).toHaveLength(0);
    changeSettings({ overlayEnabled: true });
    await wait(0);
    expect(hosts()).toBe(1);
    changeSettings({ overlayEnabled: false });
    expect(hosts()).toBe(0);
    expect(ext.port.closed).toBe(true);
    ext.onStorageChanged.emit({ [SETTINGS_KEY]: { newValue: { overlayEnabled: true } } }, 'local'); // wrong area
    expect(hosts()).toBe(0);
  });

  it('a venue switched off in the options gets no overlay and no port; switched on again it does', async () => {
    await run();
    expect(hosts()).toBe(1);
    changeSettings({ enabledVenues: { [fakeReader.venue]: false } });
    await wait(0);
    expect(hosts()).toBe(0);
    expect(ext.port.closed).toBe(true);
    changeSettings({ enabledVenues: { [fakeReader.venue]: true } });
    await wait(0);
    await wait(0);
    expect(hosts()).toBe(1);
  });

  it('SPA navigation to another symbol restarts with a new watch; off the trade page stops', async () => {
    await run();
    const first = ext.port;
    history.pushState(null, '', '/futures/ETHUSDT');
    document.body.append(document.createElement('div')); // the router re-renders
    await wait(0);
    await wait(0);
    expect(first.closed).toBe(true);
    expect(hosts()).toBe(1);
    expect(watched(ext)).toEqual(['BTCUSDT', 'ETHUSDT']);
    history.pushState(null, '', '/markets');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(hosts()).toBe(0);
  });

  it('a change of the query alone keeps the session and reads the form again with the new URL', async () => {
    const urls: string[] = [];
    const spy = { ...fakeReader, read: (doc: Document, url: URL) => (urls.push(url.href), fakeReader.read(doc, url)) };
    stop = await runContentScript({
      win: window,
      doc: document,
      ext,
      readerForUrl: (url) => (fakeReader.matchesUrl(url) ? spy : null),
    });
    await wait(0);
    const first = ext.port;
    history.pushState(null, '', '/futures/BTCUSDT?type=isolated');
    document.body.append(document.createElement('div')); // the router re-renders
    await wait(0);
    await wait(50);
    expect(first.closed).toBe(false);
    expect(hosts()).toBe(1);
    expect(urls.at(-1)).toBe('https://www.binance.com/futures/BTCUSDT?type=isolated');
  });

  it('pagehide stops the session, pageshow starts a new one', async () => {
    await run();
    window.dispatchEvent(new Event('pagehide'));
    expect(hosts()).toBe(0);
    expect(ext.port.closed).toBe(true);
    window.dispatchEvent(new Event('pageshow'));
    await wait(0);
    expect(hosts()).toBe(1);
    expect(ext.ports).toHaveLength(2);
  });

  it('extension context invalidated (runtime.id gone): overlay removed for good', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    try {
      await run(false);
      vi.advanceTimersByTime(0); // the first reading waits for idle time (a zero timeout without requestIdleCallback)
      await Promise.resolve(); // the background's first answer (a microtask)
      expect(hosts()).toBe(1);
      ext.id = undefined;
      vi.advanceTimersByTime(TICK_MS);
      expect(hosts()).toBe(0);
      changeSettings({ overlayEnabled: true });
      expect(hosts()).toBe(0);
      expect(ext.onStorageChanged.listeners.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a hidden tab runs no timer of ours: the tick stops while hidden and looks once when shown again', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    let visibility: DocumentVisibilityState = 'visible';
    const shown = vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
    try {
      await run(false);
      vi.advanceTimersByTime(0);
      await Promise.resolve();
      expect(hosts()).toBe(1);
      vi.advanceTimersByTime(TICK_MS * 2); // one-shot timers (the overlay's announcement) have run
      expect(vi.getTimerCount()).toBe(1); // the tick
      visibility = 'hidden';
      document.dispatchEvent(new Event('visibilitychange'));
      expect(vi.getTimerCount()).toBe(0);
      ext.id = undefined; // only a running tick would notice
      vi.advanceTimersByTime(TICK_MS * 5);
      expect(hosts()).toBe(1);
      visibility = 'visible';
      document.dispatchEvent(new Event('visibilitychange'));
      expect(hosts()).toBe(0);
    } finally {
      shown.mockRestore();
      vi.useRealTimers();
    }
  });

  it('a tab loaded hidden reads nothing and runs no timer until it is shown', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    let visibility: DocumentVisibilityState = 'hidden';
    const shown = vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
    try {
      await run(false);
      expect(vi.getTimerCount()).toBe(0);
      vi.advanceTimersByTime(TICK_MS * 3);
      await Promise.resolve();
      expect(watched(ext)).toEqual([]);
      visibility = 'visible';
      document.dispatchEvent(new Event('visibilitychange'));
      vi.advanceTimersByTime(0);
      await Promise.resolve();
      expect(watched(ext)).toEqual(['BTCUSDT']);
      expect(hosts()).toBe(1);
    } finally {
      shown.mockRestore();
      vi.useRealTimers();
    }
  });

  describe('with the Navigation API', () => {
    const navigation = new EventTarget();
    beforeEach(() => void ((window as unknown as { navigation?: EventTarget }).navigation = navigation));
    afterEach(() => void delete (window as unknown as { navigation?: EventTarget }).navigation);

    it('follows pushState by the Navigation API, without a page-wide DOM observer', async () => {
      const observe = vi.spyOn(MutationObserver.prototype, 'observe');
      try {
        await run();
        // Every observer of ours watches the form it read, not the whole document.
        expect(observe.mock.calls.filter(([target, init]) => target === document && init?.subtree)).toEqual([]);
        const first = ext.port;
        history.pushState(null, '', '/futures/ETHUSDT');
        navigation.dispatchEvent(new Event('currententrychange'));
        await wait(0);
        await wait(0);
        expect(first.closed).toBe(true);
        expect(watched(ext)).toEqual(['BTCUSDT', 'ETHUSDT']);
      } finally {
        observe.mockRestore();
      }
    });
  });

  it('a port that drops while the context is gone tears down too', async () => {
    await run();
    ext.id = undefined;
    ext.port.drop();
    expect(hosts()).toBe(0);
  });
});
