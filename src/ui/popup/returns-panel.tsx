// What the exchanges' calculators show beside the liquidation price (issue 12): ROE (after fees)
// at the take-profit and the stop, risk : reward, the exit price for a target ROE, and the
// largest size that opens at this leverage with the balance in use ("Use this size" copies it).
import { useMemo, useState } from 'preact/hooks';
import type { QuoteJson } from '../../core/serialize';
import { formatFraction } from '../overlay/format';
import { returnsRows } from '../overlay/returns-rows';
import { baseAsset } from '../overlay/units';
import { t } from '../i18n';
import type { ScenarioOutcome, ScenarioQuote } from './engine';
import { NumberField } from './fields';
import type { FiguresView, Formatters } from './figures-model';
import { inputText } from './number-text';
import { largestSize, targetForRoe, type MaxSizeOutcome, type TargetOutcome } from './returns-model';
import { currencyOf, type Scenario } from './scenario';

export interface ReturnsProps {
  scenario: Scenario;
  /** The scenario's quote, or the fields to fix. */
  outcome: ScenarioOutcome;
  /** The balance the largest size is taken of (as for sizing: typed, else stored, else the page's). */
  balance: string | null;
  locale: string;
  /** The figures' view: its formatters (prices at the venue's tick). */
  view: Pick<FiguresView, 'format'>;
  edit(patch: Partial<Scenario>): void;
  /** The venue's lot step for this symbol (base asset), when the page's feed gave it; else the engine's default. */
  step?: string | null;
}

function quoteOf(q: ScenarioQuote | null): QuoteJson | null {
  const result = q?.result ?? null;
  return result === null || 'error' in result ? null : result;
}

function targetText(o: TargetOutcome, format: Formatters, ccy: string, locale: string): string {
  if (o.ok) {
    const move = formatFraction(o.move, { locale, decimals: 2 }) ?? o.move;
    return t('popup_targetPrice', [`${format.price(o.price)} ${ccy}`, o.move.startsWith('-') ? move : `+${move}`]);
  }
  if (o.reason === 'liquidated') return t('popup_targetLiquidated');
  if (o.reason === 'noPrice') return t('popup_targetNoPrice');
  return '';
}

function maxText(o: MaxSizeOutcome, leverage: string): string {
  if (o.ok) return '';
  if (o.reason === 'needsBalance') return t('popup_maxSizeNeedsBalance');
  if (o.reason === 'leverage') return t('popup_maxSizeLeverage', [leverage]);
  if (o.reason === 'nothing') return t('popup_maxSizeNothing');
  return '';
}

export function Returns({ scenario: s, outcome, balance, locale, view, edit, step = null }: ReturnsProps) {
  const [roe, setRoe] = useState('');
  const quote = outcome.ok ? outcome.quote : null;
  const format = view.format;
  const json = quoteOf(quote);
  const input = quote?.input ?? null;
  const ccy = currencyOf(s.venue, s.symbol.trim());
  const base = baseAsset(s.venue, s.symbol.trim());
  const order = (input?.order ?? {}) as Record<string, string | undefined>;
  const leverage = `${order.leverage ?? s.leverage}×`;
  const max = useMemo(() => largestSize(json === null ? null : input, balance, step), [json, input, balance, step]);
  if (json === null || input === null) return null;
  const rows = returnsRows(json, { stopLoss: order.stopLoss ?? null, takeProfit: order.takeProfit ?? null }, locale);
  const target = targetForRoe(json, input, roe);
  return (
    <section aria-labelledby="returns-heading" data-returns="">
      <h2 id="returns-heading">{t('popup_returns')}</h2>
      {rows.length > 0 ? (
        <dl class="figures">
          {rows.map((r) => [
            <dt key={`${r.key}-label`}>{r.label}</dt>,
            <dd key={r.key} data-figure={r.key} data-value={r.value}>
              {r.text}
            </dd>,
          ])}
        </dl>
      ) : null}
      {rows.length < 3 ? <p class="hint">{t('popup_returnsNeedsPrices')}</p> : null}
      <p class="hint">{t('popup_returnsDefinition', [`${format.money(json.initialMargin)} ${ccy}`])}</p>
      <div class="grid">
        <NumberField
          id="targetRoe"
          label={t('popup_targetRoe')}
          value={roe}
          unit="%"
          error={!target.ok && target.reason === 'invalid' ? t('error_notANumber') : null}
          onInput={setRoe}
        />
      </div>
      <p role="status" data-target-price={target.ok ? target.price : ''}>
        {targetText(target, format, ccy, locale)}
      </p>
      <div data-max-size={max.ok ? max.limitedBy : max.reason}>
        {max.ok ? (
          <>
            <p role="status" data-value={max.quantity}>
              {t('popup_maxSize', [
                leverage,
                `${format.money(balance ?? '0')} ${ccy}`,
                `${format.plain(max.quantity)} ${base}`,
                `${format.money(max.cost)} ${ccy}`,
              ])}
            </p>
            {max.limitedBy === 'tier' ? <p class="note">{t('popup_maxSizeTier', [leverage])}</p> : null}
            <p class="hint">{t('popup_maxSizeNote')}</p>
            <button
              type="button"
              data-action="apply-max-size"
              onClick={() => edit({ size: inputText(max.quantity, locale), sizeUnit: 'base' })}
            >
              {t('popup_maxSizeUse')}
            </button>
          </>
        ) : (
          <p role="status">{maxText(max, leverage)}</p>
        )}
      </div>
    </section>
  );
}
