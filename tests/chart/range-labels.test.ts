// Issue 12 "Compact and readable", chart: a useful price range (at least ±10 % around the entry,
// the liquidation price when within reach, an edge label when not) and marker labels that do not
// stack up in the overlay's 232 px panel (at most three rows, close markers merged).
import { describe, expect, it } from 'vitest';
import { chartGeometry, type Box, type ChartMarker, type GeometryInput } from '../../src/ui/chart/geometry';
import { formatMoney, formatPrice } from '../../src/ui/overlay/format';

const m = (kind: ChartMarker['kind'], price: string, label: string, short: string): ChartMarker => ({
  kind,
  price,
  label,
  short,
});
const ENTRY = m('entry', '65000', 'Entry', 'Entry');
const BE = m('breakEven', '65078', 'Break-even', 'BE');

function input(markers: ChartMarker[], width = 232): GeometryInput {
  return {
    entry: '65000',
    pnl: { atEntry: '-7.8', slope: '0.1' },
    markers,
    width,
    height: 130,
    formatPrice: (v) => formatPrice(v) ?? v,
    formatMoney: (v) => formatMoney(v) ?? v,
  };
}

const intersects = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('chart price range', () => {
  it('spans at least ±10 % around the entry even when every marker is close to it', () => {
    const g = chartGeometry(input([ENTRY, BE, m('stop', '64500', 'Stop', 'Stop')]));
    expect(g.range[0]).toBeLessThanOrEqual(65000 * 0.9);
    expect(g.range[1]).toBeGreaterThanOrEqual(65000 * 1.1);
    // The axis shows it: ticks reach beyond ±7 %.
    const ticks = g.xTicks.map((t) => Number(t.value));
    expect(Math.min(...ticks)).toBeLessThanOrEqual(65000 * 0.93);
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(65000 * 1.07);
  });

  it('includes the liquidation price within reach (−40 %), drawn in the plot with its line', () => {
    const g = chartGeometry(input([ENTRY, BE, m('liquidation', '39000', 'Liquidation', 'Liq')], 300));
    expect(g.range[0]).toBeLessThan(39000);
    const liq = g.markers.find((p) => p.marker.kind === 'liquidation')!;
    expect(liq.edge).toBeUndefined();
    expect(liq.x).toBeGreaterThan(g.plot.left);
    expect(liq.x).toBeLessThan(g.plot.right);
  });

  it('a liquidation price beyond reach (−80 %) is an arrow label at the edge, not a squashed axis', () => {
    const g = chartGeometry(input([ENTRY, BE, m('liquidation', '13000', 'Liquidation', 'Liq')], 232));
    expect(g.range[0]).toBeGreaterThan(65000 * 0.5);
    const liq = g.markers.find((p) => p.marker.kind === 'liquidation')!;
    expect(liq.edge).toBe('low');
    expect(liq.x).toBe(g.plot.left);
    expect(liq.text).toContain('←');
    expect(liq.text).toContain('13,000');
    // Entry and break-even are no longer crushed against each other at one end.
    const entry = g.markers.find((p) => p.marker.kind === 'entry')!;
    expect(entry.x - g.plot.left).toBeGreaterThan((g.plot.right - g.plot.left) / 3);
  });

  it('short side: a liquidation price far above is an arrow at the right edge', () => {
    const g = chartGeometry({
      ...input([ENTRY, m('liquidation', '130000', 'Liquidation', 'Liq')]),
      pnl: { atEntry: '-7.8', slope: '-0.1' },
    });
    const liq = g.markers.find((p) => p.marker.kind === 'liquidation')!;
    expect(liq.edge).toBe('high');
    expect(liq.x).toBe(g.plot.right);
    expect(liq.text).toMatch(/→$/);
  });
});

describe('chart labels in the overlay panel (232 px)', () => {
  const CLOSE: ChartMarker[] = [
    ENTRY,
    m('mark', '65010.2', 'Mark', 'Mark'),
    BE,
    m('liquidation', '61900', 'Liquidation', 'Liq'),
    m('stop', '61950', 'Stop', 'Stop'),
    m('marginCall', '62300', 'Margin call', 'Call'),
    m('takeProfit', '66000', 'Take-profit', 'TP'),
  ];

  it('close markers: no two label boxes overlap, at most three rows, every marker named', () => {
    for (const width of [232, 300]) {
      const g = chartGeometry(input(CLOSE, width));
      const drawn = g.markers.filter((p) => p.labelled);
      for (let i = 0; i < drawn.length; i++) {
        expect(drawn[i]!.box.left).toBeGreaterThanOrEqual(0);
        expect(drawn[i]!.box.right).toBeLessThanOrEqual(width);
        for (let j = i + 1; j < drawn.length; j++)
          expect(intersects(drawn[i]!.box, drawn[j]!.box), `${width}: ${drawn[i]!.text} / ${drawn[j]!.text}`).toBe(
            false,
          );
      }
      expect(new Set(g.markers.map((p) => p.baseline)).size).toBeLessThanOrEqual(3);
      const texts = drawn.map((p) => p.text).join(' | ');
      for (const c of CLOSE) expect(texts, texts).toMatch(new RegExp(`\\b(${c.label}|${c.short})\\b`));
    }
  });

  it('stop and liquidation one pixel apart share one label ("Liq · Stop")', () => {
    const g = chartGeometry(input(CLOSE, 232));
    const stop = g.markers.find((p) => p.marker.kind === 'stop')!;
    const liq = g.markers.find((p) => p.marker.kind === 'liquidation')!;
    expect(stop.text).toBe(liq.text);
    expect(stop.text).toMatch(/Liq · Stop/);
    // Each keeps its own line at its own price.
    expect(stop.x).toBeGreaterThan(liq.x);
  });
});
