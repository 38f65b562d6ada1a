// Quotes from the background + the form reading → what the overlay shows. Pure and synchronous,
// so the states, risk colours and texts are unit-tested without a DOM, and the content script's
// render is a cheap Preact diff of this object. Works on decimal strings only (no decimal.js).
import en from '../../../_locales/en/messages.json';
import { compareFixed, timesInt } from '../../core/decimal-text';
import type { Side, VenueId } from '../../core/types';
import { isWireError, type QuotesMessage, type WireQuote, type WireResult, type WireSide } from '../../messaging/messages';
import type { Settings, Theme } from '../../settings/settings';
import { isFresh, type FormReading, type MarketFigureKey, type MarkState, type OrderForm } from '../../venues/types';
import { chartFromQuote } from '../chart/from-quote';
import type { ChartMarker } from '../chart/geometry';
import { t, uiLocale, type MessageKey } from '../i18n';
import { FIGURES, type OverlayState } from './contract';
import { decimalsOfTick, formatAge, formatFixed, formatFraction, formatMoney, formatPercentValue, formatPrice, formatRatio, toDecimal, type FormatOptions } from './format';
import { guardText } from './guard-text';
import { quoteCurrency, VENUE_LABEL } from './units';

/**
 * Text through t() when _locales has the key; otherwise this English (with $1, $2 …), so the
 * overlay never shows a raw key while a message is still to be added to _locales.
 */
export function say(key: string, english: string, subs: string[] = []): string {
  if (key in en) return t(key as MessageKey, subs);
  return english.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

export type Risk = 'danger' | 'warn' | 'ok';
export type Severity = 'danger' | 'warn' | 'info';

/** One quoted side, as the background computed it: the plan's verdict and the engine's answer (null without a price). */
export type SideQuote = WireSide;

/** The market the quotes were computed on (from the same bg→cs:quotes message). */
export type MarketInfo = Pick<QuotesMessage, 'venue' | 'symbol' | 'mark' | 'status' | 'lastError'> & Partial<Pick<QuotesMessage, 'tickSize'>>;

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
  /** Number formatting (separators); the browser's UI language unless a test sets one. */
  locale?: string;
}

export interface FigureRow { key: string; label: string; value: string; text: string }
/** `inBanner`: the same point is made by a banner above the columns; kept in the DOM, not shown twice. */
export interface WarningRow { code: string; severity: Severity; message: string; inBanner: boolean }
export interface SideColumn { side: Side; risk: Risk; figures: FigureRow[]; warnings: WarningRow[]; assumptions: string[]; chart: ChartView | null }
/** What the PnL chart of one side draws (src/ui/chart/PnlChart): exact decimal text throughout. */
export interface ChartView {
  title: string;
  entry: string;
  pnl: { atEntry: string; slope: string };
  markers: ChartMarker[];
  currency: string;
  /** Caption of the PnL axis: says whether the line includes the carry over the holding time. */
  pnlCaption: string;
}
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
  /** The venue shown (the chart panel's open state is kept per venue); null before any is known. */
  venue: VenueId | null;
  theme: Theme;
  /** How prices and money are written: the locale, and the venue's tick precision for prices when known. */
  format: { locale: string; priceDecimals?: number };
  /** The key figures in one sentence for the aria-live region (announced when it changes, debounced). */
  announcement: string;
}

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

const CARRY_KEYS: Record<string, MessageKey> = { funding: 'figure_funding', interest: 'figure_interest', rollover: 'figure_rollover' };

const FIGURE_NAMES: Partial<Record<MarketFigureKey, [string, string]>> = {
  fundingRate: ['overlay_figureFundingRate', 'funding rate'],
  fundingIntervalHours: ['overlay_figureFundingInterval', 'funding interval'],
  maxLeverage: ['overlay_figureMaxLeverage', 'maximum leverage'],
  marginCallLevel: ['overlay_figureMarginCallLevel', 'margin-call level'],
  liquidationLevel: ['overlay_figureLiquidationLevel', 'liquidation level'],
};

/** The side's name as the overlay's column headings write it. */
export const sideTitle = (side: Side): string => t(side === 'long' ? 'overlay_long' : 'overlay_short');

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

/** Formatting of one view: prices at the venue's tick precision when the feed gave it. */
interface Formats {
  price: FormatOptions;
  other: FormatOptions;
}

function figureText(key: (typeof FIGURES)[number], value: string, quote: WireQuote, ccy: string, f: Formats): string {
  switch (key) {
    case 'liquidationPrice': case 'marginCallPrice': case 'breakEvenPrice':
      return `${formatPrice(value, f.price) ?? value} ${ccy}`;
    case 'liquidationDistance':
      return formatFraction(value, f.other) ?? value;
    case 'marginLevel': {
      if (quote.marginLevelUnit === 'ratio') return t('figure_ratio', [formatRatio(value, f.other) ?? value]);
      const dec = toDecimal(value);
      return dec === undefined ? value : formatPercentValue(dec, f.other);
    }
    case 'carry.total': {
      const text = `${formatMoney(value, f.other) ?? value} ${ccy}`;
      return value.startsWith('-') ? t('figure_received', [text]) : text;
    }
    default:
      return `${formatMoney(value, f.other) ?? value} ${ccy}`;
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
  if (plan.positionsUnknown.length > 0 && BALANCE_FIGURES.has(key)) return t('figure_positionsUnknown');
  const balanceUnknown = plan.needsBalance || quote.warnings.some((w) => w.code === 'CROSS_BALANCE_UNKNOWN');
  if (balanceUnknown && BALANCE_FIGURES.has(key)) return t('figure_enterBalance');
  if (key === 'marginCallPrice') return t(HAS_MARGIN_CALL.has(quote.venue) ? 'figure_noMarginCallPrice' : 'figure_noMarginCallAtVenue');
  return t('common_none');
}

function hoursText(hours: string, f: Formats): string {
  const dec = toDecimal(hours);
  return t('unit_hours', [dec === undefined ? hours : formatFixed(dec, 2, true, f.other.locale)]);
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

/**
 * The chart of one side: the engine's PnL line anchored at the price the engine used (the limit
 * price, or the mark of the same market for a market order), with every price the column shows.
 * Null when that price is not known here. The line includes the carry over the holding time
 * (src/ui/chart/from-quote.ts), so it crosses zero at the break-even shown in the column.
 */
function chartOf(side: Side, quote: WireQuote, plan: SideQuote['plan'], form: OrderForm, market: MarketInfo | null, ccy: string, f: Formats): ChartView | null {
  const mark = market !== null && market.venue === form.venue && market.symbol === form.symbol ? market.mark?.value ?? null : null;
  const entry = plan.priceBasis === 'limit' ? form.price : plan.priceBasis === 'mark' || plan.priceBasis === 'stale-mark' ? mark : null;
  if (entry === null || toDecimal(entry) === undefined) return null;
  const model = chartFromQuote(quote, { entry, mark, stopLoss: form.stopLoss, takeProfit: form.takeProfit });
  const pnlCaption = model.withCarry ? t('chart_axisPnlHeld', [ccy, hoursText(quote.carry.hours, f)]) : t('chart_axisPnl', [ccy]);
  return { title: `${t('chart_title')} — ${sideTitle(side)}`, entry, pnl: model.pnl, markers: model.markers, currency: ccy, pnlCaption };
}

function column(side: Side, quote: WireQuote, plan: SideQuote['plan'], form: OrderForm, settings: Settings, market: MarketInfo | null, f: Formats): SideColumn {
  const ccy = quoteCurrency(form.venue, form.symbol);
  const figures = FIGURES.map((key): FigureRow => {
    const value = fieldOf(quote, key);
    const carry = CARRY_KEYS[quote.carry.kind];
    const label = key === 'carry.total' && carry !== undefined ? t('figure_carryOver', [t(carry), hoursText(quote.carry.hours, f)]) : t(LABEL_KEYS[key]);
    return { key, label, value: value ?? '', text: value === null ? nullText(key, plan, quote) : figureText(key, value, quote, ccy, f) };
  });
  return {
    side,
    risk: columnRisk(quote, settings),
    figures,
    warnings: quote.warnings.map((w) => ({ code: w.code, severity: w.severity, message: w.message, inBanner: w.code === 'CROSS_BALANCE_UNKNOWN' })),
    assumptions: quote.assumptions,
    chart: chartOf(side, quote, plan, form, market, ccy, f),
  };
}

/** "Long / Buy: Liquidation price 58,850.5 USDT, Distance to liquidation 9.46 %" per column. */
function announcement(columns: SideColumn[]): string {
  return columns
    .map((c) => {
      const shown = c.figures.filter((r) => r.key === 'liquidationPrice' || r.key === 'liquidationDistance').map((r) => `${r.label} ${r.text}`);
      return `${sideTitle(c.side)}: ${shown.join(', ')}`;
    })
    .join('. ');
}

/** The header line: the mark of the market the quotes came from, aged on this page's own clock. */
function markLine(market: MarketInfo | null, form: OrderForm | null, now: number, f: Formats): { line: MarkLine; state: MarkState } {
  const matches = market !== null && (form === null || (market.venue === form.venue && market.symbol === form.symbol));
  const mark = matches ? market.mark : null;
  if (mark === null) return { state: 'missing', line: { value: '', text: t('overlay_noMark'), ageMs: null, ageText: '' } };
  const ageMs = Math.max(0, now - mark.receivedAt);
  const state: MarkState = isFresh({ value: mark.value, receivedAt: mark.receivedAt, exchangeTime: null, source: 'stream' }, 'markPrice', now) ? 'live' : 'stale';
  const ccy = quoteCurrency(market!.venue, market!.symbol);
  const ageText = t(state === 'stale' ? 'overlay_ageStale' : 'overlay_age', [formatAge(ageMs)]);
  return { state, line: { value: mark.value, text: t('overlay_mark', [`${formatPrice(mark.value, f.price) ?? mark.value} ${ccy}`]), ageMs, ageText } };
}

function banners(plan: SideQuote['plan'] | undefined, quotes: SideQuote[], market: MarketInfo | null, markAgeMs: number | null): Banner[] {
  const out: Banner[] = [];
  if (plan !== undefined) {
    // The age now, on this page's clock; the plan's age is from when the quote was computed.
    const ageMs = markAgeMs ?? plan.markAgeMs;
    const age = ageMs === null ? '' : ` (${formatAge(ageMs)})`;
    if (plan.priceBasis === 'limit' && plan.markState === 'stale') out.push({ kind: 'mark-stale', severity: 'warn', text: t('overlay_markStaleLimit', [age]) });
    if (plan.priceBasis === 'limit' && plan.markState === 'missing') out.push({ kind: 'mark-missing', severity: 'warn', text: t('overlay_markMissingLimit') });
    if (plan.priceBasis === 'stale-mark') out.push({ kind: 'mark-stale', severity: 'danger', text: t('overlay_markStaleOld', [age]) });
    const others = plan.staleFigures.flatMap((k) => {
      const name = FIGURE_NAMES[k];
      return name ? [say(name[0], name[1])] : [];
    });
    if (others.length > 0) out.push({ kind: 'stale-figures', severity: 'info', text: say('overlay_staleFigures', 'Stale $1 not used — bundled figures instead', [others.join(', ')]) });
    if (plan.tiers === 'stale') out.push({ kind: 'stale-tiers', severity: 'info', text: t('overlay_staleTiers') });
    const source = accountSourceBanner(plan);
    if (source !== null) out.push(source);
    if (plan.lossLimitUnchecked) out.push({ kind: 'loss-limit', severity: 'info', text: t('overlay_lossLimitUnchecked') });
  }
  const unknown = plan?.positionsUnknown ?? [];
  if (unknown.length > 0) {
    const [key, english] = unknown.length > 1
      ? ['overlay_positionsUnknownMany', 'Open positions $1 cannot be weighed (maintenance margin unknown, or the same market) — no liquidation price']
      : ['overlay_positionsUnknownOne', 'Open position $1 cannot be weighed (maintenance margin unknown, or the same market) — no liquidation price'];
    out.push({ kind: 'positions-unknown', severity: 'danger', text: say(key, english, [unknown.join(', ')]) });
  }
  const balanceWarning = unknown.length === 0 && quotes.some((q) => q.result !== null && !isError(q.result) && q.result.warnings.some((w) => w.code === 'CROSS_BALANCE_UNKNOWN'));
  if (quotes.some((q) => q.plan.needsBalance) || balanceWarning) {
    out.push({ kind: 'balance', severity: 'warn', text: t('overlay_enterBalance') });
  }
  if (market !== null && market.lastError !== null && market.status !== 'live') {
    out.push({ kind: 'feed', severity: 'info', text: t('overlay_feedError', [market.lastError]) });
  }
  return out;
}

/** Cross margin: say where the account figures came from — the page, or what the user typed. */
function accountSourceBanner(plan: SideQuote['plan']): Banner | null {
  const n = plan.pagePositions;
  if (plan.balanceSource === 'page') {
    const text = n === null ? say('overlay_balanceFromPage', 'Cross: account balance read from the page')
      : n === 0 ? say('overlay_balanceFromPageNoPositions', 'Cross: account balance (no other open positions) read from the page')
        : n === 1 ? say('overlay_balanceFromPageOnePosition', 'Cross: account balance and 1 open position read from the page')
          : say('overlay_balanceFromPagePositions', 'Cross: account balance and $1 open positions read from the page', [String(n)]);
    return { kind: 'balance-source', severity: 'info', text };
  }
  if (plan.balanceSource === 'settings') {
    const text = n === null ? say('overlay_balanceFromPopup', 'Cross: balance as you entered it in the popup (the page does not show it); other open positions not included')
      : n === 1 ? say('overlay_balanceFromPopupOnePosition', 'Cross: balance as you entered it in the popup (the page does not show it); 1 open position read from the page')
        : say('overlay_balanceFromPopupPositions', 'Cross: balance as you entered it in the popup (the page does not show it); $1 open positions read from the page', [String(n)]);
    return { kind: 'balance-source', severity: 'info', text };
  }
  return null;
}

/** The state when the figures cannot be shown; null when they can. */
function blockedState(reading: FormReading, quotes: SideQuote[]): { state: OverlayState; message: string } | null {
  if (reading.status === 'unrecognised') return { state: 'unrecognised', message: t('overlay_formNotRecognised') };
  if (!reading.form.marginEnabled) return { state: 'spot', message: t('overlay_spot') };
  if (quotes.some((q) => q.plan.missing === 'contractValue')) return { state: 'no-price', message: t('overlay_noContractSize') };
  if (quotes.length === 0 || quotes.some((q) => q.result === null)) return { state: 'no-price', message: t('overlay_noPrice') };
  const failed = quotes.find((q) => q.result !== null && isError(q.result));
  if (failed?.result && isError(failed.result)) {
    const { message, path } = failed.result.error;
    return { state: 'error', message: t('overlay_cannotQuote', [`${message}${path ? ` (${path})` : ''}`]) };
  }
  return null;
}

export function buildView(model: OverlayModel): OverlayView {
  const { reading, quotes, market, settings, now, pending } = model;
  const form = reading.status === 'ok' ? reading.form : null;
  const locale = model.locale ?? uiLocale();
  // The tick belongs to the market the quotes came from: only for the form's own symbol.
  const sameMarket = market !== null && (form === null || (market.venue === form.venue && market.symbol === form.symbol));
  const priceDecimals = sameMarket ? decimalsOfTick(market.tickSize) : undefined;
  const f: Formats = { price: { locale, decimals: priceDecimals }, other: { locale } };
  const mark = markLine(market, form, now, f);
  const venue = form?.venue ?? market?.venue ?? null;
  const title = form ? `${form.symbol} · ${VENUE_LABEL[form.venue]}` : market ? `${market.symbol} · ${VENUE_LABEL[market.venue]}` : t('overlay_title');
  const blocked = model.waiting && reading.status === 'ok'
    ? { state: 'waiting' as const, message: t('overlay_waiting') }
    : blockedState(reading, quotes);
  const base = {
    title, markLine: mark.line, missing: reading.status === 'unrecognised' ? reading.missing : [], guard: null, pending,
    venue, theme: settings.theme, format: priceDecimals === undefined ? { locale } : { locale, priceDecimals },
  };
  if (blocked !== null || form === null) {
    const state = blocked?.state ?? 'unrecognised';
    // Without figures nothing is known to be safe: say "warn", never a reassuring "ok" (except spot: nothing to liquidate).
    return {
      ...base, state, mark: mark.state, risk: state === 'spot' ? 'ok' : 'warn', message: blocked?.message ?? null,
      banners: banners(undefined, quotes, market, mark.line.ageMs), columns: [], announcement: '',
    };
  }
  const columns = quotes.map((q) => column(q.side, q.result as WireQuote, q.plan, form, settings, market, f));
  const plan = quotes[0]?.plan;
  return {
    ...base,
    announcement: announcement(columns),
    state: 'ok',
    mark: plan === undefined ? mark.state : worseMark(plan.markState, mark.state),
    risk: columns.reduce<Risk>((acc, c) => worse(acc, c.risk), 'ok'),
    message: null,
    banners: banners(plan, quotes, market, mark.line.ageMs),
    columns,
    guard: model.guard === null ? null : { codes: model.guard.codes, text: guardText(model.guard, quotes, form, settings) },
  };
}
