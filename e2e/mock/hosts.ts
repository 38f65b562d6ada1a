// The real exchange hosts the mock impersonates. Browsers are pointed at the mock for these
// (Chromium: --host-resolver-rules; Firefox: a CONNECT proxy), and for everything else too, so
// a request to any other host shows up in the mock's log instead of silently leaving.
// Kept as literals (not read from the venue modules) so the privacy test checks against a list
// reviewed by hand, like the extension's own allowlist.

/** Exchange web pages the content script runs on. */
export const PAGE_HOSTS = [
  'pro.kraken.com',
  'www.binance.com',
  'www.bybit.com',
  'www.okx.com',
  'app.hyperliquid.xyz',
] as const;

/**
 * Public market-data hosts the background may call (must match manifest host_permissions in use).
 * www.okx.com is also a page host: OKX serves its REST API from the site's origin under /api/v5;
 * so is www.binance.com, for the one bracket table the Binance futures feed reads from /bapi/.
 */
export const API_HOSTS = [
  'api.kraken.com',
  'ws.kraken.com',
  'fapi.binance.com',
  'fstream.binance.com',
  'www.binance.com',
  'api.binance.com',
  'stream.binance.com',
  'api.bybit.com',
  'stream.bybit.com',
  'www.okx.com',
  'ws.okx.com',
  'api.hyperliquid.xyz',
] as const;

/** API paths served from a page host (the rest of that host is pages). */
const API_PATHS_ON_PAGE_HOSTS: Readonly<Record<string, RegExp>> = {
  'www.okx.com': /^\/api\/v5\//,
  'www.binance.com': /^\/bapi\//,
};

/** A market-data API request (not a page or its assets), for checks that only the worker makes them. */
export function isApiUrl(url: URL): boolean {
  if (!(API_HOSTS as readonly string[]).includes(url.host)) return false;
  const apiPaths = API_PATHS_ON_PAGE_HOSTS[url.host];
  return apiPaths === undefined || apiPaths.test(url.pathname);
}

export const ALL_MOCK_HOSTS: readonly string[] = [...new Set([...PAGE_HOSTS, ...API_HOSTS])];

export const ALLOWED_HOSTS: ReadonlySet<string> = new Set(ALL_MOCK_HOSTS);

/**
 * Chromium resolver rules: every host goes to the mock. `MAP *` also catches hosts nobody
 * expected (the allowlist test then sees them in the mock's log); localhost stays local.
 */
export function chromiumResolverRules(port: number): string {
  return [
    ...ALL_MOCK_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`),
    `MAP * 127.0.0.1:${port}`,
    'EXCLUDE localhost',
  ].join(', ');
}
