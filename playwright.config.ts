// Browser end-to-end tests: the built extension (dist/chrome) in Debian's Chromium against the
// mock exchange (e2e/mock), plus one Firefox ESR check over WebDriver BiDi (e2e/firefox).
// One worker: one browser for the whole run, new page per test; 2 CI cores cannot run two.
// Run `npm run build` first (`npm test` does); `npm run test:e2e` runs only this suite.
import { register } from 'node:module';
import { defineConfig } from '@playwright/test';

// src/venues/facts.ts imports JSON without an import attribute (fine for Vite and tsx); see the hook.
register('./e2e/harness/json-import-hook.mjs', import.meta.url);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // Per test; the one staleness test waits out the 15 s MAX_AGE once.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalTimeout: 30 * 60_000,
  reporter: 'list',
  forbidOnly: Boolean(process.env.CI),
  outputDir: 'test-results',
});
