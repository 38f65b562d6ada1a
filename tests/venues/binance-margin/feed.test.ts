// Binance spot margin feed: endpoints, and response validation against the saved fixtures in
// src/venues/binance-margin/fixtures/api/ and spoiled variants of them.
import { describe, expect, it } from 'vitest';
import { feed } from '../../../src/venues/binance-margin/feed';
import { feedFor } from '../../../src/venues/feeds';
import { fixture } from '../../background/fakes';

type Json = any;
const clone = <T>(v: T): T => structuredClone(v);
const load = (name: string): Json => fixture('binance-margin', name);

describe('binance-margin feed: registration and endpoints', () => {
  it('is the registered feed of binance-margin', () => {
    expect(feedFor('binance-margin')).toBe(feed);
    expect(feed.venue).toBe('binance-margin');
  });

  it('reads exactly the documented public endpoints', () => {
    expect(feed.endpoints.mark.base).toBe('https://api.binance.com/api/v3/ticker/price');
    expect(feed.endpoints.mark.query?.('BTCUSDT')).toEqual({ symbol: 'BTCUSDT' });
    expect(feed.endpoints.facts.base).toBe('https://api.binance.com/api/v3/exchangeInfo');
    expect(feed.endpoints.facts.query?.('ETHUSDT')).toEqual({ symbol: 'ETHUSDT' });
    expect(feed.endpoints.stream).toEqual({ base: 'wss://stream.binance.com/ws' });
    expect(feed.subscribe(['BTCUSDT', 'ETHBTC'], 4).map((m) => JSON.parse(m))).toEqual([
      { method: 'SUBSCRIBE', params: ['btcusdt@miniTicker', 'ethbtc@miniTicker'], id: 4 },
    ]);
    expect(feed.unsubscribe(['ETHBTC'], 5).map((m) => JSON.parse(m))).toEqual([
      { method: 'UNSUBSCRIBE', params: ['ethbtc@miniTicker'], id: 5 },
    ]);
    expect(feed.streamSymbol({ e: '24hrMiniTicker', s: 'ETHBTC' })).toBe('ETHBTC');
    expect(feed.streamSymbol({ result: null, id: 4 })).toBeNull();
    expect(feed.moreFacts?.map((s) => [s.name, s.endpoint.base, s.shared?.refreshMs])).toEqual([
      ['rates-cross', 'https://www.binance.com/bapi/margin/v1/friendly/margin/vip/spec/list-all', 30 * 60_000],
      ['rates-isolated', 'https://www.binance.com/bapi/margin/v1/friendly/isolated-margin/pair/vip-level', 30 * 60_000],
    ]);
  });

  it("accepts spot symbols only in the API's own spelling", () => {
    for (const ok of ['BTCUSDT', 'ETHUSDT', 'ETHBTC', '1000SATSFDUSD', 'BNBUSDC'])
      expect(feed.symbolPattern.test(ok), ok).toBe(true);
    for (const bad of ['btcusdt', 'BTC_USDT', 'BTC/USDT', 'BTCUSDT_250328', 'USDT', 'BTCDAI', 'BTC USDT', '../USDT'])
      expect(feed.symbolPattern.test(bad), bad).toBe(false);
  });

  it('names the quote currency', () => {
    expect(feed.quoteAsset('BTCUSDT')).toBe('USDT');
    expect(feed.quoteAsset('ETHBTC')).toBe('BTC');
    expect(feed.quoteAsset('BTCFDUSD')).toBe('FDUSD');
    expect(feed.quoteAsset('BTCXYZ')).toBeNull();
  });
});

describe('binance-margin feed: ticker/price', () => {
  const ticker = load('ticker-price.json');

  it('reads the last trade as mark and last price (no exchange time in this answer)', () => {
    expect(feed.parseMark(ticker, 'BTCUSDT')).toEqual({
      ok: true,
      figures: {
        markPrice: { value: '65010.5', exchangeTime: null },
        lastPrice: { value: '65010.5', exchangeTime: null },
      },
    });
  });

  it.each<[string, (t: Json) => void]>([
    ['another symbol', (t) => (t.symbol = 'ETHUSDT')],
    ['no symbol', (t) => delete t.symbol],
    ['no price', (t) => delete t.price],
    ['a number instead of a string', (t) => (t.price = 65010.5)],
    ['a zero price', (t) => (t.price = '0.00000000')],
    ['a negative price', (t) => (t.price = '-65010.5')],
    ['a grouped price', (t) => (t.price = '65,010.50')],
    ['an array body', (t) => Object.assign(t, { symbol: [t.symbol] })],
  ])('rejects %s', (_, spoil) => {
    const body = clone(ticker);
    spoil(body);
    expect(feed.parseMark(body, 'BTCUSDT').ok).toBe(false);
  });

  it('rejects a list answer (no symbol parameter) and non-objects', () => {
    for (const body of [[ticker], null, 'BTCUSDT 65010.5', 65010.5])
      expect(feed.parseMark(body, 'BTCUSDT').ok).toBe(false);
  });

  it("rejects Binance's error body with a short reason", () => {
    expect(feed.parseMark(load('error-invalid-symbol.json'), 'BTCUSDT')).toEqual({
      ok: false,
      reason: 'Binance error -1121: Invalid symbol.',
    });
  });
});

describe('binance-margin feed: exchangeInfo', () => {
  const info = load('exchange-info.json');

  it('accepts a trading, margin-enabled symbol; its figures are the PRICE_FILTER tick and LOT_SIZE step without trailing zeros', () => {
    expect(feed.parseFacts(info, 'BTCUSDT')).toEqual({
      ok: true,
      figures: {
        tickSize: { value: '0.01', exchangeTime: null },
        sizeStep: { value: '0.00001', exchangeTime: null },
        minSize: { value: '0.00001', exchangeTime: null },
      },
    });
  });

  const tickOf = (spoil: (symbol: Json) => void) => {
    const body = clone(info);
    spoil(body.symbols[0]);
    const result = feed.parseFacts(body, 'BTCUSDT');
    return result.ok ? (result.figures.tickSize?.value ?? null) : `rejected: ${result.reason}`;
  };
  const priceFilter = (symbol: Json) => symbol.filters.find((f: Json) => f.filterType === 'PRICE_FILTER');

  it('reads fine and whole steps as Binance prints them (8 decimals)', () => {
    expect(tickOf((s) => (priceFilter(s).tickSize = '0.00000100'))).toBe('0.000001');
    expect(tickOf((s) => (priceFilter(s).tickSize = '1.00000000'))).toBe('1');
    expect(tickOf((s) => (priceFilter(s).tickSize = '0.50000000'))).toBe('0.5');
  });

  it('no tick where the rule is disabled (tickSize 0, as documented) or no PRICE_FILTER is listed; the symbol still passes', () => {
    expect(tickOf((s) => (priceFilter(s).tickSize = '0.00000000'))).toBeNull();
    expect(tickOf((s) => (s.filters = s.filters.filter((f: Json) => f.filterType !== 'PRICE_FILTER')))).toBeNull();
    expect(tickOf((s) => delete priceFilter(s).tickSize)).toBeNull();
    expect(tickOf((s) => delete s.filters)).toBeNull();
  });

  it.each<[string, (s: Json) => void, RegExp]>([
    ['a negative tick', (s) => (priceFilter(s).tickSize = '-0.01000000'), /PRICE_FILTER.tickSize is out of range/],
    ['an exponent', (s) => (priceFilter(s).tickSize = '1e-2'), /PRICE_FILTER.tickSize is not a decimal string/],
    [
      'a number instead of a string',
      (s) => (priceFilter(s).tickSize = 0.01),
      /PRICE_FILTER.tickSize is not a decimal string/,
    ],
    [
      'a step that is not a tick',
      (s) => (priceFilter(s).tickSize = '0.03000000'),
      /PRICE_FILTER.tickSize is not 1, 2, 2.5 or 5 times a power of ten/,
    ],
    ['PRICE_FILTER twice', (s) => s.filters.push(clone(priceFilter(s))), /PRICE_FILTER is listed twice/],
    ['filters that are not an array', (s) => (s.filters = {}), /filters is not an array/],
    ['a filter without a filterType', (s) => delete s.filters[1].filterType, /filters\[1\].filterType is not a string/],
  ])('rejects exchangeInfo with %s', (_, spoil, reason) => {
    expect(tickOf(spoil)).toMatch(reason);
  });

  it.each<[string, (t: Json) => void, RegExp]>([
    ['a halted symbol', (t) => (t.symbols[0].status = 'HALT'), /not trading \(status HALT\)/],
    ['a symbol without margin', (t) => (t.symbols[0].isMarginTradingAllowed = false), /margin trading is not allowed/],
    ['a missing margin flag', (t) => delete t.symbols[0].isMarginTradingAllowed, /isMarginTradingAllowed/],
    ['a margin flag as text', (t) => (t.symbols[0].isMarginTradingAllowed = 'true'), /isMarginTradingAllowed/],
    ['another symbol only', (t) => (t.symbols[0].symbol = 'ETHUSDT'), /not listed/],
    ['the symbol twice', (t) => t.symbols.push(clone(t.symbols[0])), /listed twice/],
    ['no symbols array', (t) => delete t.symbols, /symbols/],
    ['assets that do not make the symbol', (t) => (t.symbols[0].quoteAsset = 'USDC'), /baseAsset \+ quoteAsset/],
    ['a status that is not text', (t) => (t.symbols[0].status = 1), /status/],
  ])('rejects %s', (_, spoil, reason) => {
    const body = clone(info);
    spoil(body);
    const result = feed.parseFacts(body, 'BTCUSDT');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('does not echo what the exchange wrote into a reason', () => {
    const body = clone(info);
    body.symbols[0].status = `<img src=x onerror=alert(1)>${'x'.repeat(200)}\u202e`;
    const result = feed.parseFacts(body, 'BTCUSDT');
    expect(!result.ok && result.reason.length).toBeLessThan(140);
    expect(!result.ok && /[^\x20-\x7e]/.test(result.reason)).toBe(false);
  });

  it('rejects the error body', () => {
    expect(feed.parseFacts(load('error-invalid-symbol.json'), 'BTCUSDT').ok).toBe(false);
  });
});

describe('binance-margin feed: miniTicker stream', () => {
  const message = load('mini-ticker-stream.json');

  it('data → the close price as mark and last price, with the event time', () => {
    expect(feed.parseStream(message, 'BTCUSDT')).toEqual({
      kind: 'figures',
      figures: {
        markPrice: { value: '65010.5', exchangeTime: 1764498000123 },
        lastPrice: { value: '65010.5', exchangeTime: 1764498000123 },
      },
    });
  });

  it('an acknowledgement of a (UN)SUBSCRIBE request → ignore', () => {
    expect(feed.parseStream({ result: null, id: 1 }, 'BTCUSDT')).toEqual({ kind: 'ignore' });
  });

  it('an error answer → refused, with the exchange text made safe', () => {
    const event = feed.parseStream(
      { error: { code: 2, msg: 'Invalid request: unknown variant\u0000' }, id: 1 },
      'BTCUSDT',
    );
    expect(event).toEqual({ kind: 'refused', reason: 'Binance refused the stream: Invalid request: unknown variant?' });
  });

  it.each<[string, unknown]>([
    ['another symbol', { ...message, s: 'ETHUSDT' }],
    ['a negative close', { ...message, c: '-1' }],
    ['a close as a number', { ...message, c: 65010.5 }],
    ['no event time', { ...message, E: undefined }],
    ['a fractional event time', { ...message, E: 1.5 }],
    ['another event type', { ...message, e: '24hrTicker' }],
    ['a combined-stream wrapper', { stream: 'btcusdt@miniTicker', data: message }],
    ['a list result', { result: ['btcusdt@miniTicker'], id: 3 }],
    ['null', null],
    ['an array', [message]],
  ])('%s → malformed', (_, body) => {
    expect(feed.parseStream(body, 'BTCUSDT').kind).toBe('malformed');
  });
});
