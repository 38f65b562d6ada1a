/// <reference types="vite/client" />
// Page readers by URL, for the content script. Every venue folder listed in registry.ts
// has a reader.ts exporting `reader`; they are collected at build time with import.meta.glob,
// so adding a venue means a new folder and one registry line, nothing here.
// The content-script bundle imports this file: readers stay small and import no background code.
import type { Side } from '../core/types';
import { VENUE_FOLDERS } from './registry';
import type { PageReader } from './types';

/** A PageReader that can also tell which side a submit button places (for the pre-submit guard). */
export interface VenueReader extends PageReader {
  /** 'long' for a buy button, 'short' for a sell button, null for an element that is not a submit button. */
  sideOfSubmit(el: Element): Side | null;
}

const modules = import.meta.glob<{ reader?: VenueReader }>('./*/reader.ts', { eager: true });

function loadReaders(): VenueReader[] {
  const out: VenueReader[] = [];
  for (const [venue, folder] of Object.entries(VENUE_FOLDERS)) {
    const reader = modules[`./${folder}/reader.ts`]?.reader;
    // A folder whose reader is missing or names another venue is a build mistake; the
    // meta-test in tests/readers catches it, and here it simply reads nothing.
    if (reader !== undefined && reader.venue === venue) out.push(reader);
  }
  return out;
}

export const READERS: readonly VenueReader[] = loadReaders();

export function readerForUrl(url: URL): VenueReader | null {
  return READERS.find((reader) => reader.matchesUrl(url)) ?? null;
}
