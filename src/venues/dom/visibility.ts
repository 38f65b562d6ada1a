// Whether the trader can see an element. SPAs keep inactive copies of forms around, hidden by an
// attribute (hidden, aria-hidden), an inline style, or — most often — a stylesheet class
// (display:none, visibility:hidden). The attributes and inline styles are checked first (cheap;
// query.ts's QueryCache keeps the answer per ancestor); what the stylesheets make of an element is
// asked of the browser (checkVisibility, else computed style and client rects).

/** Hidden by this element's own attributes or inline display (no style computation). */
export function hiddenByMarkup(el: Element): boolean {
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
export function hiddenByStyle(el: Element): boolean {
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
