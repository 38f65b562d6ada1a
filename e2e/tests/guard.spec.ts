// The pre-submit guard: with a personal limit crossed, the first click on the submit button is
// held back (the page never sees it) and the overlay explains why; the second click goes through.
import { GUARD_CODES } from '../../src/ui/overlay/contract';
import { BinancePage } from '../harness/binance-usdm-page';
import { expectedFor, servedSnapshot } from '../harness/expected';
import { readOverlay, waitForOverlay } from '../harness/overlay';
import { KrakenPage } from '../harness/kraken-margin-page';
import { expect, test } from '../harness/test';

const guardCodes = (quote: ReturnType<typeof expectedFor>['quote']): string[] =>
  quote && !('error' in quote)
    ? quote.warnings
        .map((w) => w.code)
        .filter((c) => (GUARD_CODES as readonly string[]).includes(c))
        .sort()
    : [];

test('Kraken: leverage above the personal maximum holds the first Buy click', async ({ page, mock, setSettings }) => {
  const settings = await setSettings({ accountBalance: { 'kraken-margin': '20000' }, maxLeverage: '3' });
  const k = await new KrakenPage(page).goto();
  await k.setLeverage(5);
  await k.typePrice('65000');
  await k.typeSize('0.5');
  const expected = guardCodes(
    expectedFor(k.form(), 'long', servedSnapshot(k.form(), mock.book.get('kraken-margin', 'XBTUSD')), settings).quote,
  );
  expect(expected).toContain('LEVERAGE_ABOVE_PERSONAL_MAX');
  await waitForOverlay(page, (r) => r.state === 'ok' && r.mark === 'live', 'overlay with figures');

  await k.submitButton().click();
  const held = await waitForOverlay(page, (r) => r.guard !== null, 'data-guard after the first click', 5_000);
  expect(held.guard!.split(',').sort()).toEqual(expected);
  expect(await k.submittedOrders()).toEqual([]);

  await k.submitButton().click();
  await expect.poll(() => k.submittedOrders()).toEqual(['Buy BTC limit 0.5']);
});

test('Binance: liquidation closer than the minimum distance holds the first Sell/Short click', async ({
  page,
  mock,
  setSettings,
}) => {
  const settings = await setSettings({ accountBalance: { 'binance-usdm': '5000' }, minLiquidationDistance: '0.2' });
  const b = await new BinancePage(page).goto();
  await b.setMarginMode('isolated');
  await b.setLeverage(20);
  await b.typePrice('65000');
  await b.typeSize('0.1');
  const expected = guardCodes(
    expectedFor(b.form(), 'short', servedSnapshot(b.form(), mock.book.get('binance-usdm', 'BTCUSDT')), settings).quote,
  );
  expect(expected).toContain('LIQUIDATION_NEAR');
  await waitForOverlay(page, (r) => r.state === 'ok' && r.mark === 'live', 'overlay with figures');

  await b.sellButton().click();
  const held = await waitForOverlay(page, (r) => r.guard !== null, 'data-guard after the first click', 5_000);
  expect(held.guard!.split(',').sort()).toEqual(expected);
  expect(await b.submittedOrders()).toEqual([]);

  await b.sellButton().click();
  await expect.poll(() => b.submittedOrders()).toEqual(['Sell/Short limit 0.1']);
  expect((await readOverlay(page)).state).toBe('ok');
});

test('no guard when no limit is crossed: the first click goes through', async ({ page, setSettings }) => {
  await setSettings({ accountBalance: { 'kraken-margin': '20000' } });
  const k = await new KrakenPage(page).goto();
  await k.setLeverage(2);
  await k.typeSize('0.1');
  await waitForOverlay(page, (r) => r.state === 'ok' && r.mark === 'live' && r.guard === null, 'overlay without guard');
  await k.submitButton().click();
  await expect.poll(() => k.submittedOrders()).toEqual(['Buy BTC limit 0.1']);
});

test('the first Buy click right after load, before the form was touched or read, is held', async ({
  page,
  setSettings,
}) => {
  // The first full reading waits for idle time or a touch; the guard listens from the start.
  await setSettings({ accountBalance: { 'binance-usdm': '5000' }, maxLeverage: '3' });
  const b = await new BinancePage(page).goto(); // the fixture's order: 20x
  await page.waitForTimeout(100); // the content script is in by now (document_idle, then its settings)
  // A click without pointerdown or focus before it (a script, a keyboard user): nothing touched the form.
  await b.buyButton().evaluate((button: HTMLElement) => button.click());
  const held = await waitForOverlay(page, (r) => r.guard !== null, 'data-guard after the first click', 5_000);
  expect(held.guard!.split(',')).toContain('LEVERAGE_ABOVE_PERSONAL_MAX');
  expect(await b.submittedOrders()).toEqual([]);
  await b.buyButton().click();
  await expect.poll(() => b.submittedOrders()).toEqual(['Buy/Long limit 0.1']);
});
