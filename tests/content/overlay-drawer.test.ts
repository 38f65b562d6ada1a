// @vitest-environment happy-dom
// The collapsed state is remembered per venue in storage.local (issue 12), validated on read.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOverlayDrawer } from '../../src/content/overlay-drawer';
import { ATTR, HOST_ATTRIBUTE } from '../../src/ui/overlay/contract';
import type { OverlayModel } from '../../src/ui/overlay/view-model';
import type { PageUi } from '../../src/content/page-ui';
import * as overlayModule from '../../src/ui/overlay/page-ui';
import { FakeResizeObserver } from '../overlay/fake-resize-observer';
import { FakeExt } from './fake-ext';
import { binanceForm, marketOf, NOW, ok, settings, snapshot, wireQuotes } from './fixtures';

let life: AbortController;
beforeEach(() => {
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  life = new AbortController();
});
afterEach(() => {
  life.abort();
  vi.unstubAllGlobals();
});

function okView(): OverlayModel {
  const form = binanceForm({ leverage: '50' });
  const snap = snapshot('65010.2');
  const s = settings();
  return {
    reading: ok(form),
    quotes: wireQuotes(form, snap, s),
    market: marketOf(snap),
    settings: s,
    now: NOW,
    pending: false,
    guard: null,
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('overlay drawer: collapsed per venue', () => {
  it("restores a stored collapsed overlay and stores the trader's toggle", async () => {
    const ext = new FakeExt();
    ext.local['overlayCollapsed.binance-usdm'] = true;
    const attach = vi.spyOn(Element.prototype, 'attachShadow');
    const drawer = createOverlayDrawer(document, ext, 'binance-usdm', life.signal);
    await flush();
    drawer.draw([1], okView());
    const shadow = attach.mock.results.at(-1)!.value as ShadowRoot;
    const root = shadow.querySelector(`[${ATTR.root}]`)!;
    expect(root.hasAttribute(ATTR.collapsed)).toBe(true);
    (shadow.querySelector(`[${ATTR.action}="collapse"]`) as HTMLButtonElement).click();
    await flush();
    expect(ext.local['overlayCollapsed.binance-usdm']).toBe(false);
    expect(ext.local['overlayCollapsed.bybit-linear']).toBeUndefined();
    expect(document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(1);
  });

  it('a stored value that is not a boolean is ignored', async () => {
    const ext = new FakeExt();
    ext.local['overlayCollapsed.binance-usdm'] = 'yes';
    const attach = vi.spyOn(Element.prototype, 'attachShadow');
    const drawer = createOverlayDrawer(document, ext, 'binance-usdm', life.signal);
    await flush();
    drawer.draw([1], okView());
    const shadow = attach.mock.results.at(-1)!.value as ShadowRoot;
    expect(shadow.querySelector(`[${ATTR.root}]`)!.hasAttribute(ATTR.collapsed)).toBe(false);
  });

  it('a stored state that arrives after the first draw still applies', async () => {
    const ext = new FakeExt();
    let resolve: (v: unknown) => void = () => undefined;
    ext.getLocal = (key: string) =>
      key.startsWith('overlayCollapsed.') ? new Promise((r) => (resolve = r)) : Promise.resolve(undefined);
    const attach = vi.spyOn(Element.prototype, 'attachShadow');
    const drawer = createOverlayDrawer(document, ext, 'binance-usdm', life.signal);
    drawer.draw([1], okView());
    const shadow = attach.mock.results.at(-1)!.value as ShadowRoot;
    expect(shadow.querySelector(`[${ATTR.root}]`)!.hasAttribute(ATTR.collapsed)).toBe(false);
    resolve(true);
    await flush();
    expect(shadow.querySelector(`[${ATTR.root}]`)!.hasAttribute(ATTR.collapsed)).toBe(true);
  });
});

describe('overlay drawer: the overlay module arrives after the first draw (issue 15)', () => {
  function loading(ext: FakeExt): { arrive: () => void; fail: () => void } {
    let arrive: (m: PageUi) => void = () => undefined;
    let fail: (e: Error) => void = () => undefined;
    ext.ui = new Promise<PageUi>((resolve, reject) => {
      arrive = resolve;
      fail = reject;
    });
    return { arrive: () => arrive(overlayModule), fail: () => fail(new Error('blocked')) };
  }

  it('puts nothing on the page until the module is in, then draws the latest view once', async () => {
    const ext = new FakeExt();
    const module = loading(ext);
    const pageUi = vi.spyOn(ext, 'pageUi');
    const mount = vi.spyOn(overlayModule, 'mountOverlay');
    const drawer = createOverlayDrawer(document, ext, 'binance-usdm', life.signal);
    drawer.draw([1], okView());
    const waitingView = { ...okView(), waiting: true, quotes: [] };
    drawer.draw([2], waitingView);
    drawer.draw([3], okView());
    expect(document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(0);
    expect(pageUi).toHaveBeenCalledTimes(1); // one import, however many draws wait for it
    module.arrive();
    await flush();
    expect(document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(1);
    expect(mount).toHaveBeenCalledTimes(1);
    expect(drawer.cannotShow()).toBe(false);
    mount.mockRestore();
  });

  it('a session stopped while the module loads draws nothing when it arrives', async () => {
    const ext = new FakeExt();
    const module = loading(ext);
    const drawer = createOverlayDrawer(document, ext, 'binance-usdm', life.signal);
    drawer.draw([1], okView());
    life.abort();
    module.arrive();
    await flush();
    expect(document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(0);
  });

  it('a module that cannot be loaded is reported once and not asked for again', async () => {
    const ext = new FakeExt();
    const module = loading(ext);
    const pageUi = vi.spyOn(ext, 'pageUi');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const drawer = createOverlayDrawer(document, ext, 'binance-usdm', life.signal);
    drawer.draw([1], okView());
    module.fail();
    await flush();
    expect(drawer.cannotShow()).toBe(true);
    drawer.draw([2], okView());
    expect(pageUi).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(document.querySelectorAll(`[${HOST_ATTRIBUTE}]`)).toHaveLength(0);
    warn.mockRestore();
  });
});
