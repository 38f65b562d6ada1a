// Unit tests run in node: src/core is pure, and extension contexts are covered by e2e tests
// in real browsers instead of a DOM emulation.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx', 'src/**/*.test.ts'],
    environment: 'node',
    // The browser's i18n API, in English from _locales/en (the extension bundles no English copy).
    setupFiles: ['tests/helpers/i18n-en.ts'],
  },
});
