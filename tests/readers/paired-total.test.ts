// totalAgrees (src/venues/dom/paired-total.ts): a Total shown next to amount and price must fit
// amount × price within one unit of its last shown decimal, plus what the venue says it may add.
import { describe, expect, it } from 'vitest';
import { shownDecimals, totalAgrees } from '../../src/venues/dom/paired-total';

describe('totalAgrees without a fee allowance (Binance spot: the Total is price × amount, rounded)', () => {
  it.each([
    ['0.5', '65000', '32500', 2, true],
    ['0.5', '65000', '32500.00', 2, true],
    ['0.12345', '64987.25', '8022.67', 2, true], // 8022.6760… truncated
    ['0.12345', '64987.25', '8022.68', 2, true], // … or rounded
    ['0.12345', '64987.25', '8022.66', 2, false],
    ['0.12345', '64987.25', '8022.69', 2, false],
    // a price read ten times too small or an amount that lost a digit is far outside
    ['0.5', '6500', '32500.00', 2, false],
    ['0.05', '65000', '32500.00', 2, false],
    ['0.5', '65000', '32826', 0, false],
  ] as const)('%s × %s vs %s (%i decimals) → %s', (q, p, t, d, ok) => {
    expect(totalAgrees(q, p, t, d)).toBe(ok);
  });

  it('an allowance above lets a Total that includes a fee pass, never one below', () => {
    expect(totalAgrees('0.5', '65000', '32630', 0)).toBe(false);
    expect(totalAgrees('0.5', '65000', '32630', 0, 1)).toBe(true);
    expect(totalAgrees('0.5', '65000', '32370', 0, 1)).toBe(false);
  });

  it('decimals shown', () => {
    expect(shownDecimals('32,500.00', '32500')).toBe(2);
    expect(shownDecimals('32500', '32500')).toBe(0);
    expect(shownDecimals(' 4.7 ', '4.7')).toBe(1);
    // Decimal comma pages: the value read decides which separator was the decimal one.
    expect(shownDecimals('32\u00a0500,00', '32500')).toBe(2);
    expect(shownDecimals('32.500,5', '32500.5')).toBe(1);
    expect(shownDecimals('32,500', '32500')).toBe(0);
    expect(shownDecimals('32,500', '32.5')).toBe(3);
  });
});
