// @vitest-environment happy-dom
// The page-language kit (src/venues/dom/page-locale.ts) and numbers read per the page's convention
// (src/venues/dom/numbers.ts): decimal comma, groups by dot, space, NBSP (U+00A0) or narrow NBSP
// (U+202F), 'either' for a venue whose rendering is unknown, an ambiguous "1.000" never guessed.
import { describe, expect, it } from 'vitest';
import { NumberScope, parseInFormat, type PageNumberFormat } from '../../src/venues/dom/numbers';
import { numberFormatOf, pageLocale, tableFor, urlLanguage } from '../../src/venues/dom/page-locale';
import { BINANCE_TABLES } from '../../src/venues/binance-words';
import { OKX_TABLES } from '../../src/venues/okx-swap/words';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

function doc(lang: string | null): Document {
  const d = new DOMParser().parseFromString('<p>x</p>', 'text/html');
  if (lang !== null) d.documentElement.setAttribute('lang', lang);
  return d;
}

/** A scope of the given texts on a page of convention `page`: the number read from `raw`. */
const read = (page: PageNumberFormat, raw: string, ...texts: string[]) =>
  new NumberScope(() => [raw, ...texts], page).number(raw);

describe('page language → label table', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-Hant-HK', 'zh-TW'],
    ['zh_TW', 'zh-TW'],
    ['ru-RU', 'ru'],
    ['pt-BR', 'pt'],
    ['uk-UA', 'uk'],
    ['es-LA', 'es'],
    ['en-GB', 'en'],
    ['EN', 'en'],
  ])('%s → %s', (tag, table) => {
    expect(tableFor(tag, BINANCE_TABLES)).toBe(table);
  });

  it('a language without a table has none', () => {
    expect(tableFor('xx', BINANCE_TABLES)).toBeNull();
    expect(tableFor('it', BINANCE_TABLES)).toBeNull();
    expect(tableFor('ru', ['en'])).toBeNull();
  });

  it('the URL segment counts where the venue has one, and must agree with <html lang>', () => {
    const zh = new URL('https://www.binance.com/zh-CN/futures/BTCUSDT');
    const bare = new URL('https://www.binance.com/futures/BTCUSDT');
    expect(urlLanguage(zh)).toBe('zh-CN');
    expect(urlLanguage(bare)).toBeNull();
    expect(urlLanguage(new URL('https://www.okx.com/trade-swap/btc-usdt-swap'))).toBeNull();
    const opts = { urlSegment: true };
    expect(pageLocale(doc('zh-CN'), zh, BINANCE_TABLES, opts)).toEqual({ table: 'zh-CN', format: 'dot' });
    expect(pageLocale(doc(null), zh, BINANCE_TABLES, opts)).toEqual({ table: 'zh-CN', format: 'dot' });
    expect(pageLocale(doc(null), bare, BINANCE_TABLES, opts)).toEqual({ table: 'en', format: 'dot' });
    // Half-switched between languages: not read.
    expect(pageLocale(doc('en'), zh, BINANCE_TABLES, opts)).toBeNull();
    // Without urlSegment the path is not the page's word.
    expect(pageLocale(doc('en'), zh, BINANCE_TABLES)).toEqual({ table: 'en', format: 'dot' });
    expect(pageLocale(doc('xx'), bare, BINANCE_TABLES, opts)).toBeNull();
  });

  it('number convention per language; a comma language the venue has not been seen rendering reads as either', () => {
    for (const tag of ['en', 'zh-CN', 'zh-TW', 'ja', 'ko']) expect(numberFormatOf(tag)).toBe('dot');
    for (const tag of ['ru', 'uk', 'de', 'fr', 'es', 'pt-BR', 'tr', 'vi']) expect(numberFormatOf(tag)).toBe('comma');
    expect(numberFormatOf('xx')).toBeNull();
    const ru = new URL('https://www.binance.com/ru/futures/BTCUSDT');
    expect(pageLocale(doc('ru'), ru, BINANCE_TABLES, { urlSegment: true })).toEqual({ table: 'ru', format: 'either' });
    const seen = { urlSegment: true, commaSeen: ['ru'] };
    expect(pageLocale(doc('ru'), ru, BINANCE_TABLES, seen)).toEqual({ table: 'ru', format: 'comma' });
  });
});

describe('numbers on a decimal-comma page', () => {
  it.each([
    ['0,5', '0.5'],
    ['65000,5', '65000.5'],
    ['65.000,5', '65000.5'],
    ['1.000.000', '1000000'],
    ['65 000,5', '65000.5'],
    [`65${NBSP}000,5`, '65000.5'],
    [`65${NNBSP}000,5`, '65000.5'],
    [`1${NNBSP}000${NNBSP}000`, '1000000'],
    ['65 000', '65000'],
    ['65000', '65000'],
  ])('%j → %s', (raw, value) => {
    expect(read('comma', raw)).toBe(value);
  });

  it('a dot-decimal figure in the scope makes it unreadable (the page contradicts its language)', () => {
    expect(read('comma', '0,5', 'Avbl 10,000.50 USDT')).toBeNull();
    expect(read('comma', '0.5')).toBeNull();
    const scope = new NumberScope(() => ['0,5', '12.5'], 'comma');
    expect(scope.number('0,5')).toBeNull();
    expect(scope.unreadable).toBe(true);
  });

  it('ambiguous "1.000" / "65.000" is refused without evidence, read comma-decimal with it', () => {
    expect(read('comma', '1.000')).toBeNull();
    expect(read('comma', '65.000')).toBeNull();
    expect(read('comma', '65.000', 'Cost 325,00 USDT')).toBe('65000');
    expect(read('comma', '2,412', 'Цена 65 000,5')).toBe('2.412');
  });

  it('groups must be regular: no mixed separators, no group of other than three digits', () => {
    for (const raw of ['65 00,5', '65.000 000,5', `65${NBSP}000.000`, '65 0000', '1,2,3', '65 000.5']) {
      expect(read('comma', raw)).toBeNull();
    }
    expect(parseInFormat('65 000,5', 'comma')).toBeNull(); // space groups only on a comma page
    expect(parseInFormat('65 000,5', 'comma', true)).toBe('65000.5');
  });
});

describe("numbers on a page whose venue's rendering is unknown ('either')", () => {
  it('the scope’s evidence decides', () => {
    expect(read('either', '65,000.5')).toBe('65000.5');
    expect(read('either', '65.000,5')).toBe('65000.5');
    expect(read('either', `65${NNBSP}000,5`)).toBe('65000.5');
    expect(read('either', '2,412', 'Avbl 10,000.00 USDT')).toBe('2412');
    expect(read('either', '2,412', 'Avbl 10 000,00 USDT')).toBe('2.412');
  });

  it('ambiguous without evidence is refused; both conventions in one scope make it unreadable', () => {
    expect(read('either', '1.000')).toBeNull();
    expect(read('either', '1,000')).toBeNull();
    const scope = new NumberScope(() => ['0,5', 'Cost 325.00 USDT'], 'either');
    expect(scope.number('0,5')).toBeNull();
    expect(scope.unreadable).toBe(true);
  });

  it('English pages are unchanged: space groups refused, comma decimals unreadable', () => {
    expect(read('dot', '65 000')).toBeNull();
    expect(read('dot', '0,5')).toBeNull();
    expect(read('dot', '65,000.5')).toBe('65000.5');
  });

  it('amounts with a unit on a comma page', () => {
    const scope = new NumberScope(() => [`Доступно 10${NBSP}000,00 USDT`], 'comma');
    expect(scope.amountWithUnit(`Доступно 10${NBSP}000,00 USDT`, 'USDT', /^Доступно/)).toBe('10000');
    expect(scope.leverage('20x')).toBe('20');
  });
});

describe('OKX locale segments map onto its tables (wired once the gen-2 reader lands)', () => {
  it.each([
    ['zh-hans', 'zh-CN'],
    ['zh-hant', 'zh-TW'],
    ['es-es', 'es'],
    ['ru', 'ru'],
  ])('/%s/ → %s', (segment, table) => {
    const url = new URL(`https://www.okx.com/${segment}/trade-swap/btc-usdt-swap`);
    expect(pageLocale(doc(null), url, OKX_TABLES, { urlSegment: true })?.table).toBe(table);
  });
});
