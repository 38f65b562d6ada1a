// @vitest-environment happy-dom
// Binance spot margin reader against e2e/fixtures/pages/binance-margin.html.
import { describe, expect, it } from 'vitest';
import { reader, sideOfSubmit } from '../../../src/venues/binance-margin/reader';
import { BINANCE_MARGIN_SELECTORS } from '../../../src/venues/binance-margin/selectors';
import type { FormReading, OrderForm } from '../../../src/venues/types';
import { $, byText, expectedCounts, loadPage } from '../../readers/load';

const URL_CROSS = new URL('https://www.binance.com/en/trade/BTC_USDT?type=cross');
const URL_ISOLATED = new URL('https://www.binance.com/en/trade/BTC_USDT?type=isolated');
const URL_SPOT = new URL('https://www.binance.com/en/trade/BTC_USDT?type=spot');
const EXAMPLE: OrderForm = {
  venue: 'binance-margin',
  symbol: 'BTCUSDT',
  side: 'long',
  type: 'limit',
  marginMode: 'cross',
  price: '65000',
  size: { unit: 'base', value: '0.5' },
  leverage: '3',
  marginEnabled: true,
  stopLoss: null,
  takeProfit: null,
  availableBalance: '20000',
  borrow: 'auto',
  account: { walletBalance: '20000', positions: [] },
};

const page = () => loadPage('binance-margin.html');

function form(reading: FormReading): OrderForm {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
}

function missing(reading: FormReading): string[] {
  if (reading.status !== 'unrecognised') throw new Error(`expected unrecognised, got ${JSON.stringify(reading)}`);
  return reading.missing;
}

const input = (doc: Document, side: 'BUY' | 'SELL', field: 'price' | 'quantity' | 'total') =>
  $(doc, `#FormRow-${side}-${field}`) as HTMLInputElement;
const tab = (doc: Document, account: 'spot' | 'cross' | 'isolated') => $(doc, `[data-account="${account}"]`);

/** Selects one of a tab list's tabs (or radio group's radios), as the page's script would. */
function select(el: HTMLElement): void {
  const attr = el.getAttribute('role') === 'radio' ? 'aria-checked' : 'aria-selected';
  for (const sibling of el.parentElement!.children) sibling.setAttribute(attr, String(sibling === el));
}

function fillSell(doc: Document, price: string, amount: string): void {
  input(doc, 'SELL', 'price').value = price;
  input(doc, 'SELL', 'quantity').value = amount;
}

describe('Binance margin reader: the example order', () => {
  it('reads the exact form and finds each selector key the expected number of times', () => {
    const doc = page();
    // Outside the two forms: the account tabs, the borrow radios, the pair picker, the order-type
    // tabs and the three rows of the margin account panel.
    const row = (name: string) => $(doc, `[data-fixture="${name}"]`).parentElement;
    const watched = [
      ...doc.querySelectorAll('[data-account]'),
      ...doc.querySelectorAll('[data-borrow]'),
      $(doc, '[data-fixture="pair-button"]'),
      $(doc, '#bn-tab-LIMIT'),
      $(doc, '#bn-tab-MARKET'),
      row('margin-level'),
      row('assets'),
      row('liabilities'),
    ];
    expect(reader.read(doc, URL_CROSS)).toEqual({
      status: 'ok',
      form: EXAMPLE,
      matched: expectedCounts(BINANCE_MARGIN_SELECTORS),
      watched,
    });
  });

  it('anchors on the two forms; Buy BTC and Sell BTC are the submit buttons', () => {
    const doc = page();
    const root = reader.formRoot(doc);
    expect(root?.contains(input(doc, 'BUY', 'price'))).toBe(true);
    expect(root?.contains(input(doc, 'SELL', 'quantity'))).toBe(true);
    expect(root?.contains($(doc, '[data-fixture="pair-button"]'))).toBe(false);
    const buttons = reader.submitButtons(doc);
    expect(buttons.map((b) => b.textContent)).toEqual(['Buy BTC', 'Sell BTC']);
    expect(buttons.map(sideOfSubmit)).toEqual(['long', 'short']);
    expect(sideOfSubmit(tab(doc, 'cross'))).toBeNull();
    buttons[0]!.textContent = 'Sell BTC'; // class says buy, text says sell: no answer
    expect(sideOfSubmit(buttons[0]!)).toBeNull();
  });

  it('matches the spot/margin trade URLs only', () => {
    for (const ok of [
      'https://www.binance.com/en/trade/BTC_USDT?type=cross',
      'https://www.binance.com/trade/ETH_USDT',
      'https://www.binance.com/pt-BR/trade/BTC_USDT?type=isolated',
      'https://www.binance.com/en/trade/1000SATS_USDT/',
      'https://www.binance.com/zh-CN/trade/BTC_FDUSD?type=spot',
    ]) {
      expect(reader.matchesUrl(new URL(ok)), ok).toBe(true);
    }
    for (const no of [
      'https://www.binance.com/en/futures/BTCUSDT',
      'https://www.binance.com/en/trade/BTCUSDT',
      'https://www.binance.com/en/trade/BTC_USDT/extra',
      'http://www.binance.com/en/trade/BTC_USDT',
      'https://binance.com.evil.example/en/trade/BTC_USDT',
      'https://www.binance.com/en/margin/BTC_USDT',
      'https://pro.kraken.com/app/trade/btc-usd',
    ]) {
      expect(reader.matchesUrl(new URL(no)), no).toBe(false);
    }
  });
});

describe('Binance margin reader: accounts and borrowing', () => {
  it("Isolated tab: isolated at the pair's 10x, no account balance taken from the page", () => {
    const doc = page();
    select(tab(doc, 'isolated'));
    const read = form(reader.read(doc, URL_ISOLATED));
    expect(read).toEqual({ ...EXAMPLE, marginMode: 'isolated', leverage: '10', account: undefined });
    expect('account' in read).toBe(false);
  });

  it('Cross Classic 5x', () => {
    const doc = page();
    $(doc, '[data-fixture="cross-leverage"]').textContent = '5x';
    expect(form(reader.read(doc, URL_CROSS)).leverage).toBe('5');
  });

  it('no ?type= in the URL: the tab alone decides', () => {
    expect(form(reader.read(page(), new URL('https://www.binance.com/en/trade/BTC_USDT')))).toEqual(EXAMPLE);
  });

  it('Spot tab: a plain spot order, no margin, no borrowing', () => {
    const doc = page();
    select(tab(doc, 'spot'));
    $(doc, '[data-fixture="borrow"]').hidden = true;
    $(doc, '[data-fixture="account"]').hidden = true;
    const read = form(reader.read(doc, URL_SPOT));
    expect(read).toEqual({ ...EXAMPLE, leverage: '1', marginEnabled: false, borrow: undefined, account: undefined });
    expect('borrow' in read).toBe(false);
  });

  it.each([
    ['Normal', 'none'],
    ['Repay', 'repay'],
  ] as const)('%s opens no loan: quoted as spot', (name, borrow) => {
    const doc = page();
    select(byText(doc, '[role="radio"]', name));
    expect(form(reader.read(doc, URL_CROSS))).toEqual({ ...EXAMPLE, borrow, marginEnabled: false, leverage: '1' });
  });

  it.each([
    ['the URL names another account than the tab', URL_ISOLATED],
    ['the URL names an account we do not know', new URL('https://www.binance.com/en/trade/BTC_USDT?type=grid')],
  ])('%s → marginMode unrecognised', (_what, url) => {
    expect(missing(reader.read(page(), url))).toEqual(['marginMode']);
  });

  it('the live location wins over a stale session URL of the same page', () => {
    const doc = page();
    select(tab(doc, 'isolated'));
    const stale = new URL('https://www.binance.com/en/trade/BTC_USDT?type=cross');
    const location = { href: 'https://www.binance.com/en/trade/BTC_USDT?type=isolated' };
    Object.defineProperty(doc, 'location', { value: location });
    expect(form(reader.read(doc, stale)).marginMode).toBe('isolated');
    // …but only the same page: another path's location is ignored and the given URL counts.
    location.href = 'https://www.binance.com/en/trade/ETH_USDT?type=isolated';
    expect(missing(reader.read(doc, stale))).toEqual(['marginMode']);
  });

  it('an account with debt gives no balance (existing loans are not modelled)', () => {
    const doc = page();
    $(doc, '[data-fixture="liabilities"]').textContent = '5,000.00 USDT';
    $(doc, '[data-fixture="margin-level"]').textContent = '4.00';
    expect(form(reader.read(doc, URL_CROSS)).account).toEqual({ walletBalance: null, positions: null });
  });

  it.each([
    ['a margin level that contradicts "no debt"', 'margin-level', '1.25'],
    ['totals in BTC', 'assets', '0.30000000 BTC'],
    ['unreadable totals', 'assets', '-- USDT'],
  ])('%s: no balance from the page', (_what, hook, text) => {
    const doc = page();
    $(doc, `[data-fixture="${hook}"]`).textContent = text;
    const account = form(reader.read(doc, URL_CROSS)).account;
    expect(account?.walletBalance ?? null).toBeNull();
  });

  it('an empty account: a zero balance, as the page shows it (the background answers it)', () => {
    const doc = page();
    $(doc, '[data-fixture="assets"]').textContent = '0.00 USDT';
    expect(form(reader.read(doc, URL_CROSS)).account).toEqual({ walletBalance: '0', positions: [] });
  });

  it('no account panel on the page: no account in the form', () => {
    const doc = page();
    $(doc, '[data-fixture="account"]').remove();
    expect('account' in form(reader.read(doc, URL_CROSS))).toBe(false);
  });

  it('logged out ("Avbl -- USDT"): no balance, still a form', () => {
    const doc = page();
    doc.querySelectorAll('[data-fixture="avbl"]')[0]!.textContent = '-- USDT';
    expect(form(reader.read(doc, URL_CROSS)).availableBalance).toBeNull();
  });
});

describe('Binance margin reader: which of the two forms', () => {
  it("only the Sell form filled: a short at the Sell form's price", () => {
    const doc = page();
    input(doc, 'BUY', 'quantity').value = '';
    fillSell(doc, '66,100.50', '0.25');
    expect(form(reader.read(doc, URL_CROSS))).toEqual({
      ...EXAMPLE,
      side: 'short',
      price: '66100.5',
      size: { unit: 'base', value: '0.25' },
    });
  });

  it('both filled: the one with the focus', () => {
    const doc = page();
    fillSell(doc, '66,000', '0.3');
    input(doc, 'SELL', 'quantity').focus();
    expect(form(reader.read(doc, URL_CROSS))).toMatchObject({ side: 'short', price: '66000', size: { value: '0.3' } });
    $(doc, '#orderForm-button-marginlimitBuy').focus(); // clicking Buy focuses it
    expect(form(reader.read(doc, URL_CROSS))).toMatchObject({ side: 'long', price: '65000', size: { value: '0.5' } });
  });

  it('both filled alike, no focus: both sides are quoted', () => {
    const doc = page();
    fillSell(doc, '65000.0', '0.50');
    expect(form(reader.read(doc, URL_CROSS))).toEqual({ ...EXAMPLE, side: 'both' });
  });

  it('both filled differently, no focus: we cannot tell which', () => {
    const doc = page();
    fillSell(doc, '65,000.00', '0.2');
    expect(missing(reader.read(doc, URL_CROSS))).toEqual(['side']);
  });

  it('neither filled: nothing to quote', () => {
    const doc = page();
    input(doc, 'BUY', 'quantity').value = '  ';
    expect(missing(reader.read(doc, URL_CROSS))).toEqual(['amount']);
  });

  it('Market tab: no limit price', () => {
    const doc = page();
    select(byText(doc, '[role="tab"]', 'Market'));
    for (const side of ['BUY', 'SELL'] as const) {
      input(doc, side, 'price').value = '';
      input(doc, side, 'price').disabled = true;
      input(doc, side, 'total').closest<HTMLElement>('.bn-textField')!.hidden = true;
    }
    expect(form(reader.read(doc, URL_CROSS))).toEqual({ ...EXAMPLE, type: 'market', price: null });
  });

  it('typing: the fast path follows the values and the form being typed in', () => {
    const doc = page();
    let reading = reader.read(doc, URL_CROSS);
    input(doc, 'BUY', 'quantity').value = '0.75';
    reading = reader.refresh!(reading)!;
    expect(reading).toEqual(reader.read(doc, URL_CROSS));
    expect(form(reading).size.value).toBe('0.75');
    // The trader moves to the Sell form and types there.
    input(doc, 'SELL', 'quantity').focus();
    input(doc, 'SELL', 'quantity').value = '0.1';
    reading = reader.refresh!(reading)!;
    expect(reading).toEqual(reader.read(doc, URL_CROSS));
    expect(form(reading).side).toBe('short');
    // Something a full read refuses: the fast path gives up too.
    input(doc, 'SELL', 'quantity').value = '0,1';
    expect(reader.refresh!(reading)).toBeNull();
  });

  it('SPA switch to ETH/USDT with a re-mounted form', () => {
    const doc = page();
    const old = $(doc, 'form[name="orderform"]');
    const fresh = old.cloneNode(true) as HTMLElement;
    old.replaceWith(fresh);
    for (const el of doc.querySelectorAll('[data-fixture="base"]')) el.textContent = 'ETH';
    byText(doc, 'button', 'Buy BTC').textContent = 'Buy ETH';
    byText(doc, 'button', 'Sell BTC').textContent = 'Sell ETH';
    $(doc, '[data-fixture="pair-button"]').textContent = 'ETH/USDT';
    input(doc, 'BUY', 'price').value = '3,500.00';
    input(doc, 'BUY', 'quantity').value = '2';
    expect(form(reader.read(doc, new URL('https://www.binance.com/en/trade/ETH_USDT?type=cross')))).toEqual({
      ...EXAMPLE,
      symbol: 'ETHUSDT',
      price: '3500',
      size: { unit: 'base', value: '2' },
    });
  });

  it("without the FormRow ids, labels and structure still find each form's fields", () => {
    const doc = page();
    for (const el of doc.querySelectorAll('input[id^="FormRow-"]')) {
      const label = doc.querySelector(`label[for="${el.id}"]`)!;
      const id = `field-${Math.random().toString(36).slice(2)}`;
      el.id = id;
      label.setAttribute('for', id);
    }
    expect(form(reader.read(doc, URL_CROSS))).toEqual(EXAMPLE);
  });
});

describe('Binance margin reader: refuses to guess', () => {
  it.each([[''], ['--'], ['0'], ['6.5e4']])('Buy price %j → unrecognised', (value) => {
    const doc = page();
    input(doc, 'BUY', 'price').value = value;
    expect(missing(reader.read(doc, URL_CROSS))).toEqual(['price']);
  });

  it.each([['1.234,5'], ['65,00']])(
    "price %j: comma decimals on an English page make the form's numbers unreadable",
    (value) => {
      const doc = page();
      input(doc, 'BUY', 'price').value = value;
      // Which of the two forms is meant cannot be told either: the amount is reported with it.
      expect(missing(reader.read(doc, URL_CROSS))).toEqual(['amount', 'numberFormat']);
    },
  );

  it.each([['0'], ['abc'], ['-1']])('Buy amount %j → unrecognised', (value) => {
    const doc = page();
    input(doc, 'BUY', 'quantity').value = value;
    expect(missing(reader.read(doc, URL_CROSS))).toEqual(['amount']);
  });

  it('a tab without its leverage badge', () => {
    const doc = page();
    $(doc, '[data-fixture="cross-leverage"]').remove();
    expect(missing(reader.read(doc, URL_CROSS))).toEqual(['leverage']);
  });

  it('two account tabs selected, or none', () => {
    const doc = page();
    tab(doc, 'isolated').setAttribute('aria-selected', 'true');
    expect(missing(reader.read(doc, URL_CROSS))).toEqual(['marginMode']);
    tab(doc, 'isolated').setAttribute('aria-selected', 'false');
    tab(doc, 'cross').setAttribute('aria-selected', 'false');
    expect(missing(reader.read(doc, new URL('https://www.binance.com/en/trade/BTC_USDT')))).toEqual(['marginMode']);
  });

  it('an account tab missing', () => {
    const doc = page();
    tab(doc, 'isolated').remove();
    expect(missing(reader.read(doc, URL_CROSS))).toEqual(['tabIsolated']);
  });

  it('no borrow behaviour selected, or its selector gone', () => {
    const doc = page();
    byText(doc, '[role="radio"]', 'Borrow').setAttribute('aria-checked', 'false');
    expect(missing(reader.read(doc, URL_CROSS))).toEqual(['borrow']);
    $(doc, '[data-fixture="borrow"]').remove();
    expect(missing(reader.read(doc, URL_CROSS))).toEqual(['borrowNormal', 'borrowAuto', 'borrowRepay']);
  });

  it('a page still showing the previous pair (URL already ETH_USDT)', () => {
    const reading = reader.read(page(), new URL('https://www.binance.com/en/trade/ETH_USDT?type=cross'));
    expect(missing(reading)).toEqual(['symbol', 'amountUnit']);
  });

  it('an amount in another unit than the base asset', () => {
    const doc = page();
    for (const el of doc.querySelectorAll('[data-fixture="base"]')) el.textContent = 'USDT';
    expect(missing(reader.read(doc, URL_CROSS))).toEqual(['amountUnit']);
  });

  it('an id that contradicts the structure (a SELL field in the Buy form)', () => {
    const doc = page();
    const buy = input(doc, 'BUY', 'price');
    const sell = input(doc, 'SELL', 'price');
    buy.id = 'FormRow-SELL-price';
    sell.id = 'FormRow-BUY-price';
    expect(missing(reader.read(doc, URL_CROSS))).toEqual(['price']);
  });

  it('a third price field', () => {
    const doc = page();
    const field = input(doc, 'BUY', 'price').closest('.bn-textField')!;
    field.after(field.cloneNode(true));
    const reading = reader.read(doc, URL_CROSS);
    expect(missing(reading)).toEqual(['price']);
    expect(reading.matched.price).toBe(3);
  });

  it('an order type we do not quote (Stop-limit)', () => {
    const doc = page();
    select(byText(doc, '[role="tab"]', 'Stop-limit'));
    expect(missing(reader.read(doc, URL_CROSS))).toEqual(['orderType']);
  });

  it('another venue page, or a page with no form', () => {
    expect(reader.read(loadPage('binance-usdm.html'), URL_CROSS).status).toBe('unrecognised');
    expect(reader.read(loadPage('kraken-margin.html'), URL_CROSS).status).toBe('unrecognised');
    const random = new DOMParser().parseFromString(
      '<html><body><h1>BTC/USDT</h1><button>Buy BTC</button><div role="tab" aria-selected="true">Cross 3x</div></body></html>',
      'text/html',
    );
    expect(reader.read(random, URL_CROSS).status).toBe('unrecognised');
    expect(reader.formRoot(random)).toBeNull();
    expect(reader.submitButtons(random).map((b) => b.textContent)).toEqual(['Buy BTC']);
  });
});
