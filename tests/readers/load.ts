// Fixture pages as documents for reader tests. DOMParser never runs the pages' inline
// scripts: readers must work on the static DOM, and tests simulate interaction by editing it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SelectorTable } from '../../src/venues/dom/query';

// Paths, not URL objects: under happy-dom the global URL is the emulated one.
export const ROOT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PAGES_DIR = join(ROOT_DIR, 'e2e', 'fixtures', 'pages');

export function loadPage(name: string): Document {
  const html = readFileSync(join(PAGES_DIR, name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Each key's expected count in one fixture state (by default the example order, the page as loaded). */
export function expectedCounts(table: SelectorTable, state = 'example'): Record<string, number> {
  return Object.fromEntries(
    Object.entries(table).map(([key, spec]) => {
      const count = spec.expected[state];
      if (count === undefined) throw new Error(`test setup: ${key} has no expected count for state ${state}`);
      return [key, count];
    }),
  );
}

/** The single element matching `css`; throws so a broken test setup fails loudly. */
export function $(doc: Document | Element, css: string): HTMLElement {
  const found = doc.querySelectorAll<HTMLElement>(css);
  if (found.length !== 1) throw new Error(`test setup: ${found.length} matches for ${css}`);
  return found[0]!;
}

/** Element by its exact visible text among `css` matches. */
export function byText(doc: Document | Element, css: string, text: string): HTMLElement {
  const found = [...doc.querySelectorAll<HTMLElement>(css)].filter((el) => el.textContent?.trim() === text);
  if (found.length !== 1) throw new Error(`test setup: ${found.length} "${text}" in ${css}`);
  return found[0]!;
}

/** Replaces every emotion-style hashed class (css-xxxx) with a new random-looking one, as a redeploy does. */
export function rehashClasses(doc: Document): number {
  let changed = 0;
  for (const el of doc.querySelectorAll('[class]')) {
    for (const cls of [...el.classList]) {
      if (/^css-[a-z0-9]+$/.test(cls)) {
        el.classList.replace(cls, `css-${(changed++).toString(36)}zz${cls.length}`);
      }
    }
  }
  return changed;
}
