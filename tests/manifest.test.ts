// The composed manifest of each target (what the build writes), checked against the code it must
// agree with (issue 9): the extension pages' CSP names exactly the origins on the API allowlist
// in connect-src (in Chrome the service worker, in Firefox the background page, are extension
// pages: an origin missing here is a feed that silently never connects), with default-src 'self'
// and nothing loosened; and content_scripts.matches cover every trade-page URL a reader accepts,
// including Binance's pages without a locale segment, and no unrelated page. Issue 15: one
// content script per venue, whose matches are exactly its own reader's pages.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeManifest, TARGETS } from '../scripts/compose-manifest';
import { API_ALLOWLIST } from '../src/background/net/allowlist';
import { readerForUrl } from '../src/venues/readers';
import { VENUE_IDS } from '../src/venues/registry';

interface Manifest {
  content_security_policy: { extension_pages: string };
  content_scripts: Array<{ matches: string[]; js: string[] }>;
  host_permissions: string[];
}

const manifestOf = (target: (typeof TARGETS)[number]) => composeManifest(target) as unknown as Manifest;

/** "a b; c d" → { a: ['b'], c: ['d'] }; a directive given twice is an error here (the browser would ignore the second). */
function directives(csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of csp
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    if (Object.hasOwn(out, name!)) throw new Error(`directive ${name} given twice`);
    out[name!] = sources;
  }
  return out;
}

/** Chrome's match-pattern rule for the patterns we use: exact scheme and host, "*" in the path matches anything (query included). */
function matchesPattern(pattern: string, url: string): boolean {
  const m = /^(https):\/\/([a-z0-9.-]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`pattern ${pattern} uses a form this test does not model`);
  const u = new URL(url);
  const path = new RegExp(
    `^${m[3]!
      .split('*')
      .map((piece) => piece.replace(/[.?+^$()[\]{}|\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return u.protocol === `${m[1]}:` && u.hostname === m[2] && path.test(u.pathname + u.search);
}

const API_ORIGINS = [...new Set(API_ALLOWLIST.map((entry) => new URL(entry).origin))].sort();

/** Trade pages every reader accepts, in the forms the venues use. */
const READER_PAGES = [
  'https://pro.kraken.com/app/trade/btc-usd',
  'https://pro.kraken.com/app/trade/margin-btc-usd',
  'https://www.binance.com/en/futures/BTCUSDT',
  'https://www.binance.com/pt-BR/futures/ETHUSDC',
  'https://www.binance.com/futures/BTCUSDT',
  'https://www.binance.com/futures/ethusdt/',
  'https://www.binance.com/en/trade/BTC_USDT?type=cross',
  'https://www.binance.com/trade/BTC_USDT?type=cross',
  'https://www.binance.com/trade/ETH_BTC?type=isolated',
  'https://www.bybit.com/trade/usdt/BTCUSDT',
  'https://www.okx.com/trade-swap/btc-usdt-swap',
  'https://www.okx.com/ru/trade-swap/btc-usdt-swap',
  'https://www.okx.com/zh-hans/trade-swap/eth-usdt-swap',
  'https://app.hyperliquid.xyz/trade/BTC',
];

/** Pages no reader reads: the content script has no business there. */
const OTHER_PAGES = [
  'https://www.binance.com/',
  'https://www.binance.com/en',
  'https://www.binance.com/en/markets/overview',
  'https://www.binance.com/futures',
  'https://www.binance.com/futuresX/BTCUSDT',
  'https://www.binance.com/en/my/wallet/account/futures',
  'http://www.binance.com/futures/BTCUSDT',
  'https://accounts.binance.com/futures/BTCUSDT',
  'https://www.binance.com.evil.test/futures/BTCUSDT',
];

describe.each(TARGETS)('manifest for %s', (target) => {
  const manifest = manifestOf(target);
  const csp = directives(manifest.content_security_policy.extension_pages);

  it("extension pages: default-src 'self', scripts only from the package, no plugins", () => {
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    // Nothing loosens default-src for styles, images or fonts: the pages' CSS is a constructed stylesheet.
    for (const name of ['style-src', 'style-src-elem', 'style-src-attr', 'img-src', 'font-src'])
      expect(csp[name], name).toBeUndefined();
    for (const sources of Object.values(csp)) {
      for (const source of sources) expect(source).not.toMatch(/^'unsafe-|^\*$|^(https?|wss?|data|blob):$/);
    }
  });

  it('connect-src names every origin on the API allowlist, and nothing else', () => {
    expect(API_ORIGINS).toContain('wss://ws.okx.com:8443');
    expect([...csp['connect-src']!].sort()).toEqual(API_ORIGINS);
  });

  it('the https origins of connect-src are exactly those of host_permissions', () => {
    const hostOrigins = [...new Set(manifest.host_permissions.map((p) => new URL(p.replace(/\*$/, '')).origin))].sort();
    expect(API_ORIGINS.filter((o) => o.startsWith('https:'))).toEqual(hostOrigins);
  });

  it("www.binance.com (the trade pages' origin) is a host permission for the bracket and borrow-rate table paths only", () => {
    // Chrome grants host access by origin whatever the path; the narrow patterns still state what
    // the background reads there, and the content-script matches already name that origin.
    expect(manifest.host_permissions.filter((p) => p.startsWith('https://www.binance.com'))).toEqual([
      'https://www.binance.com/bapi/futures/v1/friendly/future/common/brackets',
      'https://www.binance.com/bapi/margin/v1/friendly/margin/vip/spec/list-all',
      'https://www.binance.com/bapi/margin/v1/friendly/isolated-margin/pair/vip-level',
    ]);
    // Each is also on the API allowlist, path for path.
    for (const p of manifest.host_permissions.filter((x) => x.startsWith('https://www.binance.com')))
      expect(API_ALLOWLIST).toContain(p);
  });

  const matches = manifest.content_scripts.flatMap((c) => c.matches);

  it('content_scripts.matches cover every page a reader accepts, Binance without a locale segment included', () => {
    for (const url of READER_PAGES) {
      expect(readerForUrl(new URL(url)), `a reader accepts ${url}`).not.toBeNull();
      expect(
        matches.some((p) => matchesPattern(p, url)),
        `manifest matches ${url}`,
      ).toBe(true);
    }
    for (const url of [
      'https://www.binance.com/futures/BTCUSDT',
      'https://www.binance.com/trade/BTC_USDT?type=cross',
    ]) {
      expect(
        matches.filter((p) => matchesPattern(p, url)),
        url,
      ).toHaveLength(1);
    }
  });

  it('and no page outside them', () => {
    for (const url of OTHER_PAGES) {
      expect(readerForUrl(new URL(url)), url).toBeNull();
      expect(
        matches.filter((p) => matchesPattern(p, url)),
        url,
      ).toEqual([]);
    }
  });

  it('every match pattern is used by some reader page', () => {
    for (const pattern of matches)
      expect(
        READER_PAGES.some((url) => matchesPattern(pattern, url)),
        pattern,
      ).toBe(true);
  });

  it('one content script per venue: its own entry file (src/venues/<venue>/content.ts), nothing else', () => {
    const entries = manifest.content_scripts.map((c) => c.js);
    expect(entries.map((js) => js.length)).toEqual(VENUE_IDS.map(() => 1));
    expect(entries.map((js) => js[0]).sort()).toEqual(
      VENUE_IDS.map((venue) => `src/venues/${venue}/content.ts`).sort(),
    );
    for (const [file] of entries) expect(existsSync(new URL(`../${file}`, import.meta.url)), file).toBe(true);
  });

  it("each venue's content script matches its own reader's pages and no other venue's (Binance's two: disjoint)", () => {
    for (const { js, matches: own } of manifest.content_scripts) {
      const venue = /^src\/venues\/([^/]+)\/content\.ts$/.exec(js[0]!)![1];
      const pages = READER_PAGES.filter((url) => own.some((p) => matchesPattern(p, url)));
      expect(pages.length, venue).toBeGreaterThan(0);
      for (const url of pages) expect(readerForUrl(new URL(url))?.venue, url).toBe(venue);
      // Every page of this venue's reader is this entry's, so no page loads two content scripts.
      for (const url of READER_PAGES.filter((u) => readerForUrl(new URL(u))?.venue === venue))
        expect(
          own.some((p) => matchesPattern(p, url)),
          `${venue} matches ${url}`,
        ).toBe(true);
    }
    for (const url of READER_PAGES)
      expect(
        manifest.content_scripts.filter((c) => c.matches.some((p) => matchesPattern(p, url))),
        url,
      ).toHaveLength(1);
  });
});
