// `npm run new-venue -- <id>` (scripts/new-venue.mjs), run with --root into a temporary folder that
// holds copies of the four files it edits: the files it creates, the registry lines it writes,
// the ids it refuses — and nothing written into the repository.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVenueFacts } from '../src/venues/facts';

const ROOT = join(import.meta.dirname, '..');
const SCRIPT = join(ROOT, 'scripts', 'new-venue.mjs');
const EDITED = [
  'src/core/types.ts',
  'src/core/quote.ts',
  'src/venues/form-schema.ts',
  'tests/background/mock-feed-agreement.test.ts',
];
const created = (id: string) => [
  `src/venues/${id}/about.json`,
  `src/venues/${id}/facts.json`,
  `src/venues/${id}/fixtures/api/mark.json`,
  `src/venues/${id}/fixtures/api/facts.json`,
  `src/venues/${id}/selectors.ts`,
  `src/venues/${id}/reader.ts`,
  `src/venues/${id}/content.ts`,
  `src/venues/${id}/feed-schema.ts`,
  `src/venues/${id}/feed.ts`,
  `src/core/models/${id}.ts`,
  `e2e/fixtures/pages/${id}.html`,
  `e2e/mock/venues/${id}.ts`,
  `e2e/harness/${id}-page.ts`,
  `tests/venues/${id}/states.ts`,
  `tests/venues/${id}/reader.test.ts`,
  `tests/venues/${id}/feed.test.ts`,
];

let tmp: string;
const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args, '--root', tmp], { encoding: 'utf8' });
const read = (file: string) => readFileSync(join(tmp, file), 'utf8');
const original = Object.fromEntries(EDITED.map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]));

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'new-venue-'));
  for (const file of EDITED) cpSync(join(ROOT, file), join(tmp, file));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Each case spawns node and Prettier: generous time on a shared machine.
describe('npm run new-venue', { timeout: 30_000 }, () => {
  it('creates every file a venue needs, named by its id, and says what is left by hand', () => {
    const result = run('foo-perp');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    for (const file of created('foo-perp')) expect(existsSync(join(tmp, file)), file).toBe(true);
    expect(result.stdout).toContain(`created ${created('foo-perp').length} files`);
    expect(result.stdout).toContain('manifest/base.json');
    expect(read('src/venues/foo-perp/reader.ts')).toContain("venue: 'foo-perp'");
    // Its own content script (issue 15): the one entry the manifest names for its pages, with its reader only.
    expect(read('src/venues/foo-perp/content.ts')).toContain("import { reader } from './reader';");
    expect(read('src/venues/foo-perp/content.ts')).toContain('startContentScript(reader);');
    expect(read('src/venues/foo-perp/feed.ts')).toContain("venue: 'foo-perp'");
    expect(read('e2e/mock/venues/foo-perp.ts')).toContain("venue: 'foo-perp'");
    expect(read('src/core/models/foo-perp.ts')).toContain('export function quoteFooPerp(');
    expect(read('e2e/harness/foo-perp-page.ts')).toContain('export class FooPerpPage');
  });

  it('writes the lines keyed by venue: VENUES, MODELS (with its import), the form rules and the mock-feed CASES', () => {
    const types = read('src/core/types.ts');
    const venues = /export const VENUES = \[([\s\S]*?)\] as const;/.exec(types)![1]!;
    expect(venues.match(/'[a-z0-9-]+'|\b[a-z0-9]+\b/g)!.at(-1)).toBe("'foo-perp'");
    expect(types.replace("  'foo-perp',\n", '')).toBe(original['src/core/types.ts']);

    const quote = read('src/core/quote.ts');
    expect(quote).toContain("import { quoteFooPerp } from './models/foo-perp';");
    expect(quote).toContain("  'foo-perp': quoteFooPerp,\n};");
    expect(
      quote
        .replace("import { quoteFooPerp } from './models/foo-perp';\n", '')
        .replace("  'foo-perp': quoteFooPerp,\n", ''),
    ).toBe(original['src/core/quote.ts']);

    const rules = read('src/venues/form-schema.ts');
    expect(rules).toMatch(/\n {2}'foo-perp': \{ \.\.\.PERP, units: \['base', 'quote'\], account: false \},\n\};/);

    // No symbols: the mock module lists none until it is written (then the CASES test counts them).
    const cases = read('tests/background/mock-feed-agreement.test.ts');
    expect(cases).toMatch(
      /\n {2}\/\/ TODO\(new-venue\): every symbol e2e\/mock\/venues\/foo-perp\.ts lists[^\n]*\n {2}'foo-perp': \[\],\n\};/,
    );
    expect(cases.replace(/\n {2}\/\/ TODO\(new-venue\)[^\n]*\n {2}'foo-perp': \[\],/, '')).toBe(
      original['tests/background/mock-feed-agreement.test.ts'],
    );
  });

  it('writes selectors.ts in the per-state layout and states.ts for the selector-count suites', () => {
    const selectors = read('src/venues/foo-perp/selectors.ts');
    expect(selectors).toContain("export type FooPerpState = 'market';");
    expect(selectors).toContain('export const FOO_PERP_SELECTORS = {');
    expect(selectors).toContain('expected: { example: 1, market: 1 },');
    expect(selectors).toContain('} satisfies SelectorTable<string, FooPerpState>;');
    const states = read('tests/venues/foo-perp/states.ts');
    expect(states).toContain('export const SELECTORS = FOO_PERP_SELECTORS;');
    expect(states).toContain('export const STATES: FixtureStates<FooPerpState> = {');
    expect(states).toContain('example: AS_LOADED,');
    // The state besides the example throws until put; no REDEPLOY until the page is known to have hashed classes.
    expect(states).toMatch(
      /market: \{\s*put: \(\) => \{\s*throw new Error\(\s*'TODO\(new-venue\): put the foo-perp fixture page/,
    );
    expect(states).not.toContain('export const REDEPLOY');
    // The fixture stub carries what the placeholder key finds: the selector counts are real from the start.
    expect(read('e2e/fixtures/pages/foo-perp.html')).toContain('<button type="button">Place order</button>');
    expect(read('src/venues/foo-perp/reader.ts')).toContain('findAll(doc, spec).length');
  });

  it('gives about.json the fields every venue has, and facts.json that parse (an empty venue, dated long ago)', () => {
    const about = JSON.parse(read('src/venues/foo-perp/about.json')) as Record<string, unknown>;
    const kraken = JSON.parse(readFileSync(join(ROOT, 'src/venues/kraken-margin/about.json'), 'utf8')) as object;
    expect(Object.keys(about).sort()).toEqual(Object.keys(kraken).sort());
    const facts = parseVenueFacts(JSON.parse(read('src/venues/foo-perp/facts.json')), 'foo-perp');
    expect(facts.symbols).toEqual({});
    for (const file of ['mark.json', 'facts.json']) {
      expect(read(`src/venues/foo-perp/fixtures/api/${file}`)).toContain('TODO(new-venue)');
    }
  });

  it('writes test stubs that fail until filled in, saying what to fill (not skipped)', () => {
    for (const file of created('foo-perp').filter((f) => f.endsWith('.test.ts'))) {
      const text = read(file);
      expect(text).toContain('expect.fail(');
      expect(text).toContain('TODO(new-venue)');
      expect(text).not.toMatch(/\.(skip|todo)\b|\bxit\(/);
    }
  });

  it('writes a one-word id unquoted where Prettier would', () => {
    expect(run('zeta').status).toBe(0);
    expect(read('src/core/quote.ts')).toContain('  zeta: quoteZeta,\n};');
  });

  it.each([
    ['Foo', 'not a lowercase kebab-case venue id'],
    ['foo_perp', 'not a lowercase kebab-case venue id'],
    ['foo--perp', 'not a lowercase kebab-case venue id'],
    ['-foo', 'not a lowercase kebab-case venue id'],
    ['foo-perp', 'already exists'],
    ['hyperliquid', 'already exists: VENUES'],
  ])('refuses %s (%s) and writes nothing', (id, message) => {
    const before = EDITED.map(read);
    const result = run(id);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
    expect(EDITED.map(read)).toEqual(before);
  });

  it('left the repository as it was', () => {
    for (const file of EDITED) expect(readFileSync(join(ROOT, file), 'utf8')).toBe(original[file]);
    for (const id of ['foo-perp', 'zeta']) {
      for (const file of created(id)) expect(existsSync(join(ROOT, file)), file).toBe(false);
    }
  });
});
