// Background-side validators: what a content script sends (and what the snapshot cache holds).
// A compromised renderer can send whatever it likes, so the form the page reader built is checked
// again field by field, by the very schema the readers check it with before sending
// (src/venues/form-schema.ts): one description, so the two can never disagree. Snapshots are
// checked with decimal.js, like the engine that consumes them. Both are schema-kit schemas
// (src/schema): a failure names its path.
import { parseDecimalText } from '../core/decimal';
import { VENUES } from '../core/types';
import { checkOrderForm } from '../venues/form-schema';
import type { DecimalString, MarketSnapshot } from '../venues/types';
import {
  array,
  check,
  fail,
  is,
  literal,
  nullable,
  number,
  object,
  oneOf,
  optional,
  record,
  string,
  type Infer,
  type Schema,
} from '../schema';
import { FIGURE_KEYS, MAX_ERROR_TEXT, SYMBOL, type CsToBg } from './messages';

const time = number({ integer: true, min: 0 });
const symbol = string({ pattern: SYMBOL, reason: 'is not a symbol' });
const decimal: Schema<DecimalString> = (v, path) =>
  typeof v === 'string' && parseDecimalText(v) !== undefined ? v : fail(path, 'is not a decimal string');

/** The form schema shared with the readers (src/venues/form-schema.ts). */
export { checkOrderForm, isOrderForm, type FormCheck } from '../venues/form-schema';

/** The envelope of a form-changed message; the form itself is checked by checkOrderForm. */
const formChangedEnvelope = object({
  type: literal('cs→bg:form-changed'),
  seq: time,
  venue: oneOf(VENUES),
  symbol,
  form: (v: unknown) => v,
});

type FormChangedMessage = Extract<CsToBg, { type: 'cs→bg:form-changed' }>;

/**
 * A form-changed message: its envelope (seq, venue, symbol) and either the form (or null: no
 * readable form) or the path where the form fails the schema, so the background can still
 * answer that seq with a refusal. null when the envelope itself is not one (nothing to answer;
 * envelopeProblem says where it fails).
 */
export type FormChanged =
  | { ok: true; message: FormChangedMessage }
  | { ok: false; seq: number; venue: FormChangedMessage['venue']; symbol: string; path: string; reason: string };

export function parseFormChanged(v: unknown): FormChanged | null {
  const checked = check(formChangedEnvelope, v);
  if (!checked.ok) return null;
  const { type, form, ...envelope } = checked.value;
  if (form === null) return { ok: true, message: { type, ...envelope, form: null } };
  const formChecked = checkOrderForm(form);
  if (!formChecked.ok) return { ok: false, ...envelope, path: formChecked.path, reason: formChecked.reason };
  if (formChecked.form.venue !== envelope.venue)
    return { ok: false, ...envelope, path: 'venue', reason: 'not the venue of the message' };
  if (formChecked.form.symbol !== envelope.symbol)
    return { ok: false, ...envelope, path: 'symbol', reason: 'not the symbol of the message' };
  return { ok: true, message: { type, ...envelope, form: formChecked.form } };
}

/**
 * Where a message that is not a form-changed envelope fails ("message.seq is not an integer in
 * range"), for the log: printable ASCII only and clipped, since an unknown key's name is the sender's.
 */
export function envelopeProblem(v: unknown): string {
  const checked = check(formChangedEnvelope, v, 'message');
  const text = checked.ok ? 'no problem' : `${checked.path} ${checked.reason}`;
  return text.replace(/[^\x20-\x7e]/g, '?').slice(0, 120);
}

/** A message the background acts on; null for anything else, a refused form included. */
export function parseCsToBg(v: unknown): CsToBg | null {
  const parsed = parseFormChanged(v);
  return parsed?.ok === true ? parsed.message : null;
}

const figure = object({
  value: decimal,
  receivedAt: time,
  exchangeTime: nullable(time),
  source: oneOf(['rest', 'stream', 'bundled']),
});

const MAX_TIER_ROWS = 100;

const tierRow = object({
  floor: decimal,
  cap: nullable(decimal),
  maintenanceMarginRate: decimal,
  maintenanceAmount: nullable(decimal),
  maxLeverage: nullable(decimal),
});

const tierFigure = object({
  table: object({
    basis: oneOf(['notional', 'contracts']),
    rows: array(tierRow, { max: MAX_TIER_ROWS, min: 1 }),
  }),
  receivedAt: time,
  source: oneOf(['rest', 'stream']),
});

const marketSnapshot = object({
  venue: oneOf(VENUES),
  symbol,
  figures: record(oneOf(FIGURE_KEYS), figure, { max: FIGURE_KEYS.length }),
  tiers: optional(tierFigure),
  status: oneOf(['live', 'connecting', 'degraded', 'unavailable']),
  lastError: nullable(string({ max: MAX_ERROR_TEXT })),
});

/** The snapshot as the schema infers it is the MarketSnapshot of venues/types.ts, both ways. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameAsSnapshot: Same<Infer<typeof marketSnapshot>, MarketSnapshot> = true;
void sameAsSnapshot;

export const checkMarketSnapshot = (v: unknown) => check(marketSnapshot, v, 'snapshot');
export const isMarketSnapshot: (v: unknown) => v is MarketSnapshot = is(marketSnapshot);
