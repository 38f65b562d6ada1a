// The quote of the scenario → the figures the popup lists, the chart's markers and the notes
// above them. Pure, so the texts and the raw values (data-value, compared with the engine's) are
// unit-tested without a DOM. Every number carries its unit; prices use the venue's tick precision.
import type { QuoteJson } from '../../core/serialize';
import { chartFromQuote } from '../chart/from-quote';
import type { ChartMarker } from '../chart/geometry';
import { decimalsOfTick } from '../overlay/format';
import type { QuotePlan } from '../../venues/quote-input';
import { baseAsset } from '../overlay/units';
import { positionLine } from '../overlay/position-line';
import type { ScenarioOutcome } from './engine';
import type { PageOrigin, Scenario } from './scenario';
import { currencyOf, ownSnapshot } from './scenario';
import { engineErrorText } from '../error-text';
import { t } from '../i18n';
import { fieldOf, formatters, label, LABELS, nullText, valueText, type Formatters } from './figure-text';
import { carryRows, hasMarginCall } from '../figure-words';
import { figureHint } from '../terms';

export { formatters, type Formatters };

export interface FigureLine {
  key: string;
  label: string;
  value: string;
  text: string;
  /** One-line definition, on hover and keyboard focus of the label (src/ui/terms.ts). */
  hint?: string;
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
  /** 'neutral' for an engine input error (nothing wrong with the order: a figure or field is missing); else 'warn'. */
  tone: 'neutral' | 'warn';
  /** State 'error': the engine's technical text, for a collapsed details line only; null otherwise. */
  detail: string | null;
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
    tone: 'warn' as const,
    detail: null,
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
    // The trader's sentence; the engine's own (developer) text only in the collapsed detail.
    const { text, detail } = engineErrorText(result.error, 'popup');
    return { ...empty, notes, state: 'error', tone: 'neutral', message: text, detail };
  }
  const quote = result;
  const positionsUnknown = plan.positionsUnknown.length > 0;
  const order = input.order as Record<string, string>;
  const units = { base: baseAsset(scenario.venue, scenario.symbol.trim()), quote: ccy };
  const lines = LABELS.flatMap(([key, msg]): FigureLine[] => {
    const value = fieldOf(quote, key);
    // The PnL at the stop / take-profit only when one is set; every other figure always (null in words).
    if (value === null && key.startsWith('pnl.')) return [];
    // The margin-call row only where the venue has a margin call (perpetuals liquidate without one).
    if (key === 'marginCallPrice' && !hasMarginCall(quote.venue)) return [];
    const text =
      value === null
        ? nullText(key, quote, plan.needsBalance, positionsUnknown)
        : valueText(key, value, quote, ccy, f, locale);
    const line = { key, label: label(key, msg, quote, locale, scenario.marginMode), value: value ?? '', text };
    const all = key === 'carry.total' ? [line, ...carryRows(quote, units, { locale })] : [line];
    return all.map((l) => ({ ...l, hint: figureHint(l.key, quote.venue, quote.carry.kind) }));
  });
  const markFigure = (input.market as Record<string, unknown> | undefined)?.markPrice;
  const chart = chartOf(quote, order, typeof markFigure === 'string' ? markFigure : null);
  // An order in a market the account already holds: say what it leaves, above the figures (which are for that).
  const position = positionLine(quote, units, { price: { locale, decimals: decimalsOfTick(tick) }, other: { locale } });
  if (position !== null) notes.unshift({ kind: 'position', severity: 'info', text: position.text });
  const liq = lines.find((l) => l.key === 'liquidationPrice')?.text ?? '';
  const dist = lines.find((l) => l.key === 'liquidationDistance')?.text ?? '';
  return {
    state: 'ok',
    message: null,
    tone: 'warn',
    detail: null,
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
