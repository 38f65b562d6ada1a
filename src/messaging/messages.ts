// Every message between content scripts and the background, with its direction in its name.
// Types and constants only, so both sides can import this file. Each receiver validates with
// its own module: validate-cs-to-bg.ts in the background (decimal.js, like the engine) and
// validate-bg-to-cs.ts in the content script (regex only: decimal.js must stay out of the page).
import type { VenueId } from '../core/types';
import type { Infer } from '../schema';
import type { MarketFigureKey, MarketSnapshot, OrderForm } from '../venues/types';
import type {
  PageActionAnswer,
  PageActionCommand,
  PageActionRequest,
  PageReportAnswer,
  PageReportMessage,
  PageStatusAnswer,
  PageStatusRequest,
} from './page-action';
import type {
  quotesMessage,
  refusal,
  wireError,
  wirePlan,
  wirePosition,
  wireQuote,
  wireSide,
} from './validate-bg-to-cs';

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
  'sizeStep',
  'minSize',
];
/** Most page estimates a form may carry (OrderForm.pageEstimates): four kinds, at most two sides each. */
export const MAX_PAGE_ESTIMATES = 8;
/** Most decimal places a page estimate may be rounded to (its tolerance is half a unit of the last). */
export const MAX_ESTIMATE_DECIMALS = 12;
/** Most other open positions a page reading or a plan may carry. */
export const MAX_PAGE_POSITIONS = 50;
/** Longest feed error sentence a snapshot or a quotes message may carry. */
export const MAX_ERROR_TEXT = 300;

/**
 * Why the background refused the form a page sent: 'FORM_INVALID' (it failed the form schema),
 * 'IMPLAUSIBLE' (a price read from the page does not fit the market: a misread, not a trade) or
 * 'UNSUPPORTED_MARKET' (a market the venue's feed cannot follow, e.g. a Hyperliquid builder perp
 * "xyz:TSLA": no market data, no facts, so no figures rather than another market's).
 */
export const REFUSAL_CODES = ['FORM_INVALID', 'IMPLAUSIBLE', 'UNSUPPORTED_MARKET'] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];
/** Where in the form: "price", "stopLoss", "account.walletBalance", "account.positions[2].entryPrice". */
export const REFUSAL_FIELD =
  /^[A-Za-z][A-Za-z0-9]{0,39}(?:\[\d{1,3}\])?(?:\.[A-Za-z][A-Za-z0-9]{0,39}(?:\[\d{1,3}\])?){0,3}$/;
/** Longest refusal sentence (the overlay shows it whole). */
export const MAX_REFUSAL_TEXT = 300;

/** Why and where the background refused a form (schema: validate-bg-to-cs.ts refusal). */
export type Refusal = Infer<typeof refusal>;

export type CsToBg =
  /**
   * The form as read, sent at once on every change of the reading. `seq` grows with every
   * message of one content script; the background echoes it in its quotes. The background
   * follows the market of (venue, symbol) and quotes the form itself.
   */
  | { type: 'cs→bg:form-changed'; seq: number; venue: VenueId; symbol: string; form: OrderForm | null }
  /** The page's answer to a 'report' page action (page-action.ts). */
  | PageReportMessage;

/** Quotes, or a page action the popup asked for (page-action.ts). */
export type BgToCs = QuotesMessage | PageActionCommand;

// The wire types are inferred from the content side's schemas (validate-bg-to-cs.ts): the schema
// is the one description of each message, so no key list is copied next to an interface.

/**
 * One quote as it travels: the engine's quote JSON (src/core/serialize.ts QuoteJson; the background's
 * toWire keeps the two assignable), every number plain decimal text.
 */
export type WireQuote = Infer<typeof wireQuote>;
/** Only when the account holds a position in the order's market: the position after this order (src/core/position-quote.ts). */
export type WirePosition = Infer<typeof wirePosition>;
export type WirePositionState = WirePosition['before'];
/** The engine refused the input (quoteJson's {error}). */
export type WireError = Infer<typeof wireError>;
export type WireResult = WireQuote | WireError;
/** planQuote's verdict on the inputs, without the engine input itself (field meanings: QuotePlan in src/venues/quote-input.ts). */
export type WirePlan = Infer<typeof wirePlan>;
/** One quoted side; result null when no price at all is known (market order, no mark). */
export type WireSide = Infer<typeof wireSide>;
/**
 * The background's quotes for the form of message `seq` (or a later re-computation of that same
 * form: new market data, a figure that aged into stale, changed settings). `sides` is empty for
 * a spot order, an unreadable form or a refused one. `mark` is the market's mark price with the
 * time we received it, so the page can age it on its own clock between messages.
 */
export type QuotesMessage = Infer<typeof quotesMessage>;

/** The toolbar popup asks for the order its tab's overlay shows (runtime.sendMessage, answered at once). */
export interface CurrentOrderRequest {
  type: 'popup→bg:current-order';
  tabId: number;
}

/** Every request of the popup: the tab's order, and the page actions (page-action.ts). */
export type PopupToBg = CurrentOrderRequest | PageActionRequest | PageStatusRequest;

/** What the overlay of that tab quotes now: the form, the market it is on and the very same quotes. */
export interface CurrentOrder {
  venue: VenueId;
  symbol: string;
  form: OrderForm;
  snapshot: MarketSnapshot | null;
  sides: WireSide[];
}

export interface CurrentOrderAnswer {
  type: 'bg→popup:current-order';
  /** null: no overlay with a readable form in that tab. */
  order: CurrentOrder | null;
}

export type BgToPopup = CurrentOrderAnswer | PageReportAnswer | PageActionAnswer | PageStatusAnswer;

export function isWireError(result: WireResult): result is WireError {
  return 'error' in result;
}
