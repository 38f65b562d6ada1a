// ESLint flat config. Deliberately no type-aware rules: they need a TS program and make
// `npm run lint` slow; `npm run typecheck` already covers types.
//
// Three jobs:
//  1. context boundaries between src/core, content script, background and UI (reference A.6 #6);
//  2. security bans: eval-like code and HTML string sinks (reference B.3 #5, B.6);
//  3. ordinary recommended JS/TS hygiene.
// tests/lint-boundaries.test.ts proves the boundary rules fire.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

const HTML_SINKS = ['innerHTML', 'outerHTML', 'insertAdjacentHTML'];

// no-restricted-properties also catches computed access with a literal key (el['innerHTML']).
const securityRules = {
  'no-eval': 'error',
  'no-implied-eval': 'error', // setTimeout("code"), setInterval("code")
  'no-new-func': 'error', // new Function("code"), Function("code")
  'no-restricted-properties': [
    'error',
    ...HTML_SINKS.map((property) => ({
      property,
      message: 'HTML string sinks are banned: build DOM nodes or render with Preact.',
    })),
    { object: 'document', property: 'write', message: 'document.write is banned.' },
    { object: 'document', property: 'writeln', message: 'document.writeln is banned.' },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
      message: 'dangerouslySetInnerHTML is banned (and disabled in the build).',
    },
  ],
};

// Everything the content script's bundle is made of. decimal.js, the engine (src/core except its
// types and the BigInt decimal-text helpers), the facts and planQuote run in the background only:
// the page gets quotes by message (issue 3: content-script size and page-load budgets).
const CONTENT_SIDE = [
  './src/content',
  './src/ui/overlay',
  './src/venues/readers.ts',
  './src/venues/registry.ts',
  './src/venues/types.ts',
  // The form schema: the readers run it before sending, the background on receipt.
  './src/venues/form-schema.ts',
  // The schema kit every validator uses (messages, form, settings): content-side code.
  './src/schema',
  './src/venues/dom',
  './src/venues/*/reader.ts',
  './src/venues/*/content.ts',
  './src/venues/*/selectors.ts',
  // Content-side helpers a reader splits out (the page's account panel, positions table, two forms).
  './src/venues/*/account.ts',
  './src/venues/*/positions.ts',
  './src/venues/binance-margin/two-forms.ts',
  // The form assembly the perpetual readers share.
  './src/venues/perp-form.ts',
  './src/venues/about.ts',
  './src/venues/labels.ts',
  './src/messaging/messages.ts',
  './src/messaging/validate-bg-to-cs.ts',
  './src/messaging/page-action.ts',
  './src/settings',
  './src/core/decimal-text.ts',
];
const CONTENT_SIDE_MESSAGE =
  'Content-script code may not import decimal.js, the engine, the facts or planQuote (even for types): quotes come from the background (bg→cs:quotes).';

/**
 * One venue folder may not import another's (shared code lives in src/venues/*.ts and
 * src/venues/dom): adding or changing a venue never reaches into a neighbour.
 */
function venueZones() {
  const root = new URL('./src/venues/', import.meta.url);
  const venues = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'dom')
    .map((entry) => entry.name);
  return venues.map((venue) => ({
    target: `./src/venues/${venue}`,
    from: venues.filter((other) => other !== venue).map((other) => `./src/venues/${other}`),
    message: "A venue folder may not import another venue's code: move what both need to src/venues/.",
  }));
}

// Paths are relative to this file (the project root). `from` may not be imported by `target`.
const boundaryZones = [
  {
    target: './src/core',
    from: ['./src/content', './src/background', './src/ui', './src/venues', './src/cli'],
    message: 'src/core is pure logic: it may not depend on a browser context, venues or the CLI.',
  },
  {
    target: './src/content',
    from: ['./src/background', './src/ui/popup', './src/ui/options'],
    message: 'The content script runs in the page: talk to the background by messages, never by import.',
  },
  {
    target: './src/background',
    from: ['./src/ui', './src/content'],
    message: 'The background may not import UI or content-script code.',
  },
  {
    target: './src/ui',
    from: './src/background',
    message:
      'UI (overlay, popup, options) talks to the background by messages; shared logic lives in src/venues or src/core.',
  },
  ...venueZones(),
  {
    target: CONTENT_SIDE,
    from: './src/core',
    except: ['./types.ts', './decimal-text.ts'],
    message: CONTENT_SIDE_MESSAGE,
  },
  {
    target: CONTENT_SIDE,
    from: [
      './node_modules/decimal.js',
      './src/venues/facts.ts',
      './src/venues/bundled-facts.ts',
      './src/venues/quote-sides.ts',
      './src/venues/position-rate.ts',
      './src/venues/quote-input.ts',
      './src/venues/plausibility.ts',
      './src/messaging/validate-cs-to-bg.ts',
    ],
    message: CONTENT_SIDE_MESSAGE,
  },
  { target: CONTENT_SIDE, from: ['./src/venues/*/facts.json'], message: CONTENT_SIDE_MESSAGE },
];

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**'] },
  {
    files: ['{src,tests,bench,e2e,scripts}/**/*.{ts,tsx,js,mjs}', '*.config.{ts,js}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    plugins: { 'import-x': importX },
    settings: {
      // Resolve relative imports to .ts/.tsx files so no-restricted-paths sees real file paths.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      ...securityRules,
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Extension code runs in browsers; everything else in node.
    files: ['src/{content,background,ui}/**', 'e2e/fixtures/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
  },
  {
    files: ['{tests,bench,e2e,scripts}/**', 'src/{core,cli}/**', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Test and bench code reads untyped JSON fixtures; `any` there is a convenience, not a risk.
    // Shipped code (src/) keeps the rule.
    files: ['{tests,bench,e2e}/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Packages too: src/core must stay runnable in node (CLI, tests) and in any browser context.
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'webextension-polyfill', message: 'src/core may not use extension APIs.' },
            { name: 'preact', message: 'src/core may not depend on UI code.' },
          ],
          patterns: [
            { group: ['webextension-polyfill/*'], message: 'src/core may not use extension APIs.' },
            { group: ['preact/*'], message: 'src/core may not depend on UI code.' },
          ],
        },
      ],
    },
  },
);
