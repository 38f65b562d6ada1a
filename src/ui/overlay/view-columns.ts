// One column of the overlay per quoted side: the figures with their labels and texts, the side's
// risk colour, warnings, assumptions and chart, plus the sentence the live region announces.
import type { Side } from '../../core/types';
import { isWireError, type WireQuote, type WireResult } from '../../messaging/messages';
import type { Settings } from '../../settings/settings';
import type { OrderForm } from '../../venues/types';
import { chartFromQuote } from '../chart/from-quote';
import { t, type MessageKey } from '../i18n';
import { FIGURES } from './contract';
import { formatFixed, formatFraction, formatMoney, formatPrice, toDecimal, type FormatOptions } from './format';
import { baseAsset, quoteCurrency } from './units';
import { carryAmountText, carryRows, carryTotalLabel, hasMarginCall } from '../figure-words';
import { figureHint, marginLevelName, marginLevelText } from '../terms';
import { positionLine } from './position-line';
import { returnsRows } from './returns-rows';
import { columnRisk, worse } from './risk';
import { sideTitle } from './view-text';
import type { ChartView, MarketInfo, SideColumn, SideQuote, FigureRow } from './view-types';

const LABEL_KEYS: Record<(typeof FIGURES)[number], MessageKey> = {
  liquidationPrice: 'figure_liquidationPrice',
  liquidationDistance: 'figure_liquidationDistance',
  marginCallPrice: 'figure_marginCallPrice',
  marginLevel: 'figure_marginLevel',
  initialMargin: 'figure_initialMargin',
  maintenanceMargin: 'figure_maintenanceMargin',
  'fees.open': 'figure_openingFee',
  'fees.close': 'figure_closingFee',
  'carry.total': 'figure_carry',
  breakEvenPrice: 'figure_breakEvenPrice',
};

const CARRY_KEYS: Record<string, MessageKey> = {
  funding: 'figure_funding',
  interest: 'figure_interest',
  rollover: 'figure_rollover',
};

export { worse };

export function isError(result: WireResult): result is Extract<WireResult, { error: unknown }> {
  return isWireError(result);
}

function fieldOf(quote: WireQuote, path: string): string | null {
  const [head = '', tail] = path.split('.');
  const value: unknown = (quote as unknown as Record<string, unknown>)[head];
  if (tail === undefined) return typeof value === 'string' ? value : null;
  const inner = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[tail] : undefined;
  return typeof inner === 'string' ? inner : null;
}

/** Formatting of one view: prices at the venue's tick precision when the feed gave it. */
export interface Formats {
  price: FormatOptions;
  other: FormatOptions;
}

function figureText(key: (typeof FIGURES)[number], value: string, quote: WireQuote, ccy: string, f: Formats): string {
  switch (key) {
    case 'liquidationPrice':
    case 'marginCallPrice':
    case 'breakEvenPrice':
      return `${formatPrice(value, f.price) ?? value} ${ccy}`;
    case 'liquidationDistance':
      return formatFraction(value, f.other) ?? value;
    case 'marginLevel':
      return marginLevelText(value, quote, f.other);
    case 'carry.total':
      return carryAmountText(value, ccy, f.other);
    default:
      return `${formatMoney(value, f.other) ?? value} ${ccy}`;
  }
}

/** Figures the engine leaves null for cross margin until it knows the account balance. */
const BALANCE_FIGURES: ReadonlySet<string> = new Set([
  'liquidationPrice',
  'liquidationDistance',
  'marginCallPrice',
  'marginLevel',
]);

/**
 * Why a figure is null, in words (the warnings say more). "Needs your balance", "the venue has
 * none" and "no price reaches it" are different answers: Kraken has a margin call, it just cannot
 * be placed without the balance, or lies below zero for a well-funded account.
 */
function nullText(key: (typeof FIGURES)[number], plan: SideQuote['plan'], quote: WireQuote): string {
  if ((plan.positionsUnknown.length > 0 || plan.positionsTooMany) && BALANCE_FIGURES.has(key))
    return t('figure_positionsUnknown');
  const balanceUnknown = plan.needsBalance || quote.warnings.some((w) => w.code === 'CROSS_BALANCE_UNKNOWN');
  if (balanceUnknown && BALANCE_FIGURES.has(key)) return t('figure_enterBalance');
  if (key === 'marginCallPrice') return t('figure_noMarginCallPrice');
  // A null carry is a rate the feed has not given: unknown, not zero (a zero carry is "0").
  if (key === 'carry.total') return t('figure_carryUnknown');
  return t('common_none');
}

export function hoursText(hours: string, f: Formats): string {
  const dec = toDecimal(hours);
  return t('unit_hours', [dec === undefined ? hours : formatFixed(dec, 2, true, f.other.locale)]);
}

/**
 * The chart of one side: the engine's PnL line anchored at the price the engine used (the limit
 * price, or the mark of the same market for a market order), with every price the column shows.
 * Null when that price is not known here. The line includes the carry over the holding time
 * (src/ui/chart/from-quote.ts), so it crosses zero at the break-even shown in the column.
 */
function chartOf(
  side: Side,
  quote: WireQuote,
  plan: SideQuote['plan'],
  form: OrderForm,
  market: MarketInfo | null,
  ccy: string,
  f: Formats,
): ChartView | null {
  const mark =
    market !== null && market.venue === form.venue && market.symbol === form.symbol
      ? (market.mark?.value ?? null)
      : null;
  const entry =
    plan.priceBasis === 'limit'
      ? form.price
      : plan.priceBasis === 'mark' || plan.priceBasis === 'stale-mark'
        ? mark
        : null;
  if (entry === null || toDecimal(entry) === undefined) return null;
  const model = chartFromQuote(quote, { entry, mark, stopLoss: form.stopLoss, takeProfit: form.takeProfit });
  const pnlCaption = model.withCarry
    ? t('chart_axisPnlHeld', [ccy, hoursText(quote.carry.hours, f)])
    : t('chart_axisPnl', [ccy]);
  return {
    title: `${t('chart_title')} — ${sideTitle(side)}`,
    entry,
    pnl: model.pnl,
    markers: model.markers,
    currency: ccy,
    pnlCaption,
  };
}

/** The row with its one-line definition (shown on hover and keyboard focus of the label). */
function withHint(row: FigureRow, quote: WireQuote): FigureRow {
  const hint = figureHint(row.key, quote.venue, quote.carry.kind);
  return hint === undefined ? row : { ...row, hint };
}

export function column(
  side: Side,
  quote: WireQuote,
  plan: SideQuote['plan'],
  form: OrderForm,
  settings: Settings,
  market: MarketInfo | null,
  f: Formats,
): SideColumn {
  const ccy = quoteCurrency(form.venue, form.symbol);
  const units = { base: baseAsset(form.venue, form.symbol), quote: ccy };
  // The margin-call row only where the venue has a margin call (perpetuals liquidate without one).
  const shown = FIGURES.filter((key) => key !== 'marginCallPrice' || hasMarginCall(quote.venue));
  const figures = shown.flatMap((key): FigureRow[] => {
    const value = fieldOf(quote, key);
    const carry = CARRY_KEYS[quote.carry.kind];
    const label =
      key === 'carry.total'
        ? carryTotalLabel(quote, t(carry ?? 'figure_carry'), f.other.locale)
        : key === 'marginLevel'
          ? marginLevelName(quote.venue, form.marginMode)
          : t(LABEL_KEYS[key]);
    const row: FigureRow = {
      key,
      label,
      value: value ?? '',
      text: value === null ? nullText(key, plan, quote) : figureText(key, value, quote, ccy, f),
    };
    const rows = key === 'carry.total' ? [row, ...carryRows(quote, units, f.other)] : [row];
    return rows.map((r) => withHint(r, quote));
  });
  // ROE (after fees) and risk : reward when the order has a take-profit / stop (issue 12).
  figures.push(...returnsRows(quote, form, f.other.locale ?? 'en'));
  // The chart is built on its first read, and only the open chart panel reads it (ChartPanel.tsx):
  // a keystroke with the panel closed, the usual case, pays nothing for it (issue 15).
  let chart: ChartView | null | undefined;
  return {
    side,
    risk: columnRisk(quote, settings),
    figures,
    warnings: quote.warnings.map((w) => ({
      code: w.code,
      severity: w.severity,
      message: w.message,
      inBanner: w.code === 'CROSS_BALANCE_UNKNOWN',
    })),
    assumptions: quote.assumptions,
    get chart(): ChartView | null {
      if (chart === undefined) chart = chartOf(side, quote, plan, form, market, ccy, f);
      return chart;
    },
    position: positionLine(quote, units, f),
  };
}

/** "Long / Buy: Liquidation price 58,850.5 USDT, Distance to liquidation 9.46 %" per column. */
export function announcement(columns: SideColumn[]): string {
  return columns
    .map((c) => {
      const shown = c.figures
        .filter((r) => r.key === 'liquidationPrice' || r.key === 'liquidationDistance')
        .map((r) => `${r.label} ${r.text}`);
      return `${sideTitle(c.side)}: ${shown.join(', ')}`;
    })
    .join('. ');
}
