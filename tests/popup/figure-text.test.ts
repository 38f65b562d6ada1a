// The popup's figure texts for the carry: an unknown rate (a null total) is not a zero carry.
import { describe, expect, it } from 'vitest';
import type { QuoteJson } from '../../src/core/serialize';
import { formatters, nullText, valueText } from '../../src/ui/popup/figure-text';

const quote = { venue: 'binance-usdm', warnings: [], marginLevelUnit: 'percent' } as unknown as QuoteJson;
const f = formatters('en', '0.1');

describe('carry text (issue 12 #3)', () => {
  it('a null carry total says the rate is unknown, not "none"', () => {
    expect(nullText('carry.total', quote, false, false)).toBe('not included (rate unknown)');
    expect(nullText('breakEvenPrice', quote, false, false)).toBe('none');
  });

  it('"none" only where the carry is truly zero; else the amount, received when negative', () => {
    expect(valueText('carry.total', '0', quote, 'USDT', f, 'en')).toBe('none');
    expect(valueText('carry.total', '1.5', quote, 'USDT', f, 'en')).toBe('1.50 USDT (paid)');
    expect(valueText('carry.total', '-1.5', quote, 'USDT', f, 'en')).toBe('−1.50 USDT (received)');
  });
});
