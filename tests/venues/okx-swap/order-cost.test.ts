// OKX's order "Cost" rule (src/venues/okx-swap/order-cost.ts): OKX's published initial-margin example
// (formulas.md §5.2), the one-way requirement max(p + buys, sells − p) / leverage, and the futures
// order loss of OKX's 2024-10-24 announcement, each worked out here from the published formula.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/decimal';
import type { OtherPosition } from '../../../src/core/types';
import { okxOrderCost, okxOrderCostOf } from '../../../src/venues/okx-swap/order-cost';

const d = (v: string | number) => new Dec(v);
const at = (side: 'long' | 'short', o: { q: string; price: number; mark?: number; lev: number; p?: number }) =>
  okxOrderCost({
    side,
    quantity: d(o.q),
    price: d(o.price),
    mark: d(o.mark ?? o.price),
    leverage: d(o.lev),
    positionNotional: d(o.p ?? 0),
  });

describe('okxOrderCost: margin', () => {
  it("OKX's published example: 10,000 contracts × 0.0001 BTC at 10,000 USDT, 10× = 1,000 USDT, either side", () => {
    const q = d(10_000).times('0.0001').toFixed();
    for (const side of ['long', 'short'] as const) {
      const c = at(side, { q, price: 10_000, lev: 10 });
      expect(c.margin.toString()).toBe('1000');
      expect(c.orderLoss.isZero()).toBe(true);
    }
  });

  it('an order with the position adds its own value / leverage; against it, nothing until it would flip', () => {
    const p = d('1.5').times('3201.25').toNumber(); // long 1.5 ETH at a mark of 3,201.25
    expect(at('long', { q: '0.1', price: 3500, lev: 10, p }).margin.toString()).toBe('35');
    expect(at('short', { q: '0.1', price: 3500, lev: 10, p }).margin.toString()).toBe('0');
    // Selling more than twice the position: the sells side of the max wins, by what exceeds it.
    const big = at('short', { q: '4', price: 3000, lev: 10, p }).margin;
    expect(big.equals(d(4).times(3000).minus(d(p).times(2)).div(10))).toBe(true);
    // Mirror image for a short position.
    expect(at('short', { q: '0.1', price: 3500, lev: 10, p: -p }).margin.toString()).toBe('35');
    expect(at('long', { q: '0.1', price: 3500, lev: 10, p: -p }).margin.toString()).toBe('0');
  });
});

describe('okxOrderCost: futures order loss (|size × min(0, mark − price)| buy, |size × min(0, price − mark)| sell)', () => {
  it('a buy above the mark and a sell below it carry the gap times the size; the other side none', () => {
    const below = { q: '0.1', price: 65_000, mark: 65_010.2, lev: 10 };
    expect(at('long', below).orderLoss.isZero()).toBe(true);
    expect(at('short', below).orderLoss.equals(d('0.1').times(d('65010.2').minus(65_000)))).toBe(true);
    const above = { ...below, price: 65_100 };
    expect(at('long', above).orderLoss.equals(d('0.1').times(d(65_100).minus('65010.2')))).toBe(true);
    expect(at('short', above).orderLoss.isZero()).toBe(true);
  });

  it('total = margin + order loss', () => {
    const c = at('short', { q: '0.1', price: 65_000, mark: 65_010.2, lev: 10 });
    expect(c.total.equals(d('0.1').times(65_000).div(10).plus(c.orderLoss))).toBe(true);
  });
});

describe('okxOrderCostOf: from a quote input', () => {
  const eth = (side: 'long' | 'short', symbol = 'ETH-USDT-SWAP'): OtherPosition => ({
    symbol,
    side,
    quantity: d('1.5'),
    entryPrice: d(3150),
    markPrice: d('3201.25'),
    maintenanceMarginRate: d('0.005'),
    maintenanceAmount: d(0),
  });
  const input = (positions: OtherPosition[]) => ({
    order: {
      symbol: 'ETH-USDT-SWAP',
      side: 'long' as const,
      type: 'limit' as const,
      price: d(3500),
      quantity: d('0.1'),
      leverage: d(10),
      stopLoss: null,
      takeProfit: null,
    },
    account: { extraMargin: d(0), positions },
  });
  const MARK = d(3500);

  it("takes the position in the order's instrument only, signed by its side; the side may be overridden", () => {
    expect(okxOrderCostOf(input([eth('long')]), MARK, 'short').margin.toString()).toBe('0');
    expect(okxOrderCostOf(input([eth('short')]), MARK).margin.toString()).toBe('0');
    expect(okxOrderCostOf(input([eth('long')]), MARK).margin.toString()).toBe('35');
    expect(okxOrderCostOf(input([eth('long', 'BTC-USDT-SWAP')]), MARK, 'short').margin.toString()).toBe('35');
  });
});
