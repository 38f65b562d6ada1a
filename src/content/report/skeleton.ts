// A page report turned back into a fixture page (npm run fixture:from-report): the same
// elements, attributes and texts, each '#' filled back as a digit, the price and size inputs
// holding an example order. Plain string building, no DOM: it runs in node. The report is
// untrusted (parse.ts), so only plain markup comes out: no script, no event handler, no URL.
import { fillAttribute, fillDigits, fillText, inNotationOf, times, type Vocabulary } from './fill';
import { HEADING_TAGS } from './mask';
import type { PageReport, ReportChild, ReportNode } from './types';

export interface ExampleOrder {
  /** Typed into the inputs the report says the `price` key found. */
  price: string;
  /** Typed into the inputs a size key found (size, sizeBase, amount). */
  size: string;
}

/** BTC at about its fixture pages' mark (65,010): within the background's plausibility band. */
export const EXAMPLE_ORDER: ExampleOrder = { price: '65000', size: '0.1' };

const PRICE_KEYS = ['price'];
const SIZE_KEYS = ['size', 'sizeBase', 'amount'];
/** Totals the page derives from price × size, which a reader checks against them (Kraken, Binance gen 2). */
const TOTAL_KEYS = ['total', 'sizeQuote'];

export interface SkeletonOptions {
  order?: ExampleOrder;
  /** The venue reader's words with digits (fill.ts vocabularyOf): classes and ids come back as it names them. */
  vocabulary?: Vocabulary;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'wbr']);
/** Never written, whatever the report says: active content, or a document inside the page. */
const REFUSED = new Set(['script', 'style', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'link', 'meta']);
const SPELLED_HEADINGS = new Map(Object.entries(HEADING_TAGS).map(([tag, spelled]) => [spelled, tag]));

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string): string => escapeText(s).replace(/"/g, '&quot;');

function tagName(reported: string): string | null {
  const tag = SPELLED_HEADINGS.get(reported) ?? fillDigits(reported).toLowerCase();
  return /^[a-z][a-z0-9-]*$/.test(tag) && !REFUSED.has(tag) ? tag : null;
}

function attributeName(reported: string): string | null {
  const name = fillDigits(reported).toLowerCase();
  // on…: event handlers; src/srcdoc/action…: nothing the report keeps, and nothing a fixture needs from it.
  return /^[a-z][a-z0-9_.:-]*$/.test(name) && !name.startsWith('on') && !['src', 'srcdoc', 'style'].includes(name)
    ? name
    : null;
}

const hasKey = (node: ReportNode, list: readonly string[]): boolean =>
  (node.keys ?? []).some((key) => list.includes(key));

/**
 * Which example values go where: into the inputs of those keys that held a value (Binance's gen 1
 * has a Buy and a Sell form, and the filled one says the side), or into all of them when none did.
 */
interface Example extends ExampleOrder {
  everyPrice: boolean;
  everySize: boolean;
}

function exampleOf(report: PageReport, order: ExampleOrder): Example {
  const all = (node: ReportNode): ReportNode[] => [
    node,
    ...(node.children ?? []).flatMap((child) => (typeof child === 'string' ? [] : all(child))),
  ];
  const valued = all(report.snapshot).filter((node) => node.value !== undefined);
  return {
    ...order,
    everyPrice: !valued.some((node) => hasKey(node, PRICE_KEYS)),
    everySize: !valued.some((node) => hasKey(node, SIZE_KEYS)),
  };
}

function exampleValue(node: ReportNode, example: Example): string | undefined {
  if (hasKey(node, PRICE_KEYS) && (node.value !== undefined || example.everyPrice))
    return inNotationOf(example.price, node.value);
  if (hasKey(node, SIZE_KEYS) && (node.value !== undefined || example.everySize))
    return inNotationOf(example.size, node.value);
  if (node.value === undefined) return undefined;
  return hasKey(node, TOTAL_KEYS)
    ? inNotationOf(times(example.price, example.size), node.value)
    : fillDigits(node.value);
}

interface Writer {
  out: string[];
  order: Example;
  vocabulary: Vocabulary;
  /** Inside an element that counts positions: its digits are 0. */
  zeroCounts?: boolean;
  /** Keys whose inputs got an example value, for the page's top comment. */
  filled: Set<string>;
}

function attributesOf(node: ReportNode, tag: string, w: Writer): string {
  const attrs = new Map<string, string>();
  for (const [reported, value] of Object.entries(node.attrs ?? {})) {
    const name = attributeName(reported);
    if (name !== null)
      attrs.set(name, name === 'href' ? '#' : fillAttribute(value, node.distinct?.[reported], w.vocabulary));
  }
  if (node.hidden) attrs.set('hidden', '');
  if (node.keys !== undefined && node.keys.length > 0) attrs.set('data-report-keys', node.keys.join(' '));
  const value = tag === 'input' || tag === 'textarea' ? exampleValue(node, w.order) : undefined;
  if (tag === 'input' && value !== undefined) attrs.set('value', value);
  if (value !== undefined && value !== node.value) for (const key of node.keys ?? []) w.filled.add(key);
  return [...attrs].map(([name, v]) => (v === '' ? ` ${name}` : ` ${name}="${escapeAttribute(v)}"`)).join('');
}

/**
 * Keys whose element shows how many positions there are ("Positions (3)"): the skeleton's tables
 * have no data rows (written as comments), so their count is 0, as a reader checks it against rows.
 */
const COUNT_KEYS = /^positions/i;

function write(child: ReportChild, w: Writer): void {
  if (typeof child === 'string') {
    w.out.push(escapeText(w.zeroCounts ? child.replace(/#/g, '0') : fillText(child)));
    return;
  }
  const tag = tagName(child.tag);
  if (tag === null) return;
  if (child.shape && (tag === 'tr' || child.attrs?.['role'] === 'row')) {
    // A data row has no texts left: written as a comment, the table reads as empty, not as unreadable.
    const shape: Writer = { ...w, out: [] };
    write({ ...child, shape: undefined }, shape);
    const rows = child.repeated ? 'rows' : 'a row';
    w.out.push(`<!-- ${rows} of this shape (texts left out of the report): ${commentSafe(shape.out.join(''))} -->`);
    return;
  }
  w.out.push(`<${tag}${attributesOf(child, tag, w)}>`);
  if (VOID.has(tag)) return;
  if (!w.zeroCounts && (child.keys ?? []).some((key) => COUNT_KEYS.test(key))) w = { ...w, zeroCounts: true };
  if (tag === 'textarea') {
    const value = exampleValue(child, w.order);
    if (value !== undefined) w.out.push(escapeText(value));
  } else {
    for (const grandchild of child.children ?? []) write(grandchild, w);
  }
  if (child.truncated) w.out.push('<!-- the report stopped here: its node cap -->');
  w.out.push(`</${tag}>`);
}

/** Text for inside an HTML comment: no "--" at all, so nothing in it can end the comment. */
const commentSafe = (s: string): string => s.replace(/-{2,}/g, '-');

function topComment(report: PageReport, filled: ReadonlySet<string>, order: ExampleOrder): string {
  const reading = report.status === 'ok' ? 'ok' : `unrecognised, missing: ${report.missing.join(', ')}`;
  const lines = [
    'Fixture skeleton generated by `npm run fixture:from-report` from a page report',
    `(extension ${report.version}, venue ${report.venue}, path ${fillDigits(report.path)}, lang ${report.lang}).`,
    `The reader's reading when the report was made: ${reading}.`,
    `Keys found: ${report.found.join(', ') || 'none'}. Not found: ${report.missed.join(', ') || 'none'}.`,
    'The report holds no digits: every digit here was filled back (a number as 1 and 0s, a lone digit as 5),',
    "so the page's own figures (Cost, Order Value, Liq. price) are placeholders, not this order's.",
    `Example order filled in: price ${order.price}, size ${order.size} (inputs of ${[...filled].join(', ') || 'no key'}).`,
    'The account panel and table rows were reported as shapes (no texts): they are empty here;',
    'a run of rows of the same shape is one row. data-report-keys names the keys that found an element.',
  ];
  if (report.truncated) lines.push('The report reached its node cap: parts of the page are missing.');
  return `<!--\n${lines.map((line) => `  ${commentSafe(line).replace(/[<>]/g, '')}`).join('\n')}\n-->`;
}

/** The fixture page for `report`, as HTML text. */
export function skeletonHtml(report: PageReport, options: SkeletonOptions = {}): string {
  const order = options.order ?? EXAMPLE_ORDER;
  const w: Writer = {
    out: [],
    order: exampleOf(report, order),
    vocabulary: options.vocabulary ?? new Map(),
    filled: new Set(),
  };
  const root = report.snapshot;
  if (tagName(root.tag) === 'body') {
    w.out.push(`<body${attributesOf(root, 'body', w)}>`);
    for (const child of root.children ?? []) write(child, w);
    w.out.push('</body>');
  } else {
    w.out.push('<body>');
    write(root, w);
    w.out.push('</body>');
  }
  const lang = /^[A-Za-z-]{0,20}$/.test(report.lang) ? report.lang : '';
  return [
    '<!doctype html>',
    topComment(report, w.filled, order),
    `<html lang="${lang}">`,
    `<head><meta charset="utf-8" /><title>From a page report: ${escapeText(commentSafe(report.venue))}</title></head>`,
    w.out.join(''),
    '</html>',
    '',
  ].join('\n');
}

/** The default file name under e2e/fixtures/pages/. */
export function skeletonFileName(report: PageReport): string {
  return `from-report-${report.venue}.html`;
}
