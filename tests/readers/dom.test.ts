// @vitest-environment happy-dom
// Shared DOM helpers: strict page-number parsing, text matching and the selector strategies.
import { describe, expect, it } from 'vitest';
import { parseAmountWithUnit, parseLeverageText, parsePageNumber, parsePositiveNumber } from '../../src/venues/dom/numbers';
import { accessibleName, findAll, isHidden, isOn } from '../../src/venues/dom/query';
import { isEnglishPage, matchesText, textOf } from '../../src/venues/dom/text';

const html = (body: string, lang = 'en') => new DOMParser().parseFromString(`<html lang="${lang}"><body>${body}</body></html>`, 'text/html');

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

  it.each(['', ' ', '--', '-', '1.234,5', '1,23', '1,2345', '12,34.5', ',123', '65 000', '-5', '+5', '1e5', '0x10', 'NaN', 'Infinity', '1.2.3', '١٢٣', '65000 USD', '9'.repeat(30)])(
    '%j → null',
    (text) => {
      expect(parsePageNumber(text)).toBeNull();
    },
  );

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
    expect(findAll(doc, { expected: 1, strategies: [{ by: 'role', role: 'tab', name: ['buy'] }] })).toHaveLength(1);
    expect(findAll(doc, { expected: 1, strategies: [{ by: 'role', role: 'checkbox', name: ['TP/SL'] }] })).toHaveLength(1);
  });

  it('hidden copies do not count', () => {
    const found = findAll(doc, { expected: 1, strategies: [{ by: 'role', role: 'button', name: ['Buy/Long'] }] });
    expect(found.map((el) => el.className)).toEqual(['x']);
    expect(isHidden(doc.querySelector('[hidden] button')!)).toBe(true);
  });

  it('labels: for=, enclosing label, aria-labelledby', () => {
    const values = (label: string) =>
      findAll(doc, { expected: 1, strategies: [{ by: 'label', label: [label], css: 'input' }] }).map((el) => (el as HTMLInputElement).value);
    expect(values('Limit price')).toEqual(['1']);
    expect(values('Size')).toEqual(['4']);
    expect(values('Take Profit')).toEqual(['5']);
  });

  it('id prefix needs digits after the prefix', () => {
    const found = findAll(doc, { expected: 1, strategies: [{ by: 'idPrefix', prefix: 'price-', css: 'input' }] });
    expect(found.map((el) => el.id)).toEqual(['price-12']);
  });

  it('text finds the innermost element', () => {
    const found = findAll(doc, { expected: 1, strategies: [{ by: 'text', text: /^Avbl \S+ USDT$/, css: 'div' }] });
    expect(found.map((el) => el.className)).toEqual(['row']);
  });

  it('first strategy that finds anything wins', () => {
    const found = findAll(doc, {
      expected: 1,
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
