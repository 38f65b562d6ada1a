/// <reference types="vite/client" />
// The bundled facts as the extension and the tests load them: every venue folder's facts.json,
// found by venue id with Vite's glob (a new venue's file is picked up by its folder alone), plus
// Binance's bracket bundle; parsed once by facts.ts.
import type { FactsBook } from '../core/facts';
import type { VenueId } from '../core/types';
import bracketBundle from './binance-usdm/brackets.json';
import { factsBook } from './facts';
import { VENUE_IDS } from './registry';

const files = import.meta.glob<unknown>('./*/facts.json', { eager: true, import: 'default' });

/** Each venue's facts.json as written (a venue without one is left out: the engine then needs every figure given). */
export const RAW_FACTS: Readonly<Partial<Record<VenueId, unknown>>> = Object.fromEntries(
  VENUE_IDS.flatMap((venue) => {
    const raw = files[`./${venue}/facts.json`];
    return raw === undefined ? [] : [[venue, raw]];
  }),
);

let cached: FactsBook | undefined;

/** All bundled facts, parsed once. */
export function bundledFacts(): FactsBook {
  cached ??= factsBook(RAW_FACTS, bracketBundle);
  return cached;
}
