// @vitest-environment happy-dom
// Kraken Pro reader with decoys on both page generations: inputs outside the order form that copy its
// labels, ARIA names and `price-N` / `volume-N` / `volumeInQuote-N` ids with other numbers (a header
// price alert, a calculator before or after the form) are ignored — the reading is the clean page's.
// A copied control inside the form, a second complete visible form, or controls outside the form that
// make up a second one are refused (not recognised, no form root), never read.
import { describe, expect, it } from 'vitest';
import { reader } from '../../../src/venues/kraken-margin/reader';
import type { FormReading, OrderForm } from '../../../src/venues/types';
import { $, loadPage } from '../../readers/load';
import { GEN2 } from './states';

const URL_BTC = new URL('https://pro.kraken.com/app/trade/btc-usd');
const GENERATIONS = [
  ['gen 1', 'kraken-margin.html'],
  ['gen 2', GEN2],
] as const;

const form = (reading: FormReading): OrderForm => {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
};
/** The order form's element in the fixture (a test hook only; the reader never uses data-fixture). */
const orderForm = (doc: Document) => $(doc, '[data-fixture="order-form"]');
const formInputs = (doc: Document) =>
  [...orderForm(doc).querySelectorAll<HTMLInputElement>('input[id]')].filter((i) => /^(price|volume)/.test(i.id));

/** Another number of the same shape (×1.1, decimals kept), as the mutation suite makes. */
function otherNumber(text: string): string {
  const plain = text.replace(/,/g, '').replace(/^≈\s*/, '');
  const decimals = plain.includes('.') ? plain.split('.')[1]!.length : 0;
  return (Number(plain) * 1.1).toFixed(decimals);
}

/** A calculator copying the form's labels and ids (`price-<suffix>`, …) with other numbers. */
function calculator(doc: Document, suffix: string): HTMLElement {
  const calc = doc.createElement('section');
  calc.setAttribute('aria-label', 'Calculator');
  for (const input of formInputs(doc)) {
    const label = doc.createElement('label');
    label.textContent = doc.querySelector(`label[for="${input.id}"]`)?.textContent?.trim() ?? 'Quantity';
    const decoy = doc.createElement('input');
    decoy.type = 'text';
    decoy.id = input.id.replace(/\d+$/, suffix);
    decoy.value = otherNumber(input.value);
    label.htmlFor = decoy.id;
    calc.append(label, decoy);
  }
  return calc;
}

function priceAlert(doc: Document): HTMLElement {
  const header = doc.createElement('header');
  const label = doc.createElement('label');
  const input = doc.createElement('input');
  Object.assign(input, { type: 'text', value: '1234.5' });
  input.setAttribute('aria-label', 'Price');
  label.append('Limit price ', input);
  header.append(label);
  return header;
}

describe.each(GENERATIONS)('Kraken Pro %s with decoys outside the form', (_gen, file) => {
  const clean = () => form(reader.read(loadPage(file), URL_BTC));

  it.each([
    ['before the form', 'before', '99'],
    ['after the form', 'after', '99'],
    ['before, with lower id suffixes', 'before', '1'],
    ['at the end of the page', 'end', '0'],
  ])('a calculator %s and a header price alert: the clean reading', (_name, where, suffix) => {
    const doc = loadPage(file);
    const calc = calculator(doc, suffix);
    expect(calc.querySelectorAll('input')).toHaveLength(formInputs(doc).length);
    if (where === 'before') orderForm(doc).before(calc);
    else if (where === 'after') orderForm(doc).after(calc);
    else doc.body.append(calc);
    doc.body.prepend(priceAlert(doc));
    expect(form(reader.read(doc, URL_BTC))).toEqual(clean());
    const root = reader.formRoot(doc)!;
    expect(root.contains(orderForm(doc).querySelector('button[type="submit"]'))).toBe(true);
    expect(root.contains(calc)).toBe(false);
  });

  it('a hidden copy of the whole form: the clean reading', () => {
    const doc = loadPage(file);
    const copy = orderForm(doc).cloneNode(true) as HTMLElement;
    copy.setAttribute('hidden', '');
    orderForm(doc).before(copy);
    expect(form(reader.read(doc, URL_BTC))).toEqual(clean());
  });
});

describe.each(GENERATIONS)('Kraken Pro %s: decoys that cannot be told apart are refused', (_gen, file) => {
  const refused = (doc: Document) => {
    const reading = reader.read(doc, URL_BTC);
    expect(reading.status).toBe('unrecognised');
    expect(reader.formRoot(doc)).toBeNull();
  };

  it('a calculator inside the form', () => {
    const doc = loadPage(file);
    orderForm(doc).querySelector('button[type="submit"]')!.before(calculator(doc, '99'));
    refused(doc);
  });

  it('one decoy price input with the same id prefix inside the form', () => {
    const doc = loadPage(file);
    const decoy = doc.createElement('input');
    Object.assign(decoy, { type: 'text', id: 'price-99', value: otherNumber(formInputs(doc)[0]!.value) });
    orderForm(doc).prepend(decoy);
    refused(doc);
  });

  it('a second complete visible form (other numbers)', () => {
    const doc = loadPage(file);
    const second = orderForm(doc).cloneNode(true) as HTMLElement;
    for (const el of second.querySelectorAll('[id]')) el.id = `${el.id}9`;
    for (const el of second.querySelectorAll('[for]')) el.setAttribute('for', `${el.getAttribute('for')}9`);
    for (const el of second.querySelectorAll('[aria-labelledby]'))
      el.setAttribute('aria-labelledby', `${el.getAttribute('aria-labelledby')}9`);
    for (const input of second.querySelectorAll<HTMLInputElement>('input[type="text"]'))
      input.value = otherNumber(input.value);
    orderForm(doc).after(second);
    refused(doc);
  });

  it('Buy, Sell, a submit and a quantity scattered outside the form (a second form around it)', () => {
    const doc = loadPage(file);
    const f = orderForm(doc);
    const copy = (css: string) => f.querySelector(css)!.cloneNode(true) as HTMLElement;
    const buy = copy('[data-side="buy"]:not([type="submit"])');
    const sell = copy('[data-side="sell"]');
    const submit = copy('button[type="submit"]');
    doc.body.prepend(buy, sell);
    doc.body.append(calculator(doc, '99'), submit);
    refused(doc);
  });
});
