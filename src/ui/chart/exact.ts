// Exact decimal arithmetic for the chart's table (PnL at each marked price), on the BigInt
// Fixed of src/core/decimal-text: the chart is drawn in the content script, where decimal.js
// must not go. Only + − × are needed: pnl(P) = atEntry + slope × (P − entry).
import { compareFixed, parseDecimalFixed, parsePlainDecimal, plainText, type Fixed } from '../../core/decimal-text';
import type { ChartLine } from './geometry';

function aligned(a: Fixed, b: Fixed): { a: bigint; b: bigint; scale: number } {
  const scale = Math.max(a.scale, b.scale);
  return { a: a.units * 10n ** BigInt(scale - a.scale), b: b.units * 10n ** BigInt(scale - b.scale), scale };
}

export function addFixed(x: Fixed, y: Fixed): Fixed {
  const { a, b, scale } = aligned(x, y);
  return { units: a + b, scale };
}

export function subFixed(x: Fixed, y: Fixed): Fixed {
  const { a, b, scale } = aligned(x, y);
  return { units: a - b, scale };
}

export function mulFixed(x: Fixed, y: Fixed): Fixed {
  return { units: x.units * y.units, scale: x.scale + y.scale };
}

/** Engine and form text → exact value: plain notation of any length, or strict decimal text. */
export function parseExact(text: string): Fixed | undefined {
  return parsePlainDecimal(text, 200) ?? parseDecimalFixed(text);
}

/**
 * pnl(price) = atEntry + slope × (price − entry), exactly, as plain text; null if any input is not a
 * decimal. With a floor (isolated margin), the floor's PnL at and beyond its price.
 */
export function pnlAtText(line: ChartLine, entry: string, price: string): string | null {
  const atEntry = parseExact(line.atEntry);
  const slope = parseExact(line.slope);
  const from = parseExact(entry);
  const at = parseExact(price);
  if (atEntry === undefined || slope === undefined || from === undefined || at === undefined) return null;
  const floorAt = line.floor === undefined ? undefined : parseExact(line.floor.price);
  if (floorAt !== undefined && line.floor !== undefined) {
    const side = compareFixed(at, floorAt);
    if (side === 0 || (slope.units > 0n ? side < 0 : side > 0)) return line.floor.pnl;
  }
  return plainText(addFixed(atEntry, mulFixed(slope, subFixed(at, from))));
}
