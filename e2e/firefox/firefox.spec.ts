// Firefox ESR with the built extension (dist/firefox), driven by puppeteer-core over WebDriver
// BiDi (Playwright cannot drive stock Firefox). Hosts reach the mock through a CONNECT proxy.
// Firefox gives a page no way into a closed shadow root, and BiDi has no CDP-style DOM pierce,
// so this checks what can be checked honestly from outside: the host element is there with a
// real size, the page cannot see inside it, its pixels show rendered content (many colours, not
// a blank box), they change when the trader types, and the background's market-data requests
// reached the (mock) exchange APIs.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { HOST_ATTRIBUTE } from '../../src/ui/overlay/contract';
import { ROOT } from '../harness/chromium';
import { decodePng, distinctColours } from '../harness/png';
import { expect, test } from '../harness/test';
import { ConnectProxy } from '../mock/connect-proxy';

const FIREFOX = '/usr/bin/firefox-esr';
const FIREFOX_DIST = path.join(ROOT, 'dist', 'firefox');
const HOST = `[${HOST_ATTRIBUTE}]`;

test('Firefox ESR: the overlay renders next to the Kraken form and follows typing', async ({ mock }, testInfo) => {
  expect(existsSync(path.join(FIREFOX_DIST, 'manifest.json')), 'run `npm run build` first').toBe(true);
  const dir = mkdtempSync(path.join(tmpdir(), 'mp-firefox-'));
  cpSync(FIREFOX_DIST, path.join(dir, 'extension'), { recursive: true });
  mock.setPrice('kraken-margin', 'XBTUSD', '64210.5');
  const proxy = await ConnectProxy.start(mock.port);
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      acceptInsecureCerts: true, // covers the page and the background's fetch and WebSocket
      userDataDir: path.join(dir, 'profile'),
      extraPrefsFirefox: proxy.firefoxPrefs(),
    });
    await browser.installExtension(path.join(dir, 'extension'));
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto('https://pro.kraken.com/app/trade/btc-usd');
    await page.waitForSelector(HOST, { timeout: 15_000 });

    // The background (an event page on Firefox) fetched market data and opened the stream.
    await mock.waitFor(
      'Firefox background requests',
      () => {
        const paths = mock.log.map((e) => `${e.host}${e.path}`);
        return [
          'api.kraken.com/0/public/Ticker?pair=XBTUSD',
          'api.kraken.com/0/public/AssetPairs?pair=XBTUSD',
          'ws.kraken.com/v2',
        ].every((p) => paths.includes(p));
      },
      15_000,
    );

    const host = await page.$eval(HOST, (el) => {
      const r = el.getBoundingClientRect();
      return {
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
        pageSeesInside: (el as HTMLElement).shadowRoot !== null,
      };
    });
    expect(host.pageSeesInside, 'closed shadow root').toBe(false);
    expect(host.width).toBeGreaterThan(150);
    expect(host.height).toBeGreaterThan(100);

    const shot = async () => {
      const h = await page.$eval(HOST, (el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
      return Buffer.from(await page.screenshot({ clip: h }));
    };
    // Wait for the figures to render (text in many anti-aliased colours).
    let first = await shot();
    for (let i = 0; i < 30 && distinctColours(decodePng(first)) <= 40; i++) {
      await new Promise((r) => setTimeout(r, 250));
      first = await shot();
    }
    writeFileSync(testInfo.outputPath('firefox-overlay.png'), first);
    expect(distinctColours(decodePng(first)), 'overlay box shows rendered text').toBeGreaterThan(40);

    // The trader types a new quantity: the overlay repaints with other figures.
    const size = await page.$('input[id^="volume-"]');
    await size!.click({ count: 3 });
    await size!.type('1.75');
    let second = await shot();
    for (let i = 0; i < 20 && second.equals(first); i++) {
      await new Promise((r) => setTimeout(r, 250));
      second = await shot();
    }
    writeFileSync(testInfo.outputPath('firefox-overlay-after-typing.png'), second);
    expect(second.equals(first), 'overlay repainted after typing').toBe(false);
    expect(await page.$eval('input[id^="volume-"]', (el) => (el as HTMLInputElement).value)).toBe('1.75');
  } finally {
    await browser?.close().catch(() => {});
    await proxy.stop();
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
});
