// Profit and loss against the exit price, as a small SVG drawn here (no chart library: this
// goes into the content script). The line comes from the engine's exact pnl line; floats are
// used for coordinates only, and the PnL figures in the description and the table are exact.
// Profit and loss differ in more than colour: the loss part is dashed and its area hatched.
import { Component } from 'preact';
import { chartGeometry, FONT_SIZE, textWidth } from './geometry';
import type { ChartLine, ChartMarker, MarkerKind, Segment } from './geometry';
import { pnlAtText } from './exact';
import { VISUALLY_HIDDEN } from '../visually-hidden';

export type { ChartMarker, MarkerKind } from './geometry';

export interface PnlChartProps {
  /** The entry price the line is anchored at (exact decimal text). */
  entry: string;
  /** pnl(P) = atEntry + slope × (P − entry), exact decimal text (fees in, carry out); isolated: floored. */
  pnl: ChartLine;
  markers: ChartMarker[];
  currency: string;
  /** Accessible name of the chart (its <title>). */
  title: string;
  width?: number;
  /** Height of the plot with its price axis; rows of marker labels are added above when needed. */
  height?: number;
  formatPrice(v: string): string;
  formatMoney(v: string): string;
  /** Price axis ticks; default formatPrice. */
  formatAxis?(v: string): string;
  /** A visually hidden table of the marked prices with the exact PnL at each (default on). */
  table?: boolean;
  /** Axis captions, table headings and the description's words, translated by the caller (units included). */
  words?: { price: string; pnl: string; marker: string };
}

/** Text over lines stays readable: a halo in the background colour under each glyph. */
const HALO = {
  stroke: 'var(--mp-bg)',
  'stroke-width': 3,
  'paint-order': 'stroke',
  'stroke-linejoin': 'round',
} as const;

// Theme colours (src/ui/theme.ts), each checked there for contrast on --mp-bg in both themes.
const PROFIT = 'var(--mp-ok)';
const LOSS = 'var(--mp-danger)';
const LOSS_STROKE = { stroke: LOSS, 'stroke-width': '2', 'stroke-dasharray': '5 3' } as const;
const MUTED = 'var(--mp-muted)';
const TEXT = 'var(--mp-fg)';

/** Marker colours and dash patterns: kinds stay apart without colour too. */
const MARKER_STYLE: Record<MarkerKind, [color: string, dash?: string]> = {
  entry: ['var(--mp-chart-line)'],
  mark: [MUTED, '1 3'],
  liquidation: [LOSS, '6 2'],
  marginCall: ['var(--mp-warn)', '4 2'],
  stop: [LOSS, '2 2'],
  takeProfit: [PROFIT, '2 2'],
  breakEven: [TEXT, '3 3'],
};

/** Area between a line segment and the zero line. */
function area(s: Segment, zeroY: number): string {
  return `${s.x1},${zeroY} ${s.x1},${s.y1} ${s.x2},${s.y2} ${s.x2},${zeroY}`;
}

const px = (n: number): string => n.toFixed(1);

/** A dashed loss line: the sloped part ("loss") or the isolated floor's drop and flat part ("floor"). */
const lossLine = (s: Segment, kind: 'loss' | 'floor', key?: number) => (
  <line key={key} data-line={kind} x1={px(s.x1)} y1={px(s.y1)} x2={px(s.x2)} y2={px(s.y2)} {...LOSS_STROKE} />
);

let charts = 0;

export class PnlChart extends Component<PnlChartProps> {
  /** The loss hatch's id, unique per chart: two charts may share one shadow root or page. */
  private readonly hatch = `mp-chart-hatch-${++charts}`;

  render(props: PnlChartProps) {
    return drawChart(props, this.hatch);
  }
}

function drawChart(props: PnlChartProps, hatch: string) {
  const { entry, pnl, currency, formatPrice, formatMoney, formatAxis, width = 300, height = 140, table = true } = props;
  const words = props.words ?? {
    price: `Exit price (${currency})`,
    pnl: `Profit / loss (${currency})`,
    marker: 'Marker',
  };
  const g = chartGeometry({ entry, pnl, markers: props.markers, width, height, formatPrice, formatMoney, formatAxis });
  // The axes' units under the price ticks: side by side when both fit, else one above the other.
  const captionsApart = textWidth(`↕ ${words.pnl}`) + textWidth(`${words.price} ↔`) + 12 > width;
  const total = g.height + (captionsApart ? 24 : 12);
  const { plot } = g;
  // Sorted by price (the geometry's order), each with its exact PnL.
  const rows = g.markers.map((m) => ({ ...m, pnlText: pnlAtText(pnl, entry, m.marker.price) }));
  const money = (v: string | null): string => (v === null ? '?' : `${formatMoney(v)} ${currency}`);
  const desc = rows
    .map((r) => `${r.marker.label} ${formatPrice(r.marker.price)} ${currency}: ${words.pnl} ${money(r.pnlText)}`)
    .join('; ');

  return (
    <div class="mp-chart" style={{ position: 'relative' }}>
      <svg
        role="img"
        width={width}
        height={total}
        viewBox={`0 0 ${width} ${px(total)}`}
        font-size={FONT_SIZE}
        style={{ display: 'block', overflow: 'visible', fontFamily: 'inherit' }}
      >
        <title>{props.title}</title>
        <desc>{desc}</desc>
        <defs>
          <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="6" stroke={LOSS} stroke-width="2" stroke-opacity="0.35" />
          </pattern>
        </defs>
        <g aria-hidden="true">
          {g.yTicks.map((t) => (
            <g key={`y${t.value}`} data-tick="y" data-value={t.value}>
              <line x1={plot.left} x2={plot.right} y1={px(t.at)} y2={px(t.at)} stroke="var(--mp-chart-grid)" />
              <text x={plot.left - 4} y={px(t.at + 3)} text-anchor="end" fill={TEXT}>
                {t.text}
              </text>
            </g>
          ))}
          {g.xTicks.map((t) => (
            <g key={`x${t.value}`} data-tick="x" data-value={t.value}>
              <line x1={px(t.at)} x2={px(t.at)} y1={plot.bottom} y2={plot.bottom + 3} stroke={MUTED} />
              <text x={px(t.at)} y={plot.bottom + 13} text-anchor="middle" fill={TEXT}>
                {t.text}
              </text>
            </g>
          ))}
          <path d={`M${plot.left} ${plot.top}V${plot.bottom}H${plot.right}`} fill="none" stroke={MUTED} />
          <line
            data-zero=""
            x1={plot.left}
            x2={plot.right}
            y1={px(g.zeroY)}
            y2={px(g.zeroY)}
            stroke={TEXT}
            stroke-width="1.5"
          />
          {g.profit && <polygon points={area(g.profit, g.zeroY)} fill={PROFIT} fill-opacity="0.15" />}
          {g.loss && <polygon points={area(g.loss, g.zeroY)} fill={`url(#${hatch})`} />}
          {g.profit && (
            <line
              data-line="profit"
              x1={px(g.profit.x1)}
              y1={px(g.profit.y1)}
              x2={px(g.profit.x2)}
              y2={px(g.profit.y2)}
              stroke={PROFIT}
              stroke-width="2"
            />
          )}
          {g.floor.map((s, i) => (
            <polygon key={i} points={area(s, g.zeroY)} fill={`url(#${hatch})`} />
          ))}
          {g.loss && lossLine(g.loss, 'loss')}
          {g.floor.map((s, i) => lossLine(s, 'floor', i))}
          {g.markers.map((m, i) => {
            const [color, dash] = MARKER_STYLE[m.marker.kind];
            return (
              <g
                key={`${m.marker.kind}${i}`}
                data-marker={m.marker.kind}
                data-value={m.marker.price}
                data-pnl={rows[i]!.pnlText ?? ''}
              >
                {!m.edge && (
                  <line
                    x1={px(m.x)}
                    x2={px(m.x)}
                    y1={px(m.box.bottom)}
                    y2={plot.bottom}
                    stroke={color}
                    stroke-width="1.25"
                    stroke-dasharray={dash}
                  />
                )}
                {m.labelled && (
                  <text x={px(m.box.left)} y={m.baseline} fill={color} font-weight="600" {...HALO}>
                    {m.text}
                  </text>
                )}
              </g>
            );
          })}
          <text data-caption="pnl" x="0" y={g.height + 8} fill={MUTED}>{`↕ ${words.pnl}`}</text>
          <text
            data-caption="price"
            x={width}
            y={g.height + (captionsApart ? 20 : 8)}
            text-anchor="end"
            fill={MUTED}
          >{`${words.price} ↔`}</text>
        </g>
      </svg>
      {/* The hiding is on a wrapper: a table is as wide as its content whatever its own width says. */}
      {table && (
        <div style={VISUALLY_HIDDEN}>
          <table>
            <caption>{props.title}</caption>
            <thead>
              <tr>
                <th scope="col">{words.marker}</th>
                <th scope="col">{words.price}</th>
                <th scope="col">{words.pnl}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={`${r.marker.kind}${i}`} data-row={r.marker.kind}>
                  <th scope="row">{r.marker.label}</th>
                  <td data-value={r.marker.price}>{`${formatPrice(r.marker.price)} ${currency}`}</td>
                  <td data-value={r.pnlText ?? ''}>{money(r.pnlText)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
