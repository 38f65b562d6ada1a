// The page's other positions as engine input, for planQuote (quote-input.ts): each position's
// maintenance margin from the page's own figure or the venue's tier table (PositionRateLookup),
// and the positions in the order's own market that the engine nets the order into.
import { Dec } from '../core/decimal';
import { netPosition } from '../core/position-change';
import type { Side, VenueId } from '../core/types';
import type { PagePosition } from './types';

/** Maintenance rate and deduction of another position, when only its notional is known. */
export type PositionRateLookup = (venue: VenueId, symbol: string, notional: Dec) => { rate: Dec; amount: Dec } | null;

/** A page position as engine input, or null when its maintenance margin cannot be worked out. */
export function positionInput(
  venue: VenueId,
  position: PagePosition,
  lookup: PositionRateLookup | undefined,
): Record<string, string> | null {
  const notional = new Dec(position.quantity).times(position.markPrice);
  let rate: Dec;
  let amount = new Dec(0);
  let feeIncluded = false;
  if (position.maintenanceMargin !== null && notional.greaterThan(0)) {
    // The page's own figure at the current mark: exact now, and the other positions' marks do not follow this order's price.
    rate = new Dec(position.maintenanceMargin).div(notional);
    // Bybit's UTA "Position MM" already holds the position's fee to close: the engine must not add it again.
    feeIncluded = venue === 'bybit-linear';
  } else {
    const found = lookup?.(venue, position.symbol, notional) ?? null;
    if (found === null) return null;
    rate = found.rate;
    amount = found.amount;
  }
  if (!rate.lessThan(1)) return null;
  return {
    symbol: position.symbol,
    side: position.side,
    quantity: position.quantity,
    entryPrice: position.entryPrice,
    markPrice: position.markPrice,
    maintenanceMarginRate: rate.toFixed(),
    maintenanceAmount: amount.toFixed(),
    ...(feeIncluded ? { takerFeeRate: '0' } : {}),
  };
}

/**
 * The page's positions in the order's own market that the engine can net the order into
 * (src/core/position-change.ts): one (one-way mode), or two of opposite sides (hedge mode: the
 * engine takes the one on the order's side). Null when there are none; 'undetermined' when the
 * page shows another combination (two on one side, more than two), which cannot be read either way.
 */
export function ownMarketPositions(
  shown: readonly PagePosition[],
  symbol: string,
): PagePosition[] | 'undetermined' | null {
  const own = shown.filter((p) => p.symbol === symbol);
  if (own.length === 0) return null;
  if (own.length === 1 || (own.length === 2 && own[0]!.side !== own[1]!.side)) return own;
  return 'undetermined';
}

/** Size of the position the order leaves (for a tier picked by size), or the order's own when nothing is left. */
export function resultingQuantity(own: PagePosition[] | 'undetermined' | null, side: Side, quantity: Dec): Dec {
  if (own === null || own === 'undetermined') return quantity;
  const open = own.length === 2 ? own.find((p) => p.side === side)! : own[0]!;
  const change = netPosition(
    { side: open.side, quantity: new Dec(open.quantity), entryPrice: new Dec(open.entryPrice) },
    { side, quantity, price: new Dec(open.entryPrice) },
  );
  return change.after?.quantity ?? quantity;
}

/** A page position in the order's own market as engine input; its rate is only read in hedge mode (the other side). */
export function ownPositionInput(
  venue: VenueId,
  position: PagePosition,
  lookup: PositionRateLookup | undefined,
): Record<string, string> {
  // The engine re-derives the resulting position's tier from the order's market; a rate the page
  // does not give is left at 0 here, as the netted position's own rate is not used.
  return (
    positionInput(venue, position, lookup) ?? {
      symbol: position.symbol,
      side: position.side,
      quantity: position.quantity,
      entryPrice: position.entryPrice,
      markPrice: position.markPrice,
      maintenanceMarginRate: '0',
      maintenanceAmount: '0',
    }
  );
}
