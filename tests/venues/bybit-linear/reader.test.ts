// @vitest-environment happy-dom
// Bybit USDT perpetual reader against e2e/fixtures/pages/bybit-linear.html.
import { describe, expect, it } from 'vitest';
import { reader, sideOfSubmit } from '../../../src/venues/bybit-linear/reader';
import { BYBIT_SELECTORS } from '../../../src/venues/bybit-linear/selectors';
import type { FormReading, OrderForm, PagePosition } from '../../../src/venues/types';
import { bybitPageFigures } from './page-figures';
import { $, byText, expectedCounts, loadPage } from '../../readers/load';

const URL_BTC = new URL('https://www.bybit.com/trade/usdt/BTCUSDT');
const URL_ETH = new URL('https://www.bybit.com/trade/usdt/ETHUSDT');

/** The cross positions the fixture lists (DOGEUSDT is isolated and not part of the cross account). */
const POSITIONS: PagePosition[] = [
  {
    symbol: 'SOLUSDT',
    side: 'long',
    quantity: '25',
    entryPrice: '142.35',
    markPrice: '148.12',
    maintenanceMargin: '19.54',
  },
  {
    symbol: 'XRPUSDT',
    side: 'short',
    quantity: '1500',
    entryPrice: '2.412',
    markPrice: '2.3885',
    maintenanceMargin: '19.84',
  },
];

const EXAMPLE: OrderForm = {
  venue: 'bybit-linear',
  symbol: 'BTCUSDT',
  side: 'both',
  type: 'limit',
  marginMode: 'cross',
  price: '65000',
  size: { unit: 'base', value: '0.1' },
  leverage: '10',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: '10000',
  account: { walletBalance: '10000', positions: POSITIONS },
  pageEstimates: bybitPageFigures('65000', '0.1', '10'),
};

const page = () => loadPage('bybit-linear.html');

function form(reading: FormReading): OrderForm {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
}

function missing(reading: FormReading): string[] {
  if (reading.status !== 'unrecognised') throw new Error('expected unrecognised');
  return reading.missing;
}

const row = (doc: Document, label: string) => byText(doc, '.oc__row-label', label).closest('.oc__row-bottom--12')!;
const input = (doc: Document, label: string) => row(doc, label).querySelector('input')!;
const hook = (doc: Document, name: string) => $(doc, `[data-fixture="${name}"]`);
const bodyRows = (doc: Document) => [...doc.querySelectorAll('.by-table tbody tr')];

function selectTab(doc: Document, name: string): void {
  const tab = byText(doc, '.oc [role="tab"]', name);
  for (const t of doc.querySelectorAll('.oc [role="tab"]')) t.setAttribute('aria-selected', String(t === tab));
}

function tpslOn(doc: Document): void {
  (hook(doc, 'tpsl') as HTMLInputElement).checked = true;
  hook(doc, 'tpsl-fields').hidden = false;
}

/** As the "Order by Value" menu item does: the row says Value and USDT. */
function orderByValue(doc: Document, value: string): void {
  hook(doc, 'size-label').textContent = 'Value';
  hook(doc, 'size-unit').textContent = 'USDT';
  input(doc, 'Value').value = value;
}

describe('Bybit reader: the example order', () => {
  it('reads the exact form, with the cross account the page shows', () => {
    const doc = page();
    // Outside the form: the symbol title, the wallet balance row and the positions table.
    const watched = [
      hook(doc, 'symbol-button'),
      byText(doc, '.trade-assets__row span', 'Wallet Balance').parentElement,
      $(doc, '.by-table'),
    ];
    expect(reader.read(doc, URL_BTC)).toEqual({
      status: 'ok',
      form: EXAMPLE,
      matched: expectedCounts(BYBIT_SELECTORS),
      watched,
    });
  });

  it('anchors on the order form; Buy/Long and Sell/Short are the submit buttons', () => {
    const doc = page();
    const root = reader.formRoot(doc);
    expect(root?.contains(input(doc, 'Price'))).toBe(true);
    expect(root?.contains($(doc, '.by-table'))).toBe(false);
    expect(root?.contains($(doc, 'h1'))).toBe(false);
    const buttons = reader.submitButtons(doc);
    expect(buttons.map((b) => b.textContent)).toEqual(['Buy/Long', 'Sell/Short']);
    expect(buttons.map(sideOfSubmit)).toEqual(['long', 'short']);
    expect(sideOfSubmit(hook(doc, 'margin-mode'))).toBeNull();
    expect(sideOfSubmit(hook(doc, 'leverage'))).toBeNull();
  });

  it('matches only USDT perpetual trade URLs', () => {
    for (const ok of [
      'https://www.bybit.com/trade/usdt/BTCUSDT',
      'https://www.bybit.com/trade/usdt/ETHUSDT/',
      'https://www.bybit.com/trade/usdt/1000PEPEUSDT',
      'https://www.bybit.com/trade/usdt/SOLUSDT?tab=positions',
    ]) {
      expect(reader.matchesUrl(new URL(ok)), ok).toBe(true);
    }
    for (const no of [
      'https://www.bybit.com/trade/inverse/BTCUSD',
      'https://www.bybit.com/trade/spot/BTC/USDT',
      'https://www.bybit.com/trade/usdc/BTC-PERP',
      'https://www.bybit.com/trade/usdt/BTCUSDC',
      'https://www.bybit.com/trade/usdt/',
      'https://www.bybit.com/trade/usdt/BTCUSDT/chart',
      'https://www.bybit.com/en/trade/usdt/BTCUSDT',
      'http://www.bybit.com/trade/usdt/BTCUSDT',
      'https://bybit.com/trade/usdt/BTCUSDT',
      'https://www.bybit.com.evil.example/trade/usdt/BTCUSDT',
      'https://www.binance.com/en/futures/BTCUSDT',
    ]) {
      expect(reader.matchesUrl(new URL(no)), no).toBe(false);
    }
  });
});

describe('Bybit reader: what the trader changes', () => {
  it('Isolated margin and another leverage: no account (isolated margin is per position)', () => {
    const doc = page();
    hook(doc, 'margin-mode').textContent = 'Isolated';
    hook(doc, 'leverage').textContent = '25.50x';
    const { account, ...rest } = EXAMPLE;
    expect(account).toBeDefined();
    expect(form(reader.read(doc, URL_BTC))).toEqual({ ...rest, marginMode: 'isolated', leverage: '25.5' });
  });

  it('Market tab: the price row is gone, no limit price', () => {
    const doc = page();
    selectTab(doc, 'Market');
    hook(doc, 'price-row').hidden = true;
    const reading = reader.read(doc, URL_BTC);
    expect(form(reading)).toEqual({ ...EXAMPLE, type: 'market', price: null });
    expect(reading.matched.price).toBe(0);
  });

  it('Order by Value: size in USDT', () => {
    const doc = page();
    orderByValue(doc, '6,500');
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

  it('TP/SL drawn as role=checkbox whose state is only its class (no aria-checked): on, triggers read', () => {
    // Issue 13: read by ARIA alone this switch is off and the stop and take-profit are dropped silently.
    const doc = page();
    const drawn = doc.createElement('div');
    drawn.setAttribute('role', 'checkbox');
    drawn.className = 'by-checkbox by-checkbox--checked oc__tp-sl-chk';
    drawn.append(Object.assign(doc.createElement('span'), { className: 'oc__tp-sl-chk-text', textContent: 'TP/SL' }));
    hook(doc, 'tpsl').closest('label')!.replaceWith(drawn);
    hook(doc, 'tpsl-fields').hidden = false;
    input(doc, 'Take Profit').value = '70,000';
    input(doc, 'Stop Loss').value = '61,500.5';
    expect(form(reader.read(doc, URL_BTC))).toEqual({ ...EXAMPLE, takeProfit: '70000', stopLoss: '61500.5' });
  });

  it('Reduce-Only ticked (native checkbox): a closing order, not quoted as an opening', () => {
    const doc = page();
    (hook(doc, 'reduce-only') as HTMLInputElement).checked = true;
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['reduceOnly']);
  });

  it('logged out ("-- USDT", no account panel, no positions): a form without balance or account', () => {
    const doc = page();
    byText(doc, '.oc__available-value', '10,000.0000 USDT').textContent = '-- USDT';
    $(doc, '.trade-assets').remove();
    $(doc, '.position-panel').remove();
    const { account, ...rest } = EXAMPLE;
    expect(account).toBeDefined();
    expect(form(reader.read(doc, URL_BTC))).toEqual({ ...rest, availableBalance: null });
  });

  it('SPA switch to ETHUSDT with a re-mounted form', () => {
    const doc = page();
    const old = hook(doc, 'order-form');
    const fresh = old.cloneNode(true) as HTMLElement;
    old.replaceWith(fresh);
    hook(doc, 'symbol-title').textContent = 'ETHUSDT';
    hook(doc, 'size-unit').textContent = 'ETH';
    input(doc, 'Price').value = '3,500.00';
    input(doc, 'Qty').value = '1.00';
    expect(form(reader.read(doc, URL_ETH))).toEqual({
      ...EXAMPLE,
      symbol: 'ETHUSDT',
      price: '3500',
      size: { unit: 'base', value: '1' },
    });
  });

  it('an open margin-mode or leverage dialog does not disturb the reading', () => {
    const doc = page();
    hook(doc, 'mode-dialog').hidden = false;
    hook(doc, 'leverage-dialog').hidden = false;
    expect(form(reader.read(doc, URL_BTC))).toEqual(EXAMPLE);
  });
});

describe('Bybit reader: the cross account as the page shows it', () => {
  it('no open positions: an empty list', () => {
    const doc = page();
    const empty = doc.createElement('tr');
    const cell = doc.createElement('td');
    cell.colSpan = 9;
    cell.textContent = 'No positions';
    empty.append(cell);
    $(doc, '.by-table tbody').replaceChildren(empty);
    expect(form(reader.read(doc, URL_BTC)).account).toEqual({ walletBalance: '10000', positions: [] });
  });

  it('a position whose MM shows "--": kept, its maintenance margin unknown', () => {
    const doc = page();
    bodyRows(doc)[0]!.children[7]!.textContent = '--';
    expect(form(reader.read(doc, URL_BTC)).account?.positions).toEqual([
      { ...POSITIONS[0]!, maintenanceMargin: null },
      POSITIONS[1],
    ]);
  });

  it.each<[string, (doc: Document) => void]>([
    ['a row without a side tag', (doc) => bodyRows(doc)[0]!.querySelector('.position-tag--long')!.remove()],
    ['a garbled quantity', (doc) => (bodyRows(doc)[1]!.children[1]!.textContent = '1.500,0')],
    ['a negative quantity', (doc) => (bodyRows(doc)[1]!.children[1]!.textContent = '-1,500')],
    ['a row with a cell missing', (doc) => bodyRows(doc)[0]!.children[4]!.remove()],
    ['an MM in another currency', (doc) => (bodyRows(doc)[0]!.children[7]!.textContent = '19.54 USDC')],
    ['a renamed column', (doc) => (byText(doc, 'th', 'Mark Price').textContent = 'Markpreis')],
    ['the MM column twice', (doc) => (byText(doc, 'th', 'IM').textContent = 'MM')],
  ])('%s: positions unknown (null), the form still reads', (_, spoil) => {
    const doc = page();
    spoil(doc);
    expect(form(reader.read(doc, URL_BTC)).account).toEqual({ walletBalance: '10000', positions: null });
  });

  it('wallet balance unreadable or in another currency: null, positions still read', () => {
    for (const text of ['--', '10,000.0000 USD', '10.000,00 USDT']) {
      const doc = page();
      byText(doc, '.trade-assets__row span', '10,000.0000 USDT').textContent = text;
      expect(form(reader.read(doc, URL_BTC)).account, text).toEqual({ walletBalance: null, positions: POSITIONS });
    }
  });

  it('only one of the two shown: the other is null', () => {
    const noTable = page();
    $(noTable, '.position-panel').remove();
    expect(form(reader.read(noTable, URL_BTC)).account).toEqual({ walletBalance: '10000', positions: null });
    const noPanel = page();
    $(noPanel, '.trade-assets').remove();
    expect(form(reader.read(noPanel, URL_BTC)).account).toEqual({ walletBalance: null, positions: POSITIONS });
  });

  it('positions tab hidden (another tab selected): positions not shown', () => {
    const doc = page();
    $(doc, '.by-table').hidden = true;
    expect(form(reader.read(doc, URL_BTC)).account).toEqual({ walletBalance: '10000', positions: null });
  });
});

describe('Bybit reader: refuses to guess', () => {
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

  it.each([[''], ['-0.1']])('size %j → unrecognised', (value) => {
    const doc = page();
    input(doc, 'Qty').value = value;
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['size']);
  });

  it('leverage button removed, unreadable, or two of them (hedge mode)', () => {
    const doc = page();
    const button = hook(doc, 'leverage');
    button.after(button.cloneNode(true));
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['leverage']);
    button.nextElementSibling!.remove();
    button.textContent = '10.00';
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['leverage']);
    button.remove();
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['leverage']);
  });

  it('margin mode button missing or saying something else', () => {
    const doc = page();
    hook(doc, 'margin-mode').textContent = 'Portfolio';
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['marginMode']);
    hook(doc, 'margin-mode').remove();
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['marginMode']);
  });

  it('size label and unit that disagree (Value with BTC, Qty with USDT)', () => {
    const doc = page();
    hook(doc, 'size-unit').textContent = 'USDT';
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['sizeUnit']);
    hook(doc, 'size-unit').textContent = 'BTC';
    hook(doc, 'size-label').textContent = 'Value';
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['sizeUnit']);
  });

  it('two size fields at once', () => {
    const doc = page();
    const size = row(doc, 'Qty');
    size.after(size.cloneNode(true));
    const reading = reader.read(doc, URL_BTC);
    expect(missing(reading)).toContain('size');
    expect(reading.matched.size).toBe(2);
  });

  it('renamed price label', () => {
    const doc = page();
    byText(doc, '.oc__row-label', 'Price').textContent = 'Preis';
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['price']);
  });

  it('the page still shows the previous symbol (half-done SPA switch)', () => {
    expect(missing(reader.read(page(), URL_ETH))).toEqual(['symbol', 'sizeUnit']);
    const doc = page();
    hook(doc, 'symbol-title').textContent = 'ETHUSDT';
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['symbol']);
  });

  it('unreadable TP/SL price while TP/SL is on', () => {
    const doc = page();
    tpslOn(doc);
    input(doc, 'Stop Loss').value = '--';
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['stopLoss']);
  });

  it('TP/SL checkbox missing: a stop loss could be hidden from us', () => {
    const doc = page();
    $(doc, '.oc__tp-sl-chk').remove();
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['tpsl']);
  });

  it('an order type we do not quote (Conditional)', () => {
    const doc = page();
    selectTab(doc, 'Conditional');
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['orderType']);
  });

  it('another venue page, or a page with no form', () => {
    expect(reader.read(loadPage('binance-usdm.html'), URL_BTC).status).toBe('unrecognised');
    expect(reader.read(loadPage('kraken-margin.html'), URL_BTC).status).toBe('unrecognised');
    const random = new DOMParser().parseFromString(
      '<html><body><h1>BTCUSDT</h1><button>10.00x</button><button>Cross</button></body></html>',
      'text/html',
    );
    expect(reader.read(random, URL_BTC).status).toBe('unrecognised');
    expect(reader.formRoot(random)).toBeNull();
    expect(reader.submitButtons(random)).toEqual([]);
  });
});

describe('Bybit reader: the typing fast path', () => {
  it('refresh = read when only typed values change; gives up on what read refuses', () => {
    const doc = page();
    tpslOn(doc);
    let reading = reader.read(doc, URL_BTC);
    for (const [price, size, tp, sl] of [
      ['64,000', '0.2', '', ''],
      ['64,000', '0.25', '70,000', ''],
      ['64000.1', '3', '', '60000'],
    ] as const) {
      input(doc, 'Price').value = price;
      input(doc, 'Qty').value = size;
      input(doc, 'Take Profit').value = tp;
      input(doc, 'Stop Loss').value = sl;
      const next = reader.refresh!(reading);
      expect(next).not.toBeNull();
      reading = next!;
      expect(reading).toEqual(reader.read(doc, URL_BTC));
    }
    input(doc, 'Qty').value = 'abc';
    expect(reader.refresh!(reading)).toBeNull();
    expect(reader.read(doc, URL_BTC).status).toBe('unrecognised');
  });
});
