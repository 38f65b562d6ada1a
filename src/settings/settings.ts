// User settings shared by content script, background and (later) the options page.
// Stored in storage.sync as plain JSON; validated on every read so a corrupt or hostile
// value falls back to the default instead of disabling the guard silently.
import { parseDecimalText } from '../core/decimal';
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

function decimalOr(value: unknown, fallback: DecimalString, ok: (n: number) => boolean): DecimalString {
  const parsed = typeof value === 'string' ? parseDecimalText(value) : undefined;
  return parsed !== undefined && ok(parsed.toNumber()) ? (value as DecimalString) : fallback;
}

/** Any stored value → valid Settings; unknown keys dropped, bad values replaced by defaults. */
export function parseSettings(raw: unknown): Settings {
  const obj = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const balances: Settings['accountBalance'] = {};
  const rawBalances = obj.accountBalance;
  if (typeof rawBalances === 'object' && rawBalances !== null) {
    for (const venue of VENUES) {
      const value = (rawBalances as Record<string, unknown>)[venue];
      const parsed = typeof value === 'string' ? parseDecimalText(value) : undefined;
      if (parsed !== undefined && parsed.greaterThan(0)) balances[venue] = value as DecimalString;
    }
  }
  const maxLeverage = typeof obj.maxLeverage === 'string' ? parseDecimalText(obj.maxLeverage) : undefined;
  return {
    guardEnabled: typeof obj.guardEnabled === 'boolean' ? obj.guardEnabled : DEFAULT_SETTINGS.guardEnabled,
    overlayEnabled: typeof obj.overlayEnabled === 'boolean' ? obj.overlayEnabled : DEFAULT_SETTINGS.overlayEnabled,
    minLiquidationDistance: decimalOr(obj.minLiquidationDistance, DEFAULT_SETTINGS.minLiquidationDistance, (n) => n >= 0 && n < 1),
    maxLeverage: maxLeverage !== undefined && maxLeverage.greaterThanOrEqualTo(1) ? (obj.maxLeverage as DecimalString) : null,
    holdHours: decimalOr(obj.holdHours, DEFAULT_SETTINGS.holdHours, (n) => n >= 0 && n <= 24 * 365),
    accountBalance: balances,
  };
}
