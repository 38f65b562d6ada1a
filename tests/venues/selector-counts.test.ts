// @vitest-environment happy-dom
// Selector counts per fixture state (refined-github keeps a count per page state): every venue's
// selector table says, for every key, how many elements it finds in each state its fixture page
// can be put in (src/venues/<id>/selectors.ts `expected`), including the states where an element
// must be absent (0). The venue's tests/venues/<id>/states.ts puts the page in each state; this one
// loop reads every venue's page in every state and compares what each key matched.
import { describe, expect, it } from 'vitest';
import { readerForUrl } from '../../src/venues/readers';
import { VENUE_IDS } from '../../src/venues/registry';
import { expectedCounts, loadPage } from '../readers/load';
import { FIXTURES } from './fixture-pages';
import type { VenueStates } from './fixture-states';

const modules = import.meta.glob<VenueStates>('./*/states.ts', { eager: true });
const statesOf = (venue: string): VenueStates | undefined => modules[`./${venue}/states.ts`];

describe.each(VENUE_IDS)('%s selector counts', (venue) => {
  const venueStates = statesOf(venue);

  it('has fixture states (tests/venues/<id>/states.ts), the example state among them', () => {
    expect(venueStates, `tests/venues/${venue}/states.ts`).toBeDefined();
    expect(Object.keys(venueStates!.STATES)).toContain('example');
  });

  it('counts every key in exactly those states', () => {
    const states = Object.keys(venueStates!.STATES).sort();
    for (const [key, spec] of Object.entries(venueStates!.SELECTORS)) {
      expect(Object.keys(spec.expected).sort(), `${venue} ${key}`).toEqual(states);
    }
  });

  it.each(Object.entries(venueStates?.STATES ?? {}))(
    '%s: each key finds its expected count',
    (state, { url, page, put }) => {
      const doc = loadPage(page ?? FIXTURES[venue].page);
      put(doc);
      const at = new URL(url ?? FIXTURES[venue].url);
      const reader = readerForUrl(at);
      expect(reader?.venue).toBe(venue);
      const reading = reader!.read(doc, at);
      expect(reading.matched).toEqual(expectedCounts(venueStates!.SELECTORS, state));
    },
  );

  it('some state finds nothing for a key the example finds, or the reverse (absence is asserted)', () => {
    const { SELECTORS } = venueStates!;
    const differs = Object.values(SELECTORS).some((spec) =>
      Object.values(spec.expected).some((n) => (n === 0) !== (spec.expected.example === 0)),
    );
    expect(
      differs,
      `${venue}: no key is counted 0 in one state and found in another — tests/venues/${venue}/states.ts needs a state where an element is absent (market tab, logged out …)`,
    ).toBe(true);
  });
});
