// @vitest-environment happy-dom
// The options page lists every registered venue with what it reads, fetches, computes and assumes.
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { VenueList } from '../src/ui/options/VenueList';
import { VENUE_ABOUT } from '../src/venues/about';
import { VENUE_IDS } from '../src/venues/registry';

describe('options: venue list', () => {
  it('shows one entry per registry venue, each with all four parts', () => {
    expect(VENUE_ABOUT.map((a) => a.venue).sort()).toEqual([...VENUE_IDS].sort());
    const root = document.createElement('div');
    render(<VenueList />, root);
    const entries = [...root.querySelectorAll('details[data-venue]')];
    expect(entries.map((e) => e.getAttribute('data-venue')).sort()).toEqual([...VENUE_IDS].sort());
    for (const entry of entries) {
      expect([...entry.querySelectorAll('h4')].map((h) => h.textContent)).toEqual([
        'Read from the page',
        'Public market data',
        'Computed',
        'Assumed',
      ]);
      const venue = entry.getAttribute('data-venue');
      expect(
        entry.querySelectorAll('li').length,
        `${venue}: at least 8 items over about.json reads, marketData, computes and assumes`,
      ).toBeGreaterThanOrEqual(8);
    }
  });
});
