// @vitest-environment happy-dom
// Number format ambiguity (issue 9 item 7): "2,412" on an English page may mean 2.412. Each
// number is read within a scope (the form, a table, an account panel) whose own unambiguous
// figures decide how an ambiguous text reads; comma-decimal evidence on an English page, or
// both kinds, makes the scope unreadable. The rule is in src/venues/dom/numbers.ts.
import { describe, expect, it } from 'vitest';
import { classifyNumber, evidenceOf, NumberScope, parseInFormat, parsePageNumber } from '../../src/venues/dom/numbers';
import { reader as bybit } from '../../src/venues/bybit-linear/reader';
import { reader as okx } from '../../src/venues/okx-swap/reader';
import { reader as hyperliquid } from '../../src/venues/hyperliquid/reader';
import type { FormReading, OrderForm } from '../../src/venues/types';
import { FIXTURES } from '../venues/fixture-pages';
import { $, byText, loadPage } from './load';

function form(reading: FormReading): OrderForm {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
}

describe('classifyNumber: which formats a text is valid in', () => {
  it.each([
    ['65000', 'plain', '65000'],
    ['0', 'plain', '0'],
    ['0.5', 'dot', '0.5'],
    ['65,000.50', 'dot', '65000.5'],
    ['2.4120', 'dot', '2.412'],
    ['1,000,000', 'dot', '1000000'], // two commas cannot be comma decimals
    ['0.500', 'dot', '0.5'], // a group never starts with a lone 0
    ['.5', 'dot', '0.5'],
    ['65000.', 'dot', '65000'],
    ['0,5', 'comma', null],
    ['3.412,50', 'comma', null],
    ['2,41', 'comma', null],
    ['1.000.000', 'comma', null],
    ['0,500', 'comma', null],
    ['2,412', 'ambiguous', '2412'],
    ['65.000', 'ambiguous', '65'],
    ['1,000', 'ambiguous', '1000'],
  ])('%j: %s (dot-decimal value %j)', (text, kind, dot) => {
    expect(classifyNumber(text)).toEqual({ kind, dot });
  });

  it.each(['', '--', '-5', '+5', '1e5', '65 000', '12,34.5', '1.2.3', '1,2,3', ',', '.', 'NaN'])(
    '%j: neither (null)',
    (text) => {
      expect(classifyNumber(text)).toBeNull();
    },
  );

  it('each format on its own', () => {
    expect(parseInFormat('3.412,50', 'comma')).toBe('3412.5');
    expect(parseInFormat('3.412,50', 'dot')).toBeNull();
    expect(parseInFormat('65.000', 'comma')).toBe('65000');
    expect(parseInFormat('65.000', 'dot')).toBe('65');
  });
});

describe("evidenceOf: the unambiguous numbers among a scope's texts", () => {
  it.each<[string[], { dot: boolean; comma: boolean }]>([
    [['Avbl 10,000.00 USDT', '2,412'], { dot: true, comma: false }],
    [['Cost 650,00 USDT'], { dot: false, comma: true }],
    [['2,412', '65.000', '1500', 'BTCUSDT 10x'], { dot: false, comma: false }],
    [['fee 0.02%', 'PnL +3.412,50 USDT'], { dot: true, comma: true }],
    [['reached 1,000.'], { dot: false, comma: false }], // the full stop ends the sentence, not the number
    [['2024.01.05 12:30:45', 'v1.2.3'], { dot: false, comma: false }], // not numbers in either format
  ])('%j → %j', (texts, evidence) => {
    expect(evidenceOf(texts)).toEqual(evidence);
  });
});

describe("NumberScope: reading by the scope's evidence", () => {
  it('dot evidence: an ambiguous text reads dot-decimal', () => {
    const scope = NumberScope.of('Avbl 10,000.00 USDT');
    expect(scope.number('2,412')).toBe('2412');
    expect(scope.number('65.000')).toBe('65');
    expect(scope.unreadable).toBe(false);
  });

  it('no evidence: an ambiguous text is not read (never a guess); plain and dot texts are', () => {
    const scope = NumberScope.of('2,412', '1500');
    expect(scope.number('2,412')).toBeNull();
    expect(scope.number('1500')).toBe('1500');
    expect(scope.number('0.5')).toBe('0.5');
  });

  it('comma evidence on an English page: nothing in the scope is readable', () => {
    const scope = NumberScope.of('Cost 650,00 USDT', '1500', '0.5');
    expect(scope.number('1500')).toBeNull();
    expect(scope.number('0.5')).toBeNull();
    expect(scope.number('2,412')).toBeNull();
    expect(scope.unreadable).toBe(true);
  });

  it('both kinds of evidence (a page that contradicts itself): nothing is readable', () => {
    const scope = NumberScope.of('65,000.50', '3.412,50');
    expect(scope.number('65,000.50')).toBeNull();
    expect(scope.unreadable).toBe(true);
  });

  it('a comma-decimal text is never read, even in a scope without evidence', () => {
    expect(NumberScope.of().number('0,5')).toBeNull();
  });

  it('amounts, leverage and positives go by the same rule', () => {
    const scope = NumberScope.of('Max 1,000.00 USDT');
    expect(scope.amountWithUnit('Avbl 2,412 usdt', 'USDT', /^avbl/)).toBe('2412');
    expect(scope.leverage('1.000x')).toBe('1');
    expect(scope.positive('0')).toBeNull();
    expect(NumberScope.of('1.000x').leverage('1.000x')).toBeNull();
    expect(NumberScope.of().leverage('2,5x')).toBeNull();
  });

  it('a text alone is its own scope: "2,412" is refused, "65,000.0" read', () => {
    expect(parsePageNumber('2,412')).toBeNull();
    expect(parsePageNumber('65,000.0')).toBe('65000');
  });
});

// ---- the readers' scopes ----

const BYBIT_URL = new URL(FIXTURES['bybit-linear'].url);
const bybitRows = (doc: Document) =>
  [...doc.querySelectorAll('.by-table tbody tr')].map((row) => [...row.children] as HTMLElement[]);

/** The Bybit positions table as a comma-decimal page renders it: every figure, read or not. */
function commaTable(doc: Document): void {
  const cells = bybitRows(doc);
  const set = (row: number, column: number, text: string) => (cells[row]![column]!.textContent = text);
  // SOL: qty, value, entry, mark, liq, IM, MM, PnL
  ['25', '3.703,00 USDT', '142,350', '148,120', '--', '370,30 USDT', '19,540 USDT', '+144,25 USDT'].forEach((t, i) =>
    set(0, i + 1, t),
  );
  ['1.500', '3.582,75 USDT', '2,412', '2,389', '--', '358,28 USDT', '19,840 USDT', '+35,25 USDT'].forEach((t, i) =>
    set(1, i + 1, t),
  );
  ['4.000', '1.420,00 USDT', '0,35000', '0,35500', '0,28350', '280,00 USDT', '7,89 USDT', '+20,00 USDT'].forEach(
    (t, i) => set(2, i + 1, t),
  );
}

describe('Bybit positions table: one scope', () => {
  it('the fixture\'s own figures ("3,703.00 USDT") say dot-decimal: "1,500" and "142.350" read as such', () => {
    const positions = form(bybit.read(loadPage('bybit-linear.html'), BYBIT_URL)).account?.positions;
    expect(positions?.map((p) => [p.quantity, p.entryPrice])).toEqual([
      ['25', '142.35'],
      ['1500', '2.412'],
    ]);
  });

  it('a comma-decimal table whose read columns all look dot-decimal ("2,412", "1.500") is not read: positions unknown, never 1000×', () => {
    const doc = loadPage('bybit-linear.html');
    commaTable(doc);
    expect(form(bybit.read(doc, BYBIT_URL)).account).toEqual({ walletBalance: '10000', positions: null });
  });

  it('a table with no evidence at all (every figure ambiguous) is not read either', () => {
    const doc = loadPage('bybit-linear.html');
    commaTable(doc);
    bybitRows(doc)[2]![0]!.parentElement!.remove(); // the isolated DOGE row ("1.420,00 USDT" is evidence)
    for (const row of bybitRows(doc))
      for (const cell of row.slice(2)) if (/\d,\d\d\b(?!\d)/.test(cell.textContent!)) cell.textContent = '--';
    for (const tag of doc.querySelectorAll('.by-table tbody td:first-child span:last-child'))
      tag.textContent = tag.textContent!.replace('.00x', 'x');
    expect(bybitRows(doc)[0]!.map((cell) => cell.textContent)).toEqual([
      'SOLUSDT Long Cross 10x',
      '25',
      '--',
      '142,350',
      '148,120',
      '--',
      '--',
      '19,540 USDT',
      '--',
    ]);
    expect(form(bybit.read(doc, BYBIT_URL)).account?.positions).toBeNull();
  });

  it("the wallet balance is read in its own panel's scope", () => {
    const doc = loadPage('bybit-linear.html');
    byText(doc, '.trade-assets__row span', '10,000.0000 USDT').textContent = '10,000 USDT';
    // The panel's other rows ("10,162.52 USDT") say dot-decimal.
    expect(form(bybit.read(doc, BYBIT_URL)).account?.walletBalance).toBe('10000');
    for (const span of doc.querySelectorAll('.trade-assets__row span + span'))
      if (span.textContent !== '10,000 USDT') span.textContent = '--';
    expect(form(bybit.read(doc, BYBIT_URL)).account?.walletBalance).toBeNull();
  });
});

describe('the order form: one scope', () => {
  const priceInput = (doc: Document) => $(doc, '[data-fixture="price"]') as HTMLInputElement;

  it('"65.000" in a form that shows dot decimals reads 65 (the background\'s plausibility check catches that), "65,000" reads 65000', () => {
    const doc = loadPage('bybit-linear.html');
    priceInput(doc).value = '65.000';
    expect(form(bybit.read(doc, BYBIT_URL)).price).toBe('65');
    priceInput(doc).value = '65,000';
    expect(form(bybit.read(doc, BYBIT_URL)).price).toBe('65000');
  });

  it('a form whose figures are comma-decimal ("Cost 650,00 USDT") reads no number: numberFormat', () => {
    const doc = loadPage('bybit-linear.html');
    $(doc, '[data-fixture="cost-long"]').textContent = '656,79 USDT';
    const reading = bybit.read(doc, BYBIT_URL);
    expect(reading.status === 'unrecognised' && reading.missing).toEqual(['leverage', 'price', 'size', 'numberFormat']);
  });

  it('a form with no evidence at all: an ambiguous price is missing, not guessed', () => {
    const doc = loadPage('bybit-linear.html');
    for (const el of [
      ...doc.querySelectorAll('.oc__available-value, [data-fixture^="cost-"], [data-fixture^="value-"]'),
    ])
      el.textContent = '-- USDT';
    $(doc, '[data-fixture="leverage"]').textContent = '10x';
    ($(doc, '[data-fixture="size"]') as HTMLInputElement).value = '1';
    priceInput(doc).value = '65,000';
    const reading = bybit.read(doc, BYBIT_URL);
    expect(reading.status === 'unrecognised' && reading.missing).toEqual(['price']);
    priceInput(doc).value = '65000';
    expect(form(bybit.read(doc, BYBIT_URL)).price).toBe('65000');
  });
});

describe('OKX and Hyperliquid tables: the same rule', () => {
  it('OKX: a comma-decimal positions table with three-decimal prices makes the positions garbled, not 1000×', () => {
    const doc = loadPage('okx-swap.html');
    const cells = [...doc.querySelectorAll('.okui-table-tbody tr td')];
    ['1,5 ETH', '3.150,000', '3.201,250', '--', '472,50 USDT', '24,01 USDT'].forEach(
      (t, i) => (cells[i + 1]!.textContent = t),
    );
    const reading = okx.read(doc, new URL(FIXTURES['okx-swap'].url));
    expect(reading.status === 'unrecognised' && reading.missing).toEqual(['positions']);
  });

  it('Hyperliquid: "148,200" as the mark next to "$2.964,00" is not read as 148200', () => {
    const doc = loadPage('hyperliquid.html');
    const cells = [...$(doc, 'table tbody tr').children];
    cells[2]!.textContent = '$2.964,00';
    cells[3]!.textContent = '150,000';
    cells[4]!.textContent = '148,200';
    expect(form(hyperliquid.read(doc, new URL(FIXTURES.hyperliquid.url))).account?.positions).toBeNull();
  });
});
