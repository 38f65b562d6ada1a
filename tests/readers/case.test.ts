// @vitest-environment happy-dom
// Case-insensitive, whitespace-normalised text matching (issue 9 item 9): a theme that renders
// labels in upper case (in the text itself; CSS text-transform leaves textContent alone) must
// not refuse Kraken's submit button or drop the account on Bybit, OKX or Hyperliquid.
import { describe, expect, it } from 'vitest';
import { execText, matchesText, sameText } from '../../src/venues/dom/text';
import { readerForUrl } from '../../src/venues/readers';
import { reader as kraken, sideOfSubmit as krakenSide } from '../../src/venues/kraken-margin/reader';
import { reader as bybit } from '../../src/venues/bybit-linear/reader';
import { reader as okx } from '../../src/venues/okx-swap/reader';
import { reader as hyperliquid } from '../../src/venues/hyperliquid/reader';
import { SUBMIT_TEXT } from '../../src/venues/kraken-margin/selectors';
import type { FormReading, OrderForm } from '../../src/venues/types';
import { FIXTURES } from '../venues/fixture-pages';
import { $, byText, loadPage } from './load';

function form(reading: FormReading): OrderForm {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
}

/** Every text node and ARIA label of the page in upper case, as an upper-case theme renders it. */
function upperCase(doc: Document): void {
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode())
    (node as Text).data = (node as Text).data.toUpperCase();
  for (const el of doc.querySelectorAll('[aria-label]'))
    el.setAttribute('aria-label', el.getAttribute('aria-label')!.toUpperCase());
}

describe('text matching', () => {
  it('patterns match as if they had the i flag; the shared RegExp is left as it was', () => {
    const pattern = /^Wallet Balance \S+$/g;
    pattern.lastIndex = 3;
    expect(matchesText('WALLET   BALANCE 10', pattern)).toBe(true);
    expect(matchesText('wallet balance 10', pattern)).toBe(true);
    expect(matchesText('wallet balance 10', pattern)).toBe(true); // no state kept between calls
    expect(pattern.flags).toBe('g');
    expect(pattern.lastIndex).toBe(3);
  });

  it("execText: groups keep the page's own case, to be compared with sameText", () => {
    const m = execText('BUY  btc', SUBMIT_TEXT);
    // Kraken's submit pattern also has optional quote and leverage groups (the second page generation).
    expect(m?.slice(1)).toEqual(['BUY', 'btc', undefined, undefined]);
    expect(sameText(m![2], 'BTC')).toBe(true);
    expect(execText('sell  btc/usd (10X)', SUBMIT_TEXT)?.slice(1)).toEqual(['sell', 'btc', 'usd', '10']);
    expect(SUBMIT_TEXT.flags).toBe('');
  });

  it('lists and sameText ignore case and runs of whitespace, not other differences', () => {
    expect(matchesText(' BUY /  LONG ', ['Buy / Long'])).toBe(true);
    expect(matchesText('Buy Long', ['Buy / Long'])).toBe(false);
    expect(sameText('Cash  balance -- usdt', 'Cash balance -- USDT')).toBe(true);
    expect(sameText('USDT', 'USDC')).toBe(false);
    expect(sameText(null, 'x')).toBe(false);
  });
});

describe('every reader: the whole page in upper case reads the same form', () => {
  it.each(Object.entries(FIXTURES))('%s', (_venue, { page, url }) => {
    const reader = readerForUrl(new URL(url))!;
    const expected = form(reader.read(loadPage(page), new URL(url)));
    const doc = loadPage(page);
    upperCase(doc);
    expect(form(reader.read(doc, new URL(url)))).toEqual(expected);
  });
});

describe('the places the issue names', () => {
  it('Kraken: a "BUY BTC" submit button is still the submit button, and places a buy', () => {
    const doc = loadPage('kraken-margin.html');
    const submit = byText(doc, 'button', 'Buy BTC');
    submit.textContent = 'BUY BTC';
    const url = new URL(FIXTURES['kraken-margin'].url);
    expect(kraken.read(doc, url).status).toBe('ok');
    expect(kraken.submitButtons(doc)).toEqual([submit]);
    expect(krakenSide(submit)).toBe('long');
  });

  it('Bybit: "WALLET BALANCE" still gives the account its balance', () => {
    const doc = loadPage('bybit-linear.html');
    byText(doc, '.trade-assets__row span', 'Wallet Balance').textContent = 'WALLET BALANCE';
    expect(form(bybit.read(doc, new URL(FIXTURES['bybit-linear'].url))).account?.walletBalance).toBe('10000');
  });

  it('OKX: "CASH BALANCE" and upper-case position tags keep the account', () => {
    const doc = loadPage('okx-swap.html');
    byText(doc, 'dt', 'Cash balance').textContent = 'CASH BALANCE';
    for (const tag of doc.querySelectorAll('.okui-table-tbody span')) tag.textContent = tag.textContent!.toUpperCase();
    const account = form(okx.read(doc, new URL(FIXTURES['okx-swap'].url))).account;
    expect(account?.walletBalance).toBe('10000');
    expect(account?.positions).toHaveLength(1);
  });

  it('Hyperliquid: "BALANCE" and "(CROSS)" keep the account', () => {
    const doc = loadPage('hyperliquid.html');
    byText(doc, 'span', 'Balance').textContent = 'BALANCE';
    const margin = byText(doc, 'td', '$148.20 (Cross)');
    margin.textContent = '$148.20 (CROSS)';
    const account = form(hyperliquid.read(doc, new URL(FIXTURES.hyperliquid.url))).account;
    expect(account?.walletBalance).toBe('10000');
    expect(account?.positions).toEqual([expect.objectContaining({ symbol: 'SOL', side: 'short' })]);
    expect($(doc, 'table').contains(margin)).toBe(true);
  });
});
