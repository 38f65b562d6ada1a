// Engine vocabulary shared by every venue model. Inputs arrive here already validated
// (see input.ts); every money figure is a Dec, never a float.
import type { Dec } from './decimal';
import type { TierDraft } from './tiers';

export const VENUES = [
  'kraken-margin',
  'binance-usdm',
  'binance-margin',
  'bybit-linear',
  'okx-swap',
  'hyperliquid',
] as const;
export type VenueId = (typeof VENUES)[number];
export type Side = 'long' | 'short';
export type MarginMode = 'isolated' | 'cross';
export type OrderType = 'limit' | 'market';
export type MarginLevelUnit = 'percent' | 'ratio';

/** +1 for long, −1 for short: the sign of PnL per unit of price rise. */
export function sideSign(side: Side): 1 | -1 {
  return side === 'long' ? 1 : -1;
}

export interface Tier {
  notionalFloor: Dec;
  notionalCap: Dec | null; // null: open-ended last tier
  maintenanceMarginRate: Dec;
  maintenanceAmount: Dec; // Binance "cum", Bybit "mmDeduction"; derived when the input omits it
  maxLeverage: Dec | null;
}

export interface OtherPosition {
  symbol: string;
  side: Side;
  quantity: Dec;
  entryPrice: Dec;
  markPrice: Dec;
  maintenanceMarginRate: Dec;
  maintenanceAmount: Dec;
  /** Rate of its fee to close / liquidation fee (Bybit UTA, OKX cross); default the order's taker rate. */
  takerFeeRate?: Dec;
}

export interface Order {
  symbol: string | null;
  side: Side;
  type: OrderType;
  price: Dec;
  quantity: Dec;
  leverage: Dec;
  stopLoss: Dec | null;
  /** Take-profit trigger price (compatible extension); only the PnL line reads it. */
  takeProfit: Dec | null;
}

/** Market facts; every field is optional and filled from venue facts by the model. */
export interface Market {
  markPrice?: Dec;
  maintenanceMarginRate?: Dec;
  maintenanceAmount?: Dec;
  tiers?: TierDraft[]; // maintenance amounts filled by the venue's convention (tiers.ts)
  maxLeverage?: Dec;
  takerFeeRate?: Dec;
  makerFeeRate?: Dec;
  fundingRate?: Dec;
  fundingIntervalHours?: Dec;
  openingFeeRate?: Dec;
  rolloverFeeRate?: Dec;
  rolloverIntervalHours?: Dec;
  borrowRatePerHour?: Dec;
  marginCallLevel?: Dec;
  liquidationLevel?: Dec;
}

export interface Account {
  walletBalance?: Dec;
  extraMargin: Dec;
  positions: OtherPosition[];
}

export interface Limits {
  /** Warn when |mark − liquidation| / mark is below this fraction. */
  minLiquidationDistance: Dec;
  /** Personal leverage ceiling; null = only the venue's maximum applies. */
  maxLeverage: Dec | null;
  /** Largest acceptable loss if the stop-loss fills, fees included (quote currency); null = no limit. */
  maxLoss: Dec | null;
}

export interface QuoteInput {
  venue: VenueId;
  marginMode: MarginMode;
  order: Order;
  market: Market;
  account: Account;
  holdHours: Dec;
  /** Carry start (UTC ms); makes hourly interest counting exact instead of worst case. */
  carryStartMs: number | null;
  limits: Limits;
}

export type Severity = 'danger' | 'warn' | 'info';
export interface Warning {
  code: string;
  severity: Severity;
  message: string;
}

export interface Carry {
  kind: 'funding' | 'interest' | 'rollover';
  opening: Dec;
  perPeriod: Dec | null;
  periodHours: Dec;
  periods: Dec;
  hours: Dec;
  total: Dec | null;
}

export interface Quote {
  venue: VenueId;
  notional: Dec;
  initialMargin: Dec;
  maintenanceMargin: Dec;
  liquidationPrice: Dec | null;
  bankruptcyPrice: Dec | null;
  marginCallPrice: Dec | null;
  marginLevel: Dec | null;
  marginLevelUnit: MarginLevelUnit;
  liquidationDistance: Dec | null;
  fees: { open: Dec; close: Dec };
  carry: Carry;
  breakEvenPrice: Dec | null;
  warnings: Warning[];
  assumptions: string[];
  /** Venue-specific figures (order cost, used margin in base, …); extra to the contract. */
  details: Record<string, Dec | null>;
  /** Profit and loss against the exit price (extra to the contract): see src/core/pnl.ts. */
  pnl: PnlLine;
  /** Isolated margin only: the margin the position holds, lost whole at liquidation (not serialized). */
  isolatedMargin?: Dec;
  /** Set when the account holds a position in the order's market (issue 10): see position-quote.ts. */
  position?: PositionOutcome;
}

/** An order netted into the open position of its market: what is left, and what it realised. */
export interface PositionOutcome {
  change: 'add' | 'reduce' | 'close' | 'flip';
  before: { side: Side; quantity: Dec; entryPrice: Dec };
  /** null: closed exactly. */
  after: { side: Side; quantity: Dec; entryPrice: Dec } | null;
  closedQuantity: Dec;
  /** (exit − entry) × closed × side, before fees; 0 when adding. */
  realisedPnl: Dec;
  /** This order's fee on the size it closes. */
  closingFee: Dec;
  realisedPnlNet: Dec;
  /** Hedge mode: quoted against the position on the order's own side. */
  hedge: boolean;
  /** "after this order: position long 1.5 @ 20333.33333" (10 significant digits). */
  summary: string;
}

/**
 * PnL if the position is closed at price P, trading costs included, carry over time left out:
 *   pnl(P) = atEntry + slope × (P − entry)
 * atEntry is minus the costs paid whatever happens (open fee, close fee at the entry price, any
 * opening charge of the loan); slope = side × quantity − quantity × closing fee rate, because the
 * closing fee is charged at the exit price itself.
 */
export interface PnlLine {
  atEntry: Dec;
  slope: Dec;
  /**
   * At order.stopLoss / order.takeProfit; null without one. Isolated margin: a stop at or beyond
   * the liquidation price never fills, so atStop is then atLiquidation.
   */
  atStop: Dec | null;
  atTakeProfit: Dec | null;
  /** Isolated margin: the loss if liquidated, −(margin posted + opening fee and charge); else null. */
  atLiquidation: Dec | null;
}

/** What a venue model returns; quote() adds the PnL line and the loss-limit warning every venue shares. */
export type ModelQuote = Omit<Quote, 'pnl'>;
