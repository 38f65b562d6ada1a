// Unit tests run in node: src/core is pure, and extension contexts are covered by e2e tests
// in real browsers instead of a DOM emulation.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx', 'src/**/*.test.ts'],
    environment: 'node',
  },
});
