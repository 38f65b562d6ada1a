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
import { riskAmount, sizeFromRisk, type RiskMode, type SizingOutcome } from './sizing';
import { fieldErrorText, say } from './text';
import { validateRisk } from './validate';

export interface SizingProps {
  scenario: Scenario;
  /** The scenario's engine input (null when it cannot be quoted yet). */
  input: Record<string, unknown> | null;
  /** The balance a percent is taken of (the typed one, else the stored one, else the page's available funds). */
  balance: string | null;
  /** Highest leverage to try: the venue's maximum, or your own maximum when lower. */
  cap: number;
  locale: string;
  format: Formatters;
  edit(patch: Partial<Scenario>): void;
}

function reasonText(outcome: Extract<SizingOutcome, { ok: false }>): string {
  switch (outcome.reason) {
    case 'needsStop':
      return say('popup_sizingNeedsStop', 'Enter a stop-loss to size the position from risk.');
    case 'needsBalance':
      return say('popup_sizingNeedsBalance', 'Enter the wallet balance to take a percent of it.');
    case 'wrongSideStop':
      return say('popup_sizingWrongStop', 'The stop-loss must be on the losing side of the price.');
    case 'nothing':
      return say('popup_sizingNothing', 'Fix the order above first: the size is computed from it.');
    case 'engine':
      return say('popup_error', 'Cannot compute: $1', [outcome.message ?? '']);
  }
}

export function Sizing({ scenario: s, input, balance, cap, locale, format, edit }: SizingProps) {
  const ccy = currencyOf(s.venue, s.symbol.trim());
  const base = baseAsset(s.venue, s.symbol.trim());
  const risk = validateRisk(s.riskMode, s.risk);
  // Sizing replaces the quantity and leverage: a change of those alone (the leverage slider, Apply) keeps the result.
  const key =
    input === null
      ? null
      : JSON.stringify({ ...input, order: { ...(input.order as object), quantity: null, leverage: null } });
  const outcome = useMemo<SizingOutcome | null>(
    () => (risk.ok ? sizeFromRisk(input, riskAmount(s.riskMode, risk.value, balance), cap) : null),
    // `input` is represented by `key`.
    [key, risk.ok ? risk.value : null, s.riskMode, balance, cap],
  );
  const apply = (o: Extract<SizingOutcome, { ok: true }>) => {
    const patch: Partial<Scenario> = { size: inputText(o.quantity, locale), sizeUnit: 'base' };
    if (o.leverage !== null) patch.leverage = inputText(o.leverage, locale);
    edit(patch);
  };
  return (
    <section aria-labelledby="sizing-heading">
      <h2 id="sizing-heading">{say('popup_sizing', 'Position size from risk')}</h2>
      <div class="grid">
        <SelectField<RiskMode>
          id="riskMode"
          label={say('popup_riskBy', 'Risk given as')}
          value={s.riskMode}
          onChange={(riskMode) => edit({ riskMode })}
          options={[
            { value: 'percent', label: say('popup_riskPercentOption', '% of balance') },
            { value: 'amount', label: say('popup_riskAmountOption', 'Amount ($1)', [ccy]) },
          ]}
        />
        <NumberField
          id="risk"
          label={
            s.riskMode === 'amount'
              ? say('popup_riskAmount', 'Risk amount ($1)', [ccy])
              : say('popup_riskPercent', 'Risk (% of balance)')
          }
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
              {say('popup_sizingResult', 'Size $1 at up to $2 loses $3 at the stop, fees included.', [
                `${format.plain(outcome.quantity)} ${base}`,
                outcome.leverage === null
                  ? say('popup_noLeverageFits', 'no leverage (none fits)')
                  : `${outcome.leverage}×`,
                `${format.money(outcome.loss)} ${ccy}`,
              ])}
            </p>
            {outcome.leverage === null ? (
              <p class="note" data-severity="danger">
                {say(
                  'popup_sizingNoFit',
                  'No leverage fits: at every leverage up to $1× the liquidation comes before the stop or too close.',
                  [String(cap)],
                )}
              </p>
            ) : null}
            <button type="button" class="primary" data-action="apply-sizing" onClick={() => apply(outcome)}>
              {say('popup_sizingUse', 'Use this size')}
            </button>
          </>
        ) : (
          <p role="status">{reasonText(outcome)}</p>
        )}
      </div>
    </section>
  );
}
