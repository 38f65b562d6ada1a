// @vitest-environment happy-dom
// Every venue's teach steps (src/venues/<venue>/teach.ts) name keys of its own selector table, and
// a swapped answer is caught by the same checks as any reading.
import { describe, expect, it } from 'vitest';
import { VENUE_ABOUT } from '../../src/venues/about';
import { locatorFor } from '../../src/venues/dom/locator';
import { findAll } from '../../src/venues/dom/query';
import { installTaught } from '../../src/venues/dom/taught';
import { READERS } from '../../src/venues/readers';
import { TEACH_PROMPTS } from '../../src/venues/teach';
import { loadPage } from '../readers/load';
import { FIXTURES } from './fixture-pages';
import { renameFormFields } from './renamed-page';

describe.each(READERS.map((reader) => [reader.venue, reader] as const))('%s teach steps', (venue, reader) => {
  const doc = loadPage(FIXTURES[venue].page);
  const table = reader.selectors(doc, new URL(FIXTURES[venue].url));

  it('name keys of the venue selector table, each prompt once, price and size first', () => {
    expect(reader.teach.map((step) => step.prompt).slice(0, 2)).toEqual(['price', 'size']);
    const prompts = reader.teach.map((step) => step.prompt);
    expect(new Set(prompts).size).toBe(prompts.length);
    for (const step of reader.teach) {
      expect(TEACH_PROMPTS).toContain(step.prompt);
      for (const key of step.keys) expect(Object.keys(table), `${venue} ${key}`).toContain(key);
      expect(step.ask === undefined).toBe(step.keys.length === 1);
    }
  });

  it('teach Buy and Sell buttons with their side, and a field as a field', () => {
    for (const step of reader.teach) {
      if (step.prompt === 'buy') expect(step.side).toBe('long');
      else if (step.prompt === 'sell') expect(step.side).toBe('short');
      else expect(step.side).toBeUndefined();
      const field = ['price', 'size', 'stopLoss', 'takeProfit'].includes(step.prompt);
      expect(step.element).toBe(field ? 'field' : 'control');
    }
  });
});

describe('a wrong answer is refused by the page cross-checks, not read', () => {
  it('Kraken generation 2: Quantity and Total pointed at the other way round', () => {
    const reader = READERS.find((r) => r.venue === 'kraken-margin')!;
    const url = new URL(VENUE_ABOUT.find((about) => about.venue === 'kraken-margin')!.fixtureUrl);
    const doc = loadPage('kraken-margin.gen2.html');
    const table = reader.selectors(doc, url);
    const [base] = findAll(doc, table['sizeBase']!);
    const [quote] = findAll(doc, table['sizeQuote']!);
    const price = findAll(doc, table['price']!)[0]!;
    renameFormFields(doc, reader.formRoot(doc)!);
    expect(reader.read(doc, url).status).toBe('unrecognised');
    installTaught(doc, table, {
      price: locatorFor(price)!,
      sizeBase: locatorFor(quote!)!,
      sizeQuote: locatorFor(base!)!,
    });
    const reading = reader.read(doc, url);
    expect(reading.status).toBe('unrecognised');
    // Price × quantity no longer gives the total the page shows: the pair does not add up.
    expect(reading.status === 'unrecognised' && reading.missing).toEqual(['total']);
    expect(reading.taught).toEqual(expect.arrayContaining(['price', 'sizeBase', 'sizeQuote']));
  });
});
