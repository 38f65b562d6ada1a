// A symbol switch inside the single-page app (history.pushState + re-mounted form, no page
// load): the overlay follows the new symbol and the background moves its watch to it.
import { BinancePage } from '../harness/binance-usdm-page';
import { expectedView, servedSnapshot, snapshotFromMock } from '../harness/expected';
import { sameNumber, shownMark, waitForEngineFigures } from '../harness/figures';
import { KrakenPage } from '../harness/kraken-margin-page';
import { expect, test } from '../harness/test';

test('Kraken: BTC/USD → ETH/USD by pushState', async ({ page, mock, setSettings }) => {
  const settings = await setSettings({ accountBalance: { 'kraken-margin': '20000' } });
  mock.setPrice('kraken-margin', 'ETHUSD', '3210.55');
  const k = await new KrakenPage(page).goto('btc-usd');
  await waitForEngineFigures(
    page,
    'BTC/USD',
    () => expectedView(k.form(), servedSnapshot(k.form(), mock.book.get('kraken-margin', 'XBTUSD')), settings),
    { mark: 'live' },
  );
  await mock.waitFor('a BTC/USD stream', () =>
    mock.openStreams().some((s) => s.venue === 'kraken-margin' && s.symbols.includes('XBTUSD')),
  );
  const before = mock.log.length;

  await k.switchPair('eth-usd');
  await k.typePrice('3190.25');
  await k.typeSize('1.5');
  const reading = await waitForEngineFigures(
    page,
    'ETH/USD',
    () => expectedView(k.form(), servedSnapshot(k.form(), mock.book.get('kraken-margin', 'ETHUSD')), settings),
    { mark: 'live' },
  );
  expect(sameNumber(shownMark(reading), '3210.55')).toBe(true);
  expect(reading.text).toContain('ETH/USD');

  // The watch moved: ETH requested and streamed, BTC no longer streamed.
  const after = mock.log.slice(before);
  expect(after.some((e) => e.host === 'api.kraken.com' && /pair=ETHUSD\b/.test(e.path))).toBe(true);
  await mock.waitFor('an ETH/USD stream and no BTC/USD stream', () => {
    const streams = mock.openStreams().filter((s) => s.venue === 'kraken-margin');
    return streams.some((s) => s.symbols.includes('ETHUSD')) && !streams.some((s) => s.symbols.includes('XBTUSD'));
  });
  expect(
    after.some((e) => e.host === 'api.kraken.com' && /pair=XBTUSD\b/.test(e.path) && e.time > Date.now() - 1000),
  ).toBe(false);
});

test('Binance: BTCUSDT → ETHUSDT by pushState', async ({ page, mock, setSettings }) => {
  const settings = await setSettings({ accountBalance: { 'binance-usdm': '5000' } });
  mock.setPrice('binance-usdm', 'ETHUSDT', '3205.75', { fundingRate: '-0.00005' });
  const start = mock.log.length;
  const b = await new BinancePage(page).goto('BTCUSDT');
  await waitForEngineFigures(
    page,
    'BTCUSDT',
    () => expectedView(b.form(), servedSnapshot(b.form(), mock.book.get('binance-usdm', 'BTCUSDT')), settings),
    { mark: 'live' },
  );
  const before = mock.log.length;

  await page.getByRole('button', { name: /BTCUSDT/ }).click();
  await page.getByRole('option', { name: 'ETHUSDT' }).click();
  await page.waitForURL('https://www.binance.com/en/futures/ETHUSDT');
  b.symbol = 'ETHUSDT';
  await b.typePrice('3150');
  await b.typeSize('2');
  // ETHUSDT has no bundled tier table; its brackets come from the bracket table of all symbols
  // the BTCUSDT feed already fetched (shared, not fetched again), so the overlay quotes it.
  // The snapshot the feed builds from everything the mock serves, the ETHUSDT brackets included.
  const reading = await waitForEngineFigures(
    page,
    'ETHUSDT',
    () => expectedView(b.form(), snapshotFromMock(mock, 'binance-usdm', 'ETHUSDT'), settings),
    { mark: 'live' },
  );
  expect(reading.state).toBe('ok');
  expect(sameNumber(shownMark(reading), '3205.75')).toBe(true);
  expect(reading.text).toContain('ETHUSDT');

  const after = mock.log.slice(before);
  expect(after.some((e) => e.host === 'fapi.binance.com' && e.path.includes('symbol=ETHUSDT'))).toBe(true);
  // The table is held in the worker's memory: fetched for BTCUSDT in this worker's life, it is not fetched again for
  // ETHUSDT. (A worker restarted by an earlier test starts BTCUSDT from its cached table: then one fetch for ETHUSDT;
  // a worker still alive from an earlier test holds the table already: no fetch at all.)
  const fetchedForBtc = mock.log.slice(start, before).some((e) => e.endpoint === 'binance-usdm.brackets');
  const fetchedAfter = after.filter((e) => e.endpoint === 'binance-usdm.brackets').length;
  expect(fetchedAfter).toBeLessThanOrEqual(fetchedForBtc ? 0 : 1);
  await mock.waitFor('an ETHUSDT stream and no BTCUSDT stream', () => {
    const streams = mock.openStreams().filter((s) => s.venue === 'binance-usdm');
    return streams.some((s) => s.symbols.includes('ETHUSDT')) && !streams.some((s) => s.symbols.includes('BTCUSDT'));
  });
});

test('Binance: two tabs on two symbols share one socket; closing one unsubscribes its symbol', async ({
  page,
  mock,
  setSettings,
}) => {
  const settings = await setSettings({ accountBalance: { 'binance-usdm': '5000' } });
  const a = await new BinancePage(page).goto('BTCUSDT');
  const second = await page.context().newPage();
  const b = await new BinancePage(second).goto('ETHUSDT');
  await b.typePrice('3150'); // the fixture's limit price is a BTC one
  for (const [tab, p, symbol] of [
    [a, page, 'BTCUSDT'],
    [b, second, 'ETHUSDT'],
  ] as const) {
    await tab.typeSize('0.5');
    await waitForEngineFigures(
      p,
      symbol,
      () => expectedView(tab.form(), snapshotFromMock(mock, 'binance-usdm', symbol), settings),
      { mark: 'live' },
    );
  }
  await mock.waitFor('one Binance socket carrying both symbols', () => {
    const streams = mock.openStreams().filter((s) => s.venue === 'binance-usdm');
    return streams.length === 1 && ['BTCUSDT', 'ETHUSDT'].every((s) => streams[0]!.symbols.includes(s));
  });
  await second.close();
  await mock.waitFor('the same socket, ETHUSDT unsubscribed', () => {
    const streams = mock.openStreams().filter((s) => s.venue === 'binance-usdm');
    return streams.length === 1 && streams[0]!.symbols.join() === 'BTCUSDT';
  });
});
