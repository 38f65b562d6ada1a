// @vitest-environment happy-dom
// Kraken Pro reader against e2e/fixtures/pages/kraken-margin.html.
import { describe, expect, it } from 'vitest';
import { reader, sideOfSubmit } from '../../../src/venues/kraken-margin/reader';
import { KRAKEN_SELECTORS } from '../../../src/venues/kraken-margin/selectors';
import type { FormReading, OrderForm } from '../../../src/venues/types';
import { $, byText, expectedCounts, loadPage } from '../../readers/load';

const URL_BTC = new URL('https://pro.kraken.com/app/trade/btc-usd');
const EXAMPLE: OrderForm = {
  venue: 'kraken-margin',
  symbol: 'BTC/USD',
  side: 'long',
  type: 'limit',
  marginMode: 'cross',
  price: '65000',
  size: { unit: 'base', value: '0.5' },
  leverage: '5',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: '25000',
};

const page = () => loadPage('kraken-margin.html');

function form(reading: FormReading): OrderForm {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
}

function missing(reading: FormReading): string[] {
  if (reading.status !== 'unrecognised') throw new Error('expected unrecognised');
  return reading.missing;
}

function select(doc: Document, role: string, name: string): void {
  const tab = byText(doc, `[role="${role}"]`, name);
  const attr = role === 'radio' ? 'aria-checked' : 'aria-selected';
  for (const sibling of tab.parentElement!.querySelectorAll(`[role="${role}"]`))
    sibling.setAttribute(attr, String(sibling === tab));
}

describe('Kraken Pro reader: the example order', () => {
  it('reads the exact form', () => {
    const doc = page();
    // The pair picker sits above the form: the session watches it too.
    expect(reader.read(doc, URL_BTC)).toEqual({
      status: 'ok',
      form: EXAMPLE,
      matched: expectedCounts(KRAKEN_SELECTORS),
      watched: [$(doc, '[data-fixture="pair-button"]')],
    });
  });

  it('anchors on the order form and knows its submit button', () => {
    const doc = page();
    const root = reader.formRoot(doc);
    expect(root?.contains($(doc, '#price-2'))).toBe(true);
    expect(root?.contains($(doc, 'header'))).toBe(false);
    const buttons = reader.submitButtons(doc);
    expect(buttons.map((b) => b.textContent)).toEqual(['Buy BTC']);
    expect(sideOfSubmit(buttons[0]!)).toBe('long');
    buttons[0]!.textContent = 'Sell BTC';
    expect(sideOfSubmit(buttons[0]!)).toBe('short');
    expect(sideOfSubmit($(doc, '[role="switch"]'))).toBeNull();
  });

  it('matches only its trade URLs', () => {
    expect(reader.matchesUrl(URL_BTC)).toBe(true);
    expect(reader.matchesUrl(new URL('https://pro.kraken.com/app/trade/eth-usd/'))).toBe(true);
    expect(reader.matchesUrl(new URL('https://pro.kraken.com/app/portfolio'))).toBe(false);
    expect(reader.matchesUrl(new URL('http://pro.kraken.com/app/trade/btc-usd'))).toBe(false);
    expect(reader.matchesUrl(new URL('https://pro.kraken.com.evil.example/app/trade/btc-usd'))).toBe(false);
    expect(reader.matchesUrl(new URL('https://www.binance.com/en/futures/BTCUSDT'))).toBe(false);
  });
});

describe('Kraken Pro reader: what the trader changes', () => {
  it('Sell side (tab and submit button agree)', () => {
    const doc = page();
    select(doc, 'tab', 'Sell');
    $(doc, 'button[type="submit"]').textContent = 'Sell BTC';
    expect(form(reader.read(doc, URL_BTC))).toEqual({ ...EXAMPLE, side: 'short' });
  });

  it('Market order: no limit price', () => {
    const doc = page();
    select(doc, 'tab', 'Market');
    $(doc, '#price-2').closest('.flex-col')!.setAttribute('hidden', '');
    const reading = reader.read(doc, URL_BTC);
    expect(form(reading)).toEqual({ ...EXAMPLE, type: 'market', price: null });
    expect(reading.matched.price).toBe(0);
  });

  it('quantity typed as a total in USD', () => {
    const doc = page();
    const input = $(doc, '#volume-3') as HTMLInputElement;
    input.id = 'volumeInQuote-4';
    input.value = '32,500.00';
    const reading = reader.read(doc, URL_BTC);
    expect(form(reading).size).toEqual({ unit: 'quote', value: '32500' });
    expect(reading.matched).toMatchObject({ sizeBase: 0, sizeQuote: 1 });
  });

  it('margin off: a spot order at leverage 1', () => {
    const doc = page();
    $(doc, '[role="switch"]').setAttribute('aria-checked', 'false');
    $(doc, '[role="radiogroup"]').hidden = true;
    const reading = reader.read(doc, URL_BTC);
    expect(form(reading)).toEqual({ ...EXAMPLE, marginEnabled: false, leverage: '1' });
    expect(reading.matched.leverage).toBe(0);
  });

  it('another leverage choice', () => {
    const doc = page();
    select(doc, 'radio', '3x');
    expect(form(reader.read(doc, URL_BTC)).leverage).toBe('3');
  });

  it('typed values, re-rendered ids and a changed balance', () => {
    const doc = page();
    const price = $(doc, '#price-2') as HTMLInputElement;
    price.id = 'price-17';
    price.value = '64999.5';
    ($(doc, '#volume-3') as HTMLInputElement).value = '.25';
    byText(doc, 'span', '25,000.00 USD').textContent = '1,234,567.89 USD';
    expect(form(reader.read(doc, URL_BTC))).toMatchObject({
      price: '64999.5',
      size: { unit: 'base', value: '0.25' },
      availableBalance: '1234567.89',
    });
  });

  it('a balance in the base asset is not taken as the quote balance', () => {
    const doc = page();
    byText(doc, 'span', '25,000.00 USD').textContent = '0.75 BTC';
    expect(form(reader.read(doc, URL_BTC)).availableBalance).toBeNull();
  });

  it('SPA switch to ETH/USD: new URL and a re-mounted form', () => {
    const doc = page();
    $(doc, '[aria-haspopup="menu"]').textContent = 'ETH/USD';
    $(doc, 'button[type="submit"]').textContent = 'Buy ETH';
    const price = $(doc, '#price-2') as HTMLInputElement;
    price.id = 'price-5';
    price.value = '3,500.00';
    const size = $(doc, '#volume-3') as HTMLInputElement;
    size.id = 'volume-6';
    size.value = '2';
    const reading = reader.read(doc, new URL('https://pro.kraken.com/app/trade/eth-usd'));
    expect(form(reading)).toEqual({ ...EXAMPLE, symbol: 'ETH/USD', price: '3500', size: { unit: 'base', value: '2' } });
  });

  it('design-system and utility classes are not needed', () => {
    const doc = page();
    for (const el of doc.querySelectorAll('[class]')) el.removeAttribute('class');
    expect(reader.read(doc, URL_BTC)).toEqual({
      status: 'ok',
      form: EXAMPLE,
      matched: expectedCounts(KRAKEN_SELECTORS),
      watched: expect.any(Array),
    });
  });
});

describe('Kraken Pro reader: refuses to guess', () => {
  it.each([[''], ['--'], ['0'], ['-5'], ['1e5'], ['65 000']])('price %j → unrecognised', (value) => {
    const doc = page();
    ($(doc, '#price-2') as HTMLInputElement).value = value;
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['price']);
  });

  it.each([['1.234,5'], ['65,00']])(
    "price %j: comma decimals on an English page make the form's numbers unreadable",
    (value) => {
      const doc = page();
      ($(doc, '#price-2') as HTMLInputElement).value = value;
      const why = missing(reader.read(doc, URL_BTC));
      expect(why).toContain('price');
      expect(why).toContain('numberFormat');
    },
  );

  it('empty quantity', () => {
    const doc = page();
    ($(doc, '#volume-3') as HTMLInputElement).value = '';
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['size']);
  });

  it('two size inputs at once (quantity and total)', () => {
    const doc = page();
    const total = doc.createElement('input');
    total.id = 'volumeInQuote-4';
    total.value = '30,000';
    $(doc, '#volume-3').after(total);
    const reading = reader.read(doc, URL_BTC);
    expect(missing(reading)).toEqual(['size']);
    expect(reading.matched).toMatchObject({ sizeBase: 1, sizeQuote: 1 });
  });

  it('leverage choices removed while margin is on', () => {
    const doc = page();
    $(doc, '[role="radiogroup"]').remove();
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['leverage']);
  });

  it('no leverage checked, or two', () => {
    const doc = page();
    byText(doc, '[role="radio"]', '5x').setAttribute('aria-checked', 'false');
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['leverage']);
    byText(doc, '[role="radio"]', '5x').setAttribute('aria-checked', 'true');
    byText(doc, '[role="radio"]', '2x').setAttribute('aria-checked', 'true');
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['leverage']);
  });

  it('renamed margin switch', () => {
    const doc = page();
    $(doc, '[role="switch"]').setAttribute('aria-label', 'Marge');
    expect(missing(reader.read(doc, URL_BTC))).toContain('margin');
  });

  it('side tab and submit button disagree, or no side selected', () => {
    const doc = page();
    select(doc, 'tab', 'Sell');
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['side']);
    byText(doc, '[role="tab"]', 'Sell').setAttribute('aria-selected', 'false');
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['side']);
  });

  it('an order type we do not quote (Stop loss)', () => {
    const doc = page();
    select(doc, 'tab', 'Stop loss');
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['orderType']);
  });

  it('URL already on ETH/USD while the form still shows BTC/USD (half-done SPA switch)', () => {
    expect(missing(reader.read(page(), new URL('https://pro.kraken.com/app/trade/eth-usd')))).toEqual(['symbol']);
  });

  it('two submit buttons: ambiguous, and the guard gets both', () => {
    const doc = page();
    const submit = $(doc, 'button[type="submit"]');
    submit.after(submit.cloneNode(true));
    expect(missing(reader.read(doc, URL_BTC))).toContain('submit');
    expect(reader.submitButtons(doc)).toHaveLength(2);
    expect(reader.formRoot(doc)).toBeNull();
  });

  it('another venue page, or a page with no form', () => {
    const binance = reader.read(loadPage('binance-usdm.html'), URL_BTC);
    expect(binance.status).toBe('unrecognised');
    expect(missing(binance)).toEqual(expect.arrayContaining(['sideBuy', 'submit', 'size', 'margin']));
    const random = new DOMParser().parseFromString(
      '<html><body><p>Hello</p><button>Buy</button></body></html>',
      'text/html',
    );
    expect(reader.read(random, URL_BTC).status).toBe('unrecognised');
    expect(reader.formRoot(random)).toBeNull();
    expect(reader.submitButtons(random)).toEqual([]);
  });

  it('the Kraken page at a URL that is not a trade page', () => {
    expect(missing(reader.read(page(), new URL('https://pro.kraken.com/app/portfolio')))).toEqual(['symbol']);
  });
});
