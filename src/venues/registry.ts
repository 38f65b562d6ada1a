// Every venue's folder under src/venues/ is named by its engine id (core/types.ts VENUES, the one
// registry line): reader.ts (content side), feed.ts (background side), selectors.ts, facts.json,
// about.json and fixtures. readers.ts, feeds.ts, facts.ts and about.ts glob them by that name, so
// nothing else names a venue.
import { VENUES, type VenueId } from '../core/types';

export const VENUE_IDS: readonly VenueId[] = VENUES;
