// @vitest-environment happy-dom
// The pre-submit guard: hold the first submit with a reason, let the same order through next
// time however the account ticks, hold again for another order or a new reason; a click on an
// order whose quote is not in is held as ORDER_UNCHECKED until the quote arrives or the wait runs
// out; off when disabled; Enter counts as a submit.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { quoteSides, toWire } from '../../src/venues/quote-sides';
import { CHECK_BOUND_MS, guardCodes, localGuardCodes, SubmitGuard, type Attempt } from '../../src/content/guard';
import { installGuardEvents } from '../../src/content/guard-events';
import { orderIdentity } from '../../src/content/order-identity';
import type { OrderForm } from '../../src/venues/types';
import { buildPage, fakeReader } from './fake-page';
import { binanceForm, NOW, settings, snapshot } from './fixtures';

const at = (over: Partial<Attempt>): Attempt => ({
  order: 'o1',
  side: 'long',
  via: 'click',
  quoted: ['LIQUIDATION_NEAR'],
  local: [],
  now: 0,
  ...over,
});

describe('SubmitGuard state machine', () => {
  it('holds once, then lets the same order pass, and keeps passing', () => {
    const g = new SubmitGuard();
    expect(g.attempt(at({}))).toBe('hold');
    expect(g.notice).toEqual({ codes: ['LIQUIDATION_NEAR'], side: 'long', via: 'click' });
    expect(g.attempt(at({}))).toBe('pass');
    expect(g.notice).toBeNull();
    expect(g.attempt(at({}))).toBe('pass');
  });

  it('never holds without a reason', () => {
    const g = new SubmitGuard();
    expect(g.attempt(at({ quoted: [] }))).toBe('pass');
    expect(g.notice).toBeNull();
  });

  it('holds again for the other side, another order, or a reason the trader was not shown', () => {
    const g = new SubmitGuard();
    g.attempt(at({}));
    expect(g.attempt(at({ side: 'short' }))).toBe('hold');
    expect(g.attempt(at({ side: 'short', order: 'o2' }))).toBe('hold');
    expect(g.attempt(at({ side: 'short', order: 'o2', quoted: ['LIQUIDATION_NEAR', 'LIQ_BEYOND_STOP'] }))).toBe('hold');
    expect(g.attempt(at({ side: 'short', order: 'o2', quoted: ['LIQUIDATION_NEAR', 'LIQ_BEYOND_STOP'] }))).toBe('pass');
    // A reason that went away since (the account ticked) does not hold the order again.
    expect(g.attempt(at({ side: 'short', order: 'o2', quoted: ['LIQ_BEYOND_STOP'] }))).toBe('pass');
  });

  it('orderChanged lets go of a hold for another order only', () => {
    const g = new SubmitGuard();
    g.attempt(at({}));
    expect(g.orderChanged('o1')).toBe(false);
    expect(g.notice).not.toBeNull();
    expect(g.orderChanged('o2')).toBe(true);
    expect(g.notice).toBeNull();
    expect(g.attempt(at({}))).toBe('hold');
  });

  it("a local reason holds without a quote, and joins the quote's reasons", () => {
    const g = new SubmitGuard();
    expect(g.attempt(at({ quoted: [], local: ['LEVERAGE_ABOVE_PERSONAL_MAX'] }))).toBe('hold');
    expect(g.notice?.codes).toEqual(['LEVERAGE_ABOVE_PERSONAL_MAX']);
    expect(g.attempt(at({ quoted: ['LIQUIDATION_NEAR'], local: ['LEVERAGE_ABOVE_PERSONAL_MAX'] }))).toBe('hold');
    expect(g.notice?.codes).toEqual(['LIQUIDATION_NEAR', 'LEVERAGE_ABOVE_PERSONAL_MAX']);
  });

  it('an unquoted order is held while checking, then shows its own reasons, then passes', () => {
    const g = new SubmitGuard();
    expect(g.attempt(at({ quoted: null, now: 0 }))).toBe('hold');
    expect(g.notice).toEqual({ codes: ['ORDER_UNCHECKED'], side: 'long', via: 'click', unchecked: 'checking' });
    expect(g.checking).toBe(true);
    // Clicking again before the quote is in: still held.
    expect(g.attempt(at({ quoted: null, now: 100 }))).toBe('hold');
    expect(g.quoted('other order', () => ['LIQUIDATION_NEAR'])).toBe(false);
    expect(g.quoted('o1', () => ['LIQUIDATION_NEAR'])).toBe(true);
    expect(g.notice).toEqual({ codes: ['LIQUIDATION_NEAR'], side: 'long', via: 'click' });
    expect(g.attempt(at({ now: 200 }))).toBe('pass');
  });

  it('an unquoted order whose quote shows no reason: the notice goes and the next click passes', () => {
    const g = new SubmitGuard();
    g.attempt(at({ quoted: null }));
    g.quoted('o1', () => []);
    expect(g.notice).toBeNull();
    expect(g.attempt(at({ quoted: [] }))).toBe('pass');
  });

  it('no quote within CHECK_BOUND_MS: the notice says so and the next click passes', () => {
    const g = new SubmitGuard();
    g.attempt(at({ quoted: null, now: 1_000 }));
    expect(g.expire(1_000 + CHECK_BOUND_MS - 1)).toBe(false);
    expect(g.expire(1_000 + CHECK_BOUND_MS)).toBe(true);
    expect(g.notice).toEqual({ codes: ['ORDER_UNCHECKED'], side: 'long', via: 'click', unchecked: 'timeout' });
    expect(g.attempt(at({ quoted: null, now: 5_000 }))).toBe('pass');
  });
});

describe('localGuardCodes', () => {
  it('leverage strictly above the personal maximum, exactly, margin orders only', () => {
    const form = binanceForm({ leverage: '20' });
    expect(localGuardCodes(form, { maxLeverage: '19.99' })).toEqual(['LEVERAGE_ABOVE_PERSONAL_MAX']);
    expect(localGuardCodes(form, { maxLeverage: '20' })).toEqual([]);
    expect(localGuardCodes(form, { maxLeverage: null })).toEqual([]);
    expect(localGuardCodes({ ...form, marginEnabled: false }, { maxLeverage: '2' })).toEqual([]);
  });
});

describe('orderIdentity', () => {
  it('ignores the account and the available balance, and nothing the trader sets', () => {
    const form = binanceForm({ leverage: '20' });
    const ticked: OrderForm = { ...form, availableBalance: '123.45', account: { walletBalance: '999', positions: [] } };
    expect(orderIdentity(ticked)).toBe(orderIdentity(form));
    for (const change of [
      { leverage: '21' },
      { price: '65001' },
      { size: { unit: 'quote', value: '0.1' } },
      { stopLoss: '60000' },
      { takeProfit: '70000' },
      { marginMode: 'cross' },
      { side: 'long' },
      { type: 'market' },
    ] as Partial<OrderForm>[]) {
      expect(orderIdentity({ ...form, ...change })).not.toBe(orderIdentity(form));
    }
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
    expect(guardCodes(toWire(quoteSides(binanceForm({ type: 'market', price: null }), null, s, NOW)), null)).toEqual(
      [],
    );
  });
});

describe('installGuardEvents on a page', () => {
  let page: ReturnType<typeof buildPage>;
  let life: AbortController;
  let guard: SubmitGuard;
  let form: OrderForm;
  let enabled: boolean;
  let pageClicks: string[];
  let pageKeys: number;
  const decided = vi.fn();

  // The session's decision, with the quotes of the form as it is (tests of the session cover the rest).
  const decide = (_target: unknown, buttonSide: 'long' | 'short' | null, via: 'click' | 'enter'): 'hold' | 'pass' => {
    decided(buttonSide, via);
    const quotes = toWire(quoteSides(form, snapshot('65000'), settings({ minLiquidationDistance: '0.05' }), NOW));
    return guard.attempt({
      order: orderIdentity(form),
      side: buttonSide,
      via,
      quoted: guardCodes(quotes, buttonSide),
      local: [],
      now: 0,
    });
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
    decided.mockClear();
    // The exchange's own handlers, as React would attach them (bubbling, on the document).
    document.addEventListener('click', (e) => pageClicks.push((e.target as Element).id), { signal: life.signal });
    document.addEventListener('keydown', () => pageKeys++, { signal: life.signal });
    installGuardEvents({
      win: window,
      doc: document,
      reader: fakeReader,
      signal: life.signal,
      enabled: () => enabled,
      decide,
      holdingEnter: () => guard.notice?.via === 'enter',
      known: () => ({ buttons: [], root: null }),
    });
  });
  afterEach(() => life.abort());

  it('holds the first click, explains, and lets the second through', () => {
    const first = new MouseEvent('click', { bubbles: true, cancelable: true });
    page.buy.dispatchEvent(first);
    expect(first.defaultPrevented).toBe(true);
    expect(pageClicks).toEqual([]);
    expect(decided).toHaveBeenCalledWith('long', 'click');
    expect(guard.notice).toEqual({ codes: ['LIQUIDATION_NEAR'], side: 'long', via: 'click' });

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

  it('a changed order is held again', () => {
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
    expect(decided).not.toHaveBeenCalled();
  });

  it('ignores clicks that are not on a submit button', () => {
    page.price.click();
    expect(pageClicks).toEqual(['price']);
    expect(decided).not.toHaveBeenCalled();
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

  it('recognises the submit buttons of the last reading without searching the page, and searches once they were re-rendered', () => {
    life.abort();
    life = new AbortController();
    document.addEventListener('click', (e) => pageClicks.push((e.target as Element).id), { signal: life.signal });
    const search = vi.spyOn(fakeReader, 'submitButtons');
    let buttons: Element[] = [page.buy, page.sell];
    installGuardEvents({
      win: window,
      doc: document,
      reader: fakeReader,
      signal: life.signal,
      enabled: () => true,
      decide,
      holdingEnter: () => false,
      known: () => ({ buttons, root: page.form }),
    });
    page.price.click();
    page.buy.click();
    expect(search).not.toHaveBeenCalled();
    expect(pageClicks).toEqual(['price']); // the buy click was held, without a search
    // The page re-rendered its buttons: the cached ones left the page.
    const fresh = page.buy.cloneNode(true) as HTMLButtonElement;
    page.buy.replaceWith(fresh);
    fresh.click();
    expect(search).toHaveBeenCalledTimes(1);
    expect(decided).toHaveBeenCalledTimes(2);
    buttons = [];
    search.mockRestore();
  });

  it('stops listening when the signal aborts', () => {
    life.abort();
    page.buy.click();
    expect(guard.notice).toBeNull();
    expect(decided).not.toHaveBeenCalled();
  });
});
