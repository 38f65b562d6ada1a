// Content script: bundled as a classic IIFE (see vite.config.ts) and injected into the
// exchange trade pages listed in manifest/base.json. For now it only works out which venue
// it runs on and does nothing else: no DOM writes, no messages.
// The display-only overlay arrives in the next issue; it will bring
// `import browser from 'webextension-polyfill'` for messaging with the background.

/** Exchange page host → venue id. Keep in step with content_scripts.matches in manifest/base.json. */
const VENUE_BY_HOST: Readonly<Record<string, string>> = {
  'pro.kraken.com': 'kraken',
  'www.binance.com': 'binance',
  'www.bybit.com': 'bybit',
  'www.okx.com': 'okx',
  'app.hyperliquid.xyz': 'hyperliquid',
};

// Object.hasOwn, not `in`: a host such as "constructor" must not match Object.prototype.
const venue = Object.hasOwn(VENUE_BY_HOST, location.hostname) ? VENUE_BY_HOST[location.hostname] : undefined;

// Nothing to do with `venue` yet; `void` marks the unused value as intentional.
void venue;
