// Bybit USDT perpetual feed: response validation against the saved fixtures in
// src/venues/bybit-linear/fixtures/api/ and spoiled variants of them, plus the stream protocol.
import { describe, expect, it } from 'vitest';
import { feed } from '../../../src/venues/bybit-linear/feed';
import { feedFor } from '../../../src/venues/feeds';
import { fixture } from '../../background/fakes';

type Json = any;
const clone = <T>(v: T): T => structuredClone(v);
const load = (name: string) => fixture('bybit-linear', name) as Json;

const tickers = load('tickers.json');
const riskLimit = load('risk-limit.json');
const instruments = load('instruments-info.json');
const snapshot = load('ws-ticker-snapshot.json');
const delta = load('ws-ticker-delta.json');

const instrumentsFacts = () => {
  const source = feed.moreFacts?.find((f) => f.name === 'instruments');
  if (!source) throw new Error('no instruments source');
  return source;
};

describe('bybit feed: endpoints', () => {
  it('is registered for bybit-linear', () => {
    expect(feedFor('bybit-linear')).toBe(feed);
  });

  it('reads linear tickers, risk limits and instruments for the symbol, streams tickers.<symbol> with a 20 s ping', () => {
    expect(feed.endpoints.mark.base).toBe('https://api.bybit.com/v5/market/tickers');
    expect(feed.endpoints.facts.base).toBe('https://api.bybit.com/v5/market/risk-limit');
    expect(instrumentsFacts().endpoint.base).toBe('https://api.bybit.com/v5/market/instruments-info');
    for (const spec of [feed.endpoints.mark, feed.endpoints.facts, instrumentsFacts().endpoint]) {
      expect(spec.query?.('BTCUSDT')).toEqual({ category: 'linear', symbol: 'BTCUSDT' });
      expect(spec.postBody).toBeUndefined();
    }
    expect(feed.endpoints.stream.base).toBe('wss://stream.bybit.com/v5/public/linear');
    // One request per symbol, named by req_id, so Bybit's refusal of one names it.
    expect(feed.subscribe(['ETHUSDT', 'BTCUSDT'], 1).map((m) => JSON.parse(m))).toEqual([
      { op: 'subscribe', req_id: 'ETHUSDT', args: ['tickers.ETHUSDT'] },
      { op: 'subscribe', req_id: 'BTCUSDT', args: ['tickers.BTCUSDT'] },
    ]);
    expect(feed.unsubscribe(['ETHUSDT'], 3).map((m) => JSON.parse(m))).toEqual([
      { op: 'unsubscribe', req_id: 'ETHUSDT', args: ['tickers.ETHUSDT'] },
    ]);
    expect(feed.streamSymbol({ topic: 'tickers.ETHUSDT', data: {} })).toBe('ETHUSDT');
    expect(feed.streamSymbol({ op: 'subscribe', success: false, req_id: 'ETHUSDT' })).toBe('ETHUSDT');
    expect(feed.streamSymbol({ op: 'subscribe', success: true })).toBeNull();
    expect(feed.streamSymbol({ op: 'ping', success: true, req_id: 'x' })).toBeNull();
    expect(feed.parseStream({ op: 'unsubscribe', success: true }, 'ETHUSDT')).toEqual({ kind: 'ignore' });
    expect(feed.heartbeat).toEqual({ everyMs: 20_000, message: '{"op":"ping"}' });
  });

  it('accepts USDT perpetual symbols only', () => {
    for (const good of ['BTCUSDT', 'ETHUSDT', '1000PEPEUSDT']) expect(feed.symbolPattern.test(good), good).toBe(true);
    for (const bad of ['BTCUSD', 'BTCUSDC', 'btcusdt', 'BTC-USDT', 'BTCUSDT&category=spot', 'BTCPERP', 'BTC/USDT']) {
      expect(feed.symbolPattern.test(bad), bad).toBe(false);
    }
    expect(feed.quoteAsset('BTCUSDT')).toBe('USDT');
  });
});

describe('bybit feed: /v5/market/tickers', () => {
  it('reads mark, last, funding rate, next funding time and the funding interval', () => {
    const time = 1795485600123;
    expect(feed.parseMark(tickers, 'BTCUSDT')).toEqual({
      ok: true,
      figures: {
        markPrice: { value: '65010.2', exchangeTime: time },
        lastPrice: { value: '65012.3', exchangeTime: time },
        fundingRate: { value: '0.0001', exchangeTime: time },
        nextFundingTime: { value: '1795507200000', exchangeTime: time },
        fundingIntervalHours: { value: '8', exchangeTime: time },
      },
    });
  });

  it('without fundingIntervalHour (older answers) the interval is left to instruments-info', () => {
    const body = clone(tickers);
    delete body.result.list[0].fundingIntervalHour;
    const result = feed.parseMark(body, 'BTCUSDT');
    expect(result.ok && Object.keys(result.figures).sort()).toEqual([
      'fundingRate',
      'lastPrice',
      'markPrice',
      'nextFundingTime',
    ]);
  });

  it('rejects the documented error body with its code', () => {
    expect(feed.parseMark(load('tickers-error.json'), 'BTCUSDT')).toEqual({
      ok: false,
      reason: 'Bybit error 10001 Not supported symbols',
    });
  });

  it.each<[string, (t: Json) => void]>([
    ['another symbol', (t) => (t.result.list[0].symbol = 'ETHUSDT')],
    ['two entries', (t) => t.result.list.push(t.result.list[0])],
    ['an empty list', (t) => (t.result.list = [])],
    ['the spot category', (t) => (t.result.category = 'spot')],
    ['retCode as text', (t) => (t.retCode = '0')],
    ['missing markPrice', (t) => delete t.result.list[0].markPrice],
    ['markPrice as a number', (t) => (t.result.list[0].markPrice = 65010.2)],
    ['a zero markPrice', (t) => (t.result.list[0].markPrice = '0')],
    ['a grouped lastPrice', (t) => (t.result.list[0].lastPrice = '65,012.30')],
    ['a funding rate of 150 %', (t) => (t.result.list[0].fundingRate = '1.5')],
    ['an empty funding rate', (t) => (t.result.list[0].fundingRate = '')],
    ['nextFundingTime as a number', (t) => (t.result.list[0].nextFundingTime = 1795507200000)],
    ['nextFundingTime as a date', (t) => (t.result.list[0].nextFundingTime = '2026-11-24T16:00:00Z')],
    ['a funding interval of 0 h', (t) => (t.result.list[0].fundingIntervalHour = '0')],
    ['a funding interval in minutes', (t) => (t.result.list[0].fundingIntervalHour = '480')],
    ['no server time', (t) => delete t.time],
    ['no result', (t) => delete t.result],
  ])('rejects tickers with %s', (_, spoil) => {
    const body = clone(tickers);
    spoil(body);
    expect(feed.parseMark(body, 'BTCUSDT').ok).toBe(false);
  });

  it('a nextFundingTime of "0" (none scheduled) is left out', () => {
    const body = clone(tickers);
    body.result.list[0].nextFundingTime = '0';
    const result = feed.parseMark(body, 'BTCUSDT');
    expect(result.ok && result.figures.nextFundingTime).toBeUndefined();
    expect(result.ok && result.figures.markPrice?.value).toBe('65010.2');
  });
});

describe('bybit feed: /v5/market/risk-limit', () => {
  it('reads the cumulative tier table (bounds in USDT) and the highest leverage', () => {
    expect(feed.parseFacts(riskLimit, 'BTCUSDT')).toEqual({
      ok: true,
      figures: { maxLeverage: { value: '100', exchangeTime: 1795485600456 } },
      tiers: {
        basis: 'notional',
        rows: [
          { floor: '0', cap: '2000000', maintenanceMarginRate: '0.005', maintenanceAmount: null, maxLeverage: '100' },
          {
            floor: '2000000',
            cap: '4000000',
            maintenanceMarginRate: '0.0075',
            maintenanceAmount: '5000',
            maxLeverage: '80',
          },
          {
            floor: '4000000',
            cap: '6000000',
            maintenanceMarginRate: '0.01',
            maintenanceAmount: '15000',
            maxLeverage: '66.67',
          },
          {
            floor: '6000000',
            cap: '8000000',
            maintenanceMarginRate: '0.0125',
            maintenanceAmount: '30000',
            maxLeverage: '57.14',
          },
          {
            floor: '8000000',
            cap: '10000000',
            maintenanceMarginRate: '0.015',
            maintenanceAmount: '50000',
            maxLeverage: '50',
          },
        ],
      },
    });
  });

  it('accepts rates as JSON numbers (the documented type) and tiers in any order', () => {
    const body = clone(riskLimit);
    body.result.list.reverse();
    body.result.list[4].maintenanceMargin = 0.005;
    body.result.list[4].initialMargin = 0.01;
    expect(feed.parseFacts(body, 'BTCUSDT')).toEqual(feed.parseFacts(riskLimit, 'BTCUSDT'));
  });

  it('an empty deduction on a higher tier is left for the engine to derive', () => {
    const body = clone(riskLimit);
    body.result.list[2].mmDeduction = '';
    const result = feed.parseFacts(body, 'BTCUSDT');
    expect(result.ok && result.tiers?.rows.map((r) => r.maintenanceAmount)).toEqual([
      null,
      '5000',
      null,
      '30000',
      '50000',
    ]);
  });

  it.each<[string, (t: Json) => void]>([
    [
      'rates in percent (as an old docs example prints them)',
      (t) => {
        for (const row of t.result.list) {
          row.maintenanceMargin = String(Number(row.maintenanceMargin) * 100);
          row.initialMargin = String(Number(row.initialMargin) * 100);
        }
      },
    ],
    ['a maintenance rate of 0.5 (50 %) against 1 % initial', (t) => (t.result.list[0].maintenanceMargin = '0.5')],
    ['an initial margin that does not match maxLeverage', (t) => (t.result.list[1].initialMargin = '0.02')],
    ['a deduction that breaks continuity', (t) => (t.result.list[2].mmDeduction = '16000')],
    ['a negative deduction', (t) => (t.result.list[1].mmDeduction = '-5000')],
    ['a deduction as a number', (t) => (t.result.list[1].mmDeduction = 5000)],
    ['two tiers with the same limit', (t) => (t.result.list[1].riskLimitValue = '2000000')],
    ['a tier of another symbol', (t) => (t.result.list[3].symbol = 'ETHUSDT')],
    ['a zero limit', (t) => (t.result.list[0].riskLimitValue = '0')],
    ['riskLimitValue as a number', (t) => (t.result.list[0].riskLimitValue = 2000000)],
    ['a maxLeverage below 1', (t) => (t.result.list[4].maxLeverage = '0.5')],
    ['a missing maintenance rate', (t) => delete t.result.list[0].maintenanceMargin],
    ['an empty list', (t) => (t.result.list = [])],
    ['an error code', (t) => (t.retCode = 10001)],
    ['the inverse category', (t) => (t.result.category = 'inverse')],
  ])('rejects risk-limit with %s', (_, spoil) => {
    const body = clone(riskLimit);
    spoil(body);
    expect(feed.parseFacts(body, 'BTCUSDT').ok).toBe(false);
  });
});

describe('bybit feed: /v5/market/instruments-info', () => {
  it('reads the funding interval (minutes → hours), the leverage limit, the tick size, the quantity step and minimum', () => {
    const time = 1795485600789;
    expect(instrumentsFacts().parse(instruments, 'BTCUSDT')).toEqual({
      ok: true,
      figures: {
        fundingIntervalHours: { value: '8', exchangeTime: time },
        maxLeverage: { value: '100', exchangeTime: time },
        tickSize: { value: '0.1', exchangeTime: time },
        sizeStep: { value: '0.001', exchangeTime: time },
        minSize: { value: '0.001', exchangeTime: time },
      },
    });
    const hourly = clone(instruments);
    hourly.result.list[0].fundingInterval = 60;
    const result = instrumentsFacts().parse(hourly, 'BTCUSDT');
    expect(result.ok && result.figures.fundingIntervalHours?.value).toBe('1');
  });

  it.each<[string, (t: Json) => void]>([
    ['a dated future', (t) => (t.result.list[0].contractType = 'LinearFutures')],
    ['a USDC-settled contract', (t) => (t.result.list[0].settleCoin = 'USDC')],
    ['fundingInterval as text', (t) => (t.result.list[0].fundingInterval = '480')],
    ['a zero fundingInterval', (t) => (t.result.list[0].fundingInterval = 0)],
    ['a fractional fundingInterval', (t) => (t.result.list[0].fundingInterval = 480.5)],
    ['no leverageFilter', (t) => delete t.result.list[0].leverageFilter],
    ['maxLeverage as a number', (t) => (t.result.list[0].leverageFilter.maxLeverage = 100)],
    ['another symbol', (t) => (t.result.list[0].symbol = 'ETHUSDT')],
  ])('rejects instruments-info with %s', (_, spoil) => {
    const body = clone(instruments);
    spoil(body);
    expect(instrumentsFacts().parse(body, 'BTCUSDT').ok).toBe(false);
  });

  const tickOf = (spoil: (filter: Json, entry: Json) => void) => {
    const body = clone(instruments);
    spoil(body.result.list[0].priceFilter, body.result.list[0]);
    const result = instrumentsFacts().parse(body, 'BTCUSDT');
    return result.ok ? (result.figures.tickSize?.value ?? null) : `rejected: ${result.reason}`;
  };

  it('reads half and fine steps as Bybit lists them, trailing zeros dropped', () => {
    expect(tickOf((f) => (f.tickSize = '0.50'))).toBe('0.5');
    expect(tickOf((f) => (f.tickSize = '0.0000010'))).toBe('0.000001');
    expect(tickOf((f) => (f.tickSize = '0.0005'))).toBe('0.0005');
    expect(tickOf((f) => (f.tickSize = '1'))).toBe('1');
  });

  it('keeps funding interval and leverage from an answer without priceFilter', () => {
    const body = clone(instruments);
    delete body.result.list[0].priceFilter;
    const result = instrumentsFacts().parse(body, 'BTCUSDT');
    expect(result.ok && Object.keys(result.figures).sort()).toEqual([
      'fundingIntervalHours',
      'maxLeverage',
      'minSize',
      'sizeStep',
    ]);
    delete body.result.list[0].lotSizeFilter;
    const bare = instrumentsFacts().parse(body, 'BTCUSDT');
    expect(bare.ok && Object.keys(bare.figures).sort()).toEqual(['fundingIntervalHours', 'maxLeverage']);
  });

  it.each<[string, (f: Json, e: Json) => void, RegExp]>([
    ['a zero tick', (f) => (f.tickSize = '0.00'), /priceFilter.tickSize is out of range/],
    ['a negative tick', (f) => (f.tickSize = '-0.10'), /priceFilter.tickSize is out of range/],
    ['an exponent', (f) => (f.tickSize = '1e-2'), /priceFilter.tickSize is not a decimal string/],
    ['a number instead of a string', (f) => (f.tickSize = 0.1), /priceFilter.tickSize is not a decimal string/],
    ['a missing tickSize in priceFilter', (f) => delete f.tickSize, /priceFilter.tickSize is not a decimal string/],
    [
      'a step that is not a tick',
      (f) => (f.tickSize = '0.37'),
      /priceFilter.tickSize is not 1, 2, 2.5 or 5 times a power of ten/,
    ],
    ['a priceFilter that is not an object', (_f, e) => (e.priceFilter = '0.10'), /priceFilter is not an object/],
  ])('rejects instruments-info with %s', (_, spoil, reason) => {
    expect(tickOf(spoil)).toMatch(reason);
  });
});

describe('bybit feed: the tickers stream', () => {
  it('a snapshot carries every figure, stamped with the message time', () => {
    const ts = 1795485601000;
    expect(feed.parseStream(snapshot, 'BTCUSDT')).toEqual({
      kind: 'figures',
      figures: {
        markPrice: { value: '65010.2', exchangeTime: ts },
        lastPrice: { value: '65012.3', exchangeTime: ts },
        fundingRate: { value: '0.0001', exchangeTime: ts },
        nextFundingTime: { value: '1795507200000', exchangeTime: ts },
        fundingIntervalHours: { value: '8', exchangeTime: ts },
      },
    });
  });

  it('a delta updates only the figures it carries', () => {
    expect(feed.parseStream(delta, 'BTCUSDT')).toEqual({
      kind: 'figures',
      figures: { markPrice: { value: '65015.75', exchangeTime: 1795485601100 } },
    });
    const onlyFunding = { ...delta, data: { symbol: 'BTCUSDT', fundingRate: '-0.00012' } };
    expect(feed.parseStream(onlyFunding, 'BTCUSDT')).toEqual({
      kind: 'figures',
      figures: { fundingRate: { value: '-0.00012', exchangeTime: 1795485601100 } },
    });
  });

  it('a delta with none of our figures is ignored, not an update', () => {
    expect(
      feed.parseStream(
        { ...delta, data: { symbol: 'BTCUSDT', volume24h: '97110.1', bid1Price: '65016.2' } },
        'BTCUSDT',
      ),
    ).toEqual({ kind: 'ignore' });
  });

  it('ignores acknowledgements and pongs; reports refusals', () => {
    const ack = { success: true, ret_msg: '', conn_id: 'a1b2c3', req_id: '', op: 'subscribe' };
    const pong = { success: true, ret_msg: 'pong', conn_id: 'a1b2c3', req_id: '', op: 'ping' };
    expect(feed.parseStream(ack, 'BTCUSDT')).toEqual({ kind: 'ignore' });
    expect(feed.parseStream(pong, 'BTCUSDT')).toEqual({ kind: 'ignore' });
    expect(feed.parseStream({ op: 'pong', args: ['1795485601000'], conn_id: 'a1b2c3' }, 'BTCUSDT')).toEqual({
      kind: 'ignore',
    });
    expect(
      feed.parseStream({ ...ack, success: false, ret_msg: 'error:handler not found,topic:tickers.BTCUSDX' }, 'BTCUSDT'),
    ).toEqual({
      kind: 'refused',
      reason: 'Bybit refused the subscribe: error:handler not found,topic:tickers.BTCUSDX',
    });
  });

  it.each<[string, unknown]>([
    ['another symbol', { ...snapshot, topic: 'tickers.ETHUSDT', data: { ...snapshot.data, symbol: 'ETHUSDT' } }],
    ['a topic naming us with data of another symbol', { ...delta, data: { ...delta.data, symbol: 'ETHUSDT' } }],
    ['another channel', { ...snapshot, topic: 'orderbook.50.BTCUSDT' }],
    ['a snapshot without markPrice', { ...snapshot, data: { ...snapshot.data, markPrice: undefined } }],
    ['a negative mark price', { ...delta, data: { symbol: 'BTCUSDT', markPrice: '-65015.75' } }],
    ['a mark price as a number', { ...delta, data: { symbol: 'BTCUSDT', markPrice: 65015.75 } }],
    ['an empty mark price', { ...delta, data: { symbol: 'BTCUSDT', markPrice: '' } }],
    ['an unknown type', { ...delta, type: 'update' }],
    ['ts as text', { ...delta, ts: '1795485601100' }],
    ['data as an array', { ...delta, data: [delta.data] }],
    ['an op answer without success', { op: 'subscribe', ret_msg: '' }],
    ['an array', [1, 2]],
    ['null', null],
  ])('malformed: %s', (_, message) => {
    expect(feed.parseStream(JSON.parse(JSON.stringify(message)), 'BTCUSDT').kind).toBe('malformed');
  });
});
