// Every message between content scripts and the background, with its direction in its name.
// Types and constants only, so both sides can import this file. Each receiver validates with
// its own module: validate-cs-to-bg.ts in the background (decimal.js, like the engine) and
// validate-bg-to-cs.ts in the content script (regex only: decimal.js must stay out of the page).
import type { MarginLevelUnit, Side, Severity, VenueId } from '../core/types';
import type { MarketFigureKey, MarketSnapshot, MarkState, OrderForm } from '../venues/types';

/** Long-lived port a content script opens; the background answers every form with quotes over it. */
export const MARKET_PORT = 'cs→bg:market';

/** A venue's own symbol ("XBTUSD", "BTC/USD", "BTCUSDT"). */
export const SYMBOL = /^[A-Za-z0-9._:/-]{1,40}$/;
export const FIGURE_KEYS: readonly MarketFigureKey[] = [
  'markPrice',
  'lastPrice',
  'fundingRate',
  'fundingIntervalHours',
  'nextFundingTime',
  'maxLeverage',
  'marginCallLevel',
  'liquidationLevel',
  'contractValue',
  'borrowRateCrossLong',
  'borrowRateCrossShort',
  'borrowRateIsolatedLong',
  'borrowRateIsolatedShort',
  'tickSize',
];
/** Most other open positions a page reading or a plan may carry. */
export const MAX_PAGE_POSITIONS = 50;
/** Longest feed error sentence a snapshot or a quotes message may carry. */
export const MAX_ERROR_TEXT = 300;

/**
 * Why the background refused the form a page sent: 'FORM_INVALID' (it failed the form schema)
 * or 'IMPLAUSIBLE' (a price read from the page does not fit the market: a misread, not a trade).
 */
export const REFUSAL_CODES = ['FORM_INVALID', 'IMPLAUSIBLE'] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];
/** Where in the form: "price", "stopLoss", "account.walletBalance", "account.positions[2].entryPrice". */
export const REFUSAL_FIELD =
  /^[A-Za-z][A-Za-z0-9]{0,39}(?:\[\d{1,3}\])?(?:\.[A-Za-z][A-Za-z0-9]{0,39}(?:\[\d{1,3}\])?){0,3}$/;
/** Longest refusal sentence (the overlay shows it whole). */
export const MAX_REFUSAL_TEXT = 300;

export interface Refusal {
  code: RefusalCode;
  field: string;
  /** A short English sentence for the trader. */
  text: string;
}

export type CsToBg =
  /**
   * The form as read, sent at once on every change of the reading. `seq` grows with every
   * message of one content script; the background echoes it in its quotes. The background
   * follows the market of (venue, symbol) and quotes the form itself.
   */
  { type: 'cs→bg:form-changed'; seq: number; venue: VenueId; symbol: string; form: OrderForm | null };

export type BgToCs = QuotesMessage;

/**
 * One quote as it travels: the engine's quote JSON (src/core/serialize.ts QuoteJson; the background's
 * toWire keeps the two assignable), every number plain decimal text.
 */
export interface WireQuote {
  venue: VenueId;
  notional: string;
  initialMargin: string;
  maintenanceMargin: string;
  liquidationPrice: string | null;
  bankruptcyPrice: string | null;
  marginCallPrice: string | null;
  marginLevel: string | null;
  marginLevelUnit: MarginLevelUnit;
  liquidationDistance: string | null;
  fees: { open: string; close: string };
  carry: {
    kind: string;
    opening: string;
    perPeriod: string | null;
    periodHours: string;
    periods: string;
    hours: string;
    total: string | null;
  };
  breakEvenPrice: string | null;
  warnings: Array<{ code: string; severity: Severity; message: string }>;
  assumptions: string[];
  details: Record<string, string | null>;
  /** PnL against the exit price: pnl(P) = atEntry + slope × (P − entry); fees in, carry out (src/core/pnl.ts). */
  pnl: { atEntry: string; slope: string; atStop: string | null; atTakeProfit: string | null };
  /** Only when the account holds a position in the order's market: the position after this order (src/core/position-quote.ts). */
  position?: WirePosition;
}

export interface WirePositionState {
  side: Side;
  quantity: string;
  entryPrice: string;
}

export interface WirePosition {
  change: 'add' | 'reduce' | 'close' | 'flip';
  before: WirePositionState;
  /** null: this order closes the position. */
  after: WirePositionState | null;
  closedQuantity: string;
  realisedPnl: string;
  closingFee: string;
  realisedPnlNet: string;
  hedge: boolean;
  /** "after this order: position long 1.5 @ 20333.33333" */
  summary: string;
}

/** The engine refused the input (quoteJson's {error}). */
export interface WireError {
  error: { code: string; message: string; path: string };
}

export type WireResult = WireQuote | WireError;

/** planQuote's verdict on the inputs, without the engine input itself (field meanings: QuotePlan in src/venues/quote-input.ts). */
export interface WirePlan {
  markState: MarkState;
  priceBasis: 'limit' | 'mark' | 'stale-mark' | 'none';
  markAgeMs: number | null;
  staleFigures: MarketFigureKey[];
  needsBalance: boolean;
  balanceSource: 'page' | 'settings' | null;
  pagePositions: number | null;
  /** Symbols of page positions that could not be weighed (the account was then left out). */
  positionsUnknown: string[];
  /** Those of positionsUnknown whose prices on the page do not fit the market (misread). */
  positionsImplausible: string[];
  /** The page lists more positions than are read: the account cannot be weighed (no liquidation price). */
  positionsTooMany: boolean;
  tiers: 'live' | 'stale' | 'none';
  missing: 'contractValue' | null;
  lossLimitUnchecked: boolean;
}

/** One quoted side; result null when no price at all is known (market order, no mark). */
export interface WireSide {
  side: Side;
  plan: WirePlan;
  result: WireResult | null;
}

/**
 * The background's quotes for the form of message `seq` (or a later re-computation of that same
 * form: new market data, a figure that aged into stale, changed settings). `sides` is empty for
 * a spot order, an unreadable form or a refused one. `mark` is the market's mark price with the
 * time we received it, so the page can age it on its own clock between messages.
 */
export interface QuotesMessage {
  type: 'bg→cs:quotes';
  seq: number;
  venue: VenueId;
  symbol: string;
  sides: WireSide[];
  mark: { value: string; receivedAt: number } | null;
  /** The symbol's price step, when the feed knows it: prices are shown with its precision. */
  tickSize: string | null;
  status: MarketSnapshot['status'];
  lastError: string | null;
  /** Set when the background refused the form of `seq` (then `sides` is empty): the figures shown before must go. */
  refusal: Refusal | null;
}

/** The toolbar popup asks for the order its tab's overlay shows (runtime.sendMessage, answered at once). */
export interface PopupToBg {
  type: 'popup→bg:current-order';
  tabId: number;
}

/** What the overlay of that tab quotes now: the form, the market it is on and the very same quotes. */
export interface CurrentOrder {
  venue: VenueId;
  symbol: string;
  form: OrderForm;
  snapshot: MarketSnapshot | null;
  sides: WireSide[];
}

export interface BgToPopup {
  type: 'bg→popup:current-order';
  /** null: no overlay with a readable form in that tab. */
  order: CurrentOrder | null;
}

export function isWireError(result: WireResult): result is WireError {
  return 'error' in result;
}
