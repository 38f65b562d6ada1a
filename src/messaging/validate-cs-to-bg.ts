// Background-side validators: what a content script sends (and what the snapshot cache holds).
// Strict, with decimal.js like the engine that consumes it: a compromised renderer can send
// whatever it likes, so the form the page reader built is checked again field by field.
import { parseDecimalText } from '../core/decimal';
import { VENUES, type VenueId } from '../core/types';
import type { DecimalString, Figure, MarketSnapshot, OrderForm, PageAccount, PagePosition, TierFigure, TierRow } from '../venues/types';
import { FIGURE_KEYS, MAX_ERROR_TEXT, MAX_PAGE_POSITIONS, SYMBOL, type CsToBg } from './messages';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isVenue = (v: unknown): v is VenueId => typeof v === 'string' && (VENUES as readonly string[]).includes(v);
const isSymbol = (v: unknown): v is string => typeof v === 'string' && SYMBOL.test(v);
const isDecimal = (v: unknown): v is DecimalString => typeof v === 'string' && parseDecimalText(v) !== undefined;
const isPositiveDecimal = (v: unknown): v is DecimalString => isDecimal(v) && parseDecimalText(v)!.greaterThan(0);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const oneOf = <T extends string>(v: unknown, options: readonly T[]): v is T => typeof v === 'string' && (options as readonly string[]).includes(v);
const hasOnly = (o: Obj, keys: readonly string[]): boolean => Object.keys(o).every((k) => keys.includes(k));

const isList = (v: unknown, max: number, each: (item: unknown) => boolean): v is unknown[] => Array.isArray(v) && v.length <= max && v.every(each);

function isPagePosition(v: unknown): v is PagePosition {
  return isObj(v) && hasOnly(v, ['symbol', 'side', 'quantity', 'entryPrice', 'markPrice', 'maintenanceMargin'])
    && isSymbol(v.symbol) && oneOf(v.side, ['long', 'short'] as const)
    && isPositiveDecimal(v.quantity) && isPositiveDecimal(v.entryPrice) && isPositiveDecimal(v.markPrice)
    && (v.maintenanceMargin === null || (isDecimal(v.maintenanceMargin) && !parseDecimalText(v.maintenanceMargin)!.isNegative()));
}

function isPageAccount(v: unknown): v is PageAccount {
  return isObj(v) && hasOnly(v, ['walletBalance', 'positions'])
    && (v.walletBalance === null || isPositiveDecimal(v.walletBalance))
    && (v.positions === null || isList(v.positions, MAX_PAGE_POSITIONS, isPagePosition));
}

export function isOrderForm(v: unknown): v is OrderForm {
  if (!isObj(v)) return false;
  const keys = ['venue', 'symbol', 'side', 'type', 'marginMode', 'price', 'size', 'leverage', 'marginEnabled', 'stopLoss', 'takeProfit', 'availableBalance', 'account', 'borrow'];
  if (!hasOnly(v, keys)) return false;
  if (v.account !== undefined && !isPageAccount(v.account)) return false;
  if (v.borrow !== undefined && !oneOf(v.borrow, ['auto', 'none', 'repay'] as const)) return false;
  const size = v.size;
  return isVenue(v.venue) && isSymbol(v.symbol)
    && oneOf(v.side, ['long', 'short', 'both'] as const) && oneOf(v.type, ['limit', 'market'] as const) && oneOf(v.marginMode, ['isolated', 'cross'] as const)
    && (v.price === null || isPositiveDecimal(v.price))
    && isObj(size) && hasOnly(size, ['unit', 'value']) && oneOf(size.unit, ['base', 'quote', 'contracts'] as const) && isPositiveDecimal(size.value)
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

const MAX_TIER_ROWS = 100;

function isTierRow(v: unknown): v is TierRow {
  const optional = (x: unknown) => x === null || isDecimal(x);
  return isObj(v) && hasOnly(v, ['floor', 'cap', 'maintenanceMarginRate', 'maintenanceAmount', 'maxLeverage'])
    && isDecimal(v.floor) && optional(v.cap) && isDecimal(v.maintenanceMarginRate) && optional(v.maintenanceAmount) && optional(v.maxLeverage);
}

function isTierFigure(v: unknown): v is TierFigure {
  if (!isObj(v) || !hasOnly(v, ['table', 'receivedAt', 'source']) || !isTime(v.receivedAt) || !oneOf(v.source, ['rest', 'stream'] as const)) return false;
  const table = v.table;
  return isObj(table) && hasOnly(table, ['basis', 'rows']) && oneOf(table.basis, ['notional', 'contracts'] as const)
    && isList(table.rows, MAX_TIER_ROWS, isTierRow) && table.rows.length > 0;
}

export function isMarketSnapshot(v: unknown): v is MarketSnapshot {
  if (!isObj(v) || !hasOnly(v, ['venue', 'symbol', 'figures', 'status', 'lastError', 'tiers'])) return false;
  if (v.tiers !== undefined && !isTierFigure(v.tiers)) return false;
  if (!isVenue(v.venue) || !isSymbol(v.symbol) || !oneOf(v.status, ['live', 'connecting', 'degraded', 'unavailable'] as const)) return false;
  if (!(v.lastError === null || (typeof v.lastError === 'string' && v.lastError.length <= MAX_ERROR_TEXT))) return false;
  const figures = v.figures;
  return isObj(figures) && Object.entries(figures).every(([k, f]) => oneOf(k, FIGURE_KEYS) && isFigure(f));
}
