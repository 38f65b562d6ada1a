// Placement of the PnL chart: markers in price order, the line crossing zero where the PnL is
// zero, labels that do not overlap and stay in the drawing, ticks at round values.
import { describe, expect, it } from 'vitest';
import { chartGeometry, tickValues, type Box, type ChartMarker, type GeometryInput } from '../../src/ui/chart/geometry';
import { formatMoney, formatPrice } from '../../src/ui/overlay/format';

const ALL: ChartMarker[] = [
  { kind: 'entry', price: '65000', label: 'Entry' },
  { kind: 'liquidation', price: '58850.5', label: 'Liquidation' },
  { kind: 'marginCall', price: '59500', label: 'Margin call' },
  { kind: 'stop', price: '62000', label: 'Stop' },
  { kind: 'takeProfit', price: '70000', label: 'Take-profit' },
  { kind: 'breakEven', price: '65078', label: 'Break-even' },
  { kind: 'mark', price: '65010.2', label: 'Mark' },
];

function input(over: Partial<GeometryInput> = {}): GeometryInput {
  return {
    entry: '65000',
    pnl: { atEntry: '-7.8', slope: '0.1' },
    markers: ALL,
    width: 300,
    height: 130,
    formatPrice: (v) => formatPrice(v) ?? v,
    formatMoney: (v) => formatMoney(v) ?? v,
    ...over,
  };
}

const intersects = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('chartGeometry', () => {
  it('places markers left to right in price order, all inside the plot', () => {
    const g = chartGeometry(input());
    expect(g.markers.map((m) => m.marker.kind)).toEqual([
      'liquidation',
      'marginCall',
      'stop',
      'entry',
      'mark',
      'breakEven',
      'takeProfit',
    ]);
    const xs = g.markers.map((m) => m.x);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
    for (const x of xs) {
      expect(x).toBeGreaterThan(g.plot.left);
      expect(x).toBeLessThan(g.plot.right);
    }
  });

  it('the line crosses zero at the break-even price within a pixel (long: profit to the right)', () => {
    // -7.8 + 0.1 × (P − 65000) = 0 at P = 65078.
    const g = chartGeometry(input());
    const breakEven = g.markers.find((m) => m.marker.kind === 'breakEven')!;
    expect(g.profit).not.toBeNull();
    expect(g.loss).not.toBeNull();
    expect(Math.abs(g.profit!.x1 - breakEven.x)).toBeLessThan(1);
    expect(Math.abs(g.profit!.y1 - g.zeroY)).toBeLessThan(1);
    expect(Math.abs(g.loss!.x2 - breakEven.x)).toBeLessThan(1);
    expect(g.profit!.y2).toBeLessThan(g.zeroY); // above the zero line on screen
    expect(g.loss!.y1).toBeGreaterThan(g.zeroY);
  });

  it('short: profit to the left of the crossing', () => {
    const markers: ChartMarker[] = [
      { kind: 'entry', price: '65000', label: 'Entry' },
      { kind: 'breakEven', price: '64922', label: 'Break-even' },
      { kind: 'liquidation', price: '71000', label: 'Liquidation' },
    ];
    const g = chartGeometry(input({ markers, pnl: { atEntry: '-7.8', slope: '-0.1' } }));
    const breakEven = g.markers.find((m) => m.marker.kind === 'breakEven')!;
    expect(Math.abs(g.profit!.x2 - breakEven.x)).toBeLessThan(1);
    expect(g.profit!.x1).toBeLessThan(g.profit!.x2);
    expect(g.loss!.x1).toBeGreaterThan(breakEven.x - 1);
  });

  it('marker labels never overlap and stay inside the drawing, even when prices crowd together', () => {
    for (const width of [200, 232, 300, 476]) {
      const g = chartGeometry(input({ width }));
      for (const m of g.markers) {
        expect(m.box.left).toBeGreaterThanOrEqual(0);
        expect(m.box.right).toBeLessThanOrEqual(width);
        expect(m.box.bottom).toBeLessThanOrEqual(g.plot.top);
      }
      const drawn = g.markers.filter((m) => m.labelled);
      for (let i = 0; i < drawn.length; i++) {
        for (let j = i + 1; j < drawn.length; j++)
          expect(intersects(drawn[i]!.box, drawn[j]!.box), `${width}: ${i}/${j}`).toBe(false);
      }
    }
  });

  it('labels of prices far apart share one row', () => {
    const markers: ChartMarker[] = [
      { kind: 'liquidation', price: '50000', label: 'Liq' },
      { kind: 'entry', price: '65000', label: 'Entry' },
      { kind: 'takeProfit', price: '80000', label: 'TP' },
    ];
    const g = chartGeometry(input({ markers, width: 476 }));
    expect(new Set(g.markers.map((m) => m.baseline)).size).toBe(1);
  });

  it('axis ticks at round values, labels apart, the zero tick on the zero line', () => {
    const g = chartGeometry(input());
    expect(g.xTicks.length).toBeGreaterThanOrEqual(2);
    for (const t of g.xTicks) expect(Number(t.value) % 1000).toBe(0);
    for (let i = 1; i < g.xTicks.length; i++) {
      const gap = g.xTicks[i]!.at - g.xTicks[i - 1]!.at;
      expect(gap).toBeGreaterThan((g.xTicks[i]!.text.length + g.xTicks[i - 1]!.text.length) * 3);
    }
    const zero = g.yTicks.find((t) => Number(t.value) === 0);
    expect(zero).toBeDefined();
    expect(Math.abs(zero!.at - g.zeroY)).toBeLessThan(0.01);
    expect(g.yTicks.every((t) => t.at >= g.plot.top && t.at <= g.plot.bottom)).toBe(true);
    // A loss and a profit side: a tick on each, labels at least 18 px apart.
    expect(g.yTicks.map((t) => Math.sign(Number(t.value)))).toEqual(expect.arrayContaining([-1, 0, 1]));
    for (let i = 1; i < g.yTicks.length; i++)
      expect(Math.abs(g.yTicks[i]!.at - g.yTicks[i - 1]!.at)).toBeGreaterThanOrEqual(18);
  });

  it('one marker only, or a flat line, still gives a drawable range', () => {
    const g = chartGeometry(
      input({ markers: [{ kind: 'entry', price: '65000', label: 'Entry' }], pnl: { atEntry: '0', slope: '0' } }),
    );
    expect(g.plot.right).toBeGreaterThan(g.plot.left);
    expect(Number.isFinite(g.zeroY)).toBe(true);
    expect(g.markers[0]!.x).toBeGreaterThan(g.plot.left);
  });
});

describe('tickValues', () => {
  it('steps of 1, 2 or 5 × 10^k, written without float noise', () => {
    expect(tickValues(0.1, 0.7, 3)).toEqual(['0.2', '0.4', '0.6']);
    expect(tickValues(0.1, 0.75, 3)).toEqual(['0.5']); // never more ticks than asked: 0.2167 rounds up to 0.5
    expect(tickValues(-520, 480, 5)).toEqual(['-400', '-200', '0', '200', '400']);
    expect(tickValues(0.00001, 0.00005, 2)).toEqual(['0.00002', '0.00004']);
    expect(tickValues(5, 5, 3)).toEqual([]);
  });
});
