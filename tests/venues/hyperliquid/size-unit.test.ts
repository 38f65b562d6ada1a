// @vitest-environment happy-dom
// The size field's unit menu (coin or USDC) on both page generations: found in the nearest container
// around the size input that holds one, however many wrappers a redeploy puts around the input, the
// menu or the field (the mutation suite's `wrappers`), never beyond the form root; two menus in that
// container are refused, never a guess.
import { describe, expect, it } from 'vitest';
import { reader } from '../../../src/venues/hyperliquid/reader';
import type { FormReading, OrderForm } from '../../../src/venues/types';
import { $, loadPage } from '../../readers/load';
import { GEN2 } from './states';

const URL_BTC = new URL('https://app.hyperliquid.xyz/trade/BTC');
const PAGES = ['hyperliquid.html', GEN2] as const;
const DEPTHS = [1, 2, 4] as const;

const hook = (doc: Document, name: string) => $(doc, `[data-fixture="${name}"]`);

function form(reading: FormReading): OrderForm {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
}
function missing(reading: FormReading): string[] {
  if (reading.status !== 'unrecognised') throw new Error('expected unrecognised');
  return reading.missing;
}

/** `el` inside `depth` new elements (alternately div and span), where it stood. */
function wrap(el: Element, depth: number): void {
  for (let k = 0; k < depth; k++) {
    const wrapper = el.ownerDocument.createElement(k % 2 === 0 ? 'div' : 'span');
    el.replaceWith(wrapper);
    wrapper.append(el);
  }
}

/** The size field's container as the page renders it (its input's label's parent). */
const sizeField = (doc: Document) => hook(doc, 'size').closest('label')!.parentElement!;

/** Another unit menu like the page's own, `unit` on it. */
function unitMenu(doc: Document, unit: string): Element {
  const menu = hook(doc, 'size-unit').cloneNode() as Element;
  menu.removeAttribute('data-fixture');
  menu.textContent = unit;
  return menu;
}

describe.each(PAGES)('Hyperliquid size unit on %s', (file) => {
  const page = () => loadPage(file);

  it.each(DEPTHS)('the size input and its unit menu each in %i extra wrappers: the same reading', (depth) => {
    const expected = form(reader.read(page(), URL_BTC));
    expect(expected.size.unit).toBe('base');
    const doc = page();
    wrap(hook(doc, 'size'), depth);
    wrap(hook(doc, 'size-unit'), depth);
    expect(form(reader.read(doc, URL_BTC))).toEqual(expected);
    // The field's row wrapped as well (the mutation suite wraps every row of the form once).
    wrap(sizeField(doc), depth);
    const reading = reader.read(doc, URL_BTC);
    expect(form(reading)).toEqual(expected);
    expect(reading.matched.sizeUnit).toBe(1);
  });

  it.each(DEPTHS)('a USDC size behind %i extra wrappers is still quote', (depth) => {
    const doc = page();
    hook(doc, 'size-unit').textContent = 'USDC';
    (hook(doc, 'size') as HTMLInputElement).value = '6500';
    const expected = form(reader.read(doc, URL_BTC)).size;
    expect(expected).toEqual({ unit: 'quote', value: '6500' });
    wrap(hook(doc, 'size'), depth);
    wrap(hook(doc, 'size-unit'), depth);
    expect(form(reader.read(doc, URL_BTC)).size).toEqual(expected);
  });

  it('a second unit menu in the size field: not recognised (sizeUnit), wrapped or not', () => {
    for (const unit of ['BTC', 'USDC']) {
      const doc = page();
      hook(doc, 'size-unit').after(unitMenu(doc, unit));
      const reading = reader.read(doc, URL_BTC);
      expect(missing(reading)).toEqual(['sizeUnit']);
      expect(reading.matched.sizeUnit).toBe(2);
    }
    const doc = page();
    wrap(hook(doc, 'size'), 4);
    wrap(hook(doc, 'size-unit'), 2);
    sizeField(doc).append(unitMenu(doc, 'USDC'));
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['sizeUnit']);
  });

  it("a unit menu in the form's root beside the size field's own: the field's own is read", () => {
    const doc = page();
    wrap(hook(doc, 'size'), 2);
    wrap(hook(doc, 'size-unit'), 2);
    hook(doc, 'order-form').append(unitMenu(doc, 'USDC'));
    expect(form(reader.read(doc, URL_BTC)).size.unit).toBe('base');
  });

  it("the size field without its unit menu and one elsewhere in the form: not taken (it may be another field's)", () => {
    const doc = page();
    const elsewhere = unitMenu(doc, 'USDC');
    hook(doc, 'size-unit').remove();
    hook(doc, 'order-form').append(elsewhere);
    const reading = reader.read(doc, URL_BTC);
    expect(missing(reading)).toEqual(['sizeUnit']);
  });

  it('no unit menu in the form: the coin picker outside it is never taken for one', () => {
    const doc = page();
    hook(doc, 'size-unit').remove();
    wrap(hook(doc, 'size'), 4);
    const reading = reader.read(doc, URL_BTC);
    expect(missing(reading)).toEqual(['sizeUnit']);
    expect(reading.matched.sizeUnit).toBe(0);
  });
});
