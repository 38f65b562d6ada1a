// Display rounding works from the decimal string (no float, no decimal.js), for tiny and huge prices alike.
import { describe, expect, it } from 'vitest';
import {
  decimalsOfTick,
  formatAge,
  formatFixed,
  formatFraction,
  formatLeverage,
  formatMoney,
  formatPrice,
  formatRatio,
  toDecimal,
} from '../../src/ui/overlay/format';
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
    // Money precision (issue 12 #10): at most 8 places; an engine residue reads as zero, unsigned.
    expect(formatMoney('0.0000000123456')).toBe('0.00000001');
    expect(formatMoney('0.000000001')).toBe('0.00');
    expect(formatMoney('-0.000000000000000000000000000000000000332')).toBe('0.00');
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

describe('tick precision', () => {
  it.each([
    ['0.01', 2],
    ['0.5', 1],
    ['5', 0],
    ['0.010', 2],
    ['0.00000001', 8],
    ['10', 0],
    ['1.0', 0],
  ])('decimalsOfTick(%s) → %i', (tick, decimals) => {
    expect(decimalsOfTick(tick)).toBe(decimals);
  });

  it.each([['0'], ['-0.01'], ['1e-2'], ['abc'], [''], [null], [undefined]])('no tick from %s', (tick) => {
    expect(decimalsOfTick(tick)).toBeUndefined();
  });

  it('prices at the tick precision keep their zeros and round half up', () => {
    expect(formatPrice('65010.2', { decimals: decimalsOfTick('0.01') })).toBe('65,010.20');
    expect(formatPrice('65010.25', { decimals: decimalsOfTick('0.5') })).toBe('65,010.3');
    expect(formatPrice('65010.5', { decimals: decimalsOfTick('5') })).toBe('65,011');
    expect(formatPrice('0.000012345678', { decimals: 8 })).toBe('0.00001235');
    expect(formatPrice('65000', { decimals: 1 })).toBe('65,000.0');
  });
});

describe('locale separators', () => {
  it('German: "." groups, "," is the decimal point', () => {
    expect(formatMoney('65010.2', { locale: 'de' })).toBe('65.010,20');
    expect(formatPrice('65010.2', { locale: 'de', decimals: 2 })).toBe('65.010,20');
    expect(formatPrice('1234567.891', { locale: 'de-DE' })).toBe('1.234.567,89');
    expect(formatFraction('0.015', { locale: 'de' })).toBe('1,5 %');
    expect(formatLeverage('2.5', { locale: 'de' })).toBe('2,5×');
    expect(formatRatio('1.23456', { locale: 'de' })).toBe('1,235');
    expect(formatMoney('-1.950306', { locale: 'de' })).toBe('−1,95');
  });

  it('English stays the default', () => {
    expect(formatMoney('65010.2')).toBe('65,010.20');
    expect(formatMoney('65010.2', { locale: 'en-US' })).toBe('65,010.20');
  });

  it('keeps every digit beyond float precision in any locale', () => {
    expect(formatPrice('9007199254740993.004', { locale: 'de' })).toBe('9.007.199.254.740.993');
  });

  it('separators follow Intl for other locales (French spaces, Swiss apostrophes, Indian lakh groups)', () => {
    const value = toDecimal('1234567.5');
    if (value === undefined) throw new Error('unreachable');
    for (const locale of ['fr', 'de-CH', 'en-IN', 'es', 'pt-BR']) {
      // Intl itself is the reference here; 1234567.5 is exact as a float.
      const expected = new Intl.NumberFormat(locale, {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
        numberingSystem: 'latn',
      }).format(1234567.5);
      expect(formatFixed(value, 1, false, locale), locale).toBe(expected);
    }
    expect(formatFixed(value, 1, false, 'en-IN')).toBe('12,34,567.5');
  });

  it('four-digit numbers: grouped in English, not in Spanish (as Intl does)', () => {
    expect(formatMoney('1234.5', { locale: 'es' })).toBe('1234,50');
    expect(formatMoney('12345.5', { locale: 'es' })).toBe('12.345,50');
    expect(formatMoney('1234.5', { locale: 'en' })).toBe('1,234.50');
  });

  it('an invalid locale tag falls back to English separators', () => {
    expect(formatMoney('65010.2', { locale: 'not a locale!' })).toBe('65,010.20');
  });
});
