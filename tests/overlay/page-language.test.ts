// Issue 13 deliverable 4: the overlay says which label table a page was read with when it is not
// English (the order line's "Labels: …" part), and why a page in a language without a table is
// not read (reason 'locale').
import { describe, expect, it } from 'vitest';
import { languageName, orderLine } from '../../src/ui/overlay/order-line';
import { buildView } from '../../src/ui/overlay/view-model';
import type { FormReading } from '../../src/venues/types';
import { binanceForm, NOW, settings } from '../content/fixtures';

describe('overlay: the page language', () => {
  it('the order line names a non-English label table, in the UI language', () => {
    const form = binanceForm({ language: 'zh-CN' });
    expect(orderLine({ form, quantity: null, notional: null, atMark: false, locale: 'en' })).toBe(
      'Limit · 0.1 BTC · 10× isolated · Labels: Chinese (China), zh-CN',
    );
    expect(languageName('ru', 'de')).toBe('Russisch, ru');
    expect(languageName('ru', 'not a locale!')).toBe('ru');
  });

  it('an English reading says nothing of its language', () => {
    const line = orderLine({ form: binanceForm(), quantity: null, notional: null, atMark: false, locale: 'en' });
    expect(line).not.toContain('Labels');
  });

  it("a page in a language without a table: not recognised, and the overlay says it is the page's language", () => {
    const reading: FormReading = { status: 'unrecognised', missing: ['locale'], matched: {} };
    const base = { quotes: [], market: null, settings: settings(), guard: null, now: NOW, pending: false };
    const v = buildView({ reading, ...base });
    expect(v).toMatchObject({ state: 'unrecognised', missing: ['locale'] });
    expect(v.message).toMatch(/language/);
    const other = buildView({ ...base, reading: { status: 'unrecognised', missing: ['price'], matched: {} } });
    expect(other.message).toBe('Form not recognised');
  });
});
