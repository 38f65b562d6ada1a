// What the user typed in the calculator, kept per venue in storage.local (this browser only; the
// balance typed here is never written to the settings from the calculator). Validated on read:
// anything that is not exactly a scenario we wrote is dropped and the venue starts from its example.
// Field texts are kept as typed (even half-typed); they are validated again before every quote.
import type { VenueId } from '../../core/types';
import { VENUES } from '../../core/types';
import { isVenue, type PositionRow, type Scenario } from './scenario';
import { isObj } from '../../schema';

export const CALCULATOR_KEY = 'calculator';
export const CALCULATOR_VERSION = 1;
/** Rows of other positions kept per venue (the form offers no more). */
export const MAX_POSITION_ROWS = 20;
/** Longest text kept for one field: numbers as typed are short; anything longer is not ours. */
const MAX_TEXT = 40;

export interface StoredCalculator {
  version: typeof CALCULATOR_VERSION;
  /** Venue the calculator showed last, opened again when the tab has no order. */
  lastVenue: VenueId | null;
  venues: Partial<Record<VenueId, Scenario>>;
}

export const EMPTY_CALCULATOR: StoredCalculator = { version: CALCULATOR_VERSION, lastVenue: null, venues: {} };

type Obj = Record<string, unknown>;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const oneOf = <T extends string>(v: unknown, options: readonly T[]): v is T =>
  typeof v === 'string' && (options as readonly string[]).includes(v);
const exactKeys = (o: Obj, keys: readonly string[]): boolean =>
  Object.keys(o).length === keys.length && keys.every((k) => Object.hasOwn(o, k));

const ROW_KEYS = ['symbol', 'side', 'quantity', 'entry', 'mark', 'ratePercent', 'pageMargin'] as const;
const SCENARIO_KEYS = [
  'venue',
  'symbol',
  'marginMode',
  'side',
  'orderType',
  'price',
  'size',
  'sizeUnit',
  'leverage',
  'mark',
  'balance',
  'positions',
  'holdHours',
  'stopLoss',
  'takeProfit',
  'maintenancePercent',
  'riskMode',
  'risk',
] as const;
const TEXT_FIELDS = [
  'price',
  'size',
  'leverage',
  'mark',
  'balance',
  'holdHours',
  'stopLoss',
  'takeProfit',
  'maintenancePercent',
  'risk',
] as const;

function isRow(v: unknown): v is PositionRow {
  return (
    isObj(v) &&
    exactKeys(v, ROW_KEYS) &&
    isText(v.symbol) &&
    oneOf(v.side, ['long', 'short'] as const) &&
    isText(v.quantity) &&
    isText(v.entry) &&
    isText(v.mark) &&
    isText(v.ratePercent) &&
    (v.pageMargin === null || isText(v.pageMargin))
  );
}

export function isScenario(v: unknown, venue: VenueId): v is Scenario {
  return (
    isObj(v) &&
    exactKeys(v, SCENARIO_KEYS) &&
    v.venue === venue &&
    isText(v.symbol) &&
    oneOf(v.marginMode, ['isolated', 'cross'] as const) &&
    oneOf(v.side, ['long', 'short'] as const) &&
    oneOf(v.orderType, ['limit', 'market'] as const) &&
    oneOf(v.sizeUnit, ['base', 'quote'] as const) &&
    oneOf(v.riskMode, ['amount', 'percent'] as const) &&
    TEXT_FIELDS.every((k) => isText(v[k])) &&
    Array.isArray(v.positions) &&
    v.positions.length <= MAX_POSITION_ROWS &&
    v.positions.every(isRow)
  );
}

/** Any stored value → a valid calculator state; a bad venue entry is dropped, the others kept. */
export function parseCalculator(raw: unknown): StoredCalculator {
  if (!isObj(raw) || raw.version !== CALCULATOR_VERSION || !isObj(raw.venues)) return EMPTY_CALCULATOR;
  const venues: StoredCalculator['venues'] = {};
  for (const venue of VENUES) {
    const entry = raw.venues[venue];
    // Copied field by field, so nothing but what the check looked at is kept.
    if (isScenario(entry, venue)) venues[venue] = { ...entry, positions: entry.positions.map((p) => ({ ...p })) };
  }
  return { version: CALCULATOR_VERSION, lastVenue: isVenue(raw.lastVenue) ? raw.lastVenue : null, venues };
}

export function withScenario(stored: StoredCalculator, scenario: Scenario): StoredCalculator {
  return { ...stored, lastVenue: scenario.venue, venues: { ...stored.venues, [scenario.venue]: scenario } };
}

export function withoutVenue(stored: StoredCalculator, venue: VenueId): StoredCalculator {
  const venues = { ...stored.venues };
  delete venues[venue];
  return { ...stored, venues };
}

/** The storage area the calculator uses (browser.storage.local, or a fake in tests). */
export interface CalculatorArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function loadCalculator(area: CalculatorArea): Promise<StoredCalculator> {
  try {
    return parseCalculator((await area.get(CALCULATOR_KEY))[CALCULATOR_KEY]);
  } catch {
    return EMPTY_CALCULATOR;
  }
}

export async function saveCalculator(area: CalculatorArea, stored: StoredCalculator): Promise<void> {
  await area.set({ [CALCULATOR_KEY]: stored });
}
