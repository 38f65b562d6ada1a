// Quotes from the background + the form reading → what the overlay shows. Pure and synchronous,
// so the states, risk colours and texts are unit-tested without a DOM, and the content script's
// render is a cheap Preact diff of this object. Works on decimal strings only (no decimal.js).
import { compareFixed, timesInt } from '../../core/decimal-text';
import type { Side } from '../../core/types';
import { isWireError, type QuotesMessage, type WireQuote, type WireResult, type WireSide } from '../../messaging/messages';
import type { Settings } from '../../settings/settings';
import { isFresh, type FormReading, type MarketFigureKey, type MarkState, type OrderForm } from '../../venues/types';
import { FIGURES, type OverlayState } from './contract';
import { formatAge, formatFixed, formatFraction, formatMoney, formatPercentValue, formatPrice, formatRatio, toDecimal } from './format';
import { guardText } from './guard-text';
import { quoteCurrency, VENUE_LABEL } from './units';

export type Risk = 'danger' | 'warn' | 'ok';
export type Severity = 'danger' | 'warn' | 'info';

/** One quoted side, as the background computed it: the plan's verdict and the engine's answer (null without a price). */
export type SideQuote = WireSide;

/** The market the quotes were computed on (from the same bg→cs:quotes message). */
export type MarketInfo = Pick<QuotesMessage, 'venue' | 'symbol' | 'mark' | 'status' | 'lastError'>;

/** A submit the guard held back: which codes, for which side (null = every quoted side), how. */
export interface GuardNotice {
  codes: string[];
  side: Side | null;
  via: 'click' | 'enter';
}

export interface OverlayModel {
  /** The reading the quotes answer (or the current one, when it is unreadable). */
  reading: FormReading;
  quotes: SideQuote[];
  market: MarketInfo | null;
  settings: Settings;
  guard: GuardNotice | null;
  now: number;
  /** The form changed and its answer has not arrived yet: the figures shown are for an earlier state. */
  pending: boolean;
  /** No answer at all yet for a readable form: say so instead of showing nothing. */
  waiting?: boolean;
}

export interface FigureRow { key: string; label: string; value: string; text: string }
/** `inBanner`: the same point is made by a banner above the columns; kept in the DOM, not shown twice. */
export interface WarningRow { code: string; severity: Severity; message: string; inBanner: boolean }
export interface SideColumn { side: Side; risk: Risk; figures: FigureRow[]; warnings: WarningRow[]; assumptions: string[] }
export interface Banner {
  kind: 'mark-stale' | 'mark-missing' | 'balance' | 'balance-source' | 'positions-unknown' | 'stale-tiers' | 'stale-figures' | 'feed' | 'loss-limit';
  severity: Severity;
  text: string;
}
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
  pending: boolean;
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

const MARK_ORDER: MarkState[] = ['live', 'stale', 'missing'];
const worseMark = (a: MarkState, b: MarkState): MarkState => (MARK_ORDER.indexOf(a) >= MARK_ORDER.indexOf(b) ? a : b);

function isError(result: WireResult): result is Extract<WireResult, { error: unknown }> {
  return isWireError(result);
}

function fieldOf(quote: WireQuote, path: string): string | null {
  const [head = '', tail] = path.split('.');
  const value: unknown = (quote as unknown as Record<string, unknown>)[head];
  if (tail === undefined) return typeof value === 'string' ? value : null;
  const inner = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[tail] : undefined;
  return typeof inner === 'string' ? inner : null;
}

function figureText(key: (typeof FIGURES)[number], value: string, quote: WireQuote, ccy: string): string {
  switch (key) {
    case 'liquidationPrice': case 'marginCallPrice': case 'breakEvenPrice':
      return `${formatPrice(value) ?? value} ${ccy}`;
    case 'liquidationDistance':
      return formatFraction(value) ?? value;
    case 'marginLevel': {
      if (quote.marginLevelUnit === 'ratio') return `${formatRatio(value) ?? value} (ratio)`;
      const dec = toDecimal(value);
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

/** Figures the engine leaves null for cross margin until it knows the account balance. */
const BALANCE_FIGURES: ReadonlySet<string> = new Set(['liquidationPrice', 'liquidationDistance', 'marginCallPrice', 'marginLevel']);
/** Spot-margin venues warn at a margin-call level before liquidating (src/core/models); perpetuals do not. */
const HAS_MARGIN_CALL: ReadonlySet<string> = new Set(['kraken-margin', 'binance-margin']);

/**
 * Why a figure is null, in words (the warnings say more). "Needs your balance", "the venue has
 * none" and "no price reaches it" are different answers: Kraken has a margin call, it just cannot
 * be placed without the balance, or lies below zero for a well-funded account.
 */
function nullText(key: (typeof FIGURES)[number], plan: SideQuote['plan'], quote: WireQuote): string {
  if (plan.positionsUnknown.length > 0 && BALANCE_FIGURES.has(key)) return '— open positions unknown';
  const balanceUnknown = plan.needsBalance || quote.warnings.some((w) => w.code === 'CROSS_BALANCE_UNKNOWN');
  if (balanceUnknown && BALANCE_FIGURES.has(key)) return '— enter balance';
  if (key === 'marginCallPrice') return HAS_MARGIN_CALL.has(quote.venue) ? 'none (no price reaches it)' : 'none at this venue';
  return 'none';
}

function hoursText(hours: string): string {
  const dec = toDecimal(hours);
  return dec === undefined ? `${hours} h` : `${formatFixed(dec, 2, true)} h`;
}

function columnRisk(quote: WireQuote, settings: Settings): Risk {
  let risk: Risk = 'ok';
  for (const w of quote.warnings) {
    if (w.severity === 'danger') risk = 'danger';
    else if (w.severity === 'warn') risk = worse(risk, 'warn');
  }
  const distance = toDecimal(quote.liquidationDistance);
  const limit = toDecimal(settings.minLiquidationDistance);
  if (distance !== undefined && limit !== undefined) {
    if (compareFixed(distance, limit) < 0) risk = 'danger';
    else if (compareFixed(distance, timesInt(limit, 2)) < 0) risk = worse(risk, 'warn');
  }
  return risk;
}

function column(side: Side, quote: WireQuote, plan: SideQuote['plan'], form: OrderForm, settings: Settings): SideColumn {
  const ccy = quoteCurrency(form.venue, form.symbol);
  const figures = FIGURES.map((key): FigureRow => {
    const value = fieldOf(quote, key);
    const label = key === 'carry.total' ? `${CARRY_LABEL[quote.carry.kind] ?? LABELS[key]} over ${hoursText(quote.carry.hours)}` : LABELS[key];
    return { key, label, value: value ?? '', text: value === null ? nullText(key, plan, quote) : figureText(key, value, quote, ccy) };
  });
  return {
    side,
    risk: columnRisk(quote, settings),
    figures,
    warnings: quote.warnings.map((w) => ({ code: w.code, severity: w.severity, message: w.message, inBanner: w.code === 'CROSS_BALANCE_UNKNOWN' })),
    assumptions: quote.assumptions,
  };
}

/** The header line: the mark of the market the quotes came from, aged on this page's own clock. */
function markLine(market: MarketInfo | null, form: OrderForm | null, now: number): { line: MarkLine; state: MarkState } {
  const matches = market !== null && (form === null || (market.venue === form.venue && market.symbol === form.symbol));
  const mark = matches ? market.mark : null;
  if (mark === null) return { state: 'missing', line: { value: '', text: 'no live mark price', ageMs: null, ageText: '' } };
  const ageMs = Math.max(0, now - mark.receivedAt);
  const state: MarkState = isFresh({ value: mark.value, receivedAt: mark.receivedAt, exchangeTime: null, source: 'stream' }, 'markPrice', now) ? 'live' : 'stale';
  const ccy = quoteCurrency(market!.venue, market!.symbol);
  const ageText = `${formatAge(ageMs)} old${state === 'stale' ? ', stale' : ''}`;
  return { state, line: { value: mark.value, text: `mark ${formatPrice(mark.value) ?? mark.value} ${ccy}`, ageMs, ageText } };
}

function banners(plan: SideQuote['plan'] | undefined, quotes: SideQuote[], market: MarketInfo | null, markAgeMs: number | null): Banner[] {
  const out: Banner[] = [];
  if (plan !== undefined) {
    // The age now, on this page's clock; the plan's age is from when the quote was computed.
    const ageMs = markAgeMs ?? plan.markAgeMs;
    const age = ageMs === null ? '' : ` (${formatAge(ageMs)})`;
    if (plan.priceBasis === 'limit' && plan.markState === 'stale') out.push({ kind: 'mark-stale', severity: 'warn', text: `Mark price stale${age} — figures use your limit price` });
    if (plan.priceBasis === 'limit' && plan.markState === 'missing') out.push({ kind: 'mark-missing', severity: 'warn', text: 'No live price — figures use your limit price' });
    if (plan.priceBasis === 'stale-mark') out.push({ kind: 'mark-stale', severity: 'danger', text: `Mark price stale${age} — figures use that old price` });
    const others = plan.staleFigures.flatMap((k) => (FIGURE_NAMES[k] ? [FIGURE_NAMES[k]] : []));
    if (others.length > 0) out.push({ kind: 'stale-figures', severity: 'info', text: `Stale ${others.join(', ')} not used — bundled figures instead` });
    if (plan.tiers === 'stale') out.push({ kind: 'stale-tiers', severity: 'info', text: 'Live tier table over a day old, not used — bundled tiers instead' });
    const source = accountSourceBanner(plan);
    if (source !== null) out.push(source);
    if (plan.lossLimitUnchecked) out.push({ kind: 'loss-limit', severity: 'info', text: 'Loss limit not checked: no balance known for this venue (enter it in the popup)' });
  }
  const unknown = plan?.positionsUnknown ?? [];
  if (unknown.length > 0) {
    out.push({ kind: 'positions-unknown', severity: 'danger', text: `Open position${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} cannot be weighed (maintenance margin unknown, or the same market) — no liquidation price` });
  }
  const balanceWarning = unknown.length === 0 && quotes.some((q) => q.result !== null && !isError(q.result) && q.result.warnings.some((w) => w.code === 'CROSS_BALANCE_UNKNOWN'));
  if (quotes.some((q) => q.plan.needsBalance) || balanceWarning) {
    out.push({ kind: 'balance', severity: 'warn', text: 'Enter your account balance in the toolbar popup for a liquidation price' });
  }
  if (market !== null && market.lastError !== null && market.status !== 'live') {
    out.push({ kind: 'feed', severity: 'info', text: `Price feed: ${market.lastError}` });
  }
  return out;
}

/** Cross margin: say where the account figures came from — the page, or what the user typed. */
function accountSourceBanner(plan: SideQuote['plan']): Banner | null {
  if (plan.balanceSource === 'page') {
    const n = plan.pagePositions;
    const positions = n === null ? '' : n === 0 ? ' (no other open positions)' : ` and ${n} open position${n > 1 ? 's' : ''}`;
    return { kind: 'balance-source', severity: 'info', text: `Cross: account balance${positions} read from the page` };
  }
  if (plan.balanceSource === 'settings') {
    const n = plan.pagePositions;
    const positions = n === null ? 'other open positions not included' : `${n} open position${n === 1 ? '' : 's'} read from the page`;
    return { kind: 'balance-source', severity: 'info', text: `Cross: balance as you entered it in the popup (the page does not show it); ${positions}` };
  }
  return null;
}

/** The state when the figures cannot be shown; null when they can. */
function blockedState(reading: FormReading, quotes: SideQuote[]): { state: OverlayState; message: string } | null {
  if (reading.status === 'unrecognised') return { state: 'unrecognised', message: 'Form not recognised' };
  if (!reading.form.marginEnabled) return { state: 'spot', message: 'Spot order — no borrowing, nothing to liquidate' };
  if (quotes.some((q) => q.plan.missing === 'contractValue')) return { state: 'no-price', message: 'No contract size yet: waiting for the instrument’s contract value from the exchange' };
  if (quotes.length === 0 || quotes.some((q) => q.result === null)) return { state: 'no-price', message: 'No price yet: a market order needs the live mark price' };
  const failed = quotes.find((q) => q.result !== null && isError(q.result));
  if (failed?.result && isError(failed.result)) {
    const { message, path } = failed.result.error;
    return { state: 'error', message: `Cannot quote this order: ${message}${path ? ` (${path})` : ''}` };
  }
  return null;
}

export function buildView(model: OverlayModel): OverlayView {
  const { reading, quotes, market, settings, now, pending } = model;
  const form = reading.status === 'ok' ? reading.form : null;
  const mark = markLine(market, form, now);
  const title = form ? `${form.symbol} · ${VENUE_LABEL[form.venue]}` : market ? `${market.symbol} · ${VENUE_LABEL[market.venue]}` : 'Margin Preflight';
  const blocked = model.waiting && reading.status === 'ok'
    ? { state: 'waiting' as const, message: 'Waiting for Margin Preflight to answer — no figures yet' }
    : blockedState(reading, quotes);
  const base = { title, markLine: mark.line, missing: reading.status === 'unrecognised' ? reading.missing : [], guard: null, pending };
  if (blocked !== null || form === null) {
    const state = blocked?.state ?? 'unrecognised';
    // Without figures nothing is known to be safe: say "warn", never a reassuring "ok" (except spot: nothing to liquidate).
    return { ...base, state, mark: mark.state, risk: state === 'spot' ? 'ok' : 'warn', message: blocked?.message ?? null, banners: banners(undefined, quotes, market, mark.line.ageMs), columns: [] };
  }
  const columns = quotes.map((q) => column(q.side, q.result as WireQuote, q.plan, form, settings));
  const plan = quotes[0]?.plan;
  return {
    ...base,
    state: 'ok',
    mark: plan === undefined ? mark.state : worseMark(plan.markState, mark.state),
    risk: columns.reduce<Risk>((acc, c) => worse(acc, c.risk), 'ok'),
    message: null,
    banners: banners(plan, quotes, market, mark.line.ageMs),
    columns,
    guard: model.guard === null ? null : { codes: model.guard.codes, text: guardText(model.guard, quotes, form, settings) },
  };
}
