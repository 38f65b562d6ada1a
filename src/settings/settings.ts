// User settings shared by content script, background and (later) the options page.
// Stored in storage.sync as plain JSON; validated on every read so a corrupt or hostile
// value falls back to the default instead of disabling the guard silently.
// Checked with src/core/decimal-text (regex + BigInt, exact): the content script reads settings
// too and must not carry decimal.js.
import { compareFixed, parseDecimalFixed, signOf, type Fixed } from '../core/decimal-text';
import { VENUES, type VenueId } from '../core/types';
import {
  at,
  boolean,
  check,
  fail,
  isObj,
  map,
  nullable,
  obj,
  object,
  oneOf,
  own,
  type Infer,
  type ObjectOf,
  type Schema,
} from '../schema';
import type { DecimalString } from '../venues/types';

/** 'page': the overlay follows the page's own background (dark exchanges get the dark theme); the default. */
export const THEMES = ['page', 'system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const int = (n: number): Fixed => ({ units: BigInt(n), scale: 0 });
const between =
  (lowest: number, highest: number, highestIncluded: boolean) =>
  (v: Fixed): boolean =>
    compareFixed(v, int(lowest)) >= 0 && compareFixed(v, int(highest)) < (highestIncluded ? 1 : 0);

/** Decimal text (regex + BigInt, exact) whose value passes `ok`. */
const decimal =
  (ok: (v: Fixed) => boolean): Schema<DecimalString> =>
  (v, path) => {
    const parsed = parseDecimalFixed(v);
    return parsed !== undefined && ok(parsed) ? (v as DecimalString) : fail(path, 'is not valid');
  };

/** A fee rate is a fraction below 1 % (0.01); anything larger is a percent typed as a fraction. */
const feeRate = decimal((v) => signOf(v) >= 0 && compareFixed(v, { units: 1n, scale: 2 }) < 0);

/** The user's own fee rates at a venue (fractions: 0.0002 = 0.02 %), replacing the bundled base tier. */
const feeTier = object({ makerFeeRate: feeRate, takerFeeRate: feeRate });
export type FeeTier = Infer<typeof feeTier>;

/** One value per venue; a venue whose value fails is left out, keys that are no venue are dropped. */
const perVenue =
  <T>(value: Schema<T>): Schema<Partial<Record<VenueId, T>>> =>
  (v, path) => {
    const o = obj(v, path);
    const out: Partial<Record<VenueId, T>> = {};
    for (const venue of VENUES) {
      const checked = check(value, own(o, venue), at(path, venue));
      if (checked.ok) out[venue] = checked.value;
    }
    return out;
  };

const ALL_VENUES_ON = Object.fromEntries(VENUES.map((venue) => [venue, true])) as Record<VenueId, boolean>;

/** Each setting's schema: a stored value that fails it is replaced by the default (parseSettings). */
const fields = {
  guardEnabled: boolean,
  overlayEnabled: boolean,
  /** Guard: hold the submit when liquidation is closer than this fraction of the mark. */
  minLiquidationDistance: decimal(between(0, 1, false)),
  /** Guard: hold the submit above this leverage; null = no personal maximum. */
  maxLeverage: nullable(decimal((v) => compareFixed(v, int(1)) >= 0)),
  /** Guard: hold the submit when the loss at the stop (fees included) exceeds this percent of the balance; null = off. */
  maxLossPercent: nullable(decimal((v) => signOf(v) > 0 && compareFixed(v, int(100)) <= 0)),
  holdHours: decimal(between(0, 24 * 365, true)),
  /** Cross margin: the account balance the user entered per venue (quote currency). */
  accountBalance: perVenue(decimal((v) => signOf(v) > 0)),
  /** Fee tier per venue; a venue without one uses the bundled base tier (and says so). */
  feeTiers: perVenue(feeTier),
  /** Venues the overlay runs on; every venue is on unless switched off. */
  enabledVenues: map(perVenue(boolean), (on) => ({ ...ALL_VENUES_ON, ...on })),
  theme: oneOf(THEMES),
};

/** User settings, as inferred from their schemas. */
export type Settings = ObjectOf<typeof fields>;

export const DEFAULT_SETTINGS: Settings = {
  guardEnabled: true,
  overlayEnabled: true,
  minLiquidationDistance: '0.05',
  maxLeverage: null,
  maxLossPercent: null,
  holdHours: '24',
  accountBalance: {},
  feeTiers: {},
  enabledVenues: ALL_VENUES_ON,
  theme: 'page',
};

export const SETTINGS_KEY = 'settings';

/**
 * Any stored value → valid Settings; unknown keys dropped, bad values replaced by defaults. Own
 * properties only: settings come from storage and from imported files, and a key named
 * "toString", "constructor" or "__proto__" must not pass for a known one.
 */
export function parseSettings(raw: unknown): Settings {
  const o = isObj(raw) ? raw : {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(fields) as Array<keyof Settings>) {
    const checked = check(fields[key] as Schema<unknown>, own(o, key), key);
    out[key] = checked.ok ? checked.value : DEFAULT_SETTINGS[key];
  }
  return out as Settings;
}

/** A key as shown in a refusal: an imported file's keys can be as long as the file. */
const clip = (key: string): string => (key.length > 40 ? `${key.slice(0, 40)}…` : key);

/** The keys of stored settings that parseSettings had to drop or replace: none for a valid value. */
export function settingsProblems(raw: unknown): string[] {
  if (!isObj(raw)) return ['settings must be a JSON object'];
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
  if (!isObj(value)) return value;
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
  if (!isObj(data) || own(data, 'format') !== EXPORT_FORMAT)
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
