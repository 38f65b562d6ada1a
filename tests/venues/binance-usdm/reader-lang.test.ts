// @vitest-environment happy-dom
// Binance USDⓈ-M reader in other languages (issue 13 deliverable 4): the translated fixture pages
// (e2e/fixtures/pages/binance-usdm.gen2-{zh-CN,ru,xx}.html) and the one-way page translated in this
// test into every label table of src/venues/binance-words.ts. The page's language (and the URL's
// locale segment) picks the table and the number convention; the reading says which table it used.
import { describe, expect, it } from 'vitest';
import { BINANCE_TABLES, BINANCE_WORDS, type BinanceWords } from '../../../src/venues/binance-words';
import { reader } from '../../../src/venues/binance-usdm/reader';
import { binanceUsdmSelectors } from '../../../src/venues/binance-usdm/selectors';
import { numberFormatOf } from '../../../src/venues/dom/page-locale';
import { misfit } from '../../../src/venues/plausibility';
import type { FormReading, OrderForm } from '../../../src/venues/types';
import { $, expectedCounts, loadPage } from '../../readers/load';

const url = (locale: string) => new URL(`https://www.binance.com/${locale}/futures/BTCUSDT`);
const EXAMPLE: OrderForm = {
  venue: 'binance-usdm',
  symbol: 'BTCUSDT',
  side: 'both',
  type: 'limit',
  marginMode: 'cross',
  price: '65000',
  size: { unit: 'base', value: '0.1' },
  leverage: '20',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: '10000',
};

function form(reading: FormReading): OrderForm {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
}

function missing(reading: FormReading): string[] {
  if (reading.status !== 'unrecognised') throw new Error('expected unrecognised');
  return reading.missing;
}

const price = (doc: Document) => $(doc, '[data-fixture="pane"] [data-fixture="price"]') as HTMLInputElement;

describe('Binance USDⓈ-M, translated fixture pages', () => {
  it('zh-CN page at /zh-CN/: the example order, read with the zh-CN table', () => {
    const reading = reader.read(loadPage('binance-usdm.gen2-zh-CN.html'), url('zh-CN'));
    expect(form(reading)).toEqual({ ...EXAMPLE, language: 'zh-CN' });
    expect(reading.matched).toEqual(expectedCounts(binanceUsdmSelectors('zh-CN'), 'gen2-oneway'));
  });

  it('ru page at /ru/ with decimal commas and (narrow) no-break-space groups: the same order', () => {
    const reading = reader.read(loadPage('binance-usdm.gen2-ru.html'), url('ru'));
    expect(form(reading)).toEqual({ ...EXAMPLE, language: 'ru' });
    expect(reading.matched).toEqual(expectedCounts(binanceUsdmSelectors('ru'), 'gen2-oneway'));
  });

  it('ru page: a dot-decimal figure typed among comma figures makes the form unreadable', () => {
    const doc = loadPage('binance-usdm.gen2-ru.html');
    price(doc).value = '64500.5';
    expect(missing(reader.read(doc, url('ru')))).toEqual(expect.arrayContaining(['price', 'numberFormat']));
  });

  it('ru page: an English "65,000" reads 65 by the page’s comma evidence, and the feed-mark check refuses it', () => {
    const doc = loadPage('binance-usdm.gen2-ru.html');
    price(doc).value = '65,000';
    const read = form(reader.read(doc, url('ru')));
    expect(read.price).toBe('65');
    expect(misfit('price', read.price!, '65010.2')).not.toBeNull();
  });

  it('ru page, typing: the fast path reads comma figures like a full read, and gives up on a dot figure', () => {
    const doc = loadPage('binance-usdm.gen2-ru.html');
    let reading = reader.read(doc, url('ru'));
    for (const value of ['64\u00a0500,5', '64500,5', '64.500,5']) {
      price(doc).value = value;
      const next = reader.refresh!(reading);
      expect(next).toEqual(reader.read(doc, url('ru')));
      expect(next?.status === 'ok' && next.form.price).toBe('64500.5');
      reading = next!;
    }
    price(doc).value = '64500.5';
    expect(reader.refresh!(reading)).toBeNull();
  });

  it('an unknown language ("xx") with untranslatable labels is refused with locale', () => {
    const reading = reader.read(
      loadPage('binance-usdm.gen2-xx.html'),
      new URL('https://www.binance.com/futures/BTCUSDT'),
    );
    expect(missing(reading)).toContain('locale');
  });

  it('a page whose language and URL disagree (zh-CN page at /ru/) is refused with locale', () => {
    expect(missing(reader.read(loadPage('binance-usdm.gen2-zh-CN.html'), url('ru')))).toContain('locale');
  });

  it('an English page still reads with no language in the form', () => {
    const read = form(reader.read(loadPage('binance-usdm.gen2-oneway.html'), url('en')));
    expect(read.language).toBeUndefined();
    // The English page also shows its Cost per button (page estimates); the order itself is the example.
    expect(read.pageEstimates?.map((e) => `${e.kind}:${e.side}`)).toEqual(['cost:long', 'cost:short']);
    expect({ ...read, pageEstimates: undefined }).toEqual(EXAMPLE);
  });
});

/** The one-way page with its words in `words` and its figures in the language's convention. */
function translated(table: string, words: BinanceWords, commaFigures: boolean): Document {
  const doc = loadPage('binance-usdm.gen2-oneway.html');
  doc.documentElement.setAttribute('lang', table);
  const swap: [string, string][] = [
    ['Cross', words.cross[0]!],
    ['Limit', words.limit[0]!],
    ['Market', words.market[0]!],
    ['Price', words.price[0]!],
    ['Amount', words.amount[0]!],
    ['Buy/Long', words.buy[0]!],
    ['Sell/Short', words.sell[0]!],
    ['TP/SL', words.tpsl[0]!],
    ['Avbl', words.avbl[0]!],
    ['Reduce-Only', words.reduceOnly[0]!],
    ['Cost', words.cost[0]!],
  ];
  for (const el of doc.querySelectorAll('*')) {
    const own = [...el.childNodes].filter((n) => n.nodeType === 3);
    for (const node of own) {
      const hit = swap.find(([en]) => node.textContent?.trim() === en);
      if (hit) node.textContent = hit[1];
      else if (commaFigures && node.textContent) node.textContent = toComma(node.textContent);
    }
    const label = el.getAttribute('aria-label');
    const labelHit = swap.find(([en]) => en === label);
    if (labelHit) el.setAttribute('aria-label', labelHit[1]);
  }
  if (commaFigures) for (const input of doc.querySelectorAll('input')) input.value = toComma(input.value);
  return doc;
}

/** "65,000.0" → "65 000,0" (no-break space groups), "0.1" → "0,1". */
const toComma = (text: string) =>
  text.replace(/\d[\d,]*\.\d+|\d{1,3}(?:,\d{3})+/g, (n) => n.replace(/,/g, '\u00a0').replace('.', ','));

describe('Binance USDⓈ-M: the one-way page in every label table', () => {
  for (const table of BINANCE_TABLES.filter((t) => t !== 'en')) {
    const words = BINANCE_WORDS[table]!;
    const figures = numberFormatOf(table) === 'comma' ? [false, true] : [false];
    for (const comma of figures) {
      it(`${table}${comma ? ', comma figures' : ''}: the example order, language ${table}`, () => {
        const reading = reader.read(translated(table, words, comma), url(table));
        expect({ ...form(reading), pageEstimates: undefined }).toEqual({ ...EXAMPLE, language: table });
        // The Cost under each button, labelled in the table's word, reads as on the English page.
        const english = form(reader.read(loadPage('binance-usdm.gen2-oneway.html'), url('en'))).pageEstimates;
        expect(form(reading).pageEstimates).toEqual(english);
      });
    }
  }
});
