// Kraken feed: response validation against the saved fixtures in src/venues/kraken-margin/fixtures/api/
// and malformed variants of them, the WebSocket subscription and stream messages.
import { describe, expect, it } from 'vitest';
import { feed as kraken } from '../../../src/venues/kraken-margin/feed';
import { restPair } from '../../../src/venues/kraken-margin/feed-schema';
import { fixture } from '../../background/fakes';

type Json = any;
const clone = <T>(v: T): T => structuredClone(v);

describe('kraken feed', () => {
  const ticker = fixture('kraken-margin', 'ticker.json') as Json;
  const pairs = fixture('kraken-margin', 'asset-pairs.json') as Json;
  const ws = fixture('kraken-margin', 'ws-ticker.json') as Json;

  it('maps WebSocket symbols to REST pair names', () => {
    expect(restPair('BTC/USD')).toBe('XBTUSD');
    expect(restPair('DOGE/USD')).toBe('XDGUSD');
    expect(restPair('ETH/BTC')).toBe('ETHXBT');
    expect(restPair('SOL/EUR')).toBe('SOLEUR');
    expect(kraken.symbolPattern.test('BTC/USD')).toBe(true);
    for (const bad of ['XBTUSD', 'btc/usd', 'BTC/USD/EUR', 'BTC/US D', '../x/USD'])
      expect(kraken.symbolPattern.test(bad)).toBe(false);
  });

  it('reads the last trade from Ticker as mark and last price', () => {
    expect(kraken.parseMark(ticker, 'BTC/USD')).toEqual({
      ok: true,
      figures: {
        markPrice: { value: '65000.1', exchangeTime: null },
        lastPrice: { value: '65000.1', exchangeTime: null },
      },
    });
  });

  it.each<[string, (t: Json) => void]>([
    ['non-empty error array', (t) => (t.error = ['EGeneral:Too many requests'])],
    ['missing error array', (t) => delete t.error],
    ['missing c', (t) => delete t.result.XXBTZUSD.c],
    ['non-decimal price', (t) => (t.result.XXBTZUSD.c[0] = '65,000.1')],
    ['number instead of string', (t) => (t.result.XXBTZUSD.c[0] = 65000.1)],
    ['zero price', (t) => (t.result.XXBTZUSD.c[0] = '0')],
    ['another pair', (t) => (t.result = { XETHZUSD: t.result.XXBTZUSD })],
    ['two pairs', (t) => (t.result.XETHZUSD = t.result.XXBTZUSD)],
    ['no result', (t) => delete t.result],
  ])('rejects Ticker with %s', (_, spoil) => {
    const body = clone(ticker);
    spoil(body);
    expect(kraken.parseMark(body, 'BTC/USD').ok).toBe(false);
  });

  it('rejects the documented error body', () => {
    expect(kraken.parseMark(fixture('kraken-margin', 'ticker-error.json'), 'BTC/USD')).toEqual({
      ok: false,
      reason: 'Kraken error EQuery:Unknown asset pair',
    });
  });

  it('reads margin levels, the maximum leverage and the tick size from AssetPairs', () => {
    expect(kraken.parseFacts(pairs, 'BTC/USD')).toEqual({
      ok: true,
      figures: {
        marginCallLevel: { value: '80', exchangeTime: null },
        liquidationLevel: { value: '40', exchangeTime: null },
        maxLeverage: { value: '5', exchangeTime: null },
        tickSize: { value: '0.1', exchangeTime: null },
        sizeStep: { value: '0.00000001', exchangeTime: null },
        minSize: { value: '0.0001', exchangeTime: null },
      },
    });
  });

  it('omits maxLeverage for a pair without margin', () => {
    const body = clone(pairs);
    body.result.XXBTZUSD.leverage_buy = [];
    const result = kraken.parseFacts(body, 'BTC/USD');
    expect(result.ok && Object.keys(result.figures).sort()).toEqual([
      'liquidationLevel',
      'marginCallLevel',
      'minSize',
      'sizeStep',
      'tickSize',
    ]);
  });

  const tickOf = (spoil: (entry: Json) => void) => {
    const body = clone(pairs);
    spoil(body.result.XXBTZUSD);
    const result = kraken.parseFacts(body, 'BTC/USD');
    return result.ok ? (result.figures.tickSize?.value ?? null) : `rejected: ${result.reason}`;
  };

  it('takes tick_size over pair_decimals, and 10^-pair_decimals where tick_size is absent', () => {
    expect(
      tickOf((e) => {
        e.tick_size = '0.5';
      }),
    ).toBe('0.5');
    expect(
      tickOf((e) => {
        e.pair_decimals = 3;
        e.tick_size = '0.005';
      }),
    ).toBe('0.005');
    expect(tickOf((e) => delete e.tick_size)).toBe('0.1');
    expect(
      tickOf((e) => {
        delete e.tick_size;
        e.pair_decimals = 0;
      }),
    ).toBe('1');
    expect(
      tickOf((e) => {
        delete e.tick_size;
        e.pair_decimals = 8;
      }),
    ).toBe('0.00000001');
    expect(tickOf((e) => delete e.pair_decimals)).toBe('0.1');
  });

  it('keeps the other figures of a pair without tick_size, pair_decimals, lot_decimals or ordermin', () => {
    const body = clone(pairs);
    delete body.result.XXBTZUSD.tick_size;
    delete body.result.XXBTZUSD.pair_decimals;
    delete body.result.XXBTZUSD.lot_decimals;
    delete body.result.XXBTZUSD.ordermin;
    const result = kraken.parseFacts(body, 'BTC/USD');
    expect(result.ok && Object.keys(result.figures).sort()).toEqual([
      'liquidationLevel',
      'marginCallLevel',
      'maxLeverage',
    ]);
  });

  it.each<[string, (e: Json) => void, RegExp]>([
    ['a zero tick', (e) => (e.tick_size = '0'), /tick_size is out of range/],
    ['a negative tick', (e) => (e.tick_size = '-0.1'), /tick_size is out of range/],
    ['an exponent', (e) => (e.tick_size = '1e-1'), /tick_size is not a decimal string/],
    ['a number instead of a string', (e) => (e.tick_size = 0.1), /tick_size is not a decimal string/],
    ['a step that is not a tick', (e) => (e.tick_size = '0.3'), /tick_size is not 1, 2, 2.5 or 5 times a power of ten/],
    ['a tick finer than pair_decimals', (e) => (e.tick_size = '0.01'), /tick_size is finer than pair_decimals/],
    [
      'fractional pair_decimals',
      (e) => {
        delete e.tick_size;
        e.pair_decimals = 1.5;
      },
      /pair_decimals is not a whole number/,
    ],
    [
      'negative pair_decimals',
      (e) => {
        delete e.tick_size;
        e.pair_decimals = -1;
      },
      /pair_decimals is not a whole number/,
    ],
    [
      'pair_decimals as text',
      (e) => {
        delete e.tick_size;
        e.pair_decimals = '1';
      },
      /pair_decimals is not a whole number/,
    ],
  ])('rejects AssetPairs with %s', (_, spoil, reason) => {
    expect(tickOf(spoil)).toMatch(reason);
  });

  it.each<[string, (t: Json) => void]>([
    ['margin_call as text', (t) => (t.result.XXBTZUSD.margin_call = '80')],
    ['margin_stop above margin_call', (t) => (t.result.XXBTZUSD.margin_stop = 90)],
    ['fractional leverage', (t) => (t.result.XXBTZUSD.leverage_buy = [2.5])],
    ['altname of another pair', (t) => (t.result.XXBTZUSD.altname = 'ETHUSD')],
    ['missing leverage_buy', (t) => delete t.result.XXBTZUSD.leverage_buy],
  ])('rejects AssetPairs with %s', (_, spoil) => {
    const body = clone(pairs);
    spoil(body);
    expect(kraken.parseFacts(body, 'BTC/USD').ok).toBe(false);
  });

  it('subscribes to the v2 ticker and reads its JSON numbers', () => {
    expect(kraken.subscribe(['BTC/USD', 'ETH/USD'], 3).map((m) => JSON.parse(m))).toEqual([
      { method: 'subscribe', params: { channel: 'ticker', symbol: ['BTC/USD', 'ETH/USD'] }, req_id: 3 },
    ]);
    expect(kraken.unsubscribe(['ETH/USD'], 4).map((m) => JSON.parse(m))).toEqual([
      { method: 'unsubscribe', params: { channel: 'ticker', symbol: ['ETH/USD'] }, req_id: 4 },
    ]);
    expect(kraken.streamSymbol(ws)).toBe('BTC/USD');
    expect(kraken.streamSymbol({ method: 'subscribe', success: false, error: 'x', symbol: 'ETH/USD' })).toBe('ETH/USD');
    expect(kraken.streamSymbol({ method: 'subscribe', success: true, result: { symbol: 'ETH/USD' } })).toBe('ETH/USD');
    expect(kraken.streamSymbol({ channel: 'heartbeat' })).toBeNull();
    expect(kraken.parseStream({ method: 'unsubscribe', success: true }, 'ETH/USD')).toEqual({ kind: 'ignore' });
    const time = Date.parse('2026-11-24T09:30:59.123Z');
    expect(kraken.parseStream(ws, 'BTC/USD')).toEqual({
      kind: 'figures',
      figures: {
        markPrice: { value: '65000.1', exchangeTime: time },
        lastPrice: { value: '65000.1', exchangeTime: time },
      },
    });
  });

  it('ignores heartbeats, status and acknowledgements; reports refusals and junk', () => {
    expect(kraken.parseStream({ channel: 'heartbeat' }, 'BTC/USD')).toEqual({ kind: 'ignore' });
    expect(kraken.parseStream({ channel: 'status', type: 'update', data: [{ system: 'online' }] }, 'BTC/USD')).toEqual({
      kind: 'ignore',
    });
    expect(
      kraken.parseStream(
        { method: 'subscribe', success: true, result: { channel: 'ticker', symbol: 'BTC/USD' } },
        'BTC/USD',
      ),
    ).toEqual({ kind: 'ignore' });
    expect(
      kraken.parseStream({ method: 'subscribe', success: false, error: 'Currency pair not supported' }, 'BTC/USD').kind,
    ).toBe('refused');
    const wrongSymbol = clone(ws);
    wrongSymbol.data[0].symbol = 'ETH/USD';
    const textPrice = clone(ws);
    textPrice.data[0].last = '65000.1';
    const badTime = clone(ws);
    badTime.data[0].timestamp = 'yesterday';
    for (const bad of [
      wrongSymbol,
      textPrice,
      badTime,
      { channel: 'ticker', type: 'snapshot', data: [] },
      [1, 2],
      { channel: 'book' },
    ]) {
      expect(kraken.parseStream(bad, 'BTC/USD').kind).toBe('malformed');
    }
  });

  it('says the quote asset of a pair', () => {
    expect(kraken.quoteAsset('BTC/USD')).toBe('USD');
  });
});
