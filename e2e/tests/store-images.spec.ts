// Store listing images (issue 16 item 4), made from the built extension on the fixture pages:
// four 1280×800 screenshots (overlay light and dark, the popup with its PnL chart, the options
// page), the 440×280 promo tile (icon, name and description from _locales/en) and the 128 px icon.
// Every run makes them into test-results and checks their pixel sizes; UPDATE_STORE=1 also copies
// them to store/images/ (committed), whose files are checked on every run too.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { BybitPage } from '../harness/bybit-linear-page';
import { ROOT } from '../harness/chromium';
import { waitForOverlay } from '../harness/overlay';
import { decodePng, distinctColours, pngSize } from '../harness/png';
import { shrinkPng } from '../harness/png-encode';
import { expect, test } from '../harness/test';
import { tabIdOf } from '../harness/tabs';

const STORE_DIR = path.join(ROOT, 'store', 'images');
const ICON = path.join(ROOT, 'icons', 'icon-128.png');
const UPDATE = process.env.UPDATE_STORE === '1';

/** Every store image and its size in pixels, as the Chrome Web Store and addons.mozilla.org ask. */
const STORE_IMAGES: Record<string, { width: number; height: number }> = {
  'screenshot-overlay-light.png': { width: 1280, height: 800 },
  'screenshot-overlay-dark.png': { width: 1280, height: 800 },
  'screenshot-popup-chart.png': { width: 1280, height: 800 },
  'screenshot-options.png': { width: 1280, height: 800 },
  'promo-tile-440x280.png': { width: 440, height: 280 },
  'icon-128.png': { width: 128, height: 128 },
};
/** They go into git (as 256-colour palette PNGs): one that grows past this has gone wrong. */
const MAX_BYTES = 120_000;
const VIEWPORT = { width: 1280, height: 800 };

/** Checks one made image's size and content, keeps it in the test output and, with UPDATE_STORE=1, in store/images. */
function keep(name: string, png: Buffer): void {
  const small = shrinkPng(png);
  writeFileSync(test.info().outputPath(name), small);
  expect(pngSize(small), name).toEqual(STORE_IMAGES[name]);
  expect(distinctColours(decodePng(png)), `${name} shows rendered content`).toBeGreaterThan(20);
  expect(small.length, `${name} bytes`).toBeLessThan(MAX_BYTES);
  if (UPDATE) writeFileSync(path.join(STORE_DIR, name), small);
}

const popupUrl = (id: string, tabId: number) => `chrome-extension://${id}/src/ui/popup/index.html?tab=${tabId}`;

/** The Bybit fixture page's order (limit 0.1 BTC at 65,000, 10×) switched to isolated: a liquidation price on both sides. */
async function bybitWithOverlay(page: Page): Promise<void> {
  await page.setViewportSize(VIEWPORT);
  await (await new BybitPage(page).goto()).setMarginMode('isolated');
  await waitForOverlay(
    page,
    (r) =>
      r.state === 'ok' &&
      r.mark === 'live' &&
      r.figures.some((f) => f.key === 'liquidationPrice' && f.value !== '') &&
      r.figures.every((f) => f.key !== 'liquidationPrice' || f.value !== ''),
    'Bybit overlay with a liquidation price on both sides',
  );
}

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

test('store screenshots: the overlay on the Bybit page, light and dark, 1280×800', async ({ page, setSettings }) => {
  for (const theme of ['light', 'dark'] as const) {
    await setSettings({ theme, accountBalance: { 'bybit-linear': '10000' }, maxLossPercent: '2' });
    await bybitWithOverlay(page);
    keep(`screenshot-overlay-${theme}.png`, await page.screenshot());
  }
});

test('store screenshot: the popup with its PnL chart, over the page it was opened on', async ({
  context,
  page,
  extensionId,
  setSettings,
  serviceWorker,
}) => {
  await setSettings({ theme: 'light', accountBalance: { 'bybit-linear': '10000' }, maxLossPercent: '2' });
  await bybitWithOverlay(page);
  const background = await page.screenshot();
  const tabId = await tabIdOf(page, serviceWorker);
  const popup = await context.newPage();
  // The size Chrome gives the popup (its body is 400 px wide and scrolls past 590 px).
  await popup.setViewportSize({ width: 400, height: 590 });
  await popup.goto(popupUrl(extensionId, tabId));
  await expect(popup.locator('#venue')).toHaveValue('bybit-linear');
  const chart = popup.locator('section[aria-labelledby="chart-heading"]');
  await expect(chart.locator('svg')).toBeVisible();
  // The figures' summary at the top, the chart below it: scroll the body so the chart ends the view.
  await chart.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  const popupShot = await popup.screenshot();
  await popup.close();

  const frame = await context.newPage();
  await frame.setViewportSize(VIEWPORT);
  await frame.setContent(
    `<body style="margin:0;position:relative;width:1280px;height:800px;overflow:hidden">
      <img src="${dataUrl(background)}" style="position:absolute;inset:0;filter:brightness(0.92)">
      <img src="${dataUrl(popupShot)}" style="position:absolute;top:8px;right:16px;border:1px solid #9aa0a6;
        border-radius:8px;box-shadow:0 8px 28px rgba(0,0,0,.35)">
    </body>`,
  );
  await frame.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
  keep('screenshot-popup-chart.png', await frame.screenshot());
  await frame.close();
});

test('store screenshot: the options page, 1280×800', async ({ context, extensionId, setSettings }) => {
  await setSettings({ theme: 'light' });
  const options = await context.newPage();
  await options.setViewportSize(VIEWPORT);
  await options.goto(`chrome-extension://${extensionId}/src/ui/options/index.html`);
  await expect(options.locator('#save')).toBeVisible();
  keep('screenshot-options.png', await options.screenshot());
  await options.close();
});

test('store promo tile 440×280 (icon, name, description from _locales/en) and the 128 px icon', async ({ context }) => {
  const messages = JSON.parse(readFileSync(path.join(ROOT, '_locales', 'en', 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;
  const [name, line] = [messages.extName!.message, messages.extDescription!.message];
  const icon = readFileSync(ICON);
  const tile = await context.newPage();
  await tile.setViewportSize({ width: 440, height: 280 });
  await tile.setContent(
    `<body style="margin:0;width:440px;height:280px;box-sizing:border-box;padding:28px 30px;display:flex;
      flex-direction:column;justify-content:center;gap:14px;background:linear-gradient(135deg,#0f2a44,#17466e);
      color:#fff;font-family:system-ui,sans-serif">
      <div style="display:flex;align-items:center;gap:16px">
        <img src="${dataUrl(icon)}" width="72" height="72" alt="">
        <div style="font-size:30px;font-weight:700;letter-spacing:.2px">${escapeHtml(name)}</div>
      </div>
      <div style="font-size:16px;line-height:1.4;color:#dbe8f5">${escapeHtml(line)}</div>
    </body>`,
  );
  await tile.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0));
  await expect(tile.getByText(name)).toBeVisible();
  keep('promo-tile-440x280.png', await tile.screenshot());
  await tile.close();

  expect(pngSize(icon)).toEqual(STORE_IMAGES['icon-128.png']);
  if (UPDATE) copyFileSync(ICON, path.join(STORE_DIR, 'icon-128.png'));
});

test('store/images holds every store image at its size, the icon equal to the extension’s', () => {
  for (const [name, size] of Object.entries(STORE_IMAGES)) {
    const png = readFileSync(path.join(STORE_DIR, name));
    expect(pngSize(png), `store/images/${name}`).toEqual(size);
    expect(png.length, `store/images/${name} bytes`).toBeLessThan(MAX_BYTES);
  }
  expect(readFileSync(path.join(STORE_DIR, 'icon-128.png')).equals(readFileSync(ICON)), 'icon-128.png is icons/').toBe(
    true,
  );
});
