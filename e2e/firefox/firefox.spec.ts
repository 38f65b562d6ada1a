// Firefox ESR with the built extension (dist/firefox), driven by puppeteer-core over WebDriver
// BiDi (Playwright cannot drive stock Firefox). Hosts reach the mock through a CONNECT proxy.
// This checks what shows from outside: the host element is there with a real size, the page
// cannot see inside it, its pixels show rendered content (many colours, not a blank box), they
// change when the trader types, and the background's market-data requests reached the (mock)
// exchange APIs. The figures themselves are compared with Chromium's in figures.spec.ts.
import { writeFileSync } from 'node:fs';
import { HOST_ATTRIBUTE } from '../../src/ui/overlay/contract';
import { decodePng, distinctColours } from '../harness/png';
import { expect, test } from '../harness/test';

const HOST = `[${HOST_ATTRIBUTE}]`;

test('Firefox ESR: the overlay renders next to the Kraken form and follows typing', async ({
  mock,
  firefox,
}, testInfo) => {
  mock.setPrice('kraken-margin', 'XBTUSD', '64210.5');
  const page = await firefox.browser.newPage();
  try {
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
    await page.close();
  }
});
