// GET /v5/market/risk-limit (https://bybit-exchange.github.io/docs/v5/market/risk-limit): the
// symbol's maintenance-margin tiers and its highest leverage. Kept apart from the ticker and
// instrument checks because the table is cross-checked as a whole (rates against leverage,
// published deductions against the ones the table implies) before it may price a liquidation.
import { Dec } from '../../core/decimal';
import { decimalNumber, decimalString } from '../feed-parse';
import { attempt, fail, obj } from '../../schema';
import type { FigureUpdates, ParseResult } from '../feed-types';
import type { TierRow, TierTable } from '../types';
import { linearList, serverTime } from './linear-envelope';

/** A table longer than this is not a risk-limit table (BTCUSDT has a few dozen tiers). */
const MAX_TIERS = 200;

/**
 * A rate as a decimal fraction ("0.005" = 0.5 %). The docs type it as a number, live answers send
 * a string; both are accepted. Bybit's docs once printed rates in percent ("0.5" for 0.5 %):
 * the initial-margin × max-leverage check in parseRiskLimit rejects such a table.
 */
function rate(v: unknown, where: string): Dec {
  const text = typeof v === 'number' ? decimalNumber(v, where, 'positive') : decimalString(v, where, 'positive');
  const value = new Dec(text);
  if (!value.lessThan(1)) fail(where, 'is not a fraction below 1');
  return value;
}

interface RiskTier {
  cap: Dec;
  mmr: Dec;
  maxLeverage: Dec;
  /** Published mmDeduction; null where Bybit leaves it empty (the lowest tier). */
  deduction: Dec | null;
}

function riskTier(v: unknown, symbol: string, where: string): RiskTier {
  const row = obj(v, where);
  if (row.symbol !== symbol) fail(where, 'is for another symbol');
  const cap = new Dec(decimalString(row.riskLimitValue, `${where}.riskLimitValue`, 'positive'));
  const mmr = rate(row.maintenanceMargin, `${where}.maintenanceMargin`);
  const imr = rate(row.initialMargin, `${where}.initialMargin`);
  const maxLeverage = new Dec(decimalString(row.maxLeverage, `${where}.maxLeverage`, 'positive'));
  if (!mmr.lessThan(imr)) fail(`${where}.maintenanceMargin`, 'is not below initialMargin');
  if (maxLeverage.lessThan(1)) fail(`${where}.maxLeverage`, 'is below 1');
  // maxLeverage is 1 / initialMargin rounded to two decimals ("66.67" for 1.5 %): a table in
  // other units (percent rates) fails this by a factor of 100.
  if (imr.times(maxLeverage).minus(1).abs().greaterThan('0.01'))
    fail(`${where}.initialMargin`, 'does not match maxLeverage');
  const deduction =
    row.mmDeduction === '' ? null : new Dec(decimalString(row.mmDeduction, `${where}.mmDeduction`, 'non-negative'));
  return { cap, mmr, maxLeverage, deduction };
}

/**
 * Bybit's risk limits are cumulative tiers: MM = value × MMR − deduction with the deduction
 * that keeps MM continuous at each boundary. A published deduction that disagrees with the one
 * the table implies means we do not understand the table: rejected rather than used.
 */
function tierTable(tiers: readonly RiskTier[]): TierTable {
  const rows: TierRow[] = [];
  let floor = new Dec(0);
  let derived = new Dec(0);
  let previousRate: Dec | null = null;
  tiers.forEach((tier, i) => {
    if (!tier.cap.greaterThan(floor)) fail('', `tier ${i + 1} does not raise the limit`);
    if (previousRate !== null) derived = derived.plus(floor.times(tier.mmr.minus(previousRate)));
    if (tier.deduction !== null && !tier.deduction.equals(derived))
      fail('', `tier ${i + 1} mmDeduction disagrees with the table`);
    rows.push({
      floor: floor.toFixed(),
      // Bybit's last tier has a cap too: larger positions are refused, not charged more.
      cap: tier.cap.toFixed(),
      maintenanceMarginRate: tier.mmr.toFixed(),
      maintenanceAmount: tier.deduction === null ? null : tier.deduction.toFixed(),
      maxLeverage: tier.maxLeverage.toFixed(),
    });
    floor = tier.cap;
    previousRate = tier.mmr;
  });
  return { basis: 'notional', rows };
}

/** GET /v5/market/risk-limit?category=linear&symbol=… → the tier table and the highest leverage. */
export function parseRiskLimit(body: unknown, symbol: string): ParseResult {
  const result = attempt(() => {
    const list = linearList(body);
    if (list.length === 0) fail('result.list', 'is empty');
    if (list.length > MAX_TIERS) fail('result.list', 'is too long');
    const tiers = list.map((v, i) => riskTier(v, symbol, `result.list[${i}]`)).sort((a, b) => a.cap.comparedTo(b.cap));
    const table = tierTable(tiers);
    const maxLeverage = tiers.reduce((max, t) => (t.maxLeverage.greaterThan(max) ? t.maxLeverage : max), new Dec(0));
    const figures: FigureUpdates = { maxLeverage: { value: maxLeverage.toFixed(), exchangeTime: serverTime(body) } };
    return { figures, table };
  });
  return result.ok ? { ok: true, figures: result.value.figures, tiers: result.value.table } : result;
}
