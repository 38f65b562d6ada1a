// What OKX's order form shows as an order's "Cost": the initial margin the order adds. Background
// side (decimal.js), for checking the page's own figure against ours (issue 13, deliverable 3).
// Rule and source: OKX, "What is margin in futures trading?" (okx.com help, product documentation,
// published 2022-06-20, updated 2025-04-01), margin requirement for open orders and positions in
// one-way mode:
//   long position:  max(position notional + buy order value, sell order value − position notional) / leverage
//   short position: max(buy order value − position notional, position notional + sell order value) / leverage
// i.e. with the position signed (long +, short −): max(p + buys, sells − p) / leverage; the position's
// notional is at the mark, an order's value is contracts × ctVal × its price (formulas.md §5.2: initial
// margin = face value × contracts × price / L, OKX's published 1,000 USDT example). No fee is part of
// it (unlike Bybit's order cost). A side's Cost is what its order adds to the requirement: with no
// position that is order value / leverage on both sides; an order against the position adds nothing
// until it would flip it. Assumed: no other open orders in the instrument; one-way position mode.
import { Dec } from '../../core/decimal';
import type { QuoteInput, Side } from '../../core/types';

export interface OkxCostInput {
  side: Side;
  /** contracts × ctVal × the order's price (the mark for a market order), in USDT. */
  orderValue: Dec;
  leverage: Dec;
  /** The position in the same instrument, notional at its mark: + long, − short, 0 for none. */
  positionNotional: Dec;
}

/** The margin OKX requires in addition for this order (USDT, unrounded). */
export function okxOrderCost({ side, orderValue, leverage, positionNotional: p }: OkxCostInput): Dec {
  const after = side === 'long' ? Dec.max(p.plus(orderValue), p.neg()) : Dec.max(p, orderValue.minus(p));
  return after.minus(p.abs()).div(leverage);
}

/** The same for the order a quote input describes, with the input's position in that instrument (if any). */
export function okxOrderCostOf(input: Pick<QuoteInput, 'order' | 'account'>): Dec {
  const { order, account } = input;
  const positionNotional = account.positions
    .filter((pos) => pos.symbol === order.symbol)
    .reduce((sum, pos) => {
      const notional = pos.quantity.times(pos.markPrice);
      return pos.side === 'long' ? sum.plus(notional) : sum.minus(notional);
    }, new Dec(0));
  return okxOrderCost({
    side: order.side,
    orderValue: order.quantity.times(order.price),
    leverage: order.leverage,
    positionNotional,
  });
}
