// @vitest-environment happy-dom
// One suite over every venue's reader, for what every reader must do alike (reference A.6 items
// 3–4): each venue in the registry has a reader, selectors as data, facts and a fixture page its
// reader reads at its URL; a page in another language is refused for its number format; a redeploy
// that renames the page's hashed classes changes nothing. What only one venue does stays in
// tests/venues/<id>/reader.test.ts; the selector counts per page state are selector-counts.test.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VenueId } from '../../src/core/types';
import { READERS, readerForUrl } from '../../src/venues/readers';
import { VENUE_IDS } from '../../src/venues/registry';
import type { FormReading } from '../../src/venues/types';
import { expectedCounts, loadPage, PAGES_DIR, ROOT_DIR } from '../readers/load';
import { FIXTURES } from './fixture-pages';
import type { VenueStates } from './fixture-states';

// Each venue's folder is named by its id.
const venues: Array<[VenueId, string]> = VENUE_IDS.map((venue) => [venue, venue]);

describe('venue folders', () => {
  it.each(venues)('%s has reader.ts, selectors.ts, facts.json and a fixture page', (venue, folder) => {
    for (const file of ['reader.ts', 'selectors.ts', 'facts.json']) {
      expect(existsSync(join(ROOT_DIR, 'src', 'venues', folder, file)), `${folder}/${file}`).toBe(true);
    }
    const fixture = FIXTURES[venue];
    expect(fixture, `fixture row for ${venue}`).toBeDefined();
    expect(existsSync(join(PAGES_DIR, fixture!.page))).toBe(true);
  });

  it.each(venues)('%s: its reader is registered and reads its fixture at its URL', async (venue, folder) => {
    const module = (await import(`../../src/venues/${folder}/reader.ts`)) as { reader: { venue: string } };
    expect(module.reader.venue).toBe(venue);
    const { page, url } = FIXTURES[venue]!;
    const reader = readerForUrl(new URL(url));
    expect(reader?.venue).toBe(venue);
    const reading = reader!.read(loadPage(page), new URL(url));
    expect(reading.status, JSON.stringify(reading)).toBe('ok');
  });

  it('one reader per registry line, no strays', () => {
    expect(READERS.map((r) => r.venue).sort()).toEqual(venues.map(([venue]) => venue).sort());
  });
});

const states = import.meta.glob<VenueStates>('./*/states.ts', { eager: true });
const statesOf = (venue: VenueId): VenueStates => states[`./${venue}/states.ts`]!;

/** The venue's reader on its fixture page, put through `change` first. */
function readFixture(venue: VenueId, change: (doc: Document) => unknown = () => undefined): FormReading {
  const { page, url } = FIXTURES[venue];
  const doc = loadPage(page);
  change(doc);
  return readerForUrl(new URL(url))!.read(doc, new URL(url));
}

/** Languages no venue has a label table for: refused for that alone. */
const UNKNOWN_LANGUAGES = ['xx', 'it', 'pl'];
/** Languages some venues have tables for (issue 13, page-locale.ts): a page declaring one but showing English is not read. */
const OTHER_LANGUAGES = ['de', 'fr', 'zh-TW', 'zh-CN'];

describe.each(VENUE_IDS)('%s reader', (venue) => {
  it('finds each selector key its expected number of times on the example order', () => {
    expect(readFixture(venue).matched).toEqual(expectedCounts(statesOf(venue).SELECTORS));
  });

  it.each(UNKNOWN_LANGUAGES)('a page in a language without a table (%s): refused for its locale alone', (lang) => {
    const reading = readFixture(venue, (doc) => (doc.documentElement.lang = lang));
    expect(reading.status === 'unrecognised' && reading.missing).toEqual(['locale']);
  });

  it.each(OTHER_LANGUAGES)('a page that says %s but shows English words is not read', (lang) => {
    const reading = readFixture(venue, (doc) => (doc.documentElement.lang = lang));
    expect(reading.status).toBe('unrecognised');
  });
});

const redeployed = VENUE_IDS.filter((venue) => statesOf(venue).REDEPLOY !== undefined);

describe.each(redeployed)('%s reader after a redeploy', (venue) => {
  it('hashed classes renamed: reads the same form, keys and watched elements as before', () => {
    const { rehash, atLeast } = statesOf(venue).REDEPLOY!;
    const before = readFixture(venue);
    let renamed = 0;
    const after = readFixture(venue, (doc) => (renamed = rehash(doc)));
    expect(renamed).toBeGreaterThan(atLeast);
    expect(after.status).toBe('ok');
    expect(after.matched).toEqual(expectedCounts(statesOf(venue).SELECTORS));
    expect({ ...after, watched: after.watched?.length }).toEqual({ ...before, watched: before.watched?.length });
  });
});

it('the venues whose pages carry hashed classes each say how a redeploy renames them', () => {
  expect([...redeployed].sort()).toEqual(['binance-margin', 'binance-usdm', 'hyperliquid', 'okx-swap']);
});
