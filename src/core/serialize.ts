// Quote → the JSON of the `preflight quote` contract: every number a plain decimal string
// (unrounded; display rounding belongs to the UI) or null.
import { toDecimalString, type Dec } from './decimal';
import { returnsOf } from './returns';
import type { Carry, MarginLevelUnit, PositionOutcome, Quote, Side, VenueId, Warning } from './types';

type Num = string | null;

export interface QuoteJson {
  venue: VenueId;
  notional: string;
  initialMargin: string;
  maintenanceMargin: string;
  liquidationPrice: Num;
  bankruptcyPrice: Num;
  marginCallPrice: Num;
  marginLevel: Num;
  marginLevelUnit: MarginLevelUnit;
  liquidationDistance: Num;
  fees: { open: string; close: string };
  carry: {
    kind: Carry['kind'];
    opening: string;
    perPeriod: Num;
    periodHours: string;
    periods: string;
    hours: string;
    total: Num;
  };
  breakEvenPrice: Num;
  warnings: Warning[];
  assumptions: string[];
  details: Record<string, Num>;
  /** Extra to the contract: PnL against the exit price, pnl(P) = atEntry + slope × (P − entry), fees in, carry out. */
  pnl: { atEntry: string; slope: string; atStop: Num; atTakeProfit: Num; atLiquidation: Num };
  /**
   * Extra to the contract (issue 12): ROE after trading fees (PnL line / initial margin, a fraction:
   * 0.25 = 25 %) at the take-profit and the stop, and reward / risk (2.5 = 1 : 2.5); see returns.ts.
   */
  returns?: { roeAtTakeProfit: Num; roeAtStop: Num; riskReward: Num };
  /** Extra to the contract, only when the account holds a position in the order's market (issue 10). */
  position?: PositionJson;
}

export interface PositionStateJson {
  side: Side;
  quantity: string;
  entryPrice: string;
}

export interface PositionJson {
  change: PositionOutcome['change'];
  before: PositionStateJson;
  after: PositionStateJson | null;
  closedQuantity: string;
  realisedPnl: string;
  closingFee: string;
  realisedPnlNet: string;
  hedge: boolean;
  summary: string;
}

function stateJson(p: { side: Side; quantity: Dec; entryPrice: Dec }): PositionStateJson {
  return { side: p.side, quantity: toDecimalString(p.quantity), entryPrice: toDecimalString(p.entryPrice) };
}

function positionJson(p: PositionOutcome): PositionJson {
  return {
    change: p.change,
    before: stateJson(p.before),
    after: p.after === null ? null : stateJson(p.after),
    closedQuantity: toDecimalString(p.closedQuantity),
    realisedPnl: toDecimalString(p.realisedPnl),
    closingFee: toDecimalString(p.closingFee),
    realisedPnlNet: toDecimalString(p.realisedPnlNet),
    hedge: p.hedge,
    summary: p.summary,
  };
}

function num(value: Dec | null): Num {
  return value === null ? null : toDecimalString(value);
}

export function serializeQuote(q: Quote): QuoteJson {
  const json: QuoteJson = {
    venue: q.venue,
    notional: toDecimalString(q.notional),
    initialMargin: toDecimalString(q.initialMargin),
    maintenanceMargin: toDecimalString(q.maintenanceMargin),
    liquidationPrice: num(q.liquidationPrice),
    bankruptcyPrice: num(q.bankruptcyPrice),
    marginCallPrice: num(q.marginCallPrice),
    marginLevel: num(q.marginLevel),
    marginLevelUnit: q.marginLevelUnit,
    liquidationDistance: num(q.liquidationDistance),
    fees: { open: toDecimalString(q.fees.open), close: toDecimalString(q.fees.close) },
    carry: {
      kind: q.carry.kind,
      opening: toDecimalString(q.carry.opening),
      perPeriod: num(q.carry.perPeriod),
      periodHours: toDecimalString(q.carry.periodHours),
      periods: toDecimalString(q.carry.periods),
      hours: toDecimalString(q.carry.hours),
      total: num(q.carry.total),
    },
    breakEvenPrice: num(q.breakEvenPrice),
    warnings: q.warnings.map((w) => ({ ...w })),
    assumptions: [...q.assumptions],
    details: Object.fromEntries(Object.entries(q.details).map(([k, v]) => [k, num(v)])),
    pnl: {
      atEntry: toDecimalString(q.pnl.atEntry),
      slope: toDecimalString(q.pnl.slope),
      atStop: num(q.pnl.atStop),
      atTakeProfit: num(q.pnl.atTakeProfit),
      atLiquidation: num(q.pnl.atLiquidation),
    },
  };
  const returns = returnsOf(q);
  json.returns = {
    roeAtTakeProfit: num(returns.roeAtTakeProfit),
    roeAtStop: num(returns.roeAtStop),
    riskReward: num(returns.riskReward),
  };
  if (q.position) json.position = positionJson(q.position);
  return json;
}
