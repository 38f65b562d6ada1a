// The one description of what an OrderForm may contain. Both ends run it: every reader before it
// returns an ok reading (Scan.finish, the typing fast path), and the background on every form a
// page sends (src/messaging/validate-cs-to-bg.ts). So what a reader may send is exactly what
// the background accepts, and a form the background refuses names the path that failed.
//
// Numbers are plain decimal text exactly as the readers' parser writes it (dom/numbers.ts →
// core/decimal-text plainText): digits, at most one dot, no sign, no exponent, no leading zeros
// but "0.x", no trailing zeros or dot ("65000", "0.5", "0"), within decimal-text's bounds.
// Content side: regex and BigInt only, no decimal.js.
import { compareFixed, parseDecimalFixed, signOf } from '../core/decimal-text';
import { VENUES, type MarginMode, type VenueId } from '../core/types';
import { MAX_ESTIMATE_DECIMALS, MAX_PAGE_ESTIMATES, MAX_PAGE_POSITIONS, SYMBOL } from '../messaging/messages';
import {
  array,
  at,
  boolean,
  check,
  fail,
  literal,
  map,
  number,
  nullable,
  obj,
  object,
  oneOf,
  optional,
  refine,
  string,
  type ObjectOf,
  type Schema,
} from '../schema';
import { PAGE_ESTIMATE_KINDS, type DecimalString, type OrderForm, type PageEstimateKind, type SizeUnit } from './types';

export type FormCheck = { ok: true; form: OrderForm } | { ok: false; path: string; reason: string };

/**
 * What each venue's form can say where venues differ; its reader (src/venues/<folder>/reader.ts)
 * never says more. Side and margin switch are not restricted per venue: the background quotes
 * any side, and quotes a form without margin as a spot order (no liquidation to show).
 */
interface VenueRules {
  marginModes: readonly MarginMode[];
  units: readonly SizeUnit[];
  /** The form has TP/SL trigger fields (otherwise both are always null). */
  triggers: boolean;
  /** The reader reads the cross account from the page. */
  account: boolean;
  /** Binance spot margin's borrow selector: margin is on exactly when the order borrows. */
  borrow: boolean;
  /** Binance USDⓈ-M hedge mode's Open / Close tab (OrderForm.intent). */
  intent?: true;
  /** The figures the venue's page shows for the order (OrderForm.pageEstimates): README §"Page estimates". */
  estimates: readonly PageEstimateKind[];
}

const PERP = { marginModes: ['cross', 'isolated'], triggers: true, borrow: false } as const;

const RULES: Readonly<Record<VenueId, VenueRules>> = {
  'kraken-margin': {
    marginModes: ['cross'],
    units: ['base', 'quote'],
    triggers: false,
    account: false,
    borrow: false,
    estimates: ['orderValue'],
  },
  'binance-usdm': { ...PERP, units: ['base', 'quote'], account: false, intent: true, estimates: ['cost'] },
  'bybit-linear': { ...PERP, units: ['base', 'quote'], account: true, estimates: ['cost', 'orderValue'] },
  'okx-swap': { ...PERP, units: ['base', 'quote', 'contracts'], account: true, estimates: ['cost', 'initialMargin'] },
  hyperliquid: {
    ...PERP,
    units: ['base', 'quote'],
    account: true,
    estimates: ['orderValue', 'initialMargin', 'liquidationPrice'],
  },
  'binance-margin': {
    marginModes: ['cross', 'isolated'],
    units: ['base'],
    triggers: false,
    account: true,
    borrow: true,
    estimates: [],
  },
};

const CANONICAL = /^(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;
const ONE = { units: 1n, scale: 0 };
const MAX_LEVERAGE = { units: 1000n, scale: 0 };

/** Plain decimal text, as the readers write it; `min` 'zero' allows 0, 'positive' does not. */
const decimal =
  (min: 'zero' | 'positive'): Schema<DecimalString> =>
  (v, path) => {
    const value = typeof v === 'string' && CANONICAL.test(v) ? parseDecimalFixed(v) : undefined;
    if (value === undefined) fail(path, 'not a plain decimal number');
    if (min === 'positive' && signOf(value) <= 0) fail(path, 'must be above zero');
    return v as DecimalString;
  };
const positive = decimal('positive');
const zeroOrMore = decimal('zero');
const symbol = string({ pattern: SYMBOL, reason: 'not a symbol' });
/** A label table id (dom/page-locale.ts): a language tag such as 'ru' or 'zh-CN', never 'en' (left out). */
const LANGUAGE = string({
  pattern: /^(?!en$)[a-z]{2,3}(?:-[A-Z]{2}|-[A-Z][a-z]{3})?$/,
  reason: 'not a label table id',
});

const leverage = refine(
  positive,
  (v) => {
    const value = parseDecimalFixed(v)!;
    return compareFixed(value, ONE) < 0 ? 'below 1x' : compareFixed(value, MAX_LEVERAGE) > 0 ? 'above 1000x' : true;
  },
  '',
);

const position = object({
  symbol,
  side: oneOf(['long', 'short']),
  quantity: positive,
  entryPrice: positive,
  markPrice: positive,
  maintenanceMargin: nullable(zeroOrMore),
});

const account = map(
  object({
    walletBalance: nullable(zeroOrMore),
    positions: nullable(array(position, { max: MAX_PAGE_POSITIONS })),
    positionsTooMany: optional(literal(true)),
  }),
  (a, path) =>
    a.positionsTooMany !== undefined && a.positions !== null
      ? fail(at(path, 'positionsTooMany'), 'set with a list of positions')
      : a,
);

const pageEstimate = object({
  kind: oneOf(PAGE_ESTIMATE_KINDS),
  side: nullable(oneOf(['long', 'short'])),
  value: zeroOrMore,
  decimals: number({ integer: true, min: 0, max: MAX_ESTIMATE_DECIMALS }),
});

/** The fields every venue's form shares; RULES narrow them per venue (venueRules below). */
const fields = {
  venue: oneOf(VENUES),
  symbol,
  side: oneOf(['long', 'short', 'both']),
  type: oneOf(['limit', 'market']),
  marginMode: oneOf(['cross', 'isolated']),
  price: nullable(positive),
  size: object({ unit: oneOf(['base', 'quote', 'contracts']), value: positive }),
  leverage,
  marginEnabled: boolean,
  stopLoss: nullable(positive),
  takeProfit: nullable(positive),
  availableBalance: nullable(zeroOrMore),
  account: optional(account),
  borrow: optional(oneOf(['auto', 'none', 'repay'])),
  intent: optional(oneOf(['open', 'close'])),
  language: optional(LANGUAGE),
  pageEstimates: optional(array(pageEstimate, { max: MAX_PAGE_ESTIMATES })),
};

/** The form as the schema infers it is the OrderForm of venues/types.ts, both ways. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameAsOrderForm: Same<ObjectOf<typeof fields>, OrderForm> = true;
void sameAsOrderForm;

/** A figure the venue's page shows, for a side the form quotes, once; a price above zero. */
function estimateRules(form: OrderForm, rules: VenueRules, i: number): void {
  const estimates = form.pageEstimates ?? [];
  const e = estimates[i]!;
  const path = at('pageEstimates', i);
  if (!rules.estimates.includes(e.kind)) fail(at(path, 'kind'), "this venue's page shows no such figure");
  if (e.side !== null && form.side !== 'both' && e.side !== form.side)
    fail(at(path, 'side'), 'is not the side of the form');
  if (e.kind === 'liquidationPrice' && signOf(parseDecimalFixed(e.value)!) <= 0)
    fail(at(path, 'value'), 'must be above zero');
  if (estimates.slice(0, i).some((o) => o.kind === e.kind && (o.side ?? form.side) === (e.side ?? form.side)))
    fail(path, 'the same figure twice');
}

function venueRules(form: OrderForm): OrderForm {
  const rules = RULES[form.venue];
  oneOf(rules.marginModes)(form.marginMode, 'marginMode');
  if (form.type === 'limit' && form.price === null) fail('price', 'a limit order has a limit price');
  if (form.type === 'market' && form.price !== null) fail('price', 'a market order has no limit price');
  oneOf(rules.units)(form.size.unit, 'size.unit');
  for (const key of ['stopLoss', 'takeProfit'] as const)
    if (!rules.triggers && form[key] !== null) fail(key, "this venue's form has no such field");
  if (form.account !== undefined) {
    if (!rules.account) fail('account', "this venue's reader does not read the account");
    if (form.marginMode !== 'cross') fail('account', 'only a cross-margin order carries the account');
  }
  if (form.borrow !== undefined && !rules.borrow) fail('borrow', "this venue's form has no borrow selector");
  if (form.intent !== undefined && rules.intent !== true) fail('intent', "this venue's form has no Open / Close tab");
  form.pageEstimates?.forEach((e, i) => estimateRules(form, rules, i));
  if (rules.borrow && form.marginEnabled !== (form.borrow === 'auto'))
    fail('borrow', 'margin is on exactly when the order borrows');
  return form;
}

/**
 * In this order: the fields (the account only as an object), the venue's rules, then the
 * account's content, so an account the venue's reader never reads is refused at "account".
 */
const orderForm: Schema<OrderForm> = map(object({ ...fields, account: optional(obj) }), (form, path) => {
  venueRules(form as OrderForm);
  return form.account === undefined
    ? (form as OrderForm)
    : { ...form, account: account(form.account, at(path, 'account')) };
});

/** The form, or the first path that fails the schema and why. Never throws. */
export function checkOrderForm(v: unknown): FormCheck {
  const checked = check(orderForm, v);
  if (checked.ok) return { ok: true, form: checked.value };
  return { ok: false, path: checked.path === '' ? 'form' : checked.path, reason: checked.reason };
}

export const isOrderForm = (v: unknown): v is OrderForm => checkOrderForm(v).ok;
