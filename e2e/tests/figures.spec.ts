// The overlay shows exactly the engine's figures for orders typed into the fixture pages:
// expected = quoteJson(planQuote(form, side, snapshot, settings, now).input, bundledFacts()),
// with the form as typed here and the snapshot as the mock serves it (fixed mark).
import { BinancePage } from '../harness/binance-usdm-page';
import { expectedView, servedSnapshot } from '../harness/expected';
import { sameNumber, shownMark, waitForEngineFigures } from '../harness/figures';
import { KrakenPage } from '../harness/kraken-margin-page';
import { expect, test } from '../harness/test';

const KRAKEN_BALANCE = { accountBalance: { 'kraken-margin': '20000' } };
const BINANCE_BALANCE = { accountBalance: { 'binance-usdm': '5000' } };

test.describe('Kraken Pro: overlay = engine', () => {
  test('long limit order', async ({ page, mock, setSettings }) => {
    const settings = await setSettings(KRAKEN_BALANCE);
    mock.setPrice('kraken-margin', 'XBTUSD', '64210.5');
    const k = await new KrakenPage(page).goto();
    await k.setLeverage(3);
    await k.typePrice('63000.5');
    await k.typeSize('0.25');
    const reading = await waitForEngineFigures(
      page,
      'Kraken long limit',
      () => expectedView(k.form(), servedSnapshot(k.form(), mock.book.get('kraken-margin', 'XBTUSD')), settings),
      { mark: 'live' },
    );
    expect(reading.sides).toEqual(['long']);
    expect(sameNumber(shownMark(reading), '64210.5')).toBe(true);
  });

  test('short limit order', async ({ page, mock, setSettings }) => {
    const settings = await setSettings(KRAKEN_BALANCE);
    mock.setPrice('kraken-margin', 'XBTUSD', '64210.5');
    const k = await new KrakenPage(page).goto();
    await k.setSide('short');
    await k.setLeverage(4);
    await k.typePrice('66000');
    await k.typeSize('0.3');
    const reading = await waitForEngineFigures(
      page,
      'Kraken short limit',
      () => expectedView(k.form(), servedSnapshot(k.form(), mock.book.get('kraken-margin', 'XBTUSD')), settings),
      { mark: 'live' },
    );
    expect(reading.sides).toEqual(['short']);
  });

  test('market order is priced at the mark', async ({ page, mock, setSettings }) => {
    const settings = await setSettings(KRAKEN_BALANCE);
    mock.setPrice('kraken-margin', 'XBTUSD', '64210.5');
    const k = await new KrakenPage(page).goto();
    await k.setType('market');
    await k.typeSize('0.2');
    await waitForEngineFigures(
      page,
      'Kraken market',
      () => expectedView(k.form(), servedSnapshot(k.form(), mock.book.get('kraken-margin', 'XBTUSD')), settings),
      { mark: 'live' },
    );
    // A new mark moves a market order's figures.
    mock.setPrice('kraken-margin', 'XBTUSD', '63990.1');
    await waitForEngineFigures(
      page,
      'Kraken market after a tick',
      () => expectedView(k.form(), servedSnapshot(k.form(), mock.book.get('kraken-margin', 'XBTUSD')), settings),
      { mark: 'live' },
    );
  });

  test('order sized as a total in USD', async ({ page, mock, setSettings }) => {
    const settings = await setSettings(KRAKEN_BALANCE);
    mock.setPrice('kraken-margin', 'XBTUSD', '64210.5');
    const k = await new KrakenPage(page).goto();
    await k.setLeverage(2);
    await k.typePrice('64500');
    await k.setUnit('quote');
    await k.typeSize('10000');
    await waitForEngineFigures(
      page,
      'Kraken quote-sized',
      () => expectedView(k.form(), servedSnapshot(k.form(), mock.book.get('kraken-margin', 'XBTUSD')), settings),
      { mark: 'live' },
    );
  });
});

test.describe('Binance USDⓈ-M: overlay = engine, both sides', () => {
  test('cross, limit', async ({ page, mock, setSettings }) => {
    const settings = await setSettings(BINANCE_BALANCE);
    mock.setPrice('binance-usdm', 'BTCUSDT', '65020.3', { fundingRate: '0.00025' });
    const b = await new BinancePage(page).goto();
    await b.setLeverage(25);
    await b.typePrice('64000');
    await b.typeSize('0.15');
    const reading = await waitForEngineFigures(
      page,
      'Binance cross limit',
      () => expectedView(b.form(), servedSnapshot(b.form(), mock.book.get('binance-usdm', 'BTCUSDT')), settings),
      { mark: 'live' },
    );
    expect(reading.sides.sort()).toEqual(['long', 'short']);
    expect(sameNumber(shownMark(reading), '65020.3')).toBe(true);
  });

  test('isolated, limit', async ({ page, mock, setSettings }) => {
    const settings = await setSettings(BINANCE_BALANCE);
    mock.setPrice('binance-usdm', 'BTCUSDT', '65020.3');
    const b = await new BinancePage(page).goto();
    await b.setMarginMode('isolated');
    await b.setLeverage(50);
    await b.typePrice('65500.5');
    await b.typeSize('0.4');
    await waitForEngineFigures(
      page,
      'Binance isolated limit',
      () => expectedView(b.form(), servedSnapshot(b.form(), mock.book.get('binance-usdm', 'BTCUSDT')), settings),
      { mark: 'live' },
    );
  });

  test('isolated, market, size in USDT', async ({ page, mock, setSettings }) => {
    const settings = await setSettings(BINANCE_BALANCE);
    mock.setPrice('binance-usdm', 'BTCUSDT', '65020.3');
    const b = await new BinancePage(page).goto();
    await b.setMarginMode('isolated');
    await b.setType('market');
    await b.setUnit('quote');
    await b.typeSize('2500');
    await waitForEngineFigures(
      page,
      'Binance isolated market USDT',
      () => expectedView(b.form(), servedSnapshot(b.form(), mock.book.get('binance-usdm', 'BTCUSDT')), settings),
      { mark: 'live' },
    );
  });

  test('cross, market, no balance entered', async ({ page, mock }) => {
    mock.setPrice('binance-usdm', 'BTCUSDT', '65020.3');
    const b = await new BinancePage(page).goto();
    await b.setType('market');
    await b.typeSize('0.05');
    await waitForEngineFigures(
      page,
      'Binance cross market',
      () => expectedView(b.form(), servedSnapshot(b.form(), mock.book.get('binance-usdm', 'BTCUSDT'))),
      { mark: 'live' },
    );
  });
});
