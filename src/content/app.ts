// The content script's lifetime: settings, which page we are on, and when a session runs.
// A session runs while the overlay is enabled, the URL has a reader, and the page is shown;
// SPA navigation stops the old session and starts one for the new page. It is seen by popstate,
// the Navigation API where the browser has it (pushState fires no other event), and the 1 s tick;
// only a browser without the Navigation API also watches the page's DOM for it, as that costs
// CPU on every order-book update. The tick (URL, page structure, dialogs, context) stops while the
// tab is hidden: a hidden tab runs no timer of ours. If the extension is reloaded under the page
// ("Extension context invalidated"), everything stops for good.
import type { Settings } from '../settings/settings';
import type { VenueReader } from '../venues/readers';
import type { ExtApi } from './ext-api';
import { startSession, type Session } from './session';
import { loadSettings, watchSettings } from './settings-store';
import { createTaughtStore, loadTaught } from './teach/taught-store';

export interface AppDeps {
  win: Window;
  doc: Document;
  ext: ExtApi;
  readerForUrl: (url: URL) => VenueReader | null;
  now?: () => number;
}

export const TICK_MS = 1_000;

/** Starts the content script; the returned function stops it (tests, and nothing else). */
export async function runContentScript(deps: AppDeps): Promise<() => void> {
  const { win, doc, ext } = deps;
  const life = new AbortController();
  const { signal } = life;
  const stop = (): void => life.abort();

  // The fields the trader pointed at are in before the first session reads the page (it reads with them).
  const [loaded, taughtList] = await Promise.all([loadSettings(ext), loadTaught(ext)]);
  let settings: Settings = loaded;
  let session: { key: string; session: Session } | null = null;
  let shown = true;
  let href = win.location.href;

  const stopSession = (): void => {
    session?.session.stop();
    session = null;
  };
  signal.addEventListener('abort', stopSession, { once: true });
  // The options page may forget taught fields: the session reads with what is stored now.
  const taught = createTaughtStore(ext, taughtList, signal, () => session?.session.taughtChanged());

  /** Start, keep or stop the session to match settings, URL and visibility. */
  const sync = (): void => {
    if (signal.aborted) return;
    href = win.location.href;
    const url = new URL(href);
    const found = settings.overlayEnabled && shown ? deps.readerForUrl(url) : null;
    // A venue switched off in the options: no reading, no port, no overlay on its pages.
    const reader = found !== null && settings.enabledVenues[found.venue] !== false ? found : null;
    const key = reader === null ? '' : `${reader.venue} ${url.origin}${url.pathname}`;
    if (session?.key === key) {
      // Same page, another query (Binance margin switches Cross/Isolated by ?type=): read again.
      session.session.urlChanged();
      return;
    }
    stopSession();
    if (reader === null) return;
    session = {
      key,
      session: startSession({
        win,
        doc,
        reader,
        url,
        ext,
        settings: () => settings,
        onInvalidated: stop,
        now: deps.now,
        taught,
        // At load and after navigation, the page is busy building itself: read when it is idle or touched.
        firstRead: 'deferred',
      }),
    };
  };
  const urlChanged = (): void => {
    if (win.location.href !== href) sync();
  };

  watchSettings(ext, signal, (next) => {
    settings = next;
    sync();
    session?.session.refresh();
  });

  win.addEventListener('popstate', sync, { signal });
  // Back-forward cache: a hidden page must not keep a port or a feed; a restored one starts again.
  win.addEventListener(
    'pagehide',
    () => {
      shown = false;
      stopSession();
    },
    { signal },
  );
  win.addEventListener(
    'pageshow',
    () => {
      shown = true;
      sync();
    },
    { signal },
  );

  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  if (navigation !== undefined && typeof navigation.addEventListener === 'function') {
    // pushState and replaceState change the current entry: the URL to compare is already the new one.
    navigation.addEventListener('currententrychange', urlChanged, { signal });
  } else {
    // Without the Navigation API, SPA routers' pushState fires no event here; they also re-render,
    // so a childList batch anywhere is our cue to compare location.href (a string compare).
    // Observed from the document itself, not <html>: a page that replaces <html> (a client
    // re-render after a hydration mismatch) would otherwise leave us watching a detached tree.
    const structure = new MutationObserver(() => {
      urlChanged();
      session?.session.structureChanged();
    });
    structure.observe(doc, { childList: true, subtree: true });
    signal.addEventListener('abort', () => structure.disconnect(), { once: true });
  }

  const onTick = (): void => {
    if (ext.runtimeId() === undefined) {
      stop();
      return;
    }
    urlChanged();
    // What the DOM observer above said on every batch, once a second: the overlay host still in the
    // page, the form the reading used still there.
    session?.session.structureChanged();
    session?.session.refresh();
  };
  let tick = 0;
  const startTick = (): void => {
    if (tick === 0 && !signal.aborted && doc.visibilityState !== 'hidden') tick = win.setInterval(onTick, TICK_MS);
  };
  const stopTick = (): void => {
    win.clearInterval(tick);
    tick = 0;
  };
  doc.addEventListener(
    'visibilitychange',
    () => {
      if (doc.visibilityState === 'hidden') return stopTick();
      onTick(); // what the tick would have seen while the tab was hidden
      startTick();
    },
    { signal },
  );
  signal.addEventListener('abort', stopTick, { once: true });
  startTick();

  sync();
  return stop;
}
