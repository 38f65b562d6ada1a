// Turns a page report (the overlay's or the popup's "Copy a report of this page") into a fixture
// page skeleton under e2e/fixtures/pages/, so a reader fix starts from the real page's structure.
//   npm run fixture:from-report -- report.json [--out path] [--price 65000] [--size 0.1]
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixtureFromReport } from './lib/fixture-from-report';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

try {
  const page = fixtureFromReport(process.argv.slice(2), ROOT, process.cwd());
  writeFileSync(page.path, page.html);
  console.log(`wrote ${page.path}\nserve it at ${page.url}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
