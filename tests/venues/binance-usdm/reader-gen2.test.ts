// @vitest-environment happy-dom
// Binance USDⓈ-M reader against the second-generation fixture pages (exchange-pages.md §8):
// e2e/fixtures/pages/binance-usdm.gen2-{oneway,hedge-open,hedge-close}.html. The id-prefixed inputs
// are read by prefix, hidden leftovers (a reused pane id, a stray input) are ignored, and the hedge
// mode's Open / Close tab becomes OrderForm.intent — strictly, or the form is not recognised.
import { describe, expect, it } from 'vitest';
import { reader } from '../../../src/venues/binance-usdm/reader';
import { BINANCE_USDM_SELECTORS } from '../../../src/venues/binance-usdm/selectors';
import type { FormReading, OrderForm } from '../../../src/venues/types';
import { MOCK_MARK, pageCosts } from './page-costs';
import { $, expectedCounts, loadPage } from '../../readers/load';

const EN = new URL('https://www.binance.com/en/futures/BTCUSDT');
const NO_LOCALE = new URL('https://www.binance.com/futures/BTCUSDT');
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

type Variant = 'oneway' | 'hedge-open' | 'hedge-close';
const page = (variant: Variant) => loadPage(`binance-usdm.gen2-${variant}.html`);

function form(reading: FormReading): OrderForm {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
}

function missing(reading: FormReading): string[] {
  if (reading.status !== 'unrecognised') throw new Error('expected unrecognised');
  return reading.missing;
}

const shownPane = (doc: Document) => $(doc, '[data-fixture="pane"]');
const leftover = (doc: Document) => $(doc, '[data-fixture="leftover"]');

describe('Binance USDⓈ-M reader, generation 2: the three page states', () => {
  it('one-way mode: the example order, no intent (as generation 1)', () => {
    expect(reader.read(page('oneway'), EN)).toEqual({
      status: 'ok',
      form: EXAMPLE,
      matched: expectedCounts(BINANCE_USDM_SELECTORS, 'gen2-oneway'),
      watched: [],
    });
  });

  it('hedge mode, Open tab: an opening (URL without a locale segment)', () => {
    const reading = reader.read(page('hedge-open'), NO_LOCALE);
    expect(form(reading)).toEqual({ ...EXAMPLE, intent: 'open' });
    expect(reading.matched).toEqual(expectedCounts(BINANCE_USDM_SELECTORS, 'gen2-hedge-open'));
  });

  it('hedge mode, Close tab: a closing order, never an opening', () => {
    const reading = reader.read(page('hedge-close'), EN);
    // One Cost row for both Close buttons: whose it is cannot be told, so it is not read (nor quoted: a close).
    const { pageEstimates: _costs, ...closing } = EXAMPLE;
    expect(form(reading)).toEqual({ ...closing, intent: 'close' });
    expect(reading.matched).toEqual(expectedCounts(BINANCE_USDM_SELECTORS, 'gen2-hedge-close'));
  });

  it('every locale form of the URL, zh-CN included, is this venue', () => {
    for (const url of [
      'https://www.binance.com/en/futures/BTCUSDT',
      'https://www.binance.com/futures/BTCUSDT',
      'https://www.binance.com/zh-CN/futures/BTCUSDT',
    ])
      expect(reader.matchesUrl(new URL(url)), url).toBe(true);
  });

  it('the guard sees the buttons of the shown tab only', () => {
    expect(reader.submitButtons(page('hedge-open')).map((b) => b.textContent)).toEqual(['Open Long', 'Open Short']);
    expect(reader.submitButtons(page('hedge-close')).map((b) => b.textContent)).toEqual(['Close Short', 'Close Long']);
    expect(reader.submitButtons(page('oneway')).map((b) => b.textContent)).toEqual(['Buy/Long', 'Sell/Short']);
  });
});

describe('Binance USDⓈ-M reader, generation 2: hidden copies and id prefixes', () => {
  it('the hidden leftover pane (same id) and the stray input are never read', () => {
    for (const variant of ['oneway', 'hedge-open', 'hedge-close'] as const) {
      const doc = page(variant);
      expect(doc.querySelectorAll('#bn-tab-pane-LIMIT')).toHaveLength(2);
      const read = form(reader.read(doc, EN));
      expect([read.price, read.size.value, read.availableBalance]).toEqual(['65000', '0.1', '10000']);
    }
  });

  it('the leftover shown again: two price and amount inputs, refused (never the first)', () => {
    const doc = page('oneway');
    leftover(doc).hidden = false;
    expect(missing(reader.read(doc, EN))).toEqual(expect.arrayContaining(['price', 'size']));
  });

  it('the leftover shown again on a hedge page: two Open / Close tab rows, refused', () => {
    const doc = page('hedge-close');
    leftover(doc).hidden = false;
    expect(missing(reader.read(doc, EN))).toEqual(expect.arrayContaining(['openTab', 'closeTab', 'intent']));
  });

  it('a second visible input with the prefix is ambiguous', () => {
    const doc = page('hedge-open');
    const copy = $(doc, '#limitPrice-7').cloneNode(true) as Element;
    copy.id = 'limitPrice-8';
    shownPane(doc).append(copy);
    expect(missing(reader.read(doc, NO_LOCALE))).toContain('price');
  });

  it('renumbered ids are read by prefix; with the ids gone, the aria-labels still read', () => {
    const doc = page('oneway');
    $(doc, '#limitPrice-7').id = 'limitPrice-42';
    $(doc, '#unitAmount-7').id = 'unitAmount-42';
    expect(form(reader.read(doc, EN))).toEqual(EXAMPLE);
    for (const input of doc.querySelectorAll('input[id]')) input.removeAttribute('id');
    expect(form(reader.read(doc, EN))).toEqual(EXAMPLE);
  });

  it('an id with the prefix but no number is not the field', () => {
    const doc = page('oneway');
    $(doc, '#limitPrice-7').id = 'limitPrice-x';
    $(doc, '#limitPrice-x').setAttribute('aria-label', 'Something');
    $(doc, '#limitPrice-x').closest('.bn-textField')!.querySelector('.bn-textField-prefix')!.textContent = 'Trigger';
    expect(missing(reader.read(doc, EN))).toContain('price');
  });
});

describe('Binance USDⓈ-M reader, generation 2: the Open / Close tab is read strictly', () => {
  const tabs = (doc: Document) => [...doc.querySelectorAll('#position-direction [role="tab"]')].slice(0, 2);

  it('both or neither tab selected: intent unreadable', () => {
    for (const selected of ['true', 'false']) {
      const doc = page('hedge-close');
      for (const tab of tabs(doc)) tab.setAttribute('aria-selected', selected);
      expect(missing(reader.read(doc, EN))).toContain('intent');
    }
  });

  it('Close tab with Open buttons, or Open tab with Close buttons: the page is mid-switch, refused', () => {
    const close = page('hedge-close');
    const [openTab, closeTab] = tabs(close);
    openTab!.setAttribute('aria-selected', 'true');
    closeTab!.setAttribute('aria-selected', 'false');
    expect(missing(reader.read(close, EN))).toContain('intent');

    const open = page('hedge-open');
    const [o, c] = tabs(open);
    o!.setAttribute('aria-selected', 'false');
    c!.setAttribute('aria-selected', 'true');
    expect(missing(reader.read(open, NO_LOCALE))).toContain('intent');
  });

  it('one tab gone, or Close buttons on a page without the tab: refused, never an opening', () => {
    const doc = page('hedge-close');
    tabs(doc)[1]!.remove();
    expect(missing(reader.read(doc, EN))).toContain('intent');

    const noTabs = page('hedge-close');
    $(noTabs, '[data-fixture="order-form"] > #position-direction').remove();
    expect(missing(reader.read(noTabs, EN))).toContain('intent');
  });
});
