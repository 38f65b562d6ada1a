// The content script's lifetime: settings, which page we are on, and when a session runs.
// A session runs while the overlay is enabled, the URL has a reader, and the page is shown;
// SPA navigation (popstate, or a changed location.href seen on a DOM mutation batch or the
// 1 s tick) stops the old session and starts one for the new page. If the extension is
// reloaded under the page ("Extension context invalidated"), everything stops for good.
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

  // SPA routers change the URL by pushState, which fires no event here; they also re-render,
  // so a childList batch anywhere is our cue to compare location.href (a string compare).
  // Observed from the document itself, not <html>: a page that replaces <html> (a client
  // re-render after a hydration mismatch) would otherwise leave us watching a detached tree.
  const structure = new MutationObserver(() => {
    urlChanged();
    session?.session.structureChanged();
  });
  structure.observe(doc, { childList: true, subtree: true });
  signal.addEventListener('abort', () => structure.disconnect(), { once: true });

  const tick = win.setInterval(() => {
    if (ext.runtimeId() === undefined) {
      stop();
      return;
    }
    urlChanged();
    session?.session.refresh();
  }, TICK_MS);
  signal.addEventListener('abort', () => win.clearInterval(tick), { once: true });

  sync();
  return stop;
}
