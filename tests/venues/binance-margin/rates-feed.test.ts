// Binance spot-margin borrow rates from the site's public rate tables (cross and isolated):
// the VIP 0 daily rate ÷ 24 of the asset each side borrows, checked whole, and the rate a
// quote then pays (its account's table, its side's asset), fresh or reported stale.
import { describe, expect, it } from 'vitest';
import { feed } from '../../../src/venues/binance-margin/feed';
import { crossRates, isolatedRates } from '../../../src/venues/binance-margin/rates';
import { borrowRateKey, liveBorrowRate } from '../../../src/venues/borrow-rate';
import { planQuote, withPlanNotes } from '../../../src/venues/quote-input';
import { quoteJsonSafe } from '../../../src/core/quote';
import { bundledFacts } from '../../../src/venues/bundled-facts';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings';
import type { MarketSnapshot, OrderForm } from '../../../src/venues/types';
import { fixture } from '../../background/fakes';

type Json = any;
const cross = (): Json => structuredClone(fixture('binance-margin', 'rates-cross.json'));
const isolated = (): Json => structuredClone(fixture('binance-margin', 'rates-isolated.json'));
const source = (name: string) => feed.moreFacts!.find((s) => s.name === name)!;

describe('cross-margin rate table', () => {
  it("gives a long the quote asset's VIP 0 rate and a short the base asset's, daily ÷ 24", () => {
    // USDT 0.00028800 a day → 0.000012 an hour; BTC 0.00014400 → 0.000006.
    expect(source('rates-cross').parse(cross(), 'BTCUSDT')).toEqual({
      ok: true,
      figures: {
        borrowRateCrossLong: { value: '0.000012', exchangeTime: null },
        borrowRateCrossShort: { value: '0.000006', exchangeTime: null },
      },
    });
  });

  it('splits pairs by their quote asset, longest first (FDUSD, not USD-like tails), and reads a pair quoted in BTC', () => {
    const body = cross();
    body.data.push({
      assetName: 'FDUSD',
      specs: [{ vipLevel: '0', dailyInterestRate: '0.00024000', borrowLimit: '1' }],
    });
    const fd = source('rates-cross').parse(body, 'BTCFDUSD');
    expect(fd.ok && fd.figures.borrowRateCrossLong?.value).toBe('0.00001');
    const ethBtc = source('rates-cross').parse(cross(), 'ETHBTC');
    expect(
      ethBtc.ok && [ethBtc.figures.borrowRateCrossLong?.value, ethBtc.figures.borrowRateCrossShort?.value],
    ).toEqual(['0.000006', '0.000007']);
  });

  it('leaves out the side whose asset Binance does not lend, and refuses a pair with neither', () => {
    const body = cross();
    body.data = body.data.filter((row: Json) => row.assetName !== 'BTC');
    const result = crossRates(body, 'BTCUSDT', () => ({ base: 'BTC', quote: 'USDT' }));
    expect(result).toEqual({ ok: true, figures: { borrowRateCrossLong: { value: '0.000012', exchangeTime: null } } });
    expect(crossRates(cross(), 'XYZABC', () => ({ base: 'XYZ', quote: 'ABC' }))).toEqual({
      ok: false,
      reason: "neither XYZ nor ABC is in Binance's cross-margin rate table",
    });
  });

  it('reads a VIP level written as a number the same as text', () => {
    const body = cross();
    for (const row of body.data) for (const spec of row.specs) spec.vipLevel = Number(spec.vipLevel);
    expect(source('rates-cross').parse(body, 'BTCUSDT')).toEqual(source('rates-cross').parse(cross(), 'BTCUSDT'));
  });

  it.each<[string, (b: Json) => void, RegExp]>([
    [
      'an error wrapper',
      (b) => Object.assign(b, { code: '100001', success: false, data: null }),
      /code is not "000000"/,
    ],
    ['no data', (b) => delete b.data, /data is not an array/],
    ['an empty table', (b) => (b.data = []), /data has 0 rows/],
    ['an asset twice', (b) => b.data.push(structuredClone(b.data[0])), /lists BTC twice/],
    ['no VIP 0 row', (b) => (b.data[2].specs[0].vipLevel = '9'), /data\[2\]\.specs has 0 VIP 0 rows/],
    ['two VIP 0 rows', (b) => b.data[2].specs.push(structuredClone(b.data[2].specs[0])), /has 2 VIP 0 rows/],
    [
      'a rate as a number',
      (b) => (b.data[0].specs[0].dailyInterestRate = 0.000144),
      /dailyInterestRate is not a decimal string/,
    ],
    ['a negative rate', (b) => (b.data[0].specs[0].dailyInterestRate = '-0.00014400'), /out of range/],
    ['a rate of 20 % a day', (b) => (b.data[0].specs[0].dailyInterestRate = '0.20000000'), /is not a daily rate/],
    ['an asset name with markup', (b) => (b.data[1].assetName = '<b>ETH</b>'), /assetName is not an asset name/],
    ['a broken row of another asset', (b) => (b.data[4].specs = 'n/a'), /data\[4\]\.specs is not an array/],
  ])('rejects the whole table with %s', (_, spoil, reason) => {
    const body = cross();
    spoil(body);
    const result = source('rates-cross').parse(body, 'BTCUSDT');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('isolated-margin rate table', () => {
  it("gives the pair's own base and quote rates (they differ from the cross table)", () => {
    expect(isolatedRates(isolated(), 'BTCUSDT')).toEqual({
      ok: true,
      figures: {
        borrowRateIsolatedLong: { value: '0.000015', exchangeTime: null },
        borrowRateIsolatedShort: { value: '0.000005', exchangeTime: null },
      },
    });
    const bnbBtc = isolatedRates(isolated(), 'BNBBTC');
    expect(bnbBtc.ok && bnbBtc.figures.borrowRateIsolatedShort?.value).toBe('0.00002');
  });

  it('refuses a pair that is not open to isolated margin', () => {
    expect(isolatedRates(isolated(), 'SOLUSDT')).toEqual({
      ok: false,
      reason: "SOLUSDT is not in Binance's isolated-margin rate table",
    });
  });

  it.each<[string, (b: Json) => void, RegExp]>([
    ['a pair twice', (b) => b.data.push(structuredClone(b.data[0])), /lists BTCUSDT twice/],
    [
      'a side without levels',
      (b) => delete b.data[1].quote.levelDetails,
      /data\[1\]\.quote\.levelDetails is not an array/,
    ],
    ['no base', (b) => delete b.data[0].base, /data\[0\]\.base is not an object/],
    [
      'a level keyed like the cross table',
      (b) => (b.data[0].base.levelDetails = [{ vipLevel: '0', interestRate: '0.0001' }]),
      /has 0 VIP 0 rows/,
    ],
    [
      'a rate with an exponent',
      (b) => (b.data[0].quote.levelDetails[0].interestRate = '3.6e-4'),
      /interestRate is not a decimal string/,
    ],
  ])('rejects the whole table with %s', (_, spoil, reason) => {
    const body = isolated();
    spoil(body);
    const result = isolatedRates(body, 'BTCUSDT');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe('the rate a quote pays', () => {
  const NOW = 1_800_000_000_000;
  const figures = (receivedAt: number): MarketSnapshot['figures'] => ({
    markPrice: { value: '65000', receivedAt: NOW, exchangeTime: null, source: 'rest' },
    borrowRateCrossLong: { value: '0.000012', receivedAt, exchangeTime: null, source: 'rest' },
    borrowRateCrossShort: { value: '0.000006', receivedAt, exchangeTime: null, source: 'rest' },
    borrowRateIsolatedLong: { value: '0.000015', receivedAt, exchangeTime: null, source: 'rest' },
    borrowRateIsolatedShort: { value: '0.000005', receivedAt, exchangeTime: null, source: 'rest' },
  });
  const snapshot = (receivedAt: number): MarketSnapshot => ({
    venue: 'binance-margin',
    symbol: 'BTCUSDT',
    figures: figures(receivedAt),
    status: 'live',
    lastError: null,
  });

  it("is its account's table for its side's asset", () => {
    const s = snapshot(NOW - 5 * 60_000);
    expect(liveBorrowRate(s, 'cross', 'long', NOW).rate?.value).toBe('0.000012');
    expect(liveBorrowRate(s, 'cross', 'short', NOW).rate?.value).toBe('0.000006');
    expect(liveBorrowRate(s, 'isolated', 'long', NOW).rate?.value).toBe('0.000015');
    expect(liveBorrowRate(s, 'isolated', 'short', NOW).rate).toMatchObject({ value: '0.000005', ageMs: 300_000 });
  });

  it('is not used after two hours (Binance sets a new rate every hour): reported stale instead', () => {
    expect(liveBorrowRate(snapshot(NOW - 2 * 3_600_000), 'cross', 'long', NOW).rate).not.toBeNull();
    expect(liveBorrowRate(snapshot(NOW - 2 * 3_600_000 - 1), 'cross', 'long', NOW)).toEqual({
      rate: null,
      stale: 'borrowRateCrossLong',
    });
    expect(liveBorrowRate(null, 'isolated', 'short', NOW)).toEqual({ rate: null, stale: null });
    expect(borrowRateKey('isolated', 'short')).toBe('borrowRateIsolatedShort');
  });

  const form = (marginMode: 'cross' | 'isolated', side: 'long' | 'short'): OrderForm =>
    ({
      venue: 'binance-margin',
      symbol: 'BTCUSDT',
      side,
      type: 'limit',
      price: '65000',
      size: { value: '0.1', unit: 'base' },
      leverage: '3',
      marginMode,
      marginEnabled: true,
      stopLoss: null,
      takeProfit: null,
      availableBalance: null,
      account: null,
    }) as unknown as OrderForm;
  const settings = { ...DEFAULT_SETTINGS, holdHours: '10', accountBalance: { 'binance-margin': '10000' } };

  it('prices the interest of the quote with the live rate and says where it came from', () => {
    const plan = planQuote(form('isolated', 'long'), 'long', snapshot(NOW - 120_000), settings, NOW);
    expect((plan.input!.market as Json).borrowRatePerHour).toBe('0.000015');
    const result = withPlanNotes(plan, quoteJsonSafe(plan.input!, bundledFacts())) as Json;
    // Long 0.1 @ 65,000 at 3×: borrows 6,500 − 2,166.67 USDT; 10 charged hours at 0.0015 %.
    expect(Number(result.carry.perPeriod)).toBeCloseTo((6500 - 6500 / 3) * 0.000015, 9);
    expect(result.assumptions[0]).toBe(
      "hourly borrow rate 0.000015 of the quote asset a long borrows, from Binance's public isolated-margin rate table (VIP 0 daily rate ÷ 24, 2 min old; a VIP level pays less)",
    );
    expect(result.assumptions.join(' ')).not.toMatch(/borrow rate [0-9.]+ of the [a-z ]+, from bundled/);
  });

  it('falls back to the bundled example rate (and says so) when the live one is stale', () => {
    const plan = planQuote(form('cross', 'short'), 'short', snapshot(NOW - 3 * 3_600_000), settings, NOW);
    expect(plan.staleFigures).toContain('borrowRateCrossShort');
    expect((plan.input!.market as Json).borrowRatePerHour).toBeUndefined();
    const result = withPlanNotes(plan, quoteJsonSafe(plan.input!, bundledFacts())) as Json;
    expect(result.assumptions.join(' ')).toMatch(
      /hourly borrow rate 0\.00000571 of the base asset a short borrows, from bundled binance-margin BTCUSDT facts/,
    );
  });
});
