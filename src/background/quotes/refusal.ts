// The background's refusals of a page's form, as the content script gets them (QuotesMessage
// .refusal): the form failed the schema, or a price read from the page does not fit the market.
// Either way the form is answered without figures, so nothing computed for an earlier form (or
// for a misread one) stays on the overlay or the badge.
import { Dec } from '../../core/decimal';
import { MAX_REFUSAL_TEXT, REFUSAL_FIELD, type Refusal } from '../../messaging/messages';
import { feedFor } from '../../venues/feeds';
import { orderMisfit, referencePrice, type Misfit } from '../../venues/plausibility';
import type { MarketSnapshot, OrderForm } from '../../venues/types';
import { formatPrice } from '../badge/format';

/** A field path fit to send back and to log: ours by construction, but checked (it may one day name a page's key). */
export function safeField(path: string): string {
  return REFUSAL_FIELD.test(path) ? path : 'form';
}

const bounded = (text: string): string =>
  text.length <= MAX_REFUSAL_TEXT ? text : `${text.slice(0, MAX_REFUSAL_TEXT - 1)}…`;

/** The form failed the form schema at `path`. The reason stays here: it may quote the page's value. */
export function formInvalid(path: string): Refusal {
  const field = safeField(path);
  return {
    code: 'FORM_INVALID',
    field,
    text: bounded(`The order form could not be read cleanly (${field}). No figures until it can.`),
  };
}

const LABELS: Record<string, string> = { price: 'The price', stopLoss: 'The stop loss', takeProfit: 'The take profit' };

/** "1,000×", "6.2×": how far off, two significant digits (the point is the order of magnitude). */
function factorText(ratio: Dec): string {
  const factor = ratio.greaterThanOrEqualTo(1) ? ratio : new Dec(1).div(ratio);
  return `${formatPrice(factor.toSignificantDigits(2).toFixed())}×`;
}

export function implausible({ field, read, reference, ratio }: Misfit): Refusal {
  const label = LABELS[field] ?? 'A price';
  const direction = ratio.greaterThan(1) ? 'above' : 'below';
  const text = `${label} read from the page (${formatPrice(read)}) is ${factorText(ratio)} ${direction} the market (${formatPrice(reference)}): probably misread. No figures until it fits.`;
  return { code: 'IMPLAUSIBLE', field: safeField(field), text: bounded(text) };
}

/**
 * The refusal of a market the venue's feed cannot follow (its symbol pattern refuses it: a
 * Hyperliquid builder perp "xyz:TSLA"); null for a market it can, or a venue without a feed.
 * Nothing is quoted then: no mark, no tiers and no facts of its own, and never another market's.
 */
export function unsupportedMarket(form: OrderForm): Refusal | null {
  const feed = feedFor(form.venue);
  if (feed === undefined || feed.symbolPattern.test(form.symbol)) return null;
  const text = `${form.symbol} is a market Margin Preflight does not support: it has no market data or margin rules for it.`;
  return { code: 'UNSUPPORTED_MARKET', field: 'symbol', text: bounded(text) };
}

/**
 * The refusal of a form on an unsupported market, or whose limit price, stop loss or take profit
 * does not fit the market now; null when they fit or no reference is known.
 */
export function marketRefusal(form: OrderForm, snapshot: MarketSnapshot | null, now: number): Refusal | null {
  const unsupported = unsupportedMarket(form);
  if (unsupported !== null) return unsupported;
  const found = orderMisfit(form, referencePrice(form, snapshot, now));
  return found === null ? null : implausible(found);
}
