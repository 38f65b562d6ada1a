// The content scripts as built (issue 15): one per venue (the overlay itself is one module they import at their first draw, checked at the end), each carrying only its own venue's reader,
// minified, within the 27 KiB gzip budget, with a source map kept outside the package for store
// review (dist/<target>-sourcemaps/) and named by no shipped file, and no copy of the messages.
// Reads dist/ only (no browser): `npm run build` first, as for every spec here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { VENUE_IDS } from '../../src/venues/registry';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TARGETS = ['chrome', 'firefox'] as const;
/** Issue 15's budget per venue, gzip at the highest level (what a store and the bench measure). */
const BUDGET_GZIP_BYTES = 27 * 1024;

interface ContentScript {
  venue: string;
  file: string;
}

function contentScripts(target: string): ContentScript[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'dist', target, 'manifest.json'), 'utf8')) as {
    content_scripts: Array<{ js: string[] }>;
  };
  return manifest.content_scripts.map(({ js }) => {
    expect(js, 'one file per content script').toHaveLength(1);
    const venue = /^src\/venues\/([^/]+)\/content\.js$/.exec(js[0]!)?.[1];
    expect(venue, `${js[0]} is a venue's content script`).toBeDefined();
    return { venue: venue!, file: js[0]! };
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/** The map's sources as repository paths ("src/venues/okx-swap/reader.ts", "node_modules/preact/…"). */
function mappedSources(target: string, file: string): { sources: string[]; withContent: number } {
  const mapFile = path.join(ROOT, 'dist', `${target}-sourcemaps`, `${file}.map`);
  expect(existsSync(mapFile), `${mapFile} (kept for store review)`).toBe(true);
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
  const dir = path.dirname(mapFile);
  const sources = map.sources.map((s) => {
    const abs = path.resolve(dir, s);
    // node_modules is a symlink to the main checkout's: name packages from node_modules/ on.
    const nm = abs.lastIndexOf(`${path.sep}node_modules${path.sep}`);
    return nm >= 0 ? abs.slice(nm + 1) : path.relative(ROOT, abs);
  });
  return { sources, withContent: (map.sourcesContent ?? []).filter((c) => typeof c === 'string').length };
}

for (const target of TARGETS) {
  test.describe(`${target} content scripts`, () => {
    test('one per venue, each bundling its own reader and no other venue’s code', () => {
      const scripts = contentScripts(target);
      expect(scripts.map((s) => s.venue).sort()).toEqual([...VENUE_IDS].sort());
      for (const { venue, file } of scripts) {
        const { sources, withContent } = mappedSources(target, file);
        // Every source is a repository file or a package: a path resolved wrongly cannot hide a module.
        expect(sources.filter((s) => !/^(src|node_modules)\//.test(s))).toEqual([]);
        expect(sources, venue).toContain(`src/venues/${venue}/reader.ts`);
        expect(sources, venue).toContain('src/content/session.ts');
        // Another venue's folder: only the four about.json fields src/venues/labels.ts takes (data, no code).
        const others = sources.filter((s) => {
          const folder = /^src\/venues\/([^/]+)\//.exec(s)?.[1];
          return folder !== undefined && folder !== 'dom' && folder !== venue && !s.endsWith('/about.json');
        });
        expect(others, `${venue} bundles another venue's code`).toEqual([]);
        expect(sources, venue).not.toContain('src/venues/readers.ts');
        expect(sources.filter((s) => /decimal\.js|^src\/core\/(?!types\.ts$|decimal-text\.ts$)/.test(s))).toEqual([]);
        // Reviewable: the map carries the sources it was built from.
        expect(withContent, venue).toBe(sources.length);
      }
    });

    test('minified, no source map in the package or named by a shipped file, no copy of the messages', () => {
      const dist = path.join(ROOT, 'dist', target);
      expect(filesUnder(dist).filter((f) => f.endsWith('.map'))).toEqual([]);
      const messages = JSON.parse(readFileSync(path.join(ROOT, '_locales', 'en', 'messages.json'), 'utf8')) as Record<
        string,
        { message: string }
      >;
      // Long enough to be a sentence nobody writes twice by accident; placeholders cut the text, so take the part before one.
      const texts = Object.values(messages)
        .map((m) => m.message.split('$')[0]!)
        .filter((text) => text.length >= 24);
      expect(texts.length).toBeGreaterThan(50);
      for (const { venue, file } of contentScripts(target)) {
        const code = readFileSync(path.join(dist, file), 'utf8');
        expect(code, venue).not.toMatch(/sourceMappingURL/);
        // Minified: no indentation, no comments (readable, a bundle has thousands of lines; minified,
        // only the line breaks inside template literals, the overlay's CSS, are left).
        expect(code.split('\n').length, venue).toBeLessThan(200);
        expect(code, venue).not.toMatch(/^\s*\/\/ src\//m);
        expect(
          texts.filter((text) => code.includes(text)),
          `${venue} carries English messages`,
        ).toEqual([]);
      }
    });

    test(`each within ${BUDGET_GZIP_BYTES / 1024} KiB gzip`, () => {
      const sizes = contentScripts(target).map(({ venue, file }) => ({
        venue,
        gzip: gzipSync(readFileSync(path.join(ROOT, 'dist', target, file)), { level: 9 }).length,
      }));
      test.info().annotations.push({
        type: 'gzip bytes',
        description: sizes.map((s) => `${s.venue} ${(s.gzip / 1024).toFixed(1)} KiB`).join(', '),
      });
      expect(sizes.filter((s) => s.gzip > BUDGET_GZIP_BYTES)).toEqual([]);
    });
  });
}

/** The overlay's module (src/ui/overlay/page-ui.ts): imported by the content scripts at their first draw. */
const PAGE_UI_FILE = 'src/ui/overlay/page-ui.js';

for (const target of TARGETS) {
  test.describe(`${target} overlay module`, () => {
    test('holds the overlay the content scripts do not: Preact and the view model, no reader, no engine', () => {
      const ui = mappedSources(target, PAGE_UI_FILE).sources;
      expect(ui).toContain('src/ui/overlay/mount.tsx');
      expect(ui).toContain('src/ui/overlay/view-model.ts');
      expect(ui.some((s) => s.startsWith('node_modules/preact/'))).toBe(true);
      expect(ui.filter((s) => /^src\/venues\/(?!dom\/)[^/]+\/reader/.test(s))).toEqual([]);
      expect(ui.filter((s) => /decimal\.js|^src\/core\/(?!types\.ts$|decimal-text\.ts$)/.test(s))).toEqual([]);
      for (const { venue, file } of contentScripts(target)) {
        const sources = mappedSources(target, file).sources;
        expect(
          sources.filter(
            (s) => s.startsWith('node_modules/preact/') || /^src\/ui\/overlay\/(mount|view-model)/.test(s),
          ),
          `${venue} bundles the overlay`,
        ).toEqual([]);
      }
    });

    test('an ES module, minified, no source map named, web-accessible only where a content script runs', () => {
      const dist = path.join(ROOT, 'dist', target);
      const code = readFileSync(path.join(dist, PAGE_UI_FILE), 'utf8');
      expect(code).toMatch(/\bexport\s*\{/);
      expect(code).not.toMatch(/sourceMappingURL/);
      expect(code.split('\n').length).toBeLessThan(300);
      const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as {
        content_scripts: Array<{ matches: string[] }>;
        web_accessible_resources: Array<{ resources: string[]; matches: string[]; use_dynamic_url?: boolean }>;
      };
      expect(manifest.web_accessible_resources).toHaveLength(1);
      const [resource] = manifest.web_accessible_resources;
      expect(resource!.resources).toEqual([PAGE_UI_FILE]);
      const origins = new Set(manifest.content_scripts.flatMap((s) => s.matches.map((m) => `${new URL(m).origin}/*`)));
      expect([...resource!.matches].sort()).toEqual([...origins].sort());
      expect(resource!.use_dynamic_url === true).toBe(target === 'chrome');
      test.info().annotations.push({
        type: 'gzip bytes',
        description: `overlay module ${(gzipSync(Buffer.from(code), { level: 9 }).length / 1024).toFixed(1)} KiB`,
      });
    });
  });
}
