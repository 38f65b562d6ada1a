// Content-side validator: what the background sends. Regex only, no decimal.js (the content
// script stays small). The background is ours, but a port message is still a boundary: every
// field must have exactly the expected shape, every number must be decimal text, every string is
// bounded, and unknown keys are refused, so a bug or a future format change shows as "dropped"
// (checkBgToCs says which field), never as a half-understood figure.
//
// The wire types (WireQuote, WirePlan, … QuotesMessage in messages.ts) are inferred from these
// schemas: the schema is the one description of each message.
import { VENUES } from '../core/types';
import { PAGE_ESTIMATE_KINDS } from '../venues/types';
import { wireOldFacts } from './wire-old-facts';
import {
  array,
  at,
  boolean,
  check,
  fail,
  isObj,
  literal,
  map,
  nullable,
  number,
  object,
  oneOf,
  optional,
  record,
  refine,
  string,
  type Infer,
  type Result,
  type Schema,
} from '../schema';
import {
  FIGURE_KEYS,
  MAX_ERROR_TEXT,
  MAX_ESTIMATE_DECIMALS,
  MAX_PAGE_ESTIMATES,
  MAX_PAGE_POSITIONS,
  MAX_REFUSAL_TEXT,
  REFUSAL_CODES,
  REFUSAL_FIELD,
  SYMBOL,
  type QuotesMessage,
  type WireQuote,
} from './messages';

/** Plain decimal text as the engine and the feeds write it: no exponent, no "+", no leading zeros. */
const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const MAX_DECIMAL = 100;
/** Warning and error codes: "LIQUIDATION_NEAR", "CROSS_BALANCE_UNKNOWN". */
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const DETAIL_KEY = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
const MAX_TEXT = 1_000;
const MAX_PATH = 200;
const MAX_LIST = 50;

const decimal = string({ max: MAX_DECIMAL, pattern: DECIMAL, reason: 'is not a decimal string' });
const text = string({ max: MAX_TEXT });
const code = string({ pattern: CODE, reason: 'is not a code' });
const time = number({ integer: true, min: 0 });
const symbol = string({ pattern: SYMBOL, reason: 'is not a symbol' });
const side = oneOf(['long', 'short']);

const positionState = object({ side, quantity: decimal, entryPrice: decimal });

export const wirePosition = object({
  change: oneOf(['add', 'reduce', 'close', 'flip']),
  before: positionState,
  /** null: this order closes the position. */
  after: nullable(positionState),
  closedQuantity: decimal,
  realisedPnl: decimal,
  closingFee: decimal,
  realisedPnlNet: decimal,
  hedge: boolean,
  /** "after this order: position long 1.5 @ 20333.33333" */
  summary: text,
});

export const wireQuote = object({
  venue: oneOf(VENUES),
  notional: decimal,
  initialMargin: decimal,
  maintenanceMargin: decimal,
  liquidationPrice: nullable(decimal),
  bankruptcyPrice: nullable(decimal),
  marginCallPrice: nullable(decimal),
  marginLevel: nullable(decimal),
  marginLevelUnit: oneOf(['percent', 'ratio']),
  liquidationDistance: nullable(decimal),
  fees: object({ open: decimal, close: decimal }),
  carry: object({
    kind: oneOf(['funding', 'interest', 'rollover']),
    opening: decimal,
    perPeriod: nullable(decimal),
    periodHours: decimal,
    periods: decimal,
    hours: decimal,
    total: nullable(decimal),
  }),
  breakEvenPrice: nullable(decimal),
  warnings: array(object({ code, severity: oneOf(['danger', 'warn', 'info']), message: text }), { max: MAX_LIST }),
  assumptions: array(text, { max: MAX_LIST }),
  details: record(string({ pattern: DETAIL_KEY, reason: 'is not a detail key' }), nullable(decimal), {
    max: MAX_LIST,
  }),
  /** PnL against the exit price: pnl(P) = atEntry + slope × (P − entry); fees in, carry out (src/core/pnl.ts). */
  pnl: object({
    atEntry: decimal,
    slope: decimal,
    atStop: nullable(decimal),
    atTakeProfit: nullable(decimal),
    /** Isolated: the loss at liquidation, where the line stops (an older engine's quote has none). */
    atLiquidation: optional(nullable(decimal)),
  }),
  /** ROE after fees at the take-profit and the stop, reward / risk (src/core/returns.ts); an older engine's quote has none. */
  returns: optional(
    object({ roeAtTakeProfit: nullable(decimal), roeAtStop: nullable(decimal), riskReward: nullable(decimal) }),
  ),
  /** Only when the account holds a position in the order's market: the position after this order. */
  position: optional(wirePosition),
});

/** The engine refused the input (quoteJson's {error}). */
export const wireError = object({
  error: object({ code, message: text, path: string({ max: MAX_PATH }) }),
});

/** A quote, or the engine's refusal: `error` tells which. */
const wireResult: Schema<Infer<typeof wireQuote> | Infer<typeof wireError>> = (v, path) =>
  isObj(v) && Object.hasOwn(v, 'error') ? wireError(v, path) : wireQuote(v, path);

const positionSymbols = array(symbol, { max: MAX_PAGE_POSITIONS });

/** planQuote's verdict on the inputs, without the engine input itself (field meanings: QuotePlan in src/venues/quote-input.ts). */
export const wirePlan = object({
  markState: oneOf(['live', 'stale', 'missing']),
  priceBasis: oneOf(['limit', 'mark', 'stale-mark', 'none']),
  markAgeMs: nullable(time),
  staleFigures: refine(
    array(oneOf(FIGURE_KEYS), { max: FIGURE_KEYS.length }),
    (keys) => new Set(keys).size === keys.length,
    'names a figure twice',
  ),
  needsBalance: boolean,
  balanceSource: nullable(oneOf(['page', 'settings'])),
  /** Cross margin: the balance the quote used; null otherwise. */
  balance: nullable(decimal),
  /** The order's size in base units as quoted; null when it cannot be worked out. */
  quantity: nullable(decimal),
  pagePositions: nullable(number({ integer: true, min: 0, max: MAX_PAGE_POSITIONS })),
  /** Symbols of page positions that could not be weighed (the account was then left out). */
  positionsUnknown: positionSymbols,
  /** Those of positionsUnknown whose prices on the page do not fit the market (misread). */
  positionsImplausible: positionSymbols,
  /** The page lists more positions than are read: the account cannot be weighed (no liquidation price). */
  positionsTooMany: boolean,
  tiers: oneOf(['live', 'stale', 'none']),
  missing: nullable(literal('contractValue')),
  lossLimitUnchecked: boolean,
  /** Bundled figures used from a file over 30 days old (src/venues/facts-age.ts), each kind once. */
  oldFacts: wireOldFacts,
});

/** The cross-check with the page's own figures (src/venues/page-check.ts PageCheck). */
export const wirePageCheck = refine(
  object({
    verdict: oneOf(['matches', 'differs']),
    checks: array(
      object({
        kind: oneOf(PAGE_ESTIMATE_KINDS),
        page: decimal,
        ours: decimal,
        decimals: number({ integer: true, min: 0, max: MAX_ESTIMATE_DECIMALS }),
        agrees: boolean,
      }),
      { min: 1, max: MAX_PAGE_ESTIMATES },
    ),
  }),
  (c) => (c.verdict === 'matches') === c.checks.every((x) => x.agrees),
  'has a verdict its checks do not give',
);

/**
 * One quoted side; result null when no price at all is known (market order, no mark). pageCheck:
 * left out or null when the page shows no figure of its own we can check for this side.
 */
export const wireSide = object({
  side,
  plan: wirePlan,
  result: nullable(wireResult),
  pageCheck: optional(nullable(wirePageCheck)),
});

export const refusal = object({
  code: oneOf(REFUSAL_CODES),
  /** Where in the form: "price", "account.positions[2].entryPrice". */
  field: string({ pattern: REFUSAL_FIELD, reason: 'is not a form path' }),
  /** A short English sentence for the trader. */
  text: string({ min: 1, max: MAX_REFUSAL_TEXT }),
});

const quotesShape = object({
  type: literal('bg→cs:quotes'),
  seq: time,
  venue: oneOf(VENUES),
  symbol,
  sides: array(wireSide, { max: 2 }),
  /** The market's mark price with the time we received it, so the page can age it on its own clock. */
  mark: nullable(object({ value: decimal, receivedAt: time })),
  /** The symbol's price step, when the feed knows it: prices are shown with its precision. */
  tickSize: nullable(
    refine(decimal, (t) => !t.startsWith('-') && !/^[0.]+$/.test(t), 'is not a price step above zero'),
  ),
  status: oneOf(['live', 'connecting', 'degraded', 'unavailable']),
  lastError: nullable(string({ max: MAX_ERROR_TEXT })),
  /** Set when the background refused the form of `seq` (then `sides` is empty): the figures shown before must go. */
  refusal: nullable(refusal),
});

/** The message as a whole: one quote per side, each for the message's venue; a refusal comes without figures. */
export const quotesMessage = map(quotesShape, (m, path) => {
  if (m.sides.length === 2 && m.sides[0]!.side === m.sides[1]!.side) fail(at(path, 'sides'), 'quotes a side twice');
  m.sides.forEach((s, i) => {
    if (s.result !== null && 'venue' in s.result && s.result.venue !== m.venue)
      fail(at(at(at(at(path, 'sides'), i), 'result'), 'venue'), 'is not the venue of the message');
  });
  // A refused form has no figures: a message with both is not one the background sends.
  if (m.refusal !== null && m.sides.length > 0) fail(at(path, 'refusal'), 'comes with quotes');
  return m;
});

export function isWireQuote(v: unknown, venue: WireQuote['venue']): v is WireQuote {
  const checked = check(wireQuote, v);
  return checked.ok && checked.value.venue === venue;
}

/** A valid `bg→cs:quotes` message, or where it fails ("sides[0].plan.tiers is not one of …"). */
export const checkBgToCs = (v: unknown): Result<QuotesMessage> => check(quotesMessage, v);

/** A valid `bg→cs:quotes` message, or null (the caller drops it). */
export function parseBgToCs(v: unknown): QuotesMessage | null {
  const checked = checkBgToCs(v);
  return checked.ok ? checked.value : null;
}
