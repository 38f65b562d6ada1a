// Background: a service worker on Chrome, an event page (background.scripts) on Firefox.
// Listeners are registered synchronously at top level so a restarted worker receives the event
// that woke it. Chrome stops an idle worker (Firefox unloads an idle event page): the market
// cache comes back from storage.session, and feeds restart as content scripts reconnect their
// ports (they do so on their own when the port drops).
import browser from 'webextension-polyfill';
import { createBackground } from './app';
import type { SocketFactory, StorageAreaLike } from './env';
import { realClock } from './env';

// storage.session is memory-only and not exposed to content scripts by default (Chrome 102+,
// Firefox 115+). storage.local is the fallback for a browser without it; it survives restarts
// too, which only means older figures, judged by their age like any other.
// The polyfill's types say both areas always exist; older browsers lack session.
const areas = browser.storage as { session?: StorageAreaLike; local?: StorageAreaLike };
const cacheArea: StorageAreaLike | null = areas.session ?? areas.local ?? null;

const app = createBackground({
  extensionId: browser.runtime.id,
  extensionOrigin: new URL(browser.runtime.getURL('/')).origin,
  clock: realClock,
  fetch: (url, init) => fetch(url, init),
  // The DOM WebSocket has richer handler types than SocketLike; the runner only uses the
  // handler properties, send() and close().
  sockets: WebSocket as unknown as SocketFactory,
  random: Math.random,
  log: console,
  cacheArea,
  syncArea: browser.storage.sync ?? null,
  action: browser.action,
});

browser.runtime.onConnect.addListener((port) => app.onConnect(port));
// Returning undefined leaves other messages unanswered; a promise answers the popup.
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) =>
  app.onMessage(message, sender),
);
browser.storage.onChanged.addListener((changes, areaName) => app.onStorageChanged(changes, areaName));
browser.tabs.onRemoved.addListener((tabId) => app.onTabRemoved(tabId));
