// Every language has every message with the same placeholders, and t() asks the browser's API (none: no text).
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetUiLocaleForTests, t, uiLocale, type MessageKey } from '../src/ui/i18n';
import { englishI18n, formatMessage } from './helpers/i18n-en';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const read = (file: string): unknown => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
const LOCALES = readdirSync(new URL('../_locales/', import.meta.url));
const messages = (locale: string) => read(`../_locales/${locale}/messages.json`) as Messages;
const en = messages('en');

/** Named placeholders used in a message text, lower-cased as the browsers match them. */
const usedNames = (text: string): string[] =>
  [...text.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] ?? '').toLowerCase()).sort();

describe('_locales', () => {
  it('has English and at least one more language', () => {
    expect(LOCALES).toContain('en');
    expect(LOCALES.length).toBeGreaterThanOrEqual(2);
  });

  it.each(LOCALES)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(messages(locale)).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(LOCALES)('%s: every message uses the same placeholders as English, each defined', (locale) => {
    for (const [key, entry] of Object.entries(messages(locale))) {
      const english = en[key];
      expect(english, key).toBeDefined();
      expect(typeof entry.message, key).toBe('string');
      expect(entry.message.trim(), key).not.toBe('');
      expect(entry.placeholders ?? {}, key).toEqual(english?.placeholders ?? {});
      expect(usedNames(entry.message), key).toEqual(usedNames(english?.message ?? ''));
      expect(usedNames(entry.message), key).toEqual(Object.keys(entry.placeholders ?? {}).sort());
      // A "$" that is not part of a placeholder must be written "$$".
      expect(entry.message.replace(/\$\$|\$[A-Za-z0-9_@]+\$/g, ''), key).not.toContain('$');
    }
  });

  it('keys are valid message names, unique even ignoring case', () => {
    const keys = Object.keys(en);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
    expect(new Set(keys.map((k) => k.toLowerCase())).size).toBe(keys.length);
  });

  it('the German text is a translation, not a copy', () => {
    const de = messages('de');
    const same = Object.keys(en).filter((key) => de[key]?.message === en[key]?.message);
    // Product names, units and words that are the same in German (Funding, Rollover, Stop, Margin-Level…) only.
    expect(same.length).toBeLessThan(Object.keys(en).length / 8);
  });

  it('the manifest takes its name and description from the messages', () => {
    const manifest = read('../manifest/base.json') as Record<string, unknown>;
    expect(manifest.default_locale).toBe('en');
    for (const field of ['name', 'description']) {
      const key = /^__MSG_(\w+)__$/.exec(String(manifest[field]))?.[1];
      expect(key && key in en, field).toBe(true);
    }
  });
});

describe('t()', () => {
  const g = globalThis as { chrome?: unknown; browser?: unknown };
  afterEach(() => {
    g.chrome = { i18n: englishI18n }; // as the setup file left it
    delete g.browser;
    vi.unstubAllGlobals();
    resetUiLocaleForTests();
  });

  it("unit tests get the browser's API in English from _locales/en (tests/helpers/i18n-en.ts)", () => {
    expect(t('figure_liquidationPrice')).toBe('Liquidation price');
    expect(t('figure_carryOver', ['Funding', '24 h'])).toBe('Funding over 24 h');
    expect(t('overlay_cannotQuote', 'bad symbol')).toBe('Cannot quote this order: bad symbol');
  });

  it('without an i18n API there is no text (no English copy is bundled)', () => {
    delete g.chrome;
    expect(t('figure_liquidationPrice')).toBe('');
  });

  it('asks the browser first (chrome, else browser) and passes the substitutions on', () => {
    const calls: unknown[] = [];
    delete g.chrome;
    g.browser = {
      i18n: {
        getMessage: (key: string, subs?: unknown) => (calls.push([key, subs]), `de:${key}`),
        getUILanguage: () => 'de',
      },
    };
    expect(t('options_save')).toBe('de:options_save');
    expect(t('unit_hours', '8')).toBe('de:unit_hours');
    expect(calls).toEqual([
      ['options_save', undefined],
      ['unit_hours', '8'],
    ]);
    expect(uiLocale()).toBe('de');
    g.chrome = { i18n: { getMessage: () => 'from chrome', getUILanguage: () => 'fr-CA' } };
    expect(t('options_save')).toBe('from chrome');
    expect(uiLocale()).toBe('de'); // asked once per page: the UI language does not change under it
    resetUiLocaleForTests();
    expect(uiLocale()).toBe('fr-CA');
  });

  it('a throwing API (an invalidated extension context) shows no new text', () => {
    g.chrome = {
      i18n: {
        getMessage: () => {
          throw new Error('Extension context invalidated.');
        },
        getUILanguage: () => {
          throw new Error('x');
        },
      },
    };
    expect(t('options_saved')).toBe('');
    vi.stubGlobal('navigator', { language: 'pt-BR' });
    expect(uiLocale()).toBe('pt-BR');
    resetUiLocaleForTests();
    vi.stubGlobal('navigator', { language: '' });
    expect(uiLocale()).toBe('en');
  });

  it("the tests' formatMessage follows the browsers: case-insensitive names, $$, positional $n, missing → empty", () => {
    const entry = { message: 'Pay $$$Amount$ now, $2 $1', placeholders: { amount: { content: '$1' } } };
    expect(formatMessage(entry, ['5', 'x'])).toBe('Pay $5 now, x 5');
    expect(formatMessage(entry)).toBe('Pay $ now,  ');
    expect(formatMessage({ message: '$NOPE$ and $3' }, ['a'])).toBe(' and ');
  });

  it('every English message formats to text without leftover placeholders', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      const text = t(key, ['A', 'B', 'C', 'D']);
      expect(text, key).not.toMatch(/\$/);
      expect(text.length, key).toBeGreaterThan(0);
    }
  });
});
