// Venue names as the options page shows them: from each venue's about.json, the id if a venue has none.
import { VENUES, type VenueId } from '../../core/types';
import { VENUE_ABOUT } from '../../venues/about';

const NAMES = new Map(VENUE_ABOUT.map((about) => [about.venue, about.name]));

export const venueName = (venue: VenueId): string => NAMES.get(venue) ?? venue;

/** Every venue, in the order of the venue list below the form. */
export const VENUES_IN_ORDER: readonly VenueId[] = [
  ...VENUE_ABOUT.map((about) => about.venue),
  ...VENUES.filter((venue) => !NAMES.has(venue)),
];
