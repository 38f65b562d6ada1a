// @vitest-environment happy-dom
// Binance spot margin reader on the second-generation page (e2e/fixtures/pages/binance-margin.gen2.html,
// exchange-pages.md §8): one form behind a Buy / Sell tab switch, the side from the selected tab (ARIA
// and class must agree, the submit must place the same side), #limitPrice / #limitAmount / #limitTotal
// with the Total required to fit price × amount, #marketAmount on the Market pane.
import { describe, expect, it } from 'vitest';
import { reader, sideOfSubmit } from '../../../src/venues/binance-margin/reader';
import { BINANCE_MARGIN_SELECTORS } from '../../../src/venues/binance-margin/selectors';
import type { FormReading, OrderForm } from '../../../src/venues/types';
import { $, byText, expectedCounts, loadPage } from '../../readers/load';
import { GEN2, selectGen2Side, showGen2Market } from './states';

const URL_CROSS = new URL('https://www.binance.com/en/trade/BTC_USDT?type=cross');
const URL_ISOLATED = new URL('https://www.binance.com/en/trade/BTC_USDT?type=isolated');
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

const page = () => loadPage(GEN2);
const form = (reading: FormReading): OrderForm => {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
};
const missing = (reading: FormReading): string[] => {
  if (reading.status !== 'unrecognised') throw new Error(`expected unrecognised, got ${JSON.stringify(reading)}`);
  return reading.missing;
};
const input = (doc: Document, id: string) => $(doc, `#${id}`) as HTMLInputElement;
const sideTab = (doc: Document, side: 'BUY' | 'SELL') => $(doc, `[role="tab"][data-side="${side}"]`);

/** Selects one of a tab list's tabs (or radio group's radios), as the page's script would. */
function select(el: HTMLElement): void {
  const attr = el.getAttribute('role') === 'radio' ? 'aria-checked' : 'aria-selected';
  for (const sibling of el.parentElement!.children) sibling.setAttribute(attr, String(sibling === el));
}

/** Types price and amount and lets the page write the Total (2 decimals, rounded), as its script does. */
function typeOrder(doc: Document, price: string, amount: string): void {
  input(doc, 'limitPrice').value = price;
  input(doc, 'limitAmount').value = amount;
  const total = Number(price.replace(/,/g, '')) * Number(amount.replace(/,/g, ''));
  input(doc, 'limitTotal').value = total.toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}

describe('Binance margin gen 2: the example order', () => {
  it('reads the exact form and counts each key as the gen2 state says', () => {
    const reading = reader.read(page(), URL_CROSS);
    expect(reading.status).toBe('ok');
    expect(form(reading)).toEqual(EXAMPLE);
    expect(reading.matched).toEqual(expectedCounts(BINANCE_MARGIN_SELECTORS, 'gen2'));
  });

  it('anchors on the tabbed form; the one submit button follows the selected tab', () => {
    const doc = page();
    const root = reader.formRoot(doc);
    expect(root?.contains(input(doc, 'limitTotal'))).toBe(true);
    expect(root?.contains(sideTab(doc, 'SELL'))).toBe(true);
    expect(root?.contains($(doc, '[data-account="cross"]'))).toBe(false);
    expect(reader.submitButtons(doc).map((b) => [b.textContent, sideOfSubmit(b)])).toEqual([['Buy BTC', 'long']]);
    selectGen2Side(doc, 'SELL');
    expect(reader.submitButtons(doc).map((b) => [b.textContent, sideOfSubmit(b)])).toEqual([['Sell BTC', 'short']]);
  });

  it('the account tabs and borrow radios outside the form are watched', () => {
    const reading = reader.read(page(), URL_CROSS);
    expect(reading.watched!.some((el) => el.matches('[data-account="cross"]'))).toBe(true);
    expect(reading.watched!.some((el) => el.matches('[data-borrow="auto"]'))).toBe(true);
  });
});

describe('Binance margin gen 2: what the trader changes', () => {
  it('Sell tab: a short with the same price and amount; Avbl is in BTC, so no quote balance', () => {
    const doc = page();
    selectGen2Side(doc, 'SELL');
    expect(form(reader.read(doc, URL_CROSS))).toEqual({ ...EXAMPLE, side: 'short', availableBalance: null });
  });

  it('a typed order, the Total written by the page', () => {
    const doc = page();
    typeOrder(doc, '64,987.25', '0.12345');
    expect(form(reader.read(doc, URL_CROSS))).toEqual({
      ...EXAMPLE,
      price: '64987.25',
      size: { unit: 'base', value: '0.12345' },
    });
  });

  it('Market pane: no price, the amount from #marketAmount, the hidden Limit pane ignored', () => {
    const doc = page();
    showGen2Market(doc, '0.2');
    const reading = reader.read(doc, URL_CROSS);
    expect(form(reading)).toEqual({ ...EXAMPLE, type: 'market', price: null, size: { unit: 'base', value: '0.2' } });
    expect(reading.matched).toEqual(expectedCounts(BINANCE_MARGIN_SELECTORS, 'gen2-market'));
  });

  it('Isolated 10x, Sell, Market', () => {
    const doc = page();
    select($(doc, '[data-account="isolated"]'));
    selectGen2Side(doc, 'SELL');
    showGen2Market(doc, '0.3');
    const read = form(reader.read(doc, URL_ISOLATED));
    expect(read).toEqual({
      ...EXAMPLE,
      side: 'short',
      type: 'market',
      marginMode: 'isolated',
      leverage: '10',
      price: null,
      size: { unit: 'base', value: '0.3' },
      availableBalance: null,
      account: undefined,
    });
    expect('account' in read).toBe(false);
  });

  it.each([
    ['none', 'Normal'],
    ['repay', 'Repay'],
  ] as const)('borrow %s: a spot order at leverage 1', (borrow, name) => {
    const doc = page();
    select(byText(doc, '[role="radio"]', name));
    expect(form(reader.read(doc, URL_CROSS))).toEqual({ ...EXAMPLE, borrow, marginEnabled: false, leverage: '1' });
  });

  it('the side tabs say their state by class only (no aria-selected): read from the class', () => {
    const doc = page();
    for (const t of doc.querySelectorAll('[data-side]')) t.removeAttribute('aria-selected');
    expect(form(reader.read(doc, URL_CROSS)).side).toBe('long');
    selectGen2Side(doc, 'SELL');
    for (const t of doc.querySelectorAll('[data-side]')) t.removeAttribute('aria-selected');
    expect(form(reader.read(doc, URL_CROSS)).side).toBe('short');
  });

  it('a redeploy renames the hashed classes: same reading', () => {
    const doc = page();
    for (const el of doc.querySelectorAll('[class*="css-"]'))
      el.className = el.className.replace(/css-[a-z0-9]+/g, (c) => `${c}x`);
    expect(form(reader.read(doc, URL_CROSS))).toEqual(EXAMPLE);
  });

  it('the typing fast path re-reads price, amount and Total, and gives up when the Total no longer fits', () => {
    const doc = page();
    const first = reader.read(doc, URL_CROSS);
    typeOrder(doc, '66,000.00', '0.25');
    const next = reader.refresh!(first);
    expect(next).toEqual(reader.read(doc, URL_CROSS));
    expect(next?.status === 'ok' && next.form.size.value).toBe('0.25');
    input(doc, 'limitAmount').value = '0.3'; // the page has not rewritten the Total yet
    expect(reader.refresh!(next!)).toBeNull();
    expect(missing(reader.read(doc, URL_CROSS))).toEqual(['total']);
  });
});

describe('Binance margin gen 2: refuses to guess', () => {
  it.each([
    ['a price read ten times too small', '6,500.00', '0.5', '32,500.00'],
    ['an amount that lost a digit', '65,000.00', '0.05', '32,500.00'],
    ['a Total one cent and more off', '65,000.00', '0.5', '32,500.02'],
  ])('%s: not recognised (total)', (_name, price, amount, total) => {
    const doc = page();
    input(doc, 'limitPrice').value = price;
    input(doc, 'limitAmount').value = amount;
    input(doc, 'limitTotal').value = total;
    expect(missing(reader.read(doc, URL_CROSS))).toContain('total');
  });

  it('a Total in another number format than the price: not recognised (numberFormat)', () => {
    const doc = page();
    input(doc, 'limitTotal').value = '32.500,00';
    expect(missing(reader.read(doc, URL_CROSS))).toEqual(['numberFormat']);
  });

  it.each([[''], ['--'], ['0']])('Total %j: not recognised (total)', (total) => {
    const doc = page();
    input(doc, 'limitTotal').value = total;
    expect(missing(reader.read(doc, URL_CROSS))).toEqual(['total']);
  });

  it('empty amount or price: that field is named', () => {
    const doc = page();
    input(doc, 'limitAmount').value = '';
    expect(missing(reader.read(doc, URL_CROSS))).toEqual(['amount']);
    const other = page();
    input(other, 'limitPrice').value = '';
    expect(missing(reader.read(other, URL_CROSS))).toEqual(['price']);
  });

  it('the Total field gone on the Limit pane: its key is missing', () => {
    const doc = page();
    input(doc, 'limitTotal').closest('.bn-textField')!.remove();
    expect(missing(reader.read(doc, URL_CROSS))).toContain('total');
  });

  it('ARIA and class of a side tab disagree: not recognised (side)', () => {
    const doc = page();
    sideTab(doc, 'SELL').classList.add('active'); // aria-selected stays false
    expect(missing(reader.read(doc, URL_CROSS))).toEqual(['side']);
  });

  it('both tabs or neither selected: not recognised (side)', () => {
    const both = page();
    sideTab(both, 'SELL').setAttribute('aria-selected', 'true');
    sideTab(both, 'SELL').classList.add('active');
    expect(missing(reader.read(both, URL_CROSS))).toEqual(['side']);
    const neither = page();
    sideTab(neither, 'BUY').setAttribute('aria-selected', 'false');
    sideTab(neither, 'BUY').classList.remove('active');
    expect(missing(reader.read(neither, URL_CROSS))).toEqual(['side']);
  });

  it('the submit places the other side than the selected tab: not recognised (side)', () => {
    const doc = page();
    const submit = $(doc, '[data-fixture="submit"]');
    submit.textContent = 'Sell BTC';
    submit.classList.replace('bn-button__buy', 'bn-button__sell');
    expect(missing(reader.read(doc, URL_CROSS))).toEqual(['side']);
  });

  it('logged out ("Log In" instead of the submit): no submit, nothing read', () => {
    const doc = page();
    const submit = $(doc, '[data-fixture="submit"]');
    submit.textContent = 'Log In';
    submit.className = 'bn-button';
    expect(missing(reader.read(doc, URL_CROSS))).toContain('submit');
    expect(reader.formRoot(doc)).toBeNull();
  });

  it('a submit naming another base than the URL', () => {
    const doc = page();
    $(doc, '[data-fixture="submit"]').textContent = 'Buy ETH';
    expect(missing(reader.read(doc, URL_CROSS))).toContain('symbol');
  });

  it("the Market tab selected while the Limit pane is still shown (mid-switch): the amount is not the type's", () => {
    const doc = page();
    select(byText(doc, '[role="tab"]', 'Market'));
    expect(missing(reader.read(doc, URL_CROSS))).toEqual(['amount']);
  });

  it('a second copy of the tabs: ambiguous, nothing read', () => {
    const doc = page();
    const list = sideTab(doc, 'BUY').parentElement!;
    list.after(list.cloneNode(true));
    expect(reader.read(doc, URL_CROSS).status).toBe('unrecognised');
    expect(reader.formRoot(doc)).toBeNull();
  });
});
