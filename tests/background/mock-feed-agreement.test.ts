// The e2e mock exchange and the extension's feeds must agree: every REST endpoint a feed polls,
// answered by the mock's venue module (e2e/mock/venues/*.ts) without starting a server, parses
// with the feed's own parsers, through the same helper the e2e tests compute their expected
// figures with (e2e/harness/expected.ts snapshotFromMock). A mock that drifts from the documented
// shapes (a field the feed now reads, like the tick size) fails here, not in a slow browser run.
import { describe, expect, it } from 'vitest';
import { snapshotFromMock } from '../../e2e/harness/expected';
import { MarketBook } from '../../e2e/mock/markets';
import type { MockExchange } from '../../e2e/mock/server';
import type { JsonAnswer, MockVenueApi } from '../../e2e/mock/venue-api';
import type { VenueId } from '../../src/core/types';
import { FEEDS } from '../../src/venues/feeds';

const modules = import.meta.glob<{ mockApi: MockVenueApi }>('../../e2e/mock/venues/*.ts', { eager: true });
const APIS = Object.values(modules).map((m) => m.mockApi);

/** A fresh book at the mock's default prices, as MockExchange.start() fills it. */
const newBook = () => new MarketBook(new Map(APIS.map((api) => [api.venue, api.symbols])));

/** The venue module answering at host + path, picked like the mock server picks it (apiAt). */
function apiAt(url: URL): MockVenueApi {
  const api = APIS.find((a) => a.restHosts.includes(url.hostname) && a.endpoint(url.hostname, url.pathname) !== null);
  if (!api) throw new Error(`no mock module answers ${url.href}`);
  return api;
}

/** What snapshotFromMock needs of the mock exchange: its REST answers, here without a server. */
function offlineMock(book: MarketBook, statuses: number[]): MockExchange {
  const restAnswer = (url: URL, method: string, body: string): JsonAnswer => {
    const answer = apiAt(url).rest({ url, method, body }, book);
    statuses.push(answer.status);
    return answer;
  };
  return { restAnswer } as unknown as MockExchange;
}

/**
 * Every symbol the mock lists, spelled as the content side sends it to the feed, with the tick
 * size and the quantity step the feed must read from the mock's answers (null: none).
 */
const CASES: Readonly<Record<VenueId, ReadonlyArray<[string, string | null, string | null]>>> = {
  'kraken-margin': [
    ['BTC/USD', '0.1', '0.00000001'],
    ['ETH/USD', '0.01', '0.00000001'],
  ],
  // From the shared exchangeInfo answer (premiumIndex, fundingInfo and the stream carry neither).
  'binance-usdm': [
    ['BTCUSDT', '0.1', '0.001'],
    ['ETHUSDT', '0.01', '0.001'],
  ],
  'binance-margin': [
    ['BTCUSDT', '0.01', '0.00001'],
    ['ETHUSDT', '0.01', '0.0001'],
  ],
  'bybit-linear': [
    ['BTCUSDT', '0.1', '0.001'],
    ['ETHUSDT', '0.01', '0.01'],
  ],
  // lotSz 0.01 contracts × ctVal (0.01 BTC, 0.1 ETH, 1 SOL).
  'okx-swap': [
    ['BTC-USDT-SWAP', '0.1', '0.0001'],
    ['ETH-USDT-SWAP', '0.01', '0.001'],
    ['SOL-USDT-SWAP', '0.01', '0.01'],
  ],
  // The step at the mock's default marks: BTC 65010 (1), ETH 3501.3 (0.1), SOL 148.2 (0.01); sizes 10^−szDecimals.
  hyperliquid: [
    ['BTC', '1', '0.00001'],
    ['ETH', '0.1', '0.0001'],
    ['SOL', '0.01', '0.01'],
  ],
};

const rows = Object.entries(CASES).flatMap(([venue, symbols]) =>
  symbols.map(([symbol, tick, step]) => [venue as VenueId, symbol, tick, step] as const),
);

describe('the e2e mock exchange answers every feed endpoint in a shape the feed parses', () => {
  it('has a case for every venue feed, and one for every symbol each mock module lists', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(FEEDS).sort());
    const listed = APIS.reduce((n, api) => n + api.symbols.length, 0);
    expect(rows.length).toBe(listed);
  });

  it.each(rows)('%s %s: every endpoint parses; tick size %s, size step %s', (venue, symbol, tick, step) => {
    const statuses: number[] = [];
    const snapshot = snapshotFromMock(offlineMock(newBook(), statuses), venue, symbol);
    const feed = FEEDS[venue]!;
    expect(statuses).toEqual(Array(2 + (feed.moreFacts?.length ?? 0)).fill(200));
    expect(snapshot.figures.markPrice?.value).toMatch(/^\d+(\.\d+)?$/);
    expect(snapshot.figures.tickSize?.value ?? null).toBe(tick);
    expect(snapshot.figures.sizeStep?.value ?? null).toBe(step);
  });

  it('follows the mock price: Hyperliquid BTC under 10 000 steps by 0.1', () => {
    const book = newBook();
    book.set('hyperliquid', 'BTC', { price: '9876.5' });
    const snapshot = snapshotFromMock(offlineMock(book, []), 'hyperliquid', 'BTC');
    expect(snapshot.figures.markPrice?.value).toBe('9876.5');
    expect(snapshot.figures.tickSize?.value).toBe('0.1');
  });
});
