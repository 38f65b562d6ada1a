// Hyperliquid feed: info API (metaAndAssetCtxs, meta) and the activeAssetCtx stream, against the
// saved fixtures in src/venues/hyperliquid/fixtures/api/ and spoiled variants of them.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/decimal';
import { feedFor } from '../../../src/venues/feeds';
import { feed } from '../../../src/venues/hyperliquid/feed';
import { maintenanceRate } from '../../../src/venues/hyperliquid/margin-tables';
import { priceStepAt } from '../../../src/venues/hyperliquid/price-step-at';
import type { ParseResult } from '../../../src/venues/feed-types';
import { fixture } from '../../background/fakes';

type Json = any;
const clone = <T>(v: T): T => structuredClone(v);
const load = (name: string): Json => fixture('hyperliquid', name);

const contexts = load('meta-and-asset-ctxs.json');
const meta = load('meta.json');
const wsCtx = load('ws-active-asset-ctx.json');

const fig = (value: string) => ({ value, exchangeTime: null });
const BTC_TIERS = {
  basis: 'notional',
  rows: [
    { floor: '0', cap: '150000000', maintenanceMarginRate: '0.0125', maintenanceAmount: null, maxLeverage: '40' },
    { floor: '150000000', cap: null, maintenanceMarginRate: '0.025', maintenanceAmount: null, maxLeverage: '20' },
  ],
};

const rejected = (result: ParseResult) => (result.ok ? 'accepted' : result.reason);

describe('hyperliquid feed: endpoints', () => {
  it('is the registry feed for venue hyperliquid', () => {
    expect(feedFor('hyperliquid')).toBe(feed);
  });

  it('asks the one info endpoint by POST body, the stream by subscription', () => {
    expect(feed.endpoints.mark).toMatchObject({ base: 'https://api.hyperliquid.xyz/info' });
    expect(feed.endpoints.mark.postBody?.('BTC')).toEqual({ type: 'metaAndAssetCtxs' });
    expect(feed.endpoints.facts).toMatchObject({ base: 'https://api.hyperliquid.xyz/info' });
    expect(feed.endpoints.facts.postBody?.('BTC')).toEqual({ type: 'meta' });
    expect(feed.endpoints.stream).toEqual({ base: 'wss://api.hyperliquid.xyz/ws' });
    expect(feed.subscribe(['ETH', 'kPEPE'], 1).map((m) => JSON.parse(m))).toEqual([
      { method: 'subscribe', subscription: { type: 'activeAssetCtx', coin: 'ETH' } },
      { method: 'subscribe', subscription: { type: 'activeAssetCtx', coin: 'kPEPE' } },
    ]);
    expect(feed.unsubscribe(['ETH'], 2).map((m) => JSON.parse(m))).toEqual([
      { method: 'unsubscribe', subscription: { type: 'activeAssetCtx', coin: 'ETH' } },
    ]);
    expect(feed.streamSymbol({ channel: 'activeAssetCtx', data: { coin: 'ETH', ctx: {} } })).toBe('ETH');
    expect(
      feed.streamSymbol({
        channel: 'subscriptionResponse',
        data: { subscription: { type: 'activeAssetCtx', coin: 'ETH' } },
      }),
    ).toBe('ETH');
    expect(feed.streamSymbol({ channel: 'pong' })).toBeNull();
    expect(
      feed.streamSymbol({ channel: 'error', data: 'Invalid subscription {"type":"activeAssetCtx","coin":"XYZ"}' }),
    ).toBe('XYZ');
    expect(feed.streamSymbol({ channel: 'error', data: 'Invalid subscription' })).toBeNull();
    expect(feed.heartbeat).toEqual({ everyMs: 50_000, message: '{"method":"ping"}' });
    expect(feed.quoteAsset('BTC')).toBe('USDC');
  });

  it('accepts perp coin names only', () => {
    for (const ok of ['BTC', 'ETH', 'kPEPE', '1INCH']) expect(feed.symbolPattern.test(ok), ok).toBe(true);
    for (const bad of ['btc', 'PURR/USDC', '@107', 'xyz:TSLA', 'BTC-USD', '', 'KPEPE ', 'ABCDEFGHIJKLMNOPQ'])
      expect(feed.symbolPattern.test(bad), bad).toBe(false);
  });
});

describe('hyperliquid feed: metaAndAssetCtxs (mark)', () => {
  it('reads markPx (not oraclePx), the hourly funding rate, maxLeverage and the margin table', () => {
    expect(feed.parseMark(contexts, 'BTC')).toEqual({
      ok: true,
      figures: {
        maxLeverage: fig('40'),
        sizeStep: fig('0.00001'),
        markPrice: fig('65010'),
        fundingRate: fig('0.0000125'),
        tickSize: fig('1'),
      },
      tiers: BTC_TIERS,
    });
  });

  it('picks the context by the coin position in the universe', () => {
    expect(feed.parseMark(contexts, 'SOL')).toMatchObject({
      ok: true,
      figures: { markPrice: fig('148.2'), fundingRate: fig('0.0000083'), maxLeverage: fig('20') },
    });
    const eth = feed.parseMark(contexts, 'ETH');
    expect(eth).toMatchObject({
      ok: true,
      figures: { markPrice: fig('3501.3'), fundingRate: fig('-0.0000042'), maxLeverage: fig('25') },
    });
    // 1 / (2 × 15) does not terminate: the engine's own division, to its 40 digits.
    expect(eth.ok && eth.tiers?.rows[1]?.maintenanceMarginRate).toBe(new Dec(1).div(30).toFixed());
    expect(feed.parseMark(contexts, 'kPEPE')).toMatchObject({ ok: true, figures: { markPrice: fig('0.011004') } });
  });

  it('a coin on a single-tier table the response does not list: no tiers (maxLeverage alone says it)', () => {
    const body = clone(contexts);
    body[0].universe[0].marginTableId = 40;
    const result = feed.parseMark(body, 'BTC');
    expect(result.ok && result.tiers).toBeUndefined();
    expect(result).toMatchObject({ ok: true, figures: { maxLeverage: fig('40') } });
  });

  it('a response without marginTables (or without marginTableId): figures without tiers', () => {
    const noTables = clone(contexts);
    delete noTables[0].marginTables;
    expect(feed.parseMark(noTables, 'BTC')).toEqual({
      ok: true,
      figures: {
        maxLeverage: fig('40'),
        sizeStep: fig('0.00001'),
        markPrice: fig('65010'),
        fundingRate: fig('0.0000125'),
        tickSize: fig('1'),
      },
    });
    const noId = clone(contexts);
    delete noId[0].universe[0].marginTableId;
    expect(feed.parseMark(noId, 'BTC')).not.toHaveProperty('tiers');
  });

  it.each<[string, (b: Json) => void]>([
    ['not a pair', (b) => b.pop()],
    ['an empty array', (b) => (b.length = 0)],
    ['no universe', (b) => delete b[0].universe],
    ['contexts shifted (one missing)', (b) => b[1].splice(1, 1)],
    ['markPx missing', (b) => delete b[1][0].markPx],
    ['markPx as a number', (b) => (b[1][0].markPx = 65010)],
    ['markPx zero', (b) => (b[1][0].markPx = '0.0')],
    ['markPx with a comma', (b) => (b[1][0].markPx = '65,010.0')],
    ['markPx in exponent notation', (b) => (b[1][0].markPx = '6.501e4')],
    ['markPx with a plus sign', (b) => (b[1][0].markPx = '+65010.0')],
    ['funding in exponent notation', (b) => (b[1][0].funding = '1.25e-5')],
    ['funding missing', (b) => delete b[1][0].funding],
    ['funding of 100 %', (b) => (b[1][0].funding = '1.0')],
    ['maxLeverage as a string', (b) => (b[0].universe[0].maxLeverage = '40')],
    ['maxLeverage zero', (b) => (b[0].universe[0].maxLeverage = 0)],
    ['maxLeverage fractional', (b) => (b[0].universe[0].maxLeverage = 40.5)],
    ['coin listed twice', (b) => b[0].universe.push(clone(b[0].universe[0]))],
    ['coin not listed', (b) => (b[0].universe[0].name = 'XBT')],
    ['coin delisted', (b) => (b[0].universe[0].isDelisted = true)],
    ['isDelisted not a boolean', (b) => (b[0].universe[0].isDelisted = 'false')],
    ['a universe entry without a name', (b) => delete b[0].universe[2].name],
    ['marginTables not an array', (b) => (b[0].marginTables = {})],
    ['a margin table entry not a pair', (b) => (b[0].marginTables[0] = [50])],
    ['the coin table listed twice', (b) => b[0].marginTables.push(clone(b[0].marginTables[4]))],
    ['marginTableId not an id', (b) => (b[0].universe[0].marginTableId = '56')],
    ['tiers out of order', (b) => b[0].marginTables[4][1].marginTiers.reverse()],
    ['tiers not starting at 0', (b) => (b[0].marginTables[4][1].marginTiers[0].lowerBound = '10.0')],
    ['a tier bound not a decimal string', (b) => (b[0].marginTables[4][1].marginTiers[1].lowerBound = 150000000)],
    ['leverage not falling tier by tier', (b) => (b[0].marginTables[4][1].marginTiers[1].maxLeverage = 40)],
    ['no tiers', (b) => (b[0].marginTables[4][1].marginTiers = [])],
    ['a table allowing more than the coin', (b) => (b[0].universe[0].maxLeverage = 20)],
  ])('rejects a body with %s', (_, spoil) => {
    const body = clone(contexts);
    spoil(body);
    expect(rejected(feed.parseMark(body, 'BTC'))).not.toBe('accepted');
  });

  it('gives the price step at the mark: 5 significant figures, at most 6 − szDecimals decimals', () => {
    const tick = (coin: string) => {
      const result = feed.parseMark(contexts, coin);
      return result.ok ? result.figures.tickSize?.value : 'rejected';
    };
    // BTC (szDecimals 5) at 65010: five figures leave no decimals; ETH (4) at 3501.3: one.
    expect(tick('BTC')).toBe('1');
    expect(tick('ETH')).toBe('0.1');
    // SOL (2) at 148.2: 148.xx; HPOS (0) at 14.3161: 14.xxx; kPEPE (0) at 0.011004: six decimals at most.
    expect(tick('SOL')).toBe('0.01');
    expect(tick('HPOS')).toBe('0.001');
    expect(tick('kPEPE')).toBe('0.000001');
  });

  it('the decimals cap wins where five figures would allow finer steps', () => {
    expect(priceStepAt('0.0012345', 0)).toBe('0.000001');
    expect(priceStepAt('0.012345', 1)).toBe('0.00001');
    expect(priceStepAt('3.5', 5)).toBe('0.1');
    expect(priceStepAt('1234.5', 0)).toBe('0.1');
    // Integer prices are always allowed: never coarser than 1, however many figures.
    expect(priceStepAt('123456', 0)).toBe('1');
    expect(priceStepAt('9999.9', 0)).toBe('0.1');
    expect(priceStepAt('10000', 0)).toBe('1');
  });

  it('keeps the other figures of a universe entry without szDecimals', () => {
    const body = clone(contexts);
    delete body[0].universe[0].szDecimals;
    const result = feed.parseMark(body, 'BTC');
    expect(result.ok && Object.keys(result.figures).sort()).toEqual(['fundingRate', 'markPrice', 'maxLeverage']);
  });

  it.each<[string, unknown]>([
    ['szDecimals as text', '5'],
    ['fractional szDecimals', 2.5],
    ['negative szDecimals', -1],
    ['szDecimals above 6 (no decimals left for the price)', 7],
  ])('rejects a body with %s', (_, szDecimals) => {
    const body = clone(contexts);
    body[0].universe[0].szDecimals = szDecimals;
    expect(rejected(feed.parseMark(body, 'BTC'))).toMatch(/^szDecimals is not a whole number of decimals \(0–6\)$/);
  });

  it('names the reason without echoing the payload', () => {
    const body = clone(contexts);
    body[0].universe[0].isDelisted = true;
    expect(feed.parseMark(body, 'BTC')).toEqual({ ok: false, reason: 'coin is delisted' });
    expect(feed.parseMark({ error: 'x'.repeat(500) }, 'BTC')).toEqual({ ok: false, reason: 'body is not an array' });
  });

  it('a delisted coin elsewhere in the universe does not matter', () => {
    expect(meta.universe[3]).toMatchObject({ name: 'LOOM', isDelisted: true });
    expect(feed.parseMark(contexts, 'BTC').ok).toBe(true);
    expect(rejected(feed.parseMark(contexts, 'LOOM'))).toBe('coin is delisted');
  });
});

describe('hyperliquid feed: meta (facts)', () => {
  it('reads maxLeverage, the hourly funding interval and the margin table', () => {
    expect(feed.parseFacts(meta, 'BTC')).toEqual({
      ok: true,
      figures: { maxLeverage: fig('40'), sizeStep: fig('0.00001'), fundingIntervalHours: fig('1') },
      tiers: BTC_TIERS,
    });
  });

  it('SOL and kPEPE tables', () => {
    const sol = feed.parseFacts(meta, 'SOL');
    expect(sol.ok && sol.tiers?.rows.map((r) => [r.floor, r.cap, r.maintenanceMarginRate])).toEqual([
      ['0', '70000000', '0.025'],
      ['70000000', null, '0.05'],
    ]);
    const pepe = feed.parseFacts(meta, 'kPEPE');
    expect(pepe.ok && pepe.tiers?.rows.map((r) => [r.floor, r.cap, r.maintenanceMarginRate, r.maxLeverage])).toEqual([
      ['0', '3000000', '0.05', '10'],
      ['3000000', null, '0.1', '5'],
    ]);
  });

  it('a single-tier coin without a listed table: maxLeverage only', () => {
    expect(feed.parseFacts(meta, 'HPOS')).toEqual({
      ok: true,
      figures: { maxLeverage: fig('3'), sizeStep: fig('1'), fundingIntervalHours: fig('1') },
    });
  });

  it.each<[string, (b: Json) => void]>([
    ['no universe', (b) => delete b.universe],
    ['coin delisted', (b) => (b.universe[0].isDelisted = true)],
    ['maxLeverage above 200', (b) => (b.universe[0].maxLeverage = 1000)],
    ['a tier leverage missing', (b) => delete b.marginTables[4][1].marginTiers[0].maxLeverage],
  ])('rejects a body with %s', (_, spoil) => {
    const body = clone(meta);
    spoil(body);
    expect(feed.parseFacts(body, 'BTC').ok).toBe(false);
  });

  it('MMR = 1 / (2 × max leverage)', () => {
    expect([50, 40, 25, 20, 10, 5, 3].map(maintenanceRate)).toEqual([
      '0.01',
      '0.0125',
      '0.02',
      '0.025',
      '0.05',
      '0.1',
      new Dec(1).div(6).toFixed(),
    ]);
  });
});

describe('hyperliquid feed: activeAssetCtx stream', () => {
  it('data → mark and funding', () => {
    expect(feed.parseStream(wsCtx, 'BTC')).toEqual({
      kind: 'figures',
      figures: { markPrice: fig('65012'), fundingRate: fig('0.0000125') },
    });
  });

  it('acknowledgement and pong → ignore', () => {
    expect(feed.parseStream(load('ws-subscription-response.json'), 'BTC')).toEqual({ kind: 'ignore' });
    expect(feed.parseStream({ channel: 'pong' }, 'BTC')).toEqual({ kind: 'ignore' });
  });

  it('error channel → refused, with the exchange text made safe', () => {
    const event = feed.parseStream(load('ws-error.json'), 'NOPE');
    expect(event.kind).toBe('refused');
    expect(event.kind === 'refused' && event.reason).toMatch(
      /^Hyperliquid refused the subscription: Invalid subscription/,
    );
    const hostile = feed.parseStream({ channel: 'error', data: `\u0007${'x'.repeat(300)}` }, 'BTC');
    expect(hostile.kind === 'refused' && hostile.reason.length).toBeLessThan(140);
  });

  it.each<[string, unknown]>([
    ['another coin', { ...wsCtx, data: { ...wsCtx.data, coin: 'ETH' } }],
    ['markPx missing', { ...wsCtx, data: { ...wsCtx.data, ctx: { ...wsCtx.data.ctx, markPx: undefined } } }],
    ['markPx negative', { ...wsCtx, data: { ...wsCtx.data, ctx: { ...wsCtx.data.ctx, markPx: '-1' } } }],
    ['funding garbled', { ...wsCtx, data: { ...wsCtx.data, ctx: { ...wsCtx.data.ctx, funding: '1e' } } }],
    ['markPx in exponent notation', { ...wsCtx, data: { ...wsCtx.data, ctx: { ...wsCtx.data.ctx, markPx: '6.4e4' } } }],
    ['markPx as a JSON number', { ...wsCtx, data: { ...wsCtx.data, ctx: { ...wsCtx.data.ctx, markPx: 65012 } } }],
    ['no data', { channel: 'activeAssetCtx' }],
    ['a spot context', { channel: 'activeSpotAssetCtx', data: { coin: 'BTC', ctx: {} } }],
    ['an unknown channel', { channel: 'trades', data: [] }],
    ['not an object', 'Websocket connection established.'],
    ['an array', [wsCtx]],
  ])('%s → malformed', (_, message) => {
    expect(feed.parseStream(message, 'BTC').kind).toBe('malformed');
  });
});
