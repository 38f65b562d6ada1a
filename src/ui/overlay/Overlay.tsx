// The overlay's Preact components: text only (Preact creates text nodes, never HTML), and
// display only: the sole controls are collapse and the drag handle (reference B.4: nothing a
// hidden-overlay clickjack could use against the exchange).
import type { JSX } from 'preact';
import { ATTR } from './contract';
import type { OverlayView, Risk, SideColumn } from './view-model';

const RISK_WORD: Record<Risk, string> = { danger: 'DANGER', warn: 'CAUTION', ok: 'OK' };
const SIDE_TITLE = { long: 'Long / Buy', short: 'Short / Sell' } as const;

export interface OverlayProps {
  view: OverlayView;
  collapsed: boolean;
  dimmed: boolean;
  onToggle: () => void;
  onDragStart: (event: PointerEvent) => void;
}

function Column({ column }: { column: SideColumn }) {
  return (
    <section class={`col risk-${column.risk}`} {...{ [ATTR.side]: column.side }}>
      <h3>{SIDE_TITLE[column.side]}</h3>
      <dl>
        {column.figures.map((f) => (
          <div key={f.key} style="display: contents">
            <dt>{f.label}</dt>
            <dd {...{ [ATTR.figure]: f.key, [ATTR.value]: f.value }}>{f.text}</dd>
          </div>
        ))}
      </dl>
      {column.warnings.length > 0 && (
        <ul class="warnings">
          {column.warnings.map((w) => (
            <li key={w.code} class={`sev-${w.severity}`} hidden={w.inBanner} {...{ [ATTR.warning]: w.code, [ATTR.severity]: w.severity }}>{w.message}</li>
          ))}
        </ul>
      )}
      {column.assumptions.length > 0 && (
        <details>
          <summary>details</summary>
          <ul>{column.assumptions.map((a, i) => <li key={i}>{a}</li>)}</ul>
        </details>
      )}
    </section>
  );
}

export function Overlay({ view, collapsed, dimmed, onToggle, onDragStart }: OverlayProps) {
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
  };
  const { markLine } = view;
  const onDrag = (e: JSX.TargetedPointerEvent<HTMLSpanElement>) => onDragStart(e);
  return (
    <div class={view.columns.length > 1 ? 'root wide' : 'root'} {...rootAttrs}>
      <div class="head">
        <span class="grip" title="Drag to move" onPointerDown={onDrag} {...{ [ATTR.action]: 'drag' }}>⠿</span>
        <span class="title">{view.title}</span>
        {view.pending && <span class="pending" title="The form changed; new figures are on their way">updating…</span>}
        <span class="verdict">{RISK_WORD[view.risk]}</span>
        <button type="button" class="toggle" title={collapsed ? 'Expand' : 'Collapse'} aria-expanded={!collapsed} onClick={onToggle} {...{ [ATTR.action]: 'collapse' }}>
          {collapsed ? '+' : '−'}
        </button>
      </div>
      {view.guard && <p class="guard" role="alert">{view.guard.text}</p>}
      <div class="body">
        <p class="mark">
          <span {...{ [ATTR.figure]: 'markPrice', [ATTR.value]: markLine.value }}>{markLine.text}</span>
          {markLine.ageMs !== null && ' · '}
          {markLine.ageMs !== null && <span {...{ [ATTR.figure]: 'markAgeMs', [ATTR.value]: String(markLine.ageMs) }}>{markLine.ageText}</span>}
        </p>
        {view.banners.map((b) => (
          <p key={b.kind} class={`banner sev-${b.severity}`} {...{ [ATTR.banner]: b.kind }}>{b.text}</p>
        ))}
        {view.message !== null && <p class="message">{view.message}</p>}
        {view.missing.length > 0 && <p class="missing">Missing: {view.missing.join(', ')}</p>}
        {view.columns.length > 0 && (
          <div class="cols">{view.columns.map((c) => <Column key={c.side} column={c} />)}</div>
        )}
      </div>
    </div>
  );
}
