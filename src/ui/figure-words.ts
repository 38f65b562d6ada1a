// Figure rows in a beginner's words, built the same way for the overlay and the popup: every
// carry says "paid" or "received"; spot margin shows what is borrowed and at which rate; Kraken's
// margin opening fee and its rollovers are shown apart (carry.total is both: the rows add up to
// it, nothing is counted twice); the margin-call row only where a venue has a margin call.
import type { VenueId } from '../core/types';
import { absFixed, plainText, shiftFixed, timesInt } from '../core/decimal-text';
import { SPOT_MARGIN_VENUES } from '../venues/labels';
import { formatFixed, formatMoney, formatPercentValue, isZero, toDecimal, type FormatOptions } from './overlay/format';
import { t } from './i18n';

/** A row as both surfaces list it: data-figure key, label, raw value (data-value, "" for null), text. */
export interface WordRow {
  key: string;
  label: string;
  value: string;
  text: string;
}

/** The parts of a quote (wire or JSON) these rows read. */
export interface WordsQuote {
  venue: VenueId;
  carry: { kind: string; opening: string; periodHours: string; periods: string; hours: string; total: string | null };
  details: Partial<Record<string, string | null>>;
}

/** A margin call exists only on spot-margin venues: perpetuals liquidate without one, so no row there. */
export const hasMarginCall = (venue: VenueId): boolean => SPOT_MARGIN_VENUES.has(venue);

/** A carry amount: "none" when exactly zero, "12.40 USDT (paid)", "−3.10 USDT (received)". */
export function carryAmountText(value: string, ccy: string, options: FormatOptions): string {
  if (isZero(value)) return t('common_none');
  const text = `${formatMoney(value, options) ?? value} ${ccy}`;
  return value.startsWith('-') ? t('figure_received', [text]) : t('figure_paid', [text]);
}

const plain = (v: string, locale: string | undefined): string => {
  const dec = toDecimal(v);
  return dec === undefined ? v : formatFixed(dec, Math.min(8, dec.scale), true, locale);
};

/** A rate as a fraction (0.00025) in percent, as many places as it has: "0.025 %". */
function ratePercent(v: string, locale: string | undefined): string {
  const dec = toDecimal(v);
  if (dec === undefined) return v;
  const pct = shiftFixed(absFixed(dec), 2);
  return formatPercentValue(pct, { locale, decimals: Math.min(8, Math.max(2, pct.scale)) });
}

const hoursText = (hours: string, locale: string | undefined): string => t('unit_hours', [plain(hours, locale)]);

/** The label of the carry.total row: Kraken's is the margin opening fee and its rollovers together. */
export function carryTotalLabel(quote: WordsQuote, kindLabel: string, locale: string | undefined): string {
  const hours = hoursText(quote.carry.hours, locale);
  if (quote.carry.kind === 'rollover') return t('figure_marginFeesOver', [hours]);
  return t('figure_carryOver', [kindLabel, hours]);
}

/**
 * The rows that follow carry.total: Kraken's opening fee and rollovers apart, and on spot margin
 * the amount borrowed and the rate charged for it. A figure the quote does not have is left out.
 */
export function carryRows(
  quote: WordsQuote,
  units: { base: string; quote: string },
  options: FormatOptions,
): WordRow[] {
  const { details, carry } = quote;
  const { locale } = options;
  const rows: WordRow[] = [];
  if (carry.kind === 'rollover') {
    rows.push({
      key: 'carry.opening',
      label: t('figure_marginOpeningFee'),
      value: carry.opening,
      text: carryAmountText(carry.opening, units.quote, options),
    });
    const rollover = details.rolloverTotal ?? null;
    rows.push({
      key: 'carry.rollover',
      label: t('figure_rolloverOver', [
        hoursText(carry.hours, locale),
        plain(carry.periods, locale),
        hoursText(carry.periodHours, locale),
      ]),
      value: rollover ?? '',
      text: rollover === null ? t('figure_carryUnknown') : carryAmountText(rollover, units.quote, options),
    });
  }
  if (!SPOT_MARGIN_VENUES.has(quote.venue)) return rows;
  const borrowedQuote = details.borrowedQuote ?? null;
  const borrowedBase = details.borrowedBase ?? null;
  const borrowed = borrowedQuote ?? borrowedBase;
  if (borrowed !== null)
    rows.push({
      key: 'borrowed',
      label: t('figure_borrowed'),
      value: borrowed,
      text:
        borrowedQuote !== null
          ? `${formatMoney(borrowedQuote, options) ?? borrowedQuote} ${units.quote}`
          : `${plain(borrowed, locale)} ${units.base}`,
    });
  const hourly = details.borrowRatePerHour ?? null;
  if (hourly !== null) {
    const dec = toDecimal(hourly);
    const daily = dec === undefined ? hourly : plainText(timesInt(dec, 24));
    rows.push({
      key: 'borrowRate',
      label: t('figure_borrowRate'),
      value: hourly,
      text: t('figure_borrowRateText', [ratePercent(hourly, locale), ratePercent(daily, locale)]),
    });
  }
  const opening = details.openingFeeRate ?? null;
  const rolloverRate = details.rolloverFeeRate ?? null;
  if (opening !== null && rolloverRate !== null)
    rows.push({
      key: 'marginFeeRates',
      label: t('figure_marginFeeRates'),
      value: opening,
      text: t('figure_marginFeeRatesText', [
        ratePercent(opening, locale),
        ratePercent(rolloverRate, locale),
        hoursText(carry.periodHours, locale),
      ]),
    });
  return rows;
}
