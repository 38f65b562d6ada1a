// The few extension APIs the content script uses, behind one small interface: the code that
// decides things (session, port, guard) is tested with fakes, and index.ts adapts the real
// extension object once.
//
// No webextension-polyfill here (it is ~6 KB gzipped of a 30 KB content-script budget): every
// call we make has the same shape and returns a Promise natively in both browsers: Firefox's
// `browser`, and Chrome's `chrome` in MV3 (storage promises since Chrome 88; connect is sync).
import type { Runtime, Storage } from 'webextension-polyfill';
import { asPageUi, PAGE_UI_PATH, type PageUi } from './page-ui';

export interface EventLike<F> {
  addListener(listener: F): void;
  removeListener(listener: F): void;
}

/** The part of runtime.Port we use. */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: EventLike<(message: unknown) => void>;
  onDisconnect: EventLike<(port: PortLike) => void>;
}

export type StorageChanges = Record<string, { newValue?: unknown }>;

export interface ExtApi {
  /** undefined once the extension was reloaded or updated under this page ("Extension context invalidated"). */
  runtimeId(): string | undefined;
  connect(name: string): PortLike;
  getSync(key: string): Promise<unknown>;
  getLocal(key: string): Promise<unknown>;
  setLocal(key: string, value: unknown): Promise<void>;
  onStorageChanged: EventLike<(changes: StorageChanges, area: string) => void>;
  /** The extension's version (manifest.json), for the page report. */
  version?(): string;
  /** The overlay's module: loaded on the first call, the module itself once it is in (page-ui.ts). */
  pageUi(): PageUi | Promise<PageUi>;
}

interface BrowserLike {
  runtime: Pick<Runtime.Static, 'id' | 'connect' | 'getManifest'>;
  storage: Pick<Storage.Static, 'sync' | 'local' | 'onChanged'>;
}

declare const chrome: { runtime: { getURL(path: string): string } };

/** Firefox's `browser`, else Chrome's `chrome`; null outside an extension context. */
export function nativeBrowser(): BrowserLike | null {
  const g = globalThis as { browser?: BrowserLike; chrome?: BrowserLike };
  const api = g.browser ?? g.chrome;
  return api?.runtime !== undefined && api.storage !== undefined ? api : null;
}

/** Chrome logs "Unchecked runtime.lastError" for a port that closes with an error nobody read. */
function readLastError(): void {
  const g = globalThis as { chrome?: { runtime?: { lastError?: unknown } } };
  void g.chrome?.runtime?.lastError;
}

export function extApiFrom(browser: BrowserLike): ExtApi {
  let pageUi: PageUi | Promise<PageUi> | undefined;
  return {
    runtimeId() {
      // Reading runtime.id itself can throw in a torn-down context on some versions.
      try {
        return browser.runtime.id || undefined;
      } catch {
        return undefined;
      }
    },
    connect(name) {
      const port = browser.runtime.connect({ name });
      port.onDisconnect.addListener(readLastError);
      return port;
    },
    getSync: async (key) => (await browser.storage.sync.get(key))[key],
    getLocal: async (key) => (await browser.storage.local.get(key))[key],
    setLocal: (key, value) => browser.storage.local.set({ [key]: value }),
    onStorageChanged: browser.storage.onChanged,
    version: () => browser.runtime.getManifest().version,
    pageUi() {
      if (pageUi !== undefined) return pageUi;
      // A module script of the extension's own, imported into this isolated world (not the page's);
      // the browser refuses it to any origin outside the manifest's web_accessible_resources matches.
      // Spelled `chrome.runtime.getURL(…)` inside import(): the one form addons-linter accepts as the
      // extension's own file (a minified alias of the same call is flagged as an unsafe import); both
      // browsers have the `chrome` namespace in content scripts.
      const loading = import(/* @vite-ignore */ chrome.runtime.getURL(PAGE_UI_PATH)).then(asPageUi);
      pageUi = loading;
      loading.then((module) => (pageUi = module)).catch(() => undefined);
      return loading;
    },
  };
}
