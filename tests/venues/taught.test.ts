// @vitest-environment happy-dom
// Teach mode on every venue's fixture pages (issue 14): after a redeploy renamed the price and size
// labels and ids, the built-in reader refuses the form; the trader then points at what each offered
// step asks for (here: the element that key found before the redeploy, as locatorFor remembers it),
// and the reader reads exactly the original form through the same parsing and checks. Where the
// page's own words carry meaning the taught element cannot give back, the form stays refused.
import { describe, expect, it } from 'vitest';
import type { VenueId } from '../../src/core/types';
import { VENUE_ABOUT } from '../../src/venues/about';
import { locatorFor, type Locator } from '../../src/venues/dom/locator';
import { findAll } from '../../src/venues/dom/query';
import { installTaught } from '../../src/venues/dom/taught';
import { READERS, type VenueReader } from '../../src/venues/readers';
import { teachSteps } from '../../src/venues/teach';
import type { FormReading } from '../../src/venues/types';
import { loadPage } from '../readers/load';
import { FIELD_WORDS, renameFormFields } from './renamed-page';

export interface Taught {
  doc: Document;
  url: URL;
  reader: VenueReader;
  original: FormReading;
  broken: FormReading;
  reading: FormReading;
  locators: Record<string, Locator>;
  /** Keys whose element locatorFor could not identify (the overlay then asks for another pick). */
  unlocatable: string[];
}

/**
 * Loads `page`, reads it, renames its fields, then walks the teach steps as the overlay does: one
 * pick per step, the form read again after each, until no step is offered. A key that found two
 * elements before (Binance's two forms) is taught as the first of them.
 */
export function teachRenamedPage(venue: VenueId, page: string, words = FIELD_WORDS): Taught {
  const reader = READERS.find((r) => r.venue === venue)!;
  const url = new URL(VENUE_ABOUT.find((about) => about.venue === venue)!.fixtureUrl);
  const doc = loadPage(page);
  const original = reader.read(doc, url);
  const table = reader.selectors(doc, url);
  const before = new Map<string, Element[]>();
  for (const step of reader.teach) for (const key of step.keys) before.set(key, findAll(doc, table[key]!));
  renameFormFields(doc, reader.formRoot(doc)!, words);
  const broken = reader.read(doc, url);
  const locators: Record<string, Locator> = {};
  const unlocatable: string[] = [];
  let reading = broken;
  for (let picks = 0; picks < reader.teach.length * 2; picks++) {
    const offered = teachSteps(reading, reader.teach).flatMap((step) => step.keys);
    const key = offered.find(
      (k) => !Object.hasOwn(locators, k) && !unlocatable.includes(k) && before.get(k)!.length > 0,
    );
    if (key === undefined) break;
    const locator = locatorFor(before.get(key)![0]!);
    if (locator === null) {
      unlocatable.push(key);
      continue;
    }
    locators[key] = locator;
    installTaught(doc, table, locators);
    reading = reader.read(doc, url);
  }
  return { doc, url, reader, original, broken, reading, locators, unlocatable };
}

const formOf = (reading: FormReading) => (reading.status === 'ok' ? reading.form : reading);

const READ_AGAIN: [VenueId, string, string[]][] = [
  ['kraken-margin', 'kraken-margin.html', ['price', 'sizeBase']],
  ['kraken-margin', 'kraken-margin.gen2.html', ['price', 'sizeBase', 'sizeQuote']],
  ['binance-usdm', 'binance-usdm.html', ['price', 'size']],
  ['binance-usdm', 'binance-usdm.gen2-oneway.html', ['price', 'size']],
  ['okx-swap', 'okx-swap.html', ['price', 'size']],
  ['okx-swap', 'okx-swap.gen2.html', ['price', 'size']],
  ['hyperliquid', 'hyperliquid.html', ['price', 'size']],
  ['hyperliquid', 'hyperliquid.gen2.html', ['price', 'size']],
];

describe.each(READ_AGAIN)('%s %s: price and size renamed, then pointed at', (venue, page, keys) => {
  it('reads exactly the original form, and says which keys were taught', () => {
    const { original, broken, reading, unlocatable } = teachRenamedPage(venue, page);
    expect(original.status).toBe('ok');
    expect(unlocatable).toEqual([]);
    expect(broken.status).toBe('unrecognised');
    expect(broken.taught).toBeUndefined();
    expect(reading.status).toBe('ok');
    expect(formOf(reading)).toEqual(formOf(original));
    expect([...(reading.taught ?? [])].sort()).toEqual([...keys].sort());
  });
});

describe('Bybit: the size row\'s word is its unit ("Qty" base, "Value" quote)', () => {
  for (const page of ['bybit-linear.html', 'bybit-linear.gen2.html']) {
    it(`${page}: a renamed price label, pointed at, reads the original form`, () => {
      const { original, broken, reading } = teachRenamedPage('bybit-linear', page, { Price: 'Level' });
      expect(broken.status).toBe('unrecognised');
      expect(formOf(reading)).toEqual(formOf(original));
      expect(reading.taught).toEqual(['price']);
    });
    it(`${page}: a renamed size word leaves the unit unknown, taught or not (never a guess)`, () => {
      const { reading } = teachRenamedPage('bybit-linear', page);
      expect(reading.status).toBe('unrecognised');
      expect(reading.status === 'unrecognised' && reading.missing).toEqual(['sizeUnit']);
      expect([...(reading.taught ?? [])].sort()).toEqual(['price', 'size']);
    });
  }
});

describe('Binance spot margin: what a single pointed element cannot stand for', () => {
  it("generation 1 has a Buy and a Sell form: a field pointed at in one form is not the other form's", () => {
    const { reading, locators } = teachRenamedPage('binance-margin', 'binance-margin.html');
    expect(Object.keys(locators)).toEqual(['price', 'amount']);
    // The Buy form's price and amount are found, the Sell form's are not: both forms are needed.
    expect(reading.status).toBe('unrecognised');
    expect(reading.status === 'unrecognised' && reading.missing).toEqual(['price', 'amount']);
    expect(reading.matched['price']).toBe(1);
  });
  it('generation 2 tells the Limit pane from the Market pane by the amount id: a renamed id stays refused', () => {
    const { reading } = teachRenamedPage('binance-margin', 'binance-margin.gen2.html');
    expect(reading.status).toBe('unrecognised');
    expect(reading.status === 'unrecognised' && reading.missing).toEqual(['amount']);
  });
});

describe('a taught locator never guesses', () => {
  it('a further redeploy that breaks the taught locator: unrecognised again, the key missing', () => {
    const { doc, url, reader, reading, locators } = teachRenamedPage('hyperliquid', 'hyperliquid.html');
    expect(reading.status).toBe('ok');
    expect(locators['price']).toEqual({ by: 'label', tag: 'input', label: 'Level (USDC)' });
    renameFormFields(doc, reader.formRoot(doc)!, { 'Level (USDC)': 'Limit' });
    for (const label of doc.querySelectorAll('label'))
      if (label.textContent === 'Level (USDC)') label.textContent = 'Limit';
    const again = reader.read(doc, url);
    expect(again.status).toBe('unrecognised');
    expect(again.status === 'unrecognised' && again.missing).toContain('price');
    expect(again.taught).toEqual(['size']);
  });

  it('a taught locator that finds two elements leaves the key missing', () => {
    const { doc, url, reader } = teachRenamedPage('hyperliquid', 'hyperliquid.html');
    installTaught(doc, reader.selectors(doc, url), {
      price: { by: 'label', tag: 'input', label: 'Level (USDC)' },
      size: { by: 'class', tag: 'input', className: 'twice' },
    });
    for (const input of doc.querySelectorAll('input[type="text"], input:not([type])')) input.classList.add('twice');
    const again = reader.read(doc, url);
    expect(again.status).toBe('unrecognised');
    expect(again.status === 'unrecognised' && again.missing).toContain('size');
    expect(again.matched['size']).toBeGreaterThan(1);
  });

  it('never overrides a key the built-in selectors find', () => {
    const reader = READERS.find((r) => r.venue === 'okx-swap')!;
    const url = new URL(VENUE_ABOUT.find((about) => about.venue === 'okx-swap')!.fixtureUrl);
    const doc = loadPage('okx-swap.html');
    const original = reader.read(doc, url);
    const table = reader.selectors(doc, url);
    const sizeInput = findAll(doc, table['size']!)[0]!;
    // The price "taught" as the size field: the built-in finds the price, so this is never used.
    installTaught(doc, table, { price: locatorFor(sizeInput)! });
    const reading = reader.read(doc, url);
    expect(formOf(reading)).toEqual(formOf(original));
    expect(reading.taught).toBeUndefined();
  });
});
