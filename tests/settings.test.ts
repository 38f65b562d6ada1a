// Settings as stored in storage.sync: every field validated on read, strict export/import.
import { describe, expect, it } from 'vitest';
import { VENUES } from '../src/core/types';
import {
  DEFAULT_SETTINGS,
  exportSettings,
  importSettings,
  parseSettings,
  settingsProblems,
  type Settings,
} from '../src/settings/settings';
import { planQuote } from '../src/venues/quote-input';
import type { OrderForm } from '../src/venues/types';

const custom: Settings = {
  ...DEFAULT_SETTINGS,
  guardEnabled: false,
  minLiquidationDistance: '0.1',
  maxLeverage: '20',
  maxLossPercent: '2.5',
  holdHours: '72',
  accountBalance: { 'bybit-linear': '12000' },
  feeTiers: { 'okx-swap': { makerFeeRate: '0.0001', takerFeeRate: '0.0004' } },
  enabledVenues: { ...DEFAULT_SETTINGS.enabledVenues, hyperliquid: false },
  theme: 'dark',
};

describe('parseSettings', () => {
  it('defaults: every venue on, no loss limit, system theme', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(Object.keys(DEFAULT_SETTINGS.enabledVenues).sort()).toEqual([...VENUES].sort());
  });

  it('keeps valid values and replaces each bad one by its default', () => {
    expect(parseSettings(custom)).toEqual(custom);
    const bad = parseSettings({
      ...custom,
      maxLossPercent: '150',
      theme: 'neon',
      feeTiers: {
        'okx-swap': { makerFeeRate: '0.05', takerFeeRate: '0.0004' },
        nowhere: { makerFeeRate: '0', takerFeeRate: '0' },
      },
      enabledVenues: { hyperliquid: 'no', 'bybit-linear': false },
    });
    expect(bad.maxLossPercent).toBeNull();
    expect(bad.theme).toBe('page'); // the default: match the page (issue 12)
    expect(bad.feeTiers).toEqual({}); // a 5 % fee is a percent typed as a fraction: refused
    expect(bad.enabledVenues).toEqual({ ...DEFAULT_SETTINGS.enabledVenues, 'bybit-linear': false });
  });

  it('names what it had to drop', () => {
    expect(settingsProblems(custom)).toEqual([]);
    expect(settingsProblems({ ...custom, theme: 'neon', extra: 1 })).toEqual([
      'unknown setting "extra"',
      '"theme" is not valid',
    ]);
    expect(settingsProblems([])).toEqual(['settings must be a JSON object']);
  });
});

describe('export and import', () => {
  it('round-trips', () => {
    const text = exportSettings(custom);
    expect(JSON.parse(text)).toMatchObject({ format: 'margin-preflight-settings', version: 1 });
    expect(importSettings(text)).toEqual({ ok: true, settings: custom });
  });

  it.each([
    ['not JSON', '{', 'The file is not JSON'],
    ['another JSON file', '{"a":1}', 'Not a Margin Preflight settings file'],
    [
      'a future version',
      JSON.stringify({ format: 'margin-preflight-settings', version: 2, settings: {} }),
      'Settings file version 2 is not supported',
    ],
    [
      'an invalid value',
      JSON.stringify({ format: 'margin-preflight-settings', version: 1, settings: { ...custom, maxLeverage: '-3' } }),
      'Not imported: "maxLeverage" is not valid',
    ],
  ])('refuses %s with a reason and changes nothing', (_, text, error) => {
    expect(importSettings(text)).toEqual({ ok: false, error });
  });
});

describe('planQuote with the settings of issue 5', () => {
  const form: OrderForm = {
    venue: 'okx-swap',
    symbol: 'BTC-USDT-SWAP',
    side: 'long',
    type: 'limit',
    marginMode: 'isolated',
    price: '60000',
    size: { unit: 'base', value: '1' },
    leverage: '10',
    marginEnabled: true,
    stopLoss: '58000',
    takeProfit: '64000',
    availableBalance: '40000',
  };

  it('uses the fee tier of the venue, passes the take-profit, and turns the loss % into an amount of the balance', () => {
    const plan = planQuote(form, 'long', null, { ...custom, accountBalance: {} }, 0);
    expect((plan.input as any).market).toMatchObject({ takerFeeRate: '0.0004', makerFeeRate: '0.0001' });
    expect((plan.input as any).order.takeProfit).toBe('64000');
    // isolated, no entered balance: the page's available balance 40,000 × 2.5 % = 1,000
    expect((plan.input as any).limits.maxLoss).toBe('1000');
    expect(plan.lossLimitUnchecked).toBe(false);
  });

  it('says the loss limit is unchecked when no balance is known at all', () => {
    const plan = planQuote({ ...form, availableBalance: null }, 'long', null, { ...custom, accountBalance: {} }, 0);
    expect((plan.input as any).limits.maxLoss).toBeUndefined();
    expect(plan.lossLimitUnchecked).toBe(true);
  });
});
