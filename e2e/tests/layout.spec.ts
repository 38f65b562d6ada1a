// Issue 12, "compact and readable": on every venue's fixture page, at the three widths traders
// use most, the overlay docks where it covers neither the order form nor the order book, fully
// inside the viewport; its collapsed state survives a reload, per venue; the collapsed bar reads
// "Liq 30,200.0 · −53.5 %".
//
// The boxes, per fixture page (e2e/fixtures/pages/<venue>.html, at its about.json fixtureUrl):
//   - the order form: [data-fixture="order-form"], or [data-fixture="trade"] on Binance margin
//     (its two forms, buy and sell, side by side);
//   - the order book: [data-fixture="order-book"], a <section aria-label="Order book"> between
//     the chart and the form (left of the chart on Binance margin, as Binance draws it).
// Those data-fixture hooks are for tests; the extension finds the book by its name (the aria-label),
// or keeps the usual book place beside the form free (src/ui/overlay/position.ts).
import type { Page } from 'playwright-core';
import { barText, clickOverlayAction, hostBox, isCollapsed, type Rect } from '../harness/overlay-layout';
import { HyperliquidPage } from '../harness/hyperliquid-page';
import { waitForOverlay } from '../harness/overlay';
import { expect, test } from '../harness/test';

const VENUES = [
  { venue: 'binance-usdm', url: 'https://www.binance.com/en/futures/BTCUSDT', form: '[data-fixture="order-form"]' },
  {
    venue: 'binance-margin',
    url: 'https://www.binance.com/en/trade/BTC_USDT?type=cross',
    form: '[data-fixture="trade"]',
  },
  { venue: 'bybit-linear', url: 'https://www.bybit.com/trade/usdt/BTCUSDT', form: '[data-fixture="order-form"]' },
  { venue: 'okx-swap', url: 'https://www.okx.com/trade-swap/btc-usdt-swap', form: '[data-fixture="order-form"]' },
  { venue: 'hyperliquid', url: 'https://app.hyperliquid.xyz/trade/BTC', form: '[data-fixture="order-form"]' },
  { venue: 'kraken-margin', url: 'https://pro.kraken.com/app/trade/btc-usd', form: '[data-fixture="order-form"]' },
] as const;
const BOOK = '[data-fixture="order-book"]';

/**
 * The fixture's example order, made one whose liquidation price exists: Hyperliquid's is cross
 * margin on a 10,000 USDC account, where no price reaches liquidation ("Liq none"); isolated has one.
 */
async function prepare(page: Page, venue: string): Promise<void> {
  if (venue === 'hyperliquid') await new HyperliquidPage(page).setMarginMode('isolated');
}

const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1280, height: 800 },
] as const;

const BALANCES = Object.fromEntries(VENUES.map((v) => [v.venue, '10000']));

async function boxOf(page: Page, selector: string): Promise<Rect> {
  const box = await page.locator(selector).first().boundingBox();
  if (box === null) throw new Error(`no box for ${selector}`);
  return box;
}

const overlaps = (a: Rect, b: Rect): boolean =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0 &&
  Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0;

/** What is wrong with where the overlay is now; [] when it covers neither box and is inside the viewport. */
async function placementProblems(page: Page, form: string, viewport: { width: number; height: number }) {
  const host = await hostBox(page);
  if (host === null) return ['no overlay'];
  const problems: string[] = [];
  const formBox = await boxOf(page, form);
  const bookBox = await boxOf(page, BOOK);
  const at = JSON.stringify(host);
  if (overlaps(host, formBox)) problems.push(`covers the form ${JSON.stringify(formBox)} at ${at}`);
  if (overlaps(host, bookBox)) problems.push(`covers the book ${JSON.stringify(bookBox)} at ${at}`);
  if (host.x < 0 || host.y < 0 || host.x + host.width > viewport.width || host.y + host.height > viewport.height)
    problems.push(`not inside the ${viewport.width}×${viewport.height} viewport at ${at}`);
  if (host.width === 0 || host.height === 0) problems.push('not laid out');
  return problems;
}

for (const { venue, url, form } of VENUES) {
  for (const viewport of VIEWPORTS) {
    test(`${venue} at ${viewport.width}×${viewport.height}: the overlay covers neither the form nor the book, inside the viewport`, async ({
      page,
      setSettings,
    }) => {
      await setSettings({ accountBalance: BALANCES });
      await page.setViewportSize(viewport);
      await page.goto(url);
      await waitForOverlay(page, (r) => r.state === 'ok', `${venue} overlay with figures`, 15_000);
      await expect.poll(() => placementProblems(page, form, viewport), { timeout: 5_000 }).toEqual([]);
      // For the eye (README screenshots, truncated titles or wrapped labels): kept with the test's output.
      await page.screenshot({ path: test.info().outputPath(`${venue}-${viewport.width}.png`) });
    });
  }

  test(`${venue}: collapsed survives a reload; the bar reads "Liq <price> · <move> %"`, async ({
    page,
    setSettings,
    serviceWorker,
  }) => {
    await setSettings({ accountBalance: BALANCES });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(url);
    await waitForOverlay(page, (r) => r.state === 'ok', `${venue} overlay with figures`, 15_000);
    await prepare(page, venue);
    const key = `overlayCollapsed.${venue}`;
    try {
      expect(await isCollapsed(page)).toBe(false);
      await clickOverlayAction(page, 'collapse');
      await expect.poll(() => isCollapsed(page)).toBe(true);
      await expect.poll(() => barText(page)).toMatch(/^Liq [\d,]+(\.\d+)? · [−+]\d+(\.\d+)? %$/);
      // Collapsed, it still covers neither box.
      await expect.poll(() => placementProblems(page, form, { width: 1280, height: 800 })).toEqual([]);

      await page.reload();
      await waitForOverlay(page, (r) => r.state === 'ok', `${venue} overlay after the reload`, 15_000);
      await expect.poll(() => isCollapsed(page)).toBe(true);
      await prepare(page, venue);
      await expect.poll(() => barText(page)).toMatch(/^Liq [\d,]+(\.\d+)? · [−+]\d+(\.\d+)? %$/);

      // Expanded again, and that is remembered too.
      await clickOverlayAction(page, 'collapse');
      await expect.poll(() => isCollapsed(page)).toBe(false);
      await page.reload();
      await waitForOverlay(page, (r) => r.state === 'ok', `${venue} overlay after the second reload`, 15_000);
      expect(await isCollapsed(page)).toBe(false);
    } finally {
      const sw = await serviceWorker();
      await sw.evaluate((k) => (globalThis as any).chrome.storage.local.remove(k), key);
    }
  });
}
