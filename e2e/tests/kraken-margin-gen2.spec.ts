// Kraken Pro, second page generation (issue 13): the December 2024 layout (kraken-margin.gen2.html)
// served at the spot URL /app/trade/btc-usd and the margin URL /app/trade/margin-btc-usd. The
// overlay shows exactly the engine's figures for the order typed there; with margin switched off
// the order is spot and no figures are shown. The first generation keeps its own specs.
import { expectedView, servedSnapshot } from '../harness/expected';
import { sameNumber, shownMark, waitForEngineFigures } from '../harness/figures';
import { KrakenGen2Page, type KrakenGen2Url } from '../harness/kraken-margin-gen2-page';
import { waitForOverlay } from '../harness/overlay';
import { expect, test } from '../harness/test';

const BALANCE = { accountBalance: { 'kraken-margin': '20000' } };
const MARK = '94210.5';

test.beforeEach(({ mock }) => {
  mock.usePage('pro.kraken.com', 'kraken-margin.gen2.html');
  mock.setPrice('kraken-margin', 'XBTUSD', MARK);
});

for (const at of ['spot', 'margin'] as const satisfies readonly KrakenGen2Url[]) {
  test(`${at} URL: the example order as loaded, then a typed one, equal the engine's`, async ({
    page,
    mock,
    setSettings,
  }) => {
    const settings = await setSettings(BALANCE);
    const k = await new KrakenGen2Page(page).goto(at);
    const view = () =>
      expectedView(k.form(), servedSnapshot(k.form(), mock.book.get('kraken-margin', 'XBTUSD')), settings);
    const loaded = await waitForEngineFigures(page, `gen 2 at the ${at} URL, as loaded`, view, { mark: 'live' });
    expect(loaded.sides).toEqual(['long']);
    expect(sameNumber(shownMark(loaded), MARK)).toBe(true);

    await k.setSide('short');
    await k.typePrice('95000.5');
    await k.typeQuantity('0.25');
    const typed = await waitForEngineFigures(page, `gen 2 at the ${at} URL, short`, view, { mark: 'live' });
    expect(typed.sides).toEqual(['short']);
  });
}

test('margin URL, market order from the dropdown: priced at the mark', async ({ page, mock, setSettings }) => {
  const settings = await setSettings(BALANCE);
  const k = await new KrakenGen2Page(page).goto('margin');
  await k.setType('market');
  await k.typeQuantity('0.1');
  await waitForEngineFigures(
    page,
    'gen 2 market',
    () => expectedView(k.form(), servedSnapshot(k.form(), mock.book.get('kraken-margin', 'XBTUSD')), settings),
    { mark: 'live' },
  );
});

test('spot URL, margin switched off: a spot order, no figures; on again: the figures return', async ({
  page,
  mock,
  setSettings,
}) => {
  const settings = await setSettings(BALANCE);
  const k = await new KrakenGen2Page(page).goto('spot');
  const view = () =>
    expectedView(k.form(), servedSnapshot(k.form(), mock.book.get('kraken-margin', 'XBTUSD')), settings);
  await waitForEngineFigures(page, 'gen 2 margin on', view, { mark: 'live' });
  await k.setMargin(false);
  await expect(k.submitButton()).toHaveText('Buy BTC/USD');
  const spot = await waitForOverlay(page, (r) => r.state === 'spot', 'spot state with margin off');
  expect(spot.figures.filter((f) => f.key === 'liquidationPrice' && f.value !== '')).toEqual([]);
  await k.setMargin(true);
  await waitForEngineFigures(page, 'gen 2 margin on again', view, { mark: 'live' });
});
