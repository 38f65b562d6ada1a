// Gathers what PRIVACY.md and the store listings are generated from, the same way in the script
// (tsx) and in the tests (vitest): files read from disk, each venue's feed.ts imported by id.
import { readdirSync, readFileSync } from 'node:fs';
import { composeManifest, TARGETS } from '../compose-manifest';
import { API_ALLOWLIST } from '../../src/background/net/allowlist';
import { VENUES } from '../../src/core/types';
import type { VenueFeed } from '../../src/venues/feed-types';
import type { Messages } from './listing';
import type { PrivacySources } from './render';
import { STORAGE_KEYS } from './storage-docs';

const ROOT = new URL('../../', import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, ROOT), 'utf8'));

export async function privacySources(): Promise<PrivacySources> {
  const feeds: VenueFeed[] = [];
  const venues: Record<string, { name: string; exampleSymbol: string }> = {};
  for (const venue of VENUES) {
    const mod = (await import(`../../src/venues/${venue}/feed.ts`)) as { feed: VenueFeed };
    feeds.push(mod.feed);
    const about = readJson(`src/venues/${venue}/about.json`) as { name: string; exampleSymbol: string };
    venues[venue] = { name: about.name, exampleSymbol: about.exampleSymbol };
  }
  return {
    allowlist: API_ALLOWLIST,
    feeds,
    venues,
    manifests: TARGETS.map((target) => composeManifest(target)),
    storage: STORAGE_KEYS,
  };
}

/** The locales we ship (folders of _locales/) and their messages. */
export function shippedLocales(): Array<{ locale: string; messages: Messages }> {
  return readdirSync(new URL('_locales/', ROOT))
    .sort()
    .map((locale) => ({ locale, messages: readJson(`_locales/${locale}/messages.json`) as Messages }));
}
