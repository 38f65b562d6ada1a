// The states a venue's fixture page can be put in, for the selector counts (src/venues/dom/query.ts
// ExpectedCounts): each venue's tests/venues/<id>/states.ts edits the loaded page as the trader or
// the site would (a tab selected, a panel gone) and names the URL when the state has its own.
// tests/venues/selector-counts.test.ts puts every venue's page in every state and checks each key.
import type { SelectorTable } from '../../src/venues/dom/query';
import { byText } from '../readers/load';

export interface FixtureState {
  /** The page's URL in this state, when it is not the fixture's (tests/venues/fixture-pages.ts). */
  readonly url?: string;
  /** The fixture page of this state, when it is not the venue's first generation (e.g. `<venue>.gen2.html`). */
  readonly page?: string;
  /** Puts the freshly loaded fixture page into this state. */
  readonly put: (doc: Document) => void;
}

/** `example` is the page as loaded; `S` the venue's other states, the same names its selector counts use. */
export type FixtureStates<S extends string> = Readonly<Record<'example' | S, FixtureState>>;

/** What each tests/venues/<id>/states.ts exports. */
export interface VenueStates {
  readonly SELECTORS: SelectorTable;
  readonly STATES: FixtureStates<string>;
  /** How a redeploy renames the page's hashed classes (at least `atLeast` of them), for venues whose pages have them. */
  readonly REDEPLOY?: { readonly rehash: (doc: Document) => number; readonly atLeast: number };
}

export const AS_LOADED: FixtureState = { put: () => undefined };

/** Selects the tab named `name` among the `tabs` matches, and unselects the others of its tab list. */
export function selectTab(doc: Document, tabs: string, name: string): void {
  const tab = byText(doc, tabs, name);
  const list = tab.closest('[role="tablist"]') ?? tab.parentElement!;
  for (const t of doc.querySelectorAll(tabs)) if (list.contains(t)) t.setAttribute('aria-selected', String(t === tab));
}
