// @vitest-environment happy-dom
// Kraken Pro reader on the second-generation page (e2e/fixtures/pages/kraken-margin.gen2.html, the
// December 2024 layout of exchange-pages.md §8) at both URLs: the order type dropdown, the leverage
// in "Margin (5x)", the submit "Buy BTC/USD (5x)", Quantity and Total read together and checked
// against the price within Total's shown decimals, and a form root that no single element carries.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/decimal';
import about from '../../../src/venues/kraken-margin/about.json';
import { totalAgrees } from '../../../src/venues/kraken-margin/form-parts';
import { reader, sideOfSubmit } from '../../../src/venues/kraken-margin/reader';
import { KRAKEN_SELECTORS } from '../../../src/venues/kraken-margin/selectors';
import type { FormReading, OrderForm } from '../../../src/venues/types';
import { $, expectedCounts, loadPage } from '../../readers/load';
import { GEN2 } from './states';

const SPOT_URL = new URL('https://pro.kraken.com/app/trade/btc-usd');
const MARGIN_URL = new URL('https://pro.kraken.com/app/trade/margin-btc-usd');
const EXAMPLE: OrderForm = {
  venue: 'kraken-margin',
  symbol: 'BTC/USD',
  side: 'long',
  type: 'limit',
  marginMode: 'cross',
  price: '94440',
  size: { unit: 'base', value: '0.05' },
  leverage: '5',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: '3130.11',
  // The Total beside the Quantity: the page's own order value, quantity × price at its two decimals.
  pageEstimates: [{ kind: 'orderValue', side: null, value: new Dec('94440').times('0.05').toFixed(), decimals: 2 }],
};

const page = () => loadPage(GEN2);
const form = (reading: FormReading): OrderForm => {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
};
const missing = (reading: FormReading): string[] => {
  if (reading.status !== 'unrecognised') throw new Error(`expected unrecognised, got ${JSON.stringify(reading)}`);
  return reading.missing;
};
const input = (doc: Document, css: string) => $(doc, css) as HTMLInputElement;
const submit = (doc: Document) => $(doc, 'button[type="submit"]');
const dropdown = (doc: Document) => $(doc, '[aria-haspopup="listbox"]');

function setType(doc: Document, name: string): void {
  dropdown(doc).firstChild!.textContent = name;
  if (name !== 'Limit') $(doc, '#price-2').closest('.field')!.setAttribute('hidden', '');
}

function marginOff(doc: Document): void {
  $(doc, '[role="switch"]').setAttribute('aria-checked', 'false');
  submit(doc).textContent = 'Buy BTC/USD';
}

describe('Kraken Pro gen 2: the example order at both URLs', () => {
  it.each([
    ['spot URL', SPOT_URL, 'gen2'],
    ['margin URL', MARGIN_URL, 'gen2-margin-url'],
  ])('%s: reads the exact form', (_name, url, state) => {
    const doc = page();
    expect(reader.read(doc, url)).toEqual({
      status: 'ok',
      form: EXAMPLE,
      matched: expectedCounts(KRAKEN_SELECTORS, state),
      watched: [$(doc, 'header [aria-haspopup="menu"]')],
    });
  });

  it('anchors on the order form; the submit names side, pair and leverage', () => {
    const doc = page();
    const root = reader.formRoot(doc);
    expect(root?.contains($(doc, '#volumeInQuote-4'))).toBe(true);
    expect(root?.contains($(doc, 'header'))).toBe(false);
    expect(reader.submitButtons(doc).map((b) => b.textContent)).toEqual(['Buy BTC/USD (5x)']);
    for (const [text, side] of [
      ['Buy BTC/USD', 'long'],
      ['Sell BTC/USD (10x)', 'short'],
      ['Buy BTC/USD (10×)', 'long'],
      ['Buy BTC/USD (x)', null],
      ['Buy BTC/', null],
    ] as const) {
      submit(doc).textContent = text;
      expect(sideOfSubmit(submit(doc)), text).toBe(side);
    }
  });

  it('URL variants: /app/trade/<base>-<quote> and /app/trade/margin-<base>-<quote>', () => {
    for (const ok of [
      'https://pro.kraken.com/app/trade/btc-usd',
      'https://pro.kraken.com/app/trade/margin-btc-usd',
      'https://pro.kraken.com/app/trade/margin-eth-usd/',
      'https://pro.kraken.com/app/trade/MARGIN-BTC-USD',
    ])
      expect(reader.matchesUrl(new URL(ok)), ok).toBe(true);
    for (const no of [
      'https://pro.kraken.com/app/trade/margin-btc',
      'https://pro.kraken.com/app/trade/margin--btc-usd',
      'https://pro.kraken.com/app/trade/futures-btc-usd',
      'https://pro.kraken.com/app/trade/margin-btc-usd-x',
      'http://pro.kraken.com/app/trade/margin-btc-usd',
      'https://pro.kraken.com.evil.example/app/trade/margin-btc-usd',
    ])
      expect(reader.matchesUrl(new URL(no)), no).toBe(false);
  });

  it('about.json names both page forms and the reader accepts each (the manifest: tests/manifest.test.ts, origins.test.ts)', () => {
    const pages = about.pages.map((p) => p.replace('<base>', 'btc').replace('<quote>', 'usd'));
    expect(pages).toEqual([SPOT_URL.href, MARGIN_URL.href]);
    for (const page of pages) expect(reader.matchesUrl(new URL(page)), page).toBe(true);
  });
});

describe('Kraken Pro gen 2: what the trader changes', () => {
  it('margin off at the spot URL: a spot order at leverage 1, "Margin (5x)" still on the label', () => {
    const doc = page();
    marginOff(doc);
    expect(form(reader.read(doc, SPOT_URL))).toEqual({ ...EXAMPLE, marginEnabled: false, leverage: '1' });
  });

  it('Sell, and another leverage in the label and the submit', () => {
    const doc = page();
    $(doc, '[role="radio"][data-side="buy"]').setAttribute('aria-checked', 'false');
    $(doc, '[role="radio"][data-side="sell"]').setAttribute('aria-checked', 'true');
    $(doc, '#margin-label-7').textContent = 'Margin (10x)';
    submit(doc).textContent = 'Sell BTC/USD (10x)';
    expect(form(reader.read(doc, MARGIN_URL))).toEqual({ ...EXAMPLE, side: 'short', leverage: '10' });
  });

  it('margin on without the leverage on the submit: the label says it', () => {
    const doc = page();
    submit(doc).textContent = 'Buy BTC/USD';
    expect(form(reader.read(doc, SPOT_URL)).leverage).toBe('5');
  });

  it('Market in the dropdown: no price, the Total is only required to parse', () => {
    const doc = page();
    setType(doc, 'Market');
    input(doc, '#volumeInQuote-4').value = '4719.10';
    // The Total is still sent as the page's order value: the background's rule checks none for a market order.
    expect(form(reader.read(doc, SPOT_URL))).toEqual({
      ...EXAMPLE,
      type: 'market',
      price: null,
      pageEstimates: [{ kind: 'orderValue', side: null, value: '4719.1', decimals: 2 }],
    });
  });

  it('the screenshot\'s own figures: 94440 × 0.00005 = 4.722 shown as "≈ 4.73" (one unit of Total\'s decimals)', () => {
    const doc = page();
    input(doc, '#volume-3').value = '0.00005';
    input(doc, '#volumeInQuote-4').value = '≈ 4.73';
    expect(form(reader.read(doc, SPOT_URL)).size).toEqual({ unit: 'base', value: '0.00005' });
  });

  it('a Total typed by the trader, the quantity rewritten by the page (8 decimals)', () => {
    const doc = page();
    input(doc, '#volumeInQuote-4').value = '1000';
    input(doc, '#volume-3').value = '0.01058873';
    expect(form(reader.read(doc, SPOT_URL)).size).toEqual({ unit: 'base', value: '0.01058873' });
  });

  it('ids re-rendered with new suffixes', () => {
    const doc = page();
    input(doc, '#price-2').id = 'price-31';
    input(doc, '#volume-3').id = 'volume-32';
    input(doc, '#volumeInQuote-4').id = 'volumeInQuote-33';
    expect(form(reader.read(doc, SPOT_URL))).toEqual(EXAMPLE);
  });

  it('no single element carries the form root: one lost anchor costs its own field only', () => {
    const lose: Array<[string, (doc: Document) => void, string[]]> = [
      ['submit text changed', (doc) => (submit(doc).textContent = 'Place order'), ['submit']],
      ['Buy control renamed', (doc) => ($(doc, '[role="radio"][data-side="buy"]').textContent = 'Long'), ['sideBuy']],
      ['margin switch renamed', (doc) => ($(doc, '#margin-label-7').textContent = 'Marge (5x)'), ['margin']],
    ];
    for (const [what, change, keys] of lose) {
      const doc = page();
      change(doc);
      const reading = reader.read(doc, SPOT_URL);
      expect(missing(reading), what).toEqual(keys);
      expect(reader.formRoot(doc)?.contains($(doc, '#volumeInQuote-4')), what).toBe(true);
      expect(reading.matched.price, what).toBe(1);
    }
  });
});

describe('Kraken Pro gen 2: refuses to guess', () => {
  it.each([
    ['4800.00', 'a different amount (1.7 % above: more than any fee)'],
    ['4770.00', 'just over 1 % above 4722.00'],
    ['4721.99', 'one cent below'],
    ['4,721', 'a whole dollar below at no decimals'],
    ['472.20', 'a dropped digit'],
  ])('Total %s (%s) disagrees with quantity × price: not recognised, naming the Total', (total) => {
    const doc = page();
    input(doc, '#volumeInQuote-4').value = total;
    const reading = reader.read(doc, SPOT_URL);
    expect(missing(reading)).toEqual(['total']);
    expect(reading.matched).toMatchObject({ sizeBase: 1, sizeQuote: 1 });
  });

  it('a price typed without the Total following: refused until the page rewrites it', () => {
    const doc = page();
    input(doc, '#price-2').value = '95000';
    expect(missing(reader.read(doc, SPOT_URL))).toEqual(['total']);
    input(doc, '#volumeInQuote-4').value = '4750.00';
    expect(form(reader.read(doc, SPOT_URL)).price).toBe('95000');
  });

  it.each([[''], ['--'], ['0']])('Total %j: not recognised (total)', (total) => {
    const doc = page();
    input(doc, '#volumeInQuote-4').value = total;
    expect(missing(reader.read(doc, SPOT_URL))).toEqual(['total']);
  });

  it('Total field gone: its key is missing', () => {
    const doc = page();
    $(doc, '#volumeInQuote-4').remove();
    expect(missing(reader.read(doc, SPOT_URL))).toEqual(['sizeQuote']);
  });

  it('empty quantity', () => {
    const doc = page();
    input(doc, '#volume-3').value = '';
    expect(missing(reader.read(doc, SPOT_URL))).toEqual(['size']);
  });

  it('an order type we do not quote, or one we do not know, in the dropdown', () => {
    for (const name of ['Stop loss', 'Conditional']) {
      const doc = page();
      setType(doc, name);
      expect(missing(reader.read(doc, SPOT_URL)), name).toEqual(['orderType']);
    }
  });

  it("the submit's leverage disagrees with the label, or shows one while margin is off", () => {
    const doc = page();
    submit(doc).textContent = 'Buy BTC/USD (10x)';
    expect(missing(reader.read(doc, SPOT_URL))).toEqual(['leverage']);
    const off = page();
    marginOff(off);
    submit(off).textContent = 'Buy BTC/USD (5x)';
    expect(missing(reader.read(off, SPOT_URL))).toEqual(['leverage']);
  });

  it('margin on without any leverage in the label: not recognised', () => {
    const doc = page();
    $(doc, '#margin-label-7').textContent = 'Margin';
    submit(doc).textContent = 'Buy BTC/USD';
    expect(missing(reader.read(doc, SPOT_URL))).toEqual(['leverage']);
  });

  it('the margin URL with the switch off contradicts itself', () => {
    const doc = page();
    marginOff(doc);
    expect(missing(reader.read(doc, MARGIN_URL))).toEqual(['margin']);
  });

  it('a submit naming another quote or base than the URL', () => {
    const doc = page();
    submit(doc).textContent = 'Buy BTC/EUR (5x)';
    expect(missing(reader.read(doc, SPOT_URL))).toEqual(['symbol']);
    submit(doc).textContent = 'Buy ETH/USD (5x)';
    expect(missing(reader.read(doc, MARGIN_URL))).toEqual(['symbol']);
  });

  it('a second copy of the form: no root, nothing read', () => {
    const doc = page();
    const aside = $(doc, '[data-fixture="order-form"]');
    aside.after(aside.cloneNode(true));
    expect(reader.formRoot(doc)).toBeNull();
    expect(reader.read(doc, SPOT_URL).status).toBe('unrecognised');
  });

  it('typing fast path re-checks the Total (and gives up when it no longer agrees)', () => {
    const doc = page();
    const first = reader.read(doc, SPOT_URL);
    input(doc, '#volume-3').value = '0.1';
    input(doc, '#volumeInQuote-4').value = '9444.00';
    const next = reader.refresh!(first);
    expect(next).toEqual(reader.read(doc, SPOT_URL));
    input(doc, '#volumeInQuote-4').value = '9000.00';
    expect(reader.refresh!(next!)).toBeNull();
  });
});

describe("totalAgrees: one unit of the Total's last decimal below, one unit plus 1 % (a fee) above", () => {
  it.each([
    ['0.05', '94440', '4722.00', 2, true],
    // 4722 + a 0.20 % fee of 9.444 = 4731.444
    ['0.05', '94440', '4731.44', 2, true],
    ['0.05', '94440', '4769.22', 2, true],
    ['0.05', '94440', '4769.23', 2, false],
    ['0.00005', '94440', '4.73', 2, true],
    ['0.00005', '94440', '4.72', 2, true],
    ['0.00005', '94440', '4.71', 2, false],
    // 4.722 + 1 % = 4.76922 (+ one cent)
    ['0.00005', '94440', '4.77', 2, true],
    ['0.00005', '94440', '4.79', 2, false],
    ['0.5', '65000', '32500', 0, true],
    ['0.5', '65000', '32499', 0, false],
    ['0.5', '65000', '32826', 0, false],
    ['0.123', '0.5', '0.1', 1, true],
  ] as const)('%s × %s vs %s (%i decimals) → %s', (q, p, t, d, ok) => {
    expect(totalAgrees(q, p, t, d)).toBe(ok);
  });
});
