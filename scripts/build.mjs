#!/usr/bin/env node
// Builds the extension for each browser named on the command line (default: chrome firefox).
// One `vite build` per target, selected through the TARGET env var read by vite.config.ts.
// A node script instead of `TARGET=x vite build` in package.json: works the same on every shell.
// Usage: node scripts/build.mjs [chrome] [firefox]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const targets = process.argv.slice(2);
// vite's "exports" hide bin/vite.js, so locate it next to its package.json.
const vitePkg = createRequire(import.meta.url).resolve('vite/package.json');
const viteBin = path.join(path.dirname(vitePkg), 'bin', 'vite.js');

/** Every *.map under `dir`, as paths relative to it. */
function sourceMaps(dir, sub = '') {
  return readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(sub, entry.name);
    if (entry.isDirectory()) return sourceMaps(dir, rel);
    return entry.name.endsWith('.map') ? [rel] : [];
  });
}

for (const target of targets.length ? targets : ['chrome', 'firefox']) {
  const mapsDir = path.join(ROOT, 'dist', `${target}-sourcemaps`);
  rmSync(mapsDir, { recursive: true, force: true });
  console.log(`\n> vite build (TARGET=${target}) → dist/${target}/`);
  const { status } = spawnSync(process.execPath, [viteBin, 'build'], {
    stdio: 'inherit',
    // NODE_ENV=production whatever the caller's (vitest sets "test"): otherwise the pages' JSX is
    // compiled in development mode, jsxDEV calls carrying each .tsx file's absolute path (issue 16).
    env: { ...process.env, TARGET: target, NODE_ENV: 'production' },
  });
  if (status !== 0) process.exit(status ?? 1);
  // The manifest names default_locale, so the browsers refuse a build without _locales/; the
  // web-extension plugin only bundles what the manifest references as entries, not this folder.
  cpSync(path.join(ROOT, '_locales'), path.join(ROOT, 'dist', target, '_locales'), { recursive: true });
  // The content scripts' source maps (vite.config.ts contentMinifyPlugin) are for store review,
  // not for the browser: out of the package, at the same depth so their relative source paths hold.
  for (const map of sourceMaps(path.join(ROOT, 'dist', target))) {
    mkdirSync(path.dirname(path.join(mapsDir, map)), { recursive: true });
    renameSync(path.join(ROOT, 'dist', target, map), path.join(mapsDir, map));
  }
}
