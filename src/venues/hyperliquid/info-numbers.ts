// How Hyperliquid writes the numbers its info API and WebSocket send, checked strictly: plain
// decimal text and whole leverages. Shared by the asset checks (feed-schema.ts) and the margin
// tables (margin-tables.ts), so both reject the same malformed fields.
import { decimalString } from '../feed-parse';
import { fail } from '../../schema';
import type { DecimalString } from '../types';

/** Hyperliquid writes every number as plain decimal text ("65010.0", "-0.0000042"); an exponent is not its format. */
const PLAIN = /^-?\d{1,20}(?:\.\d{1,20})?$/;

export function plainDecimal(v: unknown, where: string, range: 'positive' | 'non-negative' | 'any'): DecimalString {
  if (typeof v !== 'string' || !PLAIN.test(v)) fail(where, 'is not a plain decimal string');
  return decimalString(v, where, range);
}

/** Leverage Hyperliquid could plausibly offer; anything outside is a broken field. */
const MAX_LEVERAGE = 200;

export function leverage(v: unknown, where: string): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_LEVERAGE
    ? v
    : fail(where, `is not a leverage of 1–${MAX_LEVERAGE}`);
}
