// What OKX's order form shows as an order's "Cost": the initial margin the order adds plus its
// order loss. Background side (decimal.js), for checking the page's own figure against ours
// (issue 13, deliverable 3). Sources:
// - OKX, "What is margin in futures trading?" (https://www.okx.com/help/ii-what-is-margin-in-futures-contracts,
//   published 2022-06-20, updated 2024-10-24), margin requirement for open orders and positions, one-way mode:
//     long position:  max(position notional + buy order value, sell order value − position notional) / leverage
//     short position: max(buy order value − position notional, position notional + sell order value) / leverage
//   i.e. with the position signed (long +, short −): max(p + buys, sells − p) / leverage. The position's
//   notional is at the mark, an order's value is contracts × ctVal × its price (formulas.md §5.2: initial
//   margin = face value × contracts × price / L, OKX's published 1,000 USDT example). No fee is part of it.
// - OKX's announcement "OKX to change initial margin requirement (IMR) for futures under one-way mode …"
//   (2024-10-24): the futures order loss is part of the cost of opening,
//     buy order loss  = |ctVal × contracts × min(0, mark − order price)|,
//     sell order loss = |ctVal × contracts × min(0, order price − mark)|,
//   market orders at an estimated fill price (which we do not know: no figure of ours for them).
// A side's Cost is what its order adds to the requirement plus its order loss: with no position that
// is order value / leverage (+ the loss) on both sides; an order against the position adds no margin
// until it would flip it. Assumed: no other open orders in the instrument; one-way position mode; the
// order loss counted whether the order opens or reduces.
import { Dec, max, ZERO } from '../../core/decimal';
import type { QuoteInput, Side } from '../../core/types';

export interface OkxCostInput {
  side: Side;
  /** The order's size in the base asset (contracts × ctVal) and its price. */
  quantity: Dec;
  price: Dec;
  leverage: Dec;
  /** The live mark price (order loss). */
  mark: Dec;
  /** The position in the same instrument, notional at its mark: + long, − short, 0 for none. */
  positionNotional: Dec;
}

export interface OkxCost {
  /** What the order adds to the initial margin requirement. */
  margin: Dec;
  /** Its futures order loss: how far its price is on the wrong side of the mark, times its size. */
  orderLoss: Dec;
  /** margin + orderLoss: the page's "Cost" (USDT, unrounded). */
  total: Dec;
}

export function okxOrderCost(o: OkxCostInput): OkxCost {
  const p = o.positionNotional;
  const value = o.quantity.times(o.price);
  const after = o.side === 'long' ? max(p.plus(value), p.neg()) : max(p, value.minus(p));
  const margin = after.minus(p.abs()).div(o.leverage);
  const against = o.side === 'long' ? o.price.minus(o.mark) : o.mark.minus(o.price);
  const orderLoss = o.quantity.times(max(ZERO, against));
  return { margin, orderLoss, total: margin.plus(orderLoss) };
}

/** The same for the order a quote input describes (at `mark`), with its position in that instrument, if any. */
export function okxOrderCostOf(input: Pick<QuoteInput, 'order' | 'account'>, mark: Dec, side?: Side): OkxCost {
  const { order, account } = input;
  const positionNotional = account.positions
    .filter((pos) => pos.symbol === order.symbol)
    .reduce((sum, pos) => {
      const notional = pos.quantity.times(pos.markPrice);
      return pos.side === 'long' ? sum.plus(notional) : sum.minus(notional);
    }, ZERO);
  return okxOrderCost({
    side: side ?? order.side,
    quantity: order.quantity,
    price: order.price,
    leverage: order.leverage,
    mark,
    positionNotional,
  });
}
