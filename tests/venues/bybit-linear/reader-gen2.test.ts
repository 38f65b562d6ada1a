// @vitest-environment happy-dom
// Bybit reader against the second-generation page (e2e/fixtures/pages/bybit-linear.gen2.html, §8 of
// the evidence): leverage in `.oc-head-leverage`, the unit in `.by-input__right-icon`, TP/SL and
// Reduce-Only drawn without an input or ARIA, their state a class (`by-checkbox--checked`).
// Reading that switch as off would drop the stop and take-profit silently: a wrong figure, not a refusal.
import { describe, expect, it } from 'vitest';
import { reader } from '../../../src/venues/bybit-linear/reader';
import { BYBIT_SELECTORS } from '../../../src/venues/bybit-linear/selectors';
import type { FormReading, OrderForm } from '../../../src/venues/types';
import { bybitPageFigures } from './page-figures';
import { $, byText, expectedCounts, loadPage } from '../../readers/load';
import { GEN2 } from './states';

const URL_BTC = new URL('https://www.bybit.com/trade/usdt/BTCUSDT');
const CHECKED = 'by-checkbox--checked';

/** The gen-2 page as loaded: the first generation's example order with TP/SL on by its class. */
const GEN2_ORDER: OrderForm = {
  venue: 'bybit-linear',
  symbol: 'BTCUSDT',
  side: 'both',
  type: 'limit',
  marginMode: 'cross',
  price: '65000',
  size: { unit: 'base', value: '0.1' },
  leverage: '10',
  marginEnabled: true,
  stopLoss: '63500',
  takeProfit: '68000',
  availableBalance: '10000',
  account: {
    walletBalance: '10000',
    positions: [
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
    ],
  },
  pageEstimates: bybitPageFigures('65000', '0.1', '10'),
};

const page = () => loadPage(GEN2);
const hook = (doc: Document, name: string) => $(doc, `[data-fixture="${name}"]`);
const row = (doc: Document, label: string) => byText(doc, '.oc__row-label', label).closest('.oc__row-bottom--12')!;
const input = (doc: Document, label: string) => row(doc, label).querySelector('input')!;

function form(reading: FormReading): OrderForm {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
}

function missing(reading: FormReading): string[] {
  if (reading.status !== 'unrecognised') throw new Error('expected unrecognised');
  return reading.missing;
}

function tpslOff(doc: Document): void {
  hook(doc, 'tpsl').classList.remove(CHECKED);
  hook(doc, 'tpsl-fields').hidden = true;
}

describe('Bybit reader, second generation: class-drawn checkboxes', () => {
  it('TP/SL drawn on by its class: read as on, with its take profit and stop loss', () => {
    const doc = page();
    expect(hook(doc, 'tpsl').matches('input, [role], [aria-checked], [aria-pressed]')).toBe(false);
    const reading = reader.read(doc, URL_BTC);
    expect(form(reading)).toEqual(GEN2_ORDER);
    expect(reading.matched).toEqual(expectedCounts(BYBIT_SELECTORS, 'gen2'));
  });

  it('TP/SL off by its class: no triggers, even with values left in the hidden rows', () => {
    const doc = page();
    tpslOff(doc);
    expect(form(reader.read(doc, URL_BTC))).toEqual({ ...GEN2_ORDER, stopLoss: null, takeProfit: null });
  });

  it('ARIA and class agreeing: read; disagreeing either way: refused, never one of them picked', () => {
    const agree = page();
    hook(agree, 'tpsl').setAttribute('role', 'checkbox');
    hook(agree, 'tpsl').setAttribute('aria-checked', 'true');
    expect(form(reader.read(agree, URL_BTC))).toEqual(GEN2_ORDER);

    const ariaOff = page();
    hook(ariaOff, 'tpsl').setAttribute('aria-checked', 'false');
    expect(missing(reader.read(ariaOff, URL_BTC))).toEqual(['tpsl']);

    const ariaOn = page();
    tpslOff(ariaOn);
    hook(ariaOn, 'tpsl').setAttribute('role', 'switch');
    hook(ariaOn, 'tpsl').setAttribute('aria-pressed', 'true');
    expect(missing(reader.read(ariaOn, URL_BTC))).toEqual(['tpsl']);

    const mixed = page();
    hook(mixed, 'tpsl').setAttribute('aria-checked', 'mixed');
    expect(missing(reader.read(mixed, URL_BTC))).toEqual(['tpsl']);
  });

  it('TP/SL on with a trigger that does not parse: refused', () => {
    const doc = page();
    input(doc, 'Stop Loss').value = '63,5o0';
    expect(missing(reader.read(doc, URL_BTC))).toContain('stopLoss');
  });

  it('Reduce-Only on by its class: a closing order is never quoted as an opening', () => {
    const doc = page();
    hook(doc, 'reduce-only').classList.add(CHECKED);
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['reduceOnly']);
  });

  it('Reduce-Only whose ARIA and class disagree, or that is not there: refused', () => {
    const disagree = page();
    hook(disagree, 'reduce-only').setAttribute('aria-checked', 'true');
    expect(missing(reader.read(disagree, URL_BTC))).toEqual(['reduceOnly']);

    const gone = page();
    hook(gone, 'reduce-only').remove();
    expect(missing(reader.read(gone, URL_BTC))).toEqual(['reduceOnly']);
  });

  it('a hashed class with a state-like ending is not a state', () => {
    const doc = page();
    tpslOff(doc);
    hook(doc, 'tpsl').classList.add('_chk_11p2x--checked', 'css-1x2y3z-checked');
    expect(form(reader.read(doc, URL_BTC)).takeProfit).toBeNull();
  });
});

describe('Bybit reader, second generation: head leverage and right-icon unit', () => {
  it('leverage from `.oc-head-leverage`', () => {
    const doc = page();
    hook(doc, 'leverage').textContent = '25.50x';
    expect(form(reader.read(doc, URL_BTC)).leverage).toBe('25.5');
  });

  it('two leverage heads (hedge mode): ambiguous, refused', () => {
    const doc = page();
    hook(doc, 'leverage').after(hook(doc, 'leverage').cloneNode(true));
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['leverage']);
  });

  it('Order by Value: the right icon says USDT, the size is in USDT', () => {
    const doc = page();
    hook(doc, 'size-label').textContent = 'Value';
    hook(doc, 'size-unit').textContent = 'USDT';
    input(doc, 'Value').value = '6,500';
    expect(form(reader.read(doc, URL_BTC)).size).toEqual({ unit: 'quote', value: '6500' });
  });

  it('a right-icon unit of another coin: refused', () => {
    const doc = page();
    hook(doc, 'size-unit').textContent = 'ETH';
    expect(missing(reader.read(doc, URL_BTC))).toEqual(['sizeUnit']);
  });
});
