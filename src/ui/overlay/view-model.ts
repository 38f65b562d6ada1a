// Quote JSON + plan + form reading → what the overlay shows. Pure and synchronous, so the
// states, risk colours and texts are unit-tested without a DOM, and the content script's
// render is a cheap Preact diff of this object.
import type { QuoteResult } from '../../core/quote';
import type { QuoteJson } from '../../core/serialize';
import type { Side } from '../../core/types';
import type { Settings } from '../../settings/settings';
import type { QuotePlan, MarkState } from '../../venues/quote-input';
import { isFresh, type FormReading, type MarketFigureKey, type MarketSnapshot, type OrderForm } from '../../venues/types';
import { FIGURES, type OverlayState } from './contract';
import { formatAge, formatFixed, formatFraction, formatMoney, formatPercentValue, formatPrice, formatRatio, toDec } from './format';
import { guardText } from './guard-text';
import { quoteCurrency, VENUE_LABEL } from './units';

export type Risk = 'danger' | 'warn' | 'ok';
export type Severity = 'danger' | 'warn' | 'info';

/** One quoted side: the plan from planQuote and the engine's answer (null without a price). */
export interface SideQuote {
  side: Side;
  plan: QuotePlan;
  result: QuoteResult | null;
}

/** A submit the guard held back: which codes, for which side (null = every quoted side), how. */
export interface GuardNotice {
  codes: string[];
  side: Side | null;
  via: 'click' | 'enter';
}

export interface OverlayModel {
  reading: FormReading;
  quotes: SideQuote[];
  snapshot: MarketSnapshot | null;
  settings: Settings;
  guard: GuardNotice | null;
  now: number;
}

export interface FigureRow { key: string; label: string; value: string; text: string }
/** `inBanner`: the same point is made by a banner above the columns; kept in the DOM, not shown twice. */
export interface WarningRow { code: string; severity: Severity; message: string; inBanner: boolean }
export interface SideColumn { side: Side; risk: Risk; figures: FigureRow[]; warnings: WarningRow[]; assumptions: string[] }
export interface Banner { kind: 'mark-stale' | 'mark-missing' | 'balance' | 'stale-figures' | 'feed'; severity: Severity; text: string }
export interface MarkLine { value: string; text: string; ageMs: number | null; ageText: string }

export interface OverlayView {
  state: OverlayState;
  mark: MarkState;
  risk: Risk;
  title: string;
  markLine: MarkLine;
  /** Sentence for the non-'ok' states. */
  message: string | null;
  missing: string[];
  banners: Banner[];
  columns: SideColumn[];
  guard: { codes: string[]; text: string } | null;
}

const LABELS: Record<(typeof FIGURES)[number], string> = {
  liquidationPrice: 'Liquidation price',
  liquidationDistance: 'Distance to liquidation',
  marginCallPrice: 'Margin-call price',
  marginLevel: 'Margin level',
  initialMargin: 'Initial margin',
  maintenanceMargin: 'Maintenance margin',
  'fees.open': 'Fee to open',
  'fees.close': 'Fee to close',
  'carry.total': 'Carry',
  breakEvenPrice: 'Break-even price',
};

const CARRY_LABEL: Record<string, string> = { funding: 'Funding', interest: 'Interest', rollover: 'Rollover' };

const FIGURE_NAMES: Partial<Record<MarketFigureKey, string>> = {
  fundingRate: 'funding rate',
  fundingIntervalHours: 'funding interval',
  maxLeverage: 'maximum leverage',
  marginCallLevel: 'margin-call level',
  liquidationLevel: 'liquidation level',
};

const RISK_ORDER: Risk[] = ['ok', 'warn', 'danger'];
const worse = (a: Risk, b: Risk): Risk => (RISK_ORDER.indexOf(a) >= RISK_ORDER.indexOf(b) ? a : b);

function isError(result: QuoteResult): result is Extract<QuoteResult, { error: unknown }> {
  return 'error' in result;
}

function fieldOf(quote: QuoteJson, path: string): string | null {
  const [head = '', tail] = path.split('.');
  const value: unknown = (quote as unknown as Record<string, unknown>)[head];
  if (tail === undefined) return typeof value === 'string' ? value : null;
  const inner = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[tail] : undefined;
  return typeof inner === 'string' ? inner : null;
}

function figureText(key: (typeof FIGURES)[number], value: string, quote: QuoteJson, ccy: string): string {
  switch (key) {
    case 'liquidationPrice': case 'marginCallPrice': case 'breakEvenPrice':
      return `${formatPrice(value) ?? value} ${ccy}`;
    case 'liquidationDistance':
      return formatFraction(value) ?? value;
    case 'marginLevel': {
      if (quote.marginLevelUnit === 'ratio') return `${formatRatio(value) ?? value} (ratio)`;
      const dec = toDec(value);
      return dec === undefined ? value : formatPercentValue(dec);
    }
    case 'carry.total': {
      const text = `${formatMoney(value) ?? value} ${ccy}`;
      return value.startsWith('-') ? `${text} (received)` : text;
    }
    default:
      return `${formatMoney(value) ?? value} ${ccy}`;
  }
}

/** Why a figure is null, in words (the warnings say more). */
function nullText(key: (typeof FIGURES)[number], plan: QuotePlan): string {
  if ((key === 'liquidationPrice' || key === 'liquidationDistance' || key === 'marginLevel') && plan.needsBalance) return 'needs balance';
  if (key === 'marginCallPrice') return 'none at this venue';
  return 'none';
}

function hoursText(hours: string): string {
  const dec = toDec(hours);
  return dec === undefined ? `${hours} h` : `${formatFixed(dec, 2, true)} h`;
}

function columnRisk(quote: QuoteJson, settings: Settings): Risk {
  let risk: Risk = 'ok';
  for (const w of quote.warnings) {
    if (w.severity === 'danger') risk = 'danger';
    else if (w.severity === 'warn') risk = worse(risk, 'warn');
  }
  const distance = toDec(quote.liquidationDistance);
  const limit = toDec(settings.minLiquidationDistance);
  if (distance !== undefined && limit !== undefined) {
    if (distance.lessThan(limit)) risk = 'danger';
    else if (distance.lessThan(limit.times(2))) risk = worse(risk, 'warn');
  }
  return risk;
}

function column(side: Side, quote: QuoteJson, plan: QuotePlan, form: OrderForm, settings: Settings): SideColumn {
  const ccy = quoteCurrency(form.venue, form.symbol);
  const figures = FIGURES.map((key): FigureRow => {
    const value = fieldOf(quote, key);
    const label = key === 'carry.total' ? `${CARRY_LABEL[quote.carry.kind] ?? LABELS[key]} over ${hoursText(quote.carry.hours)}` : LABELS[key];
    return { key, label, value: value ?? '', text: value === null ? nullText(key, plan) : figureText(key, value, quote, ccy) };
  });
  return {
    side,
    risk: columnRisk(quote, settings),
    figures,
    warnings: quote.warnings.map((w) => ({ code: w.code, severity: w.severity, message: w.message, inBanner: w.code === 'CROSS_BALANCE_UNKNOWN' })),
    assumptions: quote.assumptions,
  };
}

function markLine(snapshot: MarketSnapshot | null, form: OrderForm | null, now: number): { line: MarkLine; state: MarkState } {
  const matches = snapshot !== null && (form === null || (snapshot.venue === form.venue && snapshot.symbol === form.symbol));
  const figure = matches ? snapshot.figures.markPrice : undefined;
  if (figure === undefined) return { state: 'missing', line: { value: '', text: 'no live mark price', ageMs: null, ageText: '' } };
  const ageMs = Math.max(0, now - figure.receivedAt);
  const state: MarkState = isFresh(figure, 'markPrice', now) ? 'live' : 'stale';
  const ccy = quoteCurrency(snapshot!.venue, snapshot!.symbol);
  const ageText = `${formatAge(ageMs)} old${state === 'stale' ? ', stale' : ''}`;
  return { state, line: { value: figure.value, text: `mark ${formatPrice(figure.value) ?? figure.value} ${ccy}`, ageMs, ageText } };
}

function banners(plan: QuotePlan | undefined, quotes: SideQuote[], snapshot: MarketSnapshot | null): Banner[] {
  const out: Banner[] = [];
  if (plan !== undefined) {
    const age = plan.markAgeMs === null ? '' : ` (${formatAge(plan.markAgeMs)})`;
    if (plan.priceBasis === 'limit' && plan.markState === 'stale') out.push({ kind: 'mark-stale', severity: 'warn', text: `Mark price stale${age} — figures use your limit price` });
    if (plan.priceBasis === 'limit' && plan.markState === 'missing') out.push({ kind: 'mark-missing', severity: 'warn', text: 'No live price — figures use your limit price' });
    if (plan.priceBasis === 'stale-mark') out.push({ kind: 'mark-stale', severity: 'danger', text: `Mark price stale${age} — figures use that old price` });
    const others = plan.staleFigures.flatMap((k) => (FIGURE_NAMES[k] ? [FIGURE_NAMES[k]] : []));
    if (others.length > 0) out.push({ kind: 'stale-figures', severity: 'info', text: `Stale ${others.join(', ')} not used — bundled figures instead` });
  }
  const balanceWarning = quotes.some((q) => q.result !== null && !isError(q.result) && q.result.warnings.some((w) => w.code === 'CROSS_BALANCE_UNKNOWN'));
  if (quotes.some((q) => q.plan.needsBalance) || balanceWarning) {
    out.push({ kind: 'balance', severity: 'warn', text: 'Enter your account balance in the toolbar popup for a liquidation price' });
  }
  if (snapshot !== null && snapshot.lastError !== null && snapshot.status !== 'live') {
    out.push({ kind: 'feed', severity: 'info', text: `Price feed: ${snapshot.lastError}` });
  }
  return out;
}

/** The state when the figures cannot be shown; null when they can. */
function blockedState(reading: FormReading, quotes: SideQuote[]): { state: OverlayState; message: string } | null {
  if (reading.status === 'unrecognised') return { state: 'unrecognised', message: 'Form not recognised' };
  if (!reading.form.marginEnabled) return { state: 'spot', message: 'Spot order — no borrowing, nothing to liquidate' };
  if (quotes.length === 0 || quotes.some((q) => q.result === null)) return { state: 'no-price', message: 'No price yet: a market order needs the live mark price' };
  const failed = quotes.find((q) => q.result !== null && isError(q.result));
  if (failed?.result && isError(failed.result)) {
    const { message, path } = failed.result.error;
    return { state: 'error', message: `Cannot quote this order: ${message}${path ? ` (${path})` : ''}` };
  }
  return null;
}

export function buildView(model: OverlayModel): OverlayView {
  const { reading, quotes, snapshot, settings, now } = model;
  const form = reading.status === 'ok' ? reading.form : null;
  const mark = markLine(snapshot, form, now);
  const title = form ? `${form.symbol} · ${VENUE_LABEL[form.venue]}` : snapshot ? `${snapshot.symbol} · ${VENUE_LABEL[snapshot.venue]}` : 'Margin Preflight';
  const blocked = blockedState(reading, quotes);
  const base = { title, markLine: mark.line, missing: reading.status === 'unrecognised' ? reading.missing : [], guard: null };
  if (blocked !== null || form === null) {
    const state = blocked?.state ?? 'unrecognised';
    // Without figures nothing is known to be safe: say "warn", never a reassuring "ok" (except spot: nothing to liquidate).
    return { ...base, state, mark: mark.state, risk: state === 'spot' ? 'ok' : 'warn', message: blocked?.message ?? null, banners: banners(undefined, quotes, snapshot), columns: [] };
  }
  const columns = quotes.map((q) => column(q.side, q.result as QuoteJson, q.plan, form, settings));
  const plan = quotes[0]?.plan;
  return {
    ...base,
    state: 'ok',
    mark: plan?.markState ?? mark.state,
    risk: columns.reduce<Risk>((acc, c) => worse(acc, c.risk), 'ok'),
    message: null,
    banners: banners(plan, quotes, snapshot),
    columns,
    guard: model.guard === null ? null : { codes: model.guard.codes, text: guardText(model.guard, quotes, form, settings) },
  };
}
