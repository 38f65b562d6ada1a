// Finding order-form elements from selector data (each venue's selectors.ts). A selector key
// is an ordered list of strategies; the first strategy that finds anything wins, and the
// reader then checks the count (one where one is needed: more is "ambiguous", never "take
// the first"). Strategies use what survives redeploys — roles, ARIA names, labels, visible
// text, component-library classes, re-numbered id prefixes — and never hashed classes or
// positions. Hidden elements do not count (visibility.ts); names and labels are in names.ts.
import { accessibleName, controlLabel, isFormControl } from './names';
import { taughtMatches } from './taught';
import { matchesText, textOf, type TextMatch } from './text';
import { hiddenByMarkup, hiddenByStyle } from './visibility';

export { accessibleName, controlLabel } from './names';
export { isHidden } from './visibility';

export type Strategy =
  /** A CSS selector over stable attributes: role/aria, data-testid, component-library classes. */
  | { by: 'css'; css: string }
  /** Elements with an ARIA role (explicit, or the tag's implicit one) whose accessible name matches; `css` narrows further. */
  | { by: 'role'; role: string; name: TextMatch; css?: string }
  /** Form controls whose label (aria-labelledby, aria-label, <label>) matches; `css` narrows the controls. */
  | { by: 'label'; label: TextMatch; css: string }
  /** The innermost elements matching `css` whose visible text matches. */
  | { by: 'text'; text: TextMatch; css: string }
  /** Elements matching `css` whose id is `prefix` followed by digits (the digits change between renders). */
  | { by: 'idPrefix'; prefix: string; css: string }
  /** Inputs inside a component-library text field (`field`) whose label part (`labelPart`) matches. */
  | { by: 'field'; label: TextMatch; field: string; labelPart: string; input: string };

/**
 * How many elements a key finds on the venue's fixture page in each state the page can be put in
 * (tests/venues/<id>/states.ts): `example` is the page as loaded, the example order; the others
 * (market tab, spot, logged out, …) include the states where the element must be absent (0).
 * Asserted for every venue and state by tests/venues/selector-counts.test.ts; never read at runtime.
 */
export type ExpectedCounts<S extends string = string> = Readonly<Record<'example' | S, number>>;

export interface SelectorSpec<S extends string = string> {
  strategies: readonly Strategy[];
  expected: ExpectedCounts<S>;
}

/** A venue's selector keys `K`; `S` names the fixture states besides `example` every key has a count for. */
export type SelectorTable<K extends string = string, S extends string = string> = Readonly<Record<K, SelectorSpec<S>>>;

type Root = Document | Element;

/** Labels longer than this are containers, not labels; skipping them keeps text search cheap. */
const MAX_LABEL_CHARS = 200;

const IMPLICIT_ROLE: Readonly<Record<string, string>> = {
  button: 'button, input[type="button"], input[type="submit"]',
  checkbox: 'input[type="checkbox"]',
  radio: 'input[type="radio"]',
  link: 'a[href]',
};

function roleSelector(role: string): string {
  const implicit = Object.hasOwn(IMPLICIT_ROLE, role) ? IMPLICIT_ROLE[role] : undefined;
  const explicit = `[role="${role}"]`;
  if (implicit === undefined) return explicit;
  return [explicit, ...implicit.split(',').map((s) => `${s.trim()}:not([role])`)].join(', ');
}

/**
 * Whether the element's text (textContent) is at most `max` characters, without building it:
 * the text of a page-wide container is a huge string, and most elements a text strategy looks
 * at are containers.
 */
export function textAtMost(el: Element, max: number): boolean {
  let length = 0;
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    length += (node as CharacterData).data.length;
    if (length > max) return false;
  }
  return true;
}

/** Drops every match that contains another match, leaving the innermost ones. */
function innermost(found: Element[]): Element[] {
  return found.filter((el) => !found.some((other) => other !== el && el.contains(other)));
}

function memo<K, V>(map: Map<K, V>, key: K, compute: () => V): V {
  const known = map.get(key);
  if (known !== undefined || map.has(key)) return known as V;
  const value = compute();
  map.set(key, value);
  return value;
}

/**
 * Memo for one reading pass: a reader asks for the same selector over the same root, and for the
 * same element's name or visibility, many times (Buy, Sell, Limit and Market are all tabs). Each
 * is computed once per pass; never kept across passes, since the page changes between them.
 */
export class QueryCache {
  private readonly lists = new Map<Root, Map<string, Element[]>>();
  private readonly names = new Map<Element, string>();
  private readonly labels = new Map<Element, string>();
  private readonly texts = new Map<Element, string>();
  private readonly hiddens = new Map<Element, boolean>();
  private readonly markups = new Map<Element, boolean>();

  all(root: Root, css: string): Element[] {
    return memo(
      memo(this.lists, root, () => new Map<string, Element[]>()),
      css,
      () => [...root.querySelectorAll(css)],
    );
  }

  name(el: Element): string {
    return memo(this.names, el, () => (isFormControl(el) ? this.label(el) : accessibleName(el)));
  }

  label(el: Element): string {
    return memo(this.labels, el, () => controlLabel(el));
  }

  text(el: Element): string {
    return memo(this.texts, el, () => textOf(el));
  }

  /** isHidden, with every ancestor's markup answer kept for the next element under it. */
  hidden(el: Element): boolean {
    return memo(this.hiddens, el, () => this.hiddenMarkup(el) || hiddenByStyle(el));
  }

  private hiddenMarkup(el: Element): boolean {
    return memo(
      this.markups,
      el,
      () => hiddenByMarkup(el) || (el.parentElement !== null && this.hiddenMarkup(el.parentElement)),
    );
  }
}

function run(root: Root, s: Strategy, q: QueryCache): Element[] {
  switch (s.by) {
    case 'css':
      return q.all(root, s.css);
    case 'role':
      return q
        .all(root, roleSelector(s.role))
        .filter((el) => (s.css === undefined || el.matches(s.css)) && matchesText(q.name(el), s.name));
    case 'label':
      return q.all(root, s.css).filter((el) => isFormControl(el) && matchesText(q.label(el), s.label));
    case 'text':
      return innermost(
        q.all(root, s.css).filter((el) => textAtMost(el, MAX_LABEL_CHARS) && matchesText(q.text(el), s.text)),
      );
    case 'idPrefix':
      return q
        .all(root, s.css)
        .filter((el) => el.id.startsWith(s.prefix) && /^\d+$/.test(el.id.slice(s.prefix.length)));
    case 'field': {
      const out: Element[] = [];
      for (const field of q.all(root, s.field)) {
        const labelled = q
          .all(field, s.labelPart)
          .some((part) => textAtMost(part, MAX_LABEL_CHARS) && matchesText(q.text(part), s.label));
        if (labelled) out.push(...q.all(field, s.input));
      }
      return out;
    }
  }
}

/**
 * Visible elements for the first strategy that finds any; when none does, what a locator the
 * trader taught for this spec finds in the same scope (taught.ts; `taught` says so). `key`: the
 * selector key the spec belongs to, when the caller knows it (Scan).
 */
export function findAllWith(
  root: Root,
  spec: SelectorSpec,
  cache: QueryCache,
  key?: string,
): { found: Element[]; taught: boolean } {
  for (const strategy of spec.strategies) {
    const found = [...new Set(run(root, strategy, cache))].filter((el) => !cache.hidden(el));
    if (found.length > 0) return { found, taught: false };
  }
  const taught = taughtMatches(root, spec, (el) => cache.hidden(el), key);
  return taught === null ? { found: [], taught: false } : { found: taught, taught: true };
}

/** Visible elements for the first strategy that finds any (else a taught locator's); [] when none does. */
export function findAll(root: Root, spec: SelectorSpec, cache: QueryCache = new QueryCache()): Element[] {
  return findAllWith(root, spec, cache).found;
}

/** The one element a selector finds, or null when it finds none or more than one (ambiguous). */
export function findUnique(root: Root, spec: SelectorSpec): Element | null {
  const found = findAll(root, spec);
  return found.length === 1 ? (found[0] ?? null) : null;
}

/** Selected/pressed/checked state as the page announces it. */
export function isOn(el: Element): boolean {
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).checked;
  return ['aria-selected', 'aria-pressed', 'aria-checked'].some((name) => el.getAttribute(name) === 'true');
}

/** The value the user typed into an input; null for anything that is not an input. */
export function inputValue(el: Element): string | null {
  return el.tagName === 'INPUT' ? (el as HTMLInputElement).value : null;
}

/** The deepest element that contains both (either may be the other). */
export function commonAncestor(a: Element, b: Element): Element | null {
  for (let node: Element | null = a; node !== null; node = node.parentElement) {
    if (node.contains(b)) return node;
  }
  return null;
}
