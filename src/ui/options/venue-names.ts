// Venue names as the options page shows them: from each venue's about.json, the id if a venue has none,
// in glyphs every system font has. NFKC folds compatibility letters to plain ones: Binance's
// "USDⓈ-M" (Ⓢ, missing from many fonts: a tofu box) reads "USDS-M", Binance's own plain spelling.
import { VENUES, type VenueId } from '../../core/types';
import { VENUE_ABOUT } from '../../venues/about';

/** A name in glyphs every system font has (compatibility letters folded: Ⓢ → S). */
export const safeGlyphs = (text: string): string => text.normalize('NFKC');

const NAMES = new Map(VENUE_ABOUT.map((about) => [about.venue, safeGlyphs(about.name)]));

export const venueName = (venue: VenueId): string => NAMES.get(venue) ?? venue;

/** Every venue, in the order of the venue list below the form. */
export const VENUES_IN_ORDER: readonly VenueId[] = [
  ...VENUE_ABOUT.map((about) => about.venue),
  ...VENUES.filter((venue) => !NAMES.has(venue)),
];
