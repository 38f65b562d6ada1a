// src/venues/dom/per-language.ts: one value per language table, made once from that table's words.
import { describe, expect, it } from 'vitest';
import { perLanguage } from '../../src/venues/dom/per-language';
import { bybitSelectors, BYBIT_SELECTORS } from '../../src/venues/bybit-linear/selectors';

describe('perLanguage', () => {
  it('makes each table once, from its own words', () => {
    const made: string[] = [];
    const words: Record<string, string> = { en: 'Price', ru: 'Цена' };
    const of = perLanguage(
      (w: string) => {
        made.push(w);
        return { label: w };
      },
      (table) => words[table] ?? words['en']!,
    );
    expect(of('ru')).toEqual({ label: 'Цена' });
    expect(of('ru')).toBe(of('ru'));
    expect(of('xx')).toEqual({ label: 'Price' });
    expect(made).toEqual(['Цена', 'Price']);
  });

  it("a venue's English selector table is the one its readers have always used", () => {
    expect(bybitSelectors('en')).toBe(BYBIT_SELECTORS);
    expect(bybitSelectors('ru')).not.toBe(BYBIT_SELECTORS);
    expect(bybitSelectors('ru')).toBe(bybitSelectors('ru'));
  });
});
