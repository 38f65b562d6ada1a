// @vitest-environment happy-dom
// Binance USDⓈ-M's "Cost" under each button, read as OrderForm.pageEstimates: each row belongs to
// the button whose column it sits in; a row as close to both buttons, or two rows for one side, is
// not read (no check, never a guess, and never a reason to refuse the form); typing re-reads them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reader } from '../../../src/venues/binance-usdm/reader';
import type { FormReading, OrderForm } from '../../../src/venues/types';
import { $, byText, loadPage } from '../../readers/load';
import { MOCK_MARK, pageCosts } from './page-costs';

const URL_BTC = new URL('https://www.binance.com/en/futures/BTCUSDT');
const form = (reading: FormReading): OrderForm => {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
};
const costRow = (doc: Document, side: 'long' | 'short') => $(doc, `[data-fixture="cost-${side}"]`).parentElement!;

describe('Binance Cost per button', () => {
  it("the pages' figures are Binance's rule for their order at the mock's mark, which their header shows", () => {
    for (const page of ['binance-usdm.html', 'binance-usdm.gen2-oneway.html', 'binance-usdm.gen2-hedge-open.html']) {
      const doc = loadPage(page);
      expect(form(reader.read(doc, URL_BTC)).pageEstimates, page).toEqual(
        pageCosts('65000', '0.1', '20', MOCK_MARK.BTCUSDT),
      );
      expect(byText(doc, 'span', 'Mark').nextElementSibling!.textContent!.replace(/,/g, '')).toBe(MOCK_MARK.BTCUSDT);
    }
    // ETHUSDT's example lives in the page script: its header mark is the mock's too.
    const source = readFileSync('e2e/fixtures/pages/binance-usdm.html', 'utf8');
    const eth = /ETHUSDT: \{[^}]*mark: '([\d,.]+)'/.exec(source)?.[1]?.replace(/,/g, '');
    expect(eth).toBe(MOCK_MARK.ETHUSDT);
  });

  it('a row as close to both buttons, or a second row for one side, is not read; the form still is', () => {
    const doc = loadPage('binance-usdm.html');
    const long = costRow(doc, 'long');
    // Moved out of the column: shared by both buttons.
    long.closest('.css-btn000')!.after(long);
    expect(form(reader.read(doc, URL_BTC)).pageEstimates).toEqual([
      pageCosts('65000', '0.1', '20', MOCK_MARK.BTCUSDT)[1],
    ]);
    const short = costRow(doc, 'short');
    short.after(short.cloneNode(true));
    expect(form(reader.read(doc, URL_BTC)).pageEstimates).toBeUndefined();
  });

  it('a hidden row or one in another currency is not read', () => {
    const doc = loadPage('binance-usdm.html');
    (costRow(doc, 'long') as HTMLElement).hidden = true;
    $(doc, '[data-fixture="cost-short"]').textContent = '326.05 USDC';
    expect(form(reader.read(doc, URL_BTC)).pageEstimates).toBeUndefined();
  });

  it('typing: the fast path reads the costs again, as a full read would', () => {
    const doc = loadPage('binance-usdm.html');
    const first = reader.read(doc, URL_BTC);
    const size = byText(doc, '.bn-textField-prefix', 'Size').parentElement!.querySelector('input')!;
    size.value = '0.2';
    $(doc, '[data-fixture="cost-long"]').textContent = '650.00 USDT';
    $(doc, '[data-fixture="cost-short"]').textContent = '652.10 USDT';
    const next = reader.refresh!(first);
    expect(next).not.toBeNull();
    expect(next).toEqual(reader.read(doc, URL_BTC));
    expect(form(next!).pageEstimates?.map((e) => e.value)).toEqual(['650', '652.1']);
  });
});

describe('Binance Cost in the page language', () => {
  it("the row is found by the language table's word for Cost: a zh-CN page's 成本 rows are read", async () => {
    const { readCosts } = await import('../../../src/venues/binance-usdm/costs');
    const { BINANCE_WORDS } = await import('../../../src/venues/binance-words');
    const { formNumbers } = await import('../../../src/venues/dom/number-scopes');
    const doc = loadPage('binance-usdm.html');
    const zh = BINANCE_WORDS['zh-CN']!.cost[0]!;
    for (const side of ['long', 'short'] as const) costRow(doc, side).firstElementChild!.textContent = zh;
    const root = $(doc, '[data-fixture="order-form"]');
    const buy = $(doc, 'button.bn-button__buy');
    const sell = $(doc, 'button.bn-button__sell');
    const expected = pageCosts('65000', '0.1', '20', MOCK_MARK.BTCUSDT);
    expect(readCosts(root, buy, sell, 'USDT', formNumbers(root), BINANCE_WORDS['zh-CN']!.cost)).toEqual(expected);
    // The English word no longer names these rows: with the English table nothing is read (no check).
    expect(readCosts(root, buy, sell, 'USDT', formNumbers(root), BINANCE_WORDS['en']!.cost)).toEqual([]);
  });
});
