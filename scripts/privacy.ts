// npm run privacy: writes PRIVACY.md and store/listing.<locale>.md from the sources
// (scripts/privacy/outputs.ts). Run it after changing the allowlist, a feed endpoint, the
// manifests, a storage key or the store texts in _locales; tests/privacy.test.ts says when.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generatedFiles } from './privacy/outputs';

const ROOT = new URL('../', import.meta.url);
for (const { path, text } of await generatedFiles()) {
  const target = new URL(path, ROOT).pathname;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${path}`);
}
