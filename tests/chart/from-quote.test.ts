// The chart of a quoted side: the line includes the carry over the holding time, so it crosses
// zero at the engine's break-even (which counts that carry); without a known carry it is left as is.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal';
import { quoteJson } from '../../src/core/quote';
import { chartFromQuote } from '../../src/ui/chart/from-quote';
import { bundledFacts } from '../../src/venues/bundled-facts';

const input = (side: 'long' | 'short', fundingRate?: string) => ({
  venue: 'bybit-linear',
  marginMode: 'isolated',
  holdHours: '24',
  order: {
    symbol: 'BTCUSDT',
    side,
    price: '60000',
    quantity: '0.5',
    leverage: '10',
    stopLoss: side === 'long' ? '58000' : '62000',
  },
  market: { markPrice: '60000', ...(fundingRate ? { fundingRate, fundingIntervalHours: '8' } : {}) },
});

describe('chartFromQuote', () => {
  it.each(['long', 'short'] as const)('%s with funding: the line crosses zero at the engine break-even', (side) => {
    const q = quoteJson(input(side, '0.0003'), bundledFacts()) as any;
    const chart = chartFromQuote(q, {
      entry: '60000',
      mark: '60000',
      stopLoss: q.order?.stopLoss ?? null,
      takeProfit: null,
    });
    expect(chart.withCarry).toBe(true);
    expect(
      new Dec(chart.pnl.atEntry).equals(new Dec(q.pnl.atEntry).minus(new Dec(q.carry.total).minus(q.carry.opening))),
    ).toBe(true);
    const atBreakEven = new Dec(chart.pnl.atEntry).plus(
      new Dec(chart.pnl.slope).times(new Dec(q.breakEvenPrice).minus(60000)),
    );
    expect(atBreakEven.abs().lessThan('1e-25')).toBe(true);
    expect(chart.markers.map((m) => m.kind)).toEqual(['entry', 'liquidation', 'breakEven']);
  });

  it('without a funding rate the carry is unknown: the engine line as it is', () => {
    const q = quoteJson(input('long'), bundledFacts()) as any;
    const chart = chartFromQuote(q, { entry: '60000', mark: '60010', stopLoss: '58000', takeProfit: '65000' });
    expect(chart.withCarry).toBe(false);
    expect(chart.pnl).toEqual({ atEntry: q.pnl.atEntry, slope: q.pnl.slope });
    expect(chart.markers.map((m) => m.kind)).toEqual([
      'entry',
      'mark',
      'liquidation',
      'breakEven',
      'stop',
      'takeProfit',
    ]);
  });
});
