// The tick-size check every venue feed shares (src/venues/price-step.ts): what counts as a price
// step, and the plain text it becomes.
import { describe, expect, it } from 'vitest';
import { attempt } from '../../src/schema';
import { decimalPlaces, decimalsOf, priceStep, stepOfDecimals } from '../../src/venues/price-step';

const step = (v: unknown) => {
  const result = attempt(() => priceStep(v, 'tick'));
  return result.ok ? result.value : `rejected: ${result.reason}`;
};

describe('priceStep', () => {
  it.each([
    ['0.1', '0.1'],
    ['0.10', '0.1'],
    ['0.01000000', '0.01'],
    ['1', '1'],
    ['1.00000000', '1'],
    ['10', '10'],
    ['10000', '10000'],
    ['0.5', '0.5'],
    ['0.05', '0.05'],
    ['0.25', '0.25'],
    ['0.0002', '0.0002'],
    ['0.000000000000000001', '0.000000000000000001'],
  ])('accepts %s as %s', (input, expected) => {
    expect(step(input)).toBe(expected);
  });

  it.each<[string, unknown, RegExp]>([
    ['zero', '0', /tick is out of range/],
    ['zero with decimals', '0.000', /tick is out of range/],
    ['a negative step', '-0.1', /tick is out of range/],
    ['an exponent', '1e-2', /tick is not a decimal string/],
    ['a leading dot', '.1', /tick is not a decimal string/],
    ['a plus sign', '+0.1', /tick is not a decimal string/],
    ['spaces', ' 0.1', /tick is not a decimal string/],
    ['a JSON number', 0.1, /tick is not a decimal string/],
    ['null', null, /tick is not a decimal string/],
    ['finer than 1e-18', '0.0000000000000000001', /tick is not a decimal string/],
    ['coarser than 10 000', '20000', /tick is out of range/],
    ['3 × a power of ten', '0.3', /tick is not 1, 2, 2.5 or 5 times a power of ten/],
    ['two significant digits', '0.15', /tick is not 1, 2, 2.5 or 5 times a power of ten/],
    ['a price, not a step', '148.2', /tick is not 1, 2, 2.5 or 5 times a power of ten/],
  ])('rejects %s', (_, input, reason) => {
    expect(step(input)).toMatch(reason);
  });
});

describe('decimal counts', () => {
  it('turns a count of decimals into its step and back', () => {
    expect([0, 1, 2, 8, 18].map(stepOfDecimals)).toEqual(['1', '0.1', '0.01', '0.00000001', '0.000000000000000001']);
    expect(['1', '0.1', '0.05', '10', '0.00000001'].map(decimalsOf)).toEqual([0, 1, 2, 0, 8]);
  });

  it('accepts whole numbers within the limit only', () => {
    const places = (v: unknown, most?: number) => {
      const result = attempt(() => decimalPlaces(v, 'd', most));
      return result.ok ? result.value : 'rejected';
    };
    expect([places(0), places(8), places(18), places(6, 6)]).toEqual([0, 8, 18, 6]);
    expect([places(19), places(7, 6), places(-1), places(1.5), places('2'), places(null)]).toEqual(
      Array(6).fill('rejected'),
    );
  });
});
