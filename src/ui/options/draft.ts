// The options form as typed (a draft) and its strict conversion back to Settings. Percent fields
// are shown and typed in percent but stored as fractions (5 % ↔ "0.05"); the conversion shifts
// the decimal point of the exact digits, never through a float. A draft with any invalid field
// yields errors per field and no Settings, so an invalid value can never be saved.
import { compareFixed, parseDecimalFixed, plainText, shiftFixed, signOf, type Fixed } from '../../core/decimal-text';
import { VENUES, type VenueId } from '../../core/types';
import { settingsProblems, type FeeTier, type Settings, type Theme } from '../../settings/settings';
import { t } from '../i18n';

export interface FeeDraft {
  maker: string;
  taker: string;
}

export interface Draft {
  guardEnabled: boolean;
  overlayEnabled: boolean;
  /** Percent. */
  minLiquidationDistance: string;
  /** Empty: no personal maximum. */
  maxLeverage: string;
  /** Percent of the balance; empty: off. */
  maxLossPercent: string;
  holdHours: string;
  /** Percent; both empty: the bundled base tier. */
  fees: Record<VenueId, FeeDraft>;
  enabledVenues: Record<VenueId, boolean>;
  theme: Theme;
}

/** Input ids of the text fields; the form uses them as element ids and error keys. */
export const feeFieldId = (venue: VenueId, side: keyof FeeDraft): string => `fee-${venue}-${side}`;

export type FieldErrors = Record<string, string>;

/** Typed numbers: plain digits with an optional decimal point ("5", "0.5"); no sign, exponent, comma or spaces inside.
 * At most 12 decimals, so a percent stored as a fraction stays within what parseSettings reads (≥ 1e-18). */
const TYPED_NUMBER = /^\d{1,15}(?:\.\d{1,12})?$/;

const int = (n: number): Fixed => ({ units: BigInt(n), scale: 0 });
const fromPercent = (v: Fixed): string => plainText(shiftFixed(v, -2));
const toPercent = (stored: string): string => {
  const v = parseDecimalFixed(stored);
  return v === undefined ? '' : plainText(shiftFixed(v, 2));
};

export function draftFromSettings(s: Settings): Draft {
  const fees = {} as Record<VenueId, FeeDraft>;
  for (const venue of VENUES) {
    const tier = s.feeTiers[venue];
    fees[venue] = tier
      ? { maker: toPercent(tier.makerFeeRate), taker: toPercent(tier.takerFeeRate) }
      : { maker: '', taker: '' };
  }
  return {
    guardEnabled: s.guardEnabled,
    overlayEnabled: s.overlayEnabled,
    minLiquidationDistance: toPercent(s.minLiquidationDistance),
    maxLeverage: s.maxLeverage === null ? '' : normal(s.maxLeverage),
    maxLossPercent: s.maxLossPercent === null ? '' : normal(s.maxLossPercent),
    holdHours: normal(s.holdHours),
    fees,
    enabledVenues: { ...s.enabledVenues },
    theme: s.theme,
  };
}

function normal(stored: string): string {
  const v = parseDecimalFixed(stored);
  return v === undefined ? stored : plainText(v);
}

/** One typed number checked against its range: the value, or the message to show. */
type Checked = { value: Fixed } | { error: string };

function typed(text: string, ok: (v: Fixed) => string | null): Checked {
  const trimmed = text.trim();
  if (!TYPED_NUMBER.test(trimmed)) return { error: t('error_notANumber') };
  const value = parseDecimalFixed(trimmed);
  if (value === undefined) return { error: t('error_notANumber') };
  const problem = ok(value);
  return problem === null ? { value } : { error: problem };
}

const below =
  (max: number) =>
  (v: Fixed): string | null =>
    compareFixed(v, int(max)) < 0 ? null : t('error_below', String(max));
const atMost =
  (max: number) =>
  (v: Fixed): string | null =>
    compareFixed(v, int(max)) <= 0 ? null : t('error_atMost', String(max));
const atLeast =
  (min: number) =>
  (v: Fixed): string | null =>
    compareFixed(v, int(min)) >= 0 ? null : t('error_atLeast', String(min));
const positiveAtMost =
  (max: number) =>
  (v: Fixed): string | null =>
    signOf(v) > 0 ? atMost(max)(v) : t('error_greaterThan', '0');

/** The user's limits (percent) → stored settings fields. */
const RULES = {
  minLiquidationDistance: below(100),
  maxLeverage: atLeast(1),
  maxLossPercent: positiveAtMost(100),
  holdHours: atMost(24 * 365),
  fee: below(1),
};

/**
 * The draft on top of `base` (the latest stored settings, which keep what this form does not
 * edit, such as the popup's balances): valid Settings, or an error per invalid field.
 */
export function settingsFromDraft(base: Settings, draft: Draft): { settings: Settings } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const field = (
    id: string,
    text: string,
    rule: (v: Fixed) => string | null,
    optional: boolean,
  ): Fixed | null | undefined => {
    if (optional && text.trim() === '') return null;
    const checked = typed(text, rule);
    if ('error' in checked) {
      errors[id] = checked.error;
      return undefined;
    }
    return checked.value;
  };

  const minDistance = field(
    'minLiquidationDistance',
    draft.minLiquidationDistance,
    RULES.minLiquidationDistance,
    false,
  );
  const maxLeverage = field('maxLeverage', draft.maxLeverage, RULES.maxLeverage, true);
  const maxLoss = field('maxLossPercent', draft.maxLossPercent, RULES.maxLossPercent, true);
  const holdHours = field('holdHours', draft.holdHours, RULES.holdHours, false);

  const feeTiers: Settings['feeTiers'] = {};
  for (const venue of VENUES) {
    const { maker, taker } = draft.fees[venue];
    if (maker.trim() === '' && taker.trim() === '') continue;
    const makerId = feeFieldId(venue, 'maker');
    const takerId = feeFieldId(venue, 'taker');
    // One fee without the other would mix the user's tier with the base tier: ask for both.
    if (maker.trim() === '') errors[makerId] = t('error_feePair');
    if (taker.trim() === '') errors[takerId] = t('error_feePair');
    const makerRate = maker.trim() === '' ? undefined : field(makerId, maker, RULES.fee, false);
    const takerRate = taker.trim() === '' ? undefined : field(takerId, taker, RULES.fee, false);
    if (makerRate && takerRate) {
      const tier: FeeTier = { makerFeeRate: fromPercent(makerRate), takerFeeRate: fromPercent(takerRate) };
      feeTiers[venue] = tier;
    }
  }

  if (
    Object.keys(errors).length > 0 ||
    minDistance == null ||
    holdHours == null ||
    maxLeverage === undefined ||
    maxLoss === undefined
  ) {
    return { errors };
  }
  const settings: Settings = {
    ...base,
    guardEnabled: draft.guardEnabled,
    overlayEnabled: draft.overlayEnabled,
    minLiquidationDistance: fromPercent(minDistance),
    maxLeverage: maxLeverage === null ? null : plainText(maxLeverage),
    maxLossPercent: maxLoss === null ? null : plainText(maxLoss),
    holdHours: plainText(holdHours),
    feeTiers,
    enabledVenues: { ...draft.enabledVenues },
    theme: draft.theme,
  };
  // The same rules the content script and background apply on read: what passes here survives there.
  const problems = settingsProblems(settings);
  if (problems.length > 0) throw new Error(`options form produced invalid settings: ${problems.join('; ')}`);
  return { settings };
}

/**
 * Settings changed elsewhere (popup, import in another window, sync): every field the user has not
 * touched since `before` takes the new value; fields being edited keep what is typed.
 */
export function mergeExternal(draft: Draft, before: Settings, after: Settings): Draft {
  const was = draftFromSettings(before);
  const now = draftFromSettings(after);
  const pick = <T>(current: T, old: T, next: T): T =>
    JSON.stringify(current) === JSON.stringify(old) ? next : current;
  const fees = {} as Record<VenueId, FeeDraft>;
  const enabledVenues = {} as Record<VenueId, boolean>;
  for (const venue of VENUES) {
    fees[venue] = pick(draft.fees[venue], was.fees[venue], now.fees[venue]);
    enabledVenues[venue] = pick(draft.enabledVenues[venue], was.enabledVenues[venue], now.enabledVenues[venue]);
  }
  return {
    guardEnabled: pick(draft.guardEnabled, was.guardEnabled, now.guardEnabled),
    overlayEnabled: pick(draft.overlayEnabled, was.overlayEnabled, now.overlayEnabled),
    minLiquidationDistance: pick(draft.minLiquidationDistance, was.minLiquidationDistance, now.minLiquidationDistance),
    maxLeverage: pick(draft.maxLeverage, was.maxLeverage, now.maxLeverage),
    maxLossPercent: pick(draft.maxLossPercent, was.maxLossPercent, now.maxLossPercent),
    holdHours: pick(draft.holdHours, was.holdHours, now.holdHours),
    fees,
    enabledVenues,
    theme: pick(draft.theme, was.theme, now.theme),
  };
}

export const sameDraft = (a: Draft, b: Draft): boolean => JSON.stringify(a) === JSON.stringify(b);
