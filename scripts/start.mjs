#!/usr/bin/env node
// `npm start`: build the Chrome extension, start the offline mock exchange with a simulated
// market (prices take a random step every 500 ms, over WebSocket and REST), and open Debian's
// Chromium with the extension on the Kraken Pro demo page at its real address,
// https://pro.kraken.com/app/trade/btc-usd (every exchange host is mapped to the local mock;
// nothing leaves the machine).
//
//   npm start                 with a display: type an order and watch the overlay; close the
//                             window or press Ctrl+C to stop
//   npm start -- --headless   (or no DISPLAY): wait for the overlay's figures, save ./demo.png,
//                             print the figures, exit 0 (exit 1 if the overlay never showed figures)
//
// The demo profile gets an account balance for Kraken (as a trader would enter it in the
// toolbar popup) so the cross-margin liquidation price can be shown.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCREENSHOT = path.join(ROOT, 'demo.png');
const DEMO_URL = 'https://pro.kraken.com/app/trade/btc-usd';
// Every venue's fixture page URL, from its about.json (the same "fixtureUrl" the tests serve it at).
const VENUES_DIR = path.join(ROOT, 'src', 'venues');
const FIXTURE_URLS = readdirSync(VENUES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => {
    try {
      return [JSON.parse(readFileSync(path.join(VENUES_DIR, entry.name, 'about.json'), 'utf8')).fixtureUrl];
    } catch {
      return [];
    }
  })
  .filter((url) => typeof url === 'string' && url !== DEMO_URL);
const DEMO_BALANCE = { 'kraken-margin': '20000', 'binance-usdm': '5000' };
const headless = process.argv.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

// The mock and the browser harness are the e2e suite's own TypeScript modules.
const load = (file) => tsImport(path.join(ROOT, file), import.meta.url);
const { MockExchange } = await load('e2e/mock/server.ts');
const { startPriceWalk } = await load('e2e/mock/price-walk.ts');
const { CHROMIUM, launchChromium } = await load('e2e/harness/chromium.ts');
const { readOverlay, waitForOverlay } = await load('e2e/harness/overlay.ts');
const { DEFAULT_SETTINGS, SETTINGS_KEY } = await load('src/settings/settings.ts');

const { existsSync } = await import('node:fs');
if (!existsSync(CHROMIUM)) {
  console.error(`start: ${CHROMIUM} not found. Install it with:  apt-get install -y chromium`);
  process.exit(1);
}

console.log('start: building dist/chrome ...');
const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), 'chrome'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const mock = await MockExchange.start();
const stopWalk = startPriceWalk(mock, 500);
console.log(
  `start: mock exchange on 127.0.0.1:${mock.port} (pro.kraken.com, api.kraken.com, ws.kraken.com, www.binance.com, fapi/fstream.binance.com)`,
);

let session;
let closing;
function shutdown() {
  closing ??= (async () => {
    stopWalk();
    await session?.close();
    await mock.stop();
  })();
  return closing;
}

try {
  session = await launchChromium({ port: mock.port, headless, viewport: { width: 1280, height: 720 } });
  console.log(`start: extension loaded, id ${session.extensionId}`);
  await session.serviceWorker.evaluate(
    ([key, value]) => globalThis.chrome.storage.sync.set({ [key]: value }),
    [SETTINGS_KEY, { ...DEFAULT_SETTINGS, accountBalance: DEMO_BALANCE }],
  );
  console.log(`start: demo account balance set: ${JSON.stringify(DEMO_BALANCE)}`);

  const page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.goto(DEMO_URL);
  console.log(`start: ${DEMO_URL}`);
  console.log(`start: the other fixture pages, served offline at their real URLs: ${FIXTURE_URLS.join(', ')}`);

  if (headless) {
    let reading;
    try {
      reading = await waitForOverlay(
        page,
        (r) =>
          r.state === 'ok' &&
          r.mark === 'live' &&
          r.figures.some((f) => f.key === 'liquidationPrice' && f.value !== ''),
        'the overlay with live figures',
        20_000,
      );
    } catch (error) {
      console.error(`start: ${error instanceof Error ? error.message : error}`);
      await page.screenshot({ path: SCREENSHOT });
      await shutdown();
      process.exit(1);
    }
    // Let the layout settle (the overlay anchors next to the form) before the picture.
    await page.waitForTimeout(300);
    reading = await readOverlay(page);
    await page.screenshot({ path: SCREENSHOT });
    console.log(`start: overlay ${reading.state}, mark ${reading.mark}, risk ${reading.risk}`);
    for (const f of reading.figures)
      console.log(`  ${(f.side ?? '').padEnd(5)} ${f.key.padEnd(22)} ${f.value.padEnd(44)} ${f.text}`);
    for (const w of reading.warnings) console.log(`  warning ${w.side ?? ''} ${w.code}`);
    console.log(`start: screenshot saved to ${path.relative(process.cwd(), SCREENSHOT) || SCREENSHOT}`);
    await shutdown();
  } else {
    console.log('start: type an order into the form and watch the overlay. Close the window or press Ctrl+C to exit.');
    process.once('SIGINT', () => void shutdown().then(() => process.exit(0)));
    await session.context.waitForEvent('close', { timeout: 0 });
    await shutdown();
  }
} catch (error) {
  console.error('start: failed:', error instanceof Error ? error.message : error);
  await shutdown();
  process.exit(1);
}
