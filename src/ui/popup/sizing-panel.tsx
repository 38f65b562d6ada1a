// Position size from risk: the loss accepted at the stop (an amount, or a percent of the
// balance) → the size that loses at most that, fees included, and the highest leverage whose
// liquidation stays beyond the stop. "Apply" copies both into the scenario.
import { useMemo } from 'preact/hooks';
import { NumberField, SelectField } from './fields';
import type { Formatters } from './figures-model';
import { inputText } from './number-text';
import type { Scenario } from './scenario';
import { baseAsset } from '../overlay/units';
import { currencyOf } from './scenario';
import { riskAmount, sizeFromRisk, type OrderSteps, type RiskMode, type SizingOutcome } from './sizing';
import { t } from '../i18n';
import { fieldErrorText } from './text';
import { validateRisk } from './validate';

export interface SizingProps {
  scenario: Scenario;
  /** The scenario's engine input (null when it cannot be quoted yet). */
  input: Record<string, unknown> | null;
  /** The balance a percent is taken of (the typed one, else the stored one, else the page's available funds). */
  balance: string | null;
  /** Highest leverage to try: the venue's maximum, or your own maximum when lower. */
  cap: number;
  /** The venue's lot step (and OKX contract value) from the page's feed; null fields: not known here. */
  steps: OrderSteps;
  locale: string;
  format: Formatters;
  edit(patch: Partial<Scenario>): void;
}

function reasonText(outcome: Extract<SizingOutcome, { ok: false }>, base: string): string {
  switch (outcome.reason) {
    case 'needsStop':
      return t('popup_sizingNeedsStop');
    case 'needsBalance':
      return t('popup_sizingNeedsBalance');
    case 'wrongSideStop':
      return t('popup_sizingWrongStop');
    case 'nothing':
      return t('popup_sizingNothing');
    case 'belowStep':
      return t('popup_sizingBelowStep', [`${outcome.message ?? ''} ${base}`]);
    case 'belowMinimum':
      return t('popup_sizingBelowMinimum', [`${outcome.message ?? ''} ${base}`]);
    case 'engine':
      return t('popup_error', [outcome.message ?? '']);
  }
}

/** How the size was rounded: to the venue's lot step, or (step unknown) to a number of decimals; OKX in contracts too. */
function RoundingNote({
  outcome,
  base,
  format,
}: {
  outcome: Extract<SizingOutcome, { ok: true }>;
  base: string;
  format: Formatters;
}) {
  return (
    <p class="hint" data-sizing-step={outcome.step ?? 'unknown'}>
      {outcome.step === null
        ? t('popup_sizingStepUnknown', [String(outcome.decimals)])
        : t('popup_sizingStep', [`${format.plain(outcome.step)} ${base}`])}
      {outcome.contracts === null ? '' : ` ${t('popup_sizingContracts', [format.plain(outcome.contracts)])}`}
    </p>
  );
}

export function Sizing({ scenario: s, input, balance, cap, steps, locale, format, edit }: SizingProps) {
  const ccy = currencyOf(s.venue, s.symbol.trim());
  const base = baseAsset(s.venue, s.symbol.trim());
  const risk = validateRisk(s.riskMode, s.risk);
  // Sizing replaces the quantity and leverage: a change of those alone (the leverage slider, Apply) keeps the result.
  const key =
    input === null
      ? null
      : JSON.stringify({ ...input, order: { ...(input.order as object), quantity: null, leverage: null } });
  const outcome = useMemo<SizingOutcome | null>(
    () => (risk.ok ? sizeFromRisk(input, riskAmount(s.riskMode, risk.value, balance), cap, steps) : null),
    // `input` is represented by `key`.
    [key, risk.ok ? risk.value : null, s.riskMode, balance, cap, steps.size, steps.contractValue, steps.minimum],
  );
  const apply = (o: Extract<SizingOutcome, { ok: true }>) => {
    const patch: Partial<Scenario> = { size: inputText(o.quantity, locale), sizeUnit: 'base' };
    if (o.leverage !== null) patch.leverage = inputText(o.leverage, locale);
    edit(patch);
  };
  return (
    <section aria-labelledby="sizing-heading">
      <h2 id="sizing-heading">{t('popup_sizing')}</h2>
      <div class="grid">
        <SelectField<RiskMode>
          id="riskMode"
          label={t('popup_riskBy')}
          value={s.riskMode}
          onChange={(riskMode) => edit({ riskMode })}
          options={[
            { value: 'percent', label: t('popup_riskPercentOption') },
            { value: 'amount', label: t('popup_riskAmountOption', [ccy]) },
          ]}
        />
        <NumberField
          id="risk"
          label={s.riskMode === 'amount' ? t('popup_riskAmount', [ccy]) : t('popup_riskPercent')}
          value={s.risk}
          unit={s.riskMode === 'amount' ? ccy : '%'}
          error={risk.ok ? null : fieldErrorText(risk.error, format.plain)}
          onInput={(text) => edit({ risk: text })}
        />
      </div>
      <div data-sizing={outcome === null ? 'invalid' : outcome.ok ? 'ok' : outcome.reason}>
        {outcome === null ? null : outcome.ok ? (
          <>
            <p role="status">
              {t('popup_sizingResult', [
                `${format.plain(outcome.quantity)} ${base}`,
                outcome.leverage === null ? t('popup_noLeverageFits') : `${outcome.leverage}×`,
                `${format.money(outcome.loss)} ${ccy}`,
              ])}
            </p>
            <RoundingNote outcome={outcome} base={base} format={format} />
            {outcome.leverage === null ? (
              <p class="note" data-severity="danger">
                {t('popup_sizingNoFit', [String(cap)])}
              </p>
            ) : null}
            <button type="button" class="primary" data-action="apply-sizing" onClick={() => apply(outcome)}>
              {t('popup_sizingUse')}
            </button>
          </>
        ) : (
          <p role="status">{reasonText(outcome, base)}</p>
        )}
      </div>
    </section>
  );
}
