// Quotes from the background + the form reading → what the overlay shows. Pure and synchronous,
// so the states, risk colours and texts are unit-tested without a DOM, and the content script's
// render is a cheap Preact diff of this object. Works on decimal strings only (no decimal.js).
// This file decides the state; view-columns.ts and view-banners.ts build the parts.
import type { MarkState } from '../../venues/types';
import type { FormReading, OrderForm } from '../../venues/types';
import { t, uiLocale } from '../i18n';
import type { OverlayState } from './contract';
import { decimalsOfTick } from './format';
import { engineErrorText } from '../error-text';
import { guardText } from './guard-text';
import { orderLine } from './order-line';
import { VENUE_LABEL } from './units';
import { banners, markLine } from './view-banners';
import { pageCheckView, pageDiffers } from './view-page-check';
import { announcement, column, isError, worse, type Formats } from './view-columns';
import type { OverlayModel, OverlayView, RefusalInfo, Risk, SideQuote } from './view-types';
import type { WireQuote } from '../../messaging/messages';

export type * from './view-types';
export { sideTitle } from './view-text';

const MARK_ORDER: MarkState[] = ['live', 'stale', 'missing'];
const worseMark = (a: MarkState, b: MarkState): MarkState => (MARK_ORDER.indexOf(a) >= MARK_ORDER.indexOf(b) ? a : b);

/** The state when the figures cannot be shown; null when they can. */
function blockedState(
  reading: FormReading,
  quotes: SideQuote[],
  refusal: RefusalInfo | null,
): { state: OverlayState; message: string; detail?: string } | null {
  if (reading.status === 'unrecognised')
    return {
      state: 'unrecognised',
      // A page in a language without a label table: say so, it is the trader's to change (issue 13).
      message: t(reading.missing.includes('locale') ? 'overlay_pageLanguageNotRead' : 'overlay_formNotRecognised'),
    };
  // Before "spot" or "no price": a misread figure must be said even where nothing would be quoted.
  if (refusal?.code === 'UNSUPPORTED_MARKET' && reading.status === 'ok')
    return { state: 'refused', message: t('overlay_unsupportedMarket', [reading.form.symbol]) };
  if (refusal !== null) return { state: 'refused', message: t('overlay_refused', [refusal.text]) };
  if (!reading.form.marginEnabled) return { state: 'spot', message: t('overlay_spot') };
  if (reading.form.intent === 'close') return { state: 'closing', message: t('overlay_closing') };
  // The page's own figure disagrees: our reading is doubtful, so none of our figures is shown as if it were sure.
  if (pageDiffers(quotes)) return { state: 'doubtful', message: t('overlay_pageDiffers') };
  if (quotes.some((q) => q.plan.missing === 'contractValue'))
    return { state: 'no-price', message: t('overlay_noContractSize') };
  if (quotes.length === 0 || quotes.some((q) => q.result === null))
    return { state: 'no-price', message: t('overlay_noPrice') };
  const failed = quotes.find((q) => q.result !== null && isError(q.result));
  if (failed?.result && isError(failed.result)) {
    // The trader's sentence; the engine's own (developer) text only in the collapsed detail.
    const { text, detail } = engineErrorText(failed.result.error, 'overlay');
    return { state: 'error', message: text, detail };
  }
  return null;
}

/** The order line from the form and the first quoted side (both sides share size and notional). */
function orderLineOf(form: OrderForm, quotes: SideQuote[], locale: string): string {
  const q = quotes[0];
  const result = q?.result ?? null;
  // A doubtful reading's notional is one of the figures in question: the order line keeps what was read, not it.
  const notional = result === null || isError(result) || pageDiffers(quotes) ? null : result.notional;
  const atMark = q !== undefined && q.plan.priceBasis !== 'limit';
  return orderLine({ form, quantity: q?.plan.quantity ?? null, notional, atMark, locale });
}

export function buildView(model: OverlayModel): OverlayView {
  const { reading, quotes, market, settings, now, pending } = model;
  const form = reading.status === 'ok' ? reading.form : null;
  const locale = model.locale ?? uiLocale();
  // The tick belongs to the market the quotes came from: only for the form's own symbol.
  const sameMarket =
    market !== null && (form === null || (market.venue === form.venue && market.symbol === form.symbol));
  const priceDecimals = sameMarket ? decimalsOfTick(market.tickSize) : undefined;
  const f: Formats = { price: { locale, decimals: priceDecimals }, other: { locale } };
  const mark = markLine(market, form, now, f);
  const venue = form?.venue ?? market?.venue ?? null;
  const title = form
    ? `${form.symbol} · ${VENUE_LABEL[form.venue]}`
    : market
      ? `${market.symbol} · ${VENUE_LABEL[market.venue]}`
      : t('overlay_title');
  const blocked =
    model.waiting && reading.status === 'ok'
      ? { state: 'waiting' as const, message: t('overlay_waiting') }
      : blockedState(reading, quotes, model.refusal ?? null);
  // A held click is explained in every state: the guard may hold while the figures are not in yet.
  const guard =
    model.guard === null || form === null
      ? null
      : { codes: model.guard.codes, text: guardText(model.guard, quotes, form, settings) };
  const refusal = blocked?.state === 'refused' && model.refusal ? `${model.refusal.code}:${model.refusal.field}` : null;
  const check = form === null ? null : pageCheckView(quotes, form, locale);
  // Said only where it applies: the quiet line beside the figures, the two numbers in place of them.
  const pageCheck =
    (blocked === null && check?.verdict === 'matches') ||
    (blocked?.state === 'doubtful' && check?.verdict === 'differs')
      ? check
      : null;
  const base = {
    title,
    // A closing order gets no order line: "Long / Short 0.1 BTC" would read as an opening.
    orderLine:
      form === null || !form.marginEnabled || form.intent === 'close' || model.refusal
        ? null
        : orderLineOf(form, quotes, locale),
    markLine: mark.line,
    missing: reading.status === 'unrecognised' ? reading.missing : [],
    guard,
    pending,
    reason: refusal,
    pageCheck,
    venue,
    theme: settings.theme,
    format: priceDecimals === undefined ? { locale } : { locale, priceDecimals },
  };
  if (blocked !== null || form === null) {
    const state = blocked?.state ?? 'unrecognised';
    // Without figures nothing is known to be safe: say "warn", never a reassuring "ok" (except spot: nothing to
    // liquidate). An engine input error is neutral: nothing is wrong with the order, a figure is missing.
    return {
      ...base,
      state,
      mark: mark.state,
      risk: state === 'spot' || state === 'closing' ? 'ok' : state === 'error' ? 'neutral' : 'warn',
      message: blocked?.message ?? null,
      detail: blocked?.detail ?? null,
      banners: banners(undefined, quotes, market, mark.line.ageMs, form, locale),
      columns: [],
      announcement: '',
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
    detail: null,
    banners: banners(plan, quotes, market, mark.line.ageMs, form, locale),
    columns,
  };
}
