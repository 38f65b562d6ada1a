// Issue 12 #5: the order as read is shown under the overlay's title — type, size in base units
// (and in the page's own unit: OKX contracts, a quote total), notional, leverage and margin mode.
import { describe, expect, it } from 'vitest';
import { orderLine } from '../../src/ui/overlay/order-line';
import { buildView } from '../../src/ui/overlay/view-model';
import type { MarketSnapshot, OrderForm } from '../../src/venues/types';
import { binanceForm, marketOf, NOW, ok, settings, snapshot, wireQuotes } from '../content/fixtures';

function okxForm(over: Partial<OrderForm> = {}): OrderForm {
  return binanceForm({
    venue: 'okx-swap',
    symbol: 'BTC-USDT-SWAP',
    side: 'long',
    marginMode: 'cross',
    price: '65000',
    size: { unit: 'contracts', value: '10' },
    ...over,
  });
}

function okxSnapshot(mark: string): MarketSnapshot {
  const fig = (value: string) => ({ value, receivedAt: NOW - 2_000, exchangeTime: null, source: 'stream' as const });
  return snapshot(mark, 2_000, {
    venue: 'okx-swap',
    symbol: 'BTC-USDT-SWAP',
    figures: { markPrice: fig(mark), contractValue: fig('0.01'), tickSize: fig('0.1') },
    tiers: {
      table: {
        basis: 'contracts',
        rows: [{ floor: '0', cap: null, maintenanceMarginRate: '0.004', maintenanceAmount: null, maxLeverage: '100' }],
      },
      receivedAt: NOW - 2_000,
      source: 'rest',
    },
  });
}

function viewOf(form: OrderForm, snap: MarketSnapshot | null, s = settings()) {
  return buildView({
    reading: ok(form),
    quotes: wireQuotes(form, snap, s),
    market: marketOf(snap),
    settings: s,
    guard: null,
    now: NOW,
    pending: false,
    locale: 'en',
  });
}

describe('order line (pure)', () => {
  const form = okxForm();
  it('OKX contracts: the base quantity with the contracts beside it, notional, leverage and mode', () => {
    expect(orderLine({ form, quantity: '0.1', notional: '6500', atMark: false, locale: 'en' })).toBe(
      'Limit · 0.1 BTC (10 ct) · 6,500.00 USDT · 10× cross',
    );
  });
  it('a market order is priced at the mark: the notional is an estimate', () => {
    const market = { ...form, type: 'market' as const, marginMode: 'isolated' as const, leverage: '2.5' };
    expect(orderLine({ form: market, quantity: '0.1', notional: '6501.02', atMark: true, locale: 'en' })).toBe(
      'Market · 0.1 BTC (10 ct) · ≈ 6,501.02 USDT · 2.5× isolated',
    );
  });
  it('a size typed as a quote total shows that total beside the base quantity', () => {
    const quote = binanceForm({ size: { unit: 'quote', value: '6500' } });
    expect(orderLine({ form: quote, quantity: '0.1', notional: '6500', atMark: false, locale: 'en' })).toBe(
      'Limit · 0.1 BTC (6,500 USDT) · 6,500.00 USDT · 10× isolated',
    );
  });
  it('leaves out what is not known: no contract value, no price', () => {
    expect(orderLine({ form, quantity: null, notional: null, atMark: false, locale: 'en' })).toBe(
      'Limit · 10 ct · 10× cross',
    );
    expect(orderLine({ form: binanceForm(), quantity: null, notional: null, atMark: false, locale: 'en' })).toBe(
      'Limit · 0.1 BTC · 10× isolated',
    );
  });
  it('a long division is cut at 8 places, German separators', () => {
    const quote = binanceForm({ size: { unit: 'quote', value: '1000' } });
    expect(
      orderLine({ form: quote, quantity: '0.0153846153846153846', notional: '1000', atMark: false, locale: 'de' }),
    ).toBe('Limit · 0,01538462 BTC (1.000 USDT) · 1.000,00 USDT · 10× isolated');
  });
});

describe('order line in the overlay view', () => {
  it('OKX: 10 contracts read as 0.1 BTC, the notional from the engine', () => {
    const v = viewOf(okxForm(), okxSnapshot('65000'), settings({ accountBalance: { 'okx-swap': '5000' } }));
    expect(v.state).toBe('ok');
    expect(v.orderLine).toBe('Limit · 0.1 BTC (10 ct) · 6,500.00 USDT · 10× cross');
  });
  it('a market order at the mark', () => {
    const v = viewOf(binanceForm({ type: 'market', price: null }), snapshot('65010.2'));
    expect(v.orderLine).toBe('Market · 0.1 BTC · ≈ 6,501.02 USDT · 10× isolated');
  });
  it('no mark for a market order: the size and leverage still show', () => {
    const v = viewOf(binanceForm({ type: 'market', price: null }), null);
    expect(v.state).toBe('no-price');
    expect(v.orderLine).toBe('Market · 0.1 BTC · 10× isolated');
  });
  it('none for a spot order (margin off) or an unreadable form', () => {
    expect(viewOf(binanceForm({ marginEnabled: false }), snapshot('65000')).orderLine).toBeNull();
    const unreadable = buildView({
      reading: { status: 'unrecognised', missing: ['price'], matched: {} },
      quotes: [],
      market: null,
      settings: settings(),
      guard: null,
      now: NOW,
      pending: false,
    });
    expect(unreadable.orderLine).toBeNull();
  });
});
