// Walks src/venues/*: every venue folder is complete — registry line, page reader with selectors
// as data, feed with saved API responses, its own tests in tests/venues/<id>/ (reader.test.ts,
// feed.test.ts, states.ts for the selector counts per page state), dated facts, the words the
// options page and README show, a fixture page at its real URL in the mock, and e2e coverage of
// the same kinds Kraken and Binance futures have. A folder that is half a venue fails here, not in a trader's browser.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VenueId } from '../../src/core/types';
import { VENUE_IDS } from '../../src/venues/registry';
import { FIXTURES } from './fixture-pages';

const ROOT = join(import.meta.dirname, '..', '..');
const VENUES_DIR = join(ROOT, 'src', 'venues');
/** Folders under src/venues that hold shared code, not a venue. */
const SHARED = new Set(['dom']);

const folders = readdirSync(VENUES_DIR)
  .filter((name) => statSync(join(VENUES_DIR, name)).isDirectory() && !SHARED.has(name))
  .sort();
const venueOf = (folder: string): VenueId | undefined => VENUE_IDS.find((venue) => venue === folder);
const read = (...parts: string[]) => readFileSync(join(ROOT, ...parts), 'utf8');

/** e2e specs that drive this venue's fixture page (they import its page harness). */
function specsFor(folder: string): string {
  const dir = join(ROOT, 'e2e', 'tests');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.spec.ts'))
    .map((f) => read('e2e', 'tests', f))
    .filter((text) => text.includes(`harness/${folder}-page'`))
    .join('\n');
}

/** The kinds of e2e coverage every venue has, each recognised by what its test must call. */
const E2E_COVERAGE: ReadonlyArray<[string, RegExp]> = [
  ['overlay figures equal the engine', /waitForEngineFigures\(/],
  ['symbol switch by SPA navigation', /(switch|pushState)/i],
  ['pre-submit guard', /guard/i],
  ['API faults', /mock\.fault\(/],
  ['stale market data', /mock\.freeze\(/],
  ['allowlisted hosts only', /allowlist/i],
  ['nothing written to the page', /never changed/i],
];

describe('src/venues/* folders', () => {
  it('are exactly the registered venue ids (plus shared code): one name per venue', () => {
    expect(folders).toEqual([...VENUE_IDS].sort());
  });

  describe.each(folders)('%s', (folder) => {
    const venue = venueOf(folder)!;

    it('has a reader with selectors, a feed with its schema, facts and about.json', () => {
      for (const file of ['reader.ts', 'selectors.ts', 'feed.ts', 'feed-schema.ts', 'facts.json', 'about.json']) {
        expect(existsSync(join(VENUES_DIR, folder, file)), `${folder}/${file}`).toBe(true);
      }
      expect(read('src', 'venues', folder, 'reader.ts')).toMatch(new RegExp(`venue: '${venue}'`));
      expect(read('src', 'venues', folder, 'feed.ts')).toMatch(new RegExp(`venue: '${venue}'`));
    });

    it('keeps saved API responses for its feed tests, and its own tests live in tests/venues/<id>/', () => {
      const saved = readdirSync(join(VENUES_DIR, folder, 'fixtures', 'api')).filter((f) => f.endsWith('.json'));
      expect(saved.length).toBeGreaterThanOrEqual(2);
      const own = join(ROOT, 'tests', 'venues', folder);
      for (const [file, imports] of [
        ['reader.test.ts', `venues/${folder}/reader'`],
        ['feed.test.ts', `venues/${folder}/feed'`],
      ] as const) {
        expect(existsSync(join(own, file)), `tests/venues/${folder}/${file}`).toBe(true);
        expect(
          read('tests', 'venues', folder, file),
          `tests/venues/${folder}/${file} imports src/${imports}`,
        ).toContain(imports);
      }
      expect(existsSync(join(own, 'states.ts')), `tests/venues/${folder}/states.ts (its fixture page states)`).toBe(
        true,
      );
    });

    it('has no venue-specific tests outside its folder (named after it in tests/readers, tests/background)', () => {
      for (const dir of ['readers', 'background', 'tier-properties', '.']) {
        const stray = readdirSync(join(ROOT, 'tests', dir)).filter(
          (f) => f.endsWith('.test.ts') && (f.startsWith(`${folder}.`) || f.startsWith(`feed-${folder}`)),
        );
        expect(stray, `tests/${dir}`).toEqual([]);
      }
    });

    it('says in about.json what it reads, fetches, computes and assumes, and the README lists it', () => {
      const about = JSON.parse(read('src', 'venues', folder, 'about.json')) as Record<string, unknown>;
      expect(Object.keys(about).sort()).toEqual([
        'assumes',
        'balance',
        'computes',
        'crossOnly',
        'degrades',
        'exampleSymbol',
        'fixedQuote',
        'fixtureUrl',
        'label',
        'marginLevel',
        'marketData',
        'name',
        'pages',
        'reads',
        'spotMargin',
      ]);
      for (const key of ['pages', 'reads', 'marketData', 'computes', 'assumes']) {
        expect(
          Array.isArray(about[key]) &&
            (about[key] as unknown[]).length > 0 &&
            (about[key] as unknown[]).every((s) => typeof s === 'string' && s.length > 3),
          `${folder} about.${key}`,
        ).toBe(true);
      }
      expect(typeof about.degrades === 'string' && about.degrades.length > 20).toBe(true);
      expect(read('README.md')).toContain(`| ${about.name as string} |`);
    });

    it('has its fixture page served by its mock module at its real URL', () => {
      const fixture = FIXTURES[venue];
      expect(fixture, `FIXTURES row for ${venue}`).toBeDefined();
      expect(existsSync(join(ROOT, 'e2e', 'fixtures', 'pages', fixture.page))).toBe(true);
      const mocks = readdirSync(join(ROOT, 'e2e', 'mock', 'venues')).map((f) => read('e2e', 'mock', 'venues', f));
      expect(
        mocks.some((text) => text.includes(`'${fixture.page}'`)),
        `a mock module serves ${fixture.page}`,
      ).toBe(true);
    });

    it('has e2e coverage of every kind', () => {
      expect(existsSync(join(ROOT, 'e2e', 'harness', `${folder}-page.ts`)), `e2e/harness/${folder}-page.ts`).toBe(true);
      const specs = specsFor(folder);
      const missing = E2E_COVERAGE.filter(([, pattern]) => !pattern.test(specs)).map(([what]) => what);
      expect(missing, `e2e specs importing harness/${folder}-page`).toEqual([]);
    });
  });
});
