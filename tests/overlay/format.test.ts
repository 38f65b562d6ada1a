// Display rounding works from the decimal string (no float, no decimal.js), for tiny and huge prices alike.
import { describe, expect, it } from 'vitest';
import { formatAge, formatFraction, formatLeverage, formatMoney, formatPrice, formatRatio, toDecimal } from '../../src/ui/overlay/format';
import { quoteCurrency } from '../../src/ui/overlay/units';

describe('formatPrice', () => {
  it.each([
    ['65010.2', '65,010.2'],
    ['61997.99196787148594377510040160642570281', '61,997.99'],
    ['65000', '65,000'],
    ['3456.785', '3,456.79'],
    ['145.1234', '145.123'],
    ['1.234567', '1.23457'],
    ['0.12345678', '0.12346'],
    ['0.000012345678', '0.000012346'],
    ['0.00000000123456789', '0.0000000012346'],
    ['0', '0'],
    ['-12.5', '−12.5'],
  ])('%s → %s', (raw, shown) => {
    expect(formatPrice(raw)).toBe(shown);
  });

  it('keeps every digit of a price beyond float precision', () => {
    // 2^53 + 1 is not representable as a double; a float path would print ...992.
    expect(formatPrice('9007199254740993.004')).toBe('9,007,199,254,740,993');
    expect(formatPrice('123456789012345678901.125')).toBe('123,456,789,012,345,678,901.13');
  });

  it('rounds half up, from the string', () => {
    expect(formatPrice('65010.125')).toBe('65,010.13');
    expect(formatPrice('0.1234549')).toBe('0.12345');
  });

  it('refuses what is not a plain decimal', () => {
    expect(formatPrice('1e5')).toBeNull();
    expect(formatPrice('abc')).toBeNull();
    expect(toDecimal('')).toBeUndefined();
    expect(toDecimal(null)).toBeUndefined();
  });
});

describe('money, percent, ratio, leverage, age', () => {
  it('money: cents, or three significant digits under 1', () => {
    expect(formatMoney('1234567.891')).toBe('1,234,567.89');
    expect(formatMoney('1.3')).toBe('1.30');
    expect(formatMoney('0.0034567')).toBe('0.00346');
    expect(formatMoney('0')).toBe('0.00');
    expect(formatMoney('-1.950306')).toBe('−1.95');
  });

  it('fractions as percent', () => {
    expect(formatFraction('0.04633439109752798878')).toBe('4.63 %');
    expect(formatFraction('0.05')).toBe('5 %');
    expect(formatFraction('0.000123456')).toBe('0.0123 %');
    expect(formatFraction('1.5')).toBe('150 %');
  });

  it('ratio and leverage', () => {
    expect(formatRatio('1.1')).toBe('1.1');
    expect(formatRatio('1.23456')).toBe('1.235');
    expect(formatLeverage('20')).toBe('20×');
    expect(formatLeverage('2.5')).toBe('2.5×');
  });

  it('ages', () => {
    expect(formatAge(3_400)).toBe('3 s');
    expect(formatAge(43_000)).toBe('43 s');
    expect(formatAge(125_000)).toBe('2 min');
    expect(formatAge(7_200_000)).toBe('2 h');
    expect(formatAge(-5)).toBe('0 s');
  });
});

describe('quoteCurrency', () => {
  it.each([
    ['binance-usdm', 'BTCUSDT', 'USDT'],
    ['binance-usdm', 'ETHUSDC', 'USDC'],
    ['kraken-margin', 'BTC/USD', 'USD'],
    ['kraken-margin', 'XXBTZEUR', 'EUR'],
    ['kraken-margin', 'ETH/XBT', 'XBT'],
    ['okx-swap', 'BTC-USDT-SWAP', 'USDT'],
    ['hyperliquid', 'BTC', 'USDC'],
    ['binance-usdm', 'WEIRD', 'quote ccy'],
  ] as const)('%s %s → %s', (venue, symbol, ccy) => {
    expect(quoteCurrency(venue, symbol)).toBe(ccy);
  });
});
