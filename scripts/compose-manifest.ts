// The manifest of one browser target: manifest/base.json + manifest/<target>.json, with the
// version from package.json (one source of truth). vite.config.ts hands it to the web-extension
// plugin; tests/manifest.test.ts checks the same composed object (CSP, content-script matches).
import { readFileSync } from 'node:fs';

export const TARGETS = ['chrome', 'firefox'] as const;
export type Target = (typeof TARGETS)[number];

type Json = Record<string, unknown>;

const ROOT = new URL('../', import.meta.url);
const readJson = (file: string): Json => JSON.parse(readFileSync(new URL(file, ROOT), 'utf8')) as Json;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Objects merge key by key; arrays and scalars in the overlay replace the base value. */
function merge(base: Json, overlay: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const prev = out[key];
    out[key] = isObject(prev) && isObject(value) ? merge(prev, value) : value;
  }
  return out;
}

/** The overlay's module as built (src/ui/overlay/page-ui.ts; vite.config.ts writes it here). */
export const PAGE_UI_ENTRY = 'src/ui/overlay/page-ui.ts';
export const PAGE_UI_FILE = 'src/ui/overlay/page-ui.js';

/**
 * The overlay's module is imported by the content scripts at their first draw, so it must be a
 * web-accessible resource — but only for the origins our content scripts run on (derived from their
 * matches here so the two lists cannot drift), and in Chrome behind a per-session URL
 * (use_dynamic_url) so a page cannot probe for the extension by its fixed id. Firefox's moz-extension
 * URL is already random per install, and it does not know use_dynamic_url (web-ext lint warns).
 */
function pageUiResource(merged: Json, target: Target): Json {
  const scripts = (merged['content_scripts'] ?? []) as { matches?: string[] }[];
  // Chrome takes only origins here (a path other than /* makes the manifest invalid).
  const matches = [...new Set(scripts.flatMap((s) => s.matches ?? []).map((m) => `${new URL(m).origin}/*`))];
  return { resources: [PAGE_UI_FILE], matches, ...(target === 'chrome' ? { use_dynamic_url: true } : {}) };
}

export function composeManifest(target: Target): Json {
  const { version } = readJson('package.json') as { version: string };
  const merged = merge(readJson('manifest/base.json'), readJson(`manifest/${target}.json`));
  merged['web_accessible_resources'] = [pageUiResource(merged, target)];
  // Spread order keeps manifest_version, name, version first in the output for readability.
  return { manifest_version: merged['manifest_version'], name: merged['name'], version, ...merged };
}
