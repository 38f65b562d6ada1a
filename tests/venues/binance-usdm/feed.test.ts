// Binance USDⓈ-M feed: response validation against the saved fixtures in
// src/venues/binance-usdm/fixtures/api/ and malformed variants of them, and the mark-price stream.
import { describe, expect, it } from 'vitest';
import { feed as binance } from '../../../src/venues/binance-usdm/feed';
import { fixture } from '../../background/fakes';

type Json = any;
const clone = <T>(v: T): T => structuredClone(v);

describe('binance-usdm feed', () => {
  const premium = fixture('binance-usdm', 'premium-index.json') as Json;
  const info = fixture('binance-usdm', 'funding-info.json') as Json;
  const stream = fixture('binance-usdm', 'mark-price-stream.json') as Json;

  it('has no tick size in premiumIndex, fundingInfo or the stream (exchangeInfo is every symbol at once)', () => {
    const rest = [binance.parseMark(premium, 'BTCUSDT'), binance.parseFacts(info, 'BTCUSDT')];
    const streamed = binance.parseStream(stream, 'BTCUSDT');
    expect(rest.every((r) => r.ok) && streamed.kind === 'figures').toBe(true);
    const keys = [
      ...rest.flatMap((r) => (r.ok ? Object.keys(r.figures) : [])),
      ...(streamed.kind === 'figures' ? Object.keys(streamed.figures) : []),
    ];
    expect(keys).toContain('markPrice');
    expect(keys).not.toContain('tickSize');
    expect(
      Object.values(binance.endpoints)
        .map((e) => e.base)
        .join(' '),
    ).not.toContain('exchangeInfo');
  });

  it('reads mark price, funding rate and next funding time from premiumIndex', () => {
    const time = 1597370495002;
    expect(binance.parseMark(premium, 'BTCUSDT')).toEqual({
      ok: true,
      figures: {
        markPrice: { value: '11793.63104562', exchangeTime: time },
        fundingRate: { value: '0.00038246', exchangeTime: time },
        nextFundingTime: { value: '1597392000000', exchangeTime: time },
      },
    });
  });

  it.each<[string, (t: Json) => void]>([
    ['another symbol', (t) => (t.symbol = 'ETHUSDT')],
    ['missing markPrice', (t) => delete t.markPrice],
    ['markPrice as a number', (t) => (t.markPrice = 11793.63)],
    ['non-decimal funding rate', (t) => (t.lastFundingRate = 'n/a')],
    ['implausible funding rate', (t) => (t.lastFundingRate = '1.5')],
    ['time as text', (t) => (t.time = '1597370495002')],
    ['missing symbol', (t) => delete t.symbol],
  ])('rejects premiumIndex with %s', (_, spoil) => {
    const body = clone(premium);
    spoil(body);
    expect(binance.parseMark(body, 'BTCUSDT').ok).toBe(false);
  });

  it('reads the funding interval, defaulting to 8 h for unlisted symbols', () => {
    expect(binance.parseFacts(info, 'ETHUSDT')).toEqual({
      ok: true,
      figures: { fundingIntervalHours: { value: '4', exchangeTime: null } },
    });
    expect(binance.parseFacts(info, 'BTCUSDT')).toEqual({
      ok: true,
      figures: { fundingIntervalHours: { value: '8', exchangeTime: null } },
    });
  });

  it.each<[string, (t: Json) => unknown]>([
    ['an object body', () => ({ symbol: 'ETHUSDT', fundingIntervalHours: 4 })],
    ['a duplicate entry', (t) => [...t, t[1]]],
    ['hours as text', (t) => ((t[1].fundingIntervalHours = '4'), t)],
    ['zero hours', (t) => ((t[1].fundingIntervalHours = 0), t)],
    ['an entry without symbol', (t) => [...t, { fundingIntervalHours: 8 }]],
  ])('rejects fundingInfo with %s', (_, spoil) => {
    expect(binance.parseFacts(spoil(clone(info)), 'ETHUSDT').ok).toBe(false);
  });

  it('reads markPriceUpdate stream messages with the event time', () => {
    expect(binance.endpoints.stream).toEqual({ base: 'wss://fstream.binance.com/ws' });
    expect(binance.subscribe(['BTCUSDT', 'ETHUSDT'], 1).map((m) => JSON.parse(m))).toEqual([
      { method: 'SUBSCRIBE', params: ['btcusdt@markPrice@1s', 'ethusdt@markPrice@1s'], id: 1 },
    ]);
    expect(binance.unsubscribe(['ETHUSDT'], 2).map((m) => JSON.parse(m))).toEqual([
      { method: 'UNSUBSCRIBE', params: ['ethusdt@markPrice@1s'], id: 2 },
    ]);
    expect(binance.streamSymbol(stream)).toBe('BTCUSDT');
    expect(binance.streamSymbol({ result: null, id: 1 })).toBeNull();
    expect(binance.parseStream({ result: null, id: 1 }, 'BTCUSDT')).toEqual({ kind: 'ignore' });
    expect(binance.parseStream({ error: { code: 2, msg: 'Invalid request' }, id: 1 }, 'BTCUSDT')).toEqual({
      kind: 'refused',
      reason: 'Binance refused the stream: Invalid request',
    });
    expect(binance.parseStream(stream, 'BTCUSDT')).toEqual({
      kind: 'figures',
      figures: {
        markPrice: { value: '11794.15', exchangeTime: 1562305380000 },
        fundingRate: { value: '0.00038167', exchangeTime: 1562305380000 },
        nextFundingTime: { value: '1562306400000', exchangeTime: 1562305380000 },
      },
    });
    for (const spoil of [{ s: 'ETHUSDT' }, { p: '' }, { e: 'aggTrade' }, { E: -1 }, { r: 'x' }]) {
      expect(binance.parseStream({ ...stream, ...spoil }, 'BTCUSDT').kind).toBe('malformed');
    }
  });

  it('accepts perpetual symbols only', () => {
    for (const good of ['BTCUSDT', '1000PEPEUSDT', 'ETHUSDC']) expect(binance.symbolPattern.test(good)).toBe(true);
    for (const bad of ['BTCUSDT_250926', 'btcusdt', 'BTC/USDT', 'BTCUSDT?x=1'])
      expect(binance.symbolPattern.test(bad)).toBe(false);
    expect(binance.quoteAsset('BTCUSDT')).toBe('USDT');
  });
});
