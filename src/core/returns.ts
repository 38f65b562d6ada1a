// Return on equity, risk : reward and the target price for a chosen ROE: what the exchanges'
// own calculators show beside the liquidation price (issue 12).
//
// ROE (after fees) = PnL at the exit price / initial margin.
// - Initial margin is the quote's own initialMargin: notional at the entry price / leverage on
//   every perpetual venue (Binance, Bybit, OKX, Hyperliquid all define ROE on it), Kraken's used
//   margin (cost / leverage), and on Binance spot margin the collateral the order needs
//   (notional / L, a short notional / (L − 1)). Bybit's fee-to-close reserve is not in it.
// - The PnL is the engine's PnL line (src/core/pnl.ts), which is AFTER TRADING FEES: the opening
//   fee, the closing fee charged at the exit price (taker) and Kraken's margin opening fee.
//   Funding, interest and rollover over the holding time are NOT in it (they depend on when the
//   position closes; the break-even price has them). The venues' calculators (Binance's "ROE")
//   leave fees out, so ours is lower by the fees / initial margin, and every surface labels it
//   "ROE (after fees)". An isolated stop at or beyond liquidation never fills: its ROE is that of
//   the loss at liquidation (pnl.atStop already is), i.e. below −100 % by the fees.
// - Risk : reward = the reward at the take-profit / the risk at the stop, both after fees: 1 : R
//   with R = pnl.atTakeProfit / −pnl.atStop, only when the take-profit gains and the stop loses.
// - Target price for ROE r inverts the line: pnl(P) = r × IM, with pnl(P) = atEntry + slope × (P −
//   entry), so P = entry + (r × IM − atEntry) / slope — the same fees as the ROE, so the ROE at that
//   price is r again. Isolated: a target at or beyond liquidation is unreachable.
// ROE and R:R are fractions in the JSON (0.25 = 25 %; 2.5 = 1 : 2.5), like liquidationDistance.
import { Dec, ZERO } from './decimal';
import type { PnlLine, Quote, Side } from './types';
import { sideSign } from './types';

export interface Returns {
  /** ROE (after fees) at order.takeProfit as a fraction; null without a take-profit or margin. */
  roeAtTakeProfit: Dec | null;
  /** ROE (after fees) at order.stopLoss (the loss at liquidation when the stop never fills). */
  roeAtStop: Dec | null;
  /** Reward at the take-profit / risk at the stop, both after fees; null unless the TP gains and the stop loses. */
  riskReward: Dec | null;
}

/** What the ROE figures rest on: the PnL line of the (resulting) position and its margin. */
export interface ReturnsBasis {
  side: Side;
  /** Entry price of the line: the order price, or the resulting position's entry (issue 10). */
  entry: Dec;
  initialMargin: Dec;
  line: Pick<PnlLine, 'atEntry' | 'slope' | 'atLiquidation'>;
  liquidationPrice: Dec | null;
}

function roeOf(pnl: Dec | null, initialMargin: Dec): Dec | null {
  if (pnl === null || !initialMargin.greaterThan(0)) return null;
  return pnl.div(initialMargin);
}

export function returnsOf(q: Pick<Quote, 'initialMargin' | 'pnl'>): Returns {
  const { atStop, atTakeProfit } = q.pnl;
  const riskReward =
    atStop !== null && atTakeProfit !== null && atStop.lessThan(0) && atTakeProfit.greaterThan(0)
      ? atTakeProfit.div(atStop.negated())
      : null;
  return {
    roeAtTakeProfit: roeOf(atTakeProfit, q.initialMargin),
    roeAtStop: roeOf(atStop, q.initialMargin),
    riskReward,
  };
}

/** Whether an exit at `price` lies at or beyond an isolated liquidation (the position is gone first). */
function beyondLiquidation(b: ReturnsBasis, price: Dec): boolean {
  if (b.line.atLiquidation === null || b.liquidationPrice === null) return false;
  return b.side === 'long'
    ? price.lessThanOrEqualTo(b.liquidationPrice)
    : price.greaterThanOrEqualTo(b.liquidationPrice);
}

/** ROE (after fees) if closed at `price`; isolated: the loss at liquidation at or beyond it. */
export function roeAt(b: ReturnsBasis, price: Dec): Dec | null {
  if (beyondLiquidation(b, price)) return roeOf(b.line.atLiquidation, b.initialMargin);
  return roeOf(b.line.atEntry.plus(b.line.slope.times(price.minus(b.entry))), b.initialMargin);
}

export type RoeTarget = { ok: true; price: Dec } | { ok: false; reason: 'noMargin' | 'noPrice' | 'liquidated' };

/** The exit price whose ROE (after fees) is `roe` (a fraction: 0.5 = 50 %). */
export function priceForRoe(b: ReturnsBasis, roe: Dec): RoeTarget {
  if (!b.initialMargin.greaterThan(0) || b.line.slope.isZero()) return { ok: false, reason: 'noMargin' };
  const price = b.entry.plus(roe.times(b.initialMargin).minus(b.line.atEntry).div(b.line.slope));
  if (!price.greaterThan(0)) return { ok: false, reason: 'noPrice' };
  if (beyondLiquidation(b, price)) return { ok: false, reason: 'liquidated' };
  return { ok: true, price };
}

/** The price move of the target in the position's favour (+) or against it (−), as a fraction of the entry. */
export function moveFraction(b: Pick<ReturnsBasis, 'side' | 'entry'>, price: Dec): Dec {
  return b.entry.isZero() ? ZERO : price.minus(b.entry).div(b.entry).times(sideSign(b.side));
}

/** The basis from the contract JSON (what the popup and overlay hold): numbers as decimal strings. */
export function basisFromJson(
  json: {
    initialMargin: string;
    liquidationPrice: string | null;
    pnl: { atEntry: string; slope: string; atLiquidation?: string | null };
    position?: { after: { side: Side; entryPrice: string } | null };
  },
  order: { side: Side; price: string },
): ReturnsBasis | null {
  if (json.position !== undefined && json.position.after === null) return null;
  const after = json.position?.after;
  const atLiquidation = json.pnl.atLiquidation ?? null;
  return {
    side: after?.side ?? order.side,
    entry: new Dec(after?.entryPrice ?? order.price),
    initialMargin: new Dec(json.initialMargin),
    line: {
      atEntry: new Dec(json.pnl.atEntry),
      slope: new Dec(json.pnl.slope),
      atLiquidation: atLiquidation === null ? null : new Dec(atLiquidation),
    },
    liquidationPrice: json.liquidationPrice === null ? null : new Dec(json.liquidationPrice),
  };
}
