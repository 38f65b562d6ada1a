// @vitest-environment happy-dom
// Bybit reader in other languages (issue 13 deliverable 4): the second-generation page translated in
// this test into every label table of src/venues/bybit-linear/words.ts (its figures too, for the
// decimal-comma languages). The page's <html lang> picks the table and the number convention; the
// reading says which table it used. A language without a table is refused with 'locale'.
import { describe, expect, it } from 'vitest';
import { reader } from '../../../src/venues/bybit-linear/reader';
import { BYBIT_TABLES, BYBIT_WORDS, type BybitWords } from '../../../src/venues/bybit-linear/words';
import { numberFormatOf } from '../../../src/venues/dom/page-locale';
import type { FormReading } from '../../../src/venues/types';
import { loadPage } from '../../readers/load';
import { GEN2 } from './states';

const URL_BTC = new URL('https://www.bybit.com/trade/usdt/BTCUSDT');
/** The gen-2 page's order (reader-gen2.test.ts), without the account: its panel and table are read in English only. */
const ORDER = {
  venue: 'bybit-linear',
  symbol: 'BTCUSDT',
  side: 'both',
  type: 'limit',
  marginMode: 'cross',
  price: '65000',
  size: { unit: 'base', value: '0.1' },
  leverage: '10',
  marginEnabled: true,
  stopLoss: '63500',
  takeProfit: '68000',
  availableBalance: '10000',
};

function form(reading: FormReading) {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
}

/** "65,000.0" → "65 000,0" (no-break space groups), "0.100" → "0,100". */
const toComma = (text: string) =>
  text.replace(/\d[\d,]*\.\d+|\d{1,3}(?:,\d{3})+/g, (n) => n.replace(/,/g, '\u00a0').replace('.', ','));

/** The gen-2 page with the order form's words in `words` (and its figures the comma way when asked). */
function translated(table: string, words: BybitWords, comma: boolean): Document {
  const doc = loadPage(GEN2);
  doc.documentElement.setAttribute('lang', table);
  const swap: [string, string][] = [
    ['Cross', words.cross[0]!],
    ['Limit', words.limit[0]!],
    ['Market', words.market[0]!],
    ['Available Balance', words.available[0]!],
    ['Price', words.price[0]!],
    ['Qty', words.byQty[0]!],
    ['Order by Qty', words.byQty.at(-1)!],
    ['Order by Value', words.byValue.at(-1)!],
    ['TP/SL', words.tpsl[0]!],
    ['Reduce-Only', words.reduceOnly[0]!],
    ['Take Profit', words.takeProfit[0]!],
    ['Stop Loss', words.stopLoss[0]!],
    ['Buy/Long', words.buy[0]!],
    ['Sell/Short', words.sell[0]!],
  ];
  const form = doc.querySelector('.oc') ?? doc.body;
  for (const el of form.querySelectorAll('*')) {
    for (const node of [...el.childNodes].filter((n) => n.nodeType === 3)) {
      const hit = swap.find(([en]) => node.textContent?.trim() === en);
      if (hit) node.textContent = hit[1];
      else if (comma && node.textContent) node.textContent = toComma(node.textContent);
    }
  }
  if (comma) for (const input of form.querySelectorAll('input')) input.value = toComma(input.value);
  return doc;
}

describe('Bybit: the gen-2 page in every label table', () => {
  for (const table of BYBIT_TABLES.filter((t) => t !== 'en')) {
    const words = BYBIT_WORDS[table]!;
    for (const comma of numberFormatOf(table) === 'comma' ? [false, true] : [false]) {
      it(`${table}${comma ? ', comma figures' : ''}: the order, language ${table}`, () => {
        const read = form(reader.read(translated(table, words, comma), URL_BTC));
        expect({ ...read, account: undefined, pageEstimates: undefined }).toEqual({
          ...ORDER,
          account: undefined,
          language: table,
        });
        // The page's own Order Cost / Order Value rows (left in English here) read to the same figures.
        expect(read.pageEstimates).toEqual(form(reader.read(loadPage(GEN2), URL_BTC)).pageEstimates);
      });
    }
  }

  it("the guard's lookups follow the page language: the translated form root and both submit buttons", () => {
    for (const table of BYBIT_TABLES.filter((t) => t !== 'en')) {
      const doc = translated(table, BYBIT_WORDS[table]!, false);
      expect(reader.formRoot(doc), table).not.toBeNull();
      const buttons = reader.submitButtons(doc);
      expect(
        buttons.map((b) => reader.sideOfSubmit(b)),
        table,
      ).toEqual(['long', 'short']);
    }
  });

  it('English is unchanged: no language in the form', () => {
    expect(form(reader.read(loadPage(GEN2), URL_BTC)).language).toBeUndefined();
  });

  it('a language without a table is refused with locale', () => {
    const doc = loadPage(GEN2);
    doc.documentElement.setAttribute('lang', 'xx');
    const reading = reader.read(doc, URL_BTC);
    expect(reading.status === 'unrecognised' && reading.missing).toContain('locale');
  });
});
