/// <reference types="vite/client" />
// Every venue's feed.ts, found by folder (VENUE_FOLDERS in registry.ts): a new venue is a new
// folder with a feed.ts plus its registry line (and its API origins in the background's
// allowlist and the manifest's host_permissions, which are reviewed by hand on purpose).
// The glob is resolved at build time by Vite (and by vitest), so nothing is loaded at run time.
import type { VenueId } from '../core/types';
import type { VenueFeed } from './feed-types';
import { VENUE_FOLDERS } from './registry';

const modules = import.meta.glob<{ feed: VenueFeed }>('./*/feed.ts', { eager: true });

function collect(): Partial<Record<VenueId, VenueFeed>> {
  const out: Partial<Record<VenueId, VenueFeed>> = {};
  for (const [venue, folder] of Object.entries(VENUE_FOLDERS) as Array<[VenueId, string]>) {
    const feed = modules[`./${folder}/feed.ts`]?.feed;
    if (feed === undefined) continue;
    // A copy-pasted feed.ts answering for another venue would send the wrong market's prices.
    if (feed.venue !== venue)
      throw new Error(`src/venues/${folder}/feed.ts declares venue ${feed.venue}, registry says ${venue}`);
    out[venue] = feed;
  }
  return out;
}

export const FEEDS: Readonly<Partial<Record<VenueId, VenueFeed>>> = collect();

export function feedFor(venue: VenueId): VenueFeed | undefined {
  return Object.hasOwn(FEEDS, venue) ? FEEDS[venue] : undefined;
}
