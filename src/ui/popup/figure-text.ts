// The popup's figure lines in words: each figure's label, its value with its unit (prices at the
// venue's tick precision), and what a missing figure says instead. Split from figures-model.ts,
// which assembles the lines, the chart and the notes.
import type { QuoteJson } from '../../core/serialize';
import { decimalsOfTick, formatFraction, formatMoney, formatPrice } from '../overlay/format';
import { t, type MessageKey } from '../i18n';
import { carryAmountText, carryTotalLabel } from '../figure-words';
import { marginLevelName, marginLevelText } from '../terms';
import type { MarginMode } from '../../core/types';

export interface Formatters {
  price(v: string): string;
  money(v: string): string;
  /** A plain decimal in the locale, as many places as it has (sizes, leverage). */
  plain(v: string): string;
}

const BALANCE_FIGURES: ReadonlySet<string> = new Set([
  'liquidationPrice',
  'liquidationDistance',
  'marginCallPrice',
  'marginLevel',
]);

export function formatters(locale: string, tick: string | null): Formatters {
  const decimals = decimalsOfTick(tick);
  return {
    price: (v) => formatPrice(v, decimals === undefined ? { locale } : { locale, decimals }) ?? v,
    money: (v) => formatMoney(v, { locale }) ?? v,
    plain: (v) => {
      const places = v.split('.')[1]?.length ?? 0;
      return formatMoney(v, { locale, decimals: places }) ?? v;
    },
  };
}

export const LABELS: Array<[string, MessageKey]> = [
  ['liquidationPrice', 'figure_liquidationPrice'],
  ['liquidationDistance', 'figure_liquidationDistance'],
  ['marginCallPrice', 'figure_marginCallPrice'],
  ['marginLevel', 'figure_marginLevel'],
  ['notional', 'figure_notional'],
  ['initialMargin', 'figure_initialMargin'],
  ['maintenanceMargin', 'figure_maintenanceMargin'],
  ['fees.open', 'figure_openingFee'],
  ['fees.close', 'figure_closingFee'],
  ['carry.total', 'figure_carry'],
  ['breakEvenPrice', 'figure_breakEvenPrice'],
  ['pnl.atStop', 'figure_pnlAtStop'],
  ['pnl.atTakeProfit', 'figure_pnlAtTakeProfit'],
];
const CARRY_KEYS: Record<string, MessageKey> = {
  funding: 'figure_funding',
  interest: 'figure_interest',
  rollover: 'figure_rollover',
};

export function fieldOf(quote: QuoteJson, path: string): string | null {
  const [head = '', tail] = path.split('.');
  const value: unknown = (quote as unknown as Record<string, unknown>)[head];
  const inner =
    tail === undefined
      ? value
      : typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[tail]
        : undefined;
  return typeof inner === 'string' ? inner : null;
}

export function valueText(
  key: string,
  value: string,
  quote: QuoteJson,
  ccy: string,
  f: Formatters,
  locale: string,
): string {
  switch (key) {
    case 'liquidationPrice':
    case 'marginCallPrice':
    case 'breakEvenPrice':
      return `${f.price(value)} ${ccy}`;
    case 'pnl.atStop':
    case 'pnl.atTakeProfit':
      return `${value.startsWith('-') ? '' : '+'}${f.money(value)} ${ccy}`;
    case 'liquidationDistance':
      return formatFraction(value, { locale }) ?? value;
    case 'marginLevel':
      return marginLevelText(value, quote, { locale });
    case 'carry.total':
      return carryAmountText(value, ccy, { locale });
    default:
      return `${f.money(value)} ${ccy}`;
  }
}

export function nullText(key: string, quote: QuoteJson, needsBalance: boolean, positionsUnknown: boolean): string {
  if (positionsUnknown && BALANCE_FIGURES.has(key)) return t('figure_positionsUnknown');
  const balanceUnknown = needsBalance || quote.warnings.some((w) => w.code === 'CROSS_BALANCE_UNKNOWN');
  if (balanceUnknown && BALANCE_FIGURES.has(key)) return t('figure_enterBalance');
  if (key === 'marginCallPrice') return t('figure_noMarginCallPrice');
  // A null carry is a rate the feed has not given: unknown, not zero (a zero carry is "0").
  if (key === 'carry.total') return t('figure_carryUnknown');
  return t('common_none');
}

export function label(key: string, msg: MessageKey, quote: QuoteJson, locale: string, mode: MarginMode): string {
  if (key === 'marginLevel') return marginLevelName(quote.venue, mode);
  if (key !== 'carry.total') return t(msg);
  return carryTotalLabel(quote, t(CARRY_KEYS[quote.carry.kind] ?? 'figure_carry'), locale);
}
