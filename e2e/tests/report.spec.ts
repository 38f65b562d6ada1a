// The page report (issue 14): "Copy a report of this page" in the overlay puts a structural
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
// snapshot of the order form's surroundings on the clipboard. With an order typed in and open
// positions on the page, not one digit of the page survives into it (the extension's version is
// the only field that may hold digits), and the report turns back into a fixture page
// (src/content/report/skeleton.ts, what `npm run fixture:from-report` writes) that the reader reads.
import { fixtureFromReport } from '../../scripts/lib/fixture-from-report';
import { BYBIT_HOST, BybitPage } from '../harness/bybit-linear-page';
import { waitForOverlay } from '../harness/overlay';
import { clickOverlayAction, overlayNode } from '../harness/overlay-layout';
import { TEACH } from '../harness/teach';
import { attrs } from '../harness/overlay';
import { expect, test, type Page } from '../harness/test';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Clicks the overlay's report button and returns what it put on the clipboard. */
async function copyReport(page: Page): Promise<string> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.evaluate(() => navigator.clipboard.writeText(''));
  // With figures on screen the report button waits behind Details (the click scrolls it into view).
  if ((await overlayNode(page, 'data-action', 'report')) === null) await clickOverlayAction(page, 'details');
  await clickOverlayAction(page, 'report');
  await expect
    .poll(async () => {
      const node = await overlayNode(page, TEACH.report);
      return node === null ? null : (attrs(node).get(TEACH.report) ?? null);
    })
    .toBe('copied');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text.length).toBeGreaterThan(0);
  return text;
}

/** Every string in the report, with the JSON path it sits at. */
function strings(value: unknown, at = '$'): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [...strings(k, `${at}.<key>`), ...strings(v, `${at}.${k}`)]);
  return [[at, String(value)]];
}

test('a filled Bybit order with positions: the report holds no digit of the page, and reads back as a page', async ({
  page,
  mock,
}) => {
  const b = await new BybitPage(page).goto();
  await b.typePrice('64,321.5');
  await b.typeSize('0.137');
  await waitForOverlay(page, (r) => r.state === 'ok', 'the Bybit form read');
  const text = await copyReport(page);

  const json = JSON.parse(text) as Record<string, unknown>;
  expect(json.venue).toBe('bybit-linear');
  expect(json.path).toBe('/trade/usdt/BTCUSDT');
  expect(json.lang).toBe('en');
  const withDigits = strings(json).filter(([at, s]) => at !== '$.version' && /\d/.test(s));
  expect(withDigits, 'strings with a digit in them').toEqual([]);
  expect(text.replace(/"version":\s*"[^"]*"/, '')).not.toMatch(/\d/);
  // Nothing of what was typed or of the account: the typed figures and the page's position symbols.
  for (const secret of ['64,321.5', '64321.5', '0.137', 'SOLUSDT', 'XRPUSDT']) expect(text).not.toContain(secret);

  // Round trip: what `npm run fixture:from-report -- report.json` makes of it, served at the URL it names,
  // is read by the reader (its own Order Value / Cost are placeholders: the page check may call them doubtful).
  const dir = mkdtempSync(path.join(tmpdir(), 'mp-report-'));
  writeFileSync(path.join(dir, 'report.json'), text);
  const made = fixtureFromReport(['report.json', '--out', 'page.html'], ROOT, dir);
  expect(made.url).toBe(page.url());
  mock.usePage(BYBIT_HOST, { html: made.html });
  await page.reload();
  const read = await waitForOverlay(page, (r) => r.state !== null && r.state !== 'waiting', 'the generated page read');
  expect(read.state, `missing: ${read.missing}`).not.toBe('unrecognised');
  expect(['ok', 'doubtful']).toContain(read.state);
});
