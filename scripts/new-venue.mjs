#!/usr/bin/env node
// `npm run new-venue -- <venue-id>`: scaffolds every file a venue needs, named by its id (one name
// per venue), and writes the lines keyed by venue: the id into VENUES (src/core/types.ts), its model
// into MODELS (src/core/quote.ts), its form rules into RULES (src/venues/form-schema.ts) and its
// (empty) symbol list into CASES (tests/background/mock-feed-agreement.test.ts). The stubs compile
// and run harmlessly (the reader matches a placeholder host and counts its one placeholder selector
// key, the model throws, the mock serves nothing), and the test stubs — reader.test.ts, feed.test.ts
// and the fixture states in states.ts — FAIL until filled in, each saying what to fill. What stays by
// hand, on purpose (security review): the page and API origins in manifest/base.json, API_ALLOWLIST,
// EXCHANGE_ORIGINS and e2e/mock/hosts.ts — tests/venues/origins.test.ts lists exactly what each must
// gain once about.json and feed.ts name the real hosts.
//
//   npm run new-venue -- foo-perp               scaffold in this repository
//   node scripts/new-venue.mjs foo-perp --root <dir>   scaffold under <dir> (the unit test uses a temp copy)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';

const REPO = path.resolve(import.meta.dirname, '..');
const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

function names(id) {
  const words = id.split('-');
  const pascal = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  return {
    id,
    pascal,
    constant: words.join('_').toUpperCase(),
    model: `quote${pascal}`,
    label: words.map((w, i) => (i === 0 ? w[0].toUpperCase() + w.slice(1) : w)).join(' '),
    pageHost: `trade.${id}.example`,
    apiHost: `api.${id}.example`,
    streamHost: `stream.${id}.example`,
  };
}

const TODO = 'TODO(new-venue)';
const FEED_CASES = 'tests/background/mock-feed-agreement.test.ts';

function templates(n) {
  const { id, pascal, constant, model, label, pageHost, apiHost, streamHost } = n;
  const about = {
    name: `${label} — ${TODO}: the full name the options page and the README show`,
    label,
    fixedQuote: null,
    exampleSymbol: 'BTCUSDT',
    crossOnly: false,
    spotMargin: false,
    // Which venue's margin-level figure this one is like (src/venues/about.ts MarginLevelTerm; add the
    // venue's own name and definition in src/ui/terms.ts when none fits) and its liquidation level.
    marginLevel: { term: 'bybitMmr', liquidationLevel: '100' },
    balance: { label: `${label} (${TODO}: which balance)`, currency: 'USDT' },
    fixtureUrl: `https://${pageHost}/trade/BTCUSDT`,
    pages: [`https://${pageHost}/trade/<SYMBOL>`],
    reads: [`${TODO}: what the reader reads from the page`],
    marketData: [`${TODO}: what the feed fetches`],
    computes: [`${TODO}: what the model computes`],
    assumes: [`${TODO}: what the quote assumes`],
    degrades: `${TODO}: what the reader cannot rely on, and how it degrades.`,
  };
  const facts = {
    asOf: '2000-01-01',
    source: `${TODO}: where the fee rates and tiers come from (dated)`,
    takerFeeRate: '0',
    makerFeeRate: '0',
    defaults: {},
    symbols: {},
  };
  const placeholderAnswer = (what) =>
    JSON.stringify(
      { [TODO]: `replace with a saved answer of the ${what} endpoint (as the exchange sent it)` },
      null,
      2,
    ) + '\n';
  return {
    [`src/venues/${id}/about.json`]: JSON.stringify(about, null, 2) + '\n',
    [`src/venues/${id}/facts.json`]: JSON.stringify(facts, null, 2) + '\n',
    [`src/venues/${id}/fixtures/api/mark.json`]: placeholderAnswer('mark'),
    [`src/venues/${id}/fixtures/api/facts.json`]: placeholderAnswer('facts'),
    [`src/venues/${id}/selectors.ts`]: `// ${label} order form, as data. ${TODO}: one entry per key the reader needs, each with the
// strategies that find it and \`expected\`: its match count on the fixture page in every state
// tests/venues/${id}/states.ts puts it in, \`example\` as loaded (0 where the element must be absent).
import type { SelectorTable } from '../dom/query';

/** The fixture page's states besides \`example\`, each key counted in each (tests/venues/${id}/states.ts). ${TODO}: the page's real states (market tab, logged out, …). */
export type ${pascal}State = 'market';

export const ${constant}_SELECTORS = {
  /** ${TODO}: a placeholder (the button on the fixture stub); the reader's real keys replace it. */
  submit: {
    expected: { example: 1, market: 1 },
    strategies: [{ by: 'role', role: 'button', name: ['Place order'] }],
  },
} satisfies SelectorTable<string, ${pascal}State>;
`,
    [`src/venues/${id}/reader.ts`]: `// ${label} page reader (content side: imports no background code). ${TODO}: read the order form
// with ${constant}_SELECTORS (see kraken-margin/reader.ts); until then every page is "form not recognised"
// (its selector counts are real, for tests/venues/selector-counts.test.ts).
import { findAll } from '../dom/query';
import type { VenueReader } from '../readers';
import { ${constant}_SELECTORS } from './selectors';

const PAGE_HOST = '${pageHost}';
const NOT_WRITTEN = '${TODO}: read the order form in src/venues/${id}/reader.ts';

export const reader: VenueReader = {
  venue: '${id}',
  matchesUrl: (url) => url.hostname === PAGE_HOST && url.pathname.startsWith('/trade/'),
  read: (doc) => ({
    status: 'unrecognised',
    missing: [NOT_WRITTEN],
    matched: Object.fromEntries(Object.entries(${constant}_SELECTORS).map(([key, spec]) => [key, findAll(doc, spec).length])),
  }),
  formRoot: () => null,
  submitButtons: () => [],
  sideOfSubmit: () => null,
  selectors: () => ${constant}_SELECTORS,
  // ${TODO}: what the trader may point at when the selectors miss (see kraken-margin/teach.ts).
  teach: [],
};
`,
    [`src/venues/${id}/content.ts`]: `// Content script for ${label} trade pages: the entry manifest/base.json names for this venue's pages only.
// It bundles this venue's reader and no other's (vite.config.ts checks the bundle).
import { startContentScript } from '../../content/index';
import { reader } from './reader';

startContentScript(reader);
`,
    [`src/venues/${id}/feed-schema.ts`]: `// What the ${label} endpoints answer, validated. ${TODO}: parse the saved answers in
// fixtures/api/ into figures (see another venue's feed-schema.ts); until then every answer is refused.
import type { ParseResult, StreamEvent } from '../feed-types';

const NOT_WRITTEN: ParseResult = { ok: false, reason: '${id}: feed-schema.ts not written yet' };

export const parseMark = (_body: unknown, _symbol: string): ParseResult => NOT_WRITTEN;
export const parseFacts = (_body: unknown, _symbol: string): ParseResult => NOT_WRITTEN;
export const parseStream = (_message: unknown, _symbol: string): StreamEvent => ({
  kind: 'malformed',
  reason: '${id}: feed-schema.ts not written yet',
});
`,
    [`src/venues/${id}/feed.ts`]: `// ${label}: public market data for the background's feed runner. ${TODO}: the real endpoints
// (then tests/venues/origins.test.ts lists what the manifest, the allowlist and the mock must gain).
import type { VenueFeed } from '../feed-types';
import { parseFacts, parseMark, parseStream } from './feed-schema';

export const feed: VenueFeed = {
  venue: '${id}',
  symbolPattern: /^[A-Z0-9]{2,20}$/,
  quoteAsset: () => null,
  endpoints: {
    mark: { base: 'https://${apiHost}/mark', query: (symbol) => ({ symbol }) },
    facts: { base: 'https://${apiHost}/facts', query: (symbol) => ({ symbol }) },
    stream: { base: 'wss://${streamHost}/ws' },
  },
  parseMark,
  parseFacts,
  // ${TODO}: the venue's subscribe / unsubscribe requests for a list of symbols on one socket.
  subscribe: () => [],
  unsubscribe: () => [],
  streamSymbol: () => null,
  parseStream,
};
`,
    [`src/core/models/${id}.ts`]: `// ${label}: the liquidation model. ${TODO}: write it (see perp.ts and the other models) and
// cite the venue's rules here; until then a quote for this venue is an internal error.
import type { VenueFacts } from '../facts';
import type { ModelQuote, QuoteInput } from '../types';

export function ${model}(_input: QuoteInput, _facts: VenueFacts | undefined): ModelQuote {
  throw new Error('${id}: the model in src/core/models/${id}.ts is not written yet');
}
`,
    [`e2e/fixtures/pages/${id}.html`]: `<!doctype html>
<!-- ${label} trade page fixture, served by the mock at about.json "fixtureUrl".
     ${TODO}: the order form as the real page builds it (roles, labels, texts), in its example state. -->
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${label} (fixture)</title>
  </head>
  <body>
    <main>
      <!-- ${TODO}: a placeholder for selectors.ts "submit"; the real form replaces it. -->
      <button type="button">Place order</button>
    </main>
  </body>
</html>
`,
    [`e2e/mock/venues/${id}.ts`]: `// ${label} in the mock exchange. ${TODO}: serve the fixture page at its real URL, answer the
// feed's REST endpoints and stream (see kraken-margin.ts); until then the mock serves nothing for it.
import type { MockVenueApi } from '../venue-api';

export const mockApi: MockVenueApi = {
  venue: '${id}',
  // { host: '${pageHost}', path: /^\\/trade\\/[^/]+\\/?$/, file: '${id}.html' }
  pages: [],
  restHosts: [],
  wsHosts: [],
  symbols: [],
  endpoint: () => null,
  rest: () => ({ status: 404, body: { error: '${id}: mock not written yet' } }),
  errorBody: (status) => JSON.stringify({ error: status }),
  acceptsWsPath: () => false,
  openStream: () => {
    throw new Error('${id}: mock stream not written yet');
  },
};
`,
    [`e2e/harness/${id}-page.ts`]: `// Drives the ${label} fixture page the way a trader does. ${TODO}: the form's controls
// (see kraken-margin-page.ts), and specs in e2e/tests that import this harness.
import type { Page } from 'playwright-core';

export const ${constant}_URL = (symbol = 'BTCUSDT') => \`https://${pageHost}/trade/\${symbol}\`;

export class ${pascal}Page {
  constructor(readonly page: Page) {}

  async goto(symbol = 'BTCUSDT'): Promise<this> {
    await this.page.goto(${constant}_URL(symbol));
    return this;
  }
}
`,
    [`tests/venues/${id}/states.ts`]: `// ${label}'s fixture page (e2e/fixtures/pages/${id}.html) in the states its selector counts name.
// ${TODO}: each state of ${pascal}State put by editing the loaded page as the trader or the site would;
// export REDEPLOY too if the page carries hashed classes (see hyperliquid/states.ts, and add the venue
// to the list at the end of tests/venues/readers.test.ts).
import { ${constant}_SELECTORS, type ${pascal}State } from '../../../src/venues/${id}/selectors';
import { AS_LOADED, type FixtureStates } from '../fixture-states';

export const SELECTORS = ${constant}_SELECTORS;

export const STATES: FixtureStates<${pascal}State> = {
  /** ${TODO}: the example order as the fixture page loads. */
  example: AS_LOADED,
  /** Market tab. Fails until filled in (not skipped: a scaffolded venue is not done). */
  market: {
    put: () => {
      throw new Error(
        '${TODO}: put the ${id} fixture page in its Market state in tests/venues/${id}/states.ts (or replace the state)',
      );
    },
  },
};
`,
    [`tests/venues/${id}/reader.test.ts`]: `// ${label} reader on its fixture page. Fails until filled in (not skipped: a scaffolded venue is not done).
import { describe, expect, it } from 'vitest';
import { reader } from '../../../src/venues/${id}/reader';

describe('${id} reader', () => {
  it('reads the example order from e2e/fixtures/pages/${id}.html', () => {
    expect(reader.venue).toBe('${id}');
    expect.fail(
      '${TODO}: load e2e/fixtures/pages/${id}.html at about.json fixtureUrl and assert the OrderForm reader.read() returns (see the other venues\\' reader tests)',
    );
  });
});
`,
    [`tests/venues/${id}/feed.test.ts`]: `// ${label} feed against its saved answers. Fails until filled in (not skipped: a scaffolded venue is not done).
import { describe, expect, it } from 'vitest';
import { feed } from '../../../src/venues/${id}/feed';

describe('${id} feed', () => {
  it('parses the saved answers in src/venues/${id}/fixtures/api/', () => {
    expect(feed.venue).toBe('${id}');
    expect.fail(
      '${TODO}: replace the placeholder answers in src/venues/${id}/fixtures/api/ with saved ones and assert the figures parseMark, parseFacts and parseStream return (see the other venues\\' feed tests)',
    );
  });
});
`,
  };
}

/** VENUES in core/types.ts gains the id (last, so existing order is kept). */
function addToVenues(text, id) {
  const m = /export const VENUES = \[([\s\S]*?)\] as const;/.exec(text);
  if (m === null) throw new Error('src/core/types.ts: VENUES = [...] as const not found');
  const items = m[1].trim().replace(/,$/, '');
  const list = `export const VENUES = [${items}, '${id}'] as const;`;
  return text.slice(0, m.index) + list + text.slice(m.index + m[0].length);
}

/** MODELS in core/quote.ts gains the venue's model, and the file its import (among the model imports, sorted). */
function addToModels(text, id, model) {
  const m = /const MODELS: Record<VenueId, VenueModel> = \{([\s\S]*?)\};/.exec(text);
  if (m === null) throw new Error('src/core/quote.ts: const MODELS: Record<VenueId, VenueModel> = {...} not found');
  const body = m[1].replace(/\s*$/, '');
  const key = /^[a-z][a-z0-9]*$/.test(id) ? id : `'${id}'`;
  const withModel =
    text.slice(0, m.index) +
    `const MODELS: Record<VenueId, VenueModel> = {${body}\n  ${key}: ${model},\n};` +
    text.slice(m.index + m[0].length);
  const lines = withModel.split('\n');
  const importLine = `import { ${model} } from './models/${id}';`;
  const modelImports = lines.map((line, i) => [line, i]).filter(([line]) => line.includes("from './models/"));
  if (modelImports.length === 0) throw new Error("src/core/quote.ts: no import from './models/' found");
  const after = modelImports.filter(([line]) => line.localeCompare(importLine) < 0).at(-1);
  const at = after === undefined ? modelImports[0][1] : after[1] + 1;
  lines.splice(at, 0, importLine);
  return lines.join('\n');
}

/** RULES in venues/form-schema.ts gains the venue's form rules: a perpetual's, until the reader says otherwise. */
function addToFormRules(text, id) {
  const m = /const RULES: Readonly<Record<VenueId, VenueRules>> = \{([\s\S]*?)\n\};/.exec(text);
  if (m === null)
    throw new Error('src/venues/form-schema.ts: const RULES: Readonly<Record<VenueId, VenueRules>> = {...} not found');
  const key = /^[a-z][a-z0-9]*$/.test(id) ? id : `'${id}'`;
  const entry = `  // ${TODO}: the form's margin modes, size units, triggers, account panel, borrow selector.\n  ${key}: { ...PERP, units: ['base', 'quote'], account: false },`;
  const end = m.index + m[0].length - '\n};'.length;
  return text.slice(0, end) + '\n' + entry + text.slice(end);
}

/** CASES in tests/background/mock-feed-agreement.test.ts gains the venue: no symbols, as its mock lists none yet. */
function addToFeedCases(text, id) {
  const m = /const CASES: Readonly<Record<VenueId, [^\n]*\{([\s\S]*?)\n\};/.exec(text);
  if (m === null)
    throw new Error(
      'tests/background/mock-feed-agreement.test.ts: const CASES: Readonly<Record<VenueId, ...>> = {...} not found',
    );
  const key = /^[a-z][a-z0-9]*$/.test(id) ? id : `'${id}'`;
  const entry = `  // ${TODO}: every symbol e2e/mock/venues/${id}.ts lists, with the tick size the feed reads from the mock.\n  ${key}: [],`;
  const end = m.index + m[0].length - '\n};'.length;
  return text.slice(0, end) + '\n' + entry + text.slice(end);
}

async function format(file, text) {
  if (!/\.(ts|tsx|mjs|js)$/.test(file)) return text;
  const options = (await prettier.resolveConfig(path.join(REPO, 'package.json'))) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

/** Scaffolds venue `id` under `root`; returns the files created and edited (relative paths). */
export async function scaffold(id, root = REPO) {
  if (!ID.test(id)) throw new Error(`"${id}" is not a lowercase kebab-case venue id (like "foo-perp")`);
  const types = readFileSync(path.join(root, 'src/core/types.ts'), 'utf8');
  const quote = readFileSync(path.join(root, 'src/core/quote.ts'), 'utf8');
  const formSchema = readFileSync(path.join(root, 'src/venues/form-schema.ts'), 'utf8');
  const feedCases = readFileSync(path.join(root, FEED_CASES), 'utf8');
  const n = names(id);
  const files = templates(n);
  const taken = Object.keys(files).filter((file) => existsSync(path.join(root, file)));
  if (existsSync(path.join(root, 'src/venues', id))) taken.unshift(`src/venues/${id}/`);
  if (new RegExp(`'${id}'`).test(/export const VENUES = \[[\s\S]*?\]/.exec(types)?.[0] ?? '')) taken.unshift('VENUES');
  if (taken.length > 0) throw new Error(`venue "${id}" already exists: ${[...new Set(taken)].join(', ')}`);

  // Everything is computed before anything is written: a failed edit leaves nothing behind.
  const edits = {
    'src/core/types.ts': await format('types.ts', addToVenues(types, id)),
    'src/core/quote.ts': await format('quote.ts', addToModels(quote, id, n.model)),
    'src/venues/form-schema.ts': await format('form-schema.ts', addToFormRules(formSchema, id)),
    [FEED_CASES]: await format(FEED_CASES, addToFeedCases(feedCases, id)),
  };
  const created = {};
  for (const [file, text] of Object.entries(files)) created[file] = await format(file, text);

  for (const [file, text] of Object.entries(created)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text, { flag: 'wx' });
  }
  for (const [file, text] of Object.entries(edits)) writeFileSync(path.join(root, file), text);
  return { created: Object.keys(created), edited: Object.keys(edits) };
}

const HAND_EDITS = [
  'src/venues/<id>/about.json "pages" + "fixtureUrl" and feed.ts endpoints: the real hosts',
  "manifest/base.json: a content_scripts entry (the venue's page matches, js src/venues/<id>/content.ts), host_permissions, CSP connect-src",
  'src/background/net/allowlist.ts API_ALLOWLIST',
  'src/background/messaging/classify-sender.ts EXCHANGE_ORIGINS',
  'e2e/mock/hosts.ts PAGE_HOSTS / API_HOSTS',
  'README.md: the venue table row (the about.json "name")',
  'tests/venues/readers.test.ts: the list of venues with hashed classes, if states.ts exports REDEPLOY',
  'e2e/tests/*.spec.ts: specs importing e2e/harness/<id>-page.ts (tests/venues/venue-folders.test.ts lists the kinds)',
];

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const args = process.argv.slice(2);
  const rootAt = args.indexOf('--root');
  const root = rootAt === -1 ? REPO : path.resolve(args[rootAt + 1] ?? '');
  const ids = args.filter((arg, i) => !arg.startsWith('--') && (rootAt === -1 || i !== rootAt + 1));
  if (ids.length !== 1) {
    console.error('usage: npm run new-venue -- <venue-id>   (lowercase kebab-case, e.g. foo-perp)');
    process.exit(2);
  }
  try {
    const { created, edited } = await scaffold(ids[0], root);
    console.log(`new-venue: created ${created.length} files:`);
    for (const file of created) console.log(`  + ${file}`);
    console.log(`new-venue: lines keyed by venue written in ${edited.join(', ')}`);
    console.log(
      'new-venue: by hand, once the real hosts are known (tests/venues/origins.test.ts lists what is missing):',
    );
    for (const what of HAND_EDITS) console.log(`  - ${what}`);
    console.log(
      `new-venue: then make tests/venues/${ids[0]}/ (its tests and states.ts) and the suites over all venues in tests/venues/ pass (they fail until filled in).`,
    );
  } catch (error) {
    console.error(`new-venue: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
