// @vitest-environment happy-dom
// Teach mode's locators (issue 14): the element the trader pointed at is remembered by what
// survives a redeploy, in a fixed order of preference, and never by a hashed class or an index alone.
import { describe, expect, it } from 'vitest';
import { check } from '../../src/schema/kit';
import {
  describeLocator,
  isComponentClass,
  locatorFor,
  locatorSchema,
  resolveLocator,
  type Locator,
} from '../../src/venues/dom/locator';

const page = (body: string, head = '') =>
  new DOMParser().parseFromString(`<html lang="en"><head>${head}</head><body>${body}</body></html>`, 'text/html');
const target = (doc: Document) => doc.querySelector('[data-target]')!;

describe('locatorFor: the first candidate that finds exactly the element', () => {
  const cases: [string, string, Locator][] = [
    [
      'a stable id before everything else',
      '<label for="limitPrice">Price</label><input id="limitPrice" data-testid="p" aria-label="Price" class="bn-input" data-target>',
      { by: 'id', id: 'limitPrice' },
    ],
    [
      'an id prefix when the id ends in a render counter',
      '<input id="price-1734" data-testid="p" data-target>',
      { by: 'idPrefix', tag: 'input', prefix: 'price-' },
    ],
    [
      'data-testid when the id is generated',
      '<input id=":r1:" data-testid="order-price" aria-label="Price" data-target>',
      { by: 'testid', tag: 'input', testid: 'order-price' },
    ],
    [
      'aria-label before the label text',
      '<label>Limit <input aria-label="Price" class="bn-input" data-target></label>',
      { by: 'aria', tag: 'input', label: 'Price' },
    ],
    [
      'the label text (label for)',
      '<label for="x-aBcDeF">Price</label><input id="x-aBcDeF" class="bn-input" data-target>',
      { by: 'label', tag: 'input', label: 'Price' },
    ],
    [
      'the label text (aria-labelledby)',
      '<span id="cap">Amount</span><input aria-labelledby="cap" class="bn-input" data-target>',
      { by: 'label', tag: 'input', label: 'Amount' },
    ],
    [
      'the label text (a wrapping label)',
      '<label>Quantity <input class="bn-input" data-target></label>',
      { by: 'label', tag: 'input', label: 'Quantity' },
    ],
    [
      "a button's own name, with its role",
      '<div role="button" class="css-1x2y3z" data-target>Buy / Long</div><div role="button">Sell / Short</div>',
      { by: 'label', tag: 'div', role: 'button', label: 'Buy / Long' },
    ],
    [
      'a component class, skipping hashed and utility ones',
      '<input class="css-1x2y3z mt-4 sc-bdVaJa index_price__aBcDe active okui-input-input" data-target><input class="okui-other">',
      { by: 'class', tag: 'input', className: 'okui-input-input' },
    ],
  ];
  for (const [what, body, expected] of cases) {
    it(what, () => {
      const doc = page(body);
      const loc = locatorFor(target(doc));
      expect(loc).toEqual(expected);
      expect(resolveLocator(doc, loc!)).toEqual([target(doc)]);
    });
  }

  it('skips a candidate that also finds another element, and takes the next', () => {
    const doc = page('<input class="field" aria-label="Price" data-target><input class="field" aria-label="Size">');
    expect(locatorFor(target(doc))).toEqual({ by: 'aria', tag: 'input', label: 'Price' });
  });

  it('does not count a hidden copy against a candidate', () => {
    const doc = page('<div hidden><input aria-label="Price"></div><input aria-label="Price" data-target>');
    expect(locatorFor(target(doc))).toEqual({ by: 'aria', tag: 'input', label: 'Price' });
  });

  it('never names a label that carries a figure ("Margin (5x)" changes with the leverage)', () => {
    const doc = page('<div class="margin-box"><button aria-label="Margin (5x)" data-target>5x</button></div>');
    expect(locatorFor(target(doc))).toEqual({
      by: 'path',
      anchor: { by: 'class', tag: 'div', className: 'margin-box' },
      steps: [{ tag: 'button', nth: 1 }],
    });
  });

  it('falls back to a short path below an anchored ancestor, never an index alone', () => {
    const doc = page(
      `<div class="css-aa11"><section data-testid="order-form"><div class="css-bb22"><input class="css-x1"><input class="css-x2" data-target></div></section></div>`,
    );
    const loc = locatorFor(target(doc));
    expect(loc).toEqual({
      by: 'path',
      anchor: { by: 'testid', tag: 'section', testid: 'order-form' },
      steps: [
        { tag: 'div', nth: 1 },
        { tag: 'input', nth: 2 },
      ],
    });
    expect(describeLocator(loc!)).toBe('test id "order-form" › div › input');
  });

  it('returns null when nothing identifies the element within a few levels', () => {
    const doc = page(
      '<div class="css-a1"><div class="sc-bdVaJa"><div><div><div><input class="css-q9" data-target></div></div></div></div></div>',
    );
    expect(locatorFor(target(doc))).toBeNull();
  });

  it('returns null for a hidden element (it cannot be found again among visible ones)', () => {
    const doc = page('<div style="display:none"><input id="limitPrice" data-target></div>');
    expect(locatorFor(target(doc))).toBeNull();
  });

  it('takes no id that React or a hash generated', () => {
    for (const id of [':r1:', 'react-select-2-input', 'aBcDeFgH']) {
      const doc = page(`<input id="${id}" data-target>`);
      const loc = locatorFor(target(doc));
      expect(loc === null || loc.by !== 'id').toBe(true);
    }
  });
});

describe('isComponentClass', () => {
  it('accepts component-library classes', () => {
    for (const name of [
      'bn-textField',
      'okui-input-input',
      'by-input__suffix',
      'oc__row-label',
      'orderForm',
      'MuiInputBase-input',
      'FormRow-BUY-price',
      'isBuyBtnOn',
    ])
      expect(isComponentClass(name), name).toBe(true);
  });
  it('refuses generated, hashed, utility and state classes', () => {
    for (const name of [
      'css-1x2y3z',
      'css-abcdef',
      'sc-bdVaJa',
      'jss-root',
      'index_price__aBcDe',
      'styles_field__xyzab',
      'mt-4',
      'w-1/2',
      'hover:bg-red',
      'kZbQwe',
      'aBcDeF',
      'x-bdVaJa',
      'active',
      'is-selected',
      '_3xZ9k',
    ])
      expect(isComponentClass(name), name).toBe(false);
  });
});

describe('resolveLocator', () => {
  it('finds visible matches only, and within the given root', () => {
    const doc = page(
      '<form id="a"><input aria-label="Price"></form><form id="b"><input aria-label="price"></form><div hidden><input aria-label="Price"></div>',
    );
    const loc: Locator = { by: 'aria', tag: 'input', label: 'Price' };
    expect(resolveLocator(doc, loc)).toHaveLength(2);
    expect(resolveLocator(doc.getElementById('b')!, loc)).toEqual([doc.querySelector('#b input')]);
  });

  it('an id prefix needs digits after the prefix', () => {
    const doc = page('<input id="price-12"><input id="price-max"><input id="price-">');
    expect(resolveLocator(doc, { by: 'idPrefix', tag: 'input', prefix: 'price-' })).toEqual([
      doc.getElementById('price-12'),
    ]);
  });

  it('a path whose page changed shape finds nothing', () => {
    const doc = page('<section data-testid="f"><div><input></div></section>');
    const loc: Locator = {
      by: 'path',
      anchor: { by: 'testid', tag: 'section', testid: 'f' },
      steps: [
        { tag: 'div', nth: 1 },
        { tag: 'input', nth: 2 },
      ],
    };
    expect(resolveLocator(doc, loc)).toEqual([]);
  });

  it('never builds a selector from an unsafe tag or class, even unchecked', () => {
    const doc = page('<input class="a"><p>text</p>');
    expect(resolveLocator(doc, { by: 'class', tag: 'input', className: 'a, body' })).toEqual([]);
    expect(resolveLocator(doc, { by: 'class', tag: 'input, p', className: 'a' })).toEqual([]);
  });

  it('quotes stored values: a quote or backslash in an id finds nothing rather than throwing', () => {
    const doc = page('<input id="a">');
    expect(resolveLocator(doc, { by: 'id', id: 'a"] , input[id="a' })).toEqual([]);
    expect(resolveLocator(doc, { by: 'id', id: 'a\\' })).toEqual([]);
  });
});

describe('locatorSchema', () => {
  it('accepts what locatorFor builds and describeLocator names it', () => {
    const loc: Locator = { by: 'idPrefix', tag: 'input', prefix: 'price-' };
    expect(check(locatorSchema, JSON.parse(JSON.stringify(loc)))).toEqual({ ok: true, value: loc });
    expect(describeLocator(loc)).toBe('id "price-…"');
    expect(describeLocator({ by: 'label', tag: 'input', label: 'Price' })).toBe('label "Price"');
  });
  it('refuses unknown kinds, unsafe tags and class names, long paths and extra keys', () => {
    const bad: unknown[] = [
      { by: 'xpath', path: '//input' },
      { by: 'class', tag: 'input', className: 'a b' },
      { by: 'class', tag: 'input', className: 'x,*' },
      { by: 'aria', tag: 'input[x]', label: 'Price' },
      { by: 'id', id: '' },
      { by: 'id', id: 'a', extra: 1 },
      { by: 'path', anchor: { by: 'id', id: 'f' }, steps: [] },
      { by: 'path', anchor: { by: 'id', id: 'f' }, steps: Array(5).fill({ tag: 'div', nth: 1 }) },
      { by: 'path', anchor: { by: 'path', anchor: { by: 'id', id: 'f' }, steps: [] }, steps: [{ tag: 'div', nth: 1 }] },
      { by: 'path', anchor: { by: 'id', id: 'f' }, steps: [{ tag: 'div', nth: 0 }] },
    ];
    for (const value of bad) expect(check(locatorSchema, value).ok, JSON.stringify(value)).toBe(false);
  });
});
