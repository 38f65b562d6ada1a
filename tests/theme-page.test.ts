// @vitest-environment happy-dom
// Issue 12 "Compact and readable": the theme "match the page" (the default) makes the overlay
// dark on a dark exchange and light on a light one, from the page's own background, read once
// per mount; extension pages (popup, options) have no page behind them and follow the system.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, THEMES } from '../src/settings/settings';
import { applyTheme, luminanceOf, pageScheme } from '../src/ui/theme';

afterEach(() => {
  document.body.removeAttribute('style');
  document.documentElement.removeAttribute('style');
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

const overlayRoot = (): HTMLElement => {
  const root = document.createElement('div');
  document.body.append(root);
  return root;
};

describe('theme "page"', () => {
  it('is a setting, the default, and survives parsing', () => {
    expect(THEMES).toContain('page');
    expect(DEFAULT_SETTINGS.theme).toBe('page');
    expect(parseSettings({ theme: 'page' }).theme).toBe('page');
    expect(parseSettings({}).theme).toBe('page');
  });

  it('a dark exchange page (body background) gives the dark theme', () => {
    document.body.style.backgroundColor = 'rgb(11, 14, 17)';
    const root = overlayRoot();
    applyTheme(root, 'page');
    expect(root.getAttribute('data-theme')).toBe('dark');
  });

  it('a light page gives the light theme; the background on <html> counts too', () => {
    document.documentElement.style.backgroundColor = 'rgb(250, 250, 250)';
    const root = overlayRoot();
    applyTheme(root, 'page');
    expect(root.getAttribute('data-theme')).toBe('light');
    document.documentElement.style.backgroundColor = 'rgb(24, 26, 32)';
    const dark = overlayRoot();
    applyTheme(dark, 'page');
    expect(dark.getAttribute('data-theme')).toBe('dark');
  });

  it('transparent backgrounds (the colour on a wrapper): light text means a dark page', () => {
    document.body.style.color = 'rgb(234, 236, 239)';
    const root = overlayRoot();
    applyTheme(root, 'page');
    expect(root.getAttribute('data-theme')).toBe('dark');
    expect(pageScheme(document)).toBe('dark');
  });

  it('reads the page once per mount (each mount has a new root)', () => {
    document.body.style.backgroundColor = 'rgb(11, 14, 17)';
    const spy = vi.spyOn(window, 'getComputedStyle');
    const root = overlayRoot();
    applyTheme(root, 'page');
    const reads = spy.mock.calls.length;
    expect(reads).toBeGreaterThan(0);
    expect(reads).toBeLessThanOrEqual(2);
    for (let i = 0; i < 5; i++) applyTheme(root, 'page');
    expect(spy.mock.calls.length).toBe(reads);
  });

  it('on an extension page’s own root (popup, options) it follows the system', () => {
    applyTheme(document.documentElement, 'page');
    expect(document.documentElement.getAttribute('data-theme')).toBe('system');
  });

  it('luminance of computed colours; transparent is none', () => {
    expect(luminanceOf('rgb(255, 255, 255)')).toBeCloseTo(1, 6);
    expect(luminanceOf('rgb(0, 0, 0)')).toBe(0);
    expect(luminanceOf('rgba(0, 0, 0, 0)')).toBeNull();
    expect(luminanceOf('transparent')).toBeNull();
    expect(luminanceOf('rgb(11 14 17 / 100%)')).toBeLessThan(0.01);
  });
});
