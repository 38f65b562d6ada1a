// User settings shared by content script, background and (later) the options page.
// Stored in storage.sync as plain JSON; validated on every read so a corrupt or hostile
// value falls back to the default instead of disabling the guard silently.
// Checked with src/core/decimal-text (regex + BigInt, exact): the content script reads settings
// too and must not carry decimal.js.
import { compareFixed, parseDecimalFixed, signOf, type Fixed } from '../core/decimal-text';
import { VENUES, type VenueId } from '../core/types';
import type { DecimalString } from '../venues/types';

export interface Settings {
  guardEnabled: boolean;
  overlayEnabled: boolean;
  /** Guard: hold the submit when liquidation is closer than this fraction of the mark. */
  minLiquidationDistance: DecimalString;
  /** Guard: hold the submit above this leverage; null = no personal maximum. */
  maxLeverage: DecimalString | null;
  holdHours: DecimalString;
  /** Cross margin: the account balance the user entered per venue (quote currency). */
  accountBalance: Partial<Record<VenueId, DecimalString>>;
}

export const DEFAULT_SETTINGS: Settings = {
  guardEnabled: true,
  overlayEnabled: true,
  minLiquidationDistance: '0.05',
  maxLeverage: null,
  holdHours: '24',
  accountBalance: {},
};

export const SETTINGS_KEY = 'settings';

const int = (n: number): Fixed => ({ units: BigInt(n), scale: 0 });
const between = (lowest: number, highest: number, highestIncluded: boolean) => (v: Fixed): boolean =>
  compareFixed(v, int(lowest)) >= 0 && compareFixed(v, int(highest)) < (highestIncluded ? 1 : 0);

function decimalOr(value: unknown, fallback: DecimalString, ok: (v: Fixed) => boolean): DecimalString {
  const parsed = parseDecimalFixed(value);
  return parsed !== undefined && ok(parsed) ? (value as DecimalString) : fallback;
}

/** Any stored value → valid Settings; unknown keys dropped, bad values replaced by defaults. */
export function parseSettings(raw: unknown): Settings {
  const obj = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const balances: Settings['accountBalance'] = {};
  const rawBalances = obj.accountBalance;
  if (typeof rawBalances === 'object' && rawBalances !== null) {
    for (const venue of VENUES) {
      const value = (rawBalances as Record<string, unknown>)[venue];
      const parsed = parseDecimalFixed(value);
      if (parsed !== undefined && signOf(parsed) > 0) balances[venue] = value as DecimalString;
    }
  }
  const maxLeverage = parseDecimalFixed(obj.maxLeverage);
  return {
    guardEnabled: typeof obj.guardEnabled === 'boolean' ? obj.guardEnabled : DEFAULT_SETTINGS.guardEnabled,
    overlayEnabled: typeof obj.overlayEnabled === 'boolean' ? obj.overlayEnabled : DEFAULT_SETTINGS.overlayEnabled,
    minLiquidationDistance: decimalOr(obj.minLiquidationDistance, DEFAULT_SETTINGS.minLiquidationDistance, between(0, 1, false)),
    maxLeverage: maxLeverage !== undefined && compareFixed(maxLeverage, int(1)) >= 0 ? (obj.maxLeverage as DecimalString) : null,
    holdHours: decimalOr(obj.holdHours, DEFAULT_SETTINGS.holdHours, between(0, 24 * 365, true)),
    accountBalance: balances,
  };
}
