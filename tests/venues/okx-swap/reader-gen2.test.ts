// @vitest-environment happy-dom
// OKX reader against the second page generation (e2e/fixtures/pages/okx-swap.gen2.html, §8 of the
// evidence): okui- classes namespaced by their bundle (`trade_okui-input-input`), Vite-hashed module
// classes, field captions that are no <label>, TP/SL an ARIA checkbox with a class modifier. The same
// order as generation 1 must read the same; anything the reader cannot place is refused, not guessed.
import { describe, expect, it } from 'vitest';
import { okuiSwitchState } from '../../../src/venues/okx-swap/okui-switch';
import { reader } from '../../../src/venues/okx-swap/reader';
import { okui, OKX_SELECTORS } from '../../../src/venues/okx-swap/selectors';
import type { FormReading, OrderForm } from '../../../src/venues/types';
import { $, byText, expectedCounts, loadPage } from '../../readers/load';
import { GEN2, gen2TpslOn } from './states';

const URL_BTC = new URL('https://www.okx.com/trade-swap/btc-usdt-swap');

const page = () => loadPage(GEN2);
const read = (doc: Document) => reader.read(doc, URL_BTC);
const hook = (doc: Document, name: string) => $(doc, `[data-fixture="${name}"]`);
/** The okui field captioned `caption` (the Market tab's hidden box shares the price's caption: by its hook). */
const field = (doc: Document, caption: string): HTMLElement =>
  caption === 'Price (USDT)'
    ? hook(doc, 'price-field')
    : byText(doc, '.trade_okui-input-label', caption).closest<HTMLElement>('.trade_okui-input')!;
const input = (doc: Document, caption: string) => field(doc, caption).querySelector('input')!;

function form(reading: FormReading): OrderForm {
  if (reading.status !== 'ok') throw new Error(`unrecognised: ${reading.missing.join(', ')}`);
  return reading.form;
}

function missing(reading: FormReading): string[] {
  if (reading.status !== 'unrecognised') throw new Error('expected unrecognised');
  return reading.missing;
}

describe('OKX reader: generation 2 as loaded', () => {
  it('reads the same order as generation 1 (both pages show one order: Cross 10×, limit 65,000.0, 10 contracts)', () => {
    const { pageEstimates: _gen1Cost, ...gen1 } = form(read(loadPage('okx-swap.html')));
    const reading = read(page());
    const { pageEstimates, ...gen2 } = form(reading);
    expect(gen2).toEqual(gen1);
    // The page's own Cost, one under each button ("650.00 USDT", "651.02 USDT"), read with its decimals.
    expect(pageEstimates).toEqual([
      { kind: 'cost', side: 'long', value: '650', decimals: 2 },
      { kind: 'cost', side: 'short', value: '651.02', decimals: 2 },
    ]);
    expect(reading.matched).toEqual(expectedCounts(OKX_SELECTORS, 'gen2'));
  });

  it('has no bare okui- class left and no <label>: the namespaced component classes carry every field', () => {
    const doc = page();
    expect(doc.querySelectorAll('[class~="okui-input"], [class*=" okui-"], [class^="okui-"]')).toHaveLength(0);
    expect(doc.querySelectorAll('label')).toHaveLength(0);
    expect(doc.documentElement.lang).toBe('en');
  });

  it('generation 1 fails here without the namespaced classes: a bare .okui-input field finds nothing', () => {
    const doc = page();
    expect(doc.querySelectorAll('.okui-input, .okui-input-input')).toHaveLength(0);
    expect(doc.querySelectorAll(okui('input-input', 'input')).length).toBeGreaterThan(0);
  });
});

describe('OKX reader: generation 2, what the trader changes', () => {
  it('typed price and amount are read from the okui fields', () => {
    const doc = page();
    input(doc, 'Amount').value = '25';
    input(doc, 'Price (USDT)').value = '64,321.5';
    expect(form(read(doc))).toMatchObject({ price: '64321.5', size: { unit: 'contracts', value: '25' } });
  });

  it('Market tab: no limit price', () => {
    const doc = page();
    for (const tab of doc.querySelectorAll('[aria-label="Order type"] [role="tab"]'))
      tab.setAttribute('aria-selected', String(tab.textContent === 'Market'));
    hook(doc, 'price-field').hidden = true;
    hook(doc, 'market-price-field').hidden = false;
    const reading = read(doc);
    expect(form(reading)).toMatchObject({ type: 'market', price: null });
    expect(reading.matched).toEqual(expectedCounts(OKX_SELECTORS, 'gen2-market'));
  });

  it('amount in BTC: the unit comes from the okui select inside the amount field', () => {
    const doc = page();
    $(doc, '[data-fixture="size-unit"] .trade_okui-select-value').textContent = 'BTC';
    input(doc, 'Amount').value = '0.1';
    expect(form(read(doc)).size).toEqual({ unit: 'base', value: '0.1' });
  });

  it('TP/SL on (aria-checked and the okui modifier): both triggers read', () => {
    const doc = page();
    gen2TpslOn(doc);
    input(doc, 'TP trigger price').value = '68,000.0';
    input(doc, 'SL trigger price').value = '63,500.0';
    const reading = read(doc);
    expect(form(reading)).toMatchObject({ takeProfit: '68000', stopLoss: '63500' });
    expect(reading.matched).toEqual(expectedCounts(OKX_SELECTORS, 'gen2-tpsl'));
  });

  it('TP/SL whose ARIA and class disagree: refused as tpsl, never read as off', () => {
    const doc = page();
    gen2TpslOn(doc);
    input(doc, 'SL trigger price').value = '63,500.0';
    hook(doc, 'tpsl').classList.remove('trade_okui-checkbox-checked');
    expect(missing(read(doc))).toContain('tpsl');
  });
});

describe('OKX reader: generation 2, strict', () => {
  it('a wrapper whose namespaced class only starts with the block (trade_okui-input-group) is no field', () => {
    const doc = page();
    const group = doc.createElement('div');
    group.className = 'trade_okui-input-group';
    field(doc, 'Price (USDT)').before(group);
    group.append(field(doc, 'Price (USDT)'), field(doc, 'Amount'));
    expect(form(read(doc))).toMatchObject({ price: '65000', size: { unit: 'contracts', value: '10' } });
  });

  it('a price field without its caption: price missing (no field is taken by position)', () => {
    const doc = page();
    $(field(doc, 'Price (USDT)'), '.trade_okui-input-label').remove();
    expect(missing(read(doc))).toEqual(['price']);
  });

  it('a second visible okui field captioned "Amount" in the form: ambiguous, refused', () => {
    const doc = page();
    const copy = field(doc, 'Amount').cloneNode(true) as HTMLElement;
    copy.removeAttribute('data-fixture');
    copy.querySelector('[data-fixture]')?.removeAttribute('data-fixture');
    field(doc, 'Amount').after(copy);
    expect(missing(read(doc))).toContain('size');
  });
});

describe("OKX reader: generation 2's Cost under each button", () => {
  const costs = (doc: Document) => form(read(doc)).pageEstimates;

  it('reads each side from its own block: a Buy cost of 35.00 and a Sell cost of 0.00 (against a long)', () => {
    const doc = page();
    hook(doc, 'cost-long').textContent = '35.00 USDT';
    hook(doc, 'cost-short').textContent = '0.00 USDT';
    expect(costs(doc)).toEqual([
      { kind: 'cost', side: 'long', value: '35', decimals: 2 },
      { kind: 'cost', side: 'short', value: '0', decimals: 2 },
    ]);
  });

  it('"--" (nothing typed yet) is no figure; no Cost rows at all: no pageEstimates, the order still read', () => {
    const doc = page();
    hook(doc, 'cost-long').textContent = '-- USDT';
    expect(costs(doc)).toEqual([{ kind: 'cost', side: 'short', value: '651.02', decimals: 2 }]);
    hook(doc, 'cost-long').closest('div')!.remove();
    hook(doc, 'cost-short').closest('div')!.remove();
    const reading = read(doc);
    expect(form(reading).pageEstimates).toBeUndefined();
    expect(reading.matched.cost).toBe(0);
  });

  it('an amount that does not parse, or in another currency: refused as cost, never dropped quietly', () => {
    for (const text of ['6S0.00 USDT', '650.00 USDC']) {
      const doc = page();
      hook(doc, 'cost-long').textContent = text;
      expect(missing(read(doc)), text).toEqual(['cost']);
    }
  });

  it('two Cost rows under one button: ambiguous, refused as cost', () => {
    const doc = page();
    const row = hook(doc, 'cost-long').closest('div')!;
    row.after(row.cloneNode(true));
    expect(missing(read(doc))).toEqual(['cost']);
  });

  it('the typing fast path reads the Cost again; a Cost row gone sends it to a full read', () => {
    const doc = page();
    const first = read(doc);
    input(doc, 'Amount').value = '20';
    hook(doc, 'cost-long').textContent = '1,300.00 USDT';
    hook(doc, 'cost-short').textContent = '1,300.00 USDT';
    const typed = reader.refresh!(first);
    expect(typed).toEqual(read(doc));
    expect(typed && form(typed).pageEstimates?.map((e) => e.value)).toEqual(['1300', '1300']);
    // Twice in a row: the refreshed reading keeps its inputs and rows for the next keystroke.
    input(doc, 'Amount').value = '30';
    hook(doc, 'cost-long').textContent = '1,950.00 USDT';
    hook(doc, 'cost-short').textContent = '1,950.00 USDT';
    const again = reader.refresh!(typed!);
    expect(again).toEqual(read(doc));
    hook(doc, 'cost-long').closest('div')!.remove();
    expect(reader.refresh!(again!)).toBeNull();
  });
});

describe('okui(): a component class, bare or namespaced, matched to the end of the class token', () => {
  const el = (className: string) => {
    const div = document.createElement('div');
    div.className = className;
    return div;
  };
  it.each(['okui-input', 'trade_okui-input', 'balance_okui-input md', 'x trade_okui-input', 'a trade_okui-input b'])(
    '%s is an okui input field',
    (cls) => expect(el(cls).matches(okui('input'))).toBe(true),
  );
  it.each(['trade_okui-input-box', 'okui-inputs', 'okui-input-label', 'tradeokui-input', 'trade-okui-input'])(
    '%s is not',
    (cls) => expect(el(cls).matches(okui('input'))).toBe(false),
  );
});

describe('okuiSwitchState: native, ARIA and the okui class modifier', () => {
  const box = (aria: string | null, checkedClass: boolean) => {
    const div = document.createElement('div');
    div.setAttribute('role', 'checkbox');
    div.className = `trade_okui-checkbox${checkedClass ? ' trade_okui-checkbox-checked' : ''}`;
    if (aria !== null) div.setAttribute('aria-checked', aria);
    return div;
  };
  it('agreeing ARIA and class', () => {
    expect(okuiSwitchState(box('true', true))).toBe(true);
    expect(okuiSwitchState(box('false', false))).toBe(false);
  });
  it('contradicting, "mixed" or silent: unknown', () => {
    expect(okuiSwitchState(box('true', false))).toBeNull();
    expect(okuiSwitchState(box('false', true))).toBeNull();
    expect(okuiSwitchState(box('mixed', true))).toBeNull();
    expect(okuiSwitchState(box(null, false))).toBeNull();
  });
  it('class only (no ARIA): on by its modifier', () => {
    expect(okuiSwitchState(box(null, true))).toBe(true);
  });
  it('a native checkbox by its checked property (generation 1)', () => {
    const native = document.createElement('input');
    native.type = 'checkbox';
    expect(okuiSwitchState(native)).toBe(false);
    native.checked = true;
    expect(okuiSwitchState(native)).toBe(true);
  });
});
