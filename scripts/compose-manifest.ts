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

export function composeManifest(target: Target): Json {
  const { version } = readJson('package.json') as { version: string };
  const merged = merge(readJson('manifest/base.json'), readJson(`manifest/${target}.json`));
  // Spread order keeps manifest_version, name, version first in the output for readability.
  return { manifest_version: merged['manifest_version'], name: merged['name'], version, ...merged };
}
