// @vitest-environment happy-dom
// The PnL chart as rendered: accessible name and description, markers as data-marker elements
// with raw prices, the exact PnL table, and the line crossing zero at the break-even price.
import DecimalJs from 'decimal.js';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PnlChart, type ChartMarker, type PnlChartProps } from '../../src/ui/chart/PnlChart';
import { formatMoney, formatPrice } from '../../src/ui/overlay/format';

const Decimal = DecimalJs.clone({ precision: 200 });

const MARKERS: ChartMarker[] = [
  { kind: 'entry', price: '65000', label: 'Entry' },
  { kind: 'liquidation', price: '58850.5', label: 'Liquidation' },
  { kind: 'stop', price: '60000', label: 'Stop' },
  { kind: 'breakEven', price: '65078', label: 'Break-even' },
  { kind: 'takeProfit', price: '70000.25', label: 'Take-profit' },
];
// A line as the engine writes it: long 0.1 BTC, fees in.
const PNL = { atEntry: '-7.8', slope: '0.09998' };

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

function draw(over: Partial<PnlChartProps> = {}) {
  host = document.createElement('div');
  document.body.append(host);
  render(
    <PnlChart
      entry="65000"
      pnl={PNL}
      markers={MARKERS}
      currency="USDT"
      title="Profit and loss by exit price"
      formatPrice={(v) => formatPrice(v) ?? v}
      formatMoney={(v) => formatMoney(v) ?? v}
      {...over}
    />,
    host,
  );
  return host;
}

const exactPnl = (price: string) =>
  new Decimal(PNL.atEntry).plus(new Decimal(PNL.slope).times(new Decimal(price).minus('65000'))).toFixed();

describe('PnlChart', () => {
  it('is an image with a title and a description of every marker, in price order', () => {
    const svg = draw().querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')!.textContent).toBe('Profit and loss by exit price');
    const desc = svg.querySelector('desc')!.textContent!;
    expect(desc.split('; ').map((part) => part.split(' ')[0])).toEqual([
      'Liquidation',
      'Stop',
      'Entry',
      'Break-even',
      'Take-profit',
    ]);
    expect(desc).toContain('Liquidation 58,850.5 USDT: Profit / loss (USDT) −622.63 USDT');
    expect(desc).toContain('Take-profit 70,000.25 USDT: Profit / loss (USDT) 492.12 USDT');
  });

  it('marks every price with data-marker and its raw value, left to right', () => {
    const el = draw();
    const markers = [...el.querySelectorAll('svg [data-marker]')];
    expect(markers.map((m) => m.getAttribute('data-marker'))).toEqual([
      'liquidation',
      'stop',
      'entry',
      'breakEven',
      'takeProfit',
    ]);
    expect(markers.map((m) => m.getAttribute('data-value'))).toEqual([
      '58850.5',
      '60000',
      '65000',
      '65078',
      '70000.25',
    ]);
    const xs = markers.map((m) => Number(m.querySelector('line')!.getAttribute('x1')));
    for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
  });

  it('the table gives the exact PnL at each marked price', () => {
    const el = draw({ words: { marker: 'Marker', price: 'Exit price (USDT)', pnl: 'Profit / loss (USDT)' } });
    const rows = [...el.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-row'))).toEqual([
      'liquidation',
      'stop',
      'entry',
      'breakEven',
      'takeProfit',
    ]);
    for (const row of rows) {
      const [price, pnl] = [...row.querySelectorAll('td')];
      expect(pnl!.getAttribute('data-value')).toBe(exactPnl(price!.getAttribute('data-value')!));
    }
    expect(rows[4]!.querySelector('td:last-child')!.getAttribute('data-value')).toBe('492.124995');
    expect(rows[4]!.textContent).toBe('Take-profit70,000.25 USDT492.12 USDT');
    expect([...el.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Marker',
      'Exit price (USDT)',
      'Profit / loss (USDT)',
    ]);
    expect(draw({ table: false }).querySelector('table')).toBeNull();
  });

  it('the line crosses the zero line at the break-even price within a pixel; loss dashed, profit solid', () => {
    // Zero of -7.8 + 0.09998 × (P − 65000): P = 65078.0156…; the marker is at 65078.
    const el = draw();
    const zeroY = Number(el.querySelector('[data-zero]')!.getAttribute('y1'));
    const profit = el.querySelector('[data-line="profit"]')!;
    const loss = el.querySelector('[data-line="loss"]')!;
    const breakEvenX = Number(el.querySelector('[data-marker="breakEven"] line')!.getAttribute('x1'));
    expect(Math.abs(Number(profit.getAttribute('x1')) - breakEvenX)).toBeLessThan(1);
    expect(Math.abs(Number(profit.getAttribute('y1')) - zeroY)).toBeLessThan(1);
    expect(Math.abs(Number(loss.getAttribute('x2')) - breakEvenX)).toBeLessThan(1);
    expect(loss.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(profit.getAttribute('stroke-dasharray')).toBeNull();
  });

  it('colours come from the theme variables', () => {
    const el = draw();
    expect(el.querySelector('[data-line="profit"]')!.getAttribute('stroke')).toMatch(/^var\(--mp-/);
    expect(el.querySelector('[data-marker="liquidation"] line')!.getAttribute('stroke')).toMatch(/^var\(--mp-/);
  });

  it('two charts on one page have distinct hatch ids', () => {
    const a = draw();
    const first = a.querySelector('pattern')!.id;
    render(null, a);
    a.remove();
    const second = draw().querySelector('pattern')!.id;
    expect(first).not.toBe(second);
    expect(host.querySelector('polygon[fill^="url(#"]')!.getAttribute('fill')).toBe(`url(#${second})`);
  });

  it('isolated: flat at the loss at liquidation beyond it, and the table says that loss at a stop past it', () => {
    const floor = { price: '58850.5', pnl: '-651.3' };
    const root = draw({
      pnl: { ...PNL, floor },
      markers: [...MARKERS, { kind: 'stop', price: '55000', label: 'Stop' }],
    });
    expect(root.querySelectorAll('line[data-line="floor"]')).toHaveLength(2);
    const cells = [...root.querySelectorAll('td[data-value]')].map((td) => td.getAttribute('data-value'));
    // Rows sorted by price (price, PnL): the stop at 55,000 first (beyond liquidation), then liquidation itself.
    expect(cells.slice(0, 4)).toEqual(['55000', '-651.3', '58850.5', '-651.3']);
    expect(draw().querySelectorAll('line[data-line="floor"]')).toHaveLength(0);
  });
});
