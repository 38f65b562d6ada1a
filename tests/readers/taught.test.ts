// @vitest-environment happy-dom
// The taught registry (dom/taught.ts) and the teach steps (venues/teach.ts), on small pages: a
// taught locator is asked only when every built-in strategy found nothing, in the same scope, per
// document; Scan says which keys it read that way.
import { afterEach, describe, expect, it } from 'vitest';
import { findAll, type SelectorTable } from '../../src/venues/dom/query';
import { Scan } from '../../src/venues/dom/scan';
import { installTaught, taughtKeysOf, taughtMatches } from '../../src/venues/dom/taught';
import { teachSteps, type TeachStep } from '../../src/venues/teach';
import type { FormReading } from '../../src/venues/types';

const page = (body: string) =>
  new DOMParser().parseFromString(`<html lang="en"><body>${body}</body></html>`, 'text/html');

const TABLE = {
  price: { expected: { example: 1 }, strategies: [{ by: 'label', label: ['Price'], css: 'input' }] },
  size: { expected: { example: 1 }, strategies: [{ by: 'label', label: ['Size'], css: 'input' }] },
} as const satisfies SelectorTable;

const BODY = `<form id="a"><input aria-label="Level" id="pa"><input aria-label="Size" id="sa"></form>
  <form id="b"><input aria-label="Cost" id="pb"></form>`;

describe('installTaught and findAll', () => {
  let doc = page(BODY);
  afterEach(() => installTaught(doc, TABLE, null));

  it('answers for a spec only when its strategies find nothing', () => {
    doc = page(BODY);
    expect(findAll(doc, TABLE.price)).toEqual([]);
    installTaught(doc, TABLE, {
      price: { by: 'aria', tag: 'input', label: 'Level' },
      size: { by: 'aria', tag: 'input', label: 'Cost' },
    });
    expect(findAll(doc, TABLE.price)).toEqual([doc.getElementById('pa')]);
    // The built-in finds the size field: the taught one (another element) is never used.
    expect(findAll(doc, TABLE.size)).toEqual([doc.getElementById('sa')]);
    expect(taughtKeysOf(doc)).toEqual(['price', 'size']);
  });

  it('looks within the scope the reader asked about', () => {
    doc = page(BODY);
    installTaught(doc, TABLE, { price: { by: 'aria', tag: 'input', label: 'Level' } });
    expect(findAll(doc.getElementById('b')!, TABLE.price)).toEqual([]);
    expect(findAll(doc.getElementById('a')!, TABLE.price)).toEqual([doc.getElementById('pa')]);
  });

  it('is per document, ignores keys the table does not have, and null clears it', () => {
    doc = page(BODY);
    const other = page(BODY);
    installTaught(doc, TABLE, { price: { by: 'aria', tag: 'input', label: 'Level' }, nope: { by: 'id', id: 'pb' } });
    expect(findAll(other, TABLE.price)).toEqual([]);
    expect(taughtKeysOf(doc)).toEqual(['price']);
    expect(taughtMatches(doc, TABLE.size)).toBeNull();
    installTaught(doc, TABLE, null);
    expect(findAll(doc, TABLE.price)).toEqual([]);
    expect(taughtKeysOf(doc)).toEqual([]);
  });

  it('finds a key through a copy of the table (another language) by its key name, when the caller names it', () => {
    doc = page(BODY);
    installTaught(doc, TABLE, { price: { by: 'aria', tag: 'input', label: 'Level' } });
    const copy = { ...TABLE.price, strategies: [...TABLE.price.strategies] };
    expect(taughtMatches(doc, copy)).toBeNull();
    expect(taughtMatches(doc, copy, undefined, 'price')).toEqual([doc.getElementById('pa')]);
  });
});

describe('Scan records the keys read through a taught locator', () => {
  it('in an ok reading and in an unrecognised one; left out when none', () => {
    const doc = page(BODY);
    const plain = new Scan(doc, TABLE);
    plain.one('size');
    expect(plain.unrecognised()).not.toHaveProperty('taught');
    installTaught(doc, TABLE, { price: { by: 'aria', tag: 'input', label: 'Level' } });
    const scan = new Scan(doc, TABLE);
    expect(scan.one('price')).toBe(doc.getElementById('pa'));
    scan.one('size');
    scan.miss('form');
    expect(scan.unrecognised()).toMatchObject({ status: 'unrecognised', taught: ['price'] });
    installTaught(doc, TABLE, null);
  });

  it('a taught locator that finds two elements is ambiguous: the key is missing', () => {
    const doc = page(`${BODY}<input aria-label="Level">`);
    installTaught(doc, TABLE, { price: { by: 'aria', tag: 'input', label: 'Level' } });
    const scan = new Scan(doc, TABLE);
    expect(scan.one('price')).toBeNull();
    const reading = scan.unrecognised();
    expect(reading.status === 'unrecognised' && reading.missing).toEqual(['price']);
    expect(reading.matched['price']).toBe(2);
    installTaught(doc, TABLE, null);
  });
});

describe('teachSteps', () => {
  const STEPS: TeachStep[] = [
    { prompt: 'price', keys: ['price'], element: 'field' },
    { prompt: 'size', keys: ['sizeBase', 'sizeQuote'], ask: 'unit', element: 'field', covers: ['size'] },
  ];
  const missing = (keys: string[], matched: Record<string, number>): FormReading => ({
    status: 'unrecognised',
    missing: keys,
    matched,
  });

  it('offers the steps whose keys are missing and found nothing', () => {
    expect(teachSteps(missing(['price', 'size'], { price: 0, sizeBase: 0, sizeQuote: 0 }), STEPS)).toEqual(STEPS);
  });
  it('keeps a two-key step on offer while one of its keys found nothing (the second field)', () => {
    const offered = teachSteps(missing(['sizeQuote'], { price: 1, sizeBase: 1, sizeQuote: 0 }), STEPS);
    expect(offered.map((step) => step.prompt)).toEqual(['size']);
  });
  it('never offers a step for a key found twice (a copy or a decoy), or one that was found but did not read', () => {
    expect(teachSteps(missing(['price'], { price: 2 }), STEPS)).toEqual([]);
    expect(teachSteps(missing(['price'], { price: 1 }), STEPS)).toEqual([]);
    expect(teachSteps(missing(['size'], { sizeBase: 2, sizeQuote: 0 }), STEPS)).toEqual([]);
  });
  it('offers nothing for an ok reading', () => {
    expect(teachSteps({ status: 'ok', form: {} as never, matched: {} }, STEPS)).toEqual([]);
  });
});
