#!/usr/bin/env node
// Builds the extension for each browser named on the command line (default: chrome firefox).
// One `vite build` per target, selected through the TARGET env var read by vite.config.ts.
// A node script instead of `TARGET=x vite build` in package.json: works the same on every shell.
// Usage: node scripts/build.mjs [chrome] [firefox]
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const targets = process.argv.slice(2);
// vite's "exports" hide bin/vite.js, so locate it next to its package.json.
const vitePkg = createRequire(import.meta.url).resolve('vite/package.json');
const viteBin = path.join(path.dirname(vitePkg), 'bin', 'vite.js');

for (const target of targets.length ? targets : ['chrome', 'firefox']) {
  console.log(`\n> vite build (TARGET=${target}) → dist/${target}/`);
  const { status } = spawnSync(process.execPath, [viteBin, 'build'], {
    stdio: 'inherit',
    env: { ...process.env, TARGET: target },
  });
  if (status !== 0) process.exit(status ?? 1);
  // The manifest names default_locale, so the browsers refuse a build without _locales/; the
  // web-extension plugin only bundles what the manifest references as entries, not this folder.
  cpSync(path.join(ROOT, '_locales'), path.join(ROOT, 'dist', target, '_locales'), { recursive: true });
}
