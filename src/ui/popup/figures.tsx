// The scenario's figures (raw engine values in data-value, as the overlay has them), what to
// know about them, the PnL chart, and the warnings and assumptions (collapsible). A polite live
// region says the new liquidation price once the figures settle after a change.
import { useEffect, useRef, useState } from 'preact/hooks';
import { PnlChart } from '../chart/PnlChart';
import type { FiguresView } from './figures-model';
import { ErrorDetail } from '../error-detail';
import { TermDt } from '../term';
import { t } from '../i18n';

/** Announced this long after the last change: dragging a slider does not read out every step. */
export const ANNOUNCE_DELAY_MS = 500;

export function LiveAnnouncement({ text }: { text: string }) {
  const [said, setSaid] = useState('');
  const first = useRef(true);
  useEffect(() => {
    // Not on opening: the figures are on screen already, and nothing changed yet.
    if (first.current) {
      first.current = false;
      return undefined;
    }
    const timer = setTimeout(() => setSaid(text), ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <p class="visually-hidden" aria-live="polite" data-announce>
      {said}
    </p>
  );
}

export function Figures({ view }: { view: FiguresView }) {
  return (
    <section aria-labelledby="figures-heading" data-state={view.state}>
      <h2 id="figures-heading">{t('popup_figures')}</h2>
      {view.message ? (
        <p class="message" role={view.tone === 'neutral' ? 'status' : 'alert'} data-tone={view.tone}>
          {view.message}
        </p>
      ) : null}
      {view.detail !== null && <ErrorDetail detail={view.detail} />}
      {view.notes.map((n) => (
        <p key={n.kind} class="note" data-note={n.kind} data-severity={n.severity}>
          {n.text}
        </p>
      ))}
      {view.lines.length > 0 ? (
        <dl class="figures">
          {view.lines.map((line) => [
            <TermDt key={`${line.key}-label`} label={line.label} hint={line.hint} id={`term-${line.key}`} />,
            <dd key={line.key} data-figure={line.key} data-value={line.value}>
              {line.text}
            </dd>,
          ])}
        </dl>
      ) : null}
      <LiveAnnouncement text={view.announcement} />
    </section>
  );
}

export function Chart({ view }: { view: FiguresView }) {
  const chart = view.chart;
  if (chart === null || chart.entry === '') return null;
  return (
    <section aria-labelledby="chart-heading">
      <h2 id="chart-heading">{t('chart_title')}</h2>
      <PnlChart
        entry={chart.entry}
        pnl={chart.pnl}
        markers={chart.markers}
        currency={view.currency}
        title={t('chart_title')}
        width={370}
        height={150}
        formatPrice={view.format.price}
        formatMoney={view.format.money}
        words={{
          price: t('chart_axisPrice', [view.currency]),
          pnl: chart.withCarry
            ? t('chart_axisPnlHeld', [view.currency, t('unit_hours', [chart.hours])])
            : t('chart_axisPnl', [view.currency]),
          marker: t('chart_marker'),
        }}
      />
    </section>
  );
}

export function WarningsAndAssumptions({ view }: { view: FiguresView }) {
  if (view.state !== 'ok') return null;
  return (
    <>
      <details open={view.warnings.some((w) => w.severity === 'danger')}>
        <summary>
          {t('popup_warnings')} ({view.warnings.length})
        </summary>
        <ul>
          {view.warnings.map((w, i) => (
            <li key={`${w.code}-${i}`} data-warning={w.code} data-severity={w.severity}>
              {w.message}
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>
          {t('popup_assumptions')} ({view.assumptions.length})
        </summary>
        <ul>
          {view.assumptions.map((a, i) => (
            <li key={i}>{a}</li>
          ))}
        </ul>
      </details>
    </>
  );
}
