// Builds one browser target per run: TARGET=chrome|firefox → dist/<target>/.
// `npm run build` (scripts/build.mjs) runs this once per target.
//
// vite-plugin-web-extension reads the entry points from the manifest we hand it:
// HTML pages (popup, options) are built as one multi-page build, and each script
// (background, one content script per venue) as its own single-file IIFE lib build: a
// classic script needs no ESM loader. The one exception is the overlay's module
// (src/ui/overlay/page-ui.ts, an ES module the content scripts import at their first draw):
// it is the only web-accessible resource, for the venues' origins, behind Chrome's dynamic URL
// (scripts/compose-manifest.ts; reference B.5 on why WAR are kept to a minimum).
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import webExtension from 'vite-plugin-web-extension';
import { composeManifest, PAGE_UI_ENTRY, TARGETS, type Target } from './scripts/compose-manifest';

const target = (process.env['TARGET'] ?? 'chrome') as Target;
if (!TARGETS.includes(target)) throw new Error(`TARGET must be one of ${TARGETS.join(', ')}, got "${target}"`);

const ICON_SIZES = [16, 32, 48, 128];

/** Emits icons/*.png into the bundle at the same paths the manifest uses (Vite's publicDir would flatten them). */
function iconsPlugin(): Plugin {
  return {
    name: 'margin-preflight:icons',
    apply: 'build',
    generateBundle(_options, bundle) {
      // The web-extension plugin also runs one child build per entry, with our plugins; emit only
      // once, in the build that writes manifest.json (the web-extension plugin is listed first).
      if (!('manifest.json' in bundle)) return;
      for (const size of ICON_SIZES) {
        const fileName = `icons/icon-${size}.png`;
        this.emitFile({ type: 'asset', fileName, source: readFileSync(new URL(`./${fileName}`, import.meta.url)) });
      }
    },
  };
}

/**
 * Removes Preact's only dynamic HTML sink: the `dangerouslySetInnerHTML` branch (`dom.innerHTML = html.__html`).
 * We ban that prop by lint anyway; this makes it throw at runtime too, and keeps `web-ext lint
 * --warnings-as-errors` clean (addons-linter flags the assignment as UNSAFE_VAR_ASSIGNMENT).
 * If a Preact upgrade changes the minified code, the build fails here instead of silently shipping it.
 */
function preactNoInnerHtmlPlugin(): Plugin {
  const sink = /\b([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\b/g;
  return {
    name: 'margin-preflight:preact-no-inner-html',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]/.test(id) || !code.includes('dangerouslySetInnerHTML')) return null;
      const patched = code.replace(sink, '(()=>{throw new Error("dangerouslySetInnerHTML is disabled")})()');
      if (patched === code) this.error(`preact-no-inner-html: sink pattern not found in ${id}; update the regex`);
      return { code: patched, map: null };
    },
  };
}

/** A venue's content-script entry (manifest/base.json names one per venue); group 1 is the venue id. */
const CONTENT_ENTRY = /(?:^|[\\/])src[\\/]venues[\\/]([^\\/]+)[\\/]content\.ts$/;
/** The overlay's module, imported by the content scripts: page-side code under the same rules. */
const isPageUiEntry = (entry: string): boolean => entry.replace(/\\/g, '/').endsWith(PAGE_UI_ENTRY);

/**
 * A content script's bundle must not contain decimal.js, the engine or the facts (they run in
 * the background; eslint.config.js CONTENT_SIDE enforces it per import), nor a copy of the
 * messages (_locales: the browser's i18n API has them, src/ui/i18n.ts), nor another venue's
 * code (one reader per page: src/venues/<venue>/content.ts). This checks the result too, so a
 * path the lint rule cannot see (a re-export, a new alias, readers.ts's glob) fails the build.
 */
function contentBundleGuardPlugin(): Plugin {
  const banned =
    /[\\/]node_modules[\\/]decimal\.js[\\/]|[\\/]src[\\/]core[\\/](?!types\.ts$|decimal-text\.ts$)|[\\/]src[\\/]venues[\\/](?:facts\.ts|quote-input\.ts|readers\.ts|[^\\/]+[\\/]facts\.json)$|[\\/]_locales[\\/]/;
  const venueFolder = /[\\/]src[\\/]venues[\\/]([^\\/]+)[\\/]/;
  return {
    name: 'margin-preflight:content-bundle-guard',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const venue = chunk.moduleIds.map((id) => CONTENT_ENTRY.exec(id)?.[1]).find((v) => v !== undefined);
        const pageUi = chunk.moduleIds.some(isPageUiEntry);
        if (venue === undefined && !pageUi) continue;
        const found = chunk.moduleIds.filter((id) => banned.test(id));
        if (found.length > 0)
          this.error(
            `page-side code bundles modules it must not carry (background-only, or a copy of _locales): ${found.join(', ')}`,
          );
        if (pageUi) {
          // The overlay's module draws; it reads no page: no venue's reader belongs in it.
          const readers = chunk.moduleIds.filter((id) =>
            /[\\/]src[\\/]venues[\\/](?!dom[\\/])[^\\/]+[\\/]reader/.test(id),
          );
          if (readers.length > 0) this.error(`the overlay's module bundles a venue reader: ${readers.join(', ')}`);
          continue;
        }
        // The overlay's code is imported at the first draw (src/content/page-ui.ts), never bundled here.
        const overlay = chunk.moduleIds.filter((id) =>
          /[\\/]node_modules[\\/]preact[\\/]|[\\/]src[\\/]ui[\\/]overlay[\\/](?:mount|view-model)\.tsx?$/.test(id),
        );
        if (overlay.length > 0)
          this.error(`the ${venue} content script bundles the overlay's code: ${overlay.join(', ')}`);
        const others = chunk.moduleIds.filter((id) => {
          const folder = venueFolder.exec(id)?.[1];
          // about.json: src/venues/labels.ts takes four short fields of every venue (the overlay's words
          // for the venue a quote names); the reader's code is what must stay the venue's own.
          return folder !== undefined && folder !== 'dom' && folder !== venue && !id.endsWith('about.json');
        });
        if (others.length > 0)
          this.error(`the ${venue} content script bundles another venue's code: ${others.join(', ')}`);
      }
    },
  };
}

/**
 * Content scripts ship minified (issue 15: ≤ 27 KiB gzip per venue; parsing and compiling them is
 * on every page load), with a source map that no shipped file names ('hidden'):
 * scripts/build.mjs moves the maps out to dist/<target>-sourcemaps/ for store review, next to
 * the sources in the repository. The background and the extension pages stay readable.
 */
function contentMinifyPlugin(): Plugin {
  return {
    name: 'margin-preflight:content-minify',
    apply: 'build',
    config(config) {
      const lib = config.build?.lib;
      const entry = lib ? lib.entry : undefined;
      if (typeof entry !== 'string') return null;
      if (isPageUiEntry(entry) && lib) {
        // Imported with import(): an ES module (the plugin builds every script as a classic IIFE).
        // Vite keeps whitespace in an ES library (for tree-shaking by its users); this one has none.
        lib.formats = ['es'];
        return { build: { minify: true, sourcemap: 'hidden', rolldownOptions: { output: { minify: true } } } };
      }
      if (!CONTENT_ENTRY.test(entry)) return null;
      return { build: { minify: true, sourcemap: 'hidden' } };
    },
  };
}

export default defineConfig({
  publicDir: false,
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    // Readable output: AMO reviewers diff our sources against the build (reference B.6). The
    // content scripts are minified, with source maps kept outside the package (contentMinifyPlugin).
    minify: false,
    sourcemap: false,
    target: 'es2022',
  },
  plugins: [
    webExtension({
      manifest: () => composeManifest(target),
      browser: target,
      disableAutoLaunch: true,
      // Not in the manifest as a script: the content scripts import it (web_accessible_resources).
      additionalInputs: [PAGE_UI_ENTRY],
      // The plugin validates against a schema it downloads from the network; CI has no internet.
      skipManifestValidation: true,
    }),
    iconsPlugin(),
    preactNoInnerHtmlPlugin(),
    contentBundleGuardPlugin(),
    contentMinifyPlugin(),
  ],
});
