// Issue 9, items 3 and 7: a form the background refuses never leaves figures up. A limit price
// read as 65 while the market is at 65,000 is a misread ("65.000" on a page whose digits group
// with dots), not a trade: the background answers it with a refusal, so the overlay shows no
// liquidation price for it and the toolbar badge goes back to the plain icon. A price that fits
// brings the figures back.
import type { Page, Worker } from 'playwright-core';
import { BinancePage } from '../harness/binance-usdm-page';
import { figuresOf, readOverlay, waitForOverlay, type OverlayReading } from '../harness/overlay';
import { expect, test } from '../harness/test';
import { tabIdOf } from '../harness/tabs';

const MARK = '65010.5';

/** What the toolbar shows for the tab: badge text and tooltip, as the browser holds them. */
async function badgeOf(tabId: number, serviceWorker: () => Promise<Worker>): Promise<{ text: string; title: string }> {
  const sw = await serviceWorker();
  return sw.evaluate(async (id) => {
    const action = (globalThis as any).chrome.action;
    return { text: await action.getBadgeText({ tabId: id }), title: await action.getTitle({ tabId: id }) };
  }, tabId);
}

const liquidationPrices = (r: OverlayReading): string[] =>
  r.figures.filter((f) => f.key === 'liquidationPrice').map((f) => f.value);

/** Isolated 10× at a price that fits the market: the overlay shows both sides' liquidation prices near 65,000. */
async function quotedBinance(page: Page): Promise<BinancePage> {
  const b = await new BinancePage(page).goto();
  await b.setMarginMode('isolated');
  await b.setLeverage(10);
  await b.typeSize('0.1');
  await b.typePrice('65000');
  const shown = await waitForOverlay(
    page,
    (r) => r.state === 'ok' && r.mark === 'live' && figuresOf(r, 'long').liquidationPrice !== undefined,
    'figures for 65000',
  );
  // 10× isolated: liquidation about 9.5 % below / above 65,000 (the exact figures are figures.spec's business).
  expect(Number(figuresOf(shown, 'long').liquidationPrice)).toBeGreaterThan(55_000);
  expect(Number(figuresOf(shown, 'short').liquidationPrice)).toBeLessThan(75_000);
  return b;
}

test('Binance: a limit price read as 65 with the market at 65,000 drops the figures instead of quoting 65; a fitting price brings them back', async ({
  page,
  mock,
}) => {
  mock.setPrice('binance-usdm', 'BTCUSDT', MARK);
  const b = await quotedBinance(page);

  await b.typePrice('65.000');
  // No liquidation price at all: neither one for a price of 65 (≈ 58.5 long) nor the previous one for 65,000.
  const refused = await waitForOverlay(
    page,
    (r) => r.present && r.state !== 'ok' && r.pending !== 'true' && liquidationPrices(r).length === 0,
    'no figures for a limit price of 65',
  );
  // No figure of either side at all (the mark and its age may stay: they are the market's, not the order's).
  expect(refused.figures.filter((f) => f.side !== null)).toEqual([]);
  // And it says why, in words the trader can act on.
  expect(refused.state).toBe('refused');
  expect(refused.reason).toBe('IMPLAUSIBLE:price');
  expect(refused.text).toMatch(/\(65\) is 1,000× below the market .*probably misread/);
  // And it stays that way while the market ticks (each tick is quoted again).
  mock.setPrice('binance-usdm', 'BTCUSDT', '65020.1');
  await page.waitForTimeout(1_500);
  expect((await readOverlay(page)).figures.filter((f) => f.side !== null)).toEqual([]);

  await b.typePrice('65000');
  await waitForOverlay(
    page,
    (r) => r.state === 'ok' && Number(figuresOf(r, 'long').liquidationPrice ?? 0) > 55_000,
    'figures back for 65000',
  );
});

test('Binance: the toolbar badge is cleared when the form is refused, and shows figures again after', async ({
  page,
  mock,
  serviceWorker,
}) => {
  mock.setPrice('binance-usdm', 'BTCUSDT', MARK);
  const b = await quotedBinance(page);
  const tabId = await tabIdOf(page, serviceWorker);
  // 10× isolated: the badge shows the liquidation distance ("9.5%" or so) and the figures in its tooltip.
  await expect
    .poll(async () => (await badgeOf(tabId, serviceWorker)).text, { message: 'badge with a distance' })
    .toMatch(/^\d+(\.\d)?%$/);
  expect((await badgeOf(tabId, serviceWorker)).title).toMatch(/liquidation/);

  await b.typePrice('65.000');
  await expect
    .poll(() => badgeOf(tabId, serviceWorker), { message: 'plain badge after the refusal' })
    .toEqual({ text: '', title: 'Margin Preflight' });
  // Market ticks re-quote the tab: the refused form still shows nothing.
  mock.setPrice('binance-usdm', 'BTCUSDT', '65020.1');
  await page.waitForTimeout(1_500);
  expect(await badgeOf(tabId, serviceWorker)).toEqual({ text: '', title: 'Margin Preflight' });

  await b.typePrice('65000');
  await expect
    .poll(async () => (await badgeOf(tabId, serviceWorker)).text, { message: 'badge with a distance again' })
    .toMatch(/^\d+(\.\d)?%$/);
});
