// The structural snapshot of a report: the page's elements below a root as plain JSON, with
// every text and kept attribute value masked (mask.ts). The account panel and table rows are
// kept as shapes only — tags, classes, roles, input types — so no balance, position or symbol
// of the trader's leaves the page; a run of rows of the same shape becomes one row, so a
// 10,000-row positions table costs what one row costs. The node cap bounds the rest.
import { isHidden } from '../../venues/dom/query';
import { attributeFate, maskDigits, maskedRun, maskedTag, maskedText } from './mask';
import type { ReportChild, ReportNode } from './types';

/** Element nodes a snapshot holds at most. */
export const MAX_SNAPSHOT_NODES = 3000;

/** Never recorded: code, styles, embedded documents, and what no reader reads. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta', 'iframe', 'object', 'embed']);
/** Recorded as a tag alone: their insides are drawing data, not structure. */
const LEAVES = new Set(['svg', 'canvas', 'img', 'video', 'audio', 'picture']);
/** Data rows walked per table: past them the rows are more of the same data, and cost time only. */
const MAX_ROWS = 40;
/** Attributes a shape keeps: enough to see the layout, nothing a trader typed or owns. */
const SHAPE_ATTRIBUTES = ['class', 'role', 'type'];

export interface SnapshotInput {
  keysOf: ReadonlyMap<Element, readonly string[]>;
  /** Elements reduced to their shape with everything below them (the account panels). */
  shapes: ReadonlySet<Element>;
  formRoot: Element | null;
  maxNodes?: number;
}

interface Walk extends SnapshotInput {
  left: number;
  /** The form root and what the keys found, with their ancestors: walked whatever the cap says. */
  keep: ReadonlySet<Element>;
  /** The form's own share of the cap, so a long order book before it cannot crowd it out. */
  formNodes: number;
  inForm: boolean;
  truncated: boolean;
  /** Every id value with digits met, by its masked form, in document order. */
  ids: Map<string, string[]>;
  idUses: Array<{ node: ReportNode; name: string; masked: string; original: string }>;
}

/** Attributes holding ids: a masked collision among them would point a label at the wrong input. */
const ID_ATTRIBUTES = new Set([
  'id',
  'for',
  'list',
  'form',
  'headers',
  'aria-controls',
  'aria-labelledby',
  'aria-describedby',
  'aria-owns',
  'aria-activedescendant',
  'aria-details',
  'aria-errormessage',
  'aria-flowto',
]);

function noteId(walk: Walk, node: ReportNode, name: string, original: string, masked: string): void {
  if (!ID_ATTRIBUTES.has(name) || masked === original) return;
  const seen = walk.ids.get(masked) ?? [];
  if (!seen.includes(original)) seen.push(original);
  walk.ids.set(masked, seen);
  walk.idUses.push({ node, name, masked, original });
}

/** Letters for ids that masked alike; more than the alphabet stay alike (and so unreadable, never wrong). */
function markDistinct(walk: Walk): void {
  for (const { node, name, masked, original } of walk.idUses) {
    const seen = walk.ids.get(masked) ?? [];
    const index = seen.indexOf(original);
    if (seen.length < 2 || index >= 26) continue;
    node.distinct = { ...node.distinct, [name]: String.fromCharCode(97 + index) };
  }
}

/** A table row outside the form (positions, orders, trades): data, so kept as a shape. */
function isDataRow(el: Element, formRoot: Element | null): boolean {
  if (formRoot !== null && formRoot.contains(el)) return false;
  if (el.localName === 'tr') return el.closest('thead') === null && el.querySelector(':scope > th') === null;
  return el.getAttribute('role') === 'row' && el.querySelector('[role="columnheader"]') === null;
}

function attributesOf(el: Element, node: ReportNode, shape: boolean, walk: Walk): void {
  const attrs: Record<string, string> = {};
  const data: string[] = [];
  for (const { name, value } of [...el.attributes]) {
    if (shape) {
      if (SHAPE_ATTRIBUTES.includes(name)) attrs[name] = maskedText(value);
      continue;
    }
    const fate = attributeFate(name, value);
    if (fate === null) continue;
    // Names are masked too: generated ones carry digits (Vue's data-v-7ba5bd90).
    if ('keep' in fate) {
      attrs[maskDigits(name)] = fate.keep;
      noteId(walk, node, name, value, fate.keep);
    } else data.push(maskDigits(name));
  }
  // The current state, not the markup's first one: what the trader set, the reader reads.
  if (el.localName === 'input' && !shape) {
    delete attrs['checked'];
    if ((el as HTMLInputElement).checked) attrs['checked'] = '';
  }
  if (Object.keys(attrs).length > 0) node.attrs = attrs;
  if (data.length > 0) node.data = data;
}

function valueOf(el: Element): string | undefined {
  if (el.localName !== 'input' && el.localName !== 'textarea' && el.localName !== 'select') return undefined;
  const value = (el as HTMLInputElement).value;
  return value === '' ? undefined : maskedText(value);
}

function countNodes(node: ReportNode): number {
  return 1 + (node.children ?? []).reduce((sum, child) => sum + (typeof child === 'string' ? 0 : countNodes(child)), 0);
}

function childrenOf(el: Element, node: ReportNode, walk: Walk, shape: boolean, hidden: boolean): void {
  const children: ReportChild[] = [];
  let previousRow: string | null = null;
  let lastNode: ReportNode | null = null;
  let rows = 0;
  for (const child of el.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      const text = shape ? '' : maskedRun(child.nodeValue ?? '');
      if (text !== '') children.push(text);
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE || SKIPPED.has((child as Element).localName)) continue;
    const element = child as Element;
    if (!shape && isDataRow(element, walk.formRoot) && (rows += 1) > MAX_ROWS) {
      node.truncated = true;
      break;
    }
    const sub = nodeOf(element, walk, shape, hidden);
    if (sub === null) {
      node.truncated = true;
      continue; // a later sibling may hold the form
    }
    const row = sub.shape === true && !shape ? JSON.stringify(sub) : null;
    if (row !== null && row === previousRow) {
      walk.left += countNodes(sub); // the run is one row: the copies cost nothing
      if (lastNode !== null) lastNode.repeated = true;
      continue;
    }
    previousRow = row;
    lastNode = sub;
    children.push(sub);
  }
  if (children.length > 0) node.children = children;
}

function nodeOf(el: Element, walk: Walk, inShape: boolean, inHidden: boolean): ReportNode | null {
  if (walk.left <= 0 && !walk.keep.has(el)) {
    walk.truncated = true;
    return null;
  }
  if (el === walk.formRoot && !walk.inForm) return inForm(walk, () => nodeOf(el, walk, inShape, inHidden));
  walk.left -= 1;
  const shape = inShape || walk.shapes.has(el) || isDataRow(el, walk.formRoot);
  const node: ReportNode = { tag: maskedTag(el.localName) };
  attributesOf(el, node, shape, walk);
  const keys = walk.keysOf.get(el);
  if (keys !== undefined) node.keys = [...keys];
  const value = shape ? undefined : valueOf(el);
  if (value !== undefined) node.value = value;
  // Inside a shape only its top is asked: a row's cells are not worth a style computation each.
  const hidden = inHidden || (!inShape && isHidden(el));
  if (hidden && !inHidden) node.hidden = true;
  if (shape && !inShape) node.shape = true;
  if (!LEAVES.has(el.localName)) childrenOf(el, node, walk, shape, hidden);
  return node;
}

/** Walks the form with the form's own budget, then goes on with what is left of the rest. */
function inForm<T>(walk: Walk, run: () => T): T {
  const saved = walk.left;
  walk.left = walk.formNodes;
  walk.inForm = true;
  try {
    return run();
  } finally {
    walk.left = saved;
    walk.inForm = false;
  }
}

/** The elements and all their ancestors up to `root`. */
function withAncestors(elements: Iterable<Element>, root: Element): Set<Element> {
  const out = new Set<Element>();
  for (const el of elements) {
    for (let node: Element | null = el; node !== null && !out.has(node); node = node.parentElement) {
      out.add(node);
      if (node === root) break;
    }
  }
  return out;
}

export function snapshot(root: Element, input: SnapshotInput): { node: ReportNode; truncated: boolean } {
  const max = input.maxNodes ?? MAX_SNAPSHOT_NODES;
  const formNodes = input.formRoot === null ? 0 : Math.floor(max / 2);
  const important = [...input.keysOf.keys(), ...(input.formRoot === null ? [] : [input.formRoot])];
  const walk: Walk = {
    ...input,
    keep: withAncestors(important, root),
    formNodes,
    inForm: false,
    left: max - formNodes,
    truncated: false,
    ids: new Map(),
    idUses: [],
  };
  const node = nodeOf(root, walk, false, false) ?? { tag: maskedTag(root.localName), truncated: true };
  markDistinct(walk);
  return { node, truncated: walk.truncated };
}
