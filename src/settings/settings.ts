// User settings shared by content script, background and (later) the options page.
// Stored in storage.sync as plain JSON; validated on every read so a corrupt or hostile
// value falls back to the default instead of disabling the guard silently.
// Checked with src/core/decimal-text (regex + BigInt, exact): the content script reads settings
// too and must not carry decimal.js.
import { compareFixed, parseDecimalFixed, signOf, type Fixed } from '../core/decimal-text';
import { VENUES, type VenueId } from '../core/types';
import type { DecimalString } from '../venues/types';

export type Theme = 'system' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['system', 'light', 'dark'];

/** The user's own fee rates at a venue (fractions: 0.0002 = 0.02 %), replacing the bundled base tier. */
export interface FeeTier {
  makerFeeRate: DecimalString;
  takerFeeRate: DecimalString;
}

export interface Settings {
  guardEnabled: boolean;
  overlayEnabled: boolean;
  /** Guard: hold the submit when liquidation is closer than this fraction of the mark. */
  minLiquidationDistance: DecimalString;
  /** Guard: hold the submit above this leverage; null = no personal maximum. */
  maxLeverage: DecimalString | null;
  /** Guard: hold the submit when the loss at the stop (fees included) exceeds this percent of the balance; null = off. */
  maxLossPercent: DecimalString | null;
  holdHours: DecimalString;
  /** Cross margin: the account balance the user entered per venue (quote currency). */
  accountBalance: Partial<Record<VenueId, DecimalString>>;
  /** Fee tier per venue; a venue without one uses the bundled base tier (and says so). */
  feeTiers: Partial<Record<VenueId, FeeTier>>;
  /** Venues the overlay runs on; every venue is on unless switched off. */
  enabledVenues: Record<VenueId, boolean>;
  theme: Theme;
}

export const DEFAULT_SETTINGS: Settings = {
  guardEnabled: true,
  overlayEnabled: true,
  minLiquidationDistance: '0.05',
  maxLeverage: null,
  maxLossPercent: null,
  holdHours: '24',
  accountBalance: {},
  feeTiers: {},
  enabledVenues: Object.fromEntries(VENUES.map((venue) => [venue, true])) as Record<VenueId, boolean>,
  theme: 'system',
};

export const SETTINGS_KEY = 'settings';

const int = (n: number): Fixed => ({ units: BigInt(n), scale: 0 });
const between = (lowest: number, highest: number, highestIncluded: boolean) => (v: Fixed): boolean =>
  compareFixed(v, int(lowest)) >= 0 && compareFixed(v, int(highest)) < (highestIncluded ? 1 : 0);

function decimalOr(value: unknown, fallback: DecimalString, ok: (v: Fixed) => boolean): DecimalString {
  const parsed = parseDecimalFixed(value);
  return parsed !== undefined && ok(parsed) ? (value as DecimalString) : fallback;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A fee rate is a fraction below 1 % (0.01); anything larger is a percent typed as a fraction. */
const isFeeRate = (v: unknown): boolean => {
  const parsed = parseDecimalFixed(v);
  return parsed !== undefined && signOf(parsed) >= 0 && compareFixed(parsed, { units: 1n, scale: 2 }) < 0;
};

function parseFeeTiers(raw: unknown): Settings['feeTiers'] {
  const tiers: Settings['feeTiers'] = {};
  if (!isRecord(raw)) return tiers;
  for (const venue of VENUES) {
    const tier = raw[venue];
    if (isRecord(tier) && isFeeRate(tier.makerFeeRate) && isFeeRate(tier.takerFeeRate)) {
      tiers[venue] = { makerFeeRate: tier.makerFeeRate as DecimalString, takerFeeRate: tier.takerFeeRate as DecimalString };
    }
  }
  return tiers;
}

function parseEnabledVenues(raw: unknown): Settings['enabledVenues'] {
  const enabled = { ...DEFAULT_SETTINGS.enabledVenues };
  if (!isRecord(raw)) return enabled;
  for (const venue of VENUES) if (typeof raw[venue] === 'boolean') enabled[venue] = raw[venue];
  return enabled;
}

/** Any stored value → valid Settings; unknown keys dropped, bad values replaced by defaults. */
export function parseSettings(raw: unknown): Settings {
  const obj = isRecord(raw) ? raw : {};
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
  const maxLossPercent = parseDecimalFixed(obj.maxLossPercent);
  return {
    guardEnabled: typeof obj.guardEnabled === 'boolean' ? obj.guardEnabled : DEFAULT_SETTINGS.guardEnabled,
    overlayEnabled: typeof obj.overlayEnabled === 'boolean' ? obj.overlayEnabled : DEFAULT_SETTINGS.overlayEnabled,
    minLiquidationDistance: decimalOr(obj.minLiquidationDistance, DEFAULT_SETTINGS.minLiquidationDistance, between(0, 1, false)),
    maxLeverage: maxLeverage !== undefined && compareFixed(maxLeverage, int(1)) >= 0 ? (obj.maxLeverage as DecimalString) : null,
    maxLossPercent: maxLossPercent !== undefined && signOf(maxLossPercent) > 0 && compareFixed(maxLossPercent, int(100)) <= 0 ? (obj.maxLossPercent as DecimalString) : null,
    holdHours: decimalOr(obj.holdHours, DEFAULT_SETTINGS.holdHours, between(0, 24 * 365, true)),
    accountBalance: balances,
    feeTiers: parseFeeTiers(obj.feeTiers),
    enabledVenues: parseEnabledVenues(obj.enabledVenues),
    theme: (THEMES as readonly unknown[]).includes(obj.theme) ? (obj.theme as Theme) : DEFAULT_SETTINGS.theme,
  };
}

/** The keys of stored settings that parseSettings had to drop or replace: none for a valid value. */
export function settingsProblems(raw: unknown): string[] {
  if (!isRecord(raw)) return ['settings must be a JSON object'];
  const parsed = parseSettings(raw);
  const problems = Object.keys(raw).filter((key) => !(key in DEFAULT_SETTINGS)).map((key) => `unknown setting "${key}"`);
  for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
    if (!(key in raw)) continue;
    if (JSON.stringify(canonical(raw[key])) !== JSON.stringify(canonical(parsed[key]))) problems.push(`"${key}" is not valid`);
  }
  return problems;
}

/** Objects with sorted keys, so two equal settings compare equal as JSON. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical(value[key])]));
}

/** Marks an exported file as ours, so an import of some other JSON is refused with a clear reason. */
export const EXPORT_FORMAT = 'margin-preflight-settings';
export const EXPORT_VERSION = 1;

export function exportSettings(settings: Settings): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, settings }, null, 2)}\n`;
}

/** A settings file → settings, or why not. Strict: a file with any invalid or unknown value is refused whole. */
export function importSettings(text: string): { ok: true; settings: Settings } | { ok: false; error: string } {
  if (text.length > 100_000) return { ok: false, error: 'The file is too large to be a settings file' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The file is not JSON' };
  }
  if (!isRecord(data) || data.format !== EXPORT_FORMAT) return { ok: false, error: 'Not a Margin Preflight settings file' };
  if (data.version !== EXPORT_VERSION) return { ok: false, error: `Settings file version ${String(data.version)} is not supported` };
  const problems = settingsProblems(data.settings);
  if (problems.length > 0) return { ok: false, error: `Not imported: ${problems.slice(0, 5).join('; ')}` };
  return { ok: true, settings: parseSettings(data.settings) };
}
