// Issue 16: the Chrome release zip, unpacked in a temporary directory, loads in Chromium and shows
// the overlay with figures on a fixture page. The zip is MP_CHROME_ZIP when set (e.g.
// release/margin-preflight-<version>-chrome.zip after `npm run package`); otherwise it is packed
// here from dist/chrome by the same code `npm run package` uses (scripts/lib), so `npm test`
// needs no extra packaging run. tests/package/release.test.ts proves that packing reproducible.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { browserEntries } from '../../scripts/lib/release-files';
import { readZip, writeZip } from '../../scripts/lib/zip';
import { BybitPage } from '../harness/bybit-linear-page';
import { CHROME_DIST, launchChromium, ROOT } from '../harness/chromium';
import { waitForOverlay } from '../harness/overlay';
import { expect, test as base } from '../harness/test';

/** The zip's bytes: the named release zip, or dist/chrome packed as `npm run package` packs it. */
function chromeZip(): Buffer {
  const named = process.env['MP_CHROME_ZIP'];
  return named ? readFileSync(path.resolve(ROOT, named)) : writeZip(browserEntries(CHROME_DIST));
}

const test = base.extend<object, { unpackedZip: string }>({
  unpackedZip: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'mp-release-chrome-'));
      for (const { name, data } of readZip(chromeZip())) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), data);
      }
      await use(dir);
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  // The suite's one browser, with the unpacked zip instead of dist/chrome.
  chromiumSession: [
    async ({ mock, unpackedZip }, use) => {
      const session = await launchChromium({ port: mock.port, extensionDir: unpackedZip });
      await use(session);
      await session.close();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
});

test('the unpacked Chrome zip loads and shows the overlay with figures on the Bybit page', async ({
  page,
  serviceWorker,
  unpackedZip,
}) => {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const manifest = JSON.parse(readFileSync(path.join(unpackedZip, 'manifest.json'), 'utf8')) as { version: string };
  expect(manifest.version).toBe(version);
  // The running extension is that package (its worker reports the manifest it was loaded from).
  const sw = await serviceWorker();
  expect(await sw.evaluate(() => (globalThis as any).chrome.runtime.getManifest().version)).toBe(version);

  await new BybitPage(page).goto();
  const reading = await waitForOverlay(page, (r) => r.state === 'ok', 'overlay with figures', 20_000);
  expect(reading.figures.length).toBeGreaterThan(0);
  expect(reading.figures.map((f) => f.key)).toContain('liquidationPrice');
});
