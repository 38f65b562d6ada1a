// Background-side validators: what a content script sends (and what the snapshot cache holds).
// A compromised renderer can send whatever it likes, so the form the page reader built is checked
// again field by field, by the very schema the readers check it with before sending
// (src/venues/form-schema.ts): one description, so the two can never disagree. Snapshots are
// checked with decimal.js, like the engine that consumes them.
import { parseDecimalText } from '../core/decimal';
import { VENUES, type VenueId } from '../core/types';
import { checkOrderForm } from '../venues/form-schema';
import type { DecimalString, Figure, MarketSnapshot, TierFigure, TierRow } from '../venues/types';
import { FIGURE_KEYS, MAX_ERROR_TEXT, SYMBOL, type CsToBg } from './messages';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isVenue = (v: unknown): v is VenueId => typeof v === 'string' && (VENUES as readonly string[]).includes(v);
const isSymbol = (v: unknown): v is string => typeof v === 'string' && SYMBOL.test(v);
const isDecimal = (v: unknown): v is DecimalString => typeof v === 'string' && parseDecimalText(v) !== undefined;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const oneOf = <T extends string>(v: unknown, options: readonly T[]): v is T =>
  typeof v === 'string' && (options as readonly string[]).includes(v);
const hasOnly = (o: Obj, keys: readonly string[]): boolean => Object.keys(o).every((k) => keys.includes(k));

const isList = (v: unknown, max: number, each: (item: unknown) => boolean): v is unknown[] =>
  Array.isArray(v) && v.length <= max && v.every(each);

/** The form schema shared with the readers (src/venues/form-schema.ts). */
export { checkOrderForm, isOrderForm, type FormCheck } from '../venues/form-schema';

type FormChangedMessage = Extract<CsToBg, { type: 'cs→bg:form-changed' }>;

/**
 * A form-changed message: its envelope (seq, venue, symbol) and either the form (or null: no
 * readable form) or the path where the form fails the schema, so the background can still
 * answer that seq with a refusal. null when the envelope itself is not one (nothing to answer).
 */
export type FormChanged =
  | { ok: true; message: FormChangedMessage }
  | { ok: false; seq: number; venue: VenueId; symbol: string; path: string; reason: string };

export function parseFormChanged(v: unknown): FormChanged | null {
  if (!isObj(v) || v.type !== 'cs→bg:form-changed' || !hasOnly(v, ['type', 'seq', 'venue', 'symbol', 'form']))
    return null;
  if (!isTime(v.seq) || !isVenue(v.venue) || !isSymbol(v.symbol) || !Object.hasOwn(v, 'form')) return null;
  const envelope = { seq: v.seq, venue: v.venue, symbol: v.symbol };
  if (v.form === null) return { ok: true, message: { type: v.type, ...envelope, form: null } };
  const checked = checkOrderForm(v.form);
  if (!checked.ok) return { ok: false, ...envelope, path: checked.path, reason: checked.reason };
  if (checked.form.venue !== v.venue)
    return { ok: false, ...envelope, path: 'venue', reason: 'not the venue of the message' };
  if (checked.form.symbol !== v.symbol)
    return { ok: false, ...envelope, path: 'symbol', reason: 'not the symbol of the message' };
  return { ok: true, message: { type: v.type, ...envelope, form: checked.form } };
}

/** A message the background acts on; null for anything else, a refused form included. */
export function parseCsToBg(v: unknown): CsToBg | null {
  const parsed = parseFormChanged(v);
  return parsed?.ok === true ? parsed.message : null;
}

function isFigure(v: unknown): v is Figure {
  return (
    isObj(v) &&
    hasOnly(v, ['value', 'receivedAt', 'exchangeTime', 'source']) &&
    isDecimal(v.value) &&
    isTime(v.receivedAt) &&
    (v.exchangeTime === null || isTime(v.exchangeTime)) &&
    oneOf(v.source, ['rest', 'stream', 'bundled'] as const)
  );
}

const MAX_TIER_ROWS = 100;

function isTierRow(v: unknown): v is TierRow {
  const optional = (x: unknown) => x === null || isDecimal(x);
  return (
    isObj(v) &&
    hasOnly(v, ['floor', 'cap', 'maintenanceMarginRate', 'maintenanceAmount', 'maxLeverage']) &&
    isDecimal(v.floor) &&
    optional(v.cap) &&
    isDecimal(v.maintenanceMarginRate) &&
    optional(v.maintenanceAmount) &&
    optional(v.maxLeverage)
  );
}

function isTierFigure(v: unknown): v is TierFigure {
  if (
    !isObj(v) ||
    !hasOnly(v, ['table', 'receivedAt', 'source']) ||
    !isTime(v.receivedAt) ||
    !oneOf(v.source, ['rest', 'stream'] as const)
  )
    return false;
  const table = v.table;
  return (
    isObj(table) &&
    hasOnly(table, ['basis', 'rows']) &&
    oneOf(table.basis, ['notional', 'contracts'] as const) &&
    isList(table.rows, MAX_TIER_ROWS, isTierRow) &&
    table.rows.length > 0
  );
}

export function isMarketSnapshot(v: unknown): v is MarketSnapshot {
  if (!isObj(v) || !hasOnly(v, ['venue', 'symbol', 'figures', 'status', 'lastError', 'tiers'])) return false;
  if (v.tiers !== undefined && !isTierFigure(v.tiers)) return false;
  if (
    !isVenue(v.venue) ||
    !isSymbol(v.symbol) ||
    !oneOf(v.status, ['live', 'connecting', 'degraded', 'unavailable'] as const)
  )
    return false;
  if (!(v.lastError === null || (typeof v.lastError === 'string' && v.lastError.length <= MAX_ERROR_TEXT)))
    return false;
  const figures = v.figures;
  return isObj(figures) && Object.entries(figures).every(([k, f]) => oneOf(k, FIGURE_KEYS) && isFigure(f));
}
