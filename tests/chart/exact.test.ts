// Exact + − × on decimal text for the chart's PnL table, checked against decimal.js.
import DecimalJs from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { plainText } from '../../src/core/decimal-text';
import { addFixed, mulFixed, parseExact, pnlAtText, subFixed } from '../../src/ui/chart/exact';

const fx = (s: string) => parseExact(s)!;
// Enough significant digits that decimal.js does not round either: the reference is exact too.
const Decimal = DecimalJs.clone({ precision: 200 });

describe('exact decimal arithmetic', () => {
  it('adds, subtracts and multiplies across scales and signs', () => {
    expect(plainText(addFixed(fx('0.1'), fx('0.2')))).toBe('0.3');
    expect(plainText(subFixed(fx('65000'), fx('65078.125')))).toBe('-78.125');
    expect(plainText(mulFixed(fx('-0.0999'), fx('12.5')))).toBe('-1.24875');
    expect(plainText(mulFixed(fx('123456789012345678.9'), fx('0.000000000000000001')))).toBe('0.1234567890123456789');
  });

  it('parses plain text of any length and exponent notation, and refuses the rest', () => {
    expect(plainText(fx('0.0999500000000000000000000001'))).toBe('0.0999500000000000000000000001');
    expect(plainText(fx('1e3'))).toBe('1000');
    expect(parseExact('1,000')).toBeUndefined();
    expect(parseExact('NaN')).toBeUndefined();
    expect(pnlAtText({ atEntry: 'x', slope: '1' }, '1', '2')).toBeNull();
  });

  it('pnl(P) = atEntry + slope × (P − entry) equals decimal.js on random lines', () => {
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const num = (digits: number, decimals: number) =>
      (rand() < 0.5 ? '-' : '') + (rand() * 10 ** digits).toFixed(decimals);
    for (let i = 0; i < 200; i++) {
      const line = { atEntry: num(3, 8), slope: num(1, 12) };
      const entry = (rand() * 1e5).toFixed(2);
      const price = (rand() * 1e5).toFixed(4);
      const expected = new Decimal(line.atEntry)
        .plus(new Decimal(line.slope).times(new Decimal(price).minus(entry)))
        .toFixed();
      expect(pnlAtText(line, entry, price)).toBe(expected);
    }
  });
});
