// OKX's order "Cost" rule (src/venues/okx-swap/order-cost.ts): OKX's published initial-margin example
// (formulas.md §5.2) and the one-way requirement max(p + buys, sells − p) / leverage, side by side.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/decimal';
import type { OtherPosition } from '../../../src/core/types';
import { okxOrderCost, okxOrderCostOf } from '../../../src/venues/okx-swap/order-cost';

const d = (v: string | number) => new Dec(v);
const cost = (side: 'long' | 'short', orderValue: number, leverage: number, positionNotional = 0) =>
  okxOrderCost({ side, orderValue: d(orderValue), leverage: d(leverage), positionNotional: d(positionNotional) });

describe('okxOrderCost', () => {
  it("OKX's published example: 10,000 contracts × 0.0001 BTC × 10,000 USDT at 10× = 1,000 USDT, either side", () => {
    const orderValue = d(10_000).times('0.0001').times(10_000).toNumber();
    expect(cost('long', orderValue, 10).toString()).toBe('1000');
    expect(cost('short', orderValue, 10).toString()).toBe('1000');
  });

  it('no position: order value / leverage (the fixture pages: 10 × 0.01 × 65,000 / 10)', () => {
    const value = d(10).times('0.01').times(65_000);
    expect(cost('long', value.toNumber(), 10).equals(value.div(10))).toBe(true);
  });

  it('an order with the position adds its own value / leverage; against it, nothing until it would flip', () => {
    const position = 4801.875; // long 1.5 ETH at a mark of 3,201.25
    expect(cost('long', 350, 10, position).toString()).toBe('35');
    expect(cost('short', 350, 10, position).toString()).toBe('0');
    // Selling more than twice the position: the sells side of the max wins, by what exceeds it.
    expect(cost('short', 12_000, 10, position).equals(d(12_000).minus(d(position).times(2)).div(10))).toBe(true);
  });

  it('mirror image for a short position', () => {
    expect(cost('short', 350, 10, -4801.875).toString()).toBe('35');
    expect(cost('long', 350, 10, -4801.875).toString()).toBe('0');
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
  const input = (side: 'long' | 'short', positions: OtherPosition[]) => ({
    order: {
      symbol: 'ETH-USDT-SWAP',
      side,
      type: 'limit' as const,
      price: d(3500),
      quantity: d('0.1'),
      leverage: d(10),
      stopLoss: null,
      takeProfit: null,
    },
    account: { extraMargin: d(0), positions },
  });

  it("takes the position in the order's instrument only, signed by its side", () => {
    expect(okxOrderCostOf(input('short', [eth('long')])).toString()).toBe('0');
    expect(okxOrderCostOf(input('long', [eth('short')])).toString()).toBe('0');
    expect(okxOrderCostOf(input('long', [eth('long')])).toString()).toBe('35');
    expect(okxOrderCostOf(input('short', [eth('long', 'BTC-USDT-SWAP')])).toString()).toBe('35');
  });
});
