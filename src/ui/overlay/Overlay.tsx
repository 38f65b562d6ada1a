// The overlay's Preact components: text only (Preact creates text nodes, never HTML), and
// display only: the sole controls are collapse, the chart panel and the drag handle (reference
// B.4: nothing a hidden-overlay clickjack could use against the exchange).
import type { JSX } from 'preact';
import { PnlChart } from '../chart/PnlChart';
import { t, type MessageKey } from '../i18n';
import { ATTR } from './contract';
import { ErrorDetail } from '../error-detail';
import { TermDt } from '../term';
import { formatMoney, formatPrice } from './format';
import { OrderLine } from './OrderLine';
import { sideTitle, type OverlayView, type Risk, type SideColumn } from './view-model';

const RISK_WORD: Record<Risk, MessageKey> = {
  danger: 'overlay_verdictDanger',
  warn: 'overlay_verdictWarn',
  ok: 'overlay_verdictOk',
  neutral: 'overlay_verdictNeutral',
};

/** Read by screen readers, not shown (inline: the same rule wherever the overlay is drawn). */
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: '0',
  border: '0',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
} as const;

/** The chart panel's element (aria-controls): ids are scoped to our shadow root, one overlay per root. */
const CHART_PANEL_ID = 'mp-chart-panel';

export interface OverlayProps {
  view: OverlayView;
  collapsed: boolean;
  dimmed: boolean;
  onToggle: () => void;
  onDragStart: (event: PointerEvent) => void;
  /** The PnL chart panel, closed by default. */
  chartOpen?: boolean;
  onToggleChart?: () => void;
  /** Escape inside the panel: close it and give focus back to its button. */
  onCloseChart?: () => void;
  /** What the aria-live region says now (the mount debounces it). */
  announced?: string;
}

function Column({ column }: { column: SideColumn }) {
  return (
    <section class={`col risk-${column.risk}`} {...{ [ATTR.side]: column.side }}>
      <h3>{sideTitle(column.side)}</h3>
      {column.position && (
        <p class="position" {...{ [ATTR.position]: column.position.change }}>
          {column.position.text}
        </p>
      )}
      <dl>
        {column.figures.map((f) => (
          <div key={f.key} style="display: contents">
            <TermDt label={f.label} hint={f.hint} id={`mp-term-${column.side}-${f.key}`} />
            <dd {...{ [ATTR.figure]: f.key, [ATTR.value]: f.value }}>{f.text}</dd>
          </div>
        ))}
      </dl>
      {column.warnings.length > 0 && (
        <ul class="warnings" aria-label={t('overlay_warnings')}>
          {column.warnings.map((w) => (
            <li
              key={w.code}
              class={`sev-${w.severity}`}
              hidden={w.inBanner}
              {...{ [ATTR.warning]: w.code, [ATTR.severity]: w.severity }}
            >
              {w.message}
            </li>
          ))}
        </ul>
      )}
      {column.assumptions.length > 0 && (
        <details>
          <summary>{t('overlay_assumptions')}</summary>
          <ul>
            {column.assumptions.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** One PnL chart per quoted side, drawn only while the panel is open (no cost while closed). */
function ChartPanel({
  view,
  open,
  onToggle,
  onClose,
}: {
  view: OverlayView;
  open: boolean;
  onToggle?: () => void;
  onClose?: () => void;
}) {
  const { locale, priceDecimals } = view.format;
  const price = (v: string): string => formatPrice(v, { locale, decimals: priceDecimals }) ?? v;
  const money = (v: string): string => formatMoney(v, { locale }) ?? v;
  const axis = (v: string): string => formatPrice(v, { locale }) ?? v;
  const width = view.columns.length > 1 ? 476 : 232;
  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'Escape' || !open) return;
    e.preventDefault();
    e.stopPropagation(); // the exchange's own Escape handlers (closing its dialogs) are not ours to trigger
    onClose?.();
  };
  return (
    <div class="chart" onKeyDown={onKeyDown} {...{ [ATTR.chart]: open ? 'open' : 'closed' }}>
      <button
        type="button"
        class="chart-toggle"
        aria-expanded={open}
        aria-controls={CHART_PANEL_ID}
        onClick={onToggle}
        {...{ [ATTR.action]: 'chart' }}
      >
        {t(open ? 'overlay_hideChart' : 'overlay_showChart')}
      </button>
      <div id={CHART_PANEL_ID} role="group" aria-label={t('chart_title')} hidden={!open}>
        {open &&
          view.columns.map((c) => (
            <div key={c.side} {...{ [ATTR.chartSide]: c.side }}>
              {c.chart === null ? (
                <p class="missing">{t('chart_unavailable')}</p>
              ) : (
                <PnlChart
                  {...c.chart}
                  width={width}
                  height={130}
                  formatPrice={price}
                  formatMoney={money}
                  formatAxis={axis}
                  words={{
                    price: t('chart_axisPrice', [c.chart.currency]),
                    pnl: c.chart.pnlCaption,
                    marker: t('chart_marker'),
                  }}
                />
              )}
            </div>
          ))}
      </div>
    </div>
  );
}

export function Overlay({
  view,
  collapsed,
  dimmed,
  onToggle,
  onDragStart,
  chartOpen = false,
  onToggleChart,
  onCloseChart,
  announced = '',
}: OverlayProps) {
  const rootAttrs: Record<string, string | undefined> = {
    [ATTR.root]: '',
    [ATTR.state]: view.state,
    [ATTR.mark]: view.mark,
    [ATTR.risk]: view.risk,
    [ATTR.guard]: view.guard ? view.guard.codes.join(',') : undefined,
    [ATTR.missing]: view.state === 'unrecognised' ? view.missing.join(',') : undefined,
    [ATTR.collapsed]: collapsed ? '' : undefined,
    [ATTR.pending]: view.pending ? 'true' : undefined,
    [ATTR.dimmed]: dimmed ? '' : undefined,
    [ATTR.reason]: view.reason ?? undefined,
  };
  const { markLine } = view;
  const onDrag = (e: JSX.TargetedPointerEvent<HTMLSpanElement>) => onDragStart(e);
  return (
    <div class={view.columns.length > 1 ? 'root wide' : 'root'} {...rootAttrs}>
      <div class="head">
        <span class="grip" title={t('overlay_drag')} onPointerDown={onDrag} {...{ [ATTR.action]: 'drag' }}>
          ⠿
        </span>
        <span class="title">{view.title}</span>
        {view.pending && (
          <span class="pending" title={t('overlay_updatingTitle')}>
            {t('overlay_updating')}
          </span>
        )}
        <span class="verdict">{t(RISK_WORD[view.risk])}</span>
        <button
          type="button"
          class="toggle"
          title={t(collapsed ? 'overlay_expand' : 'overlay_collapse')}
          aria-label={t(collapsed ? 'overlay_expand' : 'overlay_collapse')}
          aria-expanded={!collapsed}
          onClick={onToggle}
          {...{ [ATTR.action]: 'collapse' }}
        >
          {collapsed ? '+' : '−'}
        </button>
      </div>
      {/* Outside the collapsible body: announcements go on while collapsed. Polite, and debounced by the mount. */}
      <p style={VISUALLY_HIDDEN} aria-live="polite" aria-atomic="true" {...{ [ATTR.live]: '' }}>
        {announced}
      </p>
      {view.guard && (
        <p class="guard" role="alert">
          {view.guard.text}
        </p>
      )}
      <div class="body">
        <OrderLine text={view.orderLine} />
        <p class="mark">
          <span {...{ [ATTR.figure]: 'markPrice', [ATTR.value]: markLine.value }}>{markLine.text}</span>
          {markLine.ageMs !== null && ' · '}
          {markLine.ageMs !== null && (
            <span {...{ [ATTR.figure]: 'markAgeMs', [ATTR.value]: String(markLine.ageMs) }}>{markLine.ageText}</span>
          )}
        </p>
        {view.banners.map((b) => (
          <p key={b.kind} class={`banner sev-${b.severity}`} {...{ [ATTR.banner]: b.kind }}>
            {b.text}
          </p>
        ))}
        {view.message !== null && <p class="message">{view.message}</p>}
        {view.detail !== null && <ErrorDetail detail={view.detail} />}
        {view.missing.length > 0 && <p class="missing">{t('overlay_missing', [view.missing.join(', ')])}</p>}
        {view.columns.length > 0 && (
          <div class="cols">
            {view.columns.map((c) => (
              <Column key={c.side} column={c} />
            ))}
          </div>
        )}
        {view.state === 'ok' && view.columns.length > 0 && (
          <ChartPanel view={view} open={chartOpen} onToggle={onToggleChart} onClose={onCloseChart} />
        )}
      </div>
    </div>
  );
}
