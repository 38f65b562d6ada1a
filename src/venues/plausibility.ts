// Does a price read from the page fit the market? Readers parse what the page shows, and a page
// can show "65.000" for 65,000 (dot-grouped digits) or "2,412" for 2.412: the text parses, the
// number is wrong by a factor of 1,000. No trade is placed five times away from the market, so a
// page price more than PLAUSIBLE_FACTOR away from the feed's mark (or from the position's own
// mark) is taken as a misread: the order is refused, a position is not weighed. Without a usable
// reference the check cannot run and says nothing.
import { Dec } from '../core/decimal';
import type { MarketSnapshot, OrderForm, PagePosition } from './types';

/** A page price this many times above or below the reference is a misread. */
export const PLAUSIBLE_FACTOR = 5;
/**
 * A mark older than this is no reference. Older than MAX_AGE_MS it is too old to quote with, but
 * still good for a factor-of-5 check; a cache an hour old may belong to another market regime.
 */
export const REFERENCE_MAX_AGE_MS = 3_600_000;

/** The order's price fields that are checked, in the order they are reported. */
export const ORDER_PRICE_FIELDS = ['price', 'stopLoss', 'takeProfit'] as const;
export type OrderPriceField = (typeof ORDER_PRICE_FIELDS)[number];

export interface Misfit {
  /** Where in the form: "price", "stopLoss", "account.positions[2].entryPrice". */
  field: string;
  /** The page's figure as read. */
  read: string;
  /** What it was compared with. */
  reference: string;
  /** read / reference: above PLAUSIBLE_FACTOR or below its inverse. */
  ratio: Dec;
}

/**
 * The market price of the form's own symbol to check page prices against: the feed's mark, or
 * its last trade price (Kraken and Binance spot margin publish no mark: their feeds give the last
 * trade as the mark already). Null when the snapshot is another market's, or has neither, or
 * only an old one.
 */
export function referencePrice(
  form: Pick<OrderForm, 'venue' | 'symbol'>,
  snapshot: MarketSnapshot | null,
  now: number,
): string | null {
  if (snapshot === null || snapshot.venue !== form.venue || snapshot.symbol !== form.symbol) return null;
  for (const figure of [snapshot.figures.markPrice, snapshot.figures.lastPrice]) {
    if (figure !== undefined && now - figure.receivedAt <= REFERENCE_MAX_AGE_MS && new Dec(figure.value).greaterThan(0))
      return figure.value;
  }
  return null;
}

/** The misfit of one page figure against a reference, or null when it fits (or cannot be compared). */
export function misfit(field: string, read: string, reference: string): Misfit | null {
  const value = new Dec(read);
  const against = new Dec(reference);
  if (!value.greaterThan(0) || !against.greaterThan(0)) return null;
  const ratio = value.div(against);
  const fits = ratio.lessThanOrEqualTo(PLAUSIBLE_FACTOR) && ratio.times(PLAUSIBLE_FACTOR).greaterThanOrEqualTo(1);
  return fits ? null : { field, read, reference, ratio };
}

/** The first of the order's limit price, stop loss and take profit that does not fit the reference. */
export function orderMisfit(form: OrderForm, reference: string | null): Misfit | null {
  if (reference === null) return null;
  for (const field of ORDER_PRICE_FIELDS) {
    const read = form[field];
    const found = read === null ? null : misfit(field, read, reference);
    if (found !== null) return found;
  }
  return null;
}

/**
 * A page position whose prices do not fit: one in the order's own symbol has its entry and mark
 * checked against the feed's reference; another symbol (no feed here) its entry against its own
 * mark as the page shows it.
 */
export function positionMisfit(
  position: PagePosition,
  index: number,
  symbol: string,
  reference: string | null,
): Misfit | null {
  const at = (key: string) => `account.positions[${index}].${key}`;
  if (position.symbol === symbol) {
    if (reference === null) return null;
    return (
      misfit(at('entryPrice'), position.entryPrice, reference) ?? misfit(at('markPrice'), position.markPrice, reference)
    );
  }
  return misfit(at('entryPrice'), position.entryPrice, position.markPrice);
}
