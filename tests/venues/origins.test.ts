// The origin cross-check (issue 11). The hosts the extension runs on and talks to live in hand-kept
// lists, reviewed by hand on purpose (security review): manifest content_scripts.matches and
// host_permissions, the CSP's connect-src, the background's API allowlist, the sender classifier's
// exchange origins and the mock's hosts. This test derives what each list must hold from the venue
// folders — about.json "pages" and "fixtureUrl" (where the content script runs), feed.ts endpoints
// including moreFacts (what the background fetches) — and fails on any difference in either
// direction: a host missing from a list, or one that no venue needs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_HOSTS, PAGE_HOSTS } from '../../e2e/mock/hosts';
import { composeManifest, TARGETS } from '../../scripts/compose-manifest';
import { EXCHANGE_ORIGINS } from '../../src/background/messaging/classify-sender';
import { API_ALLOWLIST } from '../../src/background/net/allowlist';
import { VENUE_ABOUT } from '../../src/venues/about';
import type { EndpointSpec } from '../../src/venues/feed-types';
import { FEEDS } from '../../src/venues/feeds';

const ROOT = join(import.meta.dirname, '..', '..');
type Manifest = {
  host_permissions?: string[];
  content_scripts?: Array<{ matches?: string[] }>;
  content_security_policy?: { extension_pages?: string };
};

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** What a hand-kept list lacks and what it has that nothing needs; both must be empty. */
function difference(expected: Iterable<string>, actual: Iterable<string>): { missing: string[]; extra: string[] } {
  const want = new Set(expected);
  const have = new Set(actual);
  return {
    missing: sorted([...want].filter((v) => !have.has(v))),
    extra: sorted([...have].filter((v) => !want.has(v))),
  };
}
const NONE = { missing: [], extra: [] };

/** A concrete URL for an about.json page pattern: each <placeholder> becomes a plausible value. */
const samplePage = (pattern: string): string => pattern.replace(/<[^>]+>/g, 'btc');

/** Every URL the content script must run on: each about.json page pattern (sampled) and the fixture URL. */
const PAGES: ReadonlyArray<{ venue: string; url: URL }> = VENUE_ABOUT.flatMap((about) => [
  ...about.pages.map((page) => ({ venue: about.venue, url: new URL(samplePage(page)) })),
  { venue: about.venue, url: new URL(about.fixtureUrl) },
]);

/** Every endpoint base the background may fetch or open: mark, facts, stream and moreFacts. */
const ENDPOINTS: readonly string[] = sorted(
  Object.values(FEEDS).flatMap((feed) => [
    ...Object.values(feed.endpoints).map((spec: EndpointSpec) => spec.base),
    ...(feed.moreFacts ?? []).map((source) => source.endpoint.base),
  ]),
);

/**
 * A Chrome/Firefox match pattern (scheme://host/path, `*` in the path matches anything, the
 * query included) against a URL. Host wildcards are refused: no list of ours may use them.
 */
function matches(pattern: string, url: URL): boolean {
  const m = /^(https|wss):\/\/([^/*]+)(\/.*)$/.exec(pattern);
  if (m === null) throw new Error(`unsupported match pattern ${pattern}`);
  const [, scheme, host, path] = m;
  if (url.protocol !== `${scheme}:` || url.host !== host) return false;
  const glob = new RegExp(`^${path!.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return glob.test(url.pathname + url.search);
}

const manifests: ReadonlyArray<[string, Manifest]> = [
  ['manifest/base.json', JSON.parse(readFileSync(join(ROOT, 'manifest', 'base.json'), 'utf8')) as Manifest],
  ...TARGETS.map((target): [string, Manifest] => [`composed ${target}`, composeManifest(target) as Manifest]),
];

describe('origins: every hand-kept list agrees with the venue folders', () => {
  it('the venue folders name pages and endpoints at all', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(VENUE_ABOUT.length * 2);
    expect(ENDPOINTS.length).toBeGreaterThanOrEqual(Object.keys(FEEDS).length * 2);
  });

  describe.each(manifests)('%s', (_name, manifest) => {
    const contentMatches = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
    const hostPermissions = manifest.host_permissions ?? [];

    it('content_scripts.matches covers every venue page, and each pattern is needed by one', () => {
      const uncovered = PAGES.filter(({ url }) => !contentMatches.some((p) => matches(p, url))).map(
        ({ venue, url }) => `${venue}: ${url.href}`,
      );
      const unneeded = contentMatches.filter((p) => !PAGES.some(({ url }) => matches(p, url)));
      expect({ missing: sorted(uncovered), extra: sorted(unneeded) }).toEqual(NONE);
    });

    it('host_permissions covers every https endpoint, and each permission is needed by one', () => {
      const https = ENDPOINTS.filter((base) => base.startsWith('https:'));
      const uncovered = https.filter((base) => !hostPermissions.some((p) => matches(p, new URL(base))));
      const unneeded = hostPermissions.filter((p) => !https.some((base) => matches(p, new URL(base))));
      expect({ missing: sorted(uncovered), extra: sorted(unneeded) }).toEqual(NONE);
    });

    it('host_permissions never reach a trade page (the logged-in site is not ours to read)', () => {
      const reached = PAGES.filter(({ url }) => hostPermissions.some((p) => matches(p, url))).map(
        ({ url }) => url.href,
      );
      expect(reached).toEqual([]);
    });

    it("the extension pages' CSP connect-src is exactly the endpoints' origins", () => {
      const csp = manifest.content_security_policy?.extension_pages ?? '';
      const connect = /(?:^|;)\s*connect-src\s+([^;]*)/.exec(csp)?.[1]?.trim().split(/\s+/) ?? [];
      const origins = connect.filter((source) => !source.startsWith("'"));
      expect(
        difference(
          ENDPOINTS.map((base) => new URL(base).origin),
          origins,
        ),
      ).toEqual(NONE);
    });
  });

  it('the API allowlist is exactly the feeds’ endpoint bases', () => {
    expect(difference(ENDPOINTS, API_ALLOWLIST)).toEqual(NONE);
  });

  it('the sender classifier knows exactly the page origins, each with the venues served there', () => {
    const expected = new Map<string, Set<string>>();
    for (const { venue, url } of PAGES) expected.set(url.origin, (expected.get(url.origin) ?? new Set()).add(venue));
    expect(difference(expected.keys(), Object.keys(EXCHANGE_ORIGINS))).toEqual(NONE);
    for (const [origin, venues] of expected) {
      expect(sorted(EXCHANGE_ORIGINS[origin] ?? []), origin).toEqual(sorted(venues));
    }
  });

  it("the mock impersonates exactly the page hosts and the endpoints' hosts", () => {
    expect(
      difference(
        PAGES.map(({ url }) => url.hostname),
        PAGE_HOSTS,
      ),
    ).toEqual(NONE);
    expect(
      difference(
        ENDPOINTS.map((base) => new URL(base).hostname),
        API_HOSTS,
      ),
    ).toEqual(NONE);
  });
});
