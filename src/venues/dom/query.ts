// Finding order-form elements from selector data (each venue's selectors.ts). A selector key
// is an ordered list of strategies; the first strategy that finds anything wins, and the
// reader then checks the count (one where one is needed: more is "ambiguous", never "take
// the first"). Strategies use what survives redeploys — roles, ARIA names, labels, visible
// text, component-library classes, re-numbered id prefixes — and never hashed classes or
// positions. Hidden elements do not count: SPAs keep inactive copies of forms around, hidden by
// an attribute (hidden, aria-hidden), an inline style, or — most often — a stylesheet class
// (display:none, visibility:hidden). The attributes and inline styles are checked first (cheap,
// and the answer is kept per ancestor); what the stylesheets make of an element is asked of the
// browser (checkVisibility, else computed style and client rects).
import { matchesText, normalizeText, textOf, type TextMatch } from './text';

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

export interface SelectorSpec {
  strategies: readonly Strategy[];
  /** How many elements this key finds on the venue's fixture page in its example state. */
  expected: number;
}

export type SelectorTable<K extends string = string> = Readonly<Record<K, SelectorSpec>>;

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

/** Hidden by this element's own attributes or inline display (no style computation). */
function hiddenByMarkup(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  // Only display: an ancestor's visibility:hidden can be overridden below it (the style check sees that).
  return style !== undefined && style.display === 'none';
}

interface VisibilityCheck {
  checkVisibility?(options?: { visibilityProperty?: boolean; checkVisibilityCSS?: boolean }): boolean;
}

/**
 * Not rendered as the stylesheets have it: display:none on it or an ancestor, visibility:hidden,
 * or no box at all. checkVisibility answers all of that in one call (Chromium 105+, Firefox 106+);
 * without it, computed styles up the tree and the element's client rects.
 */
function hiddenByStyle(el: Element): boolean {
  const probe = el as Element & VisibilityCheck;
  if (typeof probe.checkVisibility === 'function')
    return !probe.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true });
  const view = el.ownerDocument.defaultView;
  if (view === null) return false; // a document nobody renders: no styles to ask
  for (let node: Element | null = el; node !== null; node = node.parentElement) {
    if (view.getComputedStyle(node).display === 'none') return true;
  }
  return view.getComputedStyle(el).visibility === 'hidden' || el.getClientRects().length === 0;
}

/** Whether the trader cannot see `el` (markup first, then the stylesheets' verdict). */
export function isHidden(el: Element): boolean {
  for (let node: Element | null = el; node !== null; node = node.parentElement) {
    if (hiddenByMarkup(node)) return true;
  }
  return hiddenByStyle(el);
}

function isFormControl(el: Element): boolean {
  return el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA';
}

function labelledByText(el: Element): string | null {
  const ids = el.getAttribute('aria-labelledby');
  if (ids === null) return null;
  const parts: string[] = [];
  for (const id of ids.split(/\s+/)) {
    const target = id === '' ? null : el.ownerDocument.getElementById(id);
    if (target !== null) parts.push(textOf(target));
  }
  return parts.length > 0 ? normalizeText(parts.join(' ')) : null;
}

/** Label of a form control: aria-labelledby, aria-label, <label for=id>, enclosing <label>; '' when none. */
export function controlLabel(el: Element): string {
  const byRef = labelledByText(el);
  if (byRef !== null) return byRef;
  const aria = el.getAttribute('aria-label');
  if (aria !== null && aria.trim() !== '') return normalizeText(aria);
  if (el.id !== '') {
    for (const label of el.ownerDocument.querySelectorAll('label')) {
      if (label.htmlFor === el.id) return textOf(label);
    }
  }
  const enclosing = el.closest('label');
  return enclosing === null ? '' : textOf(enclosing);
}

/** A simplified accessible name: aria-labelledby, aria-label, then label (controls) or text. */
export function accessibleName(el: Element): string {
  if (isFormControl(el)) return controlLabel(el);
  const byRef = labelledByText(el);
  if (byRef !== null) return byRef;
  const aria = el.getAttribute('aria-label');
  if (aria !== null && aria.trim() !== '') return normalizeText(aria);
  return textOf(el);
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

/** Visible elements for the first strategy that finds any; [] when none does. */
export function findAll(root: Root, spec: SelectorSpec, cache: QueryCache = new QueryCache()): Element[] {
  for (const strategy of spec.strategies) {
    const found = [...new Set(run(root, strategy, cache))].filter((el) => !cache.hidden(el));
    if (found.length > 0) return found;
  }
  return [];
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
