// Binance spot margin, second page generation (issue 13): one form behind a Buy / Sell tab switch
// (binance-margin.gen2.html, served at the real trade URLs with ?fixture=gen2). The overlay shows
// exactly the engine's figures (expected = quoteJson(planQuote(form, side, snapshot, settings,
// now).input, bundledFacts()), computed here from what the page object entered) for the Buy and
// the Sell tab, limit and market, Cross and Isolated; a Total that does not fit price × amount gives
// no figures ("not recognised: total") until the page writes a fitting one. Gen 1 keeps its spec.
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { BinanceMarginGen2Page } from '../harness/binance-margin-gen2-page';
import { expectedView, snapshotFromMock } from '../harness/expected';
import { sameNumber, shownMark, waitForEngineFigures } from '../harness/figures';
import { waitForOverlay } from '../harness/overlay';
import { expect, test, type Page } from '../harness/test';
import type { MockExchange } from '../mock/server';

const VENUE = 'binance-margin';
const P1 = '64210.5';

const viewOf = (b: BinanceMarginGen2Page, mock: MockExchange) => () =>
  expectedView(b.form(), snapshotFromMock(mock, VENUE, 'BTCUSDT'), DEFAULT_SETTINGS);

test.beforeEach(({ mock }) => {
  mock.setPrice(VENUE, 'BTCUSDT', P1);
});

test('Cross 3x, Borrow: the Buy tab as loaded, a typed limit order, then the Sell tab (a short) equal the engine', async ({
  page,
  mock,
}) => {
  const b = await new BinanceMarginGen2Page(page).goto();
  const loaded = await waitForEngineFigures(page, 'gen 2 as loaded (Buy tab)', viewOf(b, mock), { mark: 'live' });
  expect(loaded.sides).toEqual(['long']);
  expect(sameNumber(shownMark(loaded), P1)).toBe(true);

  await b.typeLimit('63,500.5', '0.45');
  await waitForEngineFigures(page, 'gen 2 typed long limit', viewOf(b, mock), { mark: 'live' });

  await b.setSide('short');
  await expect(b.submitButton()).toHaveText('Sell BTC');
  const short = await waitForEngineFigures(page, 'gen 2 Sell tab', viewOf(b, mock), { mark: 'live' });
  expect(short.sides).toEqual(['short']);
});

test('Cross 5x, Sell tab, Market: a short at the last price', async ({ page, mock }) => {
  const b = await new BinanceMarginGen2Page(page).goto();
  await b.setCrossLeverage(5);
  await b.setSide('short');
  await b.setType('market');
  await b.typeMarketAmount('0.3');
  const reading = await waitForEngineFigures(page, 'gen 2 cross short market', viewOf(b, mock), { mark: 'live' });
  expect(reading.sides).toEqual(['short']);
});

test('Isolated 10x: Buy at market, then a Sell limit order', async ({ page, mock }) => {
  const b = await new BinanceMarginGen2Page(page).goto('isolated');
  await b.setType('market');
  await b.typeMarketAmount('0.2');
  const long = await waitForEngineFigures(page, 'gen 2 isolated long market', viewOf(b, mock), { mark: 'live' });
  expect(long.sides).toEqual(['long']);

  await b.setType('limit');
  await b.setSide('short');
  await b.typeLimit('65,100', '0.25');
  const short = await waitForEngineFigures(page, 'gen 2 isolated short limit', viewOf(b, mock), { mark: 'live' });
  expect(short.sides).toEqual(['short']);
});

/** Runs `change` in the page once its DOM is parsed (before the content script's first read). */
async function onDomReady(page: Page, change: () => void): Promise<void> {
  await page.addInitScript(`document.addEventListener('DOMContentLoaded', ${change.toString()});`);
}

test('a Total that does not fit price × amount: no figures (not recognised: total); the page rewrites it, figures return', async ({
  page,
  mock,
}) => {
  // As if the price had been misread: 65,000.00 × 0.5 shown with a Total of 3,250.00.
  await onDomReady(page, () => {
    (document.getElementById('limitTotal') as HTMLInputElement).value = '3,250.00';
  });
  const b = await new BinanceMarginGen2Page(page).goto();
  const refused = await waitForOverlay(
    page,
    (r) => r.present && r.state === 'unrecognised' && (r.missing ?? '').split(',').includes('total'),
    'not recognised: total',
  );
  expect(refused.figures.filter((f) => f.side !== null)).toEqual([]);
  expect(refused.sides).toEqual([]);

  await b.typeLimit('65,000.00', '0.4'); // the page writes Total 26,000.00
  await expect(page.locator('#limitTotal')).toHaveValue('26,000.00');
  await waitForEngineFigures(page, 'gen 2 after the page rewrote the Total', viewOf(b, mock), { mark: 'live' });
});

test('Normal borrow: a spot order, no liquidation; Borrow quotes again', async ({ page, mock }) => {
  const b = await new BinanceMarginGen2Page(page).goto();
  await waitForEngineFigures(page, 'gen 2 with Borrow', viewOf(b, mock), { mark: 'live' });
  await b.setBorrow('none');
  const spot = await waitForOverlay(page, (r) => r.state === 'spot', 'spot state with Normal');
  expect(spot.figures.filter((f) => f.key === 'liquidationPrice' && f.value !== '')).toEqual([]);
  await b.setBorrow('auto');
  await waitForEngineFigures(page, 'gen 2 Borrow again', viewOf(b, mock), { mark: 'live' });
});
