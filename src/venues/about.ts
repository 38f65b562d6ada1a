/// <reference types="vite/client" />
// What each venue reads from its page, fetches, computes and assumes — in words, for the options
// page and the README. One about.json per venue folder, collected by venue id like readers.ts,
// and checked against the folder's feed and fixture by tests/venues/venue-folders.test.ts.
import type { VenueId } from '../core/types';
import { VENUE_IDS } from './registry';

export interface VenueAbout {
  venue: VenueId;
  name: string;
  /** Page URL patterns the extension runs on (placeholders in <angle brackets>). */
  pages: string[];
  reads: string[];
  marketData: string[];
  computes: string[];
  assumes: string[];
  /** What the reader cannot rely on, and how it degrades. */
  degrades: string;
}

const modules = import.meta.glob<{ default: Omit<VenueAbout, 'venue'> }>('./*/about.json', { eager: true });

export const VENUE_ABOUT: readonly VenueAbout[] = VENUE_IDS.flatMap((venue) => {
  const about = modules[`./${venue}/about.json`]?.default;
  return about === undefined ? [] : [{ venue, ...about }];
});
