// An order in a market where the account already holds a position (issue 10). The venues net
// it into that position (one-way mode), so the figures a trader needs are the RESULTING
// position's, not the order's alone:
//   same side (adding):      size Q1 + q, entry (Q1·E1 + q·P) / (Q1 + q)
//   opposite, smaller:       size Q1 − q at the OLD entry E1; closed part realises (P − E1)·q·s1
//   opposite, equal:         closed; realises (P − E1)·Q1·s1; nothing left to liquidate
//   opposite, larger (flip): the old position closes (as above), a new one of q − Q1 at P
// Entry averaging: Binance USDⓈ-M, Bybit, OKX and Hyperliquid linear contracts keep one entry
// per position, the size-weighted average of the fills; closing part of it leaves that average
// unchanged. formulas.md states no averaging rule (its §1–§6 cover single positions), so the rule
// is named in the quote's assumptions. Kraken spot margin (§1.1) keeps one position per fill
// but its margin level is linear in the positions (equity and used margin are sums), so one
// position at the size-weighted entry gives the same margin level and liquidation price.
// This file is pure arithmetic over the validated input; position-quote.ts runs the models.
import { Dec, ZERO } from './decimal';
import { InputError } from './errors';
import type { OtherPosition, QuoteInput, Side } from './types';
import { sideSign } from './types';

export type ChangeKind = 'add' | 'reduce' | 'close' | 'flip';

export interface PositionState {
  side: Side;
  quantity: Dec;
  entryPrice: Dec;
}

export interface PositionChange {
  kind: ChangeKind;
  before: PositionState;
  /** null: the order closes the position exactly. */
  after: PositionState | null;
  /** Size of the old position this order closes (0 when adding). */
  closedQuantity: Dec;
  /** Size this order opens at its own price (q when adding, q − Q1 on a flip, else 0). */
  openedQuantity: Dec;
  /** (exit − entry) × closed × sign of the old position, before the closing fee. */
  realisedPnlGross: Dec;
}

export interface ExistingPosition {
  position: OtherPosition;
  /** The account's positions without it (other symbols; in hedge mode the other side too). */
  others: OtherPosition[];
  /** Two positions of this symbol, one per side: the order's side was taken. */
  hedge: boolean;
}

function sameSymbol(p: OtherPosition, symbol: string): boolean {
  return p.symbol.toUpperCase() === symbol.toUpperCase();
}

/**
 * The position in the order's own market, or null when there is none (or no symbol to match).
 * One: one-way mode, the order nets into it. Two of opposite sides: hedge mode, the order is
 * taken as opening on its own side, so it adds to that side's position. Anything else cannot be
 * read either way and is refused rather than guessed.
 */
export function findExisting(input: QuoteInput): ExistingPosition | null {
  const symbol = input.order.symbol;
  if (symbol === null) return null;
  const mine = input.account.positions.filter((p) => sameSymbol(p, symbol));
  if (mine.length === 0) return null;
  const others = input.account.positions.filter((p) => !sameSymbol(p, symbol));
  if (mine.length === 1) return { position: mine[0]!, others, hedge: false };
  const ownSide = mine.filter((p) => p.side === input.order.side);
  if (mine.length === 2 && ownSide.length === 1) {
    const opposite = mine.find((p) => p.side !== input.order.side)!;
    return { position: ownSide[0]!, others: [...others, opposite], hedge: true };
  }
  throw new InputError(
    'UNSUPPORTED',
    `account.positions holds ${mine.length} positions in ${symbol}: give one (one-way mode) or one per side (hedge mode)`,
    'account.positions',
  );
}

/** The order netted into the position `before` (one-way rule; see the header). */
export function netPosition(before: PositionState, order: { side: Side; quantity: Dec; price: Dec }): PositionChange {
  const s1 = sideSign(before.side);
  const pnlOn = (closed: Dec): Dec => order.price.minus(before.entryPrice).times(closed).times(s1);
  if (order.side === before.side) {
    const quantity = before.quantity.plus(order.quantity);
    const entryPrice = before.quantity.times(before.entryPrice).plus(order.quantity.times(order.price)).div(quantity);
    return {
      kind: 'add',
      before,
      after: { side: before.side, quantity, entryPrice },
      closedQuantity: ZERO,
      openedQuantity: order.quantity,
      realisedPnlGross: ZERO,
    };
  }
  const cmp = order.quantity.comparedTo(before.quantity);
  if (cmp < 0) {
    const after = { side: before.side, quantity: before.quantity.minus(order.quantity), entryPrice: before.entryPrice };
    return {
      kind: 'reduce',
      before,
      after,
      closedQuantity: order.quantity,
      openedQuantity: ZERO,
      realisedPnlGross: pnlOn(order.quantity),
    };
  }
  if (cmp === 0) {
    return {
      kind: 'close',
      before,
      after: null,
      closedQuantity: before.quantity,
      openedQuantity: ZERO,
      realisedPnlGross: pnlOn(before.quantity),
    };
  }
  const opened = order.quantity.minus(before.quantity);
  return {
    kind: 'flip',
    before,
    after: { side: order.side, quantity: opened, entryPrice: order.price },
    closedQuantity: before.quantity,
    openedQuantity: opened,
    realisedPnlGross: pnlOn(before.quantity),
  };
}

export interface ResultingInputOptions {
  /** Fee rate this order pays (maker for a resting limit, taker for a market order). */
  orderFeeRate: Dec;
  /**
   * Margin the venue's model assigns to an isolated position of this size and entry when the
   * input gives none, beyond notional / leverage (Bybit UTA: the fee to close reserve).
   */
  isolatedReserve: (p: PositionState, leverage: Dec) => Dec;
}

/** Realised PnL of the closed part net of this order's fee on it. */
export function closingFee(change: PositionChange, price: Dec, feeRate: Dec): Dec {
  return change.closedQuantity.times(price).times(feeRate);
}

/**
 * Input for the venue model: the resulting position as if it were the order, the account after
 * the closed part settles. Null when nothing is left (a closing order has no liquidation price).
 *   cross:    wallet + realised PnL net of the closing fee (realised PnL settles in the wallet);
 *             the position leaves account.positions (it is now "the order").
 *   isolated: the model's default margin for the resulting position is its initial margin
 *             (+ reserve); what the existing position held beyond its own default is passed as
 *             extra margin: all of it when adding (existing margin + this order's initial margin),
 *             the remaining share when reducing (margin released pro rata), none on a flip (the
 *             old position's margin is released, the new one starts at its initial margin).
 *             The existing margin is account.walletBalance (isolated: "margin assigned to this
 *             position") plus account.extraMargin, or its default when not given.
 */
export function resultingInput(
  input: QuoteInput,
  existing: ExistingPosition,
  change: PositionChange,
  options: ResultingInputOptions,
): QuoteInput | null {
  if (change.after === null) return null;
  const { order, account } = input;
  const after = change.after;
  const market = { ...input.market, markPrice: input.market.markPrice ?? existing.position.markPrice };
  // A reducing order's stop and take-profit belong to the closing order, not to what remains.
  const exits = change.kind === 'reduce' ? { stopLoss: null, takeProfit: null } : {};
  const resultingOrder = { ...order, ...exits, side: after.side, quantity: after.quantity, price: after.entryPrice };
  if (input.marginMode === 'cross') {
    const net = change.realisedPnlGross.minus(closingFee(change, order.price, options.orderFeeRate));
    const walletBalance = account.walletBalance === undefined ? undefined : account.walletBalance.plus(net);
    const next = { ...account, positions: existing.others };
    if (walletBalance === undefined) delete next.walletBalance;
    else next.walletBalance = walletBalance;
    return { ...input, market, order: resultingOrder, account: next };
  }
  const before = change.before;
  const defaultBefore = before.quantity
    .times(before.entryPrice)
    .div(order.leverage)
    .plus(options.isolatedReserve(before, order.leverage));
  const heldBefore = (account.walletBalance ?? defaultBefore).plus(account.extraMargin);
  const beyondDefault = heldBefore.minus(defaultBefore);
  const extraMargin =
    change.kind === 'add'
      ? beyondDefault
      : change.kind === 'reduce'
        ? beyondDefault.times(after.quantity).div(before.quantity)
        : ZERO;
  const next = { extraMargin, positions: existing.others };
  return { ...input, market, order: resultingOrder, account: next };
}
