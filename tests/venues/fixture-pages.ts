// Each venue's fixture page and the real URL it is served at in e2e: the page is always
// e2e/fixtures/pages/<VenueId>.html, the URL is the venue's about.json "fixtureUrl".
import type { VenueId } from '../../src/core/types';
import { VENUE_ABOUT } from '../../src/venues/about';

export const FIXTURES: Record<VenueId, { page: string; url: string }> = Object.fromEntries(
  VENUE_ABOUT.map(({ venue, fixtureUrl }) => [venue, { page: `${venue}.html`, url: fixtureUrl }]),
) as Record<VenueId, { page: string; url: string }>;
