// The exchange pages the mock serves at their real URLs: the saved fixture pages under
// e2e/fixtures/pages, routed by each venue module's `pages` (e2e/mock/venues/*.ts). Read on
// every request, so an edited fixture needs no mock restart.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { MockPageRoute } from './venue-api';

export const FIXTURE_PAGES_DIR = path.resolve(import.meta.dirname, '..', 'fixtures', 'pages');

/**
 * The bench's control: the Kraken page at a host no content script matches, so the same browser
 * loads the same page with and without our content script (bench/extension.bench.ts).
 */
export const CONTROL_HOST = 'pro.kraken.control.test';

export type PageAnswer = { status: 200; html: Buffer; file: string } | { status: 404; reason: string };

/**
 * `file`: another generation of the host's page to serve at the route's URLs (MockExchange.usePage),
 * or a page made by the test itself (a fixture page rewritten like a redeploy, one generated from a report).
 */
export function findPage(
  routes: readonly MockPageRoute[],
  host: string,
  pathname: string,
  file?: string | { html: string },
  search = '',
): PageAnswer | null {
  // `?fixture=<name>` picks a route kept for one page variant (e.g. Binance's gen-2 hedge pages).
  const fixture = new URLSearchParams(search).get('fixture') ?? undefined;
  const route = routes.find((r) => r.host === host && r.path.test(pathname) && r.fixture === fixture);
  if (!route) return routes.some((r) => r.host === host) ? { status: 404, reason: `no page at ${pathname}` } : null;
  if (typeof file === 'object') return { status: 200, html: Buffer.from(file.html, 'utf8'), file: 'made by the test' };
  const served = path.join(FIXTURE_PAGES_DIR, file ?? route.file);
  if (!existsSync(served)) return { status: 404, reason: `fixture ${served} does not exist (yet)` };
  return { status: 200, html: readFileSync(served), file: served };
}
