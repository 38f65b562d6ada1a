// Issue 13 deliverable 4, languages, on Binance spot margin's generation-2 page translated into Chinese
// (e2e/fixtures/pages/binance-margin.gen2-zh-CN.html, served at /zh-CN/trade/BTC_USDT?type=cross by
// ?fixture=gen2-zh-CN): read with the zh-CN label table, the overlay's figures equal the engine's (expected from
// what the page object entered, as in binance-margin-gen2.spec.ts) on the Buy tab as loaded, after typing a limit
// order, and on the Sell tab (卖出), and the overlay's order line names the table.
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { BinanceMarginGen2Page } from '../harness/binance-margin-gen2-page';
import { expectedView, snapshotFromMock } from '../harness/expected';
import { sameNumber, shownMark, waitForEngineFigures } from '../harness/figures';
import { expect, test } from '../harness/test';

const VENUE = 'binance-margin';
const P1 = '64210.5';
const URL_ZH = 'https://www.binance.com/zh-CN/trade/BTC_USDT?type=cross&fixture=gen2-zh-CN';

test('zh-CN page at /zh-CN/: overlay = engine (Buy tab, a typed limit order, Sell tab), the order line names zh-CN', async ({
  page,
  mock,
}) => {
  mock.setPrice(VENUE, 'BTCUSDT', P1);
  const b = new BinanceMarginGen2Page(page);
  await page.goto(URL_ZH);
  await page.getByRole('button', { name: '买入 BTC' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/zh-CN/trade/BTC_USDT');
  const view = () =>
    expectedView({ ...b.form(), language: 'zh-CN' }, snapshotFromMock(mock, VENUE, 'BTCUSDT'), DEFAULT_SETTINGS);

  const loaded = await waitForEngineFigures(page, 'zh-CN as loaded (买入 tab)', view, { mark: 'live' });
  expect(loaded.sides).toEqual(['long']);
  expect(sameNumber(shownMark(loaded), P1)).toBe(true);
  expect(loaded.text).toMatch(/Labels: [^·]+, zh-CN/);

  await b.typeLimit('63,500.5', '0.45');
  await waitForEngineFigures(page, 'zh-CN typed long limit', view, { mark: 'live' });

  await page.getByRole('tab', { name: '卖出', exact: true }).click();
  b.side = 'short';
  await expect(page.getByRole('button', { name: '卖出 BTC' })).toBeVisible();
  const short = await waitForEngineFigures(page, 'zh-CN 卖出 tab', view, { mark: 'live' });
  expect(short.sides).toEqual(['short']);
  expect(short.text).toMatch(/Labels: [^·]+, zh-CN/);
});
