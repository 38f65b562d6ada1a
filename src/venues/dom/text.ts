// Visible text of page elements, and matching it against locale lists or patterns.
// textContent alone glues sibling elements together ("Avbl" + "10,000.00 USDT" →
// "Avbl10,000.00 USDT"), so element boundaries count as a space here; adjacent text nodes
// (as React renders `{"Buy"}{"/Long"}`) still join without one.
//
// Every comparison of page text is case-insensitive and whitespace-normalised: themes render
// labels in upper case ("BUY BTC", "WALLET BALANCE"; some in the text itself, not only through
// CSS text-transform), and a label we know must not be refused for its case. That holds for
// the lists, for patterns (matched as if they had the 'i' flag) and for texts compared with
// each other (sameText). What a capture group returns keeps the page's case: compare it with
// sameText, never with ===.

/** A list of accepted texts (one per locale, compared case-insensitively) or a pattern. */
export type TextMatch = readonly string[] | RegExp;

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function collect(node: Node, parts: string[]): void {
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      parts.push((child as Text).data);
    } else if (child.nodeType === ELEMENT_NODE && !SKIPPED_TAGS.has((child as Element).tagName)) {
      parts.push(' ');
      collect(child, parts);
      parts.push(' ');
    }
  }
}

export function normalizeText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The element's text with whitespace collapsed and element boundaries as spaces. */
export function textOf(el: Element): string {
  const parts: string[] = [];
  collect(el, parts);
  return normalizeText(parts.join(''));
}

/** Case-folded, whitespace-normalised form of a text, for comparing two texts. */
function folded(text: string): string {
  return normalizeText(text).toLowerCase();
}

/** Whether two texts say the same, ignoring case and runs of whitespace. */
export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && folded(a) === folded(b);
}

// The case-insensitive, stateless copy of each pattern, made once. Selector tables share their
// RegExp objects between keys and venues, so they are never changed in place; a /g or /y copy
// would also carry lastIndex from one call into the next, so those flags are dropped.
const INSENSITIVE = new WeakMap<RegExp, RegExp>();

function insensitive(pattern: RegExp): RegExp {
  let copy = INSENSITIVE.get(pattern);
  if (copy === undefined) {
    const flags = pattern.flags.replace(/[gyi]/g, '');
    copy = new RegExp(pattern.source, `${flags}i`);
    INSENSITIVE.set(pattern, copy);
  }
  return copy;
}

/** `pattern` run over the normalised text, case-insensitively; the groups keep the page's case. */
export function execText(text: string, pattern: RegExp): RegExpExecArray | null {
  return insensitive(pattern).exec(normalizeText(text));
}

export function matchesText(text: string, match: TextMatch): boolean {
  if (match instanceof RegExp) return execText(text, match) !== null;
  const wanted = folded(text);
  return match.some((candidate) => folded(candidate) === wanted);
}

/**
 * Our label lists and number format are English. A page that declares another language may
 * write "1,234" for 1.234, so readers refuse it instead of misreading numbers by 1000×.
 * No lang attribute at all is accepted (we cannot tell, and the labels must still match).
 */
export function isEnglishPage(doc: Document): boolean {
  const lang = doc.documentElement.getAttribute('lang');
  return lang === null || lang.trim() === '' || /^en(?:-|$)/i.test(lang.trim());
}
