// ROE (after fees) at the take-profit and the stop, and risk : reward, as figure rows (issue 12).
// The engine computes them (src/core/returns.ts) into the quote's optional `returns` object; this
// only words them, for the overlay's columns and the popup's returns panel. A row is there only
// when its price is set: ROE at the take-profit with a take-profit, at the stop with a stop, and
// risk : reward with both. No decimal.js here: the overlay runs in the content script.
import { t } from '../i18n';
import { formatFixed, formatFraction, toDecimal } from './format';

export interface ReturnsJsonLike {
  returns?: { roeAtTakeProfit: string | null; roeAtStop: string | null; riskReward: string | null };
}

export interface ReturnsRow {
  /** data-figure: 'roeAtTakeProfit' | 'roeAtStop' | 'riskReward'. */
  key: 'roeAtTakeProfit' | 'roeAtStop' | 'riskReward';
  label: string;
  /** Raw engine decimal (a fraction: 0.25 = 25 %; R:R 2.5 = 1 : 2.5), "" for none. */
  value: string;
  text: string;
}

/** "99.20 %", "−50.72 %": ROE is a fraction of the initial margin. */
export function roeText(value: string, locale: string): string {
  return formatFraction(value, { locale, decimals: 2 }) ?? value;
}

/** "1 : 1.96": the reward per unit of risk. */
export function riskRewardText(value: string, locale: string): string {
  const dec = toDecimal(value);
  return t('figure_riskRewardValue', [dec === undefined ? value : formatFixed(dec, 2, false, locale)]);
}

/**
 * The rows of a quote whose order has a take-profit and/or a stop: `stop` / `takeProfit` say
 * which prices are set (an ROE is null only without its price, or without margin). Risk : reward
 * with both prices set reads "none" when the take-profit does not gain or the stop does not lose.
 */
export function returnsRows(
  quote: ReturnsJsonLike,
  prices: { stopLoss: string | null; takeProfit: string | null },
  locale: string,
): ReturnsRow[] {
  const r = quote.returns;
  if (r === undefined) return [];
  const rows: ReturnsRow[] = [];
  if (prices.takeProfit !== null && r.roeAtTakeProfit !== null)
    rows.push({
      key: 'roeAtTakeProfit',
      label: t('figure_roeAtTakeProfit'),
      value: r.roeAtTakeProfit,
      text: roeText(r.roeAtTakeProfit, locale),
    });
  if (prices.stopLoss !== null && r.roeAtStop !== null)
    rows.push({
      key: 'roeAtStop',
      label: t('figure_roeAtStop'),
      value: r.roeAtStop,
      text: roeText(r.roeAtStop, locale),
    });
  if (prices.stopLoss !== null && prices.takeProfit !== null)
    rows.push({
      key: 'riskReward',
      label: t('figure_riskReward'),
      value: r.riskReward ?? '',
      text: r.riskReward === null ? t('common_none') : riskRewardText(r.riskReward, locale),
    });
  return rows;
}
