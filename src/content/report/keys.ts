// Which of the reader's selector keys found which elements, key by key (in the form, else over the page)
// with the reader's own strategies (findAll): the report names each element by its keys, so a
// reader fix sees at once what was found where, and what was not found at all.
import { findAll, QueryCache, type SelectorTable } from '../../venues/dom/query';

export interface KeyMatches {
  /** Each matched element and the keys that found it, in table order. */
  byElement: Map<Element, string[]>;
  found: string[];
  several: string[];
  missed: string[];
}

/**
 * Each key is looked for in the form first, and over the page only when the form has none: the
 * order fields are the form's, and the page may hold thousands of position rows a page-wide
 * search of every key would walk (a decoy outside the form is then not named: the reader, too,
 * reads these keys in the form).
 */
export function matchKeys(doc: Document, table: SelectorTable, formRoot: Element | null): KeyMatches {
  const cache = new QueryCache();
  const byElement = new Map<Element, string[]>();
  const found: string[] = [];
  const several: string[] = [];
  const missed: string[] = [];
  for (const [key, spec] of Object.entries(table)) {
    const inForm = formRoot === null ? [] : findAll(formRoot, spec, cache);
    const elements = inForm.length > 0 ? inForm : findAll(doc, spec, cache);
    if (elements.length === 0) missed.push(key);
    else found.push(key);
    if (elements.length > 1) several.push(key);
    for (const el of elements) byElement.set(el, [...(byElement.get(el) ?? []), key]);
  }
  return { byElement, found, several, missed };
}

/**
 * Keys of the account panel (balances, assets, liabilities, margin level): the panel around
 * what they find is reduced to its shape. Positions are rows, found as rows (snapshot.ts).
 */
const ACCOUNT_KEY = /balance|asset|liabilit|equity|marginlevel/i;

/**
 * The account panels: for each account key's element outside the form, its parent (the panel
 * holding the balance rows), unless that parent holds the form itself.
 */
export function accountPanels(matches: KeyMatches, formRoot: Element | null): Set<Element> {
  const panels = new Set<Element>();
  for (const [el, keys] of matches.byElement) {
    if (!keys.some((key) => ACCOUNT_KEY.test(key))) continue;
    if (formRoot !== null && formRoot.contains(el)) continue;
    const parent = el.parentElement;
    const wide =
      parent === null || parent === el.ownerDocument.body || (formRoot !== null && parent.contains(formRoot));
    panels.add(wide ? el : parent);
  }
  return panels;
}
