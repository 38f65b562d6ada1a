// Which live borrow rate an order pays (Binance spot margin): the rate table of its account
// (cross or isolated) for the asset its side borrows (a long the quote asset, a short the base).
// Only a fresh figure is used; an old one is reported stale and the engine falls back to the
// bundled example rate, saying so.
import type { MarginMode, Side } from '../core/types';
import { isFresh, type DecimalString, type MarketFigureKey, type MarketSnapshot } from './types';

export interface LiveBorrowRate {
  /** Hourly rate (VIP 0 daily rate ÷ 24). */
  value: DecimalString;
  ageMs: number;
  account: MarginMode;
  side: Side;
}

export function borrowRateKey(account: MarginMode, side: Side): MarketFigureKey {
  if (account === 'cross') return side === 'long' ? 'borrowRateCrossLong' : 'borrowRateCrossShort';
  return side === 'long' ? 'borrowRateIsolatedLong' : 'borrowRateIsolatedShort';
}

/** The live rate for this order, or the key of the one held too long (null when none is held). */
export function liveBorrowRate(
  snapshot: MarketSnapshot | null,
  account: MarginMode,
  side: Side,
  now: number,
): { rate: LiveBorrowRate | null; stale: MarketFigureKey | null } {
  const key = borrowRateKey(account, side);
  const figure = snapshot?.figures[key];
  if (figure === undefined) return { rate: null, stale: null };
  if (!isFresh(figure, key, now)) return { rate: null, stale: key };
  return { rate: { value: figure.value, ageMs: Math.max(0, now - figure.receivedAt), account, side }, stale: null };
}

/** The quote's assumption line for a live rate: its table, the asset it is for, and its age. */
export function borrowRateNote(rate: LiveBorrowRate): string {
  const minutes = Math.floor(rate.ageMs / 60_000);
  const asset = rate.side === 'long' ? 'quote asset a long' : 'base asset a short';
  return (
    `hourly borrow rate ${rate.value} of the ${asset} borrows, from Binance's public ${rate.account}-margin rate table ` +
    `(VIP 0 daily rate ÷ 24, ${minutes} min old; a VIP level pays less)`
  );
}
