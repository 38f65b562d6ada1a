// Failures of the market data path, each recovered without reloading the page, and never a
// wrong figure meanwhile: while degraded the overlay shows the engine's figures for the last
// good data, or marks them stale. The mock changes the price when the failure starts, so a
// figure for a price that never arrived, or a mix, would be caught.
import type { FaultKind } from '../mock/faults';
import { BinancePage } from '../harness/binance-usdm-page';
import { expectedView, servedSnapshot } from '../harness/expected';
import { waitForEngineFigures, wrongReadings } from '../harness/figures';
import { KrakenPage } from '../harness/kraken-margin-page';
import { watchServiceWorker } from '../harness/service-worker';
import { expect, test, type Page } from '../harness/test';
import type { MockExchange } from '../mock/server';
import type { Settings } from '../../src/settings/settings';

const P1 = '64210.5';
const P2 = '64987.3';

/** A Kraken limit order with the overlay live at P1; returns the expected view for any served price. */
async function krakenLive(page: Page, mock: MockExchange, setSettings: (s: Partial<Settings>) => Promise<Settings>) {
  const settings = await setSettings({ accountBalance: { 'kraken-margin': '20000' } });
  mock.setPrice('kraken-margin', 'XBTUSD', P1);
  const k = await new KrakenPage(page).goto();
  await k.typePrice('63500');
  await k.typeSize('0.4');
  const at =
    (price: string, staleMs = 0) =>
    () =>
      expectedView(k.form(), servedSnapshot(k.form(), { price, fundingRate: '0' }, Date.now(), staleMs), settings);
  await waitForEngineFigures(page, `live at ${P1}`, at(P1), { mark: 'live' });
  return { k, at };
}

const FAULTS: Array<{ kind: FaultKind; what: string }> = [
  { kind: '500', what: 'HTTP 500' },
  { kind: 'malformed', what: 'malformed JSON' },
  { kind: 'hang', what: 'no answer (timeout)' },
];

for (const { kind, what } of FAULTS) {
  test(`Kraken REST + WS ${what}: last good figures, then recovery at the new price`, async ({
    page,
    mock,
    setSettings,
  }) => {
    const { at } = await krakenLive(page, mock, setSettings);
    const start = Date.now();
    mock.fault('kraken-margin.*', kind, { retryAfterSeconds: 3 });
    mock.dropWebSockets('kraken-margin');
    mock.setPrice('kraken-margin', 'XBTUSD', P2);

    // A hung request must be given up by the client's own timeout (5 s) and tried again: watch
    // long enough to see the second hung request (the mark stays under its 15 s age meanwhile).
    expect(await wrongReadings(page, kind === 'hang' ? 12_000 : 5_000, { live: [at(P1), at(P2)] })).toEqual([]);
    const tries = mock.requests((e) => e.endpoint === 'kraken-margin.ticker' && e.time >= start);
    expect(tries.length, 'the background kept trying the ticker').toBeGreaterThan(kind === 'hang' ? 1 : 0);
    expect(tries.length, 'but it backs off instead of hammering').toBeLessThanOrEqual(6);
    if (kind === 'hang')
      expect(tries[1]!.time - tries[0]!.time, 'gave up after its timeout, then retried').toBeGreaterThanOrEqual(4_900);

    mock.resetFaults();
    await waitForEngineFigures(page, `recovered at ${P2}`, at(P2), { mark: 'live', timeoutMs: 25_000 });
  });
}

test('Kraken REST HTTP 429 with Retry-After: obeyed, then the REST price gets through while the stream is still down', async ({
  page,
  mock,
  setSettings,
}) => {
  const { at } = await krakenLive(page, mock, setSettings);
  const start = Date.now();
  // The stream stays refused throughout (a browser WebSocket cannot even read its status), so the
  // new price can only come over REST, and REST says: come back in 8 s (longer than its poll interval).
  mock.fault('kraken-margin.ws', '429');
  mock.dropWebSockets('kraken-margin');
  mock.fault('kraken-margin.ticker', '429', { count: 1, retryAfterSeconds: 8 });
  mock.setPrice('kraken-margin', 'XBTUSD', P2);

  const limited = await mock.waitFor(
    'a ticker request answered 429',
    () => mock.requests((e) => e.endpoint === 'kraken-margin.ticker' && e.time >= start && e.status === 429)[0],
    15_000,
  );
  const next = mock.waitFor(
    'the next ticker request',
    () => mock.requests((e) => e.endpoint === 'kraken-margin.ticker' && e.time > limited.time)[0],
    20_000,
  );
  expect(await wrongReadings(page, 6_000, { live: [at(P1), at(P2)] })).toEqual([]);
  expect((await next).time - limited.time, 'Retry-After: 8 obeyed').toBeGreaterThanOrEqual(7_900);
  await waitForEngineFigures(page, `REST price ${P2} through`, at(P2), { mark: 'live', timeoutMs: 10_000 });
});

test('hostile stream messages (another symbol, a negative or non-numeric price, garbage) change nothing', async ({
  page,
  mock,
  setSettings,
}) => {
  const { at } = await krakenLive(page, mock, setSettings);
  await mock.waitFor('a Kraken stream', () =>
    mock.openStreams().some((s) => s.venue === 'kraken-margin' && s.symbols.includes('XBTUSD')),
  );
  const row = (symbol: string, last: string) =>
    `{"channel":"ticker","type":"update","data":[{"symbol":"${symbol}","bid":${last},"bid_qty":1,"ask":${last},"ask_qty":1,"last":${last},"volume":1,"vwap":${last},"low":${last},"high":${last},"change":0,"change_pct":0}]}`;
  for (const text of [
    row('ETH/USD', '1.5'),
    row('BTC/USD', '-64000'),
    row('BTC/USD', '"64000"'),
    row('BTC/USD', '1e400'),
    '{"channel":"ticker"',
    'null',
    '[]',
  ]) {
    expect(mock.pushWs('kraken-margin', text)).toBeGreaterThan(0);
  }
  expect(await wrongReadings(page, 1_500, { live: [at(P1)] })).toEqual([]);
  // The stream still works afterwards.
  mock.setPrice('kraken-margin', 'XBTUSD', P2);
  await waitForEngineFigures(page, `stream price ${P2}`, at(P2), { mark: 'live', timeoutMs: 10_000 });
});

test('Binance stream dropped: reconnects, figures follow the new mark', async ({ page, mock, setSettings }) => {
  const settings = await setSettings({ accountBalance: { 'binance-usdm': '5000' } });
  mock.setPrice('binance-usdm', 'BTCUSDT', '65020.3');
  const b = await new BinancePage(page).goto();
  await b.typePrice('64000');
  await b.typeSize('0.1');
  const at = (price: string) => () =>
    expectedView(b.form(), servedSnapshot(b.form(), { price, fundingRate: '0.0001' }), settings);
  await waitForEngineFigures(page, 'live', at('65020.3'), { mark: 'live' });
  await mock.waitFor('a Binance stream', () => mock.openStreams().some((s) => s.venue === 'binance-usdm'));

  const drop = Date.now();
  expect(mock.dropWebSockets('binance-usdm')).toBeGreaterThan(0);
  mock.setPrice('binance-usdm', 'BTCUSDT', '65111.1');
  expect(await wrongReadings(page, 2_000, { live: [at('65020.3'), at('65111.1')] })).toEqual([]);
  await waitForEngineFigures(page, 'after the drop', at('65111.1'), { mark: 'live', timeoutMs: 20_000 });
  await mock.waitFor(
    'the stream reconnected',
    () =>
      mock.requests((e) => e.kind === 'wss' && e.host === 'fstream.binance.com' && e.time > drop && e.status === 101)
        .length > 0,
    20_000,
  );
});

test('service worker stopped mid-session: restarts, figures follow the new mark', async ({
  page,
  context,
  extensionId,
  mock,
  setSettings,
}) => {
  const { at } = await krakenLive(page, mock, setSettings);
  const worker = await watchServiceWorker(context, extensionId);
  try {
    await worker.stopAll();
    await worker.waitFor('stopped');
    mock.setPrice('kraken-margin', 'XBTUSD', P2);
    expect(await wrongReadings(page, 2_000, { live: [at(P1), at(P2)] })).toEqual([]);
    await waitForEngineFigures(page, `after the restart, at ${P2}`, at(P2), { mark: 'live', timeoutMs: 25_000 });
    await worker.waitFor('running');
  } finally {
    await worker.close();
  }
});

test('stale mark: prices stop → after 15 s marked stale, figures kept; live again when prices return', async ({
  page,
  mock,
  setSettings,
}) => {
  const { at } = await krakenLive(page, mock, setSettings);
  // Streams go quiet (heartbeats only) and the REST ticker fails: no fresh price anywhere.
  mock.freeze('kraken-margin');
  mock.fault('kraken-margin.ticker', '500');
  // Staleness counts from when the extension received the price, so this waits MAX_AGE (15 s) once.
  await waitForEngineFigures(page, 'stale', at(P1, 20_000), { mark: 'stale', timeoutMs: 30_000 });

  mock.freeze('kraken-margin', false);
  mock.resetFaults();
  mock.setPrice('kraken-margin', 'XBTUSD', P2);
  await waitForEngineFigures(page, 'live again', at(P2), { mark: 'live', timeoutMs: 25_000 });
});
