// The chart of a quoted side: the line includes the carry over the holding time, so it crosses
// zero at the engine's break-even (which counts that carry); without a known carry it is left as is.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal';
import { quoteJson } from '../../src/core/quote';
import { pnlAtText } from '../../src/ui/chart/exact';
import { chartFromQuote } from '../../src/ui/chart/from-quote';
import { chartGeometry } from '../../src/ui/chart/geometry';
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

const facts = bundledFacts();

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
    // Isolated: flat at the engine's loss at liquidation from the liquidation price on.
    expect(chart.pnl).toEqual({
      atEntry: q.pnl.atEntry,
      slope: q.pnl.slope,
      floor: { price: q.liquidationPrice, pnl: q.pnl.atLiquidation },
    });
    expect(chart.markers.map((m) => m.kind)).toEqual([
      'entry',
      'mark',
      'liquidation',
      'breakEven',
      'stop',
      'takeProfit',
    ]);
  });

  it('isolated line flattens at liquidation; cross has no floor (issue 12 #2)', () => {
    const iso = quoteJson({ ...input('long'), order: { ...input('long').order, stopLoss: '50000' } }, facts) as any;
    const chart = chartFromQuote(iso, { entry: '60000', mark: null, stopLoss: '50000', takeProfit: null });
    expect(chart.pnl.floor).toEqual({ price: iso.liquidationPrice, pnl: iso.pnl.atLiquidation });
    // The chart's PnL at the stop (table and description) is the engine's capped figure.
    expect(pnlAtText(chart.pnl, '60000', '50000')).toBe(iso.pnl.atStop);
    expect(pnlAtText(chart.pnl, '60000', iso.liquidationPrice)).toBe(iso.pnl.atLiquidation);
    expect(
      new Dec(pnlAtText(chart.pnl, '60000', '57000')!).equals(new Dec(iso.pnl.atEntry).plus(-3000 * 0.499725)),
    ).toBe(true);
    const g = chartGeometry({
      entry: '60000',
      pnl: chart.pnl,
      markers: chart.markers,
      width: 300,
      height: 140,
      formatPrice: String,
      formatMoney: String,
    });
    // The drop at the liquidation price, then flat (y constant) to the left edge.
    expect(g.floor).toHaveLength(2);
    const [drop, flat] = g.floor;
    expect(drop!.x1).toBeCloseTo(drop!.x2, 6);
    expect(flat!.y1).toBeCloseTo(flat!.y2, 6);
    expect(flat!.x1).toBeCloseTo(g.plot.left, 6);
    expect(g.loss!.x1).toBeCloseTo(drop!.x1, 6);

    const cross = quoteJson(
      {
        ...input('long'),
        marginMode: 'cross',
        account: { walletBalance: '3000' },
        order: { ...input('long').order, stopLoss: '50000' },
      },
      facts,
    ) as any;
    const crossChart = chartFromQuote(cross, { entry: '60000', mark: null, stopLoss: '50000', takeProfit: null });
    expect(crossChart.pnl.floor).toBeUndefined();
    const cg = chartGeometry({
      entry: '60000',
      pnl: crossChart.pnl,
      markers: crossChart.markers,
      width: 300,
      height: 140,
      formatPrice: String,
      formatMoney: String,
    });
    expect(cg.floor).toEqual([]);
  });

  it('short: flat above the liquidation price', () => {
    const iso = quoteJson({ ...input('short'), order: { ...input('short').order, stopLoss: '70000' } }, facts) as any;
    const chart = chartFromQuote(iso, { entry: '60000', mark: null, stopLoss: '70000', takeProfit: null });
    expect(pnlAtText(chart.pnl, '60000', '70000')).toBe(iso.pnl.atStop);
    expect(iso.pnl.atStop).toBe(iso.pnl.atLiquidation);
    const g = chartGeometry({
      entry: '60000',
      pnl: chart.pnl,
      markers: chart.markers,
      width: 300,
      height: 140,
      formatPrice: String,
      formatMoney: String,
    });
    const flat = g.floor[1]!;
    expect(flat.x2).toBeCloseTo(g.plot.right, 6);
  });
});
