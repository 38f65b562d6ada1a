// planQuote: form + market snapshot + settings → engine input, with the staleness rules
// the overlay and the badge both rely on.
import { describe, expect, it } from 'vitest';
import { quoteJson } from '../src/core/quote';
import { DEFAULT_SETTINGS, parseSettings } from '../src/settings/settings';
import { bundledFacts } from '../src/venues/bundled-facts';
import { planQuote } from '../src/venues/quote-input';
import type { MarketSnapshot, OrderForm } from '../src/venues/types';

const NOW = 1_800_000_000_000;
const form: OrderForm = {
  venue: 'binance-usdm',
  symbol: 'BTCUSDT',
  side: 'both',
  type: 'limit',
  marginMode: 'isolated',
  price: '65000',
  size: { unit: 'base', value: '0.1' },
  leverage: '20',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: '10000',
};
const snapshot = (ageMs: number, extra: Partial<MarketSnapshot['figures']> = {}): MarketSnapshot => ({
  venue: 'binance-usdm',
  symbol: 'BTCUSDT',
  status: 'live',
  lastError: null,
  figures: { markPrice: { value: '65010.2', receivedAt: NOW - ageMs, exchangeTime: null, source: 'stream' }, ...extra },
});

describe('planQuote', () => {
  it('uses a live mark and the limit price', () => {
    const plan = planQuote(form, 'long', snapshot(1000), DEFAULT_SETTINGS, NOW);
    expect(plan.markState).toBe('live');
    expect(plan.priceBasis).toBe('limit');
    expect(plan.markAgeMs).toBe(1000);
    expect(plan.input).toMatchObject({
      venue: 'binance-usdm',
      marginMode: 'isolated',
      order: { side: 'long', price: '65000', quantity: '0.1', leverage: '20' },
      market: { markPrice: '65010.2' },
    });
    expect((quoteJson(plan.input, bundledFacts()) as any).error).toBeUndefined();
  });

  it('leaves a stale mark out of the engine input and says so', () => {
    const plan = planQuote(form, 'short', snapshot(16_000), DEFAULT_SETTINGS, NOW);
    expect(plan.markState).toBe('stale');
    expect(plan.staleFigures).toContain('markPrice');
    expect((plan.input as any).market.markPrice).toBeUndefined();
  });

  it('prices a market order at the mark; at a stale mark it is flagged; without any mark there is no input', () => {
    const market = { ...form, type: 'market' as const, price: null };
    expect(planQuote(market, 'long', snapshot(500), DEFAULT_SETTINGS, NOW)).toMatchObject({
      priceBasis: 'mark',
      input: { order: { price: '65010.2' } },
    });
    expect(planQuote(market, 'long', snapshot(60_000), DEFAULT_SETTINGS, NOW)).toMatchObject({
      priceBasis: 'stale-mark',
      markState: 'stale',
      input: { order: { price: '65010.2' } },
    });
    expect(planQuote(market, 'long', null, DEFAULT_SETTINGS, NOW)).toMatchObject({
      priceBasis: 'none',
      markState: 'missing',
      input: null,
    });
  });

  it('converts a size typed in the quote currency at the entry price', () => {
    const plan = planQuote(
      { ...form, size: { unit: 'quote', value: '6500' } },
      'long',
      snapshot(0),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect((plan.input as any).order.quantity).toBe('0.1');
  });

  it('cross margin takes the balance the user entered, never the page\'s "available" figure', () => {
    const cross = { ...form, marginMode: 'cross' as const };
    const without = planQuote(cross, 'long', snapshot(0), DEFAULT_SETTINGS, NOW);
    expect(without.needsBalance).toBe(true);
    expect((without.input as any).account).toBeUndefined();
    const settings = parseSettings({ accountBalance: { 'binance-usdm': '12000' } });
    expect((planQuote(cross, 'long', snapshot(0), settings, NOW).input as any).account).toEqual({
      walletBalance: '12000',
    });
  });

  it('ignores a snapshot for another symbol', () => {
    const other = { ...snapshot(0), symbol: 'ETHUSDT' };
    expect(planQuote(form, 'long', other, DEFAULT_SETTINGS, NOW).markState).toBe('missing');
  });

  it('passes fresh funding and drops stale funding', () => {
    const fresh = planQuote(
      form,
      'long',
      snapshot(0, { fundingRate: { value: '0.0001', receivedAt: NOW - 60_000, exchangeTime: null, source: 'rest' } }),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect((fresh.input as any).market.fundingRate).toBe('0.0001');
    const stale = planQuote(
      form,
      'long',
      snapshot(0, {
        fundingRate: { value: '0.0001', receivedAt: NOW - 3_600_000, exchangeTime: null, source: 'rest' },
      }),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(stale.staleFigures).toEqual(['fundingRate']);
  });

  it('carries the user limits and stop-loss into the engine input', () => {
    const settings = parseSettings({ minLiquidationDistance: '0.2', maxLeverage: '10' });
    const plan = planQuote({ ...form, stopLoss: '60000' }, 'long', snapshot(0), settings, NOW);
    const quote = quoteJson(plan.input, bundledFacts()) as any;
    const codes = quote.warnings.map((w: any) => w.code);
    expect(codes).toEqual(
      expect.arrayContaining(['LIQUIDATION_NEAR', 'LEVERAGE_ABOVE_PERSONAL_MAX', 'LIQ_BEYOND_STOP']),
    );
  });
});

describe('parseSettings', () => {
  it('replaces bad values by defaults and drops unknown keys', () => {
    expect(
      parseSettings({
        guardEnabled: 'no',
        minLiquidationDistance: 'NaN',
        holdHours: '-1',
        maxLeverage: '0.5',
        accountBalance: { 'binance-usdm': '-5', nope: '1' },
        extra: 1,
      }),
    ).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
  });
});
