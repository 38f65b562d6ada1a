/// <reference types="vite/client" />
// Page readers by URL, for the content script. Every venue folder listed in registry.ts
// has a reader.ts exporting `reader`; they are collected at build time with import.meta.glob,
// so adding a venue means a new folder and one registry line, nothing here.
// The content-script bundle imports this file: readers stay small and import no background code.
import type { Side } from '../core/types';
import type { SelectorTable } from './dom/query';
import { VENUE_IDS } from './registry';
import type { TeachStep } from './teach';
import type { FormReading, PageReader } from './types';

/** A PageReader that can also tell which side a submit button places (for the pre-submit guard). */
export interface VenueReader extends PageReader {
  /** 'long' for a buy button, 'short' for a sell button, null for an element that is not a submit button. */
  sideOfSubmit(el: Element): Side | null;
  /**
   * The typing fast path: `previous` (an ok reading this reader returned) with only the typed
   * values (price, size, …) read again from the same input elements — what read() would return
   * when nothing but those values changed. null when it cannot say (an input left the page, a
   * value no longer parses): then read() in full. The caller uses it only while the page reported
   * no DOM change since `previous` was read.
   */
  refresh?(previous: FormReading): FormReading | null;
  /** The selector table this page is read with (its language's): teach mode and the page report name elements by its keys. */
  selectors(doc: Document, url: URL): SelectorTable;
  /** What the trader can point at when the built-in selectors miss (./<venue>/teach.ts). */
  teach: readonly TeachStep[];
}

const modules = import.meta.glob<{ reader?: VenueReader }>('./*/reader.ts', { eager: true });

function loadReaders(): VenueReader[] {
  const out: VenueReader[] = [];
  for (const venue of VENUE_IDS) {
    const reader = modules[`./${venue}/reader.ts`]?.reader;
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
