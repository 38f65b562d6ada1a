// The exchange pages the mock serves at their real URLs: the saved fixture pages under
// e2e/fixtures/pages. Read on every request, so an edited fixture needs no mock restart.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const FIXTURE_PAGES_DIR = path.resolve(import.meta.dirname, '..', 'fixtures', 'pages');

interface PageRoute {
  host: string;
  path: RegExp;
  file: string;
}

/**
 * The bench's control: the Kraken page at a host no content script matches, so the same browser
 * loads the same page with and without our content script (bench/extension.bench.ts).
 */
export const CONTROL_HOST = 'pro.kraken.control.test';

const ROUTES: readonly PageRoute[] = [
  // https://pro.kraken.com/app/trade/btc-usd
  { host: 'pro.kraken.com', path: /^\/app\/trade\/[^/]+\/?$/, file: 'kraken-pro.html' },
  { host: CONTROL_HOST, path: /^\/app\/trade\/[^/]+\/?$/, file: 'kraken-pro.html' },
  // https://www.binance.com/en/futures/BTCUSDT (any locale segment)
  { host: 'www.binance.com', path: /^\/[A-Za-z-]{2,8}\/futures\/[^/]+\/?$/, file: 'binance-futures.html' },
];

export type PageAnswer = { status: 200; html: Buffer; file: string } | { status: 404; reason: string };

export function findPage(host: string, pathname: string): PageAnswer | null {
  const route = ROUTES.find((r) => r.host === host && r.path.test(pathname));
  if (!route) return ROUTES.some((r) => r.host === host) ? { status: 404, reason: `no page at ${pathname}` } : null;
  const file = path.join(FIXTURE_PAGES_DIR, route.file);
  if (!existsSync(file)) return { status: 404, reason: `fixture ${file} does not exist (yet)` };
  return { status: 200, html: readFileSync(file), file };
}
