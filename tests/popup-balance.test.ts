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
    for (const bad of ['0', '-5', 'abc', 'NaN', '1e999']) expect(withBalance(undefined, 'binance-usdm', bad)).toHaveProperty('error');
  });
});
