// OKX feed: endpoints, strict parsers against the saved fixtures in src/venues/okx-swap/fixtures/api/
// and spoiled variants of them, the WebSocket subscription and stream messages.
// The position-tier numbers in position-tiers.json are illustrative, in the documented shape.
import { describe, expect, it } from 'vitest';
import { feedFor } from '../../../src/venues/feeds';
import { feed } from '../../../src/venues/okx-swap/feed';
import { fixture } from '../../background/fakes';

type Json = any;
const clone = <T>(v: T): T => structuredClone(v);
const SYMBOL = 'BTC-USDT-SWAP';

const markPrice = fixture('okx-swap', 'mark-price.json') as Json;
const instruments = fixture('okx-swap', 'instruments.json') as Json;
const funding = fixture('okx-swap', 'funding-rate.json') as Json;
const tiers = fixture('okx-swap', 'position-tiers.json') as Json;
const errorBody = fixture('okx-swap', 'error.json') as Json;
const wsMark = fixture('okx-swap', 'ws-mark-price.json') as Json;
const wsFunding = fixture('okx-swap', 'ws-funding-rate.json') as Json;

const source = (name: string) => {
  const found = feed.moreFacts?.find((s) => s.name === name);
  if (!found) throw new Error(`no ${name} source`);
  return found;
};

describe('okx feed: registry, symbols and endpoints', () => {
  it('is the registered feed of okx-swap', () => {
    expect(feedFor('okx-swap')).toBe(feed);
    expect(feed.venue).toBe('okx-swap');
  });

  it('accepts USDT swap instIds only', () => {
    for (const good of ['BTC-USDT-SWAP', 'ETH-USDT-SWAP', '1000PEPE-USDT-SWAP'])
      expect(feed.symbolPattern.test(good), good).toBe(true);
    for (const bad of [
      'btc-usdt-swap',
      'BTC-USD-SWAP',
      'BTC-USDC-SWAP',
      'BTC-USDT',
      'BTC-USDT-250328',
      'BTCUSDT',
      'BTC-USDT-SWAP&x=1',
      '../BTC-USDT-SWAP',
    ]) {
      expect(feed.symbolPattern.test(bad), bad).toBe(false);
    }
    expect(feed.quoteAsset(SYMBOL)).toBe('USDT');
  });

  it('reads exactly the documented endpoints', () => {
    const { mark, facts, stream } = feed.endpoints;
    expect([mark.base, mark.query?.(SYMBOL)]).toEqual([
      'https://www.okx.com/api/v5/public/mark-price',
      { instType: 'SWAP', instId: SYMBOL },
    ]);
    expect([facts.base, facts.query?.(SYMBOL)]).toEqual([
      'https://www.okx.com/api/v5/public/instruments',
      { instType: 'SWAP', instId: SYMBOL },
    ]);
    expect(stream.base).toBe('wss://ws.okx.com:8443/ws/v5/public');
    expect(feed.moreFacts?.map((s) => [s.name, s.endpoint.base, s.endpoint.query?.(SYMBOL)])).toEqual([
      ['funding', 'https://www.okx.com/api/v5/public/funding-rate', { instId: SYMBOL }],
      [
        'tiers',
        'https://www.okx.com/api/v5/public/position-tiers',
        { instType: 'SWAP', tdMode: 'cross', instFamily: 'BTC-USDT' },
      ],
    ]);
    for (const spec of [mark, facts, stream, ...feed.moreFacts!.map((s) => s.endpoint)]) {
      expect(spec.pathSuffix).toBeUndefined();
      expect(spec.postBody).toBeUndefined();
    }
  });

  it('subscribes to mark price and funding rate, and pings every 20 s', () => {
    expect(feed.subscribe([SYMBOL, 'ETH-USDT-SWAP'], 1).map((m) => JSON.parse(m))).toEqual([
      {
        op: 'subscribe',
        args: [
          { channel: 'mark-price', instId: SYMBOL },
          { channel: 'funding-rate', instId: SYMBOL },
          { channel: 'mark-price', instId: 'ETH-USDT-SWAP' },
          { channel: 'funding-rate', instId: 'ETH-USDT-SWAP' },
        ],
      },
    ]);
    expect(feed.unsubscribe(['ETH-USDT-SWAP'], 2).map((m) => JSON.parse(m))).toEqual([
      {
        op: 'unsubscribe',
        args: [
          { channel: 'mark-price', instId: 'ETH-USDT-SWAP' },
          { channel: 'funding-rate', instId: 'ETH-USDT-SWAP' },
        ],
      },
    ]);
    expect(feed.streamSymbol({ arg: { channel: 'mark-price', instId: SYMBOL }, data: [] })).toBe(SYMBOL);
    expect(feed.streamSymbol({ event: 'error', code: '60012', msg: 'x' })).toBeNull();
    const wrong = "Wrong URL or channel:mark-price,instId:XYZ-USDT-SWAP doesn't exist. Please use the correct URL";
    expect(feed.streamSymbol({ event: 'error', code: '60018', msg: wrong })).toBe('XYZ-USDT-SWAP');
    expect(feed.streamSymbol('pong')).toBeNull();
    expect(feed.heartbeat).toEqual({ everyMs: 20_000, message: 'ping', reply: 'pong' });
  });
});

describe('okx feed: mark price', () => {
  it('reads markPx with its time', () => {
    expect(feed.parseMark(markPrice, SYMBOL)).toEqual({
      ok: true,
      figures: { markPrice: { value: '91234.5', exchangeTime: 1764000123456 } },
    });
  });

  it('passes OKX refusals on as the reason', () => {
    expect(feed.parseMark(errorBody, SYMBOL)).toEqual({
      ok: false,
      reason: 'OKX error 51001: Instrument ID does not exist',
    });
  });

  it.each<[string, (t: Json) => unknown]>([
    ['another instrument', (t) => ((t.data[0].instId = 'ETH-USDT-SWAP'), t)],
    ['another instrument type', (t) => ((t.data[0].instType = 'FUTURES'), t)],
    ['two rows', (t) => (t.data.push(t.data[0]), t)],
    ['no rows', (t) => ((t.data = []), t)],
    ['markPx as a number', (t) => ((t.data[0].markPx = 91234.5), t)],
    ['markPx empty', (t) => ((t.data[0].markPx = ''), t)],
    ['markPx zero', (t) => ((t.data[0].markPx = '0'), t)],
    ['markPx grouped', (t) => ((t.data[0].markPx = '91,234.5'), t)],
    ['ts as a number', (t) => ((t.data[0].ts = 1764000123456), t)],
    ['ts not digits', (t) => ((t.data[0].ts = '2025-11-24'), t)],
    ['code as a number', (t) => ((t.code = 0), t)],
    ['no code', (t) => (delete t.code, t)],
    ['data not an array', (t) => ((t.data = t.data[0]), t)],
    ['an array body', (t) => [t]],
  ])('rejects mark-price with %s', (_, spoil) => {
    expect(feed.parseMark(spoil(clone(markPrice)), SYMBOL).ok).toBe(false);
  });
});

describe('okx feed: instrument (contract value, max leverage, tick size)', () => {
  it('reads ctVal, lever and tickSz', () => {
    expect(feed.parseFacts(instruments, SYMBOL)).toEqual({
      ok: true,
      figures: {
        contractValue: { value: '0.01', exchangeTime: null },
        maxLeverage: { value: '100', exchangeTime: null },
        tickSize: { value: '0.1', exchangeTime: null },
        sizeStep: { value: '0.0001', exchangeTime: null },
        // minSz 0.01 contracts × ctVal 0.01 BTC
        minSize: { value: '0.0001', exchangeTime: null },
      },
    });
  });

  const tickOf = (spoil: (row: Json) => void) => {
    const body = clone(instruments);
    spoil(body.data[0]);
    const result = feed.parseFacts(body, SYMBOL);
    return result.ok ? (result.figures.tickSize?.value ?? null) : `rejected: ${result.reason}`;
  };

  it('reads the steps OKX lists (0.01, 0.5, 0.0001, 10)', () => {
    expect(tickOf((r) => (r.tickSz = '0.01'))).toBe('0.01');
    expect(tickOf((r) => (r.tickSz = '0.5'))).toBe('0.5');
    expect(tickOf((r) => (r.tickSz = '0.0001'))).toBe('0.0001');
    expect(tickOf((r) => (r.tickSz = '10'))).toBe('10');
  });

  it('keeps contract value and leverage from a row without tickSz, lotSz or minSz', () => {
    const body = clone(instruments);
    delete body.data[0].tickSz;
    delete body.data[0].lotSz;
    delete body.data[0].minSz;
    const result = feed.parseFacts(body, SYMBOL);
    expect(result.ok && Object.keys(result.figures).sort()).toEqual(['contractValue', 'maxLeverage']);
  });

  it.each<[string, (r: Json) => void, RegExp]>([
    ['a zero tick', (r) => (r.tickSz = '0'), /tickSz is out of range/],
    ['a negative tick', (r) => (r.tickSz = '-0.1'), /tickSz is out of range/],
    ['an exponent', (r) => (r.tickSz = '1e-2'), /tickSz is not a decimal string/],
    ['a number instead of a string', (r) => (r.tickSz = 0.1), /tickSz is not a decimal string/],
    ['an empty tickSz', (r) => (r.tickSz = ''), /tickSz is not a decimal string/],
    ['a step that is not a tick', (r) => (r.tickSz = '0.07'), /tickSz is not 1, 2, 2.5 or 5 times a power of ten/],
    ['a step far too coarse', (r) => (r.tickSz = '100000'), /tickSz is out of range/],
  ])('rejects instruments with %s', (_, spoil, reason) => {
    expect(tickOf(spoil)).toMatch(reason);
  });

  it.each<[string, (t: Json) => void]>([
    ['an inverse contract', (t) => (t.data[0].ctType = 'inverse')],
    ['a face value in USD', (t) => (t.data[0].ctValCcy = 'USD')],
    ['a face value in another coin', (t) => (t.data[0].ctValCcy = 'ETH')],
    ['settlement in USDC', (t) => (t.data[0].settleCcy = 'USDC')],
    ['a contract multiplier of 10', (t) => (t.data[0].ctMult = '10')],
    ['ctVal empty (instrument not yet listed)', (t) => (t.data[0].ctVal = '')],
    ['ctVal zero', (t) => (t.data[0].ctVal = '0')],
    ['ctVal negative', (t) => (t.data[0].ctVal = '-0.01')],
    ['lever below 1', (t) => (t.data[0].lever = '0.5')],
    ['lever missing', (t) => delete t.data[0].lever],
    ['another instrument', (t) => (t.data[0].instId = 'ETH-USDT-SWAP')],
    ['a refusal', (t) => Object.assign(t, { code: '50011', msg: 'Too Many Requests', data: [] })],
  ])('rejects instruments with %s', (_, spoil) => {
    const body = clone(instruments);
    spoil(body);
    expect(feed.parseFacts(body, SYMBOL).ok).toBe(false);
  });

  it('checks the face value currency against the requested instrument', () => {
    const eth = clone(instruments);
    Object.assign(eth.data[0], {
      instId: 'ETH-USDT-SWAP',
      instFamily: 'ETH-USDT',
      uly: 'ETH-USDT',
      ctVal: '0.1',
      ctValCcy: 'ETH',
      lever: '100',
      tickSz: '0.01',
    });
    expect(feed.parseFacts(eth, 'ETH-USDT-SWAP')).toEqual({
      ok: true,
      figures: {
        contractValue: { value: '0.1', exchangeTime: null },
        maxLeverage: { value: '100', exchangeTime: null },
        tickSize: { value: '0.01', exchangeTime: null },
        // lotSz 0.01 contracts × ctVal 0.1 ETH
        sizeStep: { value: '0.001', exchangeTime: null },
        minSize: { value: '0.001', exchangeTime: null },
      },
    });
    expect(feed.parseFacts(eth, SYMBOL).ok).toBe(false);
  });
});

describe('okx feed: funding rate', () => {
  it('reads the rate of the coming settlement, its time and the interval (nextFundingTime − fundingTime)', () => {
    const time = 1764000123456;
    expect(source('funding').parse(funding, SYMBOL)).toEqual({
      ok: true,
      figures: {
        fundingRate: { value: '0.0000182221218054', exchangeTime: time },
        nextFundingTime: { value: '1764028800000', exchangeTime: time },
        fundingIntervalHours: { value: '8', exchangeTime: time },
      },
    });
  });

  it.each([
    ['1h', 3_600_000, '1'],
    ['4h', 14_400_000, '4'],
    ['6h', 21_600_000, '6'],
  ] as const)('a %s interval', (_, gap, hours) => {
    const body = clone(funding);
    body.data[0].nextFundingTime = String(Number(body.data[0].fundingTime) + gap);
    const result = source('funding').parse(body, SYMBOL);
    expect(result.ok && result.figures.fundingIntervalHours?.value).toBe(hours);
  });

  it.each<[string, (t: Json) => void]>([
    ['nextFundingTime equal to fundingTime', (t) => (t.data[0].nextFundingTime = t.data[0].fundingTime)],
    ['nextFundingTime before fundingTime', (t) => (t.data[0].nextFundingTime = '1764000000000')],
    ['an interval of 7.5 h', (t) => (t.data[0].nextFundingTime = String(Number(t.data[0].fundingTime) + 27_000_000))],
    ['an interval of 48 h', (t) => (t.data[0].nextFundingTime = String(Number(t.data[0].fundingTime) + 172_800_000))],
    ['a funding rate of 150 %', (t) => (t.data[0].fundingRate = '1.5')],
    ['an empty funding rate', (t) => (t.data[0].fundingRate = '')],
    ['fundingTime as a number', (t) => (t.data[0].fundingTime = 1764028800000)],
    ['another instrument', (t) => (t.data[0].instId = 'ETH-USDT-SWAP')],
    ['a refusal', (t) => Object.assign(t, { code: '51001', msg: 'Instrument ID does not exist', data: [] })],
  ])('rejects funding-rate with %s', (_, spoil) => {
    const body = clone(funding);
    spoil(body);
    expect(source('funding').parse(body, SYMBOL).ok).toBe(false);
  });

  it('accepts a negative rate', () => {
    const body = clone(funding);
    body.data[0].fundingRate = '-0.00025';
    const result = source('funding').parse(body, SYMBOL);
    expect(result.ok && result.figures.fundingRate?.value).toBe('-0.00025');
  });
});

describe('okx feed: position tiers', () => {
  it('reads a contiguous table in contracts; each tier holds sizes up to its maxSz', () => {
    expect(source('tiers').parse(tiers, SYMBOL)).toEqual({
      ok: true,
      figures: {},
      tiers: {
        basis: 'contracts',
        rows: [
          { floor: '0', cap: '2000', maintenanceMarginRate: '0.004', maintenanceAmount: '0', maxLeverage: '100' },
          { floor: '2000', cap: '5000', maintenanceMarginRate: '0.005', maintenanceAmount: '0', maxLeverage: '75' },
          { floor: '5000', cap: '10000', maintenanceMarginRate: '0.0065', maintenanceAmount: '0', maxLeverage: '50' },
          { floor: '10000', cap: '50000', maintenanceMarginRate: '0.015', maintenanceAmount: '0', maxLeverage: '20' },
        ],
      },
    });
  });

  it('sorts tiers by number', () => {
    const body = clone(tiers);
    body.data.reverse();
    expect(source('tiers').parse(body, SYMBOL)).toEqual(source('tiers').parse(tiers, SYMBOL));
  });

  it('accepts bands that meet without a one-contract step', () => {
    const body = clone(tiers);
    body.data[1].minSz = '2000';
    const result = source('tiers').parse(body, SYMBOL);
    expect(result.ok && result.tiers?.rows[1]?.floor).toBe('2000');
  });

  it.each<[string, (t: Json) => void]>([
    ['another family', (t) => (t.data[2].instFamily = 'ETH-USDT')],
    ['a missing tier', (t) => t.data.splice(1, 1)],
    ['a duplicate tier', (t) => (t.data[3].tier = '3')],
    ['a tier number as a number', (t) => (t.data[0].tier = 1)],
    ['tier 1 not starting at 0', (t) => (t.data[0].minSz = '1')],
    ['a gap of more than a contract', (t) => (t.data[2].minSz = '5002')],
    ['overlapping bands', (t) => (t.data[2].minSz = '4000')],
    ['maxSz not above minSz', (t) => (t.data[1].maxSz = '2001')],
    ['a falling mmr', (t) => (t.data[2].mmr = '0.0045')],
    ['an mmr of 100 %', (t) => (t.data[3].mmr = '1')],
    ['a zero mmr', (t) => (t.data[0].mmr = '0')],
    ['a rising maxLever', (t) => (t.data[2].maxLever = '80')],
    ['an empty maxSz', (t) => (t.data[3].maxSz = '')],
    ['no tiers', (t) => (t.data = [])],
    ['a refusal', (t) => Object.assign(t, { code: '51000', msg: 'Parameter instFamily error', data: [] })],
  ])('rejects position-tiers with %s', (_, spoil) => {
    const body = clone(tiers);
    spoil(body);
    expect(source('tiers').parse(body, SYMBOL).ok).toBe(false);
  });
});

describe('okx feed: stream messages', () => {
  it('mark-price pushes → mark figure with the update time', () => {
    expect(feed.parseStream(wsMark, SYMBOL)).toEqual({
      kind: 'figures',
      figures: { markPrice: { value: '91240.1', exchangeTime: 1764000124000 } },
    });
  });

  it('funding-rate pushes → rate, settlement time and interval', () => {
    const time = 1764000180000;
    expect(feed.parseStream(wsFunding, SYMBOL)).toEqual({
      kind: 'figures',
      figures: {
        fundingRate: { value: '0.0000875', exchangeTime: time },
        nextFundingTime: { value: '1764028800000', exchangeTime: time },
        fundingIntervalHours: { value: '4', exchangeTime: time },
      },
    });
  });

  it('several rows in one push: all checked, the last one counts', () => {
    const msg = clone(wsMark);
    msg.data.push({ ...msg.data[0], markPx: '91241.7', ts: '1764000124200' });
    expect(feed.parseStream(msg, SYMBOL)).toEqual({
      kind: 'figures',
      figures: { markPrice: { value: '91241.7', exchangeTime: 1764000124200 } },
    });
    msg.data[0].markPx = '-1';
    expect(feed.parseStream(msg, SYMBOL).kind).toBe('malformed');
  });

  it('acknowledgements, notices and the pong are not data', () => {
    for (const ack of [
      { event: 'subscribe', arg: { channel: 'mark-price', instId: SYMBOL }, connId: 'a4d3ae55' },
      { event: 'unsubscribe', arg: { channel: 'funding-rate', instId: SYMBOL }, connId: 'a4d3ae55' },
      {
        event: 'notice',
        code: '64008',
        msg: 'The connection will soon be closed for a service upgrade. Please reconnect.',
        connId: 'a4d3ae55',
      },
      'pong',
    ]) {
      expect(feed.parseStream(ack, SYMBOL)).toEqual({ kind: 'ignore' });
    }
  });

  it('an error event refuses the subscription, without echoing more than a short text', () => {
    const refused = feed.parseStream(
      {
        event: 'error',
        code: '60012',
        msg: 'Invalid request: {"op": "subscribe", "argss":[…]}\u0000'.repeat(5),
        connId: 'a4d3ae55',
      },
      SYMBOL,
    );
    expect(refused.kind).toBe('refused');
    expect(refused.kind === 'refused' && refused.reason.startsWith('OKX error 60012: Invalid request')).toBe(true);
    expect(refused.kind === 'refused' && refused.reason.length).toBeLessThan(120);
  });

  it.each<[string, unknown]>([
    ['another instrument in arg', { ...wsMark, arg: { channel: 'mark-price', instId: 'ETH-USDT-SWAP' } }],
    ['another instrument in data', { ...wsMark, data: [{ ...wsMark.data[0], instId: 'ETH-USDT-SWAP' }] }],
    ['another instrument type', { ...wsMark, data: [{ ...wsMark.data[0], instType: 'FUTURES' }] }],
    ['an unsubscribed channel', { ...wsMark, arg: { channel: 'tickers', instId: SYMBOL } }],
    ['a price as a number', { ...wsMark, data: [{ ...wsMark.data[0], markPx: 91240.1 }] }],
    ['a price in exponent form', { ...wsMark, data: [{ ...wsMark.data[0], markPx: '9.12401e4x' }] }],
    ['a negative price', { ...wsMark, data: [{ ...wsMark.data[0], markPx: '-91240.1' }] }],
    ['no data', { arg: wsMark.arg, data: [] }],
    ['no arg', { data: wsMark.data }],
    ['an unknown event', { event: 'login', code: '0' }],
    [
      'a funding push with a 7 h 59 min interval',
      { ...wsFunding, data: [{ ...wsFunding.data[0], nextFundingTime: String(1764028800000 + 28_740_000) }] },
    ],
    ['null', null],
    ['an array', [wsMark]],
    ['other text', 'ping'],
  ])('rejects %s', (_, message) => {
    expect(feed.parseStream(message, SYMBOL).kind).toBe('malformed');
  });
});
