// The stylesheet of an extension page (popup, options). Their CSP has default-src 'self' and no
// style-src, so an inline <style> element is refused (Chromium and Firefox both log a violation
// and drop it). A constructed stylesheet is CSSOM, not inline markup: CSP does not govern it, so
// the CSS can stay generated from the theme in TypeScript without weakening the policy with
// 'unsafe-inline'. Preact's `style` props are CSSOM too (element.style), also allowed.

/** Makes `css` the page's stylesheet (replacing an earlier one: calling it again does not stack copies). */
export function setPageStyle(doc: Document, css: string): void {
  const sheet = new (doc.defaultView ?? globalThis).CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [sheet];
}
