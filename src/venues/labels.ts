/// <reference types="vite/client" />
// The about.json fields the content script needs (the overlay's venue label, a fixed quote
// currency, whether the venue is spot margin), collected by venue id like about.ts. Only these fields are imported, so the long
// texts of about.json stay out of the content bundle (its gzip budget).
import type { VenueId } from '../core/types';
import type { MarginLevelAbout } from './about';
import { VENUE_IDS } from './registry';

const labels = import.meta.glob<string>('./*/about.json', { eager: true, import: 'label' });
const fixedQuotes = import.meta.glob<string | null>('./*/about.json', { eager: true, import: 'fixedQuote' });
const spotMargins = import.meta.glob<boolean>('./*/about.json', { eager: true, import: 'spotMargin' });
const marginLevels = import.meta.glob<MarginLevelAbout>('./*/about.json', { eager: true, import: 'marginLevel' });

const byVenue = <T>(modules: Record<string, T>): Record<VenueId, T> =>
  Object.fromEntries(VENUE_IDS.map((venue) => [venue, modules[`./${venue}/about.json`]])) as Record<VenueId, T>;

/** The short venue name the overlay and the popup show (about.json "label"). */
export const VENUE_LABEL: Readonly<Record<VenueId, string>> = byVenue(labels);

/** The one quote currency of venues whose symbols are bare coins (about.json "fixedQuote"), else null. */
export const FIXED_QUOTE: Readonly<Record<VenueId, string | null>> = byVenue(fixedQuotes);

/** Spot-margin venues (about.json "spotMargin"): they warn at a margin-call level before liquidating; perpetuals do not. */
export const SPOT_MARGIN_VENUES: ReadonlySet<VenueId> = new Set(
  VENUE_IDS.filter((venue) => spotMargins[`./${venue}/about.json`] === true),
);

/** Each venue's own margin-level figure (about.json "marginLevel"): its name and definition key, its documented liquidation level. */
export const MARGIN_LEVEL: Readonly<Record<VenueId, MarginLevelAbout>> = byVenue(marginLevels);
