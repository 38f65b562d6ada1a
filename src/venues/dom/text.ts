// Visible text of page elements, and matching it against locale lists or patterns.
// textContent alone glues sibling elements together ("Avbl" + "10,000.00 USDT" →
// "Avbl10,000.00 USDT"), so element boundaries count as a space here; adjacent text nodes
// (as React renders `{"Buy"}{"/Long"}`) still join without one.

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

export function matchesText(text: string, match: TextMatch): boolean {
  const normalized = normalizeText(text);
  if (match instanceof RegExp) {
    match.lastIndex = 0; // a /g or /y pattern keeps state between calls
    return match.test(normalized);
  }
  const lower = normalized.toLowerCase();
  return match.some((candidate) => candidate.toLowerCase() === lower);
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
