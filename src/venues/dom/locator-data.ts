// A remembered page element (teach mode, issue 14): the trader points at a field the built-in
// selectors miss, and we keep plain JSON data that finds it again after a reload — an id or id
// prefix, a data-testid, an aria-label, a label text, a component class, or a short structural
// path below one of those. Never a hashed class and never an index alone: those change with the
// next deploy and would then point at some other element. What makes a good candidate, and the
// choice between them, is in locator.ts (locatorFor); here are the data, its schema and the lookup.
import { array, literal, number, object, optional, string, variant, type Infer } from '../../schema/kit';
import { accessibleName, controlLabel, isFormControl } from './names';
import { sameText } from './text';
import { isHidden } from './visibility';

/** Steps of a structural path below its anchor: a few levels, or it is no longer "short". */
export const MAX_PATH_STEPS = 4;

const TAG_NAME = /^[a-z][a-z0-9-]{0,39}$/;
const CLASS_NAME = /^[A-Za-z][A-Za-z_-]{0,79}$/;
const TAG = string({ min: 1, max: 40, pattern: TAG_NAME });
/** Attribute values and label texts as the page had them: bounded, no control characters. */
// eslint-disable-next-line no-control-regex
const TEXT = string({ min: 1, max: 200, pattern: /^[^\u0000-\u001f\u007f]+$/ });
/** A component class is used in a CSS selector as it is, so only plain class characters pass. */
const CLASS = string({ min: 1, max: 80, pattern: CLASS_NAME });
const ROLE = string({ min: 1, max: 40, pattern: /^[a-z]+$/ });

const ANCHOR_CASES = {
  id: object({ by: literal('id'), id: TEXT }),
  idPrefix: object({ by: literal('idPrefix'), tag: TAG, prefix: TEXT }),
  testid: object({ by: literal('testid'), tag: TAG, testid: TEXT }),
  aria: object({ by: literal('aria'), tag: TAG, label: TEXT }),
  label: object({ by: literal('label'), tag: TAG, role: optional(ROLE), label: TEXT }),
  class: object({ by: literal('class'), tag: TAG, className: CLASS }),
};
const anchorSchema = variant('by', ANCHOR_CASES);
const stepSchema = object({ tag: TAG, nth: number({ integer: true, min: 1, max: 500 }) });

/** A stored locator, checked like everything else that comes back from storage. */
export const locatorSchema = variant('by', {
  ...ANCHOR_CASES,
  path: object({
    by: literal('path'),
    anchor: anchorSchema,
    steps: array(stepSchema, { min: 1, max: MAX_PATH_STEPS }),
  }),
});

/** Identifies an element by its own attributes or names. */
export type AnchorLocator = Infer<typeof anchorSchema>;
/**
 * An anchor, or a path below one: `steps` go from the anchor down, each the child's tag and its
 * place among the siblings of that tag (1-based).
 */
export type Locator = Infer<typeof locatorSchema>;
export type PathLocator = Extract<Locator, { by: 'path' }>;

type Root = Document | Element;

/** A value inside a double-quoted CSS attribute selector. */
function quoted(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

function select(root: Root, css: string): Element[] {
  try {
    return [...root.querySelectorAll(css)];
  } catch {
    return []; // stored data that is no selector finds nothing; it never throws into a reading
  }
}

/** What the trader would call the element: a control's label, else its accessible name. */
export function nameOf(el: Element): string {
  return isFormControl(el) ? controlLabel(el) : accessibleName(el);
}

/** Every element the anchor names under `root`, hidden or not. */
function anchorMatches(root: Root, loc: AnchorLocator): Element[] {
  if ('tag' in loc && !TAG_NAME.test(loc.tag)) return [];
  switch (loc.by) {
    case 'id':
      return select(root, `[id=${quoted(loc.id)}]`);
    case 'idPrefix':
      return select(root, `${loc.tag}[id^=${quoted(loc.prefix)}]`).filter((el) =>
        /^\d+$/.test(el.id.slice(loc.prefix.length)),
      );
    case 'testid':
      return select(root, `${loc.tag}[data-testid=${quoted(loc.testid)}]`);
    case 'aria':
      return select(root, `${loc.tag}[aria-label]`).filter((el) => sameText(el.getAttribute('aria-label'), loc.label));
    case 'label': {
      const css = loc.role === undefined ? loc.tag : `${loc.tag}[role=${quoted(loc.role)}]`;
      return select(root, css).filter((el) => sameText(nameOf(el), loc.label));
    }
    case 'class':
      // Used in the selector as it is: only the characters the schema allows (never "a, body").
      return CLASS_NAME.test(loc.className) ? select(root, `${loc.tag}.${loc.className}`) : [];
  }
}

/** The element `steps` lead to below `from`, or null when the page no longer has that shape. */
function follow(from: Element, steps: PathLocator['steps']): Element | null {
  let node: Element | undefined = from;
  for (const step of steps) {
    node = [...node.children].filter((child) => child.localName === step.tag)[step.nth - 1];
    if (node === undefined) return null;
  }
  return node;
}

/**
 * The visible elements under `root` that the locator names. A path's anchor is looked up in the
 * whole document (it may lie above `root`); what the path leads to must still lie inside `root`.
 * `hidden` lets a reading pass its memo (query.ts QueryCache).
 */
export function resolveLocator(root: Root, loc: Locator, hidden: (el: Element) => boolean = isHidden): Element[] {
  let found: Element[];
  if (loc.by === 'path') {
    const doc = root.ownerDocument ?? (root as Document);
    const anchors = anchorMatches(doc, loc.anchor).filter((el) => !hidden(el));
    found = anchors
      .map((anchor) => follow(anchor, loc.steps))
      .filter((el): el is Element => el !== null && el !== root && root.contains(el));
  } else {
    found = anchorMatches(root, loc);
  }
  return [...new Set(found)].filter((el) => !hidden(el));
}

function describeAnchor(loc: AnchorLocator): string {
  switch (loc.by) {
    case 'id':
      return `id "${loc.id}"`;
    case 'idPrefix':
      return `id "${loc.prefix}…"`;
    case 'testid':
      return `test id "${loc.testid}"`;
    case 'aria':
    case 'label':
      return `label "${loc.label}"`;
    case 'class':
      return `class "${loc.className}"`;
  }
}

/** Short human text for the options page: `id "price-…"`, `label "Price"`, `label "Price" › div › input`. */
export function describeLocator(loc: Locator): string {
  if (loc.by !== 'path') return describeAnchor(loc);
  return [describeAnchor(loc.anchor), ...loc.steps.map((step) => step.tag)].join(' › ');
}
