/// <reference types="vite/client" />
// Every venue's feed.ts, found by its folder (named by the venue id, registry.ts): a new venue is a new
// folder with a feed.ts plus its registry line (and its API origins in the background's
// allowlist and the manifest's host_permissions, which are reviewed by hand on purpose).
// The glob is resolved at build time by Vite (and by vitest), so nothing is loaded at run time.
import type { VenueId } from '../core/types';
import type { VenueFeed } from './feed-types';
import { VENUE_IDS } from './registry';

const modules = import.meta.glob<{ feed: VenueFeed }>('./*/feed.ts', { eager: true });

function collect(): Partial<Record<VenueId, VenueFeed>> {
  const out: Partial<Record<VenueId, VenueFeed>> = {};
  for (const venue of VENUE_IDS) {
    const feed = modules[`./${venue}/feed.ts`]?.feed;
    if (feed === undefined) continue;
    // A copy-pasted feed.ts answering for another venue would send the wrong market's prices.
    if (feed.venue !== venue) throw new Error(`src/venues/${venue}/feed.ts declares venue ${feed.venue}`);
    out[venue] = feed;
  }
  return out;
}

export const FEEDS: Readonly<Partial<Record<VenueId, VenueFeed>>> = collect();

export function feedFor(venue: VenueId): VenueFeed | undefined {
  return Object.hasOwn(FEEDS, venue) ? FEEDS[venue] : undefined;
}
