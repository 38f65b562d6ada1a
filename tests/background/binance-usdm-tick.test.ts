// Binance USDⓈ-M's tick reaches the overlay (issue 12: "Binance futures shows 2 decimals beside a
// 0.1 tick"): the whole background over fakes reads /fapi/v1/exchangeInfo (the shared 'steps'
// source), its quotes message carries BTCUSDT's tick 0.1, and the overlay formats prices at it.
import { expect, it } from 'vitest';
import { createBackground } from '../../src/background/app';
import { SNAPSHOT_MIN_INTERVAL_MS } from '../../src/background/quotes/service';
import { MARKET_PORT } from '../../src/messaging/messages';
import { parseBgToCs } from '../../src/messaging/validate-bg-to-cs';
import { buildView } from '../../src/ui/overlay/view-model';
import { binanceForm, ok, settings } from '../content/fixtures';
import {
  binanceTab,
  EXTENSION_ID,
  EXTENSION_ORIGIN,
  FakeAction,
  FakeClock,
  FakeFetch,
  FakePort,
  FakeStorage,
  fixture,
  jsonResponse,
  recordingLog,
  socketFactory,
} from './fakes';

it("BTCUSDT's exchangeInfo tick 0.1 travels in the quotes message and sets the overlay's price decimals", async () => {
  const clock = new FakeClock();
  const fetch = new FakeFetch()
    .route('/fapi/v1/premiumIndex', () => jsonResponse(fixture('binance-usdm', 'premium-index.json')))
    .route('/fapi/v1/fundingInfo', () => jsonResponse(fixture('binance-usdm', 'funding-info.json')))
    .route('/fapi/v1/exchangeInfo', () => jsonResponse(fixture('binance-usdm', 'exchange-info.json')))
    .route('/bapi/futures/v1/friendly/future/common/brackets', () =>
      jsonResponse(fixture('binance-usdm', 'brackets.json')),
    );
  const app = createBackground({
    extensionId: EXTENSION_ID,
    extensionOrigin: EXTENSION_ORIGIN,
    clock,
    fetch: fetch.fn,
    sockets: socketFactory().Socket,
    random: () => 0.5,
    log: recordingLog(),
    cacheArea: new FakeStorage(),
    syncArea: new FakeStorage(),
    action: new FakeAction(),
  });
  await app.ready;
  const port = new FakePort(MARKET_PORT, binanceTab(8));
  app.onConnect(port);
  const form = binanceForm({ price: '11800', stopLoss: '11000' });
  port.emit({ type: 'cs→bg:form-changed', seq: 1, venue: 'binance-usdm', symbol: 'BTCUSDT', form });
  await clock.advance(0);
  await clock.advance(SNAPSHOT_MIN_INTERVAL_MS);
  const message = parseBgToCs(port.posted.at(-1));
  if (message === null) throw new Error('the content script would drop the message');
  expect(message.status).toBe('live');
  expect(message.tickSize).toBe('0.1');

  const { venue, symbol, mark, status, lastError, tickSize } = message;
  const view = buildView({
    reading: ok(form),
    quotes: message.sides,
    market: { venue, symbol, mark, status, lastError, tickSize },
    settings: settings(),
    guard: null,
    now: clock.now(),
    pending: false,
    locale: 'en-US',
  });
  // premiumIndex sends 11793.63104562: shown at the tick, not at the API's eight decimals.
  expect(view.markLine.text).toBe('mark 11,793.6 USDT');
  expect(view.format.priceDecimals).toBe(1);
  const liquidation = view.columns[0]!.figures.find((f) => f.key === 'liquidationPrice')!;
  expect(liquidation.text).toMatch(/^\d{1,2},\d{3}\.\d USDT$/);
});
