import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../src/settings/settings';
import { withBalance } from '../src/ui/popup/balance';

describe('popup balance entry', () => {
  it('stores a normalised positive balance and keeps the other settings', () => {
    const next = withBalance({ ...DEFAULT_SETTINGS, guardEnabled: false }, 'kraken-margin', ' 12,500.50 ');
    expect(next).toEqual({ ...DEFAULT_SETTINGS, guardEnabled: false, accountBalance: { 'kraken-margin': '12500.5' } });
  });

  it('clears with empty text', () => {
    const next = withBalance({ accountBalance: { 'binance-usdm': '100' } }, 'binance-usdm', '');
    expect(next).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses zero, negative, text and NaN', () => {
    for (const bad of ['0', '-5', 'abc', 'NaN', '1e999'])
      expect(withBalance(undefined, 'binance-usdm', bad)).toHaveProperty('error');
  });
});

describe('popup balance venues', () => {
  it('offers a balance for every registered venue, in the currency its quotes use', async () => {
    const { BALANCE_VENUES } = await import('../src/ui/popup/balance');
    const { VENUE_IDS } = await import('../src/venues/registry');
    const { FEEDS } = await import('../src/venues/feeds');
    const { FIXTURES } = await import('./venues/fixture-pages');
    const { DEFAULT_SYMBOL } = await import('../src/ui/popup/scenario');
    expect(BALANCE_VENUES.map((v) => v.venue).sort()).toEqual([...VENUE_IDS].sort());
    for (const { venue, currency } of BALANCE_VENUES) {
      const symbol = DEFAULT_SYMBOL[venue];
      expect(FIXTURES[venue]).toBeDefined();
      expect(
        FEEDS[venue]!.quoteAsset(symbol),
        `${venue}: src/venues/${venue}/feed.ts quoteAsset('${symbol}') is about.json balance.currency`,
      ).toBe(currency);
    }
  });
});
