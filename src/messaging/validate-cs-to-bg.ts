// Background-side validators: what a content script sends (and what the snapshot cache holds).
// Strict, with decimal.js like the engine that consumes it: a compromised renderer can send
// whatever it likes, so the form the page reader built is checked again field by field.
import { parseDecimalText } from '../core/decimal';
import { VENUES, type VenueId } from '../core/types';
import type { DecimalString, Figure, MarketSnapshot, OrderForm } from '../venues/types';
import { FIGURE_KEYS, MAX_ERROR_TEXT, SYMBOL, type CsToBg } from './messages';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isVenue = (v: unknown): v is VenueId => typeof v === 'string' && (VENUES as readonly string[]).includes(v);
const isSymbol = (v: unknown): v is string => typeof v === 'string' && SYMBOL.test(v);
const isDecimal = (v: unknown): v is DecimalString => typeof v === 'string' && parseDecimalText(v) !== undefined;
const isPositiveDecimal = (v: unknown): v is DecimalString => isDecimal(v) && parseDecimalText(v)!.greaterThan(0);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const oneOf = <T extends string>(v: unknown, options: readonly T[]): v is T => typeof v === 'string' && (options as readonly string[]).includes(v);
const hasOnly = (o: Obj, keys: readonly string[]): boolean => Object.keys(o).every((k) => keys.includes(k));

export function isOrderForm(v: unknown): v is OrderForm {
  if (!isObj(v)) return false;
  const keys = ['venue', 'symbol', 'side', 'type', 'marginMode', 'price', 'size', 'leverage', 'marginEnabled', 'stopLoss', 'takeProfit', 'availableBalance'];
  if (!hasOnly(v, keys)) return false;
  const size = v.size;
  return isVenue(v.venue) && isSymbol(v.symbol)
    && oneOf(v.side, ['long', 'short', 'both'] as const) && oneOf(v.type, ['limit', 'market'] as const) && oneOf(v.marginMode, ['isolated', 'cross'] as const)
    && (v.price === null || isPositiveDecimal(v.price))
    && isObj(size) && hasOnly(size, ['unit', 'value']) && oneOf(size.unit, ['base', 'quote'] as const) && isPositiveDecimal(size.value)
    && isPositiveDecimal(v.leverage) && typeof v.marginEnabled === 'boolean'
    && (v.stopLoss === null || isPositiveDecimal(v.stopLoss))
    && (v.takeProfit === null || isPositiveDecimal(v.takeProfit))
    && (v.availableBalance === null || isDecimal(v.availableBalance));
}

export function parseCsToBg(v: unknown): CsToBg | null {
  if (!isObj(v)) return null;
  if (v.type === 'cs→bg:form-changed' && hasOnly(v, ['type', 'seq', 'venue', 'symbol', 'form']) && isTime(v.seq) && isVenue(v.venue) && isSymbol(v.symbol)
    && (v.form === null || (isOrderForm(v.form) && v.form.venue === v.venue && v.form.symbol === v.symbol))) {
    return { type: v.type, seq: v.seq, venue: v.venue, symbol: v.symbol, form: v.form };
  }
  return null;
}

function isFigure(v: unknown): v is Figure {
  return isObj(v) && hasOnly(v, ['value', 'receivedAt', 'exchangeTime', 'source']) && isDecimal(v.value) && isTime(v.receivedAt)
    && (v.exchangeTime === null || isTime(v.exchangeTime)) && oneOf(v.source, ['rest', 'stream', 'bundled'] as const);
}

export function isMarketSnapshot(v: unknown): v is MarketSnapshot {
  if (!isObj(v) || !hasOnly(v, ['venue', 'symbol', 'figures', 'status', 'lastError'])) return false;
  if (!isVenue(v.venue) || !isSymbol(v.symbol) || !oneOf(v.status, ['live', 'connecting', 'degraded', 'unavailable'] as const)) return false;
  if (!(v.lastError === null || (typeof v.lastError === 'string' && v.lastError.length <= MAX_ERROR_TEXT))) return false;
  const figures = v.figures;
  return isObj(figures) && Object.entries(figures).every(([k, f]) => oneOf(k, FIGURE_KEYS) && isFigure(f));
}
