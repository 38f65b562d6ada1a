// The fields the trader pointed at (teach mode), per document. A taught locator stands in for a
// selector key only where the built-in strategies find nothing (query.ts findAll asks here last,
// in the same scope), so a reader that still recognises its page never uses one, and the form
// root, the submit buttons and the readings all see the same element. A taught locator that
// matches nothing, or two elements, leaves the key missing or ambiguous like any other: the
// reading is refused rather than guessed.
import type { Side } from '../../core/types';
import type { TeachStep } from '../teach';
import { resolveLocator, type Locator } from './locator-data';
import type { SelectorSpec, SelectorTable } from './query';

interface Taught {
  /** The table's spec objects → the key they were taught for: readers look specs up by identity. */
  bySpec: Map<SelectorSpec, string>;
  byKey: Map<string, Locator>;
}

/** Documents, not a global: a frame or a test page never sees another page's teaching. */
const TAUGHT = new WeakMap<Document, Taught>();

/**
 * Registers (or with null or no locators, clears) what was taught for this document's page,
 * against `table`, the selector table the page is read with (VenueReader.selectors). Replaces
 * whatever was installed before: call it again after each teach step or storage change.
 */
export function installTaught(
  doc: Document,
  table: SelectorTable,
  locators: Readonly<Record<string, Locator>> | null,
): void {
  const entries = Object.entries(locators ?? {}).filter(([key]) => Object.hasOwn(table, key));
  if (entries.length === 0) {
    TAUGHT.delete(doc);
    return;
  }
  const bySpec = new Map<SelectorSpec, string>();
  for (const [key] of entries) bySpec.set(table[key]!, key);
  TAUGHT.set(doc, { bySpec, byKey: new Map(entries) });
}

/** The keys with a taught locator on this document, in the order they were taught. */
export function taughtKeysOf(doc: Document): string[] {
  return [...(TAUGHT.get(doc)?.byKey.keys() ?? [])];
}

function documentOf(root: Document | Element): Document {
  return root.ownerDocument ?? (root as Document);
}

/**
 * The visible elements under `root` that the locator taught for `spec` finds; null when nothing
 * was taught for it. `key` finds a locator taught for that key when the reader reads with a copy
 * of the table (another language's) rather than the table it was taught against.
 */
export function taughtMatches(
  root: Document | Element,
  spec: SelectorSpec,
  hidden?: (el: Element) => boolean,
  key?: string,
): Element[] | null {
  const taught = TAUGHT.get(documentOf(root));
  if (taught === undefined) return null;
  const taughtKey = taught.bySpec.get(spec) ?? key;
  const locator = taughtKey === undefined ? undefined : taught.byKey.get(taughtKey);
  return locator === undefined ? null : resolveLocator(root, locator, hidden);
}

/**
 * The side a taught submit button places (its teach step's `side`), for the guard when the
 * reader itself cannot tell (reader.sideOfSubmit is null on a renamed button). null when `el`
 * is not the one element a taught submit locator finds.
 */
export function taughtSide(el: Element, steps: readonly TeachStep[]): Side | null {
  const taught = TAUGHT.get(el.ownerDocument);
  if (taught === undefined) return null;
  for (const step of steps) {
    if (step.side === undefined) continue;
    for (const key of step.keys) {
      const locator = taught.byKey.get(key);
      if (locator === undefined) continue;
      const found = resolveLocator(el.ownerDocument, locator);
      if (found.length === 1 && found[0] === el) return step.side;
    }
  }
  return null;
}
