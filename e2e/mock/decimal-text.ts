// Decimal text helpers for the mock. Prices stay strings end to end so a test can compare the
// overlay's figures with the engine's exactly; no float ever touches a served price.

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function assertDecimal(text: string, what: string): string {
  if (!DECIMAL.test(text)) throw new Error(`mock: ${what} must be a plain decimal string, got ${JSON.stringify(text)}`);
  return text;
}

/** "65000.5" → "65000.50000" (Kraken REST pads every price to a fixed number of decimals). */
export function padDecimals(text: string, decimals: number): string {
  const [int, frac = ''] = text.split('.');
  return decimals === 0 ? int! : `${int}.${frac.padEnd(decimals, '0').slice(0, decimals)}`;
}

/** "65000.50" → "65000.5": the shortest form, as a JSON number literal in Kraken WS v2 would print. */
export function trimDecimal(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** Integer number of ticks → decimal string, e.g. (650005, 1) → "65000.5". */
export function fromTicks(ticks: number, decimals: number): string {
  const negative = ticks < 0;
  const digits = String(Math.abs(Math.trunc(ticks))).padStart(decimals + 1, '0');
  const text = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  return negative ? `-${text}` : text;
}

/** Decimal string → integer ticks at `decimals` places (the string must not have more places). */
export function toTicks(text: string, decimals: number): number {
  const [int, frac = ''] = assertDecimal(text, 'price').split('.');
  if (frac.length > decimals) throw new Error(`mock: ${text} has more than ${decimals} decimals`);
  const sign = int!.startsWith('-') ? -1 : 1;
  return sign * Number(`${int!.replace('-', '')}${frac.padEnd(decimals, '0')}`);
}
