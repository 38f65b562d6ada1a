// Typed numbers: accepted when they read one way only, refused (with both readings) when not.
import { describe, expect, it } from 'vitest';
import { decimalMark, inputText, readNumber } from '../../src/ui/popup/number-text';

describe('readNumber', () => {
  it.each([
    ['65000', '65000'],
    ['0.5', '0.5'],
    ['0,5', '0.5'],
    ['.5', '0.5'],
    ['65000.5', '65000.5'],
    ['65000,5', '65000.5'],
    ['1,234.56', '1234.56'],
    ['1.234,56', '1234.56'],
    ['1,234,567', '1234567'],
    ['1.234.567', '1234567'],
    ['65 000', '65000'],
    ['65\u202f000,5', '65000.5'],
    ['1’234.5', '1234.5'],
    ['0.005', '0.005'],
    ['0,005', '0.005'],
    ['1.2345', '1.2345'],
    ['12345.678', '12345.678'],
    ['007', '7'],
    ['  42  ', '42'],
    ['-3.5', '-3.5'],
    ['\u22123,5', '-3.5'],
  ])('%s → %s', (text, value) => {
    expect(readNumber(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['1,500', '1500', '1.5'],
    ['1.500', '1500', '1.5'],
    ['65,000', '65000', '65'],
    ['999.999', '999999', '999.999'],
  ])('%s is ambiguous: %s or %s', (text, a, b) => {
    expect(readNumber(text)).toEqual({ ok: false, reason: 'ambiguous', readings: [a, b] });
  });

  it.each([
    'abc',
    '1e5',
    '1..2',
    '1,2,3',
    '1.234,5.6',
    '1,23.4',
    '12 34',
    '1.',
    ',',
    'NaN',
    'Infinity',
    '0x10',
    '5%',
    '1 2,3,4',
    '--1',
  ])('%s is refused', (text) => {
    expect(readNumber(text)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('empty text is its own reason', () => {
    expect(readNumber('   ')).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('inputText', () => {
  it('writes the locale decimal mark, no grouping', () => {
    expect(decimalMark('de-DE')).toBe(',');
    expect(decimalMark('en-US')).toBe('.');
    expect(inputText('65000.5', 'de-DE')).toBe('65000,5');
    expect(inputText('65000.5', 'en-US')).toBe('65000.5');
    expect(inputText('100000', 'de-DE')).toBe('100000');
  });

  it('what it writes is read back as the same value, in every locale', () => {
    for (const locale of ['en-US', 'de-DE', 'fr-FR']) {
      for (const value of ['1.234', '0.125', '999.5', '12.345', '123.456', '1234.567', '0.00001234', '65000', '7']) {
        const reading = readNumber(inputText(value, locale));
        expect(
          reading.ok &&
            Number(reading.value) === Number(value) &&
            reading.value.replace(/0+$/, '') === value.replace(/0+$/, ''),
        ).toBe(true);
      }
    }
  });
});
