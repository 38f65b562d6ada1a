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
const between =
  (lowest: number, highest: number, highestIncluded: boolean) =>
  (v: Fixed): boolean =>
    compareFixed(v, int(lowest)) >= 0 && compareFixed(v, int(highest)) < (highestIncluded ? 1 : 0);

function decimalOr(value: unknown, fallback: DecimalString, ok: (v: Fixed) => boolean): DecimalString {
  const parsed = parseDecimalFixed(value);
  return parsed !== undefined && ok(parsed) ? (value as DecimalString) : fallback;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `obj[key]` only when obj has it as its own property. Settings come from storage and from
 * imported files; a plain `obj[key]` or `key in obj` would also see Object.prototype's members,
 * so a key named "toString", "constructor" or "__proto__" would pass for a known one.
 */
function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** A fee rate is a fraction below 1 % (0.01); anything larger is a percent typed as a fraction. */
const isFeeRate = (v: unknown): boolean => {
  const parsed = parseDecimalFixed(v);
  return parsed !== undefined && signOf(parsed) >= 0 && compareFixed(parsed, { units: 1n, scale: 2 }) < 0;
};

function parseFeeTiers(raw: unknown): Settings['feeTiers'] {
  const tiers: Settings['feeTiers'] = {};
  if (!isRecord(raw)) return tiers;
  for (const venue of VENUES) {
    const tier = own(raw, venue);
    if (!isRecord(tier)) continue;
    const makerFeeRate = own(tier, 'makerFeeRate');
    const takerFeeRate = own(tier, 'takerFeeRate');
    if (isFeeRate(makerFeeRate) && isFeeRate(takerFeeRate)) {
      tiers[venue] = { makerFeeRate: makerFeeRate as DecimalString, takerFeeRate: takerFeeRate as DecimalString };
    }
  }
  return tiers;
}

function parseEnabledVenues(raw: unknown): Settings['enabledVenues'] {
  const enabled = { ...DEFAULT_SETTINGS.enabledVenues };
  if (!isRecord(raw)) return enabled;
  for (const venue of VENUES) {
    const on = own(raw, venue);
    if (typeof on === 'boolean') enabled[venue] = on;
  }
  return enabled;
}

/** Any stored value → valid Settings; unknown keys dropped, bad values replaced by defaults. */
export function parseSettings(raw: unknown): Settings {
  const obj = isRecord(raw) ? raw : {};
  const field = (key: keyof Settings): unknown => own(obj, key);
  const balances: Settings['accountBalance'] = {};
  const rawBalances = field('accountBalance');
  if (isRecord(rawBalances)) {
    for (const venue of VENUES) {
      const value = own(rawBalances, venue);
      const parsed = parseDecimalFixed(value);
      if (parsed !== undefined && signOf(parsed) > 0) balances[venue] = value as DecimalString;
    }
  }
  const guardEnabled = field('guardEnabled');
  const overlayEnabled = field('overlayEnabled');
  const maxLeverageText = field('maxLeverage');
  const maxLossText = field('maxLossPercent');
  const maxLeverage = parseDecimalFixed(maxLeverageText);
  const maxLossPercent = parseDecimalFixed(maxLossText);
  const theme = field('theme');
  return {
    guardEnabled: typeof guardEnabled === 'boolean' ? guardEnabled : DEFAULT_SETTINGS.guardEnabled,
    overlayEnabled: typeof overlayEnabled === 'boolean' ? overlayEnabled : DEFAULT_SETTINGS.overlayEnabled,
    minLiquidationDistance: decimalOr(
      field('minLiquidationDistance'),
      DEFAULT_SETTINGS.minLiquidationDistance,
      between(0, 1, false),
    ),
    maxLeverage:
      maxLeverage !== undefined && compareFixed(maxLeverage, int(1)) >= 0 ? (maxLeverageText as DecimalString) : null,
    maxLossPercent:
      maxLossPercent !== undefined && signOf(maxLossPercent) > 0 && compareFixed(maxLossPercent, int(100)) <= 0
        ? (maxLossText as DecimalString)
        : null,
    holdHours: decimalOr(field('holdHours'), DEFAULT_SETTINGS.holdHours, between(0, 24 * 365, true)),
    accountBalance: balances,
    feeTiers: parseFeeTiers(field('feeTiers')),
    enabledVenues: parseEnabledVenues(field('enabledVenues')),
    theme: (THEMES as readonly unknown[]).includes(theme) ? (theme as Theme) : DEFAULT_SETTINGS.theme,
  };
}

/** A key as shown in a refusal: an imported file's keys can be as long as the file. */
const clip = (key: string): string => (key.length > 40 ? `${key.slice(0, 40)}…` : key);

/** The keys of stored settings that parseSettings had to drop or replace: none for a valid value. */
export function settingsProblems(raw: unknown): string[] {
  if (!isRecord(raw)) return ['settings must be a JSON object'];
  const parsed = parseSettings(raw);
  const problems = Object.keys(raw)
    .filter((key) => !Object.hasOwn(DEFAULT_SETTINGS, key))
    .map((key) => `unknown setting ${JSON.stringify(clip(key))}`);
  for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
    if (!Object.hasOwn(raw, key)) continue;
    if (JSON.stringify(canonical(raw[key])) !== JSON.stringify(canonical(parsed[key])))
      problems.push(`"${key}" is not valid`);
  }
  return problems;
}

/** Objects with sorted keys, so two equal settings compare equal as JSON. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, canonical(value[key])]),
  );
}

/** Marks an exported file as ours, so an import of some other JSON is refused with a clear reason. */
export const EXPORT_FORMAT = 'margin-preflight-settings';
export const EXPORT_VERSION = 1;
/** Everything an exported file holds; anything else in a file to import is refused like an unknown setting. */
const EXPORT_KEYS = ['format', 'version', 'settings'] as const;

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
  if (!isRecord(data) || own(data, 'format') !== EXPORT_FORMAT)
    return { ok: false, error: 'Not a Margin Preflight settings file' };
  const version = own(data, 'version');
  if (version !== EXPORT_VERSION)
    return { ok: false, error: `Settings file version ${clip(String(version))} is not supported` };
  const settings = own(data, 'settings');
  const extra = Object.keys(data)
    .filter((key) => !(EXPORT_KEYS as readonly string[]).includes(key))
    .map((key) => `unknown key ${JSON.stringify(clip(key))}`);
  const problems = [...extra, ...settingsProblems(settings)];
  if (problems.length > 0) return { ok: false, error: `Not imported: ${problems.slice(0, 5).join('; ')}` };
  return { ok: true, settings: parseSettings(settings) };
}
