// @vitest-environment happy-dom
// Binance spot margin reader in other languages (issue 13 deliverable 4): both page generations
// (binance-margin.html, binance-margin.gen2.html) translated in this test into a label table of
// src/venues/binance-margin/words.ts, numbers rewritten to the language's convention (ru: decimal
// comma, no-break-space groups), plus the translated e2e page binance-margin.gen2-zh-CN.html. The page's
// language and the URL's locale segment pick the table; the reading says which table it used.
import { describe, expect, it } from 'vitest';
import { reader, sideOfSubmit } from '../../../src/venues/binance-margin/reader';
import { binanceMarginSelectors } from '../../../src/venues/binance-margin/selectors';
import { marginWords, MARGIN_TABLES, type MarginWords } from '../../../src/venues/binance-margin/words';
import { numberFormatOf } from '../../../src/venues/dom/page-locale';
import type { FormReading, OrderForm } from '../../../src/venues/types';
import { $, expectedCounts, loadPage } from '../../readers/load';

const GEN1 = 'binance-margin.html';
const GEN2 = 'binance-margin.gen2.html';
const url = (locale: string) => new URL(`https://www.binance.com/${locale}/trade/BTC_USDT?type=cross`);
const EXAMPLE: OrderForm = {
  venue: 'binance-margin',
  symbol: 'BTCUSDT',
  side: 'long',
  type: 'limit',
  marginMode: 'cross',
  price: '65000',
  size: { unit: 'base', value: '0.5' },
  leverage: '3',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: '20000',
  borrow: 'auto',
  account: { walletBalance: '20000', positions: [] },
};

function form(reading: FormReading): OrderForm {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
}

function missing(reading: FormReading): string[] {
  if (reading.status !== 'unrecognised') throw new Error('expected unrecognised');
  return reading.missing;
}

/** The page's English words → the table's (first) word. */
function wordMap(w: MarginWords): Map<string, string> {
  const en = marginWords('en');
  const keys = ['spot', 'cross', 'isolated', 'normal', 'borrow', 'repay', 'buySide', 'sellSide', 'limit', 'market',
    'avbl', 'price', 'total', 'marginLevel', 'totalAssets', 'totalLiabilities'] as const; // prettier-ignore
  const map = new Map(keys.map((key) => [en[key][0]!, w[key][0]!]));
  map.set('Amount', w.amount[0]!);
  for (const [verb, side] of [
    ['Buy', w.buySide[0]!],
    ['Sell', w.sellSide[0]!],
  ])
    map.set(`${verb} BTC`, `${side} BTC`);
  return map;
}

/** "65,000.00" → "65 000,00" (groups by U+00A0), "0.5" → "0,5": a comma page's figures. */
const commaFigures = (text: string): string =>
  text.replace(/\d{1,3}(?:,\d{3})*(?:\.\d+)?/g, (n) => n.replace(/,/g, '\u00a0').replace('.', ','));

/** A fixture page translated into a table: its words, its figures (comma languages), <html lang>. */
function translated(file: string, table: string, lang = table): Document {
  const doc = loadPage(file);
  const words = wordMap(marginWords(table));
  const comma = numberFormatOf(table) === 'comma';
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.tagName === 'SCRIPT') continue;
    const text = node.textContent ?? '';
    const word = words.get(text.trim());
    if (word !== undefined) node.textContent = word;
    else if (comma) node.textContent = commaFigures(text);
  }
  if (comma) for (const input of doc.querySelectorAll('input')) input.value = commaFigures(input.value);
  doc.documentElement.setAttribute('lang', lang);
  return doc;
}

describe.each([
  ['gen 1', GEN1, 'example'],
  ['gen 2', GEN2, 'gen2'],
])('Binance margin %s, translated', (_name, file, state) => {
  it.each(['zh-CN', 'ru'])('%s page at /%s/: the example order, read with that table', (table) => {
    const reading = reader.read(translated(file, table), url(table));
    expect(form(reading)).toEqual({ ...EXAMPLE, language: table });
    expect(reading.matched).toEqual(expectedCounts(binanceMarginSelectors(table), state));
  });

  it('every margin table reads the example order', () => {
    for (const table of MARGIN_TABLES) {
      const expected = table === 'en' ? EXAMPLE : { ...EXAMPLE, language: table };
      expect(form(reader.read(translated(file, table), url(table))), table).toEqual(expected);
    }
  });

  it('ru page: a dot-decimal price typed among comma figures makes the form unreadable', () => {
    const doc = translated(file, 'ru');
    ($(doc, 'input#FormRow-BUY-price, input#limitPrice') as HTMLInputElement).value = '64500.5';
    expect(missing(reader.read(doc, url('ru')))).toEqual(expect.arrayContaining(['numberFormat']));
  });

  it('a language without a table (xx): refused for locale alone', () => {
    const doc = loadPage(file);
    doc.documentElement.setAttribute('lang', 'xx');
    expect(missing(reader.read(doc, url('xx')))).toEqual(['locale']);
  });

  it('<html lang> and the URL segment disagree (zh-CN page at /ru/): refused for locale', () => {
    expect(missing(reader.read(translated(file, 'zh-CN'), url('ru')))).toContain('locale');
  });

  it('a page declaring ru but showing English words is not read', () => {
    const doc = loadPage(file);
    doc.documentElement.setAttribute('lang', 'ru');
    expect(reader.read(doc, url('ru')).status).toBe('unrecognised');
  });
});

describe('the translated e2e page binance-margin.gen2-zh-CN.html', () => {
  it('reads the example order with the zh-CN table', () => {
    const reading = reader.read(loadPage('binance-margin.gen2-zh-CN.html'), url('zh-CN'));
    expect(form(reading)).toEqual({ ...EXAMPLE, language: 'zh-CN' });
    expect(reading.matched).toEqual(expectedCounts(binanceMarginSelectors('zh-CN'), 'gen2'));
  });

  it('the zh-CN page under an English URL (/en/) is refused for locale', () => {
    expect(missing(reader.read(loadPage('binance-margin.gen2-zh-CN.html'), url('en')))).toContain('locale');
  });
});

describe('sideOfSubmit in any language (a click does not tell the page language)', () => {
  it.each([
    ['买入 BTC', 'bn-button__buy', 'long'],
    ['卖出 BTC', 'bn-button__sell', 'short'],
    ['Продать BTC', 'bn-button__sell', 'short'],
    ['卖出 BTC', 'bn-button__buy', null],
  ] as const)('"%s" with class %s → %s', (name, cls, side) => {
    const button = document.createElement('button');
    button.className = `bn-button ${cls}`;
    button.textContent = name;
    document.body.append(button);
    expect(sideOfSubmit(button)).toBe(side);
    button.remove();
  });
});
