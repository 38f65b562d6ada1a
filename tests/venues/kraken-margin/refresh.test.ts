// @vitest-environment happy-dom
// The typing fast path (VenueReader.refresh) of the Kraken Pro reader: with only typed values changed, it
// returns exactly what a full read returns; whenever it cannot be sure (a value that does not parse,
// an input gone, an unreadable reading), it says null and the caller reads in full.
import { describe, expect, it } from 'vitest';
import { reader as kraken } from '../../../src/venues/kraken-margin/reader';
import type { FormReading } from '../../../src/venues/types';
import { $, loadPage } from '../../readers/load';

const KRAKEN_URL = new URL('https://pro.kraken.com/app/trade/btc-usd');

const typeInto = (el: HTMLElement, value: string) => {
  (el as HTMLInputElement).value = value;
};

function refreshOk(refresh: (r: FormReading) => FormReading | null, previous: FormReading): FormReading {
  const next = refresh(previous);
  if (next === null) throw new Error('refresh gave up');
  return next;
}

describe('Kraken: refresh = read when only typed values change', () => {
  const sizeInput = (doc: Document) => $(doc, 'input[id^="volume-"]');
  const priceInput = (doc: Document) => $(doc, 'input[id^="price-"]');

  it('size and price, one keystroke after another', () => {
    const doc = loadPage('kraken-margin.html');
    let reading = kraken.read(doc, KRAKEN_URL);
    for (const [size, price] of [
      ['0.51', '65000'],
      ['0.512', '65000'],
      ['0.512', '6500'],
      ['1,000.5', '64,999.5'],
    ] as const) {
      typeInto(sizeInput(doc), size);
      typeInto(priceInput(doc), price);
      reading = refreshOk(kraken.refresh!, reading);
      expect(reading).toEqual(kraken.read(doc, KRAKEN_URL));
    }
  });

  it('a market order (no price input)', () => {
    const doc = loadPage('kraken-margin.html');
    for (const t of doc.querySelectorAll('[role="tab"]')) {
      if (t.textContent?.trim() === 'Limit' || t.textContent?.trim() === 'Market')
        t.setAttribute('aria-selected', String(t.textContent.trim() === 'Market'));
    }
    const reading = kraken.read(doc, KRAKEN_URL);
    expect(reading.status === 'ok' && reading.form.type).toBe('market');
    typeInto(sizeInput(doc), '0.75');
    expect(refreshOk(kraken.refresh!, reading)).toEqual(kraken.read(doc, KRAKEN_URL));
  });

  it('gives up on what a full read would refuse, or when an input left the page', () => {
    const doc = loadPage('kraken-margin.html');
    const reading = kraken.read(doc, KRAKEN_URL);
    for (const bad of ['', '0', 'abc', '1.234,5', '-1']) {
      typeInto(sizeInput(doc), bad);
      expect(kraken.refresh!(reading), bad).toBeNull();
      expect(kraken.read(doc, KRAKEN_URL).status).toBe('unrecognised');
    }
    typeInto(sizeInput(doc), '0.5');
    expect(kraken.refresh!(reading)).not.toBeNull();
    sizeInput(doc).remove();
    expect(kraken.refresh!(reading)).toBeNull();
  });

  it('an unreadable reading or a foreign one has no fast path', () => {
    const doc = loadPage('kraken-margin.html');
    typeInto(sizeInput(doc), '');
    expect(kraken.refresh!(kraken.read(doc, KRAKEN_URL))).toBeNull();
    const other = kraken.read(loadPage('kraken-margin.html'), KRAKEN_URL);
    if (other.status !== 'ok') throw new Error('fixture unreadable');
    expect(kraken.refresh!({ status: 'ok', form: other.form, matched: {} })).toBeNull(); // not a reading it returned
  });
});
