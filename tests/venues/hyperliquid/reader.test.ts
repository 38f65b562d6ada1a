// @vitest-environment happy-dom
// Hyperliquid perpetuals reader against e2e/fixtures/pages/hyperliquid.html.
import { describe, expect, it } from 'vitest';
import { coinFromUrl, reader, sideOfSubmit } from '../../../src/venues/hyperliquid/reader';
import { HYPERLIQUID_SELECTORS } from '../../../src/venues/hyperliquid/selectors';
import { refreshTyped } from '../../../src/venues/dom/typed';
import type { FormReading, OrderForm } from '../../../src/venues/types';
import { $, byText, expectedCounts, loadPage } from '../../readers/load';

const URL_BTC = new URL('https://app.hyperliquid.xyz/trade/BTC');
const SOL_SHORT = {
  symbol: 'SOL',
  side: 'short',
  quantity: '20',
  entryPrice: '150',
  markPrice: '148.2',
  maintenanceMargin: null,
} as const;
const EXAMPLE: OrderForm = {
  venue: 'hyperliquid',
  symbol: 'BTC',
  side: 'long',
  type: 'limit',
  marginMode: 'cross',
  price: '65000',
  size: { unit: 'base', value: '0.1' },
  leverage: '20',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: '9887.8',
  account: { walletBalance: '10000', positions: [SOL_SHORT] },
  // The page's own summary as shown (Liq. Price "N/A": no estimate).
  pageEstimates: [
    { kind: 'orderValue', side: null, value: '6500', decimals: 2 },
    { kind: 'initialMargin', side: null, value: '325', decimals: 2 },
  ],
};

const page = () => loadPage('hyperliquid.html');

function form(reading: FormReading): OrderForm {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
}

function missing(reading: FormReading): string[] {
  if (reading.status !== 'unrecognised') throw new Error('expected unrecognised');
  return reading.missing;
}

const hook = (doc: Document, name: string) => $(doc, `[data-fixture="${name}"]`);
const input = (doc: Document, name: string) => hook(doc, name) as HTMLInputElement;
/** The form's buttons by their own hooks: the margin-mode dialog has "Cross" too. */
const marginModeButton = (doc: Document) => hook(doc, 'margin-mode');
const leverageButton = (doc: Document) => hook(doc, 'leverage');
const positionsBody = (doc: Document) => hook(doc, 'positions');

function selectTab(doc: Document, name: string): void {
  const tab = byText(doc, '[data-fixture="order-form"] [role="tab"]', name);
  for (const t of doc.querySelectorAll('[data-fixture="order-form"] [role="tab"]'))
    t.setAttribute('aria-selected', String(t === tab));
}

function selectSide(doc: Document, side: 'long' | 'short'): void {
  for (const b of doc.querySelectorAll('[data-side]'))
    b.setAttribute('aria-pressed', String((b as HTMLElement).dataset.side === side));
}

function tpslOn(doc: Document): void {
  input(doc, 'tpsl').checked = true;
  hook(doc, 'tpsl-fields').hidden = false;
}

const labelledInput = (doc: Document, label: string) =>
  byText(doc, 'label > span', label).parentElement!.querySelector('input')!;

describe('Hyperliquid reader: the example order', () => {
  it('reads the exact form, account and positions included', () => {
    const doc = page();
    // Outside the form: the coin picker, the Balance row, the Positions tab and the positions table.
    const watched = [
      hook(doc, 'coin-button'),
      byText(doc, 'span', 'Balance').parentElement,
      byText(doc, '[role="tab"]', 'Positions (1)'),
      positionsBody(doc).closest('table'),
    ];
    expect(reader.read(doc, URL_BTC)).toEqual({
      status: 'ok',
      form: EXAMPLE,
      matched: expectedCounts(HYPERLIQUID_SELECTORS),
      watched,
    });
  });

  it('anchors on the order form; Place Order is the one submit button and places the toggle side', () => {
    const doc = page();
    const root = reader.formRoot(doc);
    expect(root?.contains(input(doc, 'size'))).toBe(true);
    expect(root?.contains(hook(doc, 'coin-button'))).toBe(false);
    const buttons = reader.submitButtons(doc);
    expect(buttons.map((b) => b.textContent)).toEqual(['Place Order']);
    expect(sideOfSubmit(buttons[0]!)).toBe('long');
    selectSide(doc, 'short');
    expect(sideOfSubmit(buttons[0]!)).toBe('short');
    expect(sideOfSubmit(marginModeButton(doc))).toBeNull();
    expect(sideOfSubmit(byText(doc, 'button', 'Buy / Long'))).toBeNull(); // the toggle does not submit
    for (const b of doc.querySelectorAll('[data-side]')) b.setAttribute('aria-pressed', 'true');
    expect(sideOfSubmit(buttons[0]!)).toBeNull(); // both pressed: no answer
  });

  it('an older submit named after the order ("Market Sell") gives its own side', () => {
    const doc = page();
    hook(doc, 'submit').textContent = 'Limit Sell';
    expect(sideOfSubmit(hook(doc, 'submit'))).toBe('short');
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['side']); // the toggle says Buy / Long
    selectSide(doc, 'short');
    expect(form(reader.read(doc, URL_BTC)).side).toBe('short');
  });

  it('matches perp trade URLs only', () => {
    for (const ok of [
      'https://app.hyperliquid.xyz/trade/BTC',
      'https://app.hyperliquid.xyz/trade/ETH/',
      'https://app.hyperliquid.xyz/trade/kPEPE',
      'https://app.hyperliquid.xyz/trade',
      'https://app.hyperliquid.xyz/trade/SOL?ref=x',
      // Builder-deployed perps (§8): read, so the overlay can say they are not supported.
      'https://app.hyperliquid.xyz/trade/xyz:TSLA',
      'https://app.hyperliquid.xyz/trade/xyz%3ATSLA',
    ]) {
      expect(reader.matchesUrl(new URL(ok)), ok).toBe(true);
    }
    for (const no of [
      'https://app.hyperliquid.xyz/trade/PURR/USDC',
      'https://app.hyperliquid.xyz/trade/@107',
      'https://app.hyperliquid.xyz/trade/btc',
      'https://app.hyperliquid.xyz/trade/XYZ:TSLA',
      'https://app.hyperliquid.xyz/trade/xyz:',
      'https://app.hyperliquid.xyz/trade/%E0%A4%A',
      'https://app.hyperliquid.xyz/portfolio',
      'https://app.hyperliquid.xyz/',
      'http://app.hyperliquid.xyz/trade/BTC',
      'https://app.hyperliquid.xyz.evil.example/trade/BTC',
      'https://hyperliquid.xyz/trade/BTC',
      'https://www.binance.com/en/futures/BTCUSDT',
    ]) {
      expect(reader.matchesUrl(new URL(no)), no).toBe(false);
    }
    expect(coinFromUrl(new URL('https://app.hyperliquid.xyz/trade'))).toEqual({ coin: null });
    expect(coinFromUrl(new URL('https://app.hyperliquid.xyz/trade/kPEPE'))).toEqual({ coin: 'kPEPE' });
    expect(coinFromUrl(new URL('https://app.hyperliquid.xyz/trade/xyz%3ATSLA'))).toEqual({ coin: 'xyz:TSLA' });
  });
});

describe('Hyperliquid reader: what the trader changes', () => {
  it('Sell / Short', () => {
    const doc = page();
    selectSide(doc, 'short');
    expect(form(reader.read(doc, URL_BTC))).toEqual({ ...EXAMPLE, side: 'short' });
  });

  it('Isolated margin and another leverage: the account is not part of an isolated quote', () => {
    const doc = page();
    marginModeButton(doc).textContent = 'Isolated';
    leverageButton(doc).textContent = '40x';
    const { account, ...rest } = EXAMPLE;
    expect(account).toBeDefined();
    expect(form(reader.read(doc, URL_BTC))).toEqual({ ...rest, marginMode: 'isolated', leverage: '40' });
  });

  it('Market tab: the price field is gone, no limit price', () => {
    const doc = page();
    selectTab(doc, 'Market');
    hook(doc, 'price-field').hidden = true;
    const reading = reader.read(doc, URL_BTC);
    expect(form(reading)).toEqual({ ...EXAMPLE, type: 'market', price: null });
    expect(reading.matched.price).toBe(0);
  });

  it('size in USDC', () => {
    const doc = page();
    hook(doc, 'size-unit').textContent = 'USDC';
    input(doc, 'size').value = '6,500';
    expect(form(reader.read(doc, URL_BTC)).size).toEqual({ unit: 'quote', value: '6500' });
  });

  it('TP/SL on with both prices', () => {
    const doc = page();
    tpslOn(doc);
    labelledInput(doc, 'TP Price').value = '70,000';
    labelledInput(doc, 'SL Price').value = '61,500.5';
    labelledInput(doc, 'Loss').value = '5'; // the percentage companions are not read
    const reading = reader.read(doc, URL_BTC);
    expect(form(reading)).toEqual({ ...EXAMPLE, takeProfit: '70000', stopLoss: '61500.5' });
    expect(reading.matched).toMatchObject({ takeProfit: 1, stopLoss: 1 });
  });

  it('TP/SL off: values left in hidden fields are not read', () => {
    const doc = page();
    labelledInput(doc, 'SL Price').value = '60,000';
    expect(form(reader.read(doc, URL_BTC)).stopLoss).toBeNull();
  });

  it('typing fast path: refresh re-reads price and size from the same inputs', () => {
    const doc = page();
    const first = reader.read(doc, URL_BTC);
    input(doc, 'price').value = '64,500.5';
    input(doc, 'size').value = '0.25';
    const next = refreshTyped(first);
    expect(next).toEqual(reader.read(doc, URL_BTC));
    input(doc, 'size').value = '--';
    expect(refreshTyped(first)).toBeNull();
  });

  it('bare /trade: the coin comes from the picker', () => {
    expect(form(reader.read(page(), new URL('https://app.hyperliquid.xyz/trade')))).toEqual(EXAMPLE);
  });

  it('SPA switch to ETH with a re-mounted form', () => {
    const doc = page();
    const old = hook(doc, 'order-form');
    const fresh = old.cloneNode(true) as HTMLElement;
    old.replaceWith(fresh);
    hook(doc, 'coin-button').textContent = 'ETH-USD';
    hook(doc, 'size-unit').textContent = 'ETH';
    input(doc, 'price').value = '3,500.0';
    input(doc, 'size').value = '1';
    expect(form(reader.read(doc, new URL('https://app.hyperliquid.xyz/trade/ETH')))).toEqual({
      ...EXAMPLE,
      symbol: 'ETH',
      price: '3500',
      size: { unit: 'base', value: '1' },
    });
  });

  it('an open margin-mode dialog makes the mode ambiguous until it closes', () => {
    const doc = page();
    hook(doc, 'mode-dialog').hidden = false;
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['marginMode']);
  });
});

describe('Hyperliquid reader: the account as the page shows it', () => {
  it('no open positions (the tab says 0, the table has no rows)', () => {
    const doc = page();
    positionsBody(doc).replaceChildren();
    byText(doc, '[role="tab"]', 'Positions (1)').textContent = 'Positions (0)';
    expect(form(reader.read(doc, URL_BTC)).account).toEqual({ walletBalance: '10000', positions: [] });
  });

  it('a long position and a second short', () => {
    const doc = page();
    const row = positionsBody(doc).querySelector('tr')!;
    const eth = row.cloneNode(true) as HTMLElement;
    const cells = eth.querySelectorAll('td');
    cells[0]!.firstChild!.textContent = 'ETH ';
    cells[0]!.querySelector('span')!.textContent = '25x';
    cells[1]!.textContent = '1.5000 ETH';
    cells[3]!.textContent = '3,400.0';
    cells[4]!.textContent = '3,501.3';
    cells[7]!.textContent = '$210.08 (Cross)';
    row.after(eth);
    byText(doc, '[role="tab"]', 'Positions (1)').textContent = 'Positions (2)';
    expect(form(reader.read(doc, URL_BTC)).account?.positions).toEqual([
      SOL_SHORT,
      {
        symbol: 'ETH',
        side: 'long',
        quantity: '1.5',
        entryPrice: '3400',
        markPrice: '3501.3',
        maintenanceMargin: null,
      },
    ]);
  });

  it('another bottom tab selected: positions not shown (null), the balance still is', () => {
    const doc = page();
    for (const tab of doc.querySelectorAll('.sc-pos6e7 [role="tab"]'))
      tab.setAttribute('aria-selected', String(tab.textContent === 'Open Orders'));
    expect(form(reader.read(doc, URL_BTC)).account).toEqual({ walletBalance: '10000', positions: null });
  });

  it('a count that disagrees with the rows, or a row we cannot read: positions null, never a partial list', () => {
    const doc = page();
    byText(doc, '[role="tab"]', 'Positions (1)').textContent = 'Positions (2)';
    expect(form(reader.read(doc, URL_BTC)).account?.positions).toBeNull();
    for (const [cell, text] of [
      [1, '20.00 ETH'],
      [1, '-20,00 SOL'],
      [3, '--'],
      [4, '1.48e2'],
      [7, '$148.20'],
    ] as const) {
      const d = page();
      positionsBody(d).querySelectorAll('td')[cell]!.textContent = text;
      expect(form(reader.read(d, URL_BTC)).account, `${cell}: ${text}`).toEqual({
        walletBalance: '10000',
        positions: null,
      });
    }
  });

  it('columns found by header text, not by position', () => {
    const doc = page();
    const headers = [...doc.querySelectorAll('thead th')];
    const rows = [...positionsBody(doc).querySelectorAll('tr')];
    // Swap "Entry Price" and "Mark Price" in the header and the cells alike.
    headers[3]!.before(headers[4]!);
    for (const row of rows) {
      const cells = row.querySelectorAll('td');
      cells[3]!.before(cells[4]!);
    }
    expect(form(reader.read(doc, URL_BTC)).account?.positions).toEqual([SOL_SHORT]);
    doc.querySelector('thead th')!.textContent = 'Market'; // no "Coin" column any more
    expect(form(reader.read(doc, URL_BTC)).account?.positions).toBeNull();
  });

  it('an isolated position elsewhere: the cross collateral cannot be told apart, so no account', () => {
    const doc = page();
    positionsBody(doc).querySelectorAll('td')[7]!.textContent = '$148.20 (Isolated)';
    expect(form(reader.read(doc, URL_BTC)).account).toBeUndefined();
  });

  it('logged out: no balance, no positions table → no account, still a form', () => {
    const doc = page();
    hook(doc, 'account').remove();
    doc.querySelector('.sc-pos6e7')!.remove();
    hook(doc, 'available').textContent = '-- USDC';
    const { account, ...rest } = EXAMPLE;
    expect(account).toBeDefined();
    expect(form(reader.read(doc, URL_BTC))).toEqual({ ...rest, availableBalance: null });
  });

  it('an unreadable balance is not shown (null), not guessed', () => {
    const doc = page();
    byText(doc, '.sc-acc5d6 span', '$10,000.00').textContent = '10.000,00 $';
    expect(form(reader.read(doc, URL_BTC)).account).toEqual({ walletBalance: null, positions: [SOL_SHORT] });
  });
});

describe('Hyperliquid reader: refuses to guess', () => {
  it.each([[''], ['--'], ['0'], ['6.5e4'], ['-65000']])('price %j → unrecognised', (value) => {
    const doc = page();
    input(doc, 'price').value = value;
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['price']);
  });

  it.each([['1.234,5'], ['65,00']])(
    "price %j: comma decimals on an English page make the form's numbers unreadable",
    (value) => {
      const doc = page();
      input(doc, 'price').value = value;
      const why = missing(reader.read(doc, URL_BTC));
      expect(why).toContain('price');
      expect(why).toContain('numberFormat');
    },
  );

  it.each([[''], ['abc'], ['0']])('size %j → unrecognised', (value) => {
    const doc = page();
    input(doc, 'size').value = value;
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['size']);
  });

  it('leverage button unreadable, or removed', () => {
    const doc = page();
    leverageButton(doc).textContent = '20';
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['leverage']);
    leverageButton(doc).remove();
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['leverage']);
  });

  it('margin mode button missing', () => {
    const doc = page();
    marginModeButton(doc).remove();
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['marginMode']);
  });

  it('side toggle with both or neither side pressed', () => {
    const doc = page();
    for (const b of doc.querySelectorAll('[data-side]')) b.setAttribute('aria-pressed', 'false');
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['side']);
    for (const b of doc.querySelectorAll('[data-side]')) b.removeAttribute('aria-pressed');
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['side']);
  });

  it('Pro order types (stop, scale, TWAP) are not quoted', () => {
    const doc = page();
    selectTab(doc, 'Pro');
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['orderType']);
  });

  it('Reduce Only: nothing new to quote', () => {
    const doc = page();
    input(doc, 'reduce-only').checked = true;
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['reduceOnly']);
  });

  it('Reduce Only or TP/SL checkbox missing: something could be hidden from us', () => {
    const doc = page();
    input(doc, 'reduce-only').closest('label')!.remove();
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['reduceOnly']);
    input(doc, 'tpsl').closest('label')!.remove();
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['reduceOnly', 'tpsl']);
  });

  it('unreadable TP/SL price while TP/SL is on', () => {
    const doc = page();
    tpslOn(doc);
    labelledInput(doc, 'SL Price').value = '--';
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['stopLoss']);
  });

  it('two size fields at once', () => {
    const doc = page();
    const field = input(doc, 'size').closest('label')!.parentElement!;
    field.after(field.cloneNode(true));
    const reading = reader.read(doc, URL_BTC);
    expect(missing(reading)).toEqual(['size']);
    expect(reading.matched.size).toBe(2);
  });

  it('a size unit that is neither the coin nor USDC (the form still shows the previous coin)', () => {
    const doc = page();
    hook(doc, 'coin-button').textContent = 'ETH-USD';
    expect(missing(reader.read(doc, new URL('https://app.hyperliquid.xyz/trade/ETH')))).toEqual(['sizeUnit']);
  });

  it('the size field without its unit menu', () => {
    const doc = page();
    hook(doc, 'size-unit').remove();
    const reading = reader.read(doc, URL_BTC);
    expect(missing(reading)).toEqual(['sizeUnit']);
    expect(reading.matched.sizeUnit).toBe(0);
  });

  it('URL and coin picker disagree (a half-done switch)', () => {
    expect(missing(reader.read(page(), new URL('https://app.hyperliquid.xyz/trade/SOL')))).toEqual(['symbol']);
  });

  it('bare /trade without a coin picker, or with a spot pair in it', () => {
    const doc = page();
    hook(doc, 'coin-button').textContent = 'PURR/USDC';
    expect(missing(reader.read(doc, new URL('https://app.hyperliquid.xyz/trade')))).toEqual(['coin']);
    hook(doc, 'coin-button').remove();
    expect(missing(reader.read(doc, new URL('https://app.hyperliquid.xyz/trade')))).toEqual(['coin']);
  });

  it('a spot URL is not a perp form', () => {
    expect(missing(reader.read(page(), new URL('https://app.hyperliquid.xyz/trade/PURR/USDC')))).toContain('symbol');
  });

  it('another venue page, or a page with no form', () => {
    const binance = reader.read(loadPage('binance-usdm.html'), URL_BTC);
    // Binance's "Buy/Long" and "Sell/Short" do match the toggle texts; everything else Hyperliquid-specific is missing.
    expect(missing(binance)).toEqual(['submit', 'side', 'typeMarket', 'typeLimit', 'size', 'reduceOnly', 'tpsl']);
    const random = new DOMParser().parseFromString(
      '<html><body><h1>BTC</h1><button>20x</button><button>Cross</button><button>Place Order</button></body></html>',
      'text/html',
    );
    expect(reader.read(random, URL_BTC).status).toBe('unrecognised');
    expect(reader.formRoot(random)).toBeNull();
  });
});
