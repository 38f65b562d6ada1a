// The scenario's figures (raw engine values in data-value, as the overlay has them), what to
// know about them, the PnL chart, and the warnings and assumptions (collapsible). A polite live
// region says the new liquidation price once the figures settle after a change.
import { useEffect, useRef, useState } from 'preact/hooks';
import { PnlChart } from '../chart/PnlChart';
import type { FiguresView } from './figures-model';
import { say } from './text';

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
      <h2 id="figures-heading">{say('popup_figures', 'Figures')}</h2>
      {view.message ? (
        <p class="message" role="alert">
          {view.message}
        </p>
      ) : null}
      {view.notes.map((n) => (
        <p key={n.kind} class="note" data-note={n.kind} data-severity={n.severity}>
          {n.text}
        </p>
      ))}
      {view.lines.length > 0 ? (
        <dl class="figures">
          {view.lines.map((line) => [
            <dt key={`${line.key}-label`}>{line.label}</dt>,
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
      <h2 id="chart-heading">{say('chart_title', 'Profit and loss by exit price')}</h2>
      <PnlChart
        entry={chart.entry}
        pnl={chart.pnl}
        markers={chart.markers}
        currency={view.currency}
        title={say('chart_title', 'Profit and loss by exit price')}
        width={370}
        height={150}
        formatPrice={view.format.price}
        formatMoney={view.format.money}
        words={{
          price: say('chart_axisPrice', 'Exit price ($1)', [view.currency]),
          pnl: chart.withCarry
            ? say('chart_axisPnlHeld', 'Profit / loss if closed after $2 ($1)', [
                view.currency,
                say('unit_hours', '$1 h', [chart.hours]),
              ])
            : say('chart_axisPnl', 'Profit / loss ($1)', [view.currency]),
          marker: say('chart_marker', 'Marker'),
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
          {say('popup_warnings', 'Warnings')} ({view.warnings.length})
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
          {say('popup_assumptions', 'Assumptions')} ({view.assumptions.length})
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
