// Strict checks of what the user typed, field by field, with the reason for each refusal (shown
// next to the field). Nothing is guessed: an empty required field, a number that reads two ways,
// or one out of range stops the quote and says which and why.
import { Dec, parseDecimalText } from '../../core/decimal';
import { SYMBOL } from '../../messaging/messages';
import type { Side } from '../../core/types';
import { readNumber } from './number-text';
import type { PositionRow, Scenario } from './scenario';

export type FieldError =
  | { kind: 'required' }
  | { kind: 'invalid' }
  | { kind: 'symbol' }
  | { kind: 'ambiguous'; readings: [string, string] }
  | { kind: 'greaterThan'; min: string }
  | { kind: 'atLeast'; min: string }
  | { kind: 'atMost'; max: string }
  | { kind: 'below'; max: string };

/** Field path → error: "price", "positions.0.quantity", … */
export type FieldErrors = Record<string, FieldError>;

export interface ParsedPosition {
  symbol: string;
  side: Side;
  quantity: string;
  entry: string;
  mark: string;
  /** Fraction (0.005), or null: look it up in the bundled tiers. */
  rate: string | null;
  pageMargin: string | null;
}

/** Every number as plain decimal text that passed the engine's own parser. */
export interface ParsedScenario {
  price: string | null;
  size: string;
  leverage: string;
  mark: string | null;
  balance: string | null;
  positions: ParsedPosition[];
  holdHours: string;
  stopLoss: string | null;
  takeProfit: string | null;
  /** Fraction, or null (venue tiers). */
  maintenanceRate: string | null;
}

interface Rule {
  required: boolean;
  /** Lowest value: exclusive when `above` (greater than), else inclusive. */
  min: string;
  above: boolean;
  /** Highest value: inclusive unless `belowMax`. */
  max?: string;
  belowMax?: boolean;
}

const POSITIVE: Rule = { required: true, min: '0', above: true };
const OPTIONAL_POSITIVE: Rule = { ...POSITIVE, required: false };
const LEVERAGE: Rule = { required: true, min: '1', above: false, max: '1000' };
const HOURS: Rule = { required: true, min: '0', above: false, max: '8760' };
const PERCENT_RATE: Rule = { required: false, min: '0', above: true, max: '100', belowMax: true };

/** One field → its decimal text (null when optional and empty), or records why not. */
function field(errors: FieldErrors, path: string, text: string, rule: Rule): string | null {
  const reading = readNumber(text);
  if (!reading.ok) {
    if (reading.reason === 'empty') {
      if (rule.required) errors[path] = { kind: 'required' };
      return null;
    }
    errors[path] =
      reading.reason === 'ambiguous' ? { kind: 'ambiguous', readings: reading.readings } : { kind: 'invalid' };
    return null;
  }
  const value = parseDecimalText(reading.value);
  if (value === undefined) {
    errors[path] = { kind: 'invalid' };
    return null;
  }
  if (rule.above ? !value.greaterThan(rule.min) : value.lessThan(rule.min)) {
    errors[path] = rule.above ? { kind: 'greaterThan', min: rule.min } : { kind: 'atLeast', min: rule.min };
    return null;
  }
  if (rule.max !== undefined && (rule.belowMax ? !value.lessThan(rule.max) : value.greaterThan(rule.max))) {
    errors[path] = rule.belowMax ? { kind: 'below', max: rule.max } : { kind: 'atMost', max: rule.max };
    return null;
  }
  return value.toFixed();
}

const percentToFraction = (v: string | null): string | null => (v === null ? null : new Dec(v).div(100).toFixed());

function position(errors: FieldErrors, row: PositionRow, i: number): ParsedPosition | null {
  const at = (name: string) => `positions.${i}.${name}`;
  const before = Object.keys(errors).length;
  if (!SYMBOL.test(row.symbol.trim()))
    errors[at('symbol')] = row.symbol.trim() === '' ? { kind: 'required' } : { kind: 'symbol' };
  const quantity = field(errors, at('quantity'), row.quantity, POSITIVE);
  const entry = field(errors, at('entry'), row.entry, POSITIVE);
  const mark = field(errors, at('mark'), row.mark, POSITIVE);
  const rate = field(errors, at('ratePercent'), row.ratePercent, PERCENT_RATE);
  if (Object.keys(errors).length > before) return null;
  return {
    symbol: row.symbol.trim(),
    side: row.side,
    quantity: quantity!,
    entry: entry!,
    mark: mark!,
    rate: percentToFraction(rate),
    // The page's margin holds only while the row is as the page showed it (the rate field untouched).
    pageMargin: row.pageMargin,
  };
}

export function validateScenario(
  s: Scenario,
): { ok: true; values: ParsedScenario } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!SYMBOL.test(s.symbol.trim())) errors.symbol = s.symbol.trim() === '' ? { kind: 'required' } : { kind: 'symbol' };
  const market = s.orderType === 'market';
  const price = market ? null : field(errors, 'price', s.price, POSITIVE);
  const size = field(errors, 'size', s.size, POSITIVE);
  const leverage = field(errors, 'leverage', s.leverage, LEVERAGE);
  // A market order fills near the mark: without a price the mark is required.
  const mark = field(errors, 'mark', s.mark, market ? POSITIVE : OPTIONAL_POSITIVE);
  const balance = field(errors, 'balance', s.balance, OPTIONAL_POSITIVE);
  const cross = s.marginMode === 'cross';
  // A row left entirely empty (just added) is no position; one with anything typed is checked whole.
  const blank = (row: PositionRow) =>
    [row.symbol, row.quantity, row.entry, row.mark, row.ratePercent].every((text) => text.trim() === '');
  const positions = cross ? s.positions.map((row, i) => (blank(row) ? null : position(errors, row, i))) : [];
  const holdHours = field(errors, 'holdHours', s.holdHours, HOURS);
  const stopLoss = field(errors, 'stopLoss', s.stopLoss, OPTIONAL_POSITIVE);
  const takeProfit = field(errors, 'takeProfit', s.takeProfit, OPTIONAL_POSITIVE);
  const maintenanceRate = percentToFraction(field(errors, 'maintenancePercent', s.maintenancePercent, PERCENT_RATE));
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    values: {
      price,
      size: size!,
      leverage: leverage!,
      mark,
      balance,
      positions: positions.filter((p): p is ParsedPosition => p !== null),
      holdHours: holdHours!,
      stopLoss,
      takeProfit,
      maintenanceRate,
    },
  };
}

/** The risk for position sizing: an amount above 0, or a percent above 0 and at most 100. Checked apart from the scenario (a bad risk does not stop the quote). */
export function validateRisk(
  mode: 'amount' | 'percent',
  text: string,
): { ok: true; value: string } | { ok: false; error: FieldError } {
  const errors: FieldErrors = {};
  const value = field(errors, 'risk', text, mode === 'amount' ? POSITIVE : { ...POSITIVE, max: '100' });
  return value === null ? { ok: false, error: errors.risk ?? { kind: 'required' } } : { ok: true, value };
}
