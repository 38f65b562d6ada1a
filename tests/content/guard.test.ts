// @vitest-environment happy-dom
// The pre-submit guard: hold the first submit with a GUARD_CODES warning, let the same one
// through next time, re-arm on any change; off when disabled; Enter counts as a submit.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { quoteSides, toWire } from '../../src/background/quotes/compute';
import { guardCodes, installGuard, SubmitGuard, type GuardContext } from '../../src/content/guard';
import type { OrderForm } from '../../src/venues/types';
import { buildPage, fakeReader } from './fake-page';
import { binanceForm, NOW, settings, snapshot } from './fixtures';

describe('SubmitGuard state machine', () => {
  const button = {} as Element;
  const other = {} as Element;

  it('holds once, then lets the same submit pass, and keeps passing', () => {
    const g = new SubmitGuard();
    expect(g.attempt(button, 'long', ['LIQUIDATION_NEAR'], 'f1')).toBe('hold');
    expect(g.notice).toEqual({ codes: ['LIQUIDATION_NEAR'], side: 'long', via: 'click' });
    expect(g.attempt(button, 'long', ['LIQUIDATION_NEAR'], 'f1')).toBe('pass');
    expect(g.notice).toBeNull();
    expect(g.attempt(button, 'long', ['LIQUIDATION_NEAR'], 'f1')).toBe('pass');
  });

  it('never holds without a reason', () => {
    const g = new SubmitGuard();
    expect(g.attempt(button, 'long', [], 'f1')).toBe('pass');
    expect(g.notice).toBeNull();
  });

  it('re-arms on another button, another form or other reasons', () => {
    const g = new SubmitGuard();
    g.attempt(button, 'long', ['LIQUIDATION_NEAR'], 'f1');
    expect(g.attempt(other, 'short', ['LIQUIDATION_NEAR'], 'f1')).toBe('hold');
    expect(g.attempt(other, 'short', ['LIQUIDATION_NEAR'], 'f2')).toBe('hold');
    expect(g.attempt(other, 'short', ['LIQUIDATION_NEAR', 'LIQ_BEYOND_STOP'], 'f2')).toBe('hold');
    expect(g.attempt(other, 'short', ['LIQUIDATION_NEAR', 'LIQ_BEYOND_STOP'], 'f2')).toBe('pass');
  });

  it('sync clears a held submit when the form or its reasons change', () => {
    const g = new SubmitGuard();
    g.attempt(button, 'long', ['LIQUIDATION_NEAR'], 'f1');
    g.sync('f1', () => ['LIQUIDATION_NEAR']);
    expect(g.notice).not.toBeNull();
    g.sync('f2', () => ['LIQUIDATION_NEAR']);
    expect(g.notice).toBeNull();
    expect(g.attempt(button, 'long', ['LIQUIDATION_NEAR'], 'f2')).toBe('hold');
    g.sync('f2', () => []);
    expect(g.attempt(button, 'long', ['LIQUIDATION_NEAR'], 'f2')).toBe('hold');
  });
});

describe('guardCodes', () => {
  it('collects GUARD_CODES of one side or all, in contract order, ignoring errors and missing quotes', () => {
    const s = settings({ minLiquidationDistance: '0.05', maxLeverage: '10' });
    const quotes = toWire(quoteSides(binanceForm({ leverage: '50' }), snapshot('65000'), s, NOW));
    expect(guardCodes(quotes, 'long')).toEqual(['LIQUIDATION_NEAR', 'LEVERAGE_ABOVE_PERSONAL_MAX']);
    expect(guardCodes(quotes, null)).toEqual(['LIQUIDATION_NEAR', 'LEVERAGE_ABOVE_PERSONAL_MAX']);
    const refused = toWire(quoteSides(binanceForm({ leverage: '0.5' }), snapshot('65000'), s, NOW));
    expect(refused[0]!.result).toHaveProperty('error');
    expect(guardCodes(refused, null)).toEqual([]);
    expect(guardCodes(toWire(quoteSides(binanceForm({ type: 'market', price: null }), null, s, NOW)), null)).toEqual([]);
  });
});

describe('installGuard on a page', () => {
  let page: ReturnType<typeof buildPage>;
  let life: AbortController;
  let guard: SubmitGuard;
  let form: OrderForm;
  let enabled: boolean;
  let pageClicks: string[];
  let pageKeys: number;
  const changed = vi.fn();

  const context = (): GuardContext => {
    const s = settings({ minLiquidationDistance: '0.05' });
    return { form, formKey: JSON.stringify(form), quotes: toWire(quoteSides(form, snapshot('65000'), s, NOW)) };
  };

  beforeEach(() => {
    page = buildPage(document);
    life = new AbortController();
    guard = new SubmitGuard();
    // 50× isolated: liquidation about 1.6 % away, inside the 5 % limit, for both sides.
    form = binanceForm({ leverage: '50' });
    enabled = true;
    pageClicks = [];
    pageKeys = 0;
    changed.mockClear();
    // The exchange's own handlers, as React would attach them (bubbling, on the document).
    document.addEventListener('click', (e) => pageClicks.push((e.target as Element).id), { signal: life.signal });
    document.addEventListener('keydown', () => pageKeys++, { signal: life.signal });
    installGuard({ win: window, doc: document, reader: fakeReader, signal: life.signal, guard, enabled: () => enabled, current: context, changed });
  });
  afterEach(() => life.abort());

  it('holds the first click, explains, and lets the second through', () => {
    const first = new MouseEvent('click', { bubbles: true, cancelable: true });
    page.buy.dispatchEvent(first);
    expect(first.defaultPrevented).toBe(true);
    expect(pageClicks).toEqual([]);
    expect(guard.notice).toEqual({ codes: ['LIQUIDATION_NEAR'], side: 'long', via: 'click' });
    expect(changed).toHaveBeenCalledTimes(1);

    const second = new MouseEvent('click', { bubbles: true, cancelable: true });
    page.buy.dispatchEvent(second);
    expect(second.defaultPrevented).toBe(false);
    expect(pageClicks).toEqual(['buy']);
    expect(guard.notice).toBeNull();
  });

  it('the other button is a different submit: held again', () => {
    page.buy.click();
    page.sell.click();
    expect(pageClicks).toEqual([]);
    expect(guard.notice?.side).toBe('short');
    page.sell.click();
    expect(pageClicks).toEqual(['sell']);
  });

  it('a changed form re-arms', () => {
    page.buy.click();
    form = binanceForm({ leverage: '40' });
    page.buy.click();
    expect(pageClicks).toEqual([]);
    page.buy.click();
    expect(pageClicks).toEqual(['buy']);
  });

  it('does nothing when the quote has no guard reason', () => {
    form = binanceForm({ leverage: '2' });
    page.buy.click();
    expect(pageClicks).toEqual(['buy']);
    expect(guard.notice).toBeNull();
  });

  it('does nothing when disabled', () => {
    enabled = false;
    page.buy.click();
    expect(pageClicks).toEqual(['buy']);
  });

  it('ignores clicks that are not on a submit button', () => {
    page.price.click();
    expect(pageClicks).toEqual(['price']);
  });

  it('holds Enter in a form input once', () => {
    const press = () => {
      const e = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
      page.price.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(press()).toBe(true);
    expect(pageKeys).toBe(0);
    expect(guard.notice).toEqual({ codes: ['LIQUIDATION_NEAR'], side: null, via: 'enter' });
    expect(press()).toBe(false);
    expect(pageKeys).toBe(1);
  });

  it('a held-down Enter keeps being held', () => {
    page.price.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    const repeat = new KeyboardEvent('keydown', { key: 'Enter', repeat: true, bubbles: true, cancelable: true });
    page.price.dispatchEvent(repeat);
    expect(repeat.defaultPrevented).toBe(true);
    expect(pageKeys).toBe(0);
  });

  it('other keys and inputs outside the form are left alone', () => {
    page.price.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, cancelable: true }));
    const outside = document.createElement('input');
    document.body.append(outside);
    outside.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    expect(pageKeys).toBe(2);
    expect(guard.notice).toBeNull();
  });

  it('stops listening when the signal aborts', () => {
    life.abort();
    page.buy.click();
    expect(guard.notice).toBeNull();
  });
});
