// Content-side validator: what the background sends. Regex only, no decimal.js (the content
// script stays small). The background is ours, but a port message is still a boundary: every
// field must have exactly the expected shape, every number must be decimal text, every string is
// bounded, and unknown keys are refused, so a bug or a future format change shows as "dropped",
// never as a half-understood figure.
import { VENUES, type VenueId } from '../core/types';
import {
  FIGURE_KEYS,
  MAX_ERROR_TEXT,
  MAX_PAGE_POSITIONS,
  MAX_REFUSAL_TEXT,
  REFUSAL_CODES,
  REFUSAL_FIELD,
  SYMBOL,
  type QuotesMessage,
  type Refusal,
  type WirePlan,
  type WireQuote,
  type WireResult,
  type WireSide,
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

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasExactly = (o: Obj, keys: readonly string[]): boolean => {
  const own = Object.keys(o);
  return own.length === keys.length && own.every((k) => keys.includes(k));
};
const oneOf = <T extends string>(v: unknown, options: readonly T[]): v is T =>
  typeof v === 'string' && (options as readonly string[]).includes(v);
const isVenue = (v: unknown): v is VenueId => oneOf(v, VENUES);
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isDecimal = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_DECIMAL && DECIMAL.test(v);
const isDecimalOrNull = (v: unknown): boolean => v === null || isDecimal(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isList = (v: unknown, max: number, item: (x: unknown) => boolean): v is unknown[] =>
  Array.isArray(v) && v.length <= max && v.every(item);

const QUOTE_KEYS = [
  'venue',
  'notional',
  'initialMargin',
  'maintenanceMargin',
  'liquidationPrice',
  'bankruptcyPrice',
  'marginCallPrice',
  'marginLevel',
  'marginLevelUnit',
  'liquidationDistance',
  'fees',
  'carry',
  'breakEvenPrice',
  'warnings',
  'assumptions',
  'details',
  'pnl',
] as const;
const POSITION_KEYS = [
  'change',
  'before',
  'after',
  'closedQuantity',
  'realisedPnl',
  'closingFee',
  'realisedPnlNet',
  'hedge',
  'summary',
] as const;
const NULLABLE = [
  'liquidationPrice',
  'bankruptcyPrice',
  'marginCallPrice',
  'marginLevel',
  'liquidationDistance',
  'breakEvenPrice',
] as const;
const CARRY_KEYS = ['kind', 'opening', 'perPeriod', 'periodHours', 'periods', 'hours', 'total'] as const;

function isWarning(v: unknown): boolean {
  return (
    isObj(v) &&
    hasExactly(v, ['code', 'severity', 'message']) &&
    typeof v.code === 'string' &&
    CODE.test(v.code) &&
    oneOf(v.severity, ['danger', 'warn', 'info'] as const) &&
    isText(v.message, MAX_TEXT)
  );
}

function isCarry(v: unknown): boolean {
  return (
    isObj(v) &&
    hasExactly(v, CARRY_KEYS) &&
    oneOf(v.kind, ['funding', 'interest', 'rollover'] as const) &&
    isDecimal(v.opening) &&
    isDecimalOrNull(v.perPeriod) &&
    isDecimal(v.periodHours) &&
    isDecimal(v.periods) &&
    isDecimal(v.hours) &&
    isDecimalOrNull(v.total)
  );
}

function isDetails(v: unknown): boolean {
  if (!isObj(v)) return false;
  const entries = Object.entries(v);
  return entries.length <= MAX_LIST && entries.every(([k, x]) => DETAIL_KEY.test(k) && isDecimalOrNull(x));
}

function isPositionState(v: unknown): boolean {
  return (
    isObj(v) &&
    hasExactly(v, ['side', 'quantity', 'entryPrice']) &&
    oneOf(v.side, ['long', 'short'] as const) &&
    isDecimal(v.quantity) &&
    isDecimal(v.entryPrice)
  );
}

function isPosition(v: unknown): boolean {
  return (
    isObj(v) &&
    hasExactly(v, POSITION_KEYS) &&
    oneOf(v.change, ['add', 'reduce', 'close', 'flip'] as const) &&
    isPositionState(v.before) &&
    (v.after === null || isPositionState(v.after)) &&
    isDecimal(v.closedQuantity) &&
    isDecimal(v.realisedPnl) &&
    isDecimal(v.closingFee) &&
    isDecimal(v.realisedPnlNet) &&
    typeof v.hedge === 'boolean' &&
    isText(v.summary, MAX_TEXT)
  );
}

export function isWireQuote(v: unknown, venue: VenueId): v is WireQuote {
  // `position` is optional: only a quote for an order in a market with an open position has it.
  const keys = isObj(v) && 'position' in v ? [...QUOTE_KEYS, 'position'] : QUOTE_KEYS;
  return (
    isObj(v) &&
    hasExactly(v, keys) &&
    v.venue === venue &&
    (!('position' in v) || isPosition(v.position)) &&
    isDecimal(v.notional) &&
    isDecimal(v.initialMargin) &&
    isDecimal(v.maintenanceMargin) &&
    NULLABLE.every((k) => isDecimalOrNull(v[k])) &&
    oneOf(v.marginLevelUnit, ['percent', 'ratio'] as const) &&
    isObj(v.fees) &&
    hasExactly(v.fees, ['open', 'close']) &&
    isDecimal(v.fees.open) &&
    isDecimal(v.fees.close) &&
    isCarry(v.carry) &&
    isList(v.warnings, MAX_LIST, isWarning) &&
    isList(v.assumptions, MAX_LIST, (a) => isText(a, MAX_TEXT)) &&
    isDetails(v.details) &&
    isPnl(v.pnl)
  );
}

function isPnl(v: unknown): boolean {
  return (
    isObj(v) &&
    hasExactly(v, ['atEntry', 'slope', 'atStop', 'atTakeProfit']) &&
    isDecimal(v.atEntry) &&
    isDecimal(v.slope) &&
    isDecimalOrNull(v.atStop) &&
    isDecimalOrNull(v.atTakeProfit)
  );
}

function isWireResult(v: unknown, venue: VenueId): v is WireResult {
  if (isObj(v) && hasExactly(v, ['error'])) {
    const e = v.error;
    return (
      isObj(e) &&
      hasExactly(e, ['code', 'message', 'path']) &&
      typeof e.code === 'string' &&
      CODE.test(e.code) &&
      isText(e.message, MAX_TEXT) &&
      isText(e.path, MAX_PATH)
    );
  }
  return isWireQuote(v, venue);
}

function isPlan(v: unknown): v is WirePlan {
  const isSymbol = (symbol: unknown): boolean => typeof symbol === 'string' && SYMBOL.test(symbol);
  return (
    isObj(v) &&
    hasExactly(v, [
      'markState',
      'priceBasis',
      'markAgeMs',
      'staleFigures',
      'needsBalance',
      'balanceSource',
      'pagePositions',
      'positionsUnknown',
      'positionsImplausible',
      'positionsTooMany',
      'tiers',
      'missing',
      'lossLimitUnchecked',
    ]) &&
    oneOf(v.markState, ['live', 'stale', 'missing'] as const) &&
    oneOf(v.priceBasis, ['limit', 'mark', 'stale-mark', 'none'] as const) &&
    (v.markAgeMs === null || isTime(v.markAgeMs)) &&
    isList(v.staleFigures, FIGURE_KEYS.length, (k) => oneOf(k, FIGURE_KEYS)) &&
    new Set(v.staleFigures).size === v.staleFigures.length &&
    typeof v.needsBalance === 'boolean' &&
    (v.balanceSource === null || oneOf(v.balanceSource, ['page', 'settings'] as const)) &&
    (v.pagePositions === null || (isTime(v.pagePositions) && v.pagePositions <= MAX_PAGE_POSITIONS)) &&
    isList(v.positionsUnknown, MAX_PAGE_POSITIONS, isSymbol) &&
    isList(v.positionsImplausible, MAX_PAGE_POSITIONS, isSymbol) &&
    typeof v.positionsTooMany === 'boolean' &&
    oneOf(v.tiers, ['live', 'stale', 'none'] as const) &&
    (v.missing === null || v.missing === 'contractValue') &&
    typeof v.lossLimitUnchecked === 'boolean'
  );
}

function isSide(v: unknown, venue: VenueId): v is WireSide {
  return (
    isObj(v) &&
    hasExactly(v, ['side', 'plan', 'result']) &&
    oneOf(v.side, ['long', 'short'] as const) &&
    isPlan(v.plan) &&
    (v.result === null || isWireResult(v.result, venue))
  );
}

function isRefusal(v: unknown): v is Refusal {
  return (
    isObj(v) &&
    hasExactly(v, ['code', 'field', 'text']) &&
    oneOf(v.code, REFUSAL_CODES) &&
    typeof v.field === 'string' &&
    REFUSAL_FIELD.test(v.field) &&
    isText(v.text, MAX_REFUSAL_TEXT) &&
    v.text.length > 0
  );
}

/** A valid `bg→cs:quotes` message, or null (the caller drops it). */
export function parseBgToCs(v: unknown): QuotesMessage | null {
  if (
    !isObj(v) ||
    v.type !== 'bg→cs:quotes' ||
    !hasExactly(v, ['type', 'seq', 'venue', 'symbol', 'sides', 'mark', 'tickSize', 'status', 'lastError', 'refusal'])
  )
    return null;
  if (!isTime(v.seq) || !isVenue(v.venue) || typeof v.symbol !== 'string' || !SYMBOL.test(v.symbol)) return null;
  const venue = v.venue;
  if (!isList(v.sides, 2, (s) => isSide(s, venue))) return null;
  if (v.sides.length === 2 && (v.sides[0] as WireSide).side === (v.sides[1] as WireSide).side) return null;
  const mark = v.mark;
  if (!(
    mark === null ||
    (isObj(mark) && hasExactly(mark, ['value', 'receivedAt']) && isDecimal(mark.value) && isTime(mark.receivedAt))
  ))
    return null;
  if (!(v.tickSize === null || (isDecimal(v.tickSize) && !v.tickSize.startsWith('-') && !/^[0.]+$/.test(v.tickSize))))
    return null;
  if (!oneOf(v.status, ['live', 'connecting', 'degraded', 'unavailable'] as const)) return null;
  if (!(v.lastError === null || isText(v.lastError, MAX_ERROR_TEXT))) return null;
  // A refused form has no figures: a message with both is not one the background sends.
  if (!(v.refusal === null || (isRefusal(v.refusal) && v.sides.length === 0))) return null;
  return v as unknown as QuotesMessage;
}
