// @vitest-environment happy-dom
// OKX reader in other languages (issue 13 deliverable 4): both page generations (okx-swap.html, okx-swap.gen2.html)
// translated in this test into every label table of src/venues/okx-swap/words.ts (their figures too, for the
// decimal-comma languages). <html lang> and the URL's locale segment (/ru/, /zh-hans/) pick the table and the number
// convention and must agree; the reading says which table it used. A language without a table, or a page whose
// language and URL disagree, is refused with 'locale'. The Cost row is read only where the table has its word: an
// untranslated Cost never refuses a form that is otherwise fine.
import { describe, expect, it } from 'vitest';
import { numberFormatOf } from '../../../src/venues/dom/page-locale';
import { reader } from '../../../src/venues/okx-swap/reader';
import { OKX_TABLES, OKX_WORDS, type OkxWords } from '../../../src/venues/okx-swap/words';
import type { FormReading, OrderForm } from '../../../src/venues/types';
import { $, loadPage } from '../../readers/load';
import { GEN2 } from './states';

const GENERATIONS = [
  ['generation 1', 'okx-swap.html'],
  ['generation 2', GEN2],
] as const;
/** The locale segment OKX puts in its URLs for a table (page-locale.ts maps it back). */
const SEGMENT: Record<string, string> = { 'zh-CN': 'zh-hans', 'zh-TW': 'zh-hant', es: 'es-es' };
const okxUrl = (segment?: string) =>
  new URL(`https://www.okx.com/${segment === undefined ? '' : `${segment}/`}trade-swap/btc-usdt-swap`);

function form(reading: FormReading): OrderForm {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
}

function missing(reading: FormReading): string[] {
  if (reading.status !== 'unrecognised') throw new Error('expected unrecognised');
  return reading.missing;
}

/** "65,000.0" → "65 000,0" (no-break space groups), "0.100" → "0,100", "10.00x" → "10,00x". */
const toComma = (text: string) =>
  text.replace(/\d[\d,]*\.\d+|\d{1,3}(?:,\d{3})+/g, (n) => n.replace(/,/g, '\u00a0').replace('.', ','));

/**
 * The page with the order form's words in `words` (its figures the comma way when asked). The Cost row's
 * label is left as the page shows it unless `cost` is given; the account panel and the positions table
 * stay English (read in English only).
 */
function translated(file: string, lang: string, words: OkxWords, comma: boolean, cost?: string): Document {
  const doc = loadPage(file);
  doc.documentElement.setAttribute('lang', lang);
  const swap: [string, string][] = [
    ['Cross', words.cross[0]!],
    ['Limit', words.limit[0]!],
    ['Market', words.market[0]!],
    ['Available', words.available[0]!],
    ['Price (USDT)', words.price[0]!],
    ['Amount', words.amount[0]!],
    ['TP/SL', words.tpsl[0]!],
    ['TP trigger price', words.takeProfit[0]!],
    ['SL trigger price', words.stopLoss[0]!],
    ['Buy/Long', words.buy[0]!],
    ['Sell/Short', words.sell[0]!],
    ...(cost === undefined ? [] : [['Cost', cost] as [string, string]]),
  ];
  const orderForm = $(doc, '[data-fixture="order-form"]');
  for (const el of [orderForm, ...orderForm.querySelectorAll('*')]) {
    for (const node of [...el.childNodes].filter((n) => n.nodeType === 3)) {
      const hit = swap.find(([en]) => node.textContent?.trim() === en);
      if (hit) node.textContent = hit[1];
      else if (comma && node.textContent) node.textContent = toComma(node.textContent);
    }
  }
  if (comma) for (const input of orderForm.querySelectorAll('input')) input.value = toComma(input.value);
  return doc;
}

for (const [generation, file] of GENERATIONS) {
  describe(`OKX ${generation} in every label table`, () => {
    const english = () => form(reader.read(loadPage(file), okxUrl()));

    it('English (lang="en", no locale segment): no language in the form, the Cost row read', () => {
      const read = english();
      expect(read.language).toBeUndefined();
      expect(read.pageEstimates?.length).toBeGreaterThan(0);
    });

    for (const table of OKX_TABLES.filter((t) => t !== 'en')) {
      const words = OKX_WORDS[table]!;
      const segment = SEGMENT[table] ?? table;
      for (const comma of numberFormatOf(table) === 'comma' ? [false, true] : [false]) {
        it(`${table}${comma ? ', comma figures' : ''}: the same order, language ${table}, at / and at /${segment}/`, () => {
          const { pageEstimates: _cost, ...order } = english();
          for (const url of [okxUrl(), okxUrl(segment)]) {
            const read = form(reader.read(translated(file, table, words, comma), url));
            // The table has no Cost word: the English "Cost" row is not this page's label, so it is not read.
            expect(words.cost).toBeUndefined();
            expect(read, url.pathname).toEqual({ ...order, language: table });
          }
        });
      }
    }

    it('a Cost row labelled in the page language the table has no word for: not read, the form is', () => {
      const ru = OKX_WORDS['ru']!;
      const read = form(reader.read(translated(file, 'ru', ru, true, 'Стоимость'), okxUrl('ru')));
      expect(read.pageEstimates).toBeUndefined();
      expect(read.language).toBe('ru');
    });

    it('the English page at /ru/ (lang="en"): the page and the URL disagree, refused with locale', () => {
      expect(missing(reader.read(loadPage(file), okxUrl('ru')))).toContain('locale');
      expect(missing(reader.read(loadPage(file), okxUrl('zh-hans')))).toContain('locale');
    });

    it('a Russian page at /zh-hans/: refused with locale', () => {
      const doc = translated(file, 'ru', OKX_WORDS['ru']!, false);
      expect(missing(reader.read(doc, okxUrl('zh-hans')))).toContain('locale');
    });

    it('a language without a table (lang="xx", or at /xx/): refused with locale', () => {
      const doc = loadPage(file);
      doc.documentElement.setAttribute('lang', 'xx');
      expect(missing(reader.read(doc, okxUrl()))).toContain('locale');
      const ja = translated(file, 'ja', OKX_WORDS['ru']!, false);
      expect(missing(reader.read(ja, okxUrl('ja')))).toContain('locale');
    });

    it('lang="ru" over English words: refused (the ru table finds no form), never read as English', () => {
      const doc = loadPage(file);
      doc.documentElement.setAttribute('lang', 'ru');
      expect(missing(reader.read(doc, okxUrl('ru')))).toEqual(expect.arrayContaining(['typeLimit', 'buy']));
    });

    it('positions linked under the locale segment are read as on the bare URLs', () => {
      const doc = translated(file, 'ru', OKX_WORDS['ru']!, true);
      for (const a of doc.querySelectorAll('a[href^="/trade-swap/"]'))
        a.setAttribute('href', `/ru${a.getAttribute('href')}`);
      expect(form(reader.read(doc, okxUrl('ru'))).account).toEqual(english().account);
    });

    it("the translated buttons are submit buttons of their side (the click alone does not tell the page's language)", () => {
      const doc = translated(file, 'zh-CN', OKX_WORDS['zh-CN']!, false);
      const [buy, sell] = reader.submitButtons(doc);
      expect([buy && reader.sideOfSubmit(buy), sell && reader.sideOfSubmit(sell)]).toEqual(['long', 'short']);
    });
  });
}
