// Money math: one Decimal constructor for the whole engine, cloned so that no other
// library's global Decimal settings can change our precision or rounding.
import DecimalBase from 'decimal.js';

export const Dec = DecimalBase.clone({
  precision: 40,
  rounding: DecimalBase.ROUND_HALF_EVEN,
  // Keep toString() in plain notation for the magnitudes that occur in trading.
  toExpNeg: -30,
  toExpPos: 40,
});
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
export const HUNDRED = new Dec(100);

// Plain decimal text: no exponent, no rounding beyond the engine precision.
export function toDecimalString(value: Dec): string {
  return value.toFixed();
}

// Strict: a JSON number that is finite, or a string in plain or exponent notation.
// Rejects '', ' 1', '1,000', '0x10', 'NaN', 'Infinity' and anything else.
const DECIMAL_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

// Magnitudes outside [1e-18, 1e21) are not prices, sizes or rates; refusing them also keeps
// a hostile "1e999999" from turning into a million-digit string.
const TOO_LARGE = new Dec('1e21');
const TOO_SMALL = new Dec('1e-18');

export function parseDecimalText(raw: unknown): Dec | undefined {
  let value: Dec;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return undefined;
    value = new Dec(raw);
  } else {
    if (typeof raw !== 'string' || raw.length > 64 || !DECIMAL_TEXT.test(raw)) return undefined;
    value = new Dec(raw);
  }
  if (!value.isFinite()) return undefined;
  const size = value.abs();
  if (size.greaterThanOrEqualTo(TOO_LARGE) || (!size.isZero() && size.lessThan(TOO_SMALL))) return undefined;
  return value;
}

export function min(a: Dec, b: Dec): Dec {
  return a.lessThan(b) ? a : b;
}

export function max(a: Dec, b: Dec): Dec {
  return a.greaterThan(b) ? a : b;
}
