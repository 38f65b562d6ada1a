// src/core/decimal-text (regex + BigInt, for the content script) agrees exactly with decimal.js
// (src/core/decimal, the engine's): the same texts accepted, the same canonical form, the same
// order, the same rounding, for hand-picked edge cases and for random decimal texts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, parseDecimalText } from '../src/core/decimal';
import {
  compareFixed,
  integerDigits,
  leadingExponent,
  normalizeDecimalText,
  parseDecimalFixed,
  parsePlainDecimal,
  plainText,
  roundFixed,
  shiftFixed,
  timesInt,
} from '../src/core/decimal-text';

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9'), minLength: min, maxLength: max });
/** Decimal-looking text, valid and invalid: signs, dots, exponents, junk characters. */
const decimalish = fc
  .tuple(
    fc.constantFrom('', '', '-', '+', ' '),
    digits(0, 25),
    fc.constantFrom('', '.', '.', ','),
    digits(0, 25),
    fc.constantFrom('', '', 'e5', 'e-7', 'E+3', 'e21', 'e-19', 'e99999999', 'e', 'x'),
  )
  .map((parts) => parts.join(''));
const plain = fc
  .tuple(fc.constantFrom('', '-'), digits(1, 30), fc.option(digits(1, 45), { nil: undefined }))
  .map(
    ([sign, whole, fraction]) =>
      `${sign}${whole.replace(/^0+(?=\d)/, '')}${fraction === undefined ? '' : `.${fraction}`}`,
  );

describe('parseDecimalFixed = parseDecimalText', () => {
  it.each([
    '0',
    '-0',
    '0.50',
    '.5',
    '5.',
    '65,000',
    '1e5',
    '1E-18',
    '1e-19',
    '1e21',
    '9.99e20',
    '999999999999999999999',
    '-1e20',
    '+3',
    'NaN',
    'Infinity',
    '',
    ' 1',
    '1 ',
    '0x10',
    '1e',
    '--1',
    '1.2.3',
    '0.000000000000000001',
    '0.0000000000000000009',
    '1'.repeat(65),
    `0.${'0'.repeat(61)}1`,
  ])('%s', (text) => {
    expect(normalizeDecimalText(text)).toBe(parseDecimalText(text)?.toFixed());
  });

  it('on random decimal-looking text', () => {
    fc.assert(
      fc.property(decimalish, (text) => {
        expect(normalizeDecimalText(text)).toBe(parseDecimalText(text)?.toFixed());
      }),
      { numRuns: 3_000 },
    );
  });

  it('refuses what is not a string', () => {
    for (const v of [5, null, undefined, {}, ['1']]) expect(parseDecimalFixed(v)).toBeUndefined();
  });
});

describe('arithmetic agrees with decimal.js', () => {
  const dec = (s: string) => new Dec(s);
  const fixed = (s: string) => parsePlainDecimal(s)!;

  it('compare, shift, times', () => {
    fc.assert(
      fc.property(plain, plain, fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 9 }), (a, b, n, k) => {
        expect(compareFixed(fixed(a), fixed(b))).toBe(dec(a).comparedTo(dec(b)));
        expect(plainText(shiftFixed(fixed(a), n))).toBe(dec(a).times(new Dec(10).pow(n)).toFixed());
        expect(plainText(timesInt(fixed(a), k))).toBe(dec(a).times(k).toFixed());
      }),
      { numRuns: 2_000 },
    );
  });

  it('rounding half-up and down, exponent of the first digit, integer digits', () => {
    fc.assert(
      fc.property(plain, fc.integer({ min: 0, max: 12 }), (a, places) => {
        expect(plainText(roundFixed(fixed(a), places, 'half-up'))).toBe(
          dec(a).toDecimalPlaces(places, Dec.ROUND_HALF_UP).toFixed(),
        );
        expect(plainText(roundFixed(fixed(a), places, 'down'))).toBe(
          dec(a).toDecimalPlaces(places, Dec.ROUND_DOWN).toFixed(),
        );
        if (!dec(a).isZero()) expect(leadingExponent(fixed(a))).toBe(dec(a).e);
        expect(integerDigits(fixed(a))).toBe(dec(a).abs().trunc().toFixed().length);
      }),
      { numRuns: 2_000 },
    );
  });

  it('plain parsing refuses anything but plain notation and long text', () => {
    for (const v of ['1e5', '+1', '.5', '5.', '', 'NaN', '1,000', ' 1']) expect(parsePlainDecimal(v)).toBeUndefined();
    expect(parsePlainDecimal('1'.repeat(201))).toBeUndefined();
    expect(parsePlainDecimal('1'.repeat(200))).toBeDefined();
  });
});
