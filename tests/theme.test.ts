// WCAG AA in both themes, computed from the CSS that ships (THEME_CSS), not from a copy of the colours.
// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { applyTheme, THEME_CSS, themeCss } from '../src/ui/theme';
import { OVERLAY_CSS } from '../src/ui/overlay/styles';

type Palette = Record<string, string>;

/** The custom properties of the first rule whose selector list starts with `selector` (outside @media unless inMedia). */
function palette(css: string, selector: string, inMedia = false): Palette {
  const source = inMedia
    ? (/@media \(prefers-color-scheme: dark\) \{([^]*?\})\s*\}/.exec(css)?.[1] ?? '')
    : css.replace(/@media[^{]*\{[^]*?\}\s*\}/g, '');
  const rule = new RegExp(`${selector.replace(/[[\]"=]/g, '\\$&')}[^{]*\\{([^}]*)\\}`).exec(source);
  if (!rule) throw new Error(`no rule for ${selector}`);
  return Object.fromEntries(
    [...(rule[1] ?? '').matchAll(/(--mp-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], (m[2] ?? '').trim()]),
  );
}

function rgb(hex: string): [number, number, number] {
  const h = /^#([0-9a-f]{6})$/i.exec(hex)?.[1] ?? /^#([0-9a-f]{3})$/i.exec(hex)?.[1]?.replace(/./g, '$&$&');
  if (!h) throw new Error(`not an opaque hex colour: ${hex}`);
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as [number, number, number];
}

/** WCAG 2.x relative luminance and contrast ratio. */
const luminance = (hex: string): number => {
  const [r, g, b] = rgb(hex).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

const BACKGROUNDS = ['--mp-bg', '--mp-surface', '--mp-input-bg'];
/** Text colours used on any of the backgrounds. */
const TEXT = ['--mp-fg', '--mp-muted', '--mp-accent', '--mp-danger', '--mp-warn', '--mp-ok'];
/** Text drawn on a coloured fill: [text, fill]. */
const ON_FILL: Array<[string, string]> = [
  ['--mp-on-accent', '--mp-accent'],
  ['--mp-on-status', '--mp-ok'],
  ['--mp-on-status', '--mp-warn'],
  ['--mp-on-status', '--mp-danger'],
  ['--mp-guard-fg', '--mp-guard-bg'],
];
/** Non-text that must be seen (WCAG 1.4.11: 3:1): input borders, the focus ring, the chart's line. */
const UI = ['--mp-border', '--mp-focus', '--mp-chart-line'];

const THEMES = {
  light: palette(THEME_CSS, '[data-theme="light"]'),
  dark: palette(THEME_CSS, '[data-theme="dark"]'),
};

describe.each(Object.entries(THEMES))('%s theme', (_name, colours) => {
  const colour = (name: string): string => {
    const value = colours[name];
    if (value === undefined) throw new Error(`${name} is not defined`);
    return value;
  };

  it.each(TEXT.flatMap((fg) => BACKGROUNDS.map((bg) => [fg, bg])))('text %s on %s ≥ 4.5:1', (fg, bg) => {
    expect(contrast(colour(fg), colour(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(ON_FILL)('text %s on %s ≥ 4.5:1', (fg, bg) => {
    expect(contrast(colour(fg), colour(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(UI.flatMap((fg) => BACKGROUNDS.map((bg) => [fg, bg])))('%s on %s ≥ 3:1', (fg, bg) => {
    expect(contrast(colour(fg), colour(bg))).toBeGreaterThanOrEqual(3);
  });
});

describe('THEME_CSS', () => {
  it('defines the same properties in both themes, and "system" follows light, or dark in a dark system', () => {
    expect(Object.keys(THEMES.dark).sort()).toEqual(Object.keys(THEMES.light).sort());
    expect(palette(THEME_CSS, '[data-theme="light"], [data-theme="system"]')).toEqual(THEMES.light);
    expect(palette(THEME_CSS, '[data-theme="system"]', true)).toEqual(THEMES.dark);
  });

  it('has a visible keyboard focus ring', () => {
    expect(THEME_CSS).toMatch(/:focus-visible \{ outline: 2px solid var\(--mp-focus\)/);
  });

  it('the contrast check can fail: a light grey on white is refused', () => {
    expect(contrast('#999999', '#ffffff')).toBeLessThan(4.5);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });

  it('applyTheme sets data-theme', () => {
    const el = document.createElement('div');
    applyTheme(el, 'dark');
    expect(el.getAttribute('data-theme')).toBe('dark');
    applyTheme(el, 'system');
    expect(el.getAttribute('data-theme')).toBe('system');
  });
});

describe('overlay styles', () => {
  it('carry the theme, with a root without data-theme following the system', () => {
    expect(OVERLAY_CSS).toContain(themeCss('[data-theme="system"], .root:not([data-theme])'));
  });

  it('take every colour from the theme: no colour literal outside it', () => {
    const own = OVERLAY_CSS.replace(themeCss('[data-theme="system"], .root:not([data-theme])'), '');
    expect(own.match(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/gi)).toBeNull();
  });
});
