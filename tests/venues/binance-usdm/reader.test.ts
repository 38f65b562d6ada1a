// @vitest-environment happy-dom
// Binance USDⓈ-M futures reader against e2e/fixtures/pages/binance-usdm.html.
import { describe, expect, it } from 'vitest';
import { reader, sideOfSubmit } from '../../../src/venues/binance-usdm/reader';
import { BINANCE_USDM_SELECTORS } from '../../../src/venues/binance-usdm/selectors';
import type { FormReading, OrderForm } from '../../../src/venues/types';
import { MOCK_MARK, pageCosts } from './page-costs';
import { $, byText, expectedCounts, loadPage } from '../../readers/load';

const URL_BTC = new URL('https://www.binance.com/en/futures/BTCUSDT');
const EXAMPLE: OrderForm = {
  venue: 'binance-usdm',
  symbol: 'BTCUSDT',
  side: 'both',
  type: 'limit',
  marginMode: 'cross',
  price: '65000',
  size: { unit: 'base', value: '0.1' },
  leverage: '20',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: '10000',
  pageEstimates: pageCosts('65000', '0.1', '20', MOCK_MARK.BTCUSDT),
};

const page = () => loadPage('binance-usdm.html');

function form(reading: FormReading): OrderForm {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
}

function missing(reading: FormReading): string[] {
  if (reading.status !== 'unrecognised') throw new Error('expected unrecognised');
  return reading.missing;
}

const field = (doc: Document, label: string) => byText(doc, '.bn-textField-prefix', label).closest('.bn-textField')!;
const input = (doc: Document, label: string) => field(doc, label).querySelector('input')!;

// The margin-mode dialog has "Cross" too; the test finds the form's button by the fixture's own hook.
const marginModeButton = (doc: Document) => $(doc, '[data-fixture="margin-mode"]');

function selectTab(doc: Document, name: string): void {
  const tab = byText(doc, '[role="tab"]', name);
  for (const t of doc.querySelectorAll('[role="tab"]')) t.setAttribute('aria-selected', String(t === tab));
}

function tpslOn(doc: Document): void {
  byText(doc, '[role="checkbox"]', 'TP/SL').setAttribute('aria-checked', 'true');
  $(doc, '[data-fixture="tpsl-fields"]').hidden = false;
}

describe('Binance USDⓈ-M reader: the example order', () => {
  it('reads the exact form', () => {
    // Everything read lies inside the form root: nothing else to watch.
    expect(reader.read(page(), URL_BTC)).toEqual({
      status: 'ok',
      form: EXAMPLE,
      matched: expectedCounts(BINANCE_USDM_SELECTORS),
      watched: [],
    });
  });

  it('anchors on the order form; both Buy/Long and Sell/Short are submit buttons', () => {
    const doc = page();
    const root = reader.formRoot(doc);
    expect(root?.contains(input(doc, 'Price'))).toBe(true);
    expect(root?.contains($(doc, 'h1'))).toBe(false);
    const buttons = reader.submitButtons(doc);
    expect(buttons.map((b) => b.textContent)).toEqual(['Buy/Long', 'Sell/Short']);
    expect(buttons.map(sideOfSubmit)).toEqual(['long', 'short']);
    expect(sideOfSubmit(marginModeButton(doc))).toBeNull();
    buttons[0]!.textContent = 'Sell/Short'; // class says buy, text says sell: no answer
    expect(sideOfSubmit(buttons[0]!)).toBeNull();
  });

  it('matches only USDⓈ-M perpetual URLs', () => {
    for (const ok of [
      'https://www.binance.com/en/futures/BTCUSDT',
      'https://www.binance.com/futures/ETHUSDT',
      'https://www.binance.com/pt-BR/futures/1000PEPEUSDT',
      'https://www.binance.com/en/futures/BTCUSDC/',
    ]) {
      expect(reader.matchesUrl(new URL(ok)), ok).toBe(true);
    }
    for (const no of [
      'https://www.binance.com/en/futures/BTCUSDT_250328',
      'https://www.binance.com/en/delivery/BTCUSD_PERP',
      'https://www.binance.com/en/trade/BTC_USDT',
      'http://www.binance.com/en/futures/BTCUSDT',
      'https://binance.com.evil.example/en/futures/BTCUSDT',
      'https://pro.kraken.com/app/trade/btc-usd',
    ]) {
      expect(reader.matchesUrl(new URL(no)), no).toBe(false);
    }
  });
});

describe('Binance USDⓈ-M reader: what the trader changes', () => {
  it('Isolated margin and another leverage', () => {
    const doc = page();
    marginModeButton(doc).textContent = 'Isolated';
    byText(doc, 'button', '20x').textContent = '125x';
    expect(form(reader.read(doc, URL_BTC))).toEqual({ ...EXAMPLE, marginMode: 'isolated', leverage: '125' });
  });

  it('Market tab: no limit price', () => {
    const doc = page();
    selectTab(doc, 'Market');
    const price = input(doc, 'Price');
    price.value = '';
    price.disabled = true;
    expect(form(reader.read(doc, URL_BTC))).toEqual({ ...EXAMPLE, type: 'market', price: null });
  });

  it('size in USDT', () => {
    const doc = page();
    byText(doc, '[role="button"]', 'BTC').textContent = 'USDT';
    input(doc, 'Size').value = '6,500';
    expect(form(reader.read(doc, URL_BTC)).size).toEqual({ unit: 'quote', value: '6500' });
  });

  it('TP/SL on with both prices', () => {
    const doc = page();
    tpslOn(doc);
    input(doc, 'Take Profit').value = '70,000';
    input(doc, 'Stop Loss').value = '61,500.5';
    const reading = reader.read(doc, URL_BTC);
    expect(form(reading)).toEqual({ ...EXAMPLE, takeProfit: '70000', stopLoss: '61500.5' });
    expect(reading.matched).toMatchObject({ takeProfit: 1, stopLoss: 1 });
  });

  it('TP/SL on with the prices left empty: none set', () => {
    const doc = page();
    tpslOn(doc);
    expect(form(reader.read(doc, URL_BTC))).toEqual(EXAMPLE);
  });

  it('TP/SL off: values left in hidden fields are not read', () => {
    const doc = page();
    input(doc, 'Stop Loss').value = '60,000';
    expect(form(reader.read(doc, URL_BTC)).stopLoss).toBeNull();
  });

  it('logged out ("Avbl -- USDT"): no balance, still a form', () => {
    const doc = page();
    byText(doc, 'span', '10,000.00 USDT').textContent = '-- USDT';
    expect(form(reader.read(doc, URL_BTC))).toEqual({ ...EXAMPLE, availableBalance: null });
  });

  it('SPA switch to ETHUSDT with a re-mounted form', () => {
    const doc = page();
    const old = $(doc, '.css-4r5t6y');
    const fresh = old.cloneNode(true) as HTMLElement;
    old.replaceWith(fresh);
    byText(doc, '[role="button"]', 'BTC').textContent = 'ETH';
    input(doc, 'Price').value = '3,500.00';
    input(doc, 'Size').value = '1';
    expect(form(reader.read(doc, new URL('https://www.binance.com/en/futures/ETHUSDT')))).toEqual({
      ...EXAMPLE,
      symbol: 'ETHUSDT',
      price: '3500',
      size: { unit: 'base', value: '1' },
    });
  });

  it('an open margin-mode dialog makes the mode ambiguous until it closes', () => {
    const doc = page();
    $(doc, '[aria-label="Margin Mode"]').hidden = false;
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['marginMode']);
  });
});

describe('Binance USDⓈ-M reader: refuses to guess', () => {
  it.each([[''], ['--'], ['0'], ['6.5e4']])('price %j → unrecognised', (value) => {
    const doc = page();
    input(doc, 'Price').value = value;
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['price']);
  });

  it.each([['1.234,5'], ['65,00']])(
    "price %j: comma decimals on an English page make the form's numbers unreadable",
    (value) => {
      const doc = page();
      input(doc, 'Price').value = value;
      const why = missing(reader.read(doc, URL_BTC));
      expect(why).toContain('price');
      expect(why).toContain('numberFormat');
    },
  );

  it('leverage button removed, or unreadable', () => {
    const doc = page();
    const button = byText(doc, 'button', '20x');
    button.textContent = '20';
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['leverage']);
    button.remove();
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['leverage']);
  });

  it('margin mode button missing', () => {
    const doc = page();
    marginModeButton(doc).remove();
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['marginMode']);
  });

  it('two size fields at once', () => {
    const doc = page();
    const size = field(doc, 'Size');
    size.after(size.cloneNode(true));
    const reading = reader.read(doc, URL_BTC);
    expect(missing(reading)).toContain('size');
    expect(reading.matched.size).toBe(2);
  });

  it('renamed label', () => {
    const doc = page();
    byText(doc, '.bn-textField-prefix', 'Price').textContent = 'Prix';
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['price']);
  });

  it('a size unit that is neither base nor quote (the form still shows the previous symbol)', () => {
    expect(missing(reader.read(page(), new URL('https://www.binance.com/en/futures/ETHUSDT')))).toEqual(['sizeUnit']);
  });

  it('unreadable TP/SL price while TP/SL is on', () => {
    const doc = page();
    tpslOn(doc);
    input(doc, 'Stop Loss').value = '--';
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['stopLoss']);
  });

  it('TP/SL checkbox missing: a stop loss could be hidden from us', () => {
    const doc = page();
    byText(doc, '[role="checkbox"]', 'TP/SL').remove();
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['tpsl']);
  });

  it('an order type we do not quote (Stop Limit), or no tab selected', () => {
    const doc = page();
    selectTab(doc, 'Stop Limit');
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['orderType']);
  });

  it('another venue page, or a page with no form', () => {
    const kraken = reader.read(loadPage('kraken-margin.html'), URL_BTC);
    // Kraken's Limit/Market tabs do match the text fallback; everything Binance-specific is missing.
    expect(missing(kraken)).toEqual(['buy', 'sell', 'marginMode', 'leverage', 'price', 'size', 'sizeUnit', 'tpsl']);
    const random = new DOMParser().parseFromString(
      '<html><body><h1>BTCUSDT</h1><button>20x</button><button>Cross</button></body></html>',
      'text/html',
    );
    expect(reader.read(random, URL_BTC).status).toBe('unrecognised');
    expect(reader.formRoot(random)).toBeNull();
    expect(reader.submitButtons(random)).toEqual([]);
  });
});
