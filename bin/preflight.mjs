#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so a fresh clone needs no build step.
import { tsImport } from 'tsx/esm/api';

const cli = await tsImport('../src/cli/main.ts', import.meta.url);
await cli.main();
