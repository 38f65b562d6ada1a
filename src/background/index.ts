// Background: a service worker on Chrome, an event page (background.scripts) on Firefox.
// Listeners must be registered synchronously at top level so a restarted worker receives the
// event that woke it. This shell deliberately fetches nothing: price fetching from the fixed
// API allowlist arrives with the overlay.
import browser from 'webextension-polyfill';

// Drop every message for now. Returning undefined (not a Promise, not `true`) tells both the
// polyfill and native Chrome that no response is coming. Real handlers will validate the
// sender class and the payload first (reference B.3).
browser.runtime.onMessage.addListener(() => undefined);
