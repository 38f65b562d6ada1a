// The quote of the scenario → the figures the popup lists, the chart's markers and the notes
// above them. Pure, so the texts and the raw values (data-value, compared with the engine's) are
// unit-tested without a DOM. Every number carries its unit; prices use the venue's tick precision.
import type { QuoteJson } from '../../core/serialize';
import type { VenueId } from '../../core/types';
import { chartFromQuote } from '../chart/from-quote';
import type { ChartMarker } from '../chart/geometry';
import {
  decimalsOfTick,
  formatFraction,
  formatMoney,
  formatPercentValue,
  formatPrice,
  formatRatio,
  toDecimal,
} from '../overlay/format';
import type { QuotePlan } from '../../venues/quote-input';
import { baseAsset } from '../overlay/units';
import { positionLine } from '../overlay/view-columns';
import type { ScenarioOutcome } from './engine';
import type { PageOrigin, Scenario } from './scenario';
import { currencyOf, ownSnapshot } from './scenario';
import { t, type MessageKey } from '../i18n';

export interface FigureLine {
  key: string;
  label: string;
  value: string;
  text: string;
}
export interface Note {
  kind: string;
  severity: 'danger' | 'warn' | 'info';
  text: string;
}

export interface FiguresView {
  /** 'fields': some inputs need a fix; 'no-price': nothing to quote at; 'error': the engine refused. */
  state: 'ok' | 'fields' | 'no-price' | 'error';
  message: string | null;
  currency: string;
  lines: FigureLine[];
  notes: Note[];
  warnings: QuoteJson['warnings'];
  assumptions: string[];
  chart: {
    entry: string;
    pnl: { atEntry: string; slope: string };
    markers: ChartMarker[];
    withCarry: boolean;
    hours: string;
  } | null;
  /** One sentence of the key figures, for the aria-live region. */
  announcement: string;
  format: Formatters;
}

export interface Formatters {
  price(v: string): string;
  money(v: string): string;
  /** A plain decimal in the locale, as many places as it has (sizes, leverage). */
  plain(v: string): string;
}

/** Spot-margin venues have a margin call before liquidation; perpetuals do not. */
const HAS_MARGIN_CALL: ReadonlySet<VenueId> = new Set(['kraken-margin', 'binance-margin']);
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

const LABELS: Array<[string, MessageKey]> = [
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

function fieldOf(quote: QuoteJson, path: string): string | null {
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

function valueText(key: string, value: string, quote: QuoteJson, ccy: string, f: Formatters, locale: string): string {
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
    case 'marginLevel': {
      if (quote.marginLevelUnit === 'ratio') return t('figure_ratio', [formatRatio(value, { locale }) ?? value]);
      const dec = toDecimal(value);
      return dec === undefined ? value : formatPercentValue(dec, { locale });
    }
    case 'carry.total': {
      const text = `${f.money(value)} ${ccy}`;
      return value.startsWith('-') ? t('figure_received', [text]) : text;
    }
    default:
      return `${f.money(value)} ${ccy}`;
  }
}

function nullText(key: string, quote: QuoteJson, needsBalance: boolean, positionsUnknown: boolean): string {
  if (positionsUnknown && BALANCE_FIGURES.has(key)) return t('figure_positionsUnknown');
  const balanceUnknown = needsBalance || quote.warnings.some((w) => w.code === 'CROSS_BALANCE_UNKNOWN');
  if (balanceUnknown && BALANCE_FIGURES.has(key)) return t('figure_enterBalance');
  if (key === 'marginCallPrice') {
    return HAS_MARGIN_CALL.has(quote.venue) ? t('figure_noMarginCallPrice') : t('figure_noMarginCallAtVenue');
  }
  return t('common_none');
}

function label(key: string, msg: MessageKey, quote: QuoteJson, locale: string): string {
  if (key !== 'carry.total') return t(msg);
  const kindKey = CARRY_KEYS[quote.carry.kind] ?? 'figure_carry';
  const hours = t('unit_hours', [
    formatMoney(quote.carry.hours, { locale, decimals: Math.min(2, quote.carry.hours.split('.')[1]?.length ?? 0) }) ??
      quote.carry.hours,
  ]);
  return t('figure_carryOver', [t(kindKey), hours]);
}

/** The chart of the scenario: the shared model of src/ui/chart/from-quote.ts (carry over the holding time in the line). */
function chartOf(
  quote: QuoteJson,
  order: Record<string, string>,
  mark: string | null,
): NonNullable<FiguresView['chart']> {
  const model = chartFromQuote(quote, {
    entry: order.price ?? '',
    mark,
    stopLoss: order.stopLoss ?? null,
    takeProfit: order.takeProfit ?? null,
  });
  return {
    entry: model.entry,
    pnl: model.pnl,
    markers: model.markers,
    withCarry: model.withCarry,
    hours: quote.carry.hours,
  };
}

export interface FiguresInput {
  outcome: ScenarioOutcome;
  scenario: Scenario;
  origin: PageOrigin | null;
  locale: string;
}

export function buildFigures({ outcome, scenario, origin, locale }: FiguresInput): FiguresView {
  const ccy = currencyOf(scenario.venue, scenario.symbol.trim());
  const tick = ownSnapshot(origin, scenario.venue, scenario.symbol.trim())?.figures.tickSize?.value ?? null;
  const f = formatters(locale, tick);
  const empty = {
    currency: ccy,
    lines: [],
    notes: [],
    warnings: [],
    assumptions: [],
    chart: null,
    announcement: '',
    format: f,
  };
  if (!outcome.ok)
    return {
      ...empty,
      state: 'fields',
      message: t('popup_fixFields'),
    };
  const { plan, result, input } = outcome.quote;
  const notes = planNotes(plan);
  if (result === null || input === null)
    return {
      ...empty,
      notes,
      state: 'no-price',
      message: t('overlay_noPrice'),
    };
  if ('error' in result) {
    const { message, path } = result.error;
    return {
      ...empty,
      notes,
      state: 'error',
      message: t('popup_error', [path ? `${message} (${path})` : message]),
    };
  }
  const quote = result;
  const positionsUnknown = plan.positionsUnknown.length > 0;
  const order = input.order as Record<string, string>;
  const lines = LABELS.flatMap(([key, msg]): FigureLine[] => {
    const value = fieldOf(quote, key);
    // The PnL at the stop / take-profit only when one is set; every other figure always (null in words).
    if (value === null && key.startsWith('pnl.')) return [];
    const text =
      value === null
        ? nullText(key, quote, plan.needsBalance, positionsUnknown)
        : valueText(key, value, quote, ccy, f, locale);
    return [{ key, label: label(key, msg, quote, locale), value: value ?? '', text }];
  });
  const markFigure = (input.market as Record<string, unknown> | undefined)?.markPrice;
  const chart = chartOf(quote, order, typeof markFigure === 'string' ? markFigure : null);
  // An order in a market the account already holds: say what it leaves, above the figures (which are for that).
  const position = positionLine(
    quote,
    { base: baseAsset(scenario.venue, scenario.symbol.trim()), quote: ccy },
    { price: { locale, decimals: decimalsOfTick(tick) }, other: { locale } },
  );
  if (position !== null) notes.unshift({ kind: 'position', severity: 'info', text: position.text });
  const liq = lines.find((l) => l.key === 'liquidationPrice')?.text ?? '';
  const dist = lines.find((l) => l.key === 'liquidationDistance')?.text ?? '';
  return {
    state: 'ok',
    message: null,
    currency: ccy,
    lines,
    notes,
    warnings: quote.warnings,
    assumptions: quote.assumptions,
    chart,
    announcement: t('popup_figuresChanged', [liq, dist]),
    format: f,
  };
}

/** planQuote's verdicts worth saying above the figures (the page's stale mark, missing balance, positions that cannot be weighed). */
function planNotes(plan: QuotePlan): Note[] {
  const notes: Note[] = [];
  if (plan.priceBasis === 'limit' && plan.markState === 'stale')
    notes.push({
      kind: 'mark-stale',
      severity: 'warn',
      text: t('popup_markStale'),
    });
  if (plan.priceBasis === 'stale-mark')
    notes.push({
      kind: 'mark-stale',
      severity: 'danger',
      text: t('popup_markStaleUsed'),
    });
  if (plan.positionsUnknown.length > 0) {
    notes.push({
      kind: 'positions-unknown',
      severity: 'danger',
      text: t('popup_positionsUnknown', [plan.positionsUnknown.join(', ')]),
    });
  }
  if (plan.needsBalance)
    notes.push({
      kind: 'balance',
      severity: 'warn',
      text: t('popup_needsBalance'),
    });
  if (plan.lossLimitUnchecked)
    notes.push({
      kind: 'loss-limit',
      severity: 'info',
      text: t('overlay_lossLimitUnchecked'),
    });
  return notes;
}
