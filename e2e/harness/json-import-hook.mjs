// Node module hook for the Playwright runner: lets `import data from './facts.json'` (no import
// attribute, as Vite, vitest and tsx accept it) load in the test processes, so e2e tests can
// import src/venues/facts.ts and compute the engine's figures exactly as the extension does.
// Registered from playwright.config.ts, which Playwright loads in every worker process.
import { readFile } from 'node:fs/promises';

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('.json') && context.importAttributes?.type !== 'json') {
    const text = await readFile(new URL(url), 'utf8');
    JSON.parse(text); // fail here, with the file's name, on broken JSON
    return { format: 'module', source: `export default ${text};`, shortCircuit: true };
  }
  return nextLoad(url, context);
}
