// The bracket table of all Binance symbols is one answer for every market: fetched once per
// refresh period (not per symbol, not every 10 minutes), shared between the markets' runners,
// each market's tier table dated by when that answer arrived, a failure not repeated by every
// tab, and a restored table not fetched again before it is due.
import { beforeEach, describe, expect, it } from 'vitest';
import { FACTS_POLL_MS, FeedRunner } from '../../src/background/feed/runner';
import { createHttpClient, MAX_BODY_CHARS } from '../../src/background/net/http';
import { SHARED_FAILURE_HOLD_MS, SharedAnswers } from '../../src/background/net/shared-answers';
import { BRACKETS_REFRESH_MS, feed } from '../../src/venues/binance-usdm/feed';
import type { MarketSnapshot } from '../../src/venues/types';
import { FakeClock, FakeFetch, fixture, jsonResponse, recordingLog, response, socketFactory, T0 } from './fakes';

const BRACKETS = '/bapi/futures/v1/friendly/future/common/brackets';

let clock: FakeClock;
let fetch: FakeFetch;
let shared: SharedAnswers;
let runners: FeedRunner[];

beforeEach(() => {
  clock = new FakeClock();
  fetch = new FakeFetch()
    .route('/fapi/v1/premiumIndex', (url) =>
      jsonResponse({
        ...(fixture('binance-usdm', 'premium-index.json') as object),
        symbol: url.searchParams.get('symbol'),
      }),
    )
    .route('/fapi/v1/fundingInfo', () => jsonResponse(fixture('binance-usdm', 'funding-info.json')))
    .route(BRACKETS, () => jsonResponse(fixture('binance-usdm', 'brackets.json')))
    .route('/fapi/v1/exchangeInfo', () => jsonResponse(fixture('binance-usdm', 'exchange-info.json')));
  shared = new SharedAnswers(clock);
  runners = [];
});

/** One market's runner; `seen` collects its snapshots. */
function start(
  symbol: string,
  restored: MarketSnapshot | null = null,
): { seen: MarketSnapshot[]; last: () => MarketSnapshot } {
  const seen: MarketSnapshot[] = [];
  const log = recordingLog();
  const deps = {
    clock,
    http: createHttpClient(fetch.fn, clock, log),
    sockets: socketFactory().Socket,
    random: () => 0.5,
    log,
    shared,
  };
  const runner = new FeedRunner(feed, symbol, deps, restored, (s) => seen.push(s));
  runners.push(runner);
  runner.start();
  return { seen, last: () => seen[seen.length - 1]! };
}

describe('the shared bracket table', () => {
  it('is fetched once for two markets; the later one gets its table dated by the answer, not by its own start', async () => {
    const btc = start('BTCUSDT');
    await clock.advance(0);
    expect(fetch.callsTo(BRACKETS)).toBe(1);
    expect(btc.last().tiers).toMatchObject({ receivedAt: T0, source: 'rest' });
    expect(btc.last().tiers?.table.rows[1]).toMatchObject({
      floor: '50000',
      maintenanceMarginRate: '0.005',
      maintenanceAmount: '50',
    });

    await clock.advance(60_000);
    const eth = start('ETHUSDT');
    await clock.advance(0);
    expect(fetch.callsTo(BRACKETS)).toBe(1);
    expect(eth.last().tiers?.receivedAt).toBe(T0);
    expect(eth.last().tiers?.table.rows[0]).toMatchObject({ maintenanceMarginRate: '0.005', maxLeverage: '100' });
    expect(eth.last().figures.maxLeverage?.value).toBe('100');
    expect(eth.last().status).toBe('live');
  });

  it('is not polled with the other facts every 10 minutes, but again once it is BRACKETS_REFRESH_MS old', async () => {
    start('BTCUSDT');
    start('ETHUSDT');
    await clock.advance(0);
    await clock.advance(FACTS_POLL_MS * 3);
    expect(fetch.callsTo('/fapi/v1/fundingInfo')).toBeGreaterThanOrEqual(6);
    expect(fetch.callsTo(BRACKETS)).toBe(1);
    await clock.advance(BRACKETS_REFRESH_MS - FACTS_POLL_MS * 3);
    expect(fetch.callsTo(BRACKETS)).toBe(2);
  });

  it('a failure reaches every market without one request per market, and is retried after the hold', async () => {
    fetch.route(BRACKETS, () => response(500, 'oops'));
    const btc = start('BTCUSDT');
    const eth = start('ETHUSDT');
    await clock.advance(0);
    expect(fetch.callsTo(BRACKETS)).toBe(1);
    for (const market of [btc, eth]) {
      expect(market.last().tiers).toBeUndefined();
      expect(market.last().lastError).toMatch(/HTTP 500 from www\.binance\.com/);
    }
    await clock.advance(SHARED_FAILURE_HOLD_MS - 1);
    expect(fetch.callsTo(BRACKETS)).toBe(1);
    fetch.route(BRACKETS, () => jsonResponse(fixture('binance-usdm', 'brackets.json')));
    await clock.advance(5 * 60_000);
    expect(fetch.callsTo(BRACKETS)).toBe(2);
    expect(btc.last().tiers).toBeDefined();
    expect(eth.last().tiers).toBeDefined();
  });

  it('a market missing from the table gets no table and says why; the others are served', async () => {
    const market = start('NEWCOINUSDT');
    await clock.advance(0);
    expect(market.last().tiers).toBeUndefined();
    expect(market.last().lastError).toMatch(/NEWCOINUSDT is not in Binance's bracket table yet/);
  });

  it('a restored table younger than the refresh period is kept, not fetched again at start', async () => {
    const hourOld: MarketSnapshot = {
      venue: 'binance-usdm',
      symbol: 'BTCUSDT',
      figures: {},
      status: 'live',
      lastError: null,
      tiers: {
        table: {
          basis: 'notional',
          rows: [
            { floor: '0', cap: '50000', maintenanceMarginRate: '0.004', maintenanceAmount: '0', maxLeverage: '125' },
          ],
        },
        receivedAt: T0 - 3_600_000,
        source: 'rest',
      },
    };
    const btc = start('BTCUSDT', hourOld);
    await clock.advance(0);
    expect(fetch.callsTo(BRACKETS)).toBe(0);
    expect(btc.last().tiers?.receivedAt).toBe(T0 - 3_600_000);
    await clock.advance(BRACKETS_REFRESH_MS - 3_600_000);
    expect(fetch.callsTo(BRACKETS)).toBe(1);
    expect(btc.last().tiers?.receivedAt).toBe(T0 + BRACKETS_REFRESH_MS - 3_600_000);
    expect(btc.last().tiers?.table.rows).toHaveLength(10);
  });

  it('takes a table of all symbols larger than the per-symbol body cap', async () => {
    const big = { ...(fixture('binance-usdm', 'brackets.json') as object), messageDetail: 'x'.repeat(MAX_BODY_CHARS) };
    fetch.route(BRACKETS, () => jsonResponse(big));
    const btc = start('BTCUSDT');
    await clock.advance(0);
    expect(btc.last().tiers?.table.rows).toHaveLength(10);
  });

  it('without a shared store (unit setups), each runner still fetches and parses on its own', async () => {
    const seen: MarketSnapshot[] = [];
    const log = recordingLog();
    const runner = new FeedRunner(
      feed,
      'XRPUSDT',
      { clock, http: createHttpClient(fetch.fn, clock, log), sockets: socketFactory().Socket, random: () => 0.5, log },
      null,
      (s) => seen.push(s),
    );
    runner.start();
    await clock.advance(0);
    runner.stop();
    expect(seen[seen.length - 1]?.tiers?.table.rows.map((r) => r.maintenanceMarginRate)).toEqual([
      '0.01',
      '0.015',
      '0.025',
      '0.05',
    ]);
  });
});
