// The popup's summary, sticky at the top while the rest scrolls: the liquidation price and its
// distance, coloured by the overlay's own risk grading (columnRisk, one rule for both surfaces),
// with the overlay's verdict word so the grade is not told by colour alone.
import type { WireQuote } from '../../messaging/messages';
import type { Settings } from '../../settings/settings';
import { t, type MessageKey } from '../i18n';
import { columnRisk } from '../overlay/risk';
import type { Risk } from '../overlay/view-types';
import type { ScenarioOutcome } from './engine';
import type { FiguresView } from './figures-model';

const RISK_WORD: Record<Risk, MessageKey> = {
  danger: 'overlay_verdictDanger',
  warn: 'overlay_verdictWarn',
  ok: 'overlay_verdictOk',
  neutral: 'overlay_verdictNeutral',
};

/** The scenario's risk as the overlay grades a side; 'neutral' while there are no figures. */
export function summaryRisk(outcome: ScenarioOutcome, settings: Settings): Risk {
  if (!outcome.ok) return 'neutral';
  const result = outcome.quote.result;
  if (result === null || 'error' in result) return 'neutral';
  return columnRisk(result as WireQuote, settings);
}

export function Summary({ view, risk }: { view: FiguresView; risk: Risk }) {
  const line = (key: string) => view.lines.find((l) => l.key === key);
  const price = line('liquidationPrice');
  const distance = line('liquidationDistance');
  return (
    <section class="summary" data-risk={risk} aria-labelledby="summary-heading" data-summary="">
      <h2 id="summary-heading" class="visually-hidden">
        {t('popup_summary')}
      </h2>
      <span class="verdict">{t(RISK_WORD[risk])}</span>
      {price === undefined ? (
        <span class="summary-empty">{t('popup_summaryEmpty')}</span>
      ) : (
        <span class="summary-figures">
          <span class="summary-label">{price.label}</span>{' '}
          <strong data-summary-figure="liquidationPrice" data-value={price.value}>
            {price.text}
          </strong>
          {distance !== undefined && distance.value !== '' && (
            <>
              {' · '}
              <span data-summary-figure="liquidationDistance" data-value={distance.value}>
                {distance.text}
              </span>
            </>
          )}
        </span>
      )}
    </section>
  );
}
