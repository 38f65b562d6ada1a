// The risk colour of one quoted side (issue 12): graded by the distance to liquidation against the
// trader's limit (settings.minLiquidationDistance) — amber ('warn') inside the limit, red ('danger')
// under half of it — and by the engine's warnings. Exact decimal text, no floats.
import { compareFixed, timesInt } from '../../core/decimal-text';
import type { WireQuote } from '../../messaging/messages';
import type { Settings } from '../../settings/settings';
import { toDecimal } from './format';
import type { Risk } from './view-types';

const RISK_ORDER: Risk[] = ['neutral', 'ok', 'warn', 'danger'];
export const worse = (a: Risk, b: Risk): Risk => (RISK_ORDER.indexOf(a) >= RISK_ORDER.indexOf(b) ? a : b);

/** 'danger' under half the limit, 'warn' inside it, 'ok' at or beyond it; null when either is unknown. */
export function distanceRisk(distance: string | null, limit: string): Risk | null {
  const d = toDecimal(distance);
  const l = toDecimal(limit);
  if (d === undefined || l === undefined) return null;
  // d < l / 2  ⇔  2d < l (no division: exact).
  if (compareFixed(timesInt(d, 2), l) < 0) return 'danger';
  if (compareFixed(d, l) < 0) return 'warn';
  return 'ok';
}

/**
 * The side's colour: the worst of its warnings' severities and the distance grade. The engine's
 * LIQUIDATION_NEAR is graded the same way (src/core/warnings.ts), so the two always agree.
 */
export function columnRisk(quote: WireQuote, settings: Settings): Risk {
  let risk: Risk = 'ok';
  for (const w of quote.warnings) {
    if (w.severity === 'danger') risk = 'danger';
    else if (w.severity === 'warn') risk = worse(risk, 'warn');
  }
  const graded = distanceRisk(quote.liquidationDistance, settings.minLiquidationDistance);
  return graded === null ? risk : worse(risk, graded);
}
