// The Kraken Pro order form's root, found from the controls that belong together rather than from
// page-wide uniqueness: a live page may show other "Limit price" / "Quantity" inputs (a header price
// alert, a calculator copying the form's labels and `price-N` / `volume-N` ids) and the form must
// still be read — inside its root only. Strict: two complete forms, a copy of a control inside the
// form, or controls outside it that make up a second form → no root (not recognised), never a guess.
import { commonAncestor, findAll, QueryCache } from '../dom/query';
import { KRAKEN_SELECTORS, type KrakenKey } from './selectors';

/**
 * Keys whose one match marks a part of the order form. Within the root each may match at most once;
 * without a complete form (below) the root is the smallest element holding the ones on the page
 * (at least two), so a changed text on one of them (the submit's, say) costs that field only.
 */
const ANCHORS: readonly KrakenKey[] = ['sideBuy', 'sideSell', 'price', 'sizeBase', 'sizeQuote', 'margin', 'submit'];

/** What a complete order form holds: each group matched at least once (a size field of either unit). */
const COMPLETE: readonly (readonly KrakenKey[])[] = [['sideBuy'], ['sideSell'], ['submit'], ['sizeBase', 'sizeQuote']];

const holdsAll = (groups: Element[][], inside: (el: Element) => boolean): boolean =>
  groups.every((group) => group.some(inside));

/**
 * Complete candidates: from every match of a COMPLETE key, the nearest ancestor holding all groups.
 * Only the innermost count (a candidate holding another is the page around the form).
 */
function innermostCandidates(groups: Element[][]): Element[] {
  const candidates = new Set<Element>();
  for (const el of groups.flat()) {
    for (let node: Element | null = el; node !== null; node = node.parentElement) {
      const at = node;
      if (holdsAll(groups, (m) => at.contains(m))) {
        candidates.add(at);
        break;
      }
    }
  }
  return [...candidates].filter((c) => ![...candidates].some((d) => d !== c && c.contains(d)));
}

/** The page without a complete form: the old rule, every anchor on the page at most once. */
function partialRoot(doc: Document, cache: QueryCache): Element | null {
  const found: Element[] = [];
  for (const key of ANCHORS) {
    const matches = findAll(doc, KRAKEN_SELECTORS[key], cache);
    if (matches.length > 1) return null;
    if (matches[0]) found.push(matches[0]);
  }
  if (found.length < 2) return null;
  return found.reduce<Element | null>((root, el) => (root === null ? null : commonAncestor(root, el)), found[0]!);
}

export function anchoredRoot(doc: Document, cache: QueryCache = new QueryCache()): Element | null {
  const groups = COMPLETE.map((keys) => keys.flatMap((key) => findAll(doc, KRAKEN_SELECTORS[key], cache)));
  if (!holdsAll(groups, () => true)) return partialRoot(doc, cache);
  const candidates = innermostCandidates(groups);
  if (candidates.length !== 1) return null; // two complete visible forms: ambiguous
  const root = candidates[0]!;
  // The controls outside the root must not make up a second form (one wrapped around this one).
  if (holdsAll(groups, (m) => !root.contains(m))) return null;
  // A copy of a control inside the form: which one is the order's is a guess.
  if (ANCHORS.some((key) => findAll(root, KRAKEN_SELECTORS[key], cache).length > 1)) return null;
  return root;
}
