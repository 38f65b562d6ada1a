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
import { MAX_PAGE_POSITIONS, SYMBOL } from '../messaging/messages';
import type { OrderForm, SizeUnit } from './types';

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
}

const PERP = { marginModes: ['cross', 'isolated'], triggers: true, borrow: false } as const;

const RULES: Readonly<Record<VenueId, VenueRules>> = {
  'kraken-margin': { marginModes: ['cross'], units: ['base', 'quote'], triggers: false, account: false, borrow: false },
  'binance-usdm': { ...PERP, units: ['base', 'quote'], account: false },
  'bybit-linear': { ...PERP, units: ['base', 'quote'], account: true },
  'okx-swap': { ...PERP, units: ['base', 'quote', 'contracts'], account: true },
  hyperliquid: { ...PERP, units: ['base', 'quote'], account: true },
  'binance-margin': {
    marginModes: ['cross', 'isolated'],
    units: ['base'],
    triggers: false,
    account: true,
    borrow: true,
  },
};

const REQUIRED_KEYS = [
  'venue',
  'symbol',
  'side',
  'type',
  'marginMode',
  'price',
  'size',
  'leverage',
  'marginEnabled',
  'stopLoss',
  'takeProfit',
  'availableBalance',
];
const FORM_KEYS = [...REQUIRED_KEYS, 'account', 'borrow'];
const ACCOUNT_KEYS = ['walletBalance', 'positions', 'positionsTooMany'];
const POSITION_KEYS = ['symbol', 'side', 'quantity', 'entryPrice', 'markPrice', 'maintenanceMargin'];
const CANONICAL = /^(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;
const ONE = { units: 1n, scale: 0 };
const MAX_LEVERAGE = { units: 1000n, scale: 0 };

type Obj = Record<string, unknown>;

/** A failed check: where and why. Thrown inside this module only, caught by checkOrderForm. */
class Refusal {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {}
}

function refuse(path: string, reason: string): never {
  throw new Refusal(path, reason);
}

function object(v: unknown, path: string, keys: readonly string[]): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) refuse(path === '' ? 'form' : path, 'not an object');
  const extra = Object.keys(v).find((key) => !keys.includes(key));
  if (extra !== undefined) refuse(path === '' ? extra : `${path}.${extra}`, 'not a field of this form');
  return v as Obj;
}

function oneOf<T extends string>(v: unknown, options: readonly T[], path: string): T {
  if (typeof v !== 'string' || !(options as readonly string[]).includes(v))
    refuse(path, `not one of ${options.join(', ')}`);
  return v as T;
}

function symbol(v: unknown, path: string): string {
  if (typeof v !== 'string' || !SYMBOL.test(v)) refuse(path, 'not a symbol');
  return v;
}

/** Plain decimal text, as the readers write it; `min` 'zero' allows 0, 'positive' does not. */
function decimal(v: unknown, path: string, min: 'zero' | 'positive'): string {
  const value = typeof v === 'string' && CANONICAL.test(v) ? parseDecimalFixed(v) : undefined;
  if (value === undefined) refuse(path, 'not a plain decimal number');
  if (min === 'positive' && signOf(value) <= 0) refuse(path, 'must be above zero');
  return v as string;
}

function optionalDecimal(v: unknown, path: string, min: 'zero' | 'positive'): void {
  if (v !== null) decimal(v, path, min);
}

function checkPosition(v: unknown, path: string): void {
  const p = object(v, path, POSITION_KEYS);
  symbol(p.symbol, `${path}.symbol`);
  oneOf(p.side, ['long', 'short'] as const, `${path}.side`);
  decimal(p.quantity, `${path}.quantity`, 'positive');
  decimal(p.entryPrice, `${path}.entryPrice`, 'positive');
  decimal(p.markPrice, `${path}.markPrice`, 'positive');
  optionalDecimal(p.maintenanceMargin, `${path}.maintenanceMargin`, 'zero');
}

function checkAccount(v: unknown): void {
  const account = object(v, 'account', ACCOUNT_KEYS);
  optionalDecimal(account.walletBalance, 'account.walletBalance', 'zero');
  const positions = account.positions;
  if (positions !== null) {
    if (!Array.isArray(positions)) refuse('account.positions', 'not a list');
    if (positions.length > MAX_PAGE_POSITIONS) refuse('account.positions', `more than ${MAX_PAGE_POSITIONS} positions`);
    positions.forEach((p, i) => checkPosition(p, `account.positions[${i}]`));
  }
  if (Object.hasOwn(account, 'positionsTooMany')) {
    if (account.positionsTooMany !== true) refuse('account.positionsTooMany', 'only ever true');
    if (positions !== null) refuse('account.positionsTooMany', 'set with a list of positions');
  }
}

function checkLeverage(v: unknown): void {
  const value = parseDecimalFixed(decimal(v, 'leverage', 'positive'))!;
  if (compareFixed(value, ONE) < 0) refuse('leverage', 'below 1x');
  if (compareFixed(value, MAX_LEVERAGE) > 0) refuse('leverage', 'above 1000x');
}

function check(v: unknown): OrderForm {
  const form = object(v, '', FORM_KEYS);
  for (const key of REQUIRED_KEYS) if (!Object.hasOwn(form, key)) refuse(key, 'missing');
  const venue = oneOf(form.venue, VENUES, 'venue');
  const rules = RULES[venue];
  symbol(form.symbol, 'symbol');
  oneOf(form.side, ['long', 'short', 'both'] as const, 'side');
  const type = oneOf(form.type, ['limit', 'market'] as const, 'type');
  const marginMode = oneOf(form.marginMode, rules.marginModes, 'marginMode');
  if (type === 'limit') decimal(form.price, 'price', 'positive');
  else if (form.price !== null) refuse('price', 'a market order has no limit price');
  const size = object(form.size, 'size', ['unit', 'value']);
  oneOf(size.unit, rules.units, 'size.unit');
  decimal(size.value, 'size.value', 'positive');
  checkLeverage(form.leverage);
  if (typeof form.marginEnabled !== 'boolean') refuse('marginEnabled', 'not true or false');
  for (const key of ['stopLoss', 'takeProfit'] as const) {
    if (rules.triggers) optionalDecimal(form[key], key, 'positive');
    else if (form[key] !== null) refuse(key, "this venue's form has no such field");
  }
  optionalDecimal(form.availableBalance, 'availableBalance', 'zero');
  if (form.account !== undefined) {
    if (!rules.account) refuse('account', "this venue's reader does not read the account");
    if (marginMode !== 'cross') refuse('account', 'only a cross-margin order carries the account');
    checkAccount(form.account);
  }
  if (form.borrow !== undefined || rules.borrow) {
    if (!rules.borrow) refuse('borrow', "this venue's form has no borrow selector");
    if (form.borrow !== undefined) oneOf(form.borrow, ['auto', 'none', 'repay'] as const, 'borrow');
    if (form.marginEnabled !== (form.borrow === 'auto'))
      refuse('borrow', 'margin is on exactly when the order borrows');
  }
  return form as unknown as OrderForm;
}

/** The form, or the first path that fails the schema and why. Never throws. */
export function checkOrderForm(v: unknown): FormCheck {
  try {
    return { ok: true, form: check(v) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, path: error.path, reason: error.reason };
    throw error;
  }
}

export function isOrderForm(v: unknown): v is OrderForm {
  return checkOrderForm(v).ok;
}
