// Issue 16 item 3: PRIVACY.md and the store listings are generated (npm run privacy) from the API
// allowlist, the feeds, the manifests and the storage documentation. Regenerating must give the
// committed bytes, so none of them can change without the document; and independently of the
// generator, every allowlisted origin and host permission must appear in it, and every storage
// key the source uses must be documented (from the exported key constants, and by scanning the
// storage calls for literal and per-venue keys).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeManifest, TARGETS } from '../scripts/compose-manifest';
import { allowlistOrigins, hostEntries } from '../scripts/privacy/hosts';
import { generatedFiles } from '../scripts/privacy/outputs';
import { renderPrivacy } from '../scripts/privacy/render';
import { privacySources } from '../scripts/privacy/sources';
import { STORAGE_KEYS } from '../scripts/privacy/storage-docs';
import { API_ALLOWLIST } from '../src/background/net/allowlist';
import { CACHE_KEY } from '../src/background/cache/snapshot-cache';
import { SETTINGS_KEY } from '../src/settings/settings';
import { TAUGHT_KEY } from '../src/settings/taught';
import { OVERLAY_POSITION_PREFIX } from '../src/ui/options/store';
import { CALCULATOR_KEY } from '../src/ui/popup/storage';
import { storageKeysIn } from './helpers/storage-keys';

const ROOT = new URL('../', import.meta.url).pathname;
const committed = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const privacy = committed('PRIVACY.md');
const documented = new Set(STORAGE_KEYS.map((d) => d.key));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('PRIVACY.md and store listings', () => {
  it('are what npm run privacy generates from the current sources', async () => {
    const files = await generatedFiles();
    expect(files.map((f) => f.path)).toEqual(['PRIVACY.md', 'store/listing.de.md', 'store/listing.en.md']);
    for (const { path, text } of files) expect(committed(path), `${path}: run npm run privacy`).toBe(text);
  });

  it('name every allowlisted endpoint and origin', () => {
    expect(API_ALLOWLIST.length).toBeGreaterThan(20);
    for (const entry of API_ALLOWLIST) expect(privacy).toContain(`\`${entry}\``);
    for (const origin of allowlistOrigins(API_ALLOWLIST)) expect(privacy).toContain(`\`${origin}\``);
  });

  it('name every permission, host permission and content-script page of both targets', () => {
    for (const target of TARGETS) {
      const m = composeManifest(target) as {
        permissions: string[];
        host_permissions: string[];
        content_scripts: Array<{ matches: string[] }>;
      };
      const all = [...m.permissions, ...m.host_permissions, ...m.content_scripts.flatMap((c) => c.matches)];
      expect(all.length).toBeGreaterThan(15);
      for (const entry of all) expect(privacy, `${target}: ${entry}`).toContain(`| \`${entry}\` |`);
    }
  });

  it('name every web-accessible resource of both targets with the origins that may load it', () => {
    for (const target of TARGETS) {
      const m = composeManifest(target) as {
        web_accessible_resources: Array<{ resources: string[]; matches: string[] }>;
      };
      expect(m.web_accessible_resources.length).toBeGreaterThan(0);
      for (const { resources, matches } of m.web_accessible_resources)
        for (const resource of resources) {
          const row = privacy.split('\n').find((line) => line.startsWith(`| \`${resource}\` |`));
          expect(row, `${target}: ${resource}`).toBeDefined();
          for (const origin of matches) expect(row, `${target}: ${resource} from ${origin}`).toContain(`\`${origin}\``);
        }
    }
    expect(privacy).toContain('closed shadow root');
  });

  it('the generator refuses a web-accessible resource it cannot explain (a planted extra file)', async () => {
    const sources = await privacySources();
    const planted = sources.manifests.map((m, i) =>
      i === 0
        ? {
            ...m,
            web_accessible_resources: [
              ...(m['web_accessible_resources'] as object[]),
              { resources: ['assets/settings-dump.json'], matches: ['<all_urls>'] },
            ],
          }
        : m,
    );
    expect(() => renderPrivacy({ ...sources, manifests: planted })).toThrow(
      /no justification for web-accessible resource assets\/settings-dump\.json/,
    );
  });

  it('the generator refuses an allowlist entry it cannot explain (a planted extra origin)', async () => {
    const sources = await privacySources();
    const planted = { ...sources, allowlist: [...sources.allowlist, 'https://collector.example.com/v1/events'] };
    expect(() => renderPrivacy(planted)).toThrow(/collector\.example\.com.*no purpose/);
    const dropped = { ...sources, allowlist: sources.allowlist.filter((e) => !e.includes('okx')) };
    expect(() => renderPrivacy(dropped)).toThrow(/not on API_ALLOWLIST/);
  });

  it('every feed endpoint is attributed to its venue', async () => {
    const sources = await privacySources();
    const entries = hostEntries(sources.allowlist, sources.feeds, () => 'BTCUSDT');
    expect(entries.filter((e) => e.uses.length === 0).map((e) => e.endpoint)).toEqual([]);
  });
});

describe('storage keys', () => {
  it('the exported key constants are documented', () => {
    for (const key of [SETTINGS_KEY, TAUGHT_KEY, CACHE_KEY, CALCULATOR_KEY]) expect(documented).toContain(key);
    expect(documented).toContain(`${OVERLAY_POSITION_PREFIX}<venue>`);
  });

  it('every key a storage call in src names or builds is documented, and each documented key is used', () => {
    const found = new Map<string, string>();
    for (const file of sourceFiles(join(ROOT, 'src')))
      for (const key of storageKeysIn(readFileSync(file, 'utf8'))) found.set(key, relative(ROOT, file));
    expect(found.size).toBeGreaterThanOrEqual(6);
    const undocumented = [...found].filter(([key]) => !documented.has(key)).map(([key, file]) => `${file}: ${key}`);
    expect(undocumented).toEqual([]);
    expect([...documented].filter((key) => !found.has(key))).toEqual([]);
    for (const doc of STORAGE_KEYS) expect(privacy).toContain(`| \`${doc.key}\` |`);
  });

  it('the scan finds a new literal key, a new per-venue key and a new key constant', () => {
    expect(storageKeysIn(`void ext.setLocal('lastSymbol', s);`)).toEqual(['lastSymbol']);
    expect(storageKeysIn('const k = (venue: string) => `overlayZoom.${venue}`;\next.getLocal(k(v));')).toEqual([
      'overlayZoom.<venue>',
    ]);
    expect(storageKeysIn(`export const HISTORY_KEY = 'history';\nawait area.set({ [HISTORY_KEY]: h });`)).toEqual([
      'history',
    ]);
    expect(storageKeysIn(`await browser.storage.local.set({ recent: [] });`)).toEqual(['recent']);
    expect(storageKeysIn(`const DETAIL_KEY = /^[a-z]+$/;`)).toEqual([]);
  });
});
