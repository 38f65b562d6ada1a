// What a session is given and what it offers (session.ts starts one per trade page).
import type { Settings } from '../settings/settings';
import type { VenueReader } from '../venues/readers';
import type { ExtApi } from './ext-api';
import type { PageReport } from './page-report';
import type { TaughtStore } from './teach/taught-store';

export interface SessionDeps {
  win: Window;
  doc: Document;
  reader: VenueReader;
  url: URL;
  ext: ExtApi;
  settings: () => Settings;
  /** The extension context is gone: the caller stops everything. */
  onInvalidated: () => void;
  now?: () => number;
  /** The fields the trader pointed at (teach mode); without it nothing is taught or kept. */
  taught?: TaughtStore;
  /**
   * 'now' (the default): read the form as the session starts. 'deferred' (a page load): read at idle
   * time or at the trader's first touch of the page; the guard listens from the start either way.
   */
  firstRead?: 'now' | 'deferred';
}

export interface Session {
  /** Something outside the form may have changed (settings, the clock): redraw if needed. */
  refresh(): void;
  /** The page's URL changed but the page is the same (only the query): read the form again. */
  urlChanged(): void;
  /** Page structure changed somewhere: re-read if what the reading used left the page. */
  structureChanged(): void;
  /**
   * Teach mode (the popup's "Point at the fields"): walks the trader through the fields to point at.
   * False when this page has nothing that can be taught (a run already on counts as started).
   */
  teach(): boolean;
  /** The page report of the form as last read (null before the first reading), once the module that builds it is in. */
  report(): Promise<PageReport | null>;
  /** The stored taught fields changed (the options page forgot some): read with what is stored now. */
  taughtChanged(): void;
  stop(): void;
}
