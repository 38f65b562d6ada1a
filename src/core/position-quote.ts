// Quoting an order that changes an existing position in its own market (issue 10): the venue
// model quotes the RESULTING position (position-change.ts builds its input), and this file
// puts back what belongs to the order itself:
//   - fees.open: this order's fee on the part it opens (all of it when adding, the new side's
//     part on a flip, nothing when it only reduces: that fee is in the realised PnL instead);
//   - carry.opening (Kraken's margin opening fee): likewise only on the part opened;
//   - order-cost details (Bybit order cost, Binance cost to open): the order's own, when adding;
//   - `position`: before, after, realised PnL and the sentence "after this order: …".
// A closing order gets no liquidation, bankruptcy or margin-call price: nothing is left to
// liquidate. Binance spot margin is left out: its model does not weigh positions yet (a
// warning says so), and a margin sell that repays a loan is not a position netting.
import { breakEvenPrice, carryCost } from './costs';
import { Dec, ZERO } from './decimal';
import type { VenueFacts } from './facts';
import { withPnl } from './pnl';
import {
  closingFee,
  findExisting,
  netPosition,
  resultingInput,
  type ExistingPosition,
  type PositionChange,
  type PositionState,
} from './position-change';
import type { Carry, ModelQuote, PositionOutcome, Quote, QuoteInput } from './types';
import { sideSign } from './types';

type Model = (input: QuoteInput, facts: VenueFacts | undefined) => ModelQuote;

/** Details that price the order itself, not the position it leaves. */
const ORDER_COST_KEYS = ['orderCost', 'feeToOpen', 'feeToClose', 'costToOpen', 'openLoss'];

/** The models' own note for an isolated quote without a margin; here the margin is the resulting position's. */
const MODEL_MARGIN_NOTE = 'isolated margin = the initial margin of this order';

function fmt(value: Dec): string {
  return value.toSignificantDigits(10).toFixed();
}

function stateText(p: PositionState): string {
  return `${p.side} ${fmt(p.quantity)} @ ${fmt(p.entryPrice)}`;
}

/**
 * Bybit UTA's default isolated margin carries the fee to close at the bankruptcy price
 * (formulas.md §4.2): Q × EP × (1 ∓ 1/L) × taker. The other venues' default is notional / L.
 */
function reserveRule(input: QuoteInput, takerRate: Dec): (p: PositionState, leverage: Dec) => Dec {
  if (input.venue !== 'bybit-linear') return () => ZERO;
  return (p, leverage) =>
    p.quantity
      .times(p.entryPrice)
      .times(new Dec(1).minus(new Dec(sideSign(p.side)).div(leverage)))
      .times(takerRate);
}

function ruleNotes(input: QuoteInput, existing: ExistingPosition, change: PositionChange): string[] {
  const symbol = existing.position.symbol;
  const notes = [
    existing.hedge
      ? `hedge mode: two ${symbol} positions, one per side; this order is quoted against the ${input.order.side} one (taken as opening on its own side)`
      : `one-way mode assumed: this order nets into the open ${stateText(change.before)} ${symbol} position`,
  ];
  if (change.kind === 'add') {
    notes.push(
      input.venue === 'kraken-margin'
        ? 'Kraken keeps a position per fill; margin level is a sum over them, so one position at the size-weighted average entry gives the same figures'
        : 'entry after adding = size-weighted average of the entry prices (one entry per position on this venue; the rule is not in formulas.md)',
    );
  } else {
    notes.push("realised PnL = (this order's price − entry) × size closed × side, less this order's fee on that size");
    if (change.kind === 'reduce') notes.push('the remaining position keeps its entry price');
    if (change.kind === 'flip')
      notes.push("flip: the old position closes; a new one of the difference opens at this order's price");
  }
  if (input.marginMode === 'cross') {
    if (change.kind !== 'add') notes.push('cross: the realised PnL settles into the wallet balance');
  } else {
    if (input.account.walletBalance === undefined && change.kind !== 'flip') {
      notes.push(
        `isolated margin of the open position not given: taken as its initial margin at ${input.order.leverage.toFixed()}×${input.venue === 'bybit-linear' ? ' plus its fee to close' : ''} (an estimate)`,
      );
    }
    notes.push(
      {
        add: "isolated: margin after adding = the open position's margin + this order's initial margin",
        reduce:
          'isolated: margin released in proportion to the size closed (an estimate); realised PnL goes to the wallet',
        flip: "isolated: the old position's margin is released; the new position starts with its initial margin",
        close: "isolated: the position's margin is released to the wallet",
      }[change.kind],
    );
  }
  if (input.market.markPrice === undefined)
    notes.push(`mark price not given: the open position's mark ${existing.position.markPrice.toFixed()} is used`);
  return notes;
}

function outcomeOf(change: PositionChange, fee: Dec, hedge: boolean): PositionOutcome {
  const realisedPnlNet = change.realisedPnlGross.minus(fee);
  const summary =
    change.after === null
      ? `after this order: position closed, realised PnL ${fmt(realisedPnlNet)} after fees`
      : `after this order: position ${stateText(change.after)}`;
  return {
    change: change.kind,
    before: change.before,
    after: change.after,
    closedQuantity: change.closedQuantity,
    realisedPnl: change.realisedPnlGross,
    closingFee: fee,
    realisedPnlNet,
    hedge,
    summary,
  };
}

function closedQuote(alone: ModelQuote, outcome: PositionOutcome, notes: string[]): Quote {
  const carry: Carry = {
    ...alone.carry,
    opening: ZERO,
    perPeriod: alone.carry.perPeriod === null ? null : ZERO,
    total: ZERO,
  };
  return {
    ...alone,
    notional: ZERO,
    initialMargin: ZERO,
    maintenanceMargin: ZERO,
    liquidationPrice: null,
    bankruptcyPrice: null,
    marginCallPrice: null,
    marginLevel: null,
    liquidationDistance: null,
    fees: { open: ZERO, close: ZERO },
    carry,
    breakEvenPrice: null,
    warnings: [
      {
        code: 'POSITION_CLOSED',
        severity: 'info',
        message: `This order closes the whole position: nothing is left to liquidate. ${outcome.summary}.`,
      },
    ],
    assumptions: [...alone.assumptions, ...notes],
    details: {},
    pnl: { atEntry: ZERO, slope: ZERO, atStop: null, atTakeProfit: null, atLiquidation: null },
    position: outcome,
  };
}

/** The quote of an order in a market where the account holds a position; null when it holds none. */
export function quotePositionChange(input: QuoteInput, facts: VenueFacts | undefined, model: Model): Quote | null {
  if (input.venue === 'binance-margin') return null;
  const existing = findExisting(input);
  if (existing === null) return null;
  const { order } = input;
  // The order alone gives its own fee rates and cost figures (the models resolve them from facts).
  // Without a mark in the input, the open position's own mark is the market's (also for open loss).
  const market = { ...input.market, markPrice: input.market.markPrice ?? existing.position.markPrice };
  const alone = model({ ...input, market, account: { ...input.account, positions: existing.others } }, facts);
  const orderNotional = order.quantity.times(order.price);
  const orderFeeRate = alone.fees.open.div(orderNotional);
  const takerRate = alone.fees.close.div(orderNotional);
  const before: PositionState = {
    side: existing.position.side,
    quantity: existing.position.quantity,
    entryPrice: existing.position.entryPrice,
  };
  const change = netPosition(before, order);
  const outcome = outcomeOf(change, closingFee(change, order.price, orderFeeRate), existing.hedge);
  const notes = ruleNotes(input, existing, change);
  const next = resultingInput(input, existing, change, {
    orderFeeRate,
    isolatedReserve: reserveRule(input, takerRate),
  });
  if (next === null) return closedQuote(alone, outcome, notes);

  const resulting = model(next, facts);
  const opened = change.openedQuantity.times(order.price);
  const fees = { open: opened.times(orderFeeRate), close: resulting.fees.close };
  const opening = opened.times(alone.carry.opening.div(orderNotional));
  const carry: Carry = {
    ...resulting.carry,
    opening,
    total: resulting.carry.total === null ? null : resulting.carry.total.minus(resulting.carry.opening).plus(opening),
  };
  const details = { ...resulting.details };
  for (const key of ORDER_COST_KEYS) {
    if (!(key in details)) continue;
    if (change.kind === 'add' && key in alone.details) details[key] = alone.details[key]!;
    else delete details[key];
  }
  const quoted: ModelQuote = {
    ...resulting,
    fees,
    carry,
    details,
    breakEvenPrice: breakEvenPrice(next.order, fees.open.plus(carryCost(carry)), takerRate),
    assumptions: [...resulting.assumptions.filter((a) => a !== MODEL_MARGIN_NOTE), ...notes],
  };
  return { ...withPnl(quoted, next), position: outcome };
}
