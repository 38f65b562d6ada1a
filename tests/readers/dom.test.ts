// @vitest-environment happy-dom
// Shared DOM helpers: strict page-number parsing, text matching and the selector strategies.
import { describe, expect, it } from 'vitest';
import { formNumbers } from '../../src/venues/dom/number-scopes';
import {
  NumberScope,
  parseAmountWithUnit,
  parseLeverageText,
  parsePageNumber,
  parsePositiveNumber,
} from '../../src/venues/dom/numbers';
import { accessibleName, findAll, isHidden, isOn } from '../../src/venues/dom/query';
import { isEnglishPage, matchesText, textOf } from '../../src/venues/dom/text';
import {
  agreeingSide,
  formRootOf,
  readLimitPrice,
  readMarginMode,
  readOrderType,
  readTpsl,
  readTrigger,
  rememberTypedOrder,
  sideByClass,
  sideByName,
  triggerValue,
} from '../../src/venues/dom/form-parts';
import { Scan } from '../../src/venues/dom/scan';
import { columnIndexes } from '../../src/venues/dom/table';
import { refreshTyped, rememberTyped } from '../../src/venues/dom/typed';
import type { SelectorTable } from '../../src/venues/dom/query';
import type { FormReading, OrderForm } from '../../src/venues/types';

const html = (body: string, lang = 'en') =>
  new DOMParser().parseFromString(`<html lang="${lang}"><body>${body}</body></html>`, 'text/html');

describe('parsePageNumber', () => {
  it.each([
    ['65,000.0', '65000'],
    ['65000', '65000'],
    ['0.1', '0.1'],
    [' 0.50 ', '0.5'],
    ['.5', '0.5'],
    ['65000.', '65000'],
    ['1,234,567.891', '1234567.891'],
    ['0', '0'],
  ])('%j → %j', (text, value) => {
    expect(parsePageNumber(text)).toBe(value);
  });

  it.each([
    '',
    ' ',
    '--',
    '-',
    '1.234,5',
    '1,23',
    '1,2345',
    '12,34.5',
    ',123',
    '65 000',
    '-5',
    '+5',
    '1e5',
    '0x10',
    'NaN',
    'Infinity',
    '1.2.3',
    '١٢٣',
    '65000 USD',
    '9'.repeat(30),
  ])('%j → null', (text) => {
    expect(parsePageNumber(text)).toBeNull();
  });

  it('refuses non-strings', () => {
    expect(parsePageNumber(null)).toBeNull();
    expect(parsePageNumber(undefined)).toBeNull();
  });

  it('positive: zero refused', () => {
    expect(parsePositiveNumber('0.000')).toBeNull();
    expect(parsePositiveNumber('0.001')).toBe('0.001');
  });
});

describe('parseLeverageText', () => {
  it.each([
    ['20x', '20'],
    ['5×', '5'],
    ['125X', '125'],
    ['2.5x', '2.5'],
    [' 3 x ', '3'],
  ])('%j → %j', (text, value) => {
    expect(parseLeverageText(text)).toBe(value);
  });
  it.each(['20', 'x20', '0x', '0.5x', '20xx', '--x', '1,000x', ''])('%j → null', (text) => {
    expect(parseLeverageText(text)).toBeNull();
  });
});

describe('parseAmountWithUnit', () => {
  it('reads "Avbl 10,000.00 USDT"', () => {
    expect(parseAmountWithUnit('Avbl 10,000.00 USDT', 'USDT', /^Avbl/)).toBe('10000');
    expect(parseAmountWithUnit('Avbl\u00a010,000.00\u00a0USDT', 'USDT', /^Avbl/)).toBe('10000');
  });
  it('refuses another unit, a missing prefix, or an unclean amount', () => {
    expect(parseAmountWithUnit('Avbl 10,000.00 USDC', 'USDT', /^Avbl/)).toBeNull();
    expect(parseAmountWithUnit('Max 10,000.00 USDT', 'USDT', /^Avbl/)).toBeNull();
    expect(parseAmountWithUnit('Avbl -- USDT', 'USDT', /^Avbl/)).toBeNull();
    expect(parseAmountWithUnit('Avbl 10.000,00 USDT', 'USDT', /^Avbl/)).toBeNull();
    expect(parseAmountWithUnit('10,000.00USDT', 'USDT')).toBeNull();
  });
});

describe('text', () => {
  it('element boundaries are spaces, adjacent text nodes join', () => {
    const doc = html('<div id="a"><span>Avbl</span><span>10,000.00 USDT</span></div><button id="b">Buy</button>');
    doc.getElementById('b')!.append(doc.createTextNode('/Long'));
    expect(textOf(doc.getElementById('a')!)).toBe('Avbl 10,000.00 USDT');
    expect(textOf(doc.getElementById('b')!)).toBe('Buy/Long');
  });

  it('lists match whole text, case-insensitively; patterns keep no state', () => {
    expect(matchesText('  buy ', ['Buy'])).toBe(true);
    expect(matchesText('Buy BTC', ['Buy'])).toBe(false);
    const global = /x$/g;
    expect([matchesText('20x', global), matchesText('20x', global)]).toEqual([true, true]);
  });

  it('English pages only (or pages that do not say)', () => {
    expect(isEnglishPage(html('', 'en'))).toBe(true);
    expect(isEnglishPage(html('', 'en-GB'))).toBe(true);
    expect(isEnglishPage(new DOMParser().parseFromString('<p>x</p>', 'text/html'))).toBe(true);
    expect(isEnglishPage(html('', 'de'))).toBe(false);
    expect(isEnglishPage(html('', 'eng'))).toBe(false);
  });
});

describe('selector strategies', () => {
  const doc = html(`
    <div role="tablist"><button role="tab" aria-selected="true">Buy</button><button role="tab" aria-selected="false">Sell</button></div>
    <label for="price-12">Limit price</label><input id="price-12" value="1">
    <input id="price-x" value="2"><input id="price-" value="3">
    <label>Size <input id="s" value="4"></label>
    <span id="lbl">Take Profit</span><input aria-labelledby="lbl" value="5">
    <input type="checkbox" aria-label="TP/SL" checked>
    <div hidden><button>Buy/Long</button></div>
    <div style="display: none"><button>Buy/Long</button></div>
    <button aria-hidden="true">Buy/Long</button>
    <button class="x">Buy/Long</button>
    <div><div class="row"><span>Avbl</span> <span>1 USDT</span></div></div>
  `);

  it('role + name, explicit and implicit roles', () => {
    expect(
      findAll(doc, { expected: { example: 1 }, strategies: [{ by: 'role', role: 'tab', name: ['buy'] }] }),
    ).toHaveLength(1);
    expect(
      findAll(doc, { expected: { example: 1 }, strategies: [{ by: 'role', role: 'checkbox', name: ['TP/SL'] }] }),
    ).toHaveLength(1);
  });

  it('hidden copies do not count', () => {
    const found = findAll(doc, {
      expected: { example: 1 },
      strategies: [{ by: 'role', role: 'button', name: ['Buy/Long'] }],
    });
    expect(found.map((el) => el.className)).toEqual(['x']);
    expect(isHidden(doc.querySelector('[hidden] button')!)).toBe(true);
  });

  it('labels: for=, enclosing label, aria-labelledby', () => {
    const values = (label: string) =>
      findAll(doc, { expected: { example: 1 }, strategies: [{ by: 'label', label: [label], css: 'input' }] }).map(
        (el) => (el as HTMLInputElement).value,
      );
    expect(values('Limit price')).toEqual(['1']);
    expect(values('Size')).toEqual(['4']);
    expect(values('Take Profit')).toEqual(['5']);
  });

  it('id prefix needs digits after the prefix', () => {
    const found = findAll(doc, {
      expected: { example: 1 },
      strategies: [{ by: 'idPrefix', prefix: 'price-', css: 'input' }],
    });
    expect(found.map((el) => el.id)).toEqual(['price-12']);
  });

  it('text finds the innermost element', () => {
    const found = findAll(doc, {
      expected: { example: 1 },
      strategies: [{ by: 'text', text: /^Avbl \S+ USDT$/, css: 'div' }],
    });
    expect(found.map((el) => el.className)).toEqual(['row']);
  });

  it('first strategy that finds anything wins', () => {
    const found = findAll(doc, {
      expected: { example: 1 },
      strategies: [
        { by: 'css', css: '.nothing-here' },
        { by: 'role', role: 'tab', name: ['Sell'] },
        { by: 'role', role: 'tab', name: ['Buy'] },
      ],
    });
    expect(found.map(accessibleName)).toEqual(['Sell']);
  });

  it('selected state from aria or a checkbox', () => {
    expect(isOn(doc.querySelector('[aria-selected="true"]')!)).toBe(true);
    expect(isOn(doc.querySelector('[aria-selected="false"]')!)).toBe(false);
    expect(isOn(doc.querySelector('input[type="checkbox"]')!)).toBe(true);
  });
});

// ---- form-parts.ts and table.ts: the pieces several venue readers share ----

const css = (selector: string, example = 1) => ({
  expected: { example },
  strategies: [{ by: 'css' as const, css: selector }],
});
const PARTS = {
  typeLimit: css('#limit'),
  typeMarket: css('#market'),
  buy: css('.buy'),
  price: css('input.price'),
  tpsl: css('input.tpsl'),
  takeProfit: css('input.tp'),
  stopLoss: css('input.sl'),
} satisfies SelectorTable;
type PartKey = keyof typeof PARTS;

/** A ticket like the perps readers see: Limit/Market tabs, a price, TP/SL with two triggers. */
function ticket(
  opts: { limitOn?: boolean; marketOn?: boolean; price?: string; tpsl?: boolean; tp?: string; sl?: string } = {},
): Document {
  const { limitOn = true, marketOn = false, price = '65,000.5', tpsl = true, tp = '70000', sl = '' } = opts;
  return html(`
    <section id="form">
      <div role="tablist"><button id="limit" role="tab" aria-selected="${limitOn}">Limit</button><button id="market" role="tab" aria-selected="${marketOn}">Market</button></div>
      <input class="price" value="${price}"><input class="size" value="0.5">
      <input type="checkbox" class="tpsl"${tpsl ? ' checked' : ''}>
      <input class="tp" value="${tp}"><input class="sl" value="${sl}">
      <button class="buy">Buy/Long</button><button class="sell">Sell/Short</button>
      <div>Avbl 10,000.00 USDT</div>
    </section>
    <button class="buy-elsewhere">Buy/Long</button>
  `);
}

const scanOf = (doc: Document) => new Scan<PartKey>(doc, PARTS);
const missingOf = (scan: Scan<PartKey>) => (scan.unrecognised() as { missing: string[] }).missing;
const setValue = (doc: Document, selector: string, value: string) => {
  (doc.querySelector(selector) as HTMLInputElement).value = value;
};

describe('formRootOf', () => {
  it('the smallest element holding both single matches', () => {
    const doc = ticket();
    expect(formRootOf(doc, PARTS, 'typeLimit', 'buy')?.id).toBe('form');
    expect(formRootOf(doc, PARTS, 'typeLimit', 'typeMarket')?.getAttribute('role')).toBe('tablist');
    expect(formRootOf(doc, PARTS, 'price', 'price')).toBe(doc.querySelector('input.price'));
  });

  it('null when either key finds none or more than one', () => {
    const doc = ticket();
    doc.querySelector('.buy')!.remove();
    expect(formRootOf(doc, PARTS, 'typeLimit', 'buy')).toBeNull();
    const doubled = ticket();
    doubled.querySelector('.buy-elsewhere')!.className = 'buy';
    expect(formRootOf(doubled, PARTS, 'typeLimit', 'buy')).toBeNull();
    expect(formRootOf(doubled, PARTS, 'buy', 'typeLimit')).toBeNull();
  });
});

describe('sideByName, sideByClass, agreeingSide', () => {
  const BUY = ['Buy/Long', 'Buy / Long'];
  const SELL = ['Sell/Short', 'Sell / Short'];
  const button = (inner: string) => html(inner).body.firstElementChild!;

  it.each([
    ['<button>Buy/Long</button>', 'long'],
    ['<button>buy / long</button>', 'long'],
    ['<button><span>Sell</span>/<span>Short</span></button>', 'short'], // element boundaries are spaces: "Sell / Short"
    ['<button>Sell/Short</button>', 'short'],
    ['<button aria-label="Sell / Short">↓</button>', 'short'],
    ['<button>Buy</button>', null],
    ['<button>Buy/Long 0.5 BTC</button>', null],
    ['<button></button>', null],
  ])('name of %s → %j', (inner, side) => {
    expect(sideByName(button(inner), BUY, SELL)).toBe(side);
  });

  it('name by pattern', () => {
    expect(sideByName(button('<button>Buy BTC</button>'), /^Buy \w+$/, /^Sell \w+$/)).toBe('long');
    expect(sideByName(button('<button>Sell BTC</button>'), /^Buy \w+$/, /^Sell \w+$/)).toBe('short');
  });

  it.each([
    ['<button class="b">x</button>', 'long'],
    ['<button class="s">x</button>', 'short'],
    ['<button class="other">x</button>', null],
    ['<button class="b s">x</button>', 'long'], // the buy class is looked at first
  ])('class of %s → %j', (inner, side) => {
    expect(sideByClass(button(inner), '.b', '.s')).toBe(side);
  });

  it.each([
    ['long', 'long', 'long'],
    ['short', null, 'short'],
    [null, 'long', 'long'],
    [null, null, null],
    ['long', 'short', null],
    ['short', 'long', null],
  ] as const)('%j with %j → %j', (a, b, side) => {
    expect(agreeingSide(a, b)).toBe(side);
  });
});

describe('readMarginMode', () => {
  const mode = (inner: string) => readMarginMode(html(inner).body.firstElementChild);

  it.each([
    ['<button>Cross</button>', 'cross'],
    ['<button>ISOLATED</button>', 'isolated'],
    ['<button> isolated </button>', 'isolated'],
    ['<button aria-label="Cross">C</button>', 'cross'],
  ])('%s → %j', (inner, value) => {
    expect(mode(inner)).toBe(value);
  });

  it.each([
    '<button>Cross 3x</button>',
    '<button>Portfolio</button>',
    '<button>Isolated margin</button>',
    '<button></button>',
  ])('%s → null', (inner) => {
    expect(mode(inner)).toBeNull();
  });

  it('no button → null', () => {
    expect(readMarginMode(null)).toBeNull();
  });
});

describe('readOrderType', () => {
  const typeOf = (doc: Document) => {
    const scan = scanOf(doc);
    const type = readOrderType(scan, scan.one('typeLimit'), scan.one('typeMarket'));
    return { type, missing: missingOf(scan) };
  };

  it('the selected one of Limit and Market', () => {
    expect(typeOf(ticket())).toEqual({ type: 'limit', missing: [] });
    expect(typeOf(ticket({ limitOn: false, marketOn: true }))).toEqual({ type: 'market', missing: [] });
  });

  it('neither or both selected (another tab is): orderType missing', () => {
    expect(typeOf(ticket({ limitOn: false, marketOn: false }))).toEqual({ type: null, missing: ['orderType'] });
    expect(typeOf(ticket({ limitOn: true, marketOn: true }))).toEqual({ type: null, missing: ['orderType'] });
  });

  it('a tab not found: null, and only the tab key is missing', () => {
    const doc = ticket();
    doc.getElementById('market')!.remove();
    expect(typeOf(doc)).toEqual({ type: null, missing: ['typeMarket'] });
  });
});

describe('readLimitPrice', () => {
  const root = (doc: Document) => doc.getElementById('form');

  it('on the Limit tab: the parsed price and its input', () => {
    const doc = ticket();
    const scan = scanOf(doc);
    const price = readLimitPrice(scan, 'price', 'limit', root(doc), formNumbers(root(doc)));
    expect(price).toEqual({ value: '65000.5', input: doc.querySelector('input.price') });
    expect(missingOf(scan)).toEqual([]);
    expect(scan.matched.price).toBe(1);
  });

  it.each(['', '0', '1.234,5', 'abc', '-5'])('on the Limit tab %j is missing', (text) => {
    const doc = ticket({ price: text });
    const scan = scanOf(doc);
    expect(readLimitPrice(scan, 'price', 'limit', root(doc), formNumbers(root(doc)))).toEqual({
      value: null,
      input: doc.querySelector('input.price'),
    });
    expect(missingOf(scan)).toEqual(['price']);
  });

  it('on the Limit tab without the field (or outside the root): missing', () => {
    const doc = ticket();
    const scan = scanOf(doc);
    expect(
      readLimitPrice(scan, 'price', 'limit', doc.querySelector('[role="tablist"]'), formNumbers(root(doc))),
    ).toEqual({ value: null, input: null });
    expect(missingOf(scan)).toEqual(['price']);
    const none = scanOf(doc);
    expect(readLimitPrice(none, 'price', 'limit', null, formNumbers(null))).toEqual({ value: null, input: null });
    expect(missingOf(none)).toEqual(['price']);
  });

  it.each(['market', null] as const)('type %j: counted only, even when garbled', (type) => {
    const doc = ticket({ price: 'Market' });
    const scan = scanOf(doc);
    expect(readLimitPrice(scan, 'price', type, root(doc), formNumbers(root(doc)))).toEqual({
      value: null,
      input: null,
    });
    expect(missingOf(scan)).toEqual([]);
    expect(scan.matched.price).toBe(1);
  });
});

describe('triggerValue', () => {
  const input = (value: string) => {
    const el = html('<input>').querySelector('input')!;
    el.value = value;
    return el;
  };

  it.each([
    ['70000', '70000'],
    ['70,000.50', '70000.5'],
    [' 0.1 ', '0.1'],
  ])('%j → %j', (text, value) => {
    expect(triggerValue(input(text), NumberScope.of(text))).toBe(value);
  });

  it.each(['', '   '])('%j (empty) → null: not set', (text) => {
    expect(triggerValue(input(text), NumberScope.of(text))).toBeNull();
  });

  it.each(['0', '-1', 'abc', '1.234,5', '10%', '1e5'])('%j → undefined: typed but not a price', (text) => {
    expect(triggerValue(input(text), NumberScope.of(text))).toBeUndefined();
  });

  it('no input, or an element that is not one → null', () => {
    expect(triggerValue(null, NumberScope.of())).toBeNull();
    expect(triggerValue(html('<span>70000</span>').querySelector('span'), NumberScope.of())).toBeNull();
  });
});

describe('readTrigger and readTpsl', () => {
  it('off: null without an input, counted, nothing missing even when garbled', () => {
    const doc = ticket({ tp: 'abc' });
    const scan = scanOf(doc);
    expect(readTrigger(scan, 'takeProfit', doc, false, formNumbers(doc.getElementById('form')))).toEqual({
      value: null,
      input: null,
    });
    expect(scan.matched.takeProfit).toBe(1);
    expect(missingOf(scan)).toEqual([]);
  });

  it('on: the price, or null for an empty field, with its input', () => {
    const doc = ticket({ tp: '70,000', sl: '' });
    const scan = scanOf(doc);
    expect(readTrigger(scan, 'takeProfit', doc, true, formNumbers(doc.getElementById('form')))).toEqual({
      value: '70000',
      input: doc.querySelector('input.tp'),
    });
    expect(readTrigger(scan, 'stopLoss', doc, true, formNumbers(doc.getElementById('form')))).toEqual({
      value: null,
      input: doc.querySelector('input.sl'),
    });
    expect(missingOf(scan)).toEqual([]);
  });

  it('on: a garbled or missing field is missing under its key', () => {
    const doc = ticket({ sl: '0' });
    doc.querySelector('input.tp')!.remove();
    const scan = scanOf(doc);
    expect(readTrigger(scan, 'takeProfit', doc, true, formNumbers(doc.getElementById('form')))).toEqual({
      value: null,
      input: null,
    });
    expect(readTrigger(scan, 'stopLoss', doc, true, formNumbers(doc.getElementById('form')))).toEqual({
      value: null,
      input: doc.querySelector('input.sl'),
    });
    expect(missingOf(scan)).toEqual(['takeProfit', 'stopLoss']);
  });

  it('readTpsl: the switch on reads both triggers', () => {
    const doc = ticket({ tp: '70000', sl: '60,000' });
    const scan = scanOf(doc);
    const tpsl = readTpsl(scan, doc.getElementById('form'), formNumbers(doc.getElementById('form')));
    expect(tpsl).toEqual({
      box: doc.querySelector('input.tpsl'),
      takeProfit: { value: '70000', input: doc.querySelector('input.tp') },
      stopLoss: { value: '60000', input: doc.querySelector('input.sl') },
    });
    expect(missingOf(scan)).toEqual([]);
  });

  it('readTpsl: the switch off leaves both null, whatever the fields hold', () => {
    const doc = ticket({ tpsl: false, tp: 'abc', sl: '60000' });
    const scan = scanOf(doc);
    const tpsl = readTpsl(scan, doc, formNumbers(doc.getElementById('form')));
    expect(tpsl.takeProfit).toEqual({ value: null, input: null });
    expect(tpsl.stopLoss).toEqual({ value: null, input: null });
    expect(missingOf(scan)).toEqual([]);
    expect(scan.matched).toMatchObject({ tpsl: 1, takeProfit: 1, stopLoss: 1 });
  });

  it('readTpsl: no switch is missing (triggers counted as off)', () => {
    const doc = ticket();
    doc.querySelector('input.tpsl')!.remove();
    const scan = scanOf(doc);
    expect(readTpsl(scan, doc, formNumbers(doc.getElementById('form'))).box).toBeNull();
    expect(missingOf(scan)).toEqual(['tpsl']);
  });
});

describe('the form schema guards every ok reading', () => {
  const FORM: OrderForm = {
    venue: 'bybit-linear',
    symbol: 'BTCUSDT',
    side: 'both',
    type: 'limit',
    marginMode: 'isolated',
    price: '65000',
    size: { unit: 'base', value: '0.5' },
    leverage: '10',
    marginEnabled: true,
    stopLoss: null,
    takeProfit: null,
    availableBalance: null,
  };

  it('Scan.finish: a form that fails the schema is unrecognised, with the failing path missing', () => {
    const doc = ticket();
    expect(scanOf(doc).finish(FORM)).toMatchObject({ status: 'ok', form: FORM });
    expect(scanOf(doc).finish({ ...FORM, leverage: '0.5' })).toEqual({
      status: 'unrecognised',
      missing: ['leverage'],
      matched: {},
    });
    expect(
      scanOf(doc).finish({
        ...FORM,
        marginMode: 'cross',
        account: {
          walletBalance: '1',
          positions: [
            {
              symbol: 'ETH USDT',
              side: 'long',
              quantity: '1',
              entryPrice: '1',
              markPrice: '1',
              maintenanceMargin: null,
            },
          ],
        },
      }),
    ).toMatchObject({ status: 'unrecognised', missing: ['account.positions[0].symbol'] });
  });

  it('the typing fast path gives up (null) on a form the schema refuses, so the full read says why', () => {
    const doc = ticket();
    const reading = rememberTyped(
      { status: 'ok', form: FORM, matched: {} },
      [doc.querySelector('input.size')],
      (form) => ({ ...form, size: { unit: 'base', value: '0.50' } }),
    );
    expect(refreshTyped(reading)).toBeNull();
  });
});

describe('rememberTypedOrder', () => {
  const FORM: OrderForm = {
    venue: 'bybit-linear',
    symbol: 'BTCUSDT',
    side: 'both',
    type: 'limit',
    marginMode: 'isolated',
    price: '65000.5',
    size: { unit: 'quote', value: '0.5' },
    leverage: '10',
    marginEnabled: true,
    stopLoss: null,
    takeProfit: '70000',
    availableBalance: '100',
  };
  const ok = (form: OrderForm = FORM): FormReading => ({ status: 'ok', form, matched: { price: 1 } });
  const numbersOf = (doc: Document) => () => formNumbers(doc.getElementById('form'));
  const inputs = (doc: Document) => ({
    price: doc.querySelector('input.price')!,
    size: doc.querySelector('input.size')!,
    takeProfit: doc.querySelector('input.tp'),
    stopLoss: doc.querySelector('input.sl'),
  });

  it('returns the reading itself, and a refresh reads the typed values again (unit and the rest kept)', () => {
    const doc = ticket();
    const reading = ok();
    expect(rememberTypedOrder(reading, inputs(doc), numbersOf(doc))).toBe(reading);
    setValue(doc, 'input.price', '64,000');
    setValue(doc, 'input.size', '2');
    setValue(doc, 'input.tp', '');
    setValue(doc, 'input.sl', '60000');
    expect(refreshTyped(reading)).toEqual({
      status: 'ok',
      form: { ...FORM, price: '64000', size: { unit: 'quote', value: '2' }, takeProfit: null, stopLoss: '60000' },
      matched: { price: 1 },
    });
  });

  it('a refreshed reading can be refreshed again', () => {
    const doc = ticket();
    const first = refreshTyped(rememberTypedOrder(ok(), inputs(doc), numbersOf(doc)))!;
    setValue(doc, 'input.size', '3');
    expect(refreshTyped(first)).toMatchObject({ form: { size: { value: '3' } } });
  });

  it.each([
    ['input.size', ''],
    ['input.size', '0'],
    ['input.price', 'abc'],
    ['input.tp', '-1'],
    ['input.sl', '1,23'],
  ])('%s = %j no longer parses: no refresh (null)', (selector, value) => {
    const doc = ticket();
    const reading = rememberTypedOrder(ok(), inputs(doc), numbersOf(doc));
    setValue(doc, selector, value);
    expect(refreshTyped(reading)).toBeNull();
  });

  it('Market tab (no price input): the price stays null', () => {
    const doc = ticket();
    const reading = rememberTypedOrder(
      ok({ ...FORM, type: 'market', price: null }),
      { ...inputs(doc), price: null },
      numbersOf(doc),
    );
    setValue(doc, 'input.price', 'garbage'); // not an input of this reading
    expect(refreshTyped(reading)).toMatchObject({ form: { type: 'market', price: null } });
  });

  it('TP/SL off (null inputs): both refresh to null', () => {
    const doc = ticket();
    const reading = rememberTypedOrder(
      ok({ ...FORM, takeProfit: null }),
      { ...inputs(doc), takeProfit: null, stopLoss: null },
      numbersOf(doc),
    );
    expect(refreshTyped(reading)).toMatchObject({ form: { takeProfit: null, stopLoss: null } });
  });

  it('a venue without TP/SL fields (inputs left out): the form keeps its own TP/SL values', () => {
    const doc = ticket();
    const reading = rememberTypedOrder(
      ok({ ...FORM, stopLoss: '60000' }),
      { price: inputs(doc).price, size: inputs(doc).size },
      numbersOf(doc),
    );
    setValue(doc, 'input.tp', 'garbage'); // not an input of this reading
    setValue(doc, 'input.size', '4');
    expect(refreshTyped(reading)).toMatchObject({
      form: { size: { value: '4' }, takeProfit: '70000', stopLoss: '60000' },
    });
  });

  it('an input gone from the page (re-rendered): no refresh', () => {
    const doc = ticket();
    const reading = rememberTypedOrder(ok(), inputs(doc), numbersOf(doc));
    doc.querySelector('input.sl')!.remove();
    expect(refreshTyped(reading)).toBeNull();
  });

  it('an unrecognised reading is not remembered', () => {
    const doc = ticket();
    const reading: FormReading = { status: 'unrecognised', missing: ['price'], matched: {} };
    expect(rememberTypedOrder(reading, inputs(doc), numbersOf(doc))).toBe(reading);
    expect(refreshTyped(reading)).toBeNull();
  });
});

describe('columnIndexes', () => {
  const COLUMNS = { symbol: ['Contract', 'Symbol'], size: ['Qty'], mm: ['MM', 'Maint. margin'] } as const;

  it('index of each column by any of its names, case-insensitively', () => {
    expect(columnIndexes(['PnL', 'qty', 'Symbol', 'mm'], COLUMNS)).toEqual({ symbol: 2, size: 1, mm: 3 });
    expect(columnIndexes(['Maint. Margin', 'Contract', 'QTY'], COLUMNS)).toEqual({ symbol: 1, size: 2, mm: 0 });
  });

  it('whole header text only', () => {
    expect(columnIndexes(['Contract', 'Qty (BTC)', 'MM'], COLUMNS)).toBeNull();
  });

  it('a column missing, or matching two headers, → null', () => {
    expect(columnIndexes(['Contract', 'Qty'], COLUMNS)).toBeNull();
    expect(columnIndexes(['Contract', 'Qty', 'MM', 'Qty'], COLUMNS)).toBeNull();
    expect(columnIndexes(['Contract', 'Qty', 'MM', 'Symbol'], COLUMNS)).toBeNull(); // two names of one column
  });

  it('optional columns may be missing (null), but not doubled', () => {
    expect(columnIndexes(['Contract', 'Qty'], COLUMNS, ['mm'])).toEqual({ symbol: 0, size: 1, mm: null });
    expect(columnIndexes(['Contract', 'Qty', 'MM'], COLUMNS, ['mm'])).toEqual({ symbol: 0, size: 1, mm: 2 });
    expect(columnIndexes(['Contract', 'Qty', 'MM', 'mm'], COLUMNS, ['mm'])).toBeNull();
    expect(columnIndexes(['Contract', 'MM'], COLUMNS, ['mm'])).toBeNull(); // size is still required
  });

  it('no headers → null; no columns asked → {}', () => {
    expect(columnIndexes([], COLUMNS)).toBeNull();
    expect(columnIndexes(['Contract'], {})).toEqual({});
  });
});
