// The overlay's Preact components: text only (Preact creates text nodes, never HTML), and
// display only: the controls are collapse, the details and chart panels, the drag handle, and teach
// mode and the page report (PageTools.tsx) — reference B.4: nothing a hidden-overlay clickjack could
// use against the exchange (teach mode swallows clicks, a report holds no digit).
// One column wide (issue 12): the head, the compact liquidation lines (Compact.tsx), the guard,
// then the body: mark line, banners, the full figure list behind "Details" (Column.tsx) and the
// chart (ChartPanel.tsx). A line under the head is a <p> after .head; a figure row is a FigureRow.
import type { JSX } from 'preact';
import { t, type MessageKey } from '../i18n';
import { ChartPanel } from './ChartPanel';
import { Column } from './Column';
import { Compact } from './Compact';
import { ATTR } from './contract';
import { ErrorDetail } from '../error-detail';
import { OrderLine } from './OrderLine';
import { PageCheck } from './PageCheck';
import { PageToolsLine, TeachPanel } from './PageTools';
import { showsToolsLine, type PageTools, type ToolActions } from './tools-types';
import type { OverlayView, Risk } from './view-model';
import { VISUALLY_HIDDEN } from '../visually-hidden';

const RISK_WORD: Record<Risk, MessageKey> = {
  danger: 'overlay_verdictDanger',
  warn: 'overlay_verdictWarn',
  ok: 'overlay_verdictOk',
  neutral: 'overlay_verdictNeutral',
};

/** The details panel's element (aria-controls), scoped to our shadow root like the chart's. */
const DETAILS_ID = 'mp-details';

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
  /** The full figure list, closed by default (the compact lines show the key figures). */
  detailsOpen?: boolean;
  onToggleDetails?: () => void;
  /** What the aria-live region says now (the mount debounces it). */
  announced?: string;
  /** Teach mode and the page report; without actions (tests of the figures alone) they are not drawn. */
  tools?: PageTools;
  actions?: ToolActions;
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
  detailsOpen = false,
  onToggleDetails,
  announced = '',
  tools,
  actions,
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
    [ATTR.taught]: tools && tools.taught.length > 0 ? tools.taught.join(',') : undefined,
    [ATTR.taughtLost]: tools?.lost ? '' : undefined,
  };
  const figures = view.state === 'ok' && view.columns.length > 0;
  const { markLine } = view;
  const onDrag = (e: JSX.TargetedPointerEvent<HTMLSpanElement>) => onDragStart(e);
  return (
    <div class="root" {...rootAttrs}>
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
      {figures && <Compact view={view} />}
      {view.guard && (
        <p class="guard" role="alert">
          {view.guard.text}
        </p>
      )}
      {tools?.teaching && actions && <TeachPanel panel={tools.teaching} actions={actions} />}
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
        <PageCheck check={view.pageCheck} />
        {view.detail !== null && <ErrorDetail detail={view.detail} />}
        {view.missing.length > 0 && <p class="missing">{t('overlay_missing', [view.missing.join(', ')])}</p>}
        {view.columns.length > 0 && (
          <button
            type="button"
            class="details-toggle"
            aria-expanded={detailsOpen}
            aria-controls={DETAILS_ID}
            onClick={onToggleDetails}
            {...{ [ATTR.action]: 'details' }}
          >
            {t(detailsOpen ? 'overlay_hideDetails' : 'overlay_details')}
          </button>
        )}
        {view.columns.length > 0 && (
          <div
            id={DETAILS_ID}
            class="cols"
            hidden={!detailsOpen}
            {...{ [ATTR.details]: detailsOpen ? 'open' : 'closed' }}
          >
            {view.columns.map((c) => (
              <Column key={c.side} column={c} />
            ))}
          </div>
        )}
        {figures && <ChartPanel view={view} open={chartOpen} onToggle={onToggleChart} onClose={onCloseChart} />}
        {tools && actions && showsToolsLine(tools, view.columns.length > 0, detailsOpen) && (
          <PageToolsLine tools={tools} actions={actions} />
        )}
      </div>
    </div>
  );
}
