// One market's feed under failure: REST errors, malformed bodies, timeouts, rate limits and
// stream drops, driven by a fake clock, fetch and WebSocket.
import { beforeEach, describe, expect, it } from 'vitest';
import { FACTS_POLL_MS, FeedRunner, MARK_POLL_MS, STREAM_SILENCE_MS } from '../../src/background/feed/runner';
import { createHttpClient } from '../../src/background/net/http';
import { feed as binance } from '../../src/venues/binance-usdm/feed';
import { feed as kraken } from '../../src/venues/kraken-margin/feed';
import type { MarketSnapshot } from '../../src/venues/types';
import {
  FakeClock,
  FakeFetch,
  fixture,
  jsonResponse,
  never,
  recordingLog,
  response,
  socketFactory,
  T0,
  type FakeSocket,
} from './fakes';

const PREMIUM = '/fapi/v1/premiumIndex';
const FUNDING = '/fapi/v1/fundingInfo';
const BRACKETS = '/bapi/futures/v1/friendly/future/common/brackets';
const EXCHANGE_INFO = '/fapi/v1/exchangeInfo';
const TICKER = '/0/public/Ticker';
const PAIRS = '/0/public/AssetPairs';

let clock: FakeClock;
let fetch: FakeFetch;
let sockets: ReturnType<typeof socketFactory>;
let seen: MarketSnapshot[];

beforeEach(() => {
  clock = new FakeClock();
  fetch = new FakeFetch();
  sockets = socketFactory();
  seen = [];
});

/** random() = 0.5: each backoff is half its ceiling, so delays are predictable. */
function start(feed = binance, symbol = 'BTCUSDT', restored: MarketSnapshot | null = null): FeedRunner {
  const log = recordingLog();
  const runner = new FeedRunner(
    feed,
    symbol,
    { clock, http: createHttpClient(fetch.fn, clock, log), sockets: sockets.Socket, random: () => 0.5, log },
    restored,
    (s) => seen.push(s),
  );
  runner.start();
  return runner;
}

const last = (): MarketSnapshot => seen[seen.length - 1]!;
const latestSocket = (): FakeSocket => sockets.made[sockets.made.length - 1]!;
const markUpdate = (p: string, E = clock.now()) => ({
  ...(fixture('binance-usdm', 'mark-price-stream.json') as object),
  p,
  E,
});

function binanceRest(): void {
  fetch
    .route(PREMIUM, () => jsonResponse(fixture('binance-usdm', 'premium-index.json')))
    .route(FUNDING, () => jsonResponse(fixture('binance-usdm', 'funding-info.json')))
    .route(BRACKETS, () => jsonResponse(fixture('binance-usdm', 'brackets.json')))
    .route(EXCHANGE_INFO, () => jsonResponse(fixture('binance-usdm', 'exchange-info.json')));
}

describe('feed runner', () => {
  it('starts connecting, then goes live from REST and the stream', async () => {
    binanceRest();
    start();
    expect(last().status).toBe('connecting');
    await clock.advance(0);
    expect(last().status).toBe('live');
    expect(last().figures.markPrice).toEqual({
      value: '11793.63104562',
      receivedAt: T0,
      exchangeTime: 1597370495002,
      source: 'rest',
    });
    expect(last().figures.fundingIntervalHours?.value).toBe('8');
    expect(latestSocket().url).toBe('wss://fstream.binance.com/ws');
    latestSocket().open();
    expect(latestSocket().sent.map((m) => JSON.parse(m))).toEqual([
      { method: 'SUBSCRIBE', params: ['btcusdt@markPrice@1s'], id: 1 },
    ]);
    await clock.advance(1_000);
    latestSocket().receive(markUpdate('11800.5'));
    expect(last().figures.markPrice).toMatchObject({ value: '11800.5', receivedAt: T0 + 1_000, source: 'stream' });
    // The stream carries the mark: REST polling pauses.
    const before = fetch.callsTo(PREMIUM);
    for (let i = 0; i < 10; i += 1) {
      await clock.advance(1_000);
      latestSocket().receive(markUpdate(`1180${i}`));
    }
    expect(fetch.callsTo(PREMIUM)).toBe(before);
  });

  it('keeps figures and their receivedAt on HTTP 500, marks the snapshot degraded and backs off', async () => {
    binanceRest();
    start();
    await clock.advance(0);
    const held = last().figures.markPrice!;
    fetch.route(PREMIUM, () => response(500, 'oops'));
    await clock.advance(MARK_POLL_MS);
    expect(last().status).toBe('degraded');
    expect(last().lastError).toBe('HTTP 500 from fapi.binance.com, retrying in 1 s');
    expect(last().figures.markPrice).toEqual(held);
    // Second failure: attempt 1, ceiling 2 s → 1 s with random 0.5; third: 2 s.
    await clock.advance(500);
    expect(last().lastError).toBe('HTTP 500 from fapi.binance.com, retrying in 1 s');
    await clock.advance(1_000);
    expect(last().lastError).toBe('HTTP 500 from fapi.binance.com, retrying in 2 s');
    expect(last().figures.markPrice).toEqual(held);
    // Recovery: live again with a fresh figure, backoff reset.
    binanceRest();
    await clock.advance(2_000);
    expect(last().status).toBe('live');
    expect(last().lastError).toBeNull();
    expect(last().figures.markPrice!.receivedAt).toBe(clock.now());
  });

  it('treats malformed JSON and wrong-symbol bodies as failures', async () => {
    binanceRest();
    start();
    await clock.advance(0);
    fetch.route(PREMIUM, () => response(200, 'not json'));
    await clock.advance(MARK_POLL_MS);
    expect(last().status).toBe('degraded');
    expect(last().lastError).toMatch(/^Malformed JSON from fapi\.binance\.com, retrying in/);
    fetch.route(PREMIUM, () =>
      jsonResponse({ ...(fixture('binance-usdm', 'premium-index.json') as object), symbol: 'ETHUSDT' }),
    );
    await clock.advance(1_000);
    expect(last().lastError).toMatch(
      /^Unexpected data from fapi\.binance\.com \(symbol is not the one requested\), retrying in/,
    );
    expect(last().figures.markPrice!.receivedAt).toBe(T0);
  });

  it('is unavailable when nothing ever arrived', async () => {
    fetch.route(PREMIUM, () => response(200, '{')).route(FUNDING, () => response(200, '{'));
    start();
    await clock.advance(0);
    expect(last().status).toBe('unavailable');
    expect(last().figures).toEqual({});
  });

  it('times out a stalled request after 5 s and degrades', async () => {
    binanceRest();
    start();
    await clock.advance(0);
    fetch.route(PREMIUM, (_, init) => never(init));
    await clock.advance(MARK_POLL_MS + 4_999);
    expect(last().status).toBe('live');
    await clock.advance(1);
    expect(last().status).toBe('degraded');
    expect(last().lastError).toMatch(/^No answer from fapi\.binance\.com within 5 s, retrying in/);
  });

  it('waits as long as Retry-After says before asking again', async () => {
    binanceRest();
    start();
    await clock.advance(0);
    fetch.route(PREMIUM, () => response(429, '', { 'Retry-After': '40' }));
    await clock.advance(MARK_POLL_MS);
    expect(last().lastError).toBe('HTTP 429 (rate limited) from fapi.binance.com, retrying in 40 s');
    const calls = fetch.callsTo(PREMIUM);
    await clock.advance(39_999);
    expect(fetch.callsTo(PREMIUM)).toBe(calls);
    binanceRest();
    await clock.advance(1);
    expect(fetch.callsTo(PREMIUM)).toBe(calls + 1);
    expect(last().status).toBe('live');
  });

  it('polls REST every 5 s while the stream is down, then hands back to the stream', async () => {
    binanceRest();
    start();
    await clock.advance(0);
    latestSocket().open();
    latestSocket().receive(markUpdate('11800'));
    await clock.advance(MARK_POLL_MS * 2);
    const callsWhileStreaming = fetch.callsTo(PREMIUM);

    latestSocket().drop();
    expect(last().lastError).toBe(
      'Live prices from fstream.binance.com failed, reconnecting in 1 s; mark polled over REST every 5 s meanwhile',
    );
    expect(sockets.made).toHaveLength(1);
    // Reconnect fails at once twice: backoff 1 s, then 1 s, then 2 s.
    await clock.advance(1_000);
    expect(sockets.made).toHaveLength(2);
    latestSocket().drop();
    await clock.advance(1_000);
    latestSocket().drop();
    expect(last().lastError).toMatch(/reconnecting in 2 s/);
    // Meanwhile REST keeps the mark fresh: live, with the stream outage explained.
    await clock.advance(MARK_POLL_MS * 2);
    expect(fetch.callsTo(PREMIUM)).toBeGreaterThanOrEqual(callsWhileStreaming + 2);
    expect(last().status).toBe('live');
    expect(last().figures.markPrice!.source).toBe('rest');

    const socket = latestSocket();
    socket.open();
    socket.receive(markUpdate('11900'));
    expect(last().lastError).toBeNull();
    expect(last().figures.markPrice).toMatchObject({ value: '11900', source: 'stream' });
    const callsAfterReconnect = fetch.callsTo(PREMIUM);
    for (let i = 0; i < 10; i += 1) {
      await clock.advance(1_000);
      socket.receive(markUpdate('11901'));
    }
    expect(fetch.callsTo(PREMIUM)).toBe(callsAfterReconnect);
  });

  it('reconnects a socket that went silent', async () => {
    binanceRest();
    start();
    await clock.advance(0);
    const first = latestSocket();
    first.open();
    await clock.advance(STREAM_SILENCE_MS + MARK_POLL_MS);
    expect(first.closed).toBe(true);
    expect(last().lastError).toMatch(/went silent/);
  });

  it('subscribes on Kraken, ignores heartbeats and keeps REST going for a quiet market', async () => {
    fetch
      .route(TICKER, () => jsonResponse(fixture('kraken-margin', 'ticker.json')))
      .route(PAIRS, () => jsonResponse(fixture('kraken-margin', 'asset-pairs.json')));
    start(kraken, 'BTC/USD');
    await clock.advance(0);
    const socket = latestSocket();
    expect(socket.url).toBe('wss://ws.kraken.com/v2');
    socket.open();
    expect(JSON.parse(socket.sent[0]!)).toEqual({
      method: 'subscribe',
      params: { channel: 'ticker', symbol: ['BTC/USD'] },
      req_id: 1,
    });
    socket.receive({ method: 'subscribe', success: true, result: { channel: 'ticker', symbol: 'BTC/USD' } });
    socket.receive(fixture('kraken-margin', 'ws-ticker.json'));
    expect(last().figures.lastPrice?.source).toBe('stream');
    expect(last().figures.marginCallLevel?.value).toBe('80');
    const calls = fetch.callsTo(TICKER);
    // No trades for 10 s, only heartbeats: the mark would go stale, so REST refreshes it.
    for (let i = 0; i < 10; i += 1) {
      await clock.advance(1_000);
      socket.receive({ channel: 'heartbeat' });
    }
    expect(fetch.callsTo(TICKER)).toBeGreaterThan(calls);
    expect(last().figures.markPrice!.source).toBe('rest');
  });

  it('reconnects when Kraken refuses the subscription', async () => {
    fetch
      .route(TICKER, () => jsonResponse(fixture('kraken-margin', 'ticker.json')))
      .route(PAIRS, () => jsonResponse(fixture('kraken-margin', 'asset-pairs.json')));
    start(kraken, 'BTC/USD');
    await clock.advance(0);
    latestSocket().open();
    latestSocket().receive({ method: 'subscribe', success: false, error: 'Currency pair not supported' });
    expect(latestSocket().closed).toBe(true);
    expect(last().lastError).toMatch(/refused: Kraken refused the subscription: Currency pair not supported/);
  });

  it('refreshes facts every 10 minutes and stops everything on stop()', async () => {
    binanceRest();
    const runner = start();
    await clock.advance(0);
    latestSocket().open();
    await clock.advance(FACTS_POLL_MS);
    expect(fetch.callsTo(FUNDING)).toBe(2);
    runner.stop();
    expect(latestSocket().closed).toBe(true);
    expect(clock.pending()).toBe(0);
    const count = seen.length;
    await clock.advance(FACTS_POLL_MS);
    expect(seen.length).toBe(count);
  });

  it('starts from a restored snapshot without touching its ages', async () => {
    const restored: MarketSnapshot = {
      venue: 'binance-usdm',
      symbol: 'BTCUSDT',
      figures: { markPrice: { value: '11000', receivedAt: T0 - 60_000, exchangeTime: null, source: 'stream' } },
      status: 'live',
      lastError: null,
    };
    fetch.route(PREMIUM, () => response(502, '')).route(FUNDING, () => response(502, ''));
    start(binance, 'BTCUSDT', restored);
    expect(last().status).toBe('connecting');
    expect(last().figures.markPrice).toEqual(restored.figures.markPrice);
    await clock.advance(0);
    expect(last().status).toBe('degraded');
    expect(last().figures.markPrice).toEqual(restored.figures.markPrice);
  });
});
