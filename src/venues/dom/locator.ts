// Building a locator for an element the trader pointed at (teach mode). The candidates are tried
// in order of how well they survive a redeploy — id, id prefix, data-testid, aria-label, label
// text, component class, then a short structural path anchored on an ancestor's candidate — and
// the first that finds exactly this element, among the visible ones, wins. Names that a build
// tool or a render generates (hashed classes, React ids, utility classes, a state like "active")
// are never candidates: they would match nothing, or something else, after the next deploy.
// The locator data, its schema and the lookup are in locator-data.ts (re-exported here).
import { MAX_PATH_STEPS, nameOf, resolveLocator, type AnchorLocator, type Locator } from './locator-data';
import { normalizeText } from './text';

export {
  describeLocator,
  locatorSchema,
  resolveLocator,
  type AnchorLocator,
  type Locator,
  type PathLocator,
} from './locator-data';
import { isHidden } from './visibility';

/** Longer names are sentences or containers' texts, not labels. */
const MAX_NAME_CHARS = 80;

/** Classes a component toggles with its state: the element has them only some of the time. */
const STATE_CLASS =
  /^(?:is|has)[-_]|^(?:active|selected|checked|focus|focused|hover|disabled|open|show|visible|error)$/i;
/** CSS-in-JS and scoped-style prefixes (emotion's css-1x2y3z, styled-components' sc-…, jss-…). */
const GENERATED_PREFIX = /^(?:css|sc|jsx|jss|emotion|styled|svelte|tw|makeStyles)-/i;
/**
 * Layout utilities (Tailwind, Bootstrap): they say how an element looks, not what it is, and
 * move from element to element with every redesign. Those with digits are refused anyway.
 */
const UTILITY_CLASS =
  /^(?:flex|grid|block|inline|inline-block|inline-flex|hidden|invisible|relative|absolute|fixed|sticky|static|container|contents|truncate|italic|underline|uppercase|lowercase|capitalize|grow|shrink|row|col|clearfix|rounded|shadow|border|outline|ring|transition|antialiased)$|^(?:flex|grid|items|justify|content|self|place|gap|space|[pm][xytrbl]?|[wh]|min|max|text|font|bg|border|rounded|shadow|opacity|z|top|left|right|bottom|inset|overflow|leading|tracking|whitespace|break|cursor|select|pointer|transition|duration|ease|order|col|row|d|align|float|sr)-/;
/** CSS modules: [file]_[local]__[hash], e.g. index_price__aBcDe. */
const CSS_MODULE = /^[A-Za-z-]+_[A-Za-z-]+__[A-Za-z_-]+$/;

/**
 * A part of a name made of case-switching fragments rather than words ("aBcDeF", "kZbQwe",
 * "bdVaJa"): camelCase words ("MuiInputBase", "FormRow") are a capital and a few small letters.
 */
export function looksRandom(name: string): boolean {
  return name.split(/[-_]+/).some((part) => {
    const words = part.match(/[A-Z]+[a-z]*|[a-z]+/g) ?? [];
    return words.length >= 3 && part.length / words.length < 2.5;
  });
}

/**
 * A class a component library gives its parts (`bn-textField`, `okui-input-input`, `by-input__suffix`):
 * letters, '-' and '_' only (so no hashes with digits, no `mt-4`, no `hover:…` or `w-[3px]`), not
 * generated, not random-looking, not a state, not a layout utility (`flex`, `items-center`).
 */
export function isComponentClass(name: string): boolean {
  return (
    name.length <= MAX_NAME_CHARS &&
    /^[A-Za-z][A-Za-z_-]*$/.test(name) &&
    !GENERATED_PREFIX.test(name) &&
    !CSS_MODULE.test(name) &&
    !STATE_CLASS.test(name) &&
    !UTILITY_CLASS.test(name) &&
    !looksRandom(name)
  );
}

/** A text we can find the element by again: short, and no digits (figures change; "Margin (5x)" would). */
function usableName(text: string | null): string | null {
  const name = normalizeText(text ?? '');
  return name !== '' && name.length <= MAX_NAME_CHARS && !/\d/.test(name) ? name : null;
}

function idCandidates(el: Element, tag: string): AnchorLocator[] {
  const id = el.id;
  if (id.length === 0 || id.length > MAX_NAME_CHARS) return [];
  if (/^[A-Za-z][A-Za-z_.-]*$/.test(id) && !looksRandom(id)) return [{ by: 'id', id }];
  // "price-1734": the digits are a render counter; the prefix is what stays.
  const numbered = /^([A-Za-z][A-Za-z_-]{2,})\d+$/.exec(id);
  const prefix = numbered?.[1];
  return prefix !== undefined && !looksRandom(prefix) ? [{ by: 'idPrefix', tag, prefix }] : [];
}

/** Elements whose name is their label or their own accessible name (not a container's text). */
function isNamed(el: Element): boolean {
  return ['input', 'select', 'textarea', 'button', 'a'].includes(el.localName) || el.hasAttribute('role');
}

/** The element's own candidates, best first (not yet checked for uniqueness). */
function anchorCandidates(el: Element): AnchorLocator[] {
  const tag = el.localName;
  if (!/^[a-z][a-z0-9-]*$/.test(tag)) return [];
  const out: AnchorLocator[] = idCandidates(el, tag);
  const testid = el.getAttribute('data-testid');
  if (testid !== null && testid.trim() !== '' && testid.length <= MAX_NAME_CHARS)
    out.push({ by: 'testid', tag, testid });
  const aria = usableName(el.getAttribute('aria-label'));
  if (aria !== null) out.push({ by: 'aria', tag, label: aria });
  const label = isNamed(el) ? usableName(nameOf(el)) : null;
  const role = el.getAttribute('role');
  if (label !== null && label !== aria) {
    out.push(role !== null && /^[a-z]+$/.test(role) ? { by: 'label', tag, role, label } : { by: 'label', tag, label });
  }
  for (const className of el.classList) if (isComponentClass(className)) out.push({ by: 'class', tag, className });
  return out;
}

function findsExactly(doc: Document, loc: Locator, el: Element): boolean {
  const found = resolveLocator(doc, loc);
  return found.length === 1 && found[0] === el;
}

/** Which of its parent's children of the same tag `el` is (1-based). */
function nthOfType(el: Element): number {
  const parent = el.parentElement;
  if (parent === null) return 1;
  return [...parent.children].filter((child) => child.localName === el.localName).indexOf(el) + 1;
}

/**
 * A locator that finds exactly `el` among the visible elements of its document, or null when
 * nothing identifies it (a hidden element, or one with no stable name within a few levels).
 */
export function locatorFor(el: Element): Locator | null {
  const doc = el.ownerDocument;
  if (!el.isConnected || isHidden(el)) return null;
  for (const loc of anchorCandidates(el)) if (findsExactly(doc, loc, el)) return loc;
  const steps: { tag: string; nth: number }[] = [];
  let node: Element = el;
  while (steps.length < MAX_PATH_STEPS && node.parentElement !== null) {
    if (!/^[a-z][a-z0-9-]*$/.test(node.localName)) return null;
    steps.unshift({ tag: node.localName, nth: nthOfType(node) });
    node = node.parentElement;
    if (node === doc.body || node === doc.documentElement) return null;
    for (const anchor of anchorCandidates(node)) {
      if (!findsExactly(doc, anchor, node)) continue;
      const loc: Locator = { by: 'path', anchor, steps: [...steps] };
      if (findsExactly(doc, loc, el)) return loc;
    }
  }
  return null;
}
