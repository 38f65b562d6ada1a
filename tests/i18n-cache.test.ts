// Issue 15: t() asks the browser once per key + substitutions (getMessage crosses into the browser
// on every call, and a render asks for the same labels each time), and never mixes answers up.
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../src/ui/i18n';
import { englishI18n } from './helpers/i18n-en';

const g = globalThis as { chrome?: unknown };

/** An API that counts its calls and answers from _locales/en. */
function countingApi() {
  const calls: unknown[][] = [];
  return {
    calls,
    api: {
      getMessage: (key: string, subs?: string | string[]) => {
        calls.push([key, subs]);
        return englishI18n.getMessage(key, subs);
      },
    },
  };
}

afterEach(() => {
  g.chrome = { i18n: englishI18n }; // as the setup file left it
});

describe('t() caches the browser’s answers', () => {
  it('the same label on every render is asked once', () => {
    const { calls, api } = countingApi();
    g.chrome = { i18n: api };
    for (let i = 0; i < 50; i++) expect(t('figure_liquidationPrice')).toBe('Liquidation price');
    expect(calls).toEqual([['figure_liquidationPrice', undefined]]);
  });

  it('per substitutions: each answer is its own, asked once', () => {
    const { calls, api } = countingApi();
    g.chrome = { i18n: api };
    for (let i = 0; i < 3; i++) {
      expect(t('figure_carryOver', ['Funding', '24 h'])).toBe('Funding over 24 h');
      expect(t('figure_carryOver', ['Funding', '8 h'])).toBe('Funding over 8 h');
      expect(t('overlay_cannotQuote', 'bad symbol')).toBe('Cannot quote this order: bad symbol');
    }
    expect(calls).toHaveLength(3);
  });

  it('substitutions that hold separators or look like another split do not collide', () => {
    const { api } = countingApi();
    g.chrome = { i18n: api };
    expect(t('figure_carryOver', ['a,b', 'c'])).toBe('a,b over c');
    expect(t('figure_carryOver', ['a', 'b,c'])).toBe('a over b,c');
    expect(t('figure_carryOver', ['a\u0000b', 'c'])).toBe('a\u0000b over c');
    expect(t('figure_carryOver', ['a', '\u0000b", "c'])).toBe('a over \u0000b", "c');
  });

  it('a new API (a test, a reloaded extension) is asked afresh: no answer from another copy', () => {
    const first = countingApi();
    g.chrome = { i18n: first.api };
    t('options_save');
    const second = { getMessage: (key: string) => `de:${key}` };
    g.chrome = { i18n: second };
    expect(t('options_save')).toBe('de:options_save');
    delete g.chrome;
    expect(t('options_save')).toBe('');
  });

  it('a throwing API caches nothing: the next working answer is asked for', () => {
    let broken = true;
    const api = {
      getMessage: (key: string) => {
        if (broken) throw new Error('Extension context invalidated.');
        return `ok:${key}`;
      },
    };
    g.chrome = { i18n: api };
    expect(t('options_saved')).toBe('');
    broken = false;
    expect(t('options_saved')).toBe('ok:options_saved');
  });

  it('a flood of figure texts (new every keystroke) past the cache bound: every answer stays right', () => {
    const { calls, api } = countingApi();
    g.chrome = { i18n: api };
    for (let i = 0; i < 2000; i++) expect(t('unit_hours', String(i))).toBe(`${i} h`);
    expect(calls).toHaveLength(2000);
    // The label asked on every render is still answered correctly after the floods.
    expect(t('figure_liquidationPrice')).toBe('Liquidation price');
    expect(t('unit_hours', '7')).toBe('7 h');
  });
});
