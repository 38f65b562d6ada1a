// Colours of every surface (popup, options, overlay) as CSS custom properties, light and dark.
// The element carrying data-theme="system|light|dark" and everything inside it gets them;
// "system" follows prefers-color-scheme; the setting "page" becomes light or dark by the page's
// own background (applyTheme). Every text colour passes WCAG AA (4.5:1) on every
// background it is used on, and borders / focus ring / chart lines pass 3:1 (tests/theme.test.ts
// reads THEME_CSS and checks each pair).
import type { Theme } from '../settings/settings';

export type { Theme };

type Palette = Record<string, string>;

const LIGHT: Palette = {
  '--mp-bg': '#ffffff',
  '--mp-surface': '#eef1f5', // panels, banners
  '--mp-input-bg': '#ffffff',
  '--mp-fg': '#141a22',
  '--mp-muted': '#4f5968',
  '--mp-accent': '#1a5fb4',
  '--mp-on-accent': '#ffffff', // text on an accent-coloured button
  '--mp-danger': '#b3261e',
  '--mp-warn': '#8a5300',
  '--mp-ok': '#17743a',
  '--mp-on-status': '#ffffff', // text on a danger / warn / ok badge
  '--mp-guard-bg': '#9f1c15',
  '--mp-guard-fg': '#ffffff',
  '--mp-border': '#7b8594',
  '--mp-focus': '#1a5fb4',
  '--mp-chart-line': '#1a5fb4',
  '--mp-chart-grid': '#c9d0da',
  '--mp-shadow': '#0003',
};

const DARK: Palette = {
  '--mp-bg': '#111823',
  '--mp-surface': '#1b2431',
  '--mp-input-bg': '#1b2431',
  '--mp-fg': '#e8edf3',
  '--mp-muted': '#a3b3c7',
  '--mp-accent': '#7fb2ff',
  '--mp-on-accent': '#0b0f15',
  '--mp-danger': '#ff8a80',
  '--mp-warn': '#f5b84a',
  '--mp-ok': '#4cd17a',
  '--mp-on-status': '#0b0f15',
  '--mp-guard-bg': '#7f1d1d',
  '--mp-guard-fg': '#ffffff',
  '--mp-border': '#6b7a8f',
  '--mp-focus': '#7fb2ff',
  '--mp-chart-line': '#7fb2ff',
  '--mp-chart-grid': '#334155',
  '--mp-shadow': '#0008',
};

const block = (selector: string, palette: Palette, scheme: 'light' | 'dark'): string =>
  `${selector} { color-scheme: ${scheme}; ${Object.entries(palette)
    .map(([name, value]) => `${name}: ${value};`)
    .join(' ')} }`;

/**
 * The theme rules; `systemSelector` is what follows the system (the overlay adds a root that
 * has no data-theme yet, so it is never left without colours).
 */
export function themeCss(systemSelector = '[data-theme="system"]'): string {
  return [
    block(`[data-theme="light"], ${systemSelector}`, LIGHT, 'light'),
    block('[data-theme="dark"]', DARK, 'dark'),
    `@media (prefers-color-scheme: dark) { ${block(systemSelector, DARK, 'dark')} }`,
    // Keyboard focus always visible, in the theme's focus colour (mouse clicks show none).
    ':focus-visible { outline: 2px solid var(--mp-focus); outline-offset: 2px; }',
  ].join('\n');
}

export const THEME_CSS: string = themeCss();

/** Relative luminance (WCAG) of a computed CSS colour "rgb(r, g, b)" / "rgba(r, g, b, a)"; null when transparent or unreadable. */
export function luminanceOf(color: string): number | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(color.trim());
  if (m === null) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  if (!(alpha > 0.5)) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/**
 * Whether the page is dark: the computed background of <body>, else <html>; when both are
 * transparent (the colour is on some wrapper), the body's text colour (light text: a dark page);
 * else the browser's white canvas. Two computed-style reads.
 */
export function pageScheme(doc: Document): 'light' | 'dark' {
  const view = doc.defaultView;
  if (view === null) return 'light';
  const bodyStyle = doc.body === null ? null : view.getComputedStyle(doc.body);
  const background =
    luminanceOf(bodyStyle?.backgroundColor ?? '') ??
    luminanceOf(view.getComputedStyle(doc.documentElement).backgroundColor);
  if (background !== null) return background < 0.18 ? 'dark' : 'light';
  const text = luminanceOf(bodyStyle?.color ?? '');
  return text !== null && text > 0.5 ? 'dark' : 'light';
}

/** The page's scheme per overlay root, read once per mount (the root is new on every mount). */
const schemes = new WeakMap<HTMLElement, 'light' | 'dark'>();

/**
 * Sets the theme on `el`. 'page' follows the background of the page `el` sits in (the overlay in
 * an exchange's page); on an extension page's own root (popup, options), whose background is the
 * theme itself, 'page' follows the system.
 */
export function applyTheme(el: HTMLElement, theme: Theme): void {
  if (theme !== 'page') return el.setAttribute('data-theme', theme);
  const doc = el.ownerDocument;
  if (el === doc.documentElement) return el.setAttribute('data-theme', 'system');
  let scheme = schemes.get(el);
  if (scheme === undefined) {
    scheme = pageScheme(doc);
    schemes.set(el, scheme);
  }
  el.setAttribute('data-theme', scheme);
}
