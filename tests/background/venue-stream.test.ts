// One WebSocket per venue (issue 15): every watched symbol of a venue rides one socket, added and
// removed by the venue's own subscribe / unsubscribe messages; a socket failure reaches every
// symbol and a reconnect subscribes them all again. Driven by a fake clock, fetch and WebSocket.
import { beforeEach, describe, expect, it } from 'vitest';
import { FeedHub } from '../../src/background/feed/hub';
import { MARK_POLL_MS, STREAM_SILENCE_MS } from '../../src/background/feed/intervals';
import { StreamPool } from '../../src/background/feed/stream-pool';
import type { StreamMember } from '../../src/background/feed/stream-contract';
import { SnapshotCache } from '../../src/background/cache/snapshot-cache';
import { createHttpClient } from '../../src/background/net/http';
import { feed as binance } from '../../src/venues/binance-usdm/feed';
import { feed as bybit } from '../../src/venues/bybit-linear/feed';
import { feed as kraken } from '../../src/venues/kraken-margin/feed';
import type { FigureUpdates } from '../../src/venues/feed-types';
import type { MarketSnapshot } from '../../src/venues/types';
import { FakeClock, FakeFetch, fixture, recordingLog, socketFactory, T0, type FakeSocket } from './fakes';

const TEN = ['BTC', 'ETH', 'SOL', 'XRP', 'DOGE', 'ADA', 'LINK', 'AVAX', 'DOT', 'LTC'].map((c) => `${c}USDT`);

let clock: FakeClock;
let sockets: ReturnType<typeof socketFactory>;
let log: ReturnType<typeof recordingLog>;

beforeEach(() => {
  clock = new FakeClock();
  sockets = socketFactory();
  log = recordingLog();
});

/** random() = 0.5: each backoff is half its ceiling. */
const deps = () => ({ clock, sockets: sockets.Socket, random: () => 0.5, log });

const markUpdate = (s: string, p: string) => ({
  ...(fixture('binance-usdm', 'mark-price-stream.json') as object),
  s,
  p,
  E: clock.now(),
});

/** Binance requests on a socket, as {method, params}. */
const requests = (socket: FakeSocket) =>
  socket.sent.map((m) => {
    const { method, params } = JSON.parse(m) as { method: string; params: string[] };
    return { method, params };
  });

class Recorder implements StreamMember {
  figures: Array<{ figures: FigureUpdates; now: number }> = [];
  downs: string[] = [];
  received(figures: FigureUpdates, now: number): void {
    this.figures.push({ figures, now });
  }
  down(sentence: string): void {
    this.downs.push(sentence);
  }
}

describe('one socket per venue', () => {
  it('carries ten symbols on one socket, subscribing each as it joins and all at once on open', () => {
    const pool = new StreamPool(deps());
    const members = TEN.map(() => new Recorder());
    pool.join(binance, TEN[0]!, members[0]!);
    pool.join(binance, TEN[1]!, members[1]!);
    expect(sockets.made).toHaveLength(1);
    const socket = sockets.made[0]!;
    expect(socket.url).toBe('wss://fstream.binance.com/ws');
    socket.open();
    expect(requests(socket)).toEqual([
      { method: 'SUBSCRIBE', params: ['btcusdt@markPrice@1s', 'ethusdt@markPrice@1s'] },
    ]);
    for (let i = 2; i < TEN.length; i += 1) pool.join(binance, TEN[i]!, members[i]!);
    expect(sockets.made).toHaveLength(1);
    expect(
      requests(socket)
        .slice(1)
        .map((r) => r.params),
    ).toEqual(TEN.slice(2).map((s) => [`${s.toLowerCase()}@markPrice@1s`]));
    // Ids are unique per socket (Binance pairs answers with requests by id).
    const ids = socket.sent.map((m) => (JSON.parse(m) as { id: number }).id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pool.watched()).toEqual(new Map([['binance-usdm', TEN]]));

    // Each message reaches only its own symbol's member.
    socket.receive(markUpdate('SOLUSDT', '150.5'));
    expect(members[2]!.figures).toEqual([
      { figures: expect.objectContaining({ markPrice: { value: '150.5', exchangeTime: T0 } }) as object, now: T0 },
    ]);
    expect(members.filter((m) => m.figures.length > 0)).toHaveLength(1);
  });

  it('a hub with ten tabs on ten Binance symbols opens one socket', async () => {
    const fetch = new FakeFetch();
    const hub = new FeedHub(
      { clock, http: createHttpClient(fetch.fn, clock, log), sockets: sockets.Socket, random: () => 0.5, log },
      new SnapshotCache(null, clock, log),
    );
    const seen = new Map<string, MarketSnapshot>();
    const subscriptions = TEN.map((symbol) => hub.subscribe('binance-usdm', symbol, (s) => seen.set(s.symbol, s)));
    await clock.advance(0);
    expect(sockets.made).toHaveLength(1);
    const socket = sockets.made[0]!;
    socket.open();
    expect(requests(socket)).toEqual([
      { method: 'SUBSCRIBE', params: TEN.map((s) => `${s.toLowerCase()}@markPrice@1s`) },
    ]);
    await clock.advance(1_000);
    socket.receive(markUpdate('LTCUSDT', '70.25'));
    // The figure carries its age: received now, from the stream.
    expect(seen.get('LTCUSDT')!.figures.markPrice).toEqual({
      value: '70.25',
      receivedAt: T0 + 1_000,
      exchangeTime: T0 + 1_000,
      source: 'stream',
    });
    expect(seen.get('BTCUSDT')!.figures.markPrice).toBeUndefined();
    for (const subscription of subscriptions) subscription.unsubscribe();
    expect(socket.closed).toBe(true);
    expect(clock.pending()).toBe(0);
  });

  it('unsubscribes a symbol no longer watched and closes the socket after the last one', () => {
    const pool = new StreamPool(deps());
    const btc = pool.join(binance, 'BTCUSDT', new Recorder());
    const eth = pool.join(binance, 'ETHUSDT', new Recorder());
    const socket = sockets.made[0]!;
    socket.open();
    eth.leave();
    eth.leave(); // twice is once
    expect(requests(socket).slice(1)).toEqual([{ method: 'UNSUBSCRIBE', params: ['ethusdt@markPrice@1s'] }]);
    expect(socket.closed).toBe(false);
    expect(pool.watched()).toEqual(new Map([['binance-usdm', ['BTCUSDT']]]));
    btc.leave();
    expect(socket.closed).toBe(true);
    expect(pool.watched()).toEqual(new Map());
    // A later market opens a fresh socket.
    pool.join(binance, 'ETHUSDT', new Recorder());
    expect(sockets.made).toHaveLength(2);
  });

  it('keeps one subscription for a symbol two runners watch until both leave', () => {
    const pool = new StreamPool(deps());
    const keep = pool.join(binance, 'BTCUSDT', new Recorder());
    const a = new Recorder();
    const b = new Recorder();
    const first = pool.join(binance, 'ETHUSDT', a);
    const second = pool.join(binance, 'ETHUSDT', b);
    const socket = sockets.made[0]!;
    socket.open();
    socket.receive(markUpdate('ETHUSDT', '3000'));
    expect([a.figures.length, b.figures.length]).toEqual([1, 1]);
    first.leave();
    expect(requests(socket).map((r) => r.method)).toEqual(['SUBSCRIBE']);
    second.leave();
    expect(requests(socket).map((r) => r.method)).toEqual(['SUBSCRIBE', 'UNSUBSCRIBE']);
    keep.leave();
  });

  it('ignores a message for a symbol nobody watches (one that crossed its unsubscribe)', () => {
    const pool = new StreamPool(deps());
    const btc = new Recorder();
    pool.join(binance, 'BTCUSDT', btc);
    const eth = pool.join(binance, 'ETHUSDT', new Recorder());
    const socket = sockets.made[0]!;
    socket.open();
    eth.leave();
    socket.receive(markUpdate('ETHUSDT', '3000'));
    socket.receive(markUpdate('XRPUSDT', '0.5'));
    expect(btc.figures).toEqual([]);
    expect(btc.downs).toEqual([]);
    expect(log.warnings).toEqual([]);
    expect(socket.closed).toBe(false);
  });

  it('a socket loss degrades every symbol at once and the reconnect subscribes them all again', async () => {
    const pool = new StreamPool(deps());
    const members = TEN.slice(0, 3).map(() => new Recorder());
    const tickets = TEN.slice(0, 3).map((symbol, i) => pool.join(binance, symbol, members[i]!));
    const first = sockets.made[0]!;
    first.open();
    first.receive(markUpdate('BTCUSDT', '60000'));
    expect(tickets[0]!.carriesMark(clock.now())).toBe(true);
    first.drop();
    expect(first.closed).toBe(true);
    for (const member of members)
      expect(member.downs).toEqual([
        'Live prices from fstream.binance.com failed, reconnecting in 1 s; mark polled over REST every 5 s meanwhile',
      ]);
    // The stream no longer carries any mark: every runner polls REST meanwhile.
    expect(tickets.map((t) => t.carriesMark(clock.now()))).toEqual([false, false, false]);
    // A symbol joining during the outage hears the outage too (and is subscribed on reconnect).
    const late = new Recorder();
    pool.join(binance, 'DOGEUSDT', late);
    expect(late.downs).toEqual([
      expect.stringMatching(/^Live prices from fstream\.binance\.com failed, reconnecting in 1 s/),
    ]);
    expect(sockets.made).toHaveLength(1);

    await clock.advance(500); // random 0.5 × 1 s ceiling
    expect(sockets.made).toHaveLength(2);
    const second = sockets.made[1]!;
    second.open();
    expect(requests(second)).toEqual([
      {
        method: 'SUBSCRIBE',
        params: ['btcusdt@markPrice@1s', 'ethusdt@markPrice@1s', 'solusdt@markPrice@1s', 'dogeusdt@markPrice@1s'],
      },
    ]);
    second.receive(markUpdate('ETHUSDT', '3100'));
    expect(members[1]!.figures.at(-1)?.figures.markPrice?.value).toBe('3100');
    // The old socket's late events are ignored.
    first.receive(markUpdate('ETHUSDT', '1'));
    expect(members[1]!.figures.at(-1)?.figures.markPrice?.value).toBe('3100');
  });

  it('backs off with jitter between failed reconnects and resets after good data', async () => {
    let r = 0.5;
    const pool = new StreamPool({ ...deps(), random: () => r });
    const member = new Recorder();
    pool.join(binance, 'BTCUSDT', member);
    sockets.made[0]!.drop();
    await clock.advance(500);
    r = 0.25;
    sockets.made[1]!.drop(); // attempt 1: ceiling 2 s → 0.5 s
    expect(member.downs.at(-1)).toMatch(/reconnecting in 1 s/);
    await clock.advance(499);
    expect(sockets.made).toHaveLength(2);
    await clock.advance(1);
    expect(sockets.made).toHaveLength(3);
    r = 0.9;
    sockets.made[2]!.drop(); // attempt 2: ceiling 4 s → 3.6 s
    expect(member.downs.at(-1)).toMatch(/reconnecting in 4 s/);
    await clock.advance(3_600);
    const socket = sockets.made[3]!;
    socket.open();
    socket.receive(markUpdate('BTCUSDT', '60000'));
    socket.drop(); // good data reset the attempts: ceiling 1 s again
    expect(member.downs.at(-1)).toMatch(/reconnecting in 1 s/);
  });

  it('drops a silent socket for all its symbols', () => {
    const pool = new StreamPool(deps());
    const a = new Recorder();
    const b = new Recorder();
    const ticket = pool.join(binance, 'BTCUSDT', a);
    pool.join(binance, 'ETHUSDT', b);
    const socket = sockets.made[0]!;
    socket.open();
    clock.time += STREAM_SILENCE_MS;
    ticket.checkSilence(clock.now());
    expect(socket.closed).toBe(false);
    clock.time += 1;
    ticket.checkSilence(clock.now());
    expect(socket.closed).toBe(true);
    expect([a.downs, b.downs].map((d) => d.at(-1))).toEqual([
      expect.stringMatching(/went silent/),
      expect.stringMatching(/went silent/),
    ]);
  });

  it('sends one keep-alive per venue socket, not one per symbol', async () => {
    const pool = new StreamPool(deps());
    for (const symbol of ['BTCUSDT', 'ETHUSDT', 'SOLUSDT']) pool.join(bybit, symbol, new Recorder());
    const socket = sockets.made[0]!;
    socket.open();
    await clock.advance(40_000);
    expect(socket.sent).toEqual([
      ...['BTCUSDT', 'ETHUSDT', 'SOLUSDT'].map((s) =>
        JSON.stringify({ op: 'subscribe', req_id: s, args: [`tickers.${s}`] }),
      ),
      '{"op":"ping"}',
      '{"op":"ping"}',
    ]);
    // Bybit refuses one topic: only that symbol is set aside, the socket stays.
    socket.receive({ success: false, ret_msg: 'error:handler not found', op: 'subscribe', req_id: 'SOLUSDT' });
    expect(socket.closed).toBe(false);
  });

  it('sets aside one symbol Kraken refuses and asks for it again later; the others keep streaming', async () => {
    const pool = new StreamPool(deps());
    const good = new Recorder();
    const bad = new Recorder();
    pool.join(kraken, 'BTC/USD', good);
    const badTicket = pool.join(kraken, 'ZZZ/USD', bad);
    const socket = sockets.made[0]!;
    socket.open();
    expect(JSON.parse(socket.sent[0]!)).toMatchObject({
      params: { channel: 'ticker', symbol: ['BTC/USD', 'ZZZ/USD'] },
    });
    socket.receive({
      method: 'subscribe',
      success: false,
      error: 'Currency pair not supported ZZZ/USD',
      symbol: 'ZZZ/USD',
    });
    expect(socket.closed).toBe(false);
    expect(bad.downs).toEqual([
      'Live prices from ws.kraken.com refused ZZZ/USD (Kraken refused the subscription: Currency pair not supported ZZZ/USD), asking again in 1 s; mark polled over REST every 5 s meanwhile',
    ]);
    expect(good.downs).toEqual([]);
    socket.receive(fixture('kraken-margin', 'ws-ticker.json'));
    expect(good.figures).toHaveLength(1);
    await clock.advance(500);
    expect(JSON.parse(socket.sent.at(-1)!)).toMatchObject({ method: 'subscribe', params: { symbol: ['ZZZ/USD'] } });
    // A refusal that names no pair concerns the socket: all symbols lose it, as before.
    socket.receive({ method: 'subscribe', success: false, error: 'Rate limit' });
    expect(socket.closed).toBe(true);
    expect(good.downs.at(-1)).toMatch(/^Live prices from ws\.kraken\.com refused: /);
    expect(badTicket.carriesMark(clock.now())).toBe(false);
  });

  it('hands the mark back to REST when the symbol stops receiving it', async () => {
    const pool = new StreamPool(deps());
    const ticket = pool.join(binance, 'BTCUSDT', new Recorder());
    const socket = sockets.made[0]!;
    socket.open();
    expect(ticket.carriesMark(clock.now())).toBe(false);
    socket.receive(markUpdate('BTCUSDT', '60000'));
    expect(ticket.carriesMark(clock.now())).toBe(true);
    await clock.advance(MARK_POLL_MS);
    expect(ticket.carriesMark(clock.now())).toBe(false);
  });
});
