// Hyperliquid's margin tables (docs "Margin tiers"): meta.marginTables lists
// [id, { description, marginTiers: [{ lowerBound, maxLeverage }] }] pairs and each universe entry
// names its table by marginTableId. Checked whole (starting at 0, floors rising, leverage
// falling, first tier matching the coin's own maximum) before a table may price a liquidation.
import { Dec } from '../../core/decimal';
import { arr, fail, obj, type Obj } from '../../schema';
import type { DecimalString, TierRow, TierTable } from '../types';
import { leverage, plainDecimal } from './info-numbers';

/** MMR = 1 / (2 × max leverage) (docs "Margin tiers"): the engine's own rule, in the engine's precision. */
export function maintenanceRate(maxLeverage: number): DecimalString {
  return new Dec(1).div(new Dec(maxLeverage).times(2)).toFixed();
}

/** lowerBound: a non-negative decimal string ("150000000.0"). */
function rows(table: Obj, where: string, maxLeverage: number): TierRow[] {
  const tiers = arr(table.marginTiers, `${where}.marginTiers`);
  if (tiers.length === 0) fail(where, 'has no tiers');
  const parsed = tiers.map((item, i) => {
    const tier = obj(item, `${where}.marginTiers[${i}]`);
    return {
      floor: plainDecimal(tier.lowerBound, `${where}.marginTiers[${i}].lowerBound`, 'non-negative'),
      lev: leverage(tier.maxLeverage, `${where}.marginTiers[${i}].maxLeverage`),
    };
  });
  if (!new Dec(parsed[0]!.floor).isZero()) fail(where, 'does not start at 0');
  parsed.forEach((tier, i) => {
    const previous = parsed[i - 1];
    if (previous && !(new Dec(tier.floor).greaterThan(previous.floor) && tier.lev < previous.lev))
      fail('', `${where} tiers are not in order`);
  });
  // The coin's own maximum is the first tier's; a table that allows more belongs to another coin.
  if (parsed[0]!.lev !== maxLeverage) fail(where, "does not match the coin's maxLeverage");
  return parsed.map((tier, i) => ({
    floor: tier.floor,
    cap: parsed[i + 1]?.floor ?? null,
    maintenanceMarginRate: maintenanceRate(tier.lev),
    // The deduction follows from the table (docs: cumulative, tier by tier): left to the engine.
    maintenanceAmount: null,
    maxLeverage: String(tier.lev),
  }));
}

/**
 * The coin's margin table, when the response lists margin tables and has the coin's. A table id
 * the list does not hold (Hyperliquid's single-tier tables) yields none: the single tier then
 * follows from maxLeverage alone, which the engine derives itself. `id` is the coin's
 * marginTableId, `maxLeverage` its own (already checked) maximum.
 */
export function tiersOf(meta: Obj, id: unknown, maxLeverage: number): TierTable | undefined {
  if (meta.marginTables === undefined) return undefined;
  const tables = arr(meta.marginTables, 'marginTables');
  if (id === undefined) return undefined;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) fail('marginTableId', 'is not an id');
  const matching = tables.filter((item, i) => {
    const pair = arr(item, `marginTables[${i}]`);
    if (pair.length !== 2 || typeof pair[0] !== 'number') fail(`marginTables[${i}]`, 'is not an [id, table] pair');
    return pair[0] === id;
  });
  if (matching.length > 1) fail('', 'margin table is listed twice');
  const pair = matching[0] as unknown[] | undefined;
  if (pair === undefined) return undefined;
  return { basis: 'notional', rows: rows(obj(pair[1], 'margin table'), 'margin table', maxLeverage) };
}
